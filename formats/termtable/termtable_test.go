package termtable_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/formats/termtable"
	"github.com/docket-forum/docket/internal/schedule"
)

// The tests read the sample through formats (termtable itself does not
// import it), from this external test package.

func init() {
	// Golden output must not depend on the machine's zone.
	time.Local = time.UTC
}

func sample(t *testing.T) *schedule.Programme {
	t.Helper()
	const path = "../../testdata/sample.csv"
	p, err := formats.ReadProgramme(formats.Input{Name: filepath.Base(path), Path: path}, formats.ReadOptions{})
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return p
}

// TestGolden pins the list and the grid as a pipe gets them (ASCII, no
// colour) and as a terminal shows them (box drawing, with and without
// colour), since the terminal is where a wrong joint or escape shows.
func TestGolden(t *testing.T) {
	p := sample(t)
	day := schedule.Filter{Day: "2023-10-11"}.Apply(p.Sessions)
	cases := []struct {
		file   string
		render func(w *bytes.Buffer, o termtable.Options) error
		o      termtable.Options
	}{
		{"sample.table.txt", list(p.Sessions), termtable.Options{Width: 120, ASCII: true}},
		{"sample.table.box.txt", list(p.Sessions), termtable.Options{Width: 120}},
		{"sample.table.color.txt", list(p.Sessions), termtable.Options{Width: 120, Color: true}},
		{"sample.grid.txt", grid(day), termtable.Options{Width: 160, ASCII: true}},
		{"sample.grid.box.txt", grid(day), termtable.Options{Width: 160}},
		{"sample.grid.color.txt", grid(day), termtable.Options{Width: 160, Color: true}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.render(&b, c.o); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if box := strings.Contains(got, "┼"); box == c.o.ASCII {
				t.Errorf("box drawing = %v with ASCII = %v", box, c.o.ASCII)
			}
			if bold := strings.Contains(got, "\x1b[1m"); bold != c.o.Color {
				t.Errorf("bold headings = %v with Color = %v", bold, c.o.Color)
			}
			testkit.Golden(t, "testdata/golden/"+c.file, []byte(got))
		})
	}
	t.Run("list in another zone", func(t *testing.T) {
		berlin, _ := time.LoadLocation("Europe/Berlin")
		var b bytes.Buffer
		day := schedule.Filter{Day: "2023-10-11", Loc: berlin, Room: "room k"}.Apply(p.Sessions)
		if err := termtable.RenderList(&b, day, termtable.Options{Width: 100, ASCII: true, Loc: berlin}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "10:45-11:45") || !strings.Contains(b.String(), "Europe/Berlin (UTC+02:00)") {
			t.Errorf("OF168 should show 10:45–11:45 Berlin time:\n%s", b.String())
		}
		testkit.Golden(t, "testdata/golden/sample.berlin.txt", b.Bytes())
	})
}

func list(ss []*schedule.Session) func(*bytes.Buffer, termtable.Options) error {
	return func(w *bytes.Buffer, o termtable.Options) error { return termtable.RenderList(w, ss, o) }
}

func grid(ss []*schedule.Session) func(*bytes.Buffer, termtable.Options) error {
	return func(w *bytes.Buffer, o termtable.Options) error { return termtable.RenderGrid(w, ss, o) }
}
