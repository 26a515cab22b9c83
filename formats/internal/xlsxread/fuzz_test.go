package xlsxread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/formats/internal/xlsxread/xlsxreadtest"
)

// fuzzSST are shared strings for the fuzzed sheets.
const fuzzSST = `<si><t>id</t></si><si><t>title</t></si><si><t>date</t></si><si><r><t>ri</t></r><r><t>ch</t></r></si><si><t>_x000D_</t></si>`

// FuzzSheetReader: a sheet (and shared strings) in a valid workbook never
// makes the reader panic; when the XML is well-formed and excelize reads
// it too, both read the same rows. (Package formats fuzzes whole
// workbooks through the xlsx format: FuzzReadXLSX.)
func FuzzSheetReader(f *testing.F) {
	for _, wb := range []string{"hand-cells.xlsx", "hand-decl.xlsx"} {
		data := xlsxreadtest.HandMade(f)[wb]
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
	if data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "sample.xlsx")); err == nil {
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		for _, zf := range zr.File {
			if zf.Name == "xl/worksheets/sheet1.xml" {
				rc, _ := zf.Open()
				sheetXML, _ := io.ReadAll(rc)
				f.Add(sheetXML[:min(len(sheetXML), 6000)], []byte(xlsxreadtest.SST(fuzzSST)))
			}
		}
	}
	f.Add([]byte(xlsxreadtest.Worksheet(`<sheetData><row><c t="s"><v>3</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c><f>1</f></c></row></sheetData><mergeCells><mergeCell ref="A1:B3"/></mergeCells>`)), []byte(xlsxreadtest.SST(fuzzSST)))
	f.Fuzz(func(t *testing.T, sheetXML, sstXML []byte) {
		data := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "S", XML: string(sheetXML)}}, SST: string(sstXML), Styles: xlsxreadtest.Styles}.Zip(t)
		// Nothing recovers a panic here: the reading must not panic,
		// with the merged cells filled or the rows read as they are (as
		// the xlsx format glances at a sheet's first rows to choose it).
		got, _, err := readAll(data, "S")
		if b, err := Open(bytes.NewReader(data), int64(len(data)), limits.Limits{}.WithDefaults()); err == nil {
			if rows, err := b.OpenSheet("S", false, nil, nil); err == nil {
				for {
					if _, err := rows.Next(); err != nil {
						break
					}
				}
				rows.Close()
			}
			b.Close()
		}
		// Within small limits, which stop the scanning early: a limit's
		// error or the damage's, never a panic.
		small := limits.Limits{CellBytes: 8, Columns: 4, SharedStrings: 3, MergedCells: 6}.WithDefaults()
		if b, err := Open(bytes.NewReader(data), int64(len(data)), small); err == nil {
			if rows, err := b.OpenSheet("S", true, &small, nil); err == nil {
				for {
					if _, err := rows.Next(); err != nil {
						break
					}
				}
				rows.Close()
			}
			b.Close()
		}
		if err != nil || !wellFormed(sheetXML) || (len(sstXML) > 0 && !wellFormed(sstXML)) || !spreadsheetML(sheetXML) {
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
		want, err := xlsxreadtest.Rows(ef, "S")
		if err != nil {
			return
		}
		if diff := xlsxreadtest.SameRows(got, want); diff != "" {
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

// spreadsheetML reports whether the worksheet is in a SpreadsheetML
// namespace (transitional or strict). Under any other namespace excelize
// reads elements it would otherwise skip (a <v> nested in <extLst> becomes
// the cell's value), while this reader, like Excel, goes by the element
// names; such a sheet is no reference to agree with.
func spreadsheetML(sheetXML []byte) bool {
	return bytes.Contains(sheetXML, []byte(`xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`)) ||
		bytes.Contains(sheetXML, []byte(`xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"`))
}
