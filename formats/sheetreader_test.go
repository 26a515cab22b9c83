package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/internal/schedule"
)

// ---- the oracle: docket's excelize reader before the streaming one

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
	if err := exlReadSheet(f, sheet, limits, opts.Progress, b.Read); err != nil {
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
			err := exlReadSheet(f, s, limits, nil, func(r schedule.Rows) error { return schedule.JoinPersons(prog, r, po) })
			if err != nil {
				return nil, &InputError{File: in.Name, Err: err}
			}
		}
	}
	return prog, nil
}

func exlGuessSheet(f *excelize.File, sheets []string, m map[string]schedule.Field) string {
	best, bestScore := "", 0
	for _, s := range sheets {
		if schedule.IsPersonSheetName(s) {
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
		if !schedule.IsPersonSheetName(s) {
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

func exlReadSheet(f *excelize.File, sheet string, limits Limits, progress func(int), read func(schedule.Rows) error) error {
	fill, err := exlMergedFill(f, sheet, limits)
	if err != nil {
		return err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %v", sheet, err)
	}
	defer rows.Close()
	return read(&exlRows{rows: rows, sheet: sheet, fill: fill, limits: limits, progress: progress})
}

func exlMergedFill(f *excelize.File, sheet string, limits Limits) (map[int]map[int]string, error) {
	merged, err := f.GetMergeCells(sheet)
	if err != nil || len(merged) == 0 {
		return nil, nil
	}
	fill := map[int]map[int]string{}
	total := 0
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		total += (c2 - c1 + 1) * (r2 - r1 + 1)
		if total > limits.MergedCells {
			return nil, limits.Merged(sheet)
		}
		v, err := f.GetCellValue(sheet, m.GetStartAxis(), excelize.Options{RawCellValue: true})
		if err != nil || strings.TrimSpace(v) == "" {
			continue
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r == r1 && c == c1 {
					continue
				}
				if fill[r] == nil {
					fill[r] = map[int]string{}
				}
				fill[r][c] = v
			}
		}
	}
	return fill, nil
}

type exlRows struct {
	rows     *excelize.Rows
	sheet    string
	n        int
	fill     map[int]map[int]string
	limits   Limits
	progress func(int)
}

func (x *exlRows) Next() (schedule.Row, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return schedule.Row{}, fmt.Errorf("sheet %s: %v", x.sheet, err)
		}
		return schedule.Row{}, io.EOF
	}
	x.n++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return schedule.Row{}, fmt.Errorf("sheet %s row %d: %v", x.sheet, x.n, err)
	}
	for c, v := range x.fill[x.n] {
		for len(cells) < c {
			cells = append(cells, "")
		}
		if cells[c-1] == "" {
			cells[c-1] = v
		}
	}
	if x.progress != nil && x.n%progressEvery == 0 {
		x.progress(x.n)
	}
	row := schedule.Row{Num: x.n, Cells: cells}
	if err := x.limits.CheckRow(row, x.sheet); err != nil {
		return schedule.Row{}, err
	}
	return row, nil
}

func exlExtraDates(f *excelize.File, sheet string, prog *schedule.Programme, cols []struct {
	Header string
	Field  schedule.Field
}, date1904 bool) {
	for i, c := range cols {
		if c.Field != "" {
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
				isDate = exlIsDateCell(f, sheet, i+1, s.Src.Row)
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

func exlIsDateCell(f *excelize.File, sheet string, col, row int) bool {
	axis, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return false
	}
	if id, err := f.GetCellStyle(sheet, axis); err == nil {
		if st, err := f.GetStyle(id); err == nil {
			return isDateStyle(st)
		}
	}
	return false
}

// isDateStyle reports whether a cell style shows a date or time: the
// built-in formats 14-22 and 45-47, or a custom format with date or time
// codes outside quotes and brackets.
func isDateStyle(st *excelize.Style) bool {
	if (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47) {
		return true
	}
	return st.CustomNumFmt != nil && isDateFormatCode(*st.CustomNumFmt)
}

// exlSheet reads every row of a sheet as the excelize reader did.
func exlSheet(f *excelize.File, sheet string) (rows []schedule.Row, err error) {
	defer func() {
		if r := recover(); r != nil {
			rows, err = nil, fmt.Errorf("excelize panicked: %v", r)
		}
	}()
	limits := Limits{}.WithDefaults()
	err = exlReadSheet(f, sheet, limits, nil, func(r schedule.Rows) error {
		for {
			row, err := r.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
	})
	return rows, err
}

// fastSheet reads every row of a sheet with the streaming reader.
func fastSheet(data []byte, sheet string) ([]schedule.Row, *cellDates, error) {
	limits := Limits{}.WithDefaults()
	b, err := openXLSX(Input{Name: "t.xlsx", R: bytes.NewReader(data)}, limits)
	if err != nil {
		return nil, nil, err
	}
	defer b.Close()
	var rows []schedule.Row
	dates := &cellDates{}
	err = readSheet(b, sheet, limits, nil, dates, func(r schedule.Rows) error {
		for {
			row, err := r.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
	})
	return rows, dates, err
}

// sameRows compares two readings of a sheet; it returns the first
// difference.
func sameRows(got, want []schedule.Row) string {
	for i := range max(len(got), len(want)) {
		if i >= len(got) {
			return fmt.Sprintf("row %d missing: want %q", want[i].Num, want[i].Cells)
		}
		if i >= len(want) {
			return fmt.Sprintf("extra row %d: %q", got[i].Num, got[i].Cells)
		}
		g, w := got[i], want[i]
		if g.Num != w.Num || !slices.Equal(g.Cells, w.Cells) || (len(g.Cells) == 0) != (len(w.Cells) == 0) {
			return fmt.Sprintf("row %d: got %d %q, want %d %q", i+1, g.Num, g.Cells, w.Num, w.Cells)
		}
	}
	return ""
}

// ---- hand-made workbooks

// xlsxParts makes a workbook of XML parts: the sheets in order, shared
// strings and styles when given, anything else in extra (by path).
type xlsxParts struct {
	sheets       []sheetPart
	sst, styles  string
	workbookPr   string
	extra        map[string]string
	workbookPath string // default xl/workbook.xml
	absTargets   bool   // relationship targets from the root
	strict       bool   // Strict OOXML namespaces
}

type sheetPart struct{ name, xml string }

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg  = "http://schemas.openxmlformats.org/package/2006/relationships"
)

func (p xlsxParts) zip(t testing.TB) []byte {
	t.Helper()
	wbPath := p.workbookPath
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	dir := filepath.Dir(wbPath)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		if p.strict {
			body = strings.NewReplacer(nsMain, "http://purl.oclc.org/ooxml/spreadsheetml/main", nsRel, "http://purl.oclc.org/ooxml/officeDocument/relationships").Replace(body)
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	target := func(part string) string {
		if p.absTargets {
			return "/" + dir + "/" + part
		}
		return part
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/`+wbPath+`" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="`+nsPkg+`"><Relationship Id="rId1" Type="`+nsRel+`/officeDocument" Target="`+wbPath+`"/></Relationships>`)
	var sheets, rels strings.Builder
	for i, s := range p.sheets {
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlEscape(s.name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>`, i+1, nsRel, target(fmt.Sprintf("worksheets/sheet%d.xml", i+1)))
		add(fmt.Sprintf("%s/worksheets/sheet%d.xml", dir, i+1), s.xml)
	}
	if p.sst != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="%s/sharedStrings" Target="%s"/>`, nsRel, target("sharedStrings.xml"))
		add(dir+"/sharedStrings.xml", p.sst)
	}
	if p.styles != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdT" Type="%s/styles" Target="%s"/>`, nsRel, target("styles.xml"))
		add(dir+"/styles.xml", p.styles)
	}
	add(wbPath, `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="`+nsMain+`" xmlns:r="`+nsRel+`">`+p.workbookPr+`<sheets>`+sheets.String()+`</sheets></workbook>`)
	add(dir+"/_rels/"+filepath.Base(wbPath)+".rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="`+nsPkg+`">`+rels.String()+`</Relationships>`)
	for name, body := range p.extra {
		add(name, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func worksheet(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` + body + `</worksheet>`
}

func sst(items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="` + nsMain + `" count="` + strconv.Itoa(len(items)) + `" uniqueCount="` + strconv.Itoa(len(items)) + `">` + strings.Join(items, "") + `</sst>`
}

// testStyles: xf 0 general, 1 built-in date (14), 2 custom date, 3 custom
// time with quoted letters, 4 a number with a bracketed colour, 5 built-in
// datetime (22), 6 a language format (excelize does not take it as a
// date), 7 a custom id reusing a built-in number (ignored), 8 the custom
// date again, 9 built-in time 46 ([h]:mm:ss).
const testStyles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + nsMain + `">` +
	`<numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="h:mm&quot; Uhr&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00;&quot;day&quot;0"/><numFmt numFmtId="3" formatCode="yyyy"/></numFmts>` +
	`<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
	`<cellXfs count="10"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/><xf numFmtId="31"/><xf numFmtId="3"/><xf numFmtId=" 164 "/><xf numFmtId="46"/></cellXfs>` +
	`</styleSheet>`

// handMade are workbooks written as XML, for what excelize does not write:
// cells and rows without references, inline and rich strings, errors,
// cached formula values, entities, CDATA and comments, prefixed
// namespaces, overlapping merged areas.
func handMade(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	strs := sst(
		`<si><t>id</t></si>`, `<si><t>title</t></si>`, `<si><t>date</t></si>`, `<si><t>start</t></si>`, `<si><t>room</t></si>`,
		`<si><t xml:space="preserve">  Opening &amp; welcome  </t></si>`,
		`<si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space="preserve"> text</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh><phoneticPr fontId="1"/></si>`,
		`<si><t>Line one_x000D_
line two_x005F_x0041_ and _x0041__xD800_</t></si>`,
		`<si><t>Hall &lt;A&gt; &#x41;&#66; &quot;q&quot; &apos;s&apos;</t></si>`,
		`<si><t>CR`+"\r\n"+`LF`+"\r"+`end</t></si>`,
		`<si><t><![CDATA[<b>cdata</b> & more]]></t></si>`,
		`<si><t>a<!-- comment -->b<?pi x?>c</t></si>`,
		`<si/>`,
		`<si><t>first</t><t>last t wins</t></si>`,
		`<si><r><t>run</t></r><t>T comes first</t></si>`,
		`<si><t>Notes</t></si>`, `<si><t>Deadline</t></si>`, `<si><t>Capacity</t></si>`, `<si><t>Opens</t></si>`,
	)
	// The programme: header, sessions, extra date/time columns, sparse
	// cells, and every cell type.
	prog := worksheet(`<dimension ref="A1:AB9"/><cols><col min="10" max="10" width="12" style="2"/><col min="11" max="12" style="9"/></cols><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>15</v></c><c r="G1" t="s"><v>16</v></c><c r="H1" t="s"><v>17</v></c><c r="I1" t="s"><v>18</v></c><c r="J1" t="inlineStr"><is><t>Col J</t></is></c><c r="K1" t="inlineStr"><is><t>Col K</t></is></c><c r="AB1" t="inlineStr"><is><t>Far</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>45210</v></c><c r="D2" s="3"><v>0.375</v></c><c r="E2" t="s"><v>8</v></c><c r="F2" t="s"><v>6</v></c><c r="G2" s="2"><v>45199</v></c><c r="H2"><v>120</v></c><c r="I2" s="9"><v>0.35416666666666669</v></c><c r="J2"><v>45200</v></c><c r="K2"><v>0.5</v></c><c r="AB2" t="b"><v>1</v></c></row>` +
		`<row r="4"><c r="A4" t="str"><f>"S"&amp;2</f><v>S2</v></c><c r="B4" t="s"><v>7</v></c><c r="C4" s="5"><v>45211.5</v></c><c r="E4" t="s"><v> 9 </v></c><c r="F4" t="s"><v>10</v></c><c r="G4" s="4"><v>3</v></c><c r="H4" t="e"><v>#DIV/0!</v></c><c r="I4"><f>1/0</f></c><c r="Z4" s="1"/></row>` +
		`<row r="5" spans="1:5"><c r="A5" t="inlineStr"><is><r><t>S</t></r><r><rPr><i/></rPr><t>3</t></r><rPh><t>x</t></rPh></is></c><c r="B5" t="s"><v>11</v></c><c r="C5" s="6"><v>45212</v></c><c r="D5" s="7"><v>0.5</v></c><c r="E5" t="s"><v>12</v></c><c r="F5" t="s"><v>13</v></c><c r="G5" s="8"><v>45100</v></c><c r="H5" t="d"><v>2023-10-11T09:00:00Z</v></c><c r="I5" t="b"><v>0</v></c></row>` +
		`<row r="6" s="2" customFormat="1"><c r="A6"><v>4</v></c><c r="B6" t="s"><v>14</v></c><c r="C6"><v>45213</v></c><c r="F6" t="inlineStr"><is><t>_x0009_tab_x005F_</t></is></c><c r="G6"><v>45101</v></c><c r="AA6" t="inlineStr"><is/></c><c r="AB6" t="inlineStr"><v>no is</v></c></row>` +
		`<row r="8"><c r="A8" t="inlineStr"><is><t>S5</t></is></c><c r="B8" t="inlineStr"><is><t>Beyond Z</t></is></c><c r="AZ8" t="inlineStr"><is><t>AZ</t></is></c></row>` +
		`<row r="9"><c r="A9" t="s"><v>99</v></c><c r="B9" t="s"><v>x</v></c><c r="C9" t="n"><v>1.5E+3</v></c><c r="D9"><v><![CDATA[12]]></v></c><c r="E9"><v>1<!--c-->2</v></c><c r="F9" t="inlineStr"><is><t>first</t><t>second</t></is><is><r><t>+run</t></r></is></c><c r="G9"><v>9</v><v>10</v></c><c r="H9"><extLst><v>nested</v></extLst></c></row>` +
		`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	// Cells and rows without references, as some writers save them.
	noRefs := worksheet(`<sheetData>` +
		`<row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>title</t></is></c><c t="inlineStr"><is><t>room</t></is></c></row>` +
		`<row><c t="inlineStr"><is><t>N1</t></is></c><c/><c t="inlineStr"><is><t>Hall</t></is></c></row>` +
		`<row r="5"><c r="B5" t="inlineStr"><is><t>no ref after B</t></is></c><c t="inlineStr"><is><t>so C</t></is></c><c r="E5"><v>5</v></c><c><v>6</v></c></row>` +
		`<row><c t="inlineStr"><is><t>N6</t></is></c></row>` +
		`<row r="0"><c t="inlineStr"><is><t>r=0 is no number</t></is></c></row>` +
		`<row r="9"/>` +
		`</sheetData>`)
	// Merged areas: over rows, over columns, a blank top-left, a single
	// cell, $ references, and two that overlap (excelize joins them).
	merged := worksheet(`<sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c><c r="C1" t="inlineStr"><is><t>date</t></is></c><c r="D1" t="inlineStr"><is><t>room</t></is></c><c r="E1" t="inlineStr"><is><t>Notes</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>M1</t></is></c><c r="B2" t="inlineStr"><is><t>One</t></is></c><c r="C2" s="1"><v>45210</v></c><c r="D2" t="inlineStr"><is><t>Hall</t></is></c><c r="E2" t="inlineStr"><is><t>  </t></is></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>M2</t></is></c><c r="B3" t="inlineStr"><is><t>Two</t></is></c><c r="C3" s="1"/><c r="D3" t="inlineStr"><is><t>Own room</t></is></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t>M3</t></is></c><c r="B4" t="inlineStr"><is><t>Three</t></is></c></row>` +
		`<row r="6"><c r="A6" t="inlineStr"><is><t>M4</t></is></c><c r="B6" t="inlineStr"><is><t>Four</t></is></c><c r="C6" s="1"><v>45211</v></c><c r="F6"><v>7</v></c></row>` +
		`<row r="7"><c r="A7" t="inlineStr"><is><t>M5</t></is></c><c r="G7" t="inlineStr"><is><t>g</t></is></c></row>` +
		`<row r="9"><c r="A9" t="inlineStr"><is><t>M6</t></is></c><c r="C9" t="inlineStr"><is><t>down</t></is></c></row>` +
		`<row r="10"><c r="A10" t="inlineStr"><is><t>M7</t></is></c><c r="B10" t="inlineStr"><is><t>across</t></is></c></row>` +
		`<row r="11"><c r="A11" t="inlineStr"><is><t>M8</t></is></c></row>` +
		// F12:G13 covers F13, which the sheet holds with a number style,
		// and G12 and G13, which it does not: G13 takes its row's date
		// style.
		`<row r="12"><c r="A12" t="inlineStr"><is><t>M9</t></is></c><c r="F12" s="4"><v>5</v></c></row>` +
		`<row r="13" s="1" customFormat="1"><c r="A13" t="inlineStr"><is><t>M10</t></is></c><c r="F13" s="4"/></row>` +
		// B10:D10 and C9:C11 cross without a corner inside the other:
		// excelize does not join them, and the one listed last fills C10.
		`</sheetData><mergeCells count="9"><mergeCell ref="C2:C4"/><mergeCell ref="D2:D4"/><mergeCell ref="E2:E3"/><mergeCell ref="$C$6:$D$7"/><mergeCell ref="B7"/><mergeCell ref="F6:G7"/><mergeCell ref="G6:H8"/><mergeCell ref="B10:D10"/><mergeCell ref="C9:C11"/><mergeCell ref="F12:G13"/></mergeCells>`)
	reversed := worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>R2</t></is></c></row></sheetData>` +
		`<mergeCells><mergeCell ref="B3:B2"/><mergeCell ref="C1:A1"/></mergeCells>`)
	// The same, in a prefixed namespace as some .NET writers save it.
	prefixed := `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="` + nsMain + `"><x:sheetData>` +
		`<x:row x:r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>title</x:t></x:is></x:c></x:row>` +
		`<x:row r="2"><x:c r="A2" t="s"><x:v>5</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>P</x:t></x:r></x:is></x:c></x:row>` +
		`</x:sheetData><x:mergeCells><x:mergeCell ref="B2:C2"/></x:mergeCells></x:worksheet>`
	people := worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>session_id</t></is></c><c r="B1" t="inlineStr"><is><t>appears_as</t></is></c><c r="C1" t="inlineStr"><is><t>name</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2" t="inlineStr"><is><t>speaker</t></is></c><c r="C2" t="inlineStr"><is><t>Ana Lima</t></is></c></row></sheetData>`)
	cover := worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Fill in one row per session.</t></is></c></row></sheetData>`)
	// Where excelize's model puts cells and rows: cells out of order are
	// sorted only when the row has gaps, rows without numbers take their
	// cells' row, elements out of place are dropped.
	layout := worksheet(`<sheetData>` +
		`<c r="A1"><v>outside a row</v></c>` +
		`<row r="1"><c r="C1"><v>c</v></c><c r="A1"><v>a</v></c><c><v>after the count</v></c></row>` +
		`<row r="2"><c r="B2"><v>b</v></c><c r="A2"><v>a</v></c></row>` +
		`<row r="3"><c r="A3"><v>a1</v></c><c r="A3"><v>a2</v></c></row>` +
		`<row r="4"><c r="A4"><v>a1</v></c><c r="C4"><v>c</v></c><c r="A4"><v>a2</v></c></row>` +
		`<row r="5"><c r="A5"><v>a1</v></c><c r="D5"><v>d</v></c><c r="A5"><v>a2</v></c></row>` +
		`<row><c r="B8"><v>numbered by its cells</v></c><c><v>index 2</v></c><c r="A8"><v>a</v></c></row>` +
		`<row><c><v>next</v></c></row>` +
		`<row r="0"><c><v>r=0</v></c><c r="D10"><v>d</v></c></row>` +
		`<row r="11"><c r="B11"><v>1</v></c><c><v>2</v></c><c r="A11"><v>3</v></c><c><v>4</v></c></row>` +
		`</sheetData><headerFooter><row r="20"><c r="A20"><v>not in sheetData</v></c></row></headerFooter>` +
		`<sheetData><row r="12"><c r="A12"><v>a second sheetData</v></c></row></sheetData>`)
	out["hand-layout.xlsx"] = xlsxParts{sheets: []sheetPart{{"Layout", layout}}}.zip(t)
	out["hand-cells.xlsx"] = xlsxParts{sheets: []sheetPart{{"Cover", cover}, {"Programme", prog}, {"No refs", noRefs}, {"Merged", merged}, {"Reversed", reversed}, {"Prefixed", prefixed}, {"Speakers", people}}, sst: strs, styles: testStyles}.zip(t)
	// The default style (xf 0) is a date format: cells without a style
	// are dates.
	xf0 := strings.Replace(testStyles, `<cellXfs count="10"><xf numFmtId="0"/>`, `<cellXfs count="10"><xf numFmtId="14"/>`, 1)
	out["hand-xf0.xlsx"] = xlsxParts{sheets: []sheetPart{{"S", worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c><c r="C1" t="inlineStr"><is><t>Deadline</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>X1</t></is></c><c r="B2" t="inlineStr"><is><t>t</t></is></c><c r="C2"><v>45210</v></c></row></sheetData>`)}}, styles: xf0}.zip(t)
	out["hand-strict.xlsx"] = xlsxParts{sheets: []sheetPart{{"Merged", merged}, {"Programme", prog}}, sst: strs, styles: testStyles, workbookPr: `<workbookPr date1904="true"/>`, strict: true}.zip(t)
	out["hand-1904.xlsx"] = xlsxParts{sheets: []sheetPart{{"Programme", prog}}, sst: strs, styles: testStyles, workbookPr: `<workbookPr date1904="1"/>`}.zip(t)
	out["hand-absolute.xlsx"] = xlsxParts{sheets: []sheetPart{{"Merged", merged}, {"Programme & more", prog}}, sst: strs, styles: testStyles, absTargets: true, workbookPath: "xl/wb.xml"}.zip(t)
	// Latin-1, declared.
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet xmlns=\"" + nsMain + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>title</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>L1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Caf\xe9 \xfcber</t></is></c></row></sheetData></worksheet>"
	out["hand-latin1.xlsx"] = xlsxParts{sheets: []sheetPart{{"Latin", latin}}}.zip(t)
	// A DOCTYPE, comments and processing instructions between rows.
	decl := `<?xml version="1.0"?><!DOCTYPE worksheet [ <!ELEMENT worksheet ANY> ]><worksheet xmlns="` + nsMain + `"><!-- <row r="7"> --><sheetData><?pi <row>?><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row><![CDATA[<row r="3">]]><row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" t="inlineStr"><is><t>x &gt; y</t></is></c></row></sheetData></worksheet>`
	out["hand-decl.xlsx"] = xlsxParts{sheets: []sheetPart{{"Decl", decl}}}.zip(t)
	return out
}

// excelizeMade are workbooks excelize writes: shared strings, rich text,
// dates and times with built-in and custom formats, both date systems,
// booleans, formulas, merged cells, sparse rows and columns.
func excelizeMade(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, d1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if d1904 {
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &d1904}); err != nil {
				t.Fatal(err)
			}
		}
		f.SetSheetName("Sheet1", "Intro")
		f.SetCellStr("Intro", "A1", "How to fill in the programme")
		f.NewSheet("Programme")
		f.NewSheet("Speakers")
		s := "Programme"
		header := []any{"Session ID", "Title", "Date", "Start", "End", "Room", "Registration deadline", "Capacity", "Door opens", "Online", "Updated", "Rich"}
		f.SetSheetRow(s, "A3", &header)
		f.SetCellStr(s, "A1", "IGF 2023 — programme")
		day := time.Date(2023, 10, 11, 0, 0, 0, 0, time.UTC)
		for i := range 6 {
			r := i + 4
			row := []any{fmt.Sprintf("E%d", i+1), fmt.Sprintf("Session <%d> & \"quotes\" ", i+1), day.AddDate(0, 0, i/3), 0.375 + float64(i)/24, 0.4375 + float64(i)/24, "Hall " + string(rune('A'+i%3)),
				day.AddDate(0, -1, i), 100 + i, 0.35 + float64(i)/48, i%2 == 0, day.Add(time.Duration(i) * 90 * time.Minute)}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := f.SetSheetRow(s, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
		dateFmt, timeFmt, stamp := "dd/mm/yyyy", "h:mm AM/PM", "yyyy-mm-dd hh:mm"
		ds, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
		ts, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &timeFmt})
		ss, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &stamp})
		bs, _ := f.NewStyle(&excelize.Style{NumFmt: 20})
		f.SetCellStyle(s, "C4", "C9", ds)
		f.SetCellStyle(s, "D4", "E9", bs)
		f.SetCellStyle(s, "G4", "G9", ds)
		f.SetCellStyle(s, "I4", "I9", ts)
		f.SetCellStyle(s, "K4", "K9", ss)
		f.SetCellRichText(s, "L4", []excelize.RichTextRun{{Text: "bold ", Font: &excelize.Font{Bold: true}}, {Text: "and plain"}})
		f.SetCellFormula(s, "H9", "H8+1")
		f.SetCellFormula(s, "M5", "1/0")
		f.MergeCell(s, "F4", "F6")
		f.MergeCell(s, "C7", "C9")
		f.MergeCell(s, "J8", "K8")
		f.SetCellStr(s, "AD12", "far away")
		f.SetCellStr(s, "A14", "E7")
		f.SetCellStr(s, "B14", "After empty rows\r\nwith a line break\tand a tab_x0041_")
		f.SetCellInt(s, "C14", 45300)
		people := [][]any{{"session_id", "appears_as", "name", "organization"}, {"E1", "speaker", "Ana Lima", "ITU"}, {"E2", "moderator", "Bo Chen", ""}}
		for i, r := range people {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow("Speakers", cell, &r)
		}
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("excelize-1904-%v.xlsx", d1904)] = b.Bytes()
		f.Close()
	}
	return out
}

// allWorkbooks are every workbook of the repository and the made ones.
func allWorkbooks(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	root, _ := filepath.Abs("..")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if ext := strings.ToLower(filepath.Ext(path)); !d.IsDir() && (ext == ".xlsx" || ext == ".xlsm") {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			out[rel] = data
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 11 {
		t.Fatalf("found %d workbooks in the repository, want at least the sample and the messy twins", len(out))
	}
	for k, v := range handMade(t) {
		out[k] = v
	}
	for k, v := range excelizeMade(t) {
		out[k] = v
	}
	return out
}

// TestSheetReaderMatchesExcelize: every sheet of every workbook reads, row
// by row and cell by cell, as excelize's Rows with RawCellValue and the
// merged cells filled; numeric cells have the date format excelize's
// GetCellStyle gives them; and the programme read is the one the excelize
// reader read.
func TestSheetReaderMatchesExcelize(t *testing.T) {
	for name, data := range allWorkbooks(t) {
		t.Run(name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			b, err := openXLSX(Input{Name: name, R: bytes.NewReader(data)}, Limits{}.WithDefaults())
			if err != nil {
				t.Fatal(err)
			}
			if got, want := b.SheetNames(), f.GetSheetList(); !slices.Equal(got, want) {
				t.Errorf("sheets = %q, want %q", got, want)
			}
			if wp, err := f.GetWorkbookProps(); err == nil && (wp.Date1904 != nil && *wp.Date1904) != b.date1904 {
				t.Errorf("date1904 = %v", b.date1904)
			}
			b.Close()
			for _, sheet := range f.GetSheetList() {
				want, err := exlSheet(f, sheet)
				if err != nil {
					t.Fatalf("%s: excelize: %v", sheet, err)
				}
				got, dates, err := fastSheet(data, sheet)
				if err != nil {
					t.Fatalf("%s: %v", sheet, err)
				}
				if diff := sameRows(got, want); diff != "" {
					t.Errorf("%s: %s", sheet, diff)
				}
				for _, r := range got {
					for i, v := range r.Cells {
						if _, err := strconv.ParseFloat(v, 64); err != nil {
							continue
						}
						if g, w := dates.isDate(r.Num, i+1), exlIsDateCell(f, sheet, i+1, r.Num); g != w {
							t.Errorf("%s row %d column %d (%s): date format %v, excelize says %v", sheet, r.Num, i+1, v, g, w)
						}
					}
				}
			}
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
		t.Errorf("%s: JSON differs at %s", what, firstDiff(g.String(), w.String()))
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

// TestSheetReaderDetails pins behaviours the differential test covers
// only through excelize: values, row numbers, the dates of extra columns.
func TestSheetReaderDetails(t *testing.T) {
	data := handMade(t)["hand-cells.xlsx"]
	rows, dates, err := fastSheet(data, "Programme")
	if err != nil {
		t.Fatal(err)
	}
	cell := func(row, col int) string {
		for _, r := range rows {
			if r.Num == row && col <= len(r.Cells) {
				return r.Cells[col-1]
			}
		}
		return ""
	}
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{2, 2, "  Opening & welcome  "}, {2, 5, `Hall <A> AB "q" 's'`}, {2, 6, "Rich text"}, {2, 3, "45210"}, {2, 28, "1"},
		{4, 1, "S2"}, {4, 2, "Line one\r\nline two_x0041_ and A"}, {4, 5, "CR\nLF\nend"}, {4, 6, "<b>cdata</b> & more"}, {4, 8, "#DIV/0!"},
		{5, 1, "S3"}, {5, 2, "abc"}, {5, 5, ""}, {5, 6, "last t wins"}, {5, 8, "2023-10-11T09:00:00Z"}, {5, 9, "0"},
		{6, 2, "T comes firstrun"}, {6, 6, "\ttab_"}, {6, 28, "no is"}, {6, 27, ""},
		// A <v> that is not a child of its cell is not its value.
		{9, 1, ""}, {9, 2, "id"}, {9, 3, "1.5E+3"}, {9, 4, "12"}, {9, 5, "12"}, {9, 6, "second+run"}, {9, 7, "10"}, {9, 8, ""},
	} {
		if got := cell(c.row, c.col); got != c.want {
			t.Errorf("row %d column %d = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	var nums []int
	for _, r := range rows {
		nums = append(nums, r.Num)
	}
	if fmt.Sprint(nums) != "[1 2 3 4 5 6 7 8 9]" {
		t.Errorf("row numbers = %v", nums)
	}
	if len(rows[2].Cells) != 0 {
		t.Errorf("the missing row 3 = %q", rows[2].Cells)
	}
	// A formula without a value keeps its place: the row is not trimmed
	// before it.
	if r := rows[3]; len(r.Cells) != 9 {
		t.Errorf("row 4 has %d cells, want 9 (I4 is a formula without a value)", len(r.Cells))
	}
	for _, c := range []struct {
		row, col int
		want     bool
	}{
		{2, 3, true}, {2, 4, true}, {2, 7, true}, {2, 8, false}, {2, 9, true}, {2, 10, true}, {2, 11, true},
		{4, 3, true}, {4, 7, false}, {5, 3, false}, {5, 4, false}, {5, 7, true}, {6, 1, true}, {6, 7, true},
	} {
		if got := dates.isDate(c.row, c.col); got != c.want {
			t.Errorf("row %d column %d: date format %v, want %v", c.row, c.col, got, c.want)
		}
	}
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

// TestSheetReaderMergedAreas: the fill as mergedFill did it.
func TestSheetReaderMergedAreas(t *testing.T) {
	data := handMade(t)["hand-cells.xlsx"]
	rows, dates, err := fastSheet(data, "Merged")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "title", "date", "room", "Notes"},
		{"M1", "One", "45210", "Hall", "  "},
		{"M2", "Two", "45210", "Own room"},
		{"M3", "Three", "45210", "Hall"},
		nil,
		{"M4", "Four", "45211", "45211", "", "7", "7", "7"},
		{"M5", "", "45211", "45211", "", "7", "g", "7"},
		{"", "", "", "", "", "7", "7", "7"},
		{"M6", "", "down"},
		{"M7", "across", "down", "across"},
		{"M8", "", "down"},
		{"M9", "", "", "", "", "5", "5"},
		{"M10", "", "", "", "", "5", "5"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if !slices.Equal(rows[i].Cells, w) {
			t.Errorf("row %d = %q, want %q", i+1, rows[i].Cells, w)
		}
	}
	// C3 has its own (date) style; C4 is not in the sheet and has none.
	if !dates.isDate(3, 3) || dates.isDate(4, 3) || dates.isDate(13, 6) || !dates.isDate(13, 7) || dates.isDate(12, 7) {
		t.Errorf("dates of covered cells: C3 %v C4 %v F13 %v G13 %v G12 %v", dates.isDate(3, 3), dates.isDate(4, 3), dates.isDate(13, 6), dates.isDate(13, 7), dates.isDate(12, 7))
	}
	rev, _, err := fastSheet(data, "Reversed")
	if err != nil || len(rev) != 3 || len(rev[2].Cells) != 1 {
		t.Errorf("reversed references fill nothing: %v %v", rev, err)
	}
	_, err = readXLSX(Input{Name: "m.xlsx", R: bytes.NewReader(data)}, ReadOptions{Sheet: "Merged", Limits: Limits{MergedCells: 10}})
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "sheet Merged: the area of merged cells is larger than the limit of 10 cells") {
		t.Errorf("merged limit: %v", err)
	}
}

func TestSheetReaderLimitsAndErrors(t *testing.T) {
	data := handMade(t)["hand-cells.xlsx"]
	read := func(data []byte, o ReadOptions) error {
		_, err := readXLSX(Input{Name: "x.xlsx", R: bytes.NewReader(data)}, o)
		return err
	}
	for _, c := range []struct {
		limits Limits
		want   string
	}{
		{Limits{UnzipBytes: 1000}, "the workbook: the unzipped workbook is larger than the limit of 1000 bytes (raise it with limits.max-unzip-size"},
		{Limits{CellBytes: 10}, "sheet Programme row 2, column B: the cell (21 bytes) is larger than the limit of 10 bytes"},
		{Limits{Columns: 20}, "sheet Programme row 1: the row's number of columns (28) is larger than the limit of 20 columns"},
	} {
		err := read(data, ReadOptions{Sheet: "Programme", Limits: c.limits})
		var le *LimitError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.limits, err, c.want)
		}
	}
	if err := read(data[:len(data)/2], ReadOptions{}); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("half a workbook: %v", err)
	}
	bad := func(sheetXML string) error {
		return read(xlsxParts{sheets: []sheetPart{{"S", worksheet(sheetXML)}}}.zip(t), ReadOptions{})
	}
	for xmlText, want := range map[string]string{
		`<sheetData><row r="2"/><row r="2"/></sheetData>`:                           "row 2 comes after row 2",
		`<sheetData><row r="x"/></sheetData>`:                                       `row "x": not a row number`,
		`<sheetData><row r="3"/><row r="2"/></sheetData>`:                           "row 2 comes after row 3",
		`<sheetData><row r="3"/><row><c r="A2"/><c r="B2"/></row></sheetData>`:      "row 2 comes after row 3",
		`<sheetData><row r="3"/><row><c r="A5"/><c r="B4"/></row></sheetData>`:      "row 5: a cell of it names row 4",
		`<sheetData><row r="1048577"/></sheetData>`:                                 "is not a row of a sheet",
		`<sheetData><row><c r="1A"><v>1</v></c></row></sheetData>`:                  `cell reference "1A" is not valid`,
		`<sheetData><row><c r="XFE1"><v>1</v></c></row></sheetData>`:                `cell reference "XFE1" is not valid`,
		`<sheetData><row><c><v>1 &bogus; 2</v></c></row></sheetData>`:               "invalid character entity &bogus;",
		`<sheetData><row><c><v>1</v></c><c t="inlineStr"><is><t>cut`:                "unexpected end",
		`<sheetData><row><c t="s"><v>1</v></c></row><row><c a="1</sheetData>`:       "unexpected end inside a tag",
		`<sheetData><row><c t="s"><v>1</v></c></row><row><!-- unterminated comment`: "unexpected end",
	} {
		if err := bad(xmlText); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: err = %v, want %q", xmlText, err, want)
		}
	}
	// The errors of openWorkbook, from the bytes themselves.
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

// TestSheetReaderEncodings: a UTF-16 sheet (which excelize cannot read)
// reads as its UTF-8 twin.
func TestSheetReaderEncodings(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="` + nsMain + `"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>U1</t></is></c><c r="B2" t="inlineStr"><is><t>Ünïcödé ✓</t></is></c></row></sheetData></worksheet>`
	u16 := []byte{0xFF, 0xFE}
	for _, r := range body {
		u16 = utf16le(u16, r)
	}
	rows, _, err := fastSheet(xlsxParts{sheets: []sheetPart{{"S", string(u16)}}}.zip(t), "S")
	if err != nil || len(rows) != 2 || rows[1].Cells[1] != "Ünïcödé ✓" {
		t.Errorf("UTF-16: %v %v", rows, err)
	}
	rows, _, err = fastSheet(handMade(t)["hand-latin1.xlsx"], "Latin")
	if err != nil || len(rows) != 2 || rows[1].Cells[1] != "Café über" {
		t.Errorf("Latin-1: %v %v", rows, err)
	}
}

func utf16le(b []byte, r rune) []byte {
	if r >= 0x10000 {
		r -= 0x10000
		hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
		return append(b, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
	}
	return append(b, byte(r), byte(r>>8))
}

// TestSheetReaderScannerBoundaries: tags, entities, CDATA and \r\n cut by
// the scanner's buffer read the same as whole.
func TestSheetReaderScannerBoundaries(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<sheetData>`)
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t xml:space="preserve">v%d &amp; &#x41;`+"\r\n"+`<![CDATA[c]]>%s</t></is></c><c r="B%d" s="1"><v>%d</v></c></row>`, i, i, i, strings.Repeat("x", i%97), i, i)
	}
	b.WriteString(`</sheetData>`)
	data := xlsxParts{sheets: []sheetPart{{"S", worksheet(b.String())}}, styles: testStyles}.zip(t)
	for _, chunk := range []int{1, 2, 3, 7, 64, 4096} {
		bk, err := openXLSX(Input{Name: "b.xlsx", R: bytes.NewReader(data)}, Limits{}.WithDefaults())
		if err != nil {
			t.Fatal(err)
		}
		rows, err := bk.openSheet("S", true, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		rows.sc.r = &oneByteReader{r: rows.sc.r, n: chunk}
		rows.sc.buf = make([]byte, 16)
		for i := 1; ; i++ {
			r, err := rows.Next()
			if err == io.EOF {
				if i != 3001 {
					t.Errorf("chunk %d: %d rows", chunk, i-1)
				}
				break
			}
			if err != nil {
				t.Fatalf("chunk %d: %v", chunk, err)
			}
			want := fmt.Sprintf("v%d & A\nc%s", i, strings.Repeat("x", i%97))
			if r.Num != i || len(r.Cells) != 2 || r.Cells[0] != want || r.Cells[1] != strconv.Itoa(i) {
				t.Fatalf("chunk %d: row %d = %d %q", chunk, i, r.Num, r.Cells)
			}
			if !rows.dates.isDate(i, 2) {
				t.Fatalf("chunk %d: B%d not a date", chunk, i)
			}
		}
		rows.Close()
		bk.Close()
	}
}

type oneByteReader struct {
	r io.Reader
	n int
}

func (o *oneByteReader) Read(p []byte) (int, error) {
	if len(p) > o.n {
		p = p[:o.n]
	}
	return o.r.Read(p)
}

// TestSheetReaderHelpers compares the helpers with excelize's.
func TestSheetReaderHelpers(t *testing.T) {
	for _, ref := range []string{"A1", "a1", "$A$1", "A$1", "XFD1048576", "XFE1", "A1048577", "A0", "A", "1", "", "A1B2", "$1", "AA01", "A+1", "A-1", "Ab12", "ZZZZ1", "A 1", "A1 "} {
		c, r, err := cellCoordinates([]byte(ref))
		wc, wr, werr := excelize.CellNameToCoordinates(ref)
		if (err == nil) != (werr == nil) || (err == nil && (c != wc || r != wr)) {
			t.Errorf("%q: %d %d %v, excelize %d %d %v", ref, c, r, err, wc, wr, werr)
		}
	}
	for _, s := range []string{"plain", "_x000D_", "_x005F_x000D_", "_x005f_", "_xD83D__xDE00_", "_x0041", "x0041_", "__x0041__", "_x00zz_", "a_x0009_b_X0041_"} {
		f := excelize.NewFile()
		f.SetCellStr("Sheet1", "A1", "seed")
		var b bytes.Buffer
		f.Write(&b)
		f.Close()
		// bstrUnmarshal is unexported: read the string back through a
		// shared-strings part excelize reads.
		data := xlsxParts{sheets: []sheetPart{{"S", worksheet(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`)}}, sst: sst(`<si><t>` + s + `</t></si>`)}.zip(t)
		ef, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := ef.GetCellValue("S", "A1", excelize.Options{RawCellValue: true})
		ef.Close()
		if got := string(unescapeOOXML([]byte(s))); got != want {
			t.Errorf("unescape %q = %q, excelize %q", s, got, want)
		}
	}
	// Which number formats are dates: every id, built-in or custom.
	var fmts, xfs strings.Builder
	for id := 0; id < 200; id++ {
		fmt.Fprintf(&fmts, `<numFmt numFmtId="%d" formatCode="yyyy-mm-dd"/>`, id)
		fmt.Fprintf(&xfs, `<xf numFmtId="%d"/>`, id)
	}
	styles := `<?xml version="1.0"?><styleSheet xmlns="` + nsMain + `"><numFmts>` + fmts.String() + `</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs>` + xfs.String() + `</cellXfs></styleSheet>`
	data := xlsxParts{sheets: []sheetPart{{"S", worksheet(`<sheetData/>`)}}, styles: styles}.zip(t)
	ef, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	bk, err := openXLSX(Input{Name: "s.xlsx", R: bytes.NewReader(data)}, Limits{}.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	dx := bk.dateStyles()
	for id := 0; id < 200; id++ {
		st, err := ef.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if dx[id] != isDateStyle(st) {
			t.Errorf("numFmtId %d: date %v, excelize %v", id, dx[id], isDateStyle(st))
		}
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
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>`)
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
		items[i] = `<si><t xml:space="preserve">` + xmlEscape(s) + `</t></si>`
	}
	styles := `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + nsMain + `"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`
	out := xlsxParts{sheets: []sheetPart{{"Sessions", sheet.String()}}, sst: sst(items...), styles: styles}.zip(b)
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
			rows, err := bk.openSheet("Sessions", true, &Limits{CellBytes: DefaultCellBytes, Columns: DefaultColumns}, nil)
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

// TestSheetReaderBigWorkbook: the benchmark's workbook (small here) reads
// as excelize reads it.
func TestSheetReaderBigWorkbook(t *testing.T) {
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

// ---- fuzzing

// fuzzSST are shared strings for the fuzzed sheets.
const fuzzSST = `<si><t>id</t></si><si><t>title</t></si><si><t>date</t></si><si><r><t>ri</t></r><r><t>ch</t></r></si><si><t>_x000D_</t></si>`

// FuzzSheetReader: a sheet (and shared strings) in a valid workbook never
// makes the reader panic; when the XML is well-formed and excelize reads
// it too, both read the same rows.
func FuzzSheetReader(f *testing.F) {
	for _, wb := range []string{"hand-cells.xlsx", "hand-decl.xlsx"} {
		data := handMade(f)[wb]
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		var sstXML []byte
		for _, zf := range zr.File {
			if strings.HasSuffix(zf.Name, "sharedStrings.xml") {
				rc, _ := zf.Open()
				sstXML, _ = io.ReadAll(rc)
			}
		}
		for _, zf := range zr.File {
			if strings.Contains(zf.Name, "worksheets/") {
				rc, _ := zf.Open()
				sheetXML, _ := io.ReadAll(rc)
				f.Add(sheetXML, sstXML)
			}
		}
	}
	if data, err := os.ReadFile(sampleXLSX); err == nil {
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		for _, zf := range zr.File {
			if zf.Name == "xl/worksheets/sheet1.xml" {
				rc, _ := zf.Open()
				sheetXML, _ := io.ReadAll(rc)
				f.Add(sheetXML[:min(len(sheetXML), 6000)], []byte(sst(fuzzSST)))
			}
		}
	}
	f.Add([]byte(worksheet(`<sheetData><row><c t="s"><v>3</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c><f>1</f></c></row></sheetData><mergeCells><mergeCell ref="A1:B3"/></mergeCells>`)), []byte(sst(fuzzSST)))
	f.Fuzz(func(t *testing.T, sheetXML, sstXML []byte) {
		data := xlsxParts{sheets: []sheetPart{{"S", string(sheetXML)}}, sst: string(sstXML), styles: testStyles}.zip(t)
		got, _, err := fastSheet(data, "S")
		// The whole read must not panic either (readXLSX would hide it).
		if b, err := openXLSX(Input{Name: "f.xlsx", R: bytes.NewReader(data)}, Limits{}.WithDefaults()); err == nil {
			if s := guessSheet(b, b.SheetNames(), nil); s != "S" {
				t.Fatalf("guessed sheet %q", s)
			}
			b.Close()
		}
		if err != nil || !wellFormed(sheetXML) || (len(sstXML) > 0 && !wellFormed(sstXML)) {
			return
		}
		ef, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		defer ef.Close()
		if !excelizeAgrees(ef, "S", sheetXML) {
			return
		}
		want, err := exlSheet(ef, "S")
		if err != nil {
			return
		}
		if diff := sameRows(got, want); diff != "" {
			t.Fatalf("%s\nsheet: %q\nsst: %q", diff, sheetXML, sstXML)
		}
	})
}

// wellFormed reports whether encoding/xml reads the whole of data.
func wellFormed(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// excelizeAgrees reports whether excelize's two views of a sheet (its
// worksheet model, which mergedFill used, and its Rows) agree on the
// merged areas' top-left cells: where they do not (cells out of order,
// unreadable attributes), this reader follows Rows.
func excelizeAgrees(f *excelize.File, sheet string, sheetXML []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		// No model: excelize fills nothing, which is this reader's
		// result only when there is nothing to fill.
		return !bytes.Contains(sheetXML, []byte("mergeCell"))
	}
	if len(merged) == 0 {
		return true
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return false
	}
	defer rows.Close()
	var all [][]string
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return false
		}
		all = append(all, cells)
	}
	for _, m := range merged {
		c, r, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			return false
		}
		v, err := f.GetCellValue(sheet, m.GetStartAxis(), excelize.Options{RawCellValue: true})
		if err != nil {
			v = ""
		}
		rv := ""
		if r <= len(all) && c <= len(all[r-1]) {
			rv = all[r-1][c-1]
		}
		if v != rv {
			return false
		}
	}
	return true
}

// TestSheetReaderStreams: with a Sink, sessions stream out as they are
// read (extra date columns converted on the way) and are those of the
// whole read, and of the excelize reader; a workbook with a Speakers sheet
// is read whole first.
func TestSheetReaderStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a workbook")
	}
	cases := map[string]Input{"big.xlsx": {Name: "big.xlsx", Path: benchXLSX(t, t.TempDir(), 3000)}}
	for _, name := range []string{"hand-1904.xlsx", "hand-cells.xlsx"} {
		cases[name] = Input{Name: name, R: bytes.NewReader(handMade(t)[name])}
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

// TestSheetReaderSharedStringsAsTheyCome: shared strings are read on
// their own goroutine while rows wait for the ones they use. Rows get
// every string, many more than one batch of them; damage in the strings
// fails the read even past the last string a row uses.
func TestSheetReaderSharedStringsAsTheyCome(t *testing.T) {
	const n = 2000
	var sst, rows strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="` + nsMain + `"><si><t>id</t></si><si><t>title</t></si>`)
	rows.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`)
	for i := range n {
		fmt.Fprintf(&sst, `<si><t>S%d</t></si><si><t>Title %d é</t></si>`, i, i)
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c></row>`, i+2, i+2, 2+2*i, i+2, 3+2*i)
	}
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + nsMain + `"><sheetData>` + rows.String() + `</sheetData></worksheet>`
	for _, damage := range []bool{false, true} {
		tail := `</sst>`
		if damage {
			// Past a batch of strings no row uses: the rows never wait
			// for the damage, the end of the sheet does.
			tail = strings.Repeat(`<si><t>unused</t></si>`, 600) + `<si><t>broken</sst>`
		}
		data := xlsxParts{sheets: []sheetPart{{"Sessions", sheet}}, sst: sst.String() + tail}.zip(t)
		p, err := readXLSX(Input{Name: "s.xlsx", R: bytes.NewReader(data)}, ReadOptions{})
		if damage {
			if err == nil || !strings.Contains(err.Error(), "damaged") {
				t.Errorf("damaged strings: err = %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Sessions) != n || p.Sessions[n-1].ID != fmt.Sprintf("S%d", n-1) || p.Sessions[n-1].Title != fmt.Sprintf("Title %d é", n-1) {
			t.Errorf("%d sessions, last %+v", len(p.Sessions), p.Sessions[len(p.Sessions)-1])
		}
	}
}
