package formats

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/formats/internal/xlsxread/xlsxreadtest"
	"github.com/docket-forum/docket/internal/schedule"
)

// ---- the reference: docket's excelize reader before the streaming one

// exlOpenWorkbook opens a workbook with excelize, its errors worded as
// docket's excelize reader worded them.
func exlOpenWorkbook(in Input, limits Limits) (*excelize.File, error) {
	var (
		f   *excelize.File
		err error
	)
	opts := excelize.Options{UnzipSizeLimit: limits.UnzipBytes, UnzipXMLSizeLimit: min(limits.UnzipBytes, 16<<20)}
	if in.Path != "" {
		f, err = excelize.OpenFile(in.Path, opts)
	} else {
		f, err = excelize.OpenReader(in.R, opts)
	}
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, limits.Unzip()
		}
		switch {
		case errors.Is(err, excelize.ErrWorkbookFileFormat):
			return nil, errors.New("not a workbook docket can read: save it as .xlsx")
		case errors.Is(err, excelize.ErrWorkbookPassword):
			return nil, errors.New("the workbook is password-protected: remove the password and save it again")
		case strings.Contains(err.Error(), "zip"):
			return nil, fmt.Errorf("the workbook is damaged or not an Excel file (%v): open and save it again in Excel or LibreOffice", err)
		}
		return nil, err
	}
	return f, nil
}

// exlReadXLSX is readXLSX as it was through excelize: the programme the
// streaming reader must read.
func exlReadXLSX(in Input, opts ReadOptions) (prog *schedule.Programme, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, &InputError{File: in.Name, Err: fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", r)}
		}
	}()
	limits := opts.Limits.WithDefaults()
	f, err := exlOpenWorkbook(in, limits)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &InputError{File: in.Name, Err: errors.New("the workbook has no sheets")}
	}
	sheet := ""
	if opts.Sheet != "" {
		for _, s := range sheets {
			if strings.EqualFold(s, opts.Sheet) {
				sheet = s
			}
		}
		if sheet == "" {
			return nil, &InputError{File: in.Name, Err: fmt.Errorf("no sheet named %q (sheets: %s)", opts.Sheet, strings.Join(sheets, ", "))}
		}
	} else {
		sheet = exlGuessSheet(f, sheets, opts.Map)
	}
	date1904 := false
	if wp, err := f.GetWorkbookProps(); err == nil && wp.Date1904 != nil {
		date1904 = *wp.Date1904
	}
	prog = &schedule.Programme{}
	so := opts.scheduleOptions(in.Name, sheet)
	so.Serials, so.Date1904 = true, date1904
	b, err := schedule.NewBuilder(prog, so)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	if err := xlsxreadtest.ReadSheet(f, sheet, limits, opts.Progress, b.Read); err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	if opts.Sheet == "" && len(sheets) > 1 {
		prog.Notes = append(prog.Notes, fmt.Sprintf("%s: read sheet %q (the one that looks like sessions; input.sheet chooses another)", in.Name, sheet))
	}
	exlExtraDates(f, sheet, prog, b.Fields(), date1904)
	for _, s := range sheets {
		if s != sheet && schedule.IsPersonSheetName(s) {
			po := so
			po.Sheet = s
			err := xlsxreadtest.ReadSheet(f, s, limits, nil, func(r schedule.Rows) error { return schedule.JoinPersons(prog, r, po) })
			if err != nil {
				return nil, &InputError{File: in.Name, Err: err}
			}
		}
	}
	for _, read := range []struct {
		is   func(string) bool
		read func(*schedule.Programme, schedule.Rows, schedule.Options) error
	}{{schedule.IsRoomSheetName, schedule.ReadRooms}, {schedule.IsAvailabilitySheetName, schedule.ReadAvailability}} {
		for _, s := range sheets {
			if s != sheet && read.is(s) {
				po := so
				po.Sheet = s
				if err := xlsxreadtest.ReadSheet(f, s, limits, nil, func(r schedule.Rows) error { return read.read(prog, r, po) }); err != nil {
					return nil, &InputError{File: in.Name, Err: err}
				}
			}
		}
	}
	return prog, nil
}

func exlGuessSheet(f *excelize.File, sheets []string, m map[string]schedule.Field) string {
	best, bestScore := "", 0
	for _, s := range sheets {
		if schedule.IsSideSheetName(s) {
			continue
		}
		if score := exlSheetScore(f, s, m); score > bestScore {
			best, bestScore = s, score
		}
	}
	if best != "" {
		return best
	}
	for _, s := range sheets {
		if !schedule.IsSideSheetName(s) {
			return s
		}
	}
	return sheets[0]
}

func exlSheetScore(f *excelize.File, sheet string, m map[string]schedule.Field) int {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0
	}
	defer rows.Close()
	best := 0
	for n := 0; n < 30 && rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return best
		}
		if k, ok := schedule.HeaderScore(cells, m); ok && k > best {
			best = k
		}
	}
	return best
}

func exlExtraDates(f *excelize.File, sheet string, prog *schedule.Programme, cols []struct {
	Header string
	Field  schedule.Field
}, date1904 bool) {
	for i, c := range cols {
		if c.Field != "" && !keptAsWritten(c.Field) {
			continue
		}
		isDate, decided := false, false
		for _, s := range prog.Sessions {
			v := s.ExtraValue(c.Header)
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			if !decided {
				decided = true
				isDate = xlsxreadtest.IsDateCell(f, sheet, i+1, s.Src.Row)
				if !isDate {
					break
				}
			}
			stamp, err := schedule.FromSerial(n, date1904)
			if err != nil {
				continue
			}
			for j := range s.Extra {
				if s.Extra[j].Name == c.Header {
					s.Extra[j].Value = stamp.String()
				}
			}
		}
	}
}

// TestReadXLSXMatchesExcelize: the programme read from every workbook, its
// sheet guessed or chosen, is the one docket's excelize reader read. (The
// sheets' rows are compared in formats/internal/xlsxread.)
func TestReadXLSXMatchesExcelize(t *testing.T) {
	for name, data := range xlsxreadtest.All(t, "..") {
		t.Run(name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			opts := []ReadOptions{{}, {Timezone: "Asia/Tokyo"}}
			for _, s := range f.GetSheetList() {
				opts = append(opts, ReadOptions{Sheet: s})
			}
			for _, o := range opts {
				got, gerr := readXLSX(Input{Name: name, R: bytes.NewReader(data)}, o)
				want, werr := exlReadXLSX(Input{Name: name, R: bytes.NewReader(data)}, o)
				if (gerr == nil) != (werr == nil) || (gerr != nil && gerr.Error() != werr.Error()) {
					t.Errorf("sheet %q: err = %v, excelize: %v", o.Sheet, gerr, werr)
					continue
				}
				if gerr == nil {
					compareProgrammes(t, fmt.Sprintf("sheet %q", o.Sheet), got, want)
				}
			}
		})
	}
}

func compareProgrammes(t *testing.T, what string, got, want *schedule.Programme) {
	t.Helper()
	var g, w bytes.Buffer
	if err := writeJSON(&g, got, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := writeJSON(&w, want, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if g.String() != w.String() {
		t.Errorf("%s: JSON differs at %s", what, testkit.FirstDiff(g.String(), w.String()))
	}
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got.Sessions), len(want.Sessions)) {
			if !reflect.DeepEqual(got.Sessions[i], want.Sessions[i]) {
				t.Errorf("%s: session %d:\n got %+v\nwant %+v", what, i, *got.Sessions[i], *want.Sessions[i])
				return
			}
		}
		gs, ws := *got, *want
		gs.Sessions, ws.Sessions = nil, nil
		t.Errorf("%s: programmes differ (%d and %d sessions):\n got %+v\nwant %+v", what, len(got.Sessions), len(want.Sessions), gs, ws)
	}
}

// TestReadXLSXExtraDates: the date and time cells of extra columns read
// as dates and times, numbers as numbers.
func TestReadXLSXExtraDates(t *testing.T) {
	data := xlsxreadtest.HandMade(t)["hand-cells.xlsx"]
	p, err := readXLSX(Input{Name: "hand.xlsx", R: bytes.NewReader(data)}, ReadOptions{Sheet: "Programme"})
	if err != nil {
		t.Fatal(err)
	}
	s := p.Sessions[0]
	for name, want := range map[string]string{"Deadline": "2023-09-30", "Capacity": "120", "Opens": "08:30", "Col J": "2023-10-01", "Col K": "12:00"} {
		if got := s.ExtraValue(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// TestReadXLSXLimitsAndErrors: the limits reach the reader, and what it
// cannot read is an *InputError naming the file. (The reader's own
// errors are tested in formats/internal/xlsxread.)
func TestReadXLSXLimitsAndErrors(t *testing.T) {
	data := xlsxreadtest.HandMade(t)["hand-cells.xlsx"]
	read := func(data []byte, o ReadOptions) error {
		_, err := readXLSX(Input{Name: "x.xlsx", R: bytes.NewReader(data)}, o)
		return err
	}
	for _, c := range []struct {
		limits Limits
		want   string
	}{
		{Limits{UnzipBytes: 1000}, "the workbook: the unzipped workbook is larger than the limit of 1000 bytes (raise it with limits.max-unzip-size"},
		{Limits{CellBytes: 10}, "sheet Programme row 2, column B: the cell is larger than the limit of 10 bytes"},
		{Limits{Columns: 20}, "sheet Programme row 1: the row's number of columns is larger than the limit of 20 columns"},
		{Limits{MergedCells: 10}, "sheet Merged: the area of merged cells is larger than the limit of 10 cells"},
	} {
		sheet := "Programme"
		if c.limits.MergedCells != 0 {
			sheet = "Merged"
		}
		err := read(data, ReadOptions{Sheet: sheet, Limits: c.limits})
		var le *LimitError
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), "x.xlsx: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.limits, err, c.want)
		}
	}
	if err := read(data[:len(data)/2], ReadOptions{}); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("half a workbook: %v", err)
	}
	// The errors of opening, from the bytes themselves.
	encrypted := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	encrypted = append(encrypted, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"ole":       {[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "not a workbook docket can read: save it as .xlsx"},
		"encrypted": {encrypted, "the workbook is password-protected: remove the password and save it again"},
		"garbage":   {[]byte("PK\x03\x04garbage"), "the workbook is damaged or not an Excel file (zip: not a valid zip file): open and save it again"},
		"empty zip": {emptyZip(t), "the workbook has no sheets"},
	} {
		err := read(c.data, ReadOptions{})
		var ie *InputError
		if !errors.As(err, &ie) || err.Error() != "x.xlsx: "+c.want && !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", name, err, c.want)
		}
	}
	if got := SheetNames(filepath.Join("..", "testdata", "messy", "cover-sheet.xlsx")); len(got) < 2 {
		t.Errorf("SheetNames = %q", got)
	}
	if got := SheetNames(sampleCSV); got != nil {
		t.Errorf("SheetNames of a CSV = %q", got)
	}
}

func emptyZip(t *testing.T) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hi"))
	zw.Close()
	return b.Bytes()
}

// TestReadXLSXStreams: with a Sink, sessions stream out as they are
// read (extra date columns converted on the way) and are those of the
// whole read, and of the excelize reader; a workbook with a Speakers sheet
// is read whole first.
func TestReadXLSXStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a workbook")
	}
	cases := map[string]Input{"big.xlsx": {Name: "big.xlsx", Path: benchXLSX(t, t.TempDir(), 3000)}}
	for _, name := range []string{"hand-1904.xlsx", "hand-cells.xlsx"} {
		cases[name] = Input{Name: name, R: bytes.NewReader(xlsxreadtest.HandMade(t)[name])}
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			reopen := func() Input {
				if r, ok := in.R.(*bytes.Reader); ok {
					r.Seek(0, io.SeekStart)
				}
				return in
			}
			want, err := exlReadXLSX(reopen(), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []*schedule.Session
			p, err := readXLSX(reopen(), ReadOptions{Sink: func(p *schedule.Programme, s *schedule.Session) error {
				got = append(got, s)
				return nil
			}})
			if err != nil {
				t.Fatal(err)
			}
			// A person sheet needs all the sessions: the read is whole,
			// and ReadProgramme hands them over after.
			whole := name == "hand-cells.xlsx"
			if whole != (len(p.Sessions) > 0) || whole == (len(got) > 0) {
				t.Fatalf("streamed %d sessions, kept %d", len(got), len(p.Sessions))
			}
			if !whole {
				p.Sessions = got
			}
			compareProgrammes(t, "streamed", p, want)
		})
	}
}

// ---- the benchmark

// benchXLSX writes (once, in dir) an Excel-like
// workbook of n sessions made from the sample's: shared strings, date and
// time cells with number formats, a row per session.
func benchXLSX(b testing.TB, dir string, n int) string {
	path := filepath.Join(dir, fmt.Sprintf("docket-bench-%d.xlsx", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	data, err := os.ReadFile(sampleCSV)
	if err != nil {
		b.Fatal(err)
	}
	p, err := ReadProgramme(Input{Name: "sample.csv", R: bytes.NewReader(data)}, ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	header := canonicalHeader(p.ExtraColumns)
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	strs, index := []string{}, map[string]int{}
	str := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(strs)
		strs = append(strs, s)
		return len(strs) - 1
	}
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<worksheet xmlns="` + xlsxreadtest.NSMain + `" xmlns:r="` + xlsxreadtest.NSRel + `" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>`)
	writeRow := func(r int, cells []string, styles map[int]int) {
		fmt.Fprintf(&sheet, `<row r="%d" spans="1:%d" x14ac:dyDescent="0.25">`, r, len(header))
		for i, v := range cells {
			if v == "" {
				continue
			}
			ref := schedule.ColumnName(i) + strconv.Itoa(r)
			if s, ok := styles[i]; ok {
				fmt.Fprintf(&sheet, `<c r="%s" s="%d"><v>%s</v></c>`, ref, s, v)
				continue
			}
			fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, str(v))
		}
		sheet.WriteString(`</row>`)
	}
	writeRow(1, header, nil)
	for i := range n {
		s := *p.Sessions[i%len(p.Sessions)]
		s.ID = fmt.Sprintf("%s-%d", s.ID, i)
		s.Title = fmt.Sprintf("%s (%d)", s.Title, i)
		rec := canonicalRecord(&s, p.ExtraColumns)
		styles := map[int]int{}
		if s.Scheduled() {
			start := s.Start.In(s.Location())
			day := schedule.Date{Year: start.Year(), Month: start.Month(), Day: start.Day()}
			rec[col["date"]] = strconv.FormatFloat(schedule.ToSerial(day, schedule.Clock{}), 'f', -1, 64)
			rec[col["start"]] = strconv.FormatFloat(schedule.ToSerial(schedule.Date{}, clockOf(start)), 'f', -1, 64)
			styles[col["date"]], styles[col["start"]] = 1, 2
			if !s.End.IsZero() {
				rec[col["end"]] = strconv.FormatFloat(schedule.ToSerial(schedule.Date{}, clockOf(s.End.In(s.Location()))), 'f', -1, 64)
				styles[col["end"]] = 2
			}
		}
		writeRow(i+2, rec, styles)
	}
	sheet.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	items := make([]string, len(strs))
	for i, s := range strs {
		items[i] = `<si><t xml:space="preserve">` + xlsxreadtest.XMLEscape(s) + `</t></si>`
	}
	styles := `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + xlsxreadtest.NSMain + `"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`
	out := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "Sessions", XML: sheet.String()}}, SST: xlsxreadtest.SST(items...), Styles: styles}.Zip(b)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadXLSX reads an Excel-like workbook of 100,000 sessions:
// "sheet" is the reader alone, "programme" the whole read (rows made
// sessions). DOCKET_BENCH_ROWS sets the size; DOCKET_BENCH_EXCELIZE=1 adds
// the excelize reader (79 s and 4.8 GB at 100,000 rows).
func BenchmarkReadXLSX(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("DOCKET_BENCH_ROWS")); err == nil && v > 0 {
		n = v
	}
	path := benchXLSX(b, os.TempDir(), n)
	st, _ := os.Stat(path)
	b.Logf("%s: %d rows, %.1f MB", path, n, float64(st.Size())/1e6)
	b.Run("sheet", func(b *testing.B) {
		for b.Loop() {
			bk, err := openXLSX(Input{Name: "big.xlsx", Path: path}, Limits{}.WithDefaults())
			if err != nil {
				b.Fatal(err)
			}
			rows, err := bk.OpenSheet("Sessions", true, &Limits{CellBytes: DefaultCellBytes, Columns: DefaultColumns}, nil)
			if err != nil {
				b.Fatal(err)
			}
			k := 0
			for {
				if _, err := rows.Next(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
				k++
			}
			if k != n+1 {
				b.Fatalf("%d rows", k)
			}
			rows.Close()
			bk.Close()
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	read := func(b *testing.B, read func(Input, ReadOptions) (*schedule.Programme, error)) {
		for b.Loop() {
			p, err := read(Input{Name: "big.xlsx", Path: path}, ReadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			if len(p.Sessions) != n {
				b.Fatalf("%d sessions", len(p.Sessions))
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
	}
	b.Run("programme", func(b *testing.B) { read(b, readXLSX) })
	if os.Getenv("DOCKET_BENCH_EXCELIZE") == "1" {
		b.Run("programme-excelize", func(b *testing.B) { read(b, exlReadXLSX) })
	}
}

// TestReadXLSXBigWorkbook: the benchmark's workbook (small here) reads
// as excelize reads it.
func TestReadXLSXBigWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a workbook")
	}
	path := benchXLSX(t, t.TempDir(), 3000)
	got, err := readXLSX(Input{Name: "big.xlsx", Path: path}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := exlReadXLSX(Input{Name: "big.xlsx", Path: path}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	compareProgrammes(t, "big", got, want)
}

// TestSheetChoiceWithinLimits: the glance at each sheet's first rows that
// chooses the sessions sheet is bounded as the reading is: a cover sheet
// whose first row has more cells than a sheet has columns is passed over
// after 16,384 of them, and the sessions sheet is read.
func TestSheetChoiceWithinLimits(t *testing.T) {
	cover := xlsxreadtest.Worksheet(`<sheetData><row r="1">` + strings.Repeat("<c/>", 40_000) + `</row></sheetData>`)
	sessions := xlsxreadtest.Worksheet(`<sheetData><row r="1"><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>title</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>S1</t></is></c><c t="inlineStr"><is><t>Opening</t></is></c></row></sheetData>`)
	data := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "Cover", XML: cover}, {Name: "Programme", XML: sessions}}}.Zip(t)
	p, err := ReadProgramme(Input{Name: "two.xlsx", R: bytes.NewReader(data)}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sessions) != 1 || p.Sessions[0].Title != "Opening" {
		t.Errorf("sessions: %+v", p.Sessions)
	}
}
