package synth

import (
	"archive/zip"
	"bufio"
	"io"
	"strconv"
	"time"
	"unicode/utf8"
)

// Styles of the workbook (indexes into cellXfs in stylesXML).
const (
	styleDate   = 1 // yyyy-mm-dd
	styleTime   = 2 // hh:mm
	styleHeader = 3 // bold
)

// shared reports, per column, whether its values repeat and so are looked
// up in the string table before being added. The id, speakers and
// description of a row are its own; they are added without a look-up, so
// that a million rows do not keep a million descriptions in memory.
var shared = [numCols]bool{
	colTitle: true, colType: true, colFormat: true, colTimezone: true, colRoom: true,
	colTheme: true, colModerator: true, colModeratorEmail: true, colRapporteur: true, colSDGs: true,
}

// WriteXLSX writes a programme of n sessions, made from seed, as a workbook
// the way Excel writes one: text in a shared strings table
// (xl/sharedStrings.xml), dates and times as numeric serials with date and
// time number formats (yyyy-mm-dd, hh:mm) in xl/styles.xml, one sheet named
// Sessions with a bold frozen header. The cells are those of WriteCSV with
// the same n and seed.
//
// The sheet is streamed: rows are made twice, once to write the sheet and
// once to write the strings table after it, and only repeated strings are
// kept in memory between the two.
func WriteXLSX(w io.Writer, n int, seed int64) error {
	g := newGenerator(n, seed)
	zw := zip.NewWriter(w)
	modified := g.plan.first
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", rootRelsXML},
		{"xl/workbook.xml", workbookXML},
		{"xl/_rels/workbook.xml.rels", workbookRelsXML},
		{"xl/styles.xml", stylesXML},
	} {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, xmlHeader+p.body); err != nil {
			return err
		}
	}
	t := &stringTable{index: map[string]int32{}}
	if err := writePart(zw, "xl/worksheets/sheet1.xml", modified, func(bw *bufio.Writer) error {
		return writeSheet(bw, g, t)
	}); err != nil {
		return err
	}
	if err := writePart(zw, "xl/sharedStrings.xml", modified, func(bw *bufio.Writer) error {
		return writeStrings(bw, g, t)
	}); err != nil {
		return err
	}
	return zw.Close()
}

func writePart(zw *zip.Writer, name string, modified time.Time, write func(*bufio.Writer) error) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// stringTable numbers the strings of the shared strings table. The sheet
// pass adds each string cell (add); the strings pass makes the same cells in
// the same order and asks which of them are new entries (replay).
type stringTable struct {
	index map[string]int32 // the repeated strings (shared columns, header)
	next  int32            // entries numbered so far
	refs  int              // string cells so far (the sst count)
}

// add returns the entry of s, numbering it if it is new or not looked up.
func (t *stringTable) add(s string, lookUp bool) int32 {
	t.refs++
	if lookUp {
		if i, ok := t.index[s]; ok {
			return i
		}
		t.index[s] = t.next
	}
	t.next++
	return t.next - 1
}

// replay reports whether the cell add numbered at this point was a new
// entry; the strings pass writes exactly those, in order.
func (t *stringTable) replay(s string, lookUp bool) bool {
	if lookUp && t.index[s] != t.next {
		return false
	}
	t.next++
	return true
}

// colNames are the column letters.
var colNames = func() [numCols]string {
	var c [numCols]string
	for i := range c {
		c[i] = string(rune('A' + i))
	}
	return c
}()

// colWidths are the column widths in characters, as a user would set them.
var colWidths = [numCols]int{18, 50, 20, 26, 11, 7, 7, 14, 18, 30, 80, 24, 30, 24, 14, 80}

func writeSheet(bw *bufio.Writer, g *generator, t *stringTable) error {
	last := strconv.Itoa(g.len() + 1)
	bw.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	bw.WriteString(`<dimension ref="A1:` + colNames[numCols-1] + last + `"/>`)
	bw.WriteString(`<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	bw.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, wd := range colWidths {
		c := strconv.Itoa(i + 1)
		bw.WriteString(`<col min="` + c + `" max="` + c + `" width="` + strconv.Itoa(wd) + `" customWidth="1"/>`)
	}
	bw.WriteString(`</cols><sheetData>`)

	buf := make([]byte, 0, 4096)
	buf = append(buf, `<row r="1" spans="1:16">`...)
	for c, h := range Columns {
		buf = appendCell(buf, c, "1", styleHeader)
		buf = append(buf, ` t="s"><v>`...)
		buf = strconv.AppendInt(buf, int64(t.add(h, true)), 10)
		buf = append(buf, `</v></c>`...)
	}
	buf = append(buf, `</row>`...)
	if _, err := bw.Write(buf); err != nil {
		return err
	}

	var x row
	for i := range g.len() {
		g.row(i, &x)
		r := strconv.Itoa(i + 2)
		buf = append(buf[:0], `<row r="`...)
		buf = append(buf, r...)
		buf = append(buf, `" spans="1:16">`...)
		for c, v := range x.cells {
			switch c {
			case colDate:
				buf = appendCell(buf, c, r, styleDate)
				buf = append(buf, `><v>`...)
				buf = strconv.AppendInt(buf, int64(x.serial), 10)
			case colStart, colEnd:
				m := x.start
				if c == colEnd {
					m = x.end
				}
				buf = appendCell(buf, c, r, styleTime)
				buf = append(buf, `><v>`...)
				buf = strconv.AppendFloat(buf, float64(m)/(24*60), 'g', -1, 64)
			default:
				if v == "" {
					continue // Excel writes no element for an empty cell
				}
				buf = appendCell(buf, c, r, 0)
				buf = append(buf, ` t="s"><v>`...)
				buf = strconv.AppendInt(buf, int64(t.add(v, shared[c])), 10)
			}
			buf = append(buf, `</v></c>`...)
		}
		buf = append(buf, `</row>`...)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	_, err := bw.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	return err
}

// appendCell opens a cell element up to its attributes: `<c r="B7" s="1"`.
func appendCell(buf []byte, col int, row string, style int) []byte {
	buf = append(buf, `<c r="`...)
	buf = append(buf, colNames[col]...)
	buf = append(buf, row...)
	buf = append(buf, '"')
	if style != 0 {
		buf = append(buf, ` s="`...)
		buf = strconv.AppendInt(buf, int64(style), 10)
		buf = append(buf, '"')
	}
	return buf
}

func writeStrings(bw *bufio.Writer, g *generator, t *stringTable) error {
	bw.WriteString(xmlHeader + `<sst xmlns="` + nsMain + `" count="` + strconv.Itoa(t.refs) +
		`" uniqueCount="` + strconv.Itoa(int(t.next)) + `">`)
	t.next = 0
	buf := make([]byte, 0, 4096)
	for _, h := range Columns {
		if t.replay(h, true) {
			buf = appendSI(buf, h)
		}
	}
	var x row
	for i := range g.len() {
		g.row(i, &x)
		for c, v := range x.cells {
			switch c {
			case colDate, colStart, colEnd:
				continue
			}
			if v != "" && t.replay(v, shared[c]) {
				buf = appendSI(buf, v)
			}
		}
		if _, err := bw.Write(buf); err != nil {
			return err
		}
		buf = buf[:0]
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	_, err := bw.WriteString(`</sst>`)
	return err
}

// appendSI appends a shared string entry.
func appendSI(buf []byte, s string) []byte {
	if s != "" && (s[0] == ' ' || s[len(s)-1] == ' ' || containsByte(s, '\n')) {
		buf = append(buf, `<si><t xml:space="preserve">`...)
	} else {
		buf = append(buf, `<si><t>`...)
	}
	buf = appendEscaped(buf, s)
	return append(buf, `</t></si>`...)
}

func containsByte(s string, b byte) bool {
	for i := range len(s) {
		if s[i] == b {
			return true
		}
	}
	return false
}

// appendEscaped appends s as XML text the way Excel writes it: &, < and >
// as entities, a carriage return as a character reference (a literal one
// would be read as a line feed), characters XML 1.0 cannot hold at all as
// Excel's _xHHHH_ escape, and a literal _xHHHH_ in the text with its
// underscore escaped, so that a reader does not decode it. Invalid UTF-8
// becomes U+FFFD.
func appendEscaped(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			buf = append(buf, "&amp;"...)
		case r == '<':
			buf = append(buf, "&lt;"...)
		case r == '>':
			buf = append(buf, "&gt;"...)
		case r == '\r':
			buf = append(buf, "&#13;"...)
		case r == '\t' || r == '\n':
			buf = append(buf, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			buf = appendHexEscape(buf, r)
		case r == '_' && isHexEscape(s[i:]):
			buf = append(buf, "_x005F_"...)
		case r == utf8.RuneError && size == 1:
			buf = utf8.AppendRune(buf, utf8.RuneError)
		default:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return buf
}

func appendHexEscape(buf []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	return append(buf, '_', 'x', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15], '_')
}

// isHexEscape reports whether s begins with _xHHHH_.
func isHexEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctPrefix  = "application/vnd.openxmlformats-officedocument.spreadsheetml."

	contentTypesXML = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctPrefix + `sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + ctPrefix + `worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctPrefix + `styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="` + ctPrefix + `sharedStrings+xml"/>` +
		`</Types>`

	rootRelsXML = `<Relationships xmlns="` + nsPkgRel + `">` +
		`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`

	workbookXML = `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
		`<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
		`<sheets><sheet name="Sessions" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`

	workbookRelsXML = `<Relationships xmlns="` + nsPkgRel + `">` +
		`<Relationship Id="rId1" Type="` + nsRel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsRel + `/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsRel + `/sharedStrings" Target="sharedStrings.xml"/>` +
		`</Relationships>`

	// stylesXML: cellXfs 0 is the default, then styleDate, styleTime and
	// styleHeader. Excel saves a typed "2023-10-08" with a custom
	// yyyy-mm-dd format as yyyy\-mm\-dd.
	stylesXML = `<styleSheet xmlns="` + nsMain + `">` +
		`<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="hh:mm"/></numFmts>` +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
		`</styleSheet>`
)
