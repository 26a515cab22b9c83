package xlsxreadtest

// Workbooks to read: every one of the repository, hand-made ones written
// as XML, and ones excelize writes.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Parts makes a workbook of XML parts, for what excelize does not write:
// the sheets in order, shared strings and styles when given, anything
// else in Extra (by path).
type Parts struct {
	Sheets       []Sheet
	SST, Styles  string
	WorkbookPr   string // an element of the workbook, such as <workbookPr date1904="1"/>
	Extra        map[string]string
	WorkbookPath string // default xl/workbook.xml
	AbsTargets   bool   // relationship targets from the root
	Strict       bool   // Strict OOXML namespaces
}

// Sheet is a worksheet of Parts: its name and its XML.
type Sheet struct{ Name, XML string }

// The namespaces of a workbook's parts.
const (
	NSMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	NSRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg  = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// Zip writes the workbook.
func (p Parts) Zip(t testing.TB) []byte {
	t.Helper()
	wbPath := p.WorkbookPath
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	dir := filepath.Dir(wbPath)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		if p.Strict {
			body = strings.NewReplacer(NSMain, "http://purl.oclc.org/ooxml/spreadsheetml/main", NSRel, "http://purl.oclc.org/ooxml/officeDocument/relationships").Replace(body)
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	target := func(part string) string {
		if p.AbsTargets {
			return "/" + dir + "/" + part
		}
		return part
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/`+wbPath+`" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="`+nsPkg+`"><Relationship Id="rId1" Type="`+NSRel+`/officeDocument" Target="`+wbPath+`"/></Relationships>`)
	var sheets, rels strings.Builder
	for i, s := range p.Sheets {
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, XMLEscape(s.Name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>`, i+1, NSRel, target(fmt.Sprintf("worksheets/sheet%d.xml", i+1)))
		add(fmt.Sprintf("%s/worksheets/sheet%d.xml", dir, i+1), s.XML)
	}
	if p.SST != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="%s/sharedStrings" Target="%s"/>`, NSRel, target("sharedStrings.xml"))
		add(dir+"/sharedStrings.xml", p.SST)
	}
	if p.Styles != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdT" Type="%s/styles" Target="%s"/>`, NSRel, target("styles.xml"))
		add(dir+"/styles.xml", p.Styles)
	}
	add(wbPath, `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="`+NSMain+`" xmlns:r="`+NSRel+`">`+p.WorkbookPr+`<sheets>`+sheets.String()+`</sheets></workbook>`)
	add(dir+"/_rels/"+filepath.Base(wbPath)+".rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="`+nsPkg+`">`+rels.String()+`</Relationships>`)
	for name, body := range p.Extra {
		add(name, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// XMLEscape escapes s for XML text.
func XMLEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Worksheet is a worksheet part around body, its elements.
func Worksheet(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="` + NSMain + `" xmlns:r="` + NSRel + `">` + body + `</worksheet>`
}

// SST is a shared strings part of string items (<si> elements).
func SST(items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="` + NSMain + `" count="` + strconv.Itoa(len(items)) + `" uniqueCount="` + strconv.Itoa(len(items)) + `">` + strings.Join(items, "") + `</sst>`
}

// Styles is a styles part whose cell styles (xf) are: 0 general, 1
// built-in date (14), 2 custom date, 3 custom time with quoted letters, 4
// a number with a bracketed colour, 5 built-in datetime (22), 6 a
// language format (excelize does not take it as a date), 7 a custom id
// reusing a built-in number (ignored), 8 the custom date again, 9
// built-in time 46 ([h]:mm:ss).
const Styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + NSMain + `">` +
	`<numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="h:mm&quot; Uhr&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00;&quot;day&quot;0"/><numFmt numFmtId="3" formatCode="yyyy"/></numFmts>` +
	`<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
	`<cellXfs count="10"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/><xf numFmtId="31"/><xf numFmtId="3"/><xf numFmtId=" 164 "/><xf numFmtId="46"/></cellXfs>` +
	`</styleSheet>`

// HandMade are workbooks written as XML, for what excelize does not write:
// cells and rows without references, inline and rich strings, errors,
// cached formula values, entities, CDATA and comments, prefixed
// namespaces, overlapping merged areas.
func HandMade(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	strs := SST(
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
	prog := Worksheet(`<dimension ref="A1:AB9"/><cols><col min="10" max="10" width="12" style="2"/><col min="11" max="12" style="9"/></cols><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>15</v></c><c r="G1" t="s"><v>16</v></c><c r="H1" t="s"><v>17</v></c><c r="I1" t="s"><v>18</v></c><c r="J1" t="inlineStr"><is><t>Col J</t></is></c><c r="K1" t="inlineStr"><is><t>Col K</t></is></c><c r="AB1" t="inlineStr"><is><t>Far</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>45210</v></c><c r="D2" s="3"><v>0.375</v></c><c r="E2" t="s"><v>8</v></c><c r="F2" t="s"><v>6</v></c><c r="G2" s="2"><v>45199</v></c><c r="H2"><v>120</v></c><c r="I2" s="9"><v>0.35416666666666669</v></c><c r="J2"><v>45200</v></c><c r="K2"><v>0.5</v></c><c r="AB2" t="b"><v>1</v></c></row>` +
		`<row r="4"><c r="A4" t="str"><f>"S"&amp;2</f><v>S2</v></c><c r="B4" t="s"><v>7</v></c><c r="C4" s="5"><v>45211.5</v></c><c r="E4" t="s"><v> 9 </v></c><c r="F4" t="s"><v>10</v></c><c r="G4" s="4"><v>3</v></c><c r="H4" t="e"><v>#DIV/0!</v></c><c r="I4"><f>1/0</f></c><c r="Z4" s="1"/></row>` +
		`<row r="5" spans="1:5"><c r="A5" t="inlineStr"><is><r><t>S</t></r><r><rPr><i/></rPr><t>3</t></r><rPh><t>x</t></rPh></is></c><c r="B5" t="s"><v>11</v></c><c r="C5" s="6"><v>45212</v></c><c r="D5" s="7"><v>0.5</v></c><c r="E5" t="s"><v>12</v></c><c r="F5" t="s"><v>13</v></c><c r="G5" s="8"><v>45100</v></c><c r="H5" t="d"><v>2023-10-11T09:00:00Z</v></c><c r="I5" t="b"><v>0</v></c></row>` +
		`<row r="6" s="2" customFormat="1"><c r="A6"><v>4</v></c><c r="B6" t="s"><v>14</v></c><c r="C6"><v>45213</v></c><c r="F6" t="inlineStr"><is><t>_x0009_tab_x005F_</t></is></c><c r="G6"><v>45101</v></c><c r="AA6" t="inlineStr"><is/></c><c r="AB6" t="inlineStr"><v>no is</v></c></row>` +
		`<row r="8"><c r="A8" t="inlineStr"><is><t>S5</t></is></c><c r="B8" t="inlineStr"><is><t>Beyond Z</t></is></c><c r="AZ8" t="inlineStr"><is><t>AZ</t></is></c></row>` +
		`<row r="9"><c r="A9" t="s"><v>99</v></c><c r="B9" t="s"><v>x</v></c><c r="C9" t="n"><v>1.5E+3</v></c><c r="D9"><v><![CDATA[12]]></v></c><c r="E9"><v>1<!--c-->2</v></c><c r="F9" t="inlineStr"><is><t>first</t><t>second</t></is><is><r><t>+run</t></r></is></c><c r="G9"><v>9</v><v>10</v></c><c r="H9"><extLst><v>nested</v></extLst></c></row>` +
		`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	// Cells and rows without references, as some writers save them.
	noRefs := Worksheet(`<sheetData>` +
		`<row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>title</t></is></c><c t="inlineStr"><is><t>room</t></is></c></row>` +
		`<row><c t="inlineStr"><is><t>N1</t></is></c><c/><c t="inlineStr"><is><t>Hall</t></is></c></row>` +
		`<row r="5"><c r="B5" t="inlineStr"><is><t>no ref after B</t></is></c><c t="inlineStr"><is><t>so C</t></is></c><c r="E5"><v>5</v></c><c><v>6</v></c></row>` +
		`<row><c t="inlineStr"><is><t>N6</t></is></c></row>` +
		`<row r="0"><c t="inlineStr"><is><t>r=0 is no number</t></is></c></row>` +
		`<row r="9"/>` +
		`</sheetData>`)
	// Merged areas: over rows, over columns, a blank top-left, a single
	// cell, $ references, and two that overlap (excelize joins them).
	merged := Worksheet(`<sheetData>` +
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
	reversed := Worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>R2</t></is></c></row></sheetData>` +
		`<mergeCells><mergeCell ref="B3:B2"/><mergeCell ref="C1:A1"/></mergeCells>`)
	// The same, in a prefixed namespace as some .NET writers save it.
	prefixed := `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="` + NSMain + `"><x:sheetData>` +
		`<x:row x:r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>title</x:t></x:is></x:c></x:row>` +
		`<x:row r="2"><x:c r="A2" t="s"><x:v>5</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>P</x:t></x:r></x:is></x:c></x:row>` +
		`</x:sheetData><x:mergeCells><x:mergeCell ref="B2:C2"/></x:mergeCells></x:worksheet>`
	people := Worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>session_id</t></is></c><c r="B1" t="inlineStr"><is><t>appears_as</t></is></c><c r="C1" t="inlineStr"><is><t>name</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c><c r="B2" t="inlineStr"><is><t>speaker</t></is></c><c r="C2" t="inlineStr"><is><t>Ana Lima</t></is></c></row></sheetData>`)
	cover := Worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Fill in one row per session.</t></is></c></row></sheetData>`)
	// Where excelize's model puts cells and rows: cells out of order are
	// sorted only when the row has gaps, rows without numbers take their
	// cells' row, elements out of place are dropped.
	layout := Worksheet(`<sheetData>` +
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
	out["hand-layout.xlsx"] = Parts{Sheets: []Sheet{{"Layout", layout}}}.Zip(t)
	out["hand-cells.xlsx"] = Parts{Sheets: []Sheet{{"Cover", cover}, {"Programme", prog}, {"No refs", noRefs}, {"Merged", merged}, {"Reversed", reversed}, {"Prefixed", prefixed}, {"Speakers", people}}, SST: strs, Styles: Styles}.Zip(t)
	// The default style (xf 0) is a date format: cells without a style
	// are dates.
	xf0 := strings.Replace(Styles, `<cellXfs count="10"><xf numFmtId="0"/>`, `<cellXfs count="10"><xf numFmtId="14"/>`, 1)
	out["hand-xf0.xlsx"] = Parts{Sheets: []Sheet{{"S", Worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c><c r="C1" t="inlineStr"><is><t>Deadline</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>X1</t></is></c><c r="B2" t="inlineStr"><is><t>t</t></is></c><c r="C2"><v>45210</v></c></row></sheetData>`)}}, Styles: xf0}.Zip(t)
	out["hand-strict.xlsx"] = Parts{Sheets: []Sheet{{"Merged", merged}, {"Programme", prog}}, SST: strs, Styles: Styles, WorkbookPr: `<workbookPr date1904="true"/>`, Strict: true}.Zip(t)
	out["hand-1904.xlsx"] = Parts{Sheets: []Sheet{{"Programme", prog}}, SST: strs, Styles: Styles, WorkbookPr: `<workbookPr date1904="1"/>`}.Zip(t)
	out["hand-absolute.xlsx"] = Parts{Sheets: []Sheet{{"Merged", merged}, {"Programme & more", prog}}, SST: strs, Styles: Styles, AbsTargets: true, WorkbookPath: "xl/wb.xml"}.Zip(t)
	// Latin-1, declared.
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet xmlns=\"" + NSMain + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>title</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>L1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Caf\xe9 \xfcber</t></is></c></row></sheetData></worksheet>"
	out["hand-latin1.xlsx"] = Parts{Sheets: []Sheet{{"Latin", latin}}}.Zip(t)
	// A DOCTYPE, comments and processing instructions between rows.
	decl := `<?xml version="1.0"?><!DOCTYPE worksheet [ <!ELEMENT worksheet ANY> ]><worksheet xmlns="` + NSMain + `"><!-- <row r="7"> --><sheetData><?pi <row>?><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row><![CDATA[<row r="3">]]><row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" t="inlineStr"><is><t>x &gt; y</t></is></c></row></sheetData></worksheet>`
	out["hand-decl.xlsx"] = Parts{Sheets: []Sheet{{"Decl", decl}}}.Zip(t)
	return out
}

// ExcelizeMade are workbooks excelize writes: shared strings, rich text,
// dates and times with built-in and custom formats, both date systems,
// booleans, formulas, merged cells, sparse rows and columns.
func ExcelizeMade(t testing.TB) map[string][]byte {
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

// All are every workbook of the repository (whose root is root, relative
// to the test's folder) and the made ones, by path or name.
func All(t testing.TB, root string) map[string][]byte {
	out := map[string][]byte{}
	root, _ = filepath.Abs(root)
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
	for k, v := range HandMade(t) {
		out[k] = v
	}
	for k, v := range ExcelizeMade(t) {
		out[k] = v
	}
	return out
}
