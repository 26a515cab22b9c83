package formats

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

// messyDir holds the messy twins of the sample (issue 3), written by
// testdata/gen (messy.go) except openpyxl.xlsx (testdata/gen/openpyxl_twin.py).
const messyDir = "../testdata/messy"

// messyTwins lists every file in messyDir and how to read it. Each must
// give the same canonical JSON as sample.csv.
var messyTwins = []struct {
	file string
	opts ReadOptions
	// twinOnly are extra columns that only the twin has (a duration
	// instead of the end, a "Last updated" column): they must be read as
	// extras, and are then left out of the comparison.
	twinOnly []string
	// subset > 0: the twin holds only that many of the sample's sessions
	// (Windows-1252 cannot hold every name); it is compared with the
	// sample reduced to its session ids.
	subset int
}{
	// text files
	{file: "semicolon.csv"},
	{file: "unicode-text.txt"},
	{file: "windows-1252.csv", subset: 23},
	{file: "crlf-padding.csv"},
	{file: "header-aliases.csv"},
	{file: "dates-dotted.csv"},
	{file: "dates-us.csv", opts: ReadOptions{DateOrder: "mdy"}},
	{file: "dates-dayfirst.csv", twinOnly: []string{"Last updated"}},
	{file: "times-12h.csv"},
	{file: "igf-web-form.csv", opts: ReadOptions{Timezone: "Asia/Tokyo"}},
	{file: "duration.csv", twinOnly: []string{"Duration"}},
	{file: "persons-numbered.csv"},
	{file: "persons-pipe.csv"},
	{file: "vocab-aliases.csv"},
	{file: "sdgs-prefixed.csv"},
	// workbooks written by excelize
	{file: "title-rows.xlsx"},
	{file: "cover-sheet.xlsx"},
	{file: "merged-dates.xlsx"},
	{file: "datetime-cells.xlsx", opts: ReadOptions{Timezone: "Asia/Tokyo"}},
	{file: "time-cells.xlsx"},
	{file: "date1904.xlsx"},
	{file: "formulas.xlsx"},
	{file: "hidden-rows.xlsx"},
	{file: "macro.xlsm"},
	// written by openpyxl, committed
	{file: "openpyxl.xlsx"},
}

// TestMessyTwinsGiveTheSampleProgramme: every messy twin converts to the
// same canonical JSON as the tidy sample.
func TestMessyTwinsGiveTheSampleProgramme(t *testing.T) {
	tidy := readFile(t, sampleCSV, ReadOptions{})
	want := render(t, "json", tidy)

	t.Run("every twin has a case", func(t *testing.T) {
		entries, err := os.ReadDir(messyDir)
		if err != nil {
			t.Fatal(err)
		}
		var files, listed []string
		for _, e := range entries {
			files = append(files, e.Name())
		}
		for _, c := range messyTwins {
			listed = append(listed, c.file)
		}
		slices.Sort(listed)
		if !slices.Equal(files, listed) {
			t.Errorf("files in %s: %v\ncases: %v", messyDir, files, listed)
		}
	})

	for _, c := range messyTwins {
		t.Run(c.file, func(t *testing.T) {
			p := readFile(t, filepath.Join(messyDir, c.file), c.opts)
			for _, name := range c.twinOnly {
				if !dropExtra(p, name) {
					t.Errorf("the twin's column %q was not read as an extra column (extras: %q)", name, p.ExtraColumns)
				}
			}
			w := want
			if c.subset > 0 {
				sub := sameSessions(tidy, p)
				if len(sub.Sessions) != c.subset {
					t.Errorf("%d sessions of the sample found by id, want %d (twin has %d sessions)", len(sub.Sessions), c.subset, len(p.Sessions))
				}
				w = render(t, "json", sub)
			}
			if got := render(t, "json", p); got != w {
				t.Errorf("differs from sample.csv as canonical JSON:\n%s%s", testkit.FirstDiff(w, got), problemsNote(p))
			}
		})
	}
}

// dropExtra removes the extra column name from p and its sessions, and
// reports whether p had it.
func dropExtra(p *schedule.Programme, name string) bool {
	i := slices.Index(p.ExtraColumns, name)
	if i < 0 {
		return false
	}
	p.ExtraColumns = slices.Delete(slices.Clone(p.ExtraColumns), i, i+1)
	for _, s := range p.Sessions {
		s.Extra = slices.DeleteFunc(s.Extra, func(e schedule.Extra) bool { return e.Name == name })
	}
	return true
}

// sameSessions is tidy reduced to the sessions whose ids the twin has, in
// the tidy order.
func sameSessions(tidy, twin *schedule.Programme) *schedule.Programme {
	ids := map[string]bool{}
	for _, s := range twin.Sessions {
		ids[s.ID] = true
	}
	sub := *tidy
	sub.Sessions = nil
	for _, s := range tidy.Sessions {
		if ids[s.ID] {
			sub.Sessions = append(sub.Sessions, s)
		}
	}
	return &sub
}

// problemsNote lists the first problems the reader recorded, which often
// say why a value differs.
func problemsNote(p *schedule.Programme) string {
	if len(p.Problems) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\nreader problems (" + strconv.Itoa(len(p.Problems)) + "):")
	for _, pr := range p.Problems[:min(3, len(p.Problems))] {
		b.WriteString("\n  " + pr.Rule + " row " + strconv.Itoa(pr.Src.Row) + " " + pr.Column + ": " + pr.Message)
	}
	return b.String()
}
