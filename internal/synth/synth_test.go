package synth

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/validate"
	"github.com/docket-forum/docket/internal/vocab"
)

var writers = []struct {
	ext   string
	write func(io.Writer, int, int64) error
}{
	{"csv", WriteCSV},
	{"xlsx", WriteXLSX},
}

func generate(t testing.TB, ext string, n int, seed int64) []byte {
	t.Helper()
	for _, w := range writers {
		if w.ext == ext {
			var b bytes.Buffer
			if err := w.write(&b, n, seed); err != nil {
				t.Fatalf("write %s: %v", ext, err)
			}
			return b.Bytes()
		}
	}
	t.Fatalf("no writer for %s", ext)
	return nil
}

func read(t *testing.T, name string, data []byte) *schedule.Programme {
	t.Helper()
	p, err := formats.ReadProgramme(formats.Input{Name: name, R: bytes.NewReader(data)}, formats.ReadOptions{})
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return p
}

// TestReadBack reads generated programmes with docket's own reader: every
// row is a session, every date and time is read, with the edition's zone.
func TestReadBack(t *testing.T) {
	for _, w := range writers {
		for _, tc := range []struct {
			n    int
			seed int64
		}{{0, 1}, {1, 1}, {37, 2}, {600, 3}, {600, 4}} {
			t.Run(fmt.Sprintf("%s/n=%d/seed=%d", w.ext, tc.n, tc.seed), func(t *testing.T) {
				name := "sessions." + w.ext
				p := read(t, name, generate(t, w.ext, tc.n, tc.seed))
				if len(p.Sessions) != tc.n {
					t.Fatalf("read %d sessions, want %d", len(p.Sessions), tc.n)
				}
				for _, pr := range p.Problems {
					t.Errorf("problem: %s row %d %s: %s", pr.Rule, pr.Src.Row, pr.Column, pr.Message)
				}
				zone := editions[uint64(tc.seed)%uint64(len(editions))].zone
				ids := map[string]bool{}
				for _, s := range p.Sessions {
					if ids[s.ID] {
						t.Errorf("duplicate id %q", s.ID)
					}
					ids[s.ID] = true
					if s.Timezone != zone {
						t.Errorf("%s: zone %q, want %q", s.ID, s.Timezone, zone)
					}
					if !s.Scheduled() || !s.End.After(s.Start) {
						t.Errorf("%s: start %v end %v", s.ID, s.Start, s.End)
					}
					if len(s.Speakers) == 0 || s.Description == "" || s.Room == "" || len(s.SDGs) == 0 {
						t.Errorf("%s: missing speakers, description, room or SDGs", s.ID)
					}
				}
			})
		}
	}
}

// TestValidateClean: a generated programme has no room or person overlaps
// and only well-formed values, so docket's rules find nothing (or nearly).
func TestValidateClean(t *testing.T) {
	for _, w := range writers {
		t.Run(w.ext, func(t *testing.T) {
			const n = 3000
			p := read(t, "sessions."+w.ext, generate(t, w.ext, n, 1))
			fs := validate.Run(p, validate.Options{})
			errs, warns := validate.Count(fs)
			if errs > 0 || warns > n/100 {
				for i, f := range fs {
					if i == 10 {
						break
					}
					t.Logf("row %d %s: %s %s", f.Row, f.Column, f.Rule, f.Message)
				}
				t.Errorf("%d errors, %d warnings in %d sessions; want none (or a few warnings)", errs, warns, n)
			}
		})
	}
}

// TestXLSXMatchesCSV: excelize shows the same cells in the workbook as the
// CSV holds, with dates and times formatted by their number formats.
func TestXLSXMatchesCSV(t *testing.T) {
	for _, seed := range []int64{1, 5} {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			const n = 250
			want, err := csv.NewReader(bytes.NewReader(generate(t, "csv", n, seed))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(generate(t, "xlsx", n, seed)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); len(got) != 1 || got[0] != "Sessions" {
				t.Fatalf("sheets %q, want [Sessions]", got)
			}
			got, err := f.GetRows("Sessions")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n+1 {
				t.Fatalf("%d rows, want %d", len(got), n+1)
			}
			for i := range want {
				// excelize drops trailing empty cells.
				row := append(got[i], make([]string, len(want[i])-len(got[i]))...)
				for c := range want[i] {
					if row[c] != want[i][c] {
						t.Errorf("row %d %s: xlsx %q, csv %q", i+1, want[0][c], row[c], want[i][c])
					}
				}
			}
			for _, cell := range []string{"E2", "F2", "G2"} {
				if typ, _ := f.GetCellType("Sessions", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("%s: cell type %v, want a number", cell, typ)
				}
			}
		})
	}
}

var (
	siRE       = regexp.MustCompile(`<si>`)
	stringCell = regexp.MustCompile(`<c r="[A-Z]+[0-9]+"( s="[0-9]+")? t="s">`)
	sstCounts  = regexp.MustCompile(`<sst [^>]*count="([0-9]+)" uniqueCount="([0-9]+)"`)
	dateCell   = regexp.MustCompile(`<c r="E2" s="1"><v>[0-9]+</v></c><c r="F2" s="2"><v>0\.[0-9]+</v></c><c r="G2" s="2"><v>0\.[0-9]+</v></c>`)
)

// TestXLSXParts looks inside the workbook: the parts Excel writes, a shared
// strings table whose counts are right, no inline strings, and dates and
// times as numbers with date and time styles.
func TestXLSXParts(t *testing.T) {
	for _, n := range []int{0, 1, 400} {
		t.Run(fmt.Sprint("n=", n), func(t *testing.T) {
			data := generate(t, "xlsx", n, 1)
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					t.Fatal(err)
				}
				parts[f.Name] = string(b)
			}
			for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
				"xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"} {
				if _, ok := parts[name]; !ok {
					t.Errorf("no part %s", name)
				}
			}
			sheet, sst := parts["xl/worksheets/sheet1.xml"], parts["xl/sharedStrings.xml"]
			if strings.Contains(sheet, "inlineStr") || strings.Contains(sheet, "<is>") {
				t.Error("the sheet has inline strings")
			}
			m := sstCounts.FindStringSubmatch(sst)
			if m == nil {
				t.Fatalf("no counts in %.200s", sst)
			}
			if refs := len(stringCell.FindAllString(sheet, -1)); m[1] != fmt.Sprint(refs) {
				t.Errorf("sst count %s, sheet has %d string cells", m[1], refs)
			}
			if entries := len(siRE.FindAllString(sst, -1)); m[2] != fmt.Sprint(entries) {
				t.Errorf("sst uniqueCount %s, table has %d entries", m[2], entries)
			}
			if n > 0 && !dateCell.MatchString(sheet) {
				t.Errorf("row 2 has no numeric date and time cells: %.600s", sheet[strings.Index(sheet, `<row r="2"`):])
			}
		})
	}
}

// TestDeterministic: the same count and seed give the same bytes, another
// seed other bytes.
func TestDeterministic(t *testing.T) {
	for _, w := range writers {
		t.Run(w.ext, func(t *testing.T) {
			a, b, c := generate(t, w.ext, 200, 7), generate(t, w.ext, 200, 7), generate(t, w.ext, 200, 8)
			if !bytes.Equal(a, b) {
				t.Error("two runs with seed 7 differ")
			}
			if bytes.Equal(a, c) {
				t.Error("seeds 7 and 8 give the same bytes")
			}
		})
	}
}

var emailRE = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z])*(\.[a-z])?\.[a-z0-9-]+@example\.org$`)

// TestRows checks the shape of the rows against the peer measurements'
// description and the vocabularies.
func TestRows(t *testing.T) {
	const n = 5000
	data := generate(t, "csv", n, 3)
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != n+1 {
		t.Fatalf("%d records, want %d", len(recs), n+1)
	}
	if avg := len(data) / n; avg < 850 || avg > 1250 {
		t.Errorf("%d bytes a row, want about 1 KB", avg)
	}
	if strings.Contains(string(data), "%[") || strings.Contains(string(data), "%!") {
		t.Error("a pattern was not expanded")
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var newlines int
	ids := map[string]bool{}
	roomOf := map[string]string{} // person → room
	type booking struct{ start, end string }
	rooms := map[string][]booking{} // date+room → bookings
	for _, r := range recs[1:] {
		get := func(h string) string { return r[col[h]] }
		if ids[get("id")] {
			t.Errorf("duplicate id %q", get("id"))
		}
		ids[get("id")] = true
		if m := vocab.Types().Lookup(get("type")); m == nil || !m.Exact {
			t.Errorf("%s: type %q not in the vocabulary", get("id"), get("type"))
		}
		if d := utf8.RuneCountInString(get("description")); d < 200 || d > 600 {
			t.Errorf("%s: description of %d characters", get("id"), d)
		}
		if strings.Contains(get("description"), "\n") {
			newlines++
		}
		for _, code := range strings.Split(get("sdgs"), "; ") {
			if !vocab.IsSDGTarget(code) {
				t.Errorf("%s: %q is no SDG target", get("id"), code)
			}
		}
		if e := get("moderator_email"); e != "" && !emailRE.MatchString(e) {
			t.Errorf("%s: bad e-mail %q", get("id"), e)
		}
		if get("start") < "09:00" || get("end") > "18:30" || get("start") >= get("end") {
			t.Errorf("%s: %s–%s", get("id"), get("start"), get("end"))
		}
		key := get("date") + " " + get("room")
		for _, b := range rooms[key] {
			if get("start") < b.end && b.start < get("end") {
				t.Errorf("%s: %s %s–%s overlaps %s–%s", get("id"), key, get("start"), get("end"), b.start, b.end)
			}
		}
		rooms[key] = append(rooms[key], booking{get("start"), get("end")})
		names := []string{get("moderator"), get("rapporteur")}
		for _, sp := range strings.Split(get("speakers"), "; ") {
			parts := strings.Split(sp, ", ")
			if len(parts) != 5 {
				t.Errorf("%s: speaker %q has %d parts", get("id"), sp, len(parts))
				continue
			}
			names = append(names, parts[0])
			region, _, _ := strings.Cut(parts[4], " (")
			for _, v := range []struct {
				voc   *vocab.Vocabulary
				value string
			}{{vocab.Stakeholders(), parts[3]}, {vocab.Regions(), region}} {
				if m := v.voc.Lookup(v.value); m == nil || !m.Exact {
					t.Errorf("%s: %q is no %s", get("id"), v.value, v.voc.Name)
				}
			}
		}
		for _, name := range names {
			if name == "" {
				continue
			}
			if other, ok := roomOf[name]; ok && other != get("room") {
				t.Errorf("%s is in %s and in %s", name, other, get("room"))
			}
			roomOf[name] = get("room")
		}
	}
	if share := float64(newlines) / n; share < 0.05 || share > 0.11 {
		t.Errorf("%.1f%% of descriptions have a line break, want about 8%%", 100*share)
	}
}

// TestVocabulary: the names and aliases the generator writes are ones the
// vocabularies know, mapping to the intended canonical name.
func TestVocabulary(t *testing.T) {
	check := func(voc *vocab.Vocabulary, value, canonical string) {
		t.Helper()
		if m := voc.Lookup(value); m == nil || !m.Exact || m.Term.Name != canonical {
			t.Errorf("%s %q does not name %q", voc.Name, value, canonical)
		}
	}
	for _, ty := range types {
		check(vocab.Types(), ty.name, ty.name)
	}
	for _, s := range stakeholders {
		check(vocab.Stakeholders(), s.name, s.name)
		check(vocab.Stakeholders(), s.alias, s.name)
	}
	for canon, alias := range regionAliases {
		check(vocab.Regions(), canon, canon)
		check(vocab.Regions(), alias, canon)
	}
	check(vocab.Regions(), igoRegion, igoRegion)
	for _, c := range cultures {
		check(vocab.Regions(), c.region, c.region)
	}
	for _, th := range themes {
		for _, code := range th.sdgs {
			if !vocab.IsSDGTarget(code) {
				t.Errorf("theme %s: %q is no SDG target", th.name, code)
			}
		}
	}
}

// TestNames: names are unique as far as the initials reach, and every
// letter of the pools has an ASCII spelling for e-mail addresses.
func TestNames(t *testing.T) {
	for _, c := range cultures {
		if len(c.given) != namesPer || len(c.family) != namesPer {
			t.Errorf("%s: %d given and %d family names, want %d each", c.country, len(c.given), len(c.family), namesPer)
		}
		for _, name := range append(append([]string{}, c.given...), c.family...) {
			for _, r := range strings.ToLower(name) {
				if r >= 0x80 && asciiFold[r] == "" {
					t.Errorf("%s: no ASCII spelling of %q", name, r)
				}
			}
		}
	}
	seen := map[string]int{}
	for p := range 3*baseNames + 30 {
		x := person(p)
		if q, ok := seen[x.name]; ok {
			t.Fatalf("persons %d and %d are both %q", q, p, x.name)
		}
		seen[x.name] = p
		if strings.Contains(x.role+x.org, ",") {
			t.Errorf("person %d: a comma in %q or %q", p, x.role, x.org)
		}
		if !emailRE.MatchString(x.email) {
			t.Errorf("person %d: bad e-mail %q", p, x.email)
		}
	}
}

func TestAppendEscaped(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"AI & Emerging <Tech>", "AI &amp; Emerging &lt;Tech&gt;"},
		{"two\n\nparagraphs\tand a tab", "two\n\nparagraphs\tand a tab"},
		{"cr\r\nlf", "cr&#13;\nlf"},
		{"bell\x07", "bell_x0007_"},
		{"literal _x000D_ stays", "literal _x005F_x000D_ stays"},
		{"_x00G_ is no escape", "_x00G_ is no escape"},
		{"Søren – “quotes”", "Søren – “quotes”"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := string(appendEscaped(nil, tc.in)); got != tc.want {
			t.Errorf("appendEscaped(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	benchmarkWrite(b, WriteCSV)
}

func BenchmarkWriteXLSX(b *testing.B) {
	benchmarkWrite(b, WriteXLSX)
}

func benchmarkWrite(b *testing.B, write func(io.Writer, int, int64) error) {
	const n = 10000
	for b.Loop() {
		if err := write(io.Discard, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
