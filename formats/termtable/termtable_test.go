package termtable_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/formats/internal/textfmt"
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
		// A terminal of 80 and of 120 columns: the rooms split over grids.
		{"sample.grid.80.txt", grid(p.Sessions), termtable.Options{Width: 80, ASCII: true}},
		{"sample.grid.80.box.txt", grid(p.Sessions), termtable.Options{Width: 80}},
		{"sample.grid.120.txt", grid(p.Sessions), termtable.Options{Width: 120, ASCII: true}},
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

// TestGridFitsTheWidth: at any width from the narrowest the grid allows
// up, no line is wider than the width, every room is shown, and from 80
// columns on no word of the sample is broken (its longest, 17 columns,
// fits every cell). Below the narrowest, RenderGrid says so and writes
// nothing.
func TestGridFitsTheWidth(t *testing.T) {
	p := sample(t)
	var words []string
	for _, s := range p.Sessions {
		words = append(words, strings.Fields(s.Title+" "+s.ID)...)
	}
	for width := termtable.MinGridWidth; width <= 200; width += 3 {
		for _, ascii := range []bool{true, false} {
			var b bytes.Buffer
			if err := termtable.RenderGrid(&b, p.Sessions, termtable.Options{Width: width, ASCII: ascii}); err != nil {
				t.Fatalf("width %d: %v", width, err)
			}
			out := b.String()
			for i, l := range strings.Split(out, "\n") {
				if w := textfmt.Width(l); w > width {
					t.Fatalf("width %d, ascii %v: line %d is %d wide:\n%s", width, ascii, i+1, w, l)
				}
			}
			if width < 80 {
				continue
			}
			// Words are whole once the cells fit the widest.
			shown := map[string]bool{}
			for _, w := range strings.Fields(out) {
				shown[w] = true
			}
			for _, w := range words {
				if !shown[w] {
					t.Errorf("width %d, ascii %v: the word %q is broken", width, ascii, w)
				}
			}
		}
	}
	var b bytes.Buffer
	err := termtable.RenderGrid(&b, p.Sessions, termtable.Options{Width: termtable.MinGridWidth - 1})
	var ne *termtable.NarrowError
	if !errors.As(err, &ne) || ne.Need != termtable.MinGridWidth || b.Len() != 0 {
		t.Errorf("one column too narrow: err %v, wrote %q", err, b.String())
	}
	// An unknown width is 100, as for the list.
	var unknown, hundred bytes.Buffer
	termtable.RenderGrid(&unknown, p.Sessions, termtable.Options{ASCII: true})
	termtable.RenderGrid(&hundred, p.Sessions, termtable.Options{Width: 100, ASCII: true})
	if unknown.String() != hundred.String() {
		t.Errorf("an unknown width is not drawn as 100 columns")
	}
}

// TestGridContinuation: a session continuing from the slot above is
// marked with a plain ".." in ASCII, not a "|" that reads as a border,
// and with an arrow on a terminal; in ASCII nothing but the data's own
// text is outside ASCII.
func TestGridContinuation(t *testing.T) {
	day := schedule.Filter{Day: "2023-10-11"}.Apply(sample(t).Sessions)
	var data strings.Builder
	for _, s := range day {
		data.WriteString(s.ID + s.Room + s.Title)
	}
	for _, c := range []struct {
		ascii bool
		want  string
	}{{true, "| .. WS #349     |"}, {false, "│ ↓ WS #349      │"}} {
		var b bytes.Buffer
		if err := termtable.RenderGrid(&b, day, termtable.Options{Width: 80, ASCII: c.ascii}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, c.want) || strings.Contains(out, "| | ") {
			t.Errorf("ascii %v: want %q in\n%s", c.ascii, c.want, out)
		}
		for _, r := range out {
			if c.ascii && r > 0x7f && !strings.ContainsRune(data.String(), r) {
				t.Errorf("%q in the ASCII grid, not from the data", r)
			}
		}
	}
}

// TestWrapText: cells break at spaces, inside a word only when the word
// alone is wider than the cell, and then without losing a character.
func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"Community Networks as Infrastructure", 14, "Community\nNetworks as\nInfrastructure"},
		{"Community Networks as Infrastructure", 20, "Community Networks\nas Infrastructure"},
		{"An Intergenerational Dialogue", 12, "An\nIntergenerat\nional\nDialogue"},
		{"Intergenerational", 17, "Intergenerational"},
		{"Intergenerational", 16, "Intergenerationa\nl"},
		{"WS #349", 8, "WS #349"},
		{"Networking Session #14", 10, "Networking\nSession\n#14"},
		{"  spaced   out  ", 6, "spaced\nout"},
		{"Généralités réseau", 11, "Généralités\nréseau"},
		{"漢字漢字 かな", 4, "漢字\n漢字\nかな"},
		{"漢字", 3, "漢\n字"},
		{"漢字", 1, "漢\n字"}, // a character wider than the cell is never lost
		{"fits exactly", 12, "fits exactly"},
	} {
		got := termtable.WrapText(c.in, c.width)
		if got != c.want {
			t.Errorf("WrapText(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(c.in), "") {
			t.Errorf("WrapText(%q, %d) lost characters: %q", c.in, c.width, got)
		}
	}
}
