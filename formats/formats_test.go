package formats

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

const (
	sampleCSV  = "../testdata/sample.csv"
	sampleXLSX = "../testdata/sample.xlsx"
)

func init() {
	// Golden output must not depend on the machine's zone.
	time.Local = time.UTC
}

func readFile(t *testing.T, path string, opts ReadOptions) *schedule.Programme {
	t.Helper()
	p, err := ReadProgramme(Input{Name: filepath.Base(path), Path: path}, opts)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return p
}

func render(t *testing.T, name string, p *schedule.Programme) string {
	t.Helper()
	f, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b, p, WriteOptions{}); err != nil {
		t.Fatalf("writing %s: %v", name, err)
	}
	return b.String()
}

func TestSampleCSVAndXLSXGiveTheSameProgramme(t *testing.T) {
	fromCSV := render(t, "json", readFile(t, sampleCSV, ReadOptions{}))
	fromXLSX := render(t, "json", readFile(t, sampleXLSX, ReadOptions{}))
	if fromCSV != fromXLSX {
		t.Errorf("sample.csv and sample.xlsx differ as JSON:\n%s", testkit.FirstDiff(fromCSV, fromXLSX))
	}
}

// TestRoundTrip writes the sample in each canonical format and reads it
// back: the programme must come back unchanged.
func TestRoundTrip(t *testing.T) {
	orig := readFile(t, sampleCSV, ReadOptions{})
	want := render(t, "json", orig)
	for _, name := range []string{"csv", "tsv", "xlsx", "json", "ndjson"} {
		t.Run(name, func(t *testing.T) {
			f, _ := Lookup(name)
			path := filepath.Join(t.TempDir(), "programme"+f.Extensions[0])
			if err := WriteFile(path, func(w io.Writer) error { return f.Write(w, orig, WriteOptions{}) }); err != nil {
				t.Fatal(err)
			}
			back := readFile(t, path, ReadOptions{})
			if got := render(t, "json", back); got != want {
				t.Errorf("round trip through %s changed the programme:\n%s", name, testkit.FirstDiff(want, got))
			}
			if len(back.Problems) > 0 {
				t.Errorf("reading our own %s found problems: %+v", name, back.Problems)
			}
			// Writing what was read gives the same bytes again.
			if name != "xlsx" && render(t, name, back) != render(t, name, orig) {
				t.Errorf("%s output is not stable across a round trip", name)
			}
		})
	}
}

// findSession returns the session with that id, failing the test if the
// programme has none.
func findSession(t *testing.T, p *schedule.Programme, id string) *schedule.Session {
	t.Helper()
	for _, s := range p.Sessions {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("session %s is missing from the programme", id)
	return nil
}

func TestSeedSession(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	s := findSession(t, p, "Open Forum #168")
	checks := []struct{ what, got, want string }{
		{"type", s.Type, "Open Forum"},
		{"format", s.Format, "Panel"},
		{"start (UTC)", s.Start.UTC().Format(time.RFC3339), "2023-10-11T08:45:00Z"},
		{"end (UTC)", s.End.UTC().Format(time.RFC3339), "2023-10-11T09:45:00Z"},
		{"start (local)", s.Start.Format(time.RFC3339), "2023-10-11T17:45:00+09:00"},
		{"timezone", s.Timezone, "Asia/Tokyo"},
		{"room", s.Room, "WS 7 – Room K"},
		{"theme", s.Theme, "Harmonising Global Digital Infrastructure"},
		{"subtheme", s.Subtheme, "Global Digital Governance & Cooperation"},
		{"sdgs", strings.Join(s.SDGs, " "), "9.1 16.6 16.7 17.17 17.6 17.8"},
		{"speaker 1", s.Speakers[0].Name + "|" + s.Speakers[0].Stakeholder + "|" + s.Speakers[0].Region + "|" + s.Speakers[0].Participation,
			"Valeriya Ionan|Government|Eastern European Group|online"},
		{"speaker 2 stakeholder alias", s.Speakers[1].Stakeholder, "Civil Society"},
		{"speaker 3", s.Speakers[2].Stakeholder + "|" + s.Speakers[2].Region + "|" + s.Speakers[2].Participation,
			"Intergovernmental Organization|African Group|onsite"},
		{"onsite moderator", s.OnsiteModerator.Name + "|" + s.OnsiteModerator.Organization, "Aishwarya Salvi|GIZ"},
		{"online moderator", s.OnlineModerator.Name, "Torge Wolters"},
		{"rapporteur", s.Rapporteur.Name, "Philipp Schulte"},
		{"organizers", strings.Join(names(s.Organizers), ", "), "Heiko Wildner, Aishwarya Salvi, Tina Schams, Philipp Schulte"},
	}
	if s.DeclaredMinutes != 60 {
		t.Errorf("declared minutes = %d, want 60", s.DeclaredMinutes)
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if !strings.Contains(s.Description, "digital public infrastructure (DPI)") || s.KeyTakeaways == "" || s.CallToAction == "" || s.Report == "" {
		t.Error("long texts of the seed are missing")
	}
	if got := s.ExtraValue("Capacity"); got == "" {
		t.Error("the extra column Capacity was not carried")
	}
}

func names(ps []schedule.Person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func TestGoldenOutputs(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	for _, name := range []string{"json", "ndjson", "csv", "tsv", "markdown"} {
		t.Run(name, func(t *testing.T) { testkit.Golden(t, "testdata/golden/sample."+name, []byte(render(t, name, p))) })
	}
}

func TestTextEncodingsAndDelimiters(t *testing.T) {
	const tidy = "id,title,date,start,end,room,speakers\nS1,Café “Ñ” talk,2023-10-11,09:00,10:00,Room A,\"José Núñez, Chair, Org, Civil Society, GRULAC (online)\nAnna Berg, , , Gov, WEOG\"\n"
	want := render(t, "json", mustRead(t, "tidy.csv", []byte(tidy)))
	utf16 := func(s string, bom []byte, le bool) []byte {
		out := append([]byte{}, bom...)
		for _, r := range s {
			if r > 0xFFFF {
				t.Fatal("test text must be in the BMP")
			}
			if le {
				out = append(out, byte(r), byte(r>>8))
			} else {
				out = append(out, byte(r>>8), byte(r))
			}
		}
		return out
	}
	cp1252 := strings.NewReplacer("é", "\xe9", "“", "\x93", "”", "\x94", "Ñ", "\xd1", "ñ", "\xf1", "ú", "\xfa").Replace(tidy)
	cases := []struct {
		name string
		data []byte
	}{
		{"utf8-bom", append([]byte{0xEF, 0xBB, 0xBF}, tidy...)},
		{"crlf", []byte(strings.ReplaceAll(tidy, "\n", "\r\n"))},
		{"semicolon", []byte("id;title;date;start;end;room;speakers\nS1;Café “Ñ” talk;2023-10-11;09:00;10:00;Room A;\"José Núñez, Chair, Org, Civil Society, GRULAC (online)\nAnna Berg, , , Gov, WEOG\"\n")},
		{"tab", []byte(strings.NewReplacer("id,title,date,start,end,room,speakers", "id\ttitle\tdate\tstart\tend\troom\tspeakers", "S1,", "S1\t", "talk,", "talk\t", "2023-10-11,", "2023-10-11\t", "09:00,", "09:00\t", "10:00,", "10:00\t", "Room A,", "Room A\t").Replace(tidy))},
		{"utf16le", utf16(strings.NewReplacer("id,title,date,start,end,room,speakers", "id\ttitle\tdate\tstart\tend\troom\tspeakers", "S1,", "S1\t", "talk,", "talk\t", "2023-10-11,", "2023-10-11\t", "09:00,", "09:00\t", "10:00,", "10:00\t", "Room A,", "Room A\t").Replace(tidy), []byte{0xFF, 0xFE}, true)},
		{"windows-1252", []byte(cp1252)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, "json", mustRead(t, "tidy.csv", c.data))
			if got != want {
				t.Errorf("differs from the tidy UTF-8 file:\n%s", testkit.FirstDiff(want, got))
			}
		})
	}
}

func mustRead(t *testing.T, name string, data []byte) *schedule.Programme {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := ReadProgramme(Input{Name: name, Path: path}, ReadOptions{})
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return p
}

func TestJSONInputs(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	want := render(t, "json", p)
	for _, name := range []string{"json", "ndjson"} {
		// Sniffed from the content when there is no extension (stdin).
		back, err := ReadProgramme(Input{Name: "<stdin>", R: bytes.NewReader([]byte(render(t, name, p)))}, ReadOptions{})
		if err != nil {
			t.Fatalf("%s from stdin: %v", name, err)
		}
		if got := render(t, "json", back); got != want {
			t.Errorf("%s from stdin differs:\n%s", name, testkit.FirstDiff(want, got))
		}
	}
	bad := []struct{ data, want string }{
		{`{"sessions": [{"id": 5}]}`, `session 1: field "id" should be string, not number`},
		{`{"sessions": [{"id": "A"},`, "the JSON ends in the middle"},
		{`[1,2]`, "this is a JSON array, not a programme docket reads"},
		{`{"programme": {"name": "x"}}`, `no "sessions" array`},
		{`{"programme": {"name": "x"}}`, `no "sessions" array`},
		{`{"sessions": [{"id": "A", "extra": {"k": ["x"]}}]}`, ""},
	}
	for _, c := range bad {
		path := filepath.Join(t.TempDir(), "in.json")
		os.WriteFile(path, []byte(c.data), 0o644)
		_, err := ReadProgramme(Input{Name: "in.json", Path: path}, ReadOptions{})
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v", c.data, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.data, err, c.want)
		}
	}
	path := filepath.Join(t.TempDir(), "times.ndjson")
	os.WriteFile(path, []byte(`{"id":"A","title":"T","start":"11 Oct","timezone":"Mars/Base"}`+"\n"), 0o644)
	q, err := ReadProgramme(Input{Name: "times.ndjson", Path: path}, ReadOptions{})
	if err != nil || len(q.Problems) != 2 {
		t.Errorf("bad time and zone should be problems, not failures: %v %+v", err, q)
	}
}

func TestUnreadableInputs(t *testing.T) {
	cases := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"legacy xls", "old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}, "save it as .xlsx"},
		{"encrypted", "locked.xlsx", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}, "password-protected"},
		{"text named xlsx", "fake.xlsx", []byte("id,title\n1,x\n"), "not an Excel workbook"},
		{"corrupt zip", "broken.xlsx", []byte("PK\x03\x04garbage"), "damaged"},
		{"ods", "sheet.ods", []byte("PK\x03\x04garbage"), "save it as .xlsx or .csv"},
		{"empty csv", "empty.csv", nil, "empty"},
		{"no header", "noheader.csv", []byte("a,b,c\n1,2,3\n"), "no header row found"},
		{"binary", "blob.csv", []byte("id,title\x00\x01\x02\x00\x00\x00\x00"), "binary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.file)
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadProgramme(Input{Name: c.file, Path: path}, ReadOptions{})
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an *InputError", err)
			}
			if !strings.HasPrefix(err.Error(), c.file+":") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %q, want it to start with %q and mention %q", err, c.file+":", c.want)
			}
		})
	}
	_, err := ReadProgramme(Input{Name: "missing.csv", Path: filepath.Join(t.TempDir(), "missing.csv")}, ReadOptions{})
	if err == nil || err.Error() != "missing.csv: no such file" {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestSheetChoice(t *testing.T) {
	_, err := ReadProgramme(Input{Name: "sample.xlsx", Path: sampleXLSX}, ReadOptions{Sheet: "Programme"})
	if err == nil || !strings.Contains(err.Error(), `no sheet named "Programme" (sheets: Sessions, Speakers)`) {
		t.Errorf("err = %v, want the list of sheets", err)
	}
	p, err := ReadProgramme(Input{Name: "sample.xlsx", Path: sampleXLSX}, ReadOptions{Sheet: "sessions"})
	if err != nil || len(p.Sessions) == 0 {
		t.Errorf("--sheet is case-insensitive: %v", err)
	}
	for _, w := range p.Warnings {
		if strings.Contains(w, "input.sheet") {
			t.Errorf("a workbook's sheet was used, yet: %s", w)
		}
	}
}

// TestSheetOnAFileWithoutSheets: a sheet given for a CSV, JSON or
// calendar file is not silently ignored.
func TestSheetOnAFileWithoutSheets(t *testing.T) {
	cases := []struct {
		name, sheet, want string
	}{
		{"sample.csv", "Nope", `input.sheet "Nope" applies only to workbooks (.xlsx); it was not used for sample.csv, which is a CSV file`},
		{"sample.csv", "", ""},
	}
	for _, c := range cases {
		p, err := ReadProgramme(Input{Name: c.name, Path: sampleCSV}, ReadOptions{Sheet: c.sheet})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, w := range p.Warnings {
			if strings.Contains(w, "input.sheet") {
				got = w
			}
		}
		if got != c.want {
			t.Errorf("%s with sheet %q: warning %q, want %q", c.name, c.sheet, got, c.want)
		}
	}
}

func TestMarkdownEscapesUserText(t *testing.T) {
	p := &schedule.Programme{Sessions: []*schedule.Session{{
		ID: "X1", Title: "<script>alert(1)</script> [click](javascript:alert(1)) | *bold*",
		Room: "A|B", Description: "line one\n# not a heading",
		Start: time.Date(2023, 10, 11, 9, 0, 0, 0, time.UTC), End: time.Date(2023, 10, 11, 10, 0, 0, 0, time.UTC), Timezone: "UTC",
	}}}
	md := render(t, "markdown", p)
	for _, bad := range []string{"<script>", " ](javascript:", ")](javascript:", "| *bold*", "\n# not a heading"} {
		if strings.Contains(md, bad) {
			t.Errorf("markdown output contains %q unescaped:\n%s", bad, md)
		}
	}
	if !strings.Contains(md, `\[click\](javascript:`) {
		t.Errorf("the link brackets should be escaped:\n%s", md)
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| 09:00") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 6 {
			t.Errorf("table row has the wrong number of cells: %s", line)
		}
	}
}

func TestLookup(t *testing.T) {
	for name, want := range map[string]string{"md": "markdown", "JSON": "json", "jsonl": "ndjson", "excel": "xlsx"} {
		f, err := Lookup(name)
		if err != nil || f.Name != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", name, f, err, want)
		}
	}
	if _, err := Lookup("docx"); err == nil || !strings.Contains(err.Error(), `unknown format "docx" (valid: csv, `) || !strings.Contains(err.Error(), "pdf, ") || !strings.Contains(err.Error(), "xlsx)") {
		t.Errorf("Lookup(docx) error = %v", err)
	}
	for path, want := range map[string]string{"a.CSV": "csv", "b.xlsm": "xlsx", "c.md": "markdown", "d.jsonl": "ndjson", "e.PDF": "pdf"} {
		f, err := ForPath(path)
		if err != nil || f.Name != want {
			t.Errorf("ForPath(%q) = %v, %v; want %s", path, f, err, want)
		}
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, func(w io.Writer) error {
		w.Write([]byte("partial"))
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("want the write error back")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("a failed write changed the old file to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed write left files behind: %v", entries)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file = %q, want new", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want the old file's 0644", st.Mode().Perm())
	}
}

// TestNothingIsLost: values docket cannot interpret, a duration, and cells
// beyond the header survive a conversion as they were written.
func TestNothingIsLost(t *testing.T) {
	in := "id,title,date,start,end,room,Duration,timezone,declared_minutes\n" +
		"A,Date only,2023-10-11,,,Hall,,,\n" +
		"B,Bad start,2023-10-11,25:61,26:00,Hall,,,\n" +
		"C,With duration,2023-10-11,09:00,,Hall,90,,\n" +
		"D,Bad zone,2023-10-11,09:00,10:00,Hall,,Mars/Base,soon\n" +
		"E,Overflow,2023-10-11,09:00,10:00,Hall,,,,surplus\n"
	p := mustRead(t, "in.csv", []byte(in))
	out := render(t, "csv", p)
	for _, want := range []string{
		"A,Date only,,,,2023-10-11,,,UTC,Hall",
		"B,Bad start,,,,2023-10-11,25:61,26:00,UTC,Hall",
		"C,With duration,,,,2023-10-11,09:00,10:30,UTC,Hall",
		"D,Bad zone,,,soon,2023-10-11,09:00,10:00,Mars/Base,Hall",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, ",Duration,column J\n") || !strings.HasSuffix(strings.TrimSpace(out), ",,surplus") || !strings.Contains(out, ",90,\n") {
		t.Errorf("duration and the cell beyond the header should be kept:\n%s", out)
	}
	back := mustRead(t, "back.csv", []byte(out))
	if len(back.Problems) != len(p.Problems) {
		t.Errorf("reading the output back gives %d problems, the input gave %d", len(back.Problems), len(p.Problems))
	}
}

// TestRowNumbersAsSpreadsheetsShowThem: blank lines are rows, a quoted
// cell with line breaks is one row.
func TestRowNumbersAsSpreadsheetsShowThem(t *testing.T) {
	in := "id,title\n\nA,One\n\"B\",\"multi\nline\"\n\n\r\nC,Three\n"
	p := mustRead(t, "rows.csv", []byte(in))
	var got []int
	for _, s := range p.Sessions {
		got = append(got, s.Src.Row)
	}
	if fmt.Sprint(got) != "[3 4 7]" {
		t.Errorf("rows = %v, want [3 4 7]", got)
	}
}

func TestReadMap(t *testing.T) {
	dir := t.TempDir()
	yaml := filepath.Join(dir, "m.yaml")
	os.WriteFile(yaml, []byte("# partner headers\nRaum: room\n\"Zeit: Beginn\": start\nReferent:innen: speakers\nNotes: extra\n"), 0o644)
	m, err := ReadMap(yaml)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]schedule.Field{"raum": "room", "zeitbeginn": "start", "referentinnen": "speakers", "notes": schedule.FieldExtra}
	if fmt.Sprint(m) != fmt.Sprint(want) {
		t.Errorf("map = %v, want %v", m, want)
	}
	js := filepath.Join(dir, "m.json")
	os.WriteFile(js, []byte(`{"Saal": "Venue", "Wann": "begins"}`), 0o644)
	if m, err := ReadMap(js); err != nil || m["saal"] != "room" || m["wann"] != "start" {
		t.Errorf("json map = %v, %v", m, err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("Raum: room\nSaal: hall-ish\n"), 0o644)
	if _, err := ReadMap(bad); err == nil || !strings.Contains(err.Error(), `bad.yaml:2: "hall-ish" is not a field`) {
		t.Errorf("err = %v", err)
	}
}

// TestXLSXMergedCellsAndSheetChoice: the sessions sheet is found behind an
// instructions sheet, below a title row, and a date merged over a day's
// rows reaches each of them.
func TestXLSXMergedCellsAndSheetChoice(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Instructions")
	f.SetCellStr("Instructions", "A1", "Fill in one row per session. Title, date and room are required.")
	f.NewSheet("Programme")
	rows := [][]any{
		{"IGF 2023 - Day 3"},
		{},
		{"Session ID", "Title", "Date", "Start time", "End time", "Room"},
		{"A1", "Opening", "2023-10-11", "09:00", "10:00", "Hall"},
		{"A2", "Second", nil, "10:00", "11:00", "Hall"},
		{"A3", "Third", nil, "11:00", "12:00", "Hall"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Programme", cell, &r)
	}
	f.MergeCell("Programme", "C4", "C6")
	path := filepath.Join(t.TempDir(), "merged.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p := readFile(t, path, ReadOptions{})
	if len(p.Sessions) != 3 {
		t.Fatalf("sessions = %d", len(p.Sessions))
	}
	for _, s := range p.Sessions {
		if s.Start.Format("2006-01-02") != "2023-10-11" || s.Src.Sheet != "Programme" {
			t.Errorf("%s: start %v sheet %s", s.ID, s.Start, s.Src.Sheet)
		}
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), `read sheet "Programme"`) {
		t.Errorf("notes = %q", p.Notes)
	}
}

// TestWindows1252LateInTheFile: the encoding is judged on the whole file,
// not only on its first 64 KiB.
func TestWindows1252LateInTheFile(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id,title,date,start,end,room\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "S%d,Plain title,2023-10-11,09:00,10:00,R%d\n", i, i)
	}
	b.WriteString("X,Caf\xe9,2023-10-11,09:00,10:00,Hall\n")
	p := mustRead(t, "late.csv", b.Bytes())
	if got := p.Sessions[len(p.Sessions)-1].Title; got != "Café" {
		t.Errorf("title = %q, want Café", got)
	}
	// JSON from a file reads it twice (its dates first): both reads take
	// the one verdict.
	path := filepath.Join(t.TempDir(), "late.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := Stream(Input{Name: path, Path: path}, ReadOptions{}, jsonFormat, &out, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"title": "Café"`) {
		t.Errorf("JSON lost the late Windows-1252 title:\n%.300s", out.String()[max(0, out.Len()-1500):])
	}
}

// TestHostileTextIsInertEverywhere writes a programme whose title, room
// and speaker are markup and formula bait in every format docket writes:
// no format may turn them into live HTML, and the text survives.
func TestHostileTextIsInertEverywhere(t *testing.T) {
	const bait = `<script>alert(1)</script> & "x" ](javascript:alert(1))`
	p := readFile(t, sampleCSV, ReadOptions{})
	s := findSession(t, p, "Open Forum #168")
	s.Title, s.Room = bait, "=1+1 <b>room</b>"
	s.Speakers[0].Name = "<img src=x onerror=alert(1)>"
	for _, f := range All() {
		if f.Write == nil || f.Binary {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			out := renderWith(t, f.Name, p, WriteOptions{Now: exportTime})
			for _, live := range []string{"<script>", "<img src=x", "<b>room</b>"} {
				if strings.Contains(out, live) && !isEscapedContext(f.Name) {
					t.Errorf("%s output contains live %q", f.Name, live)
				}
			}
			if !strings.Contains(out, "alert(1)") {
				t.Errorf("%s lost the text itself", f.Name)
			}
		})
	}
}

// isEscapedContext: formats whose readers never render HTML (calendars,
// data files) carry the text as it was, escaped by their own rules.
func isEscapedContext(format string) bool {
	switch format {
	case "csv", "tsv", "json", "ndjson", "ics", "schedule-json":
		return true
	}
	return false
}

// TestFormulaCellsAreNeutralised: CSV/TSV cells a spreadsheet would run
// get a ' (OWASP's advice), which reading drops again; Raw writes them as
// they are.
func TestFormulaCellsAreNeutralised(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	s := findSession(t, p, "Open Forum #168")
	s.Title = `=HYPERLINK("http://evil.example","click")`
	s.Room = "@SUM(1+1)"
	s.Theme = "+1"
	for _, name := range []string{"csv", "tsv"} {
		out := renderWith(t, name, p, WriteOptions{})
		for _, want := range []string{`'=HYPERLINK(`, "'@SUM(1+1)", "'+1"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: %q not neutralised", name, want)
			}
		}
		back := mustRead(t, "back."+name, []byte(out))
		if got := findSession(t, back, "Open Forum #168"); got.Title != s.Title || got.Room != s.Room || got.Theme != s.Theme {
			t.Errorf("%s: reading back gives %q %q %q", name, got.Title, got.Room, got.Theme)
		}
		if raw := renderWith(t, name, p, WriteOptions{Raw: true}); strings.Contains(raw, "'=HYPERLINK") {
			t.Errorf("%s: Raw still neutralises", name)
		}
	}
	for in, want := range map[string]string{"=1": "'=1", "-x": "'-x", "\tx": "'\tx", "a=b": "a=b", "": "", "'=1": "'=1"} {
		if got := neutralize(in); got != want {
			t.Errorf("neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStrayNULIsText(t *testing.T) {
	p := mustRead(t, "nul.csv", []byte("id,title,date,start,end,room\nA,Bad\x00title,2023-10-11,09:00,10:00,Hall\n"))
	if len(p.Sessions) != 1 || len(p.Problems) != 1 || p.Problems[0].Rule != "text-hygiene" || !strings.Contains(p.Problems[0].Message, "control character") {
		t.Errorf("sessions %d, problems %+v", len(p.Sessions), p.Problems)
	}
}

// TestLimits: each limit stops its input with an error that names the
// place, the limit and the setting that raises it (the command words it as its flag).
func TestLimits(t *testing.T) {
	_, err := ReadProgramme(Input{Name: "sample.xlsx", Path: sampleXLSX}, ReadOptions{Limits: Limits{UnzipBytes: 10_000}})
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "limits.max-unzip-size") {
		t.Errorf("zip limit: %v", err)
	}
	wide := "id,title" + strings.Repeat(",x", 20) + "\nA,T\n"
	path := filepath.Join(t.TempDir(), "wide.csv")
	os.WriteFile(path, []byte(wide), 0o644)
	_, err = ReadProgramme(Input{Name: "wide.csv", Path: path}, ReadOptions{Limits: Limits{Columns: 10}})
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "wide.csv: row 1: the row's number of columns is larger than the limit of 10 columns (raise it with limits.max-columns") {
		t.Errorf("column limit: %v", err)
	}
	_, err = ReadProgramme(Input{Name: "sample.xlsx", Path: sampleXLSX}, ReadOptions{Limits: Limits{CellBytes: 100}})
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "sheet Sessions row ") || !strings.Contains(err.Error(), "limits.max-cell-size") {
		t.Errorf("cell limit: %v", err)
	}
	if _, err := ReadProgramme(Input{Name: "sample.xlsx", Path: sampleXLSX}, ReadOptions{}); err != nil {
		t.Errorf("defaults must read the sample: %v", err)
	}
	merged := filepath.Join("..", "testdata", "messy", "merged-dates.xlsx")
	_, err = ReadProgramme(Input{Name: "merged-dates.xlsx", Path: merged}, ReadOptions{Limits: Limits{MergedCells: 5}})
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "limits.max-merged-cells") {
		t.Errorf("merged limit: %v", err)
	}
}

func TestReadersReportProgress(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "S%d,T\n", i)
	}
	path := filepath.Join(t.TempDir(), "p.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	var seen []int
	if _, err := ReadProgramme(Input{Name: "p.csv", Path: path}, ReadOptions{Progress: func(n int) { seen = append(seen, n) }}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[2000 4000]" {
		t.Errorf("progress = %v", seen)
	}
}

// TestSectionsAreUTF8: checking a file in parts gives the verdict of
// checking it whole, wherever a character or a bad byte falls against
// the cuts.
func TestSectionsAreUTF8(t *testing.T) {
	base := []byte(strings.Repeat("aé€😀", 50)) // 1-, 2-, 3- and 4-byte characters
	for _, bad := range []int{-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, len(base)/2 - 1, len(base) / 2, len(base)/2 + 1, len(base)/3 + 2, len(base) - 1} {
		data := slices.Clone(base)
		if bad >= 0 {
			data[bad] = 0xff
		}
		for _, cut := range []int{0, 1, 2, 3, 5, 7} {
			d := data[cut:] // shift the characters against the cuts
			for parts := 1; parts <= 4; parts++ {
				got, err := sectionsAreUTF8(bytes.NewReader(d), int64(len(d)), parts)
				if err != nil {
					t.Fatal(err)
				}
				if want := utf8.Valid(d); got != want {
					t.Errorf("bad byte at %d, shift %d, %d parts: %v, want %v", bad, cut, parts, got, want)
				}
			}
		}
	}
}
