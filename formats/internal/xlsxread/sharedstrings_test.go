package xlsxread

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/xlsxread/xlsxreadtest"
)

// TestSheetReaderSharedStringsAsTheyCome: shared strings are read on
// their own goroutine while rows wait for the ones they use. Rows get
// every string, many more than one batch of them; damage in the strings
// fails the read even past the last string a row uses.
func TestSheetReaderSharedStringsAsTheyCome(t *testing.T) {
	const n = 2000
	var sst, rows strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="` + xlsxreadtest.NSMain + `"><si><t>id</t></si><si><t>title</t></si>`)
	rows.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`)
	for i := range n {
		fmt.Fprintf(&sst, `<si><t>S%d</t></si><si><t>Title %d é</t></si>`, i, i)
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c></row>`, i+2, i+2, 2+2*i, i+2, 3+2*i)
	}
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + xlsxreadtest.NSMain + `"><sheetData>` + rows.String() + `</sheetData></worksheet>`
	for _, damage := range []bool{false, true} {
		tail := `</sst>`
		if damage {
			// Past a batch of strings no row uses: the rows never wait
			// for the damage, the end of the sheet does.
			tail = strings.Repeat(`<si><t>unused</t></si>`, 600) + `<si><t>broken</sst>`
		}
		data := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "Sessions", XML: sheet}}, SST: sst.String() + tail}.Zip(t)
		rows, _, err := readAll(data, "Sessions")
		if damage {
			if err == nil || !strings.Contains(err.Error(), "damaged") {
				t.Errorf("damaged strings: err = %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if last := rows[len(rows)-1]; len(rows) != n+1 || !slices.Equal(last.Cells, []string{fmt.Sprintf("S%d", n-1), fmt.Sprintf("Title %d é", n-1)}) {
			t.Errorf("%d rows, last %+v", len(rows), last)
		}
	}
}

// TestSheetReaderUnescape: the _xHHHH_ escapes are undone as excelize's
// bstrUnmarshal undoes them.
func TestSheetReaderUnescape(t *testing.T) {
	for _, s := range []string{"plain", "_x000D_", "_x005F_x000D_", "_x005f_", "_xD83D__xDE00_", "_x0041", "x0041_", "__x0041__", "_x00zz_", "a_x0009_b_X0041_"} {
		// bstrUnmarshal is unexported: read the string back through a
		// shared-strings part excelize reads.
		data := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "S", XML: xlsxreadtest.Worksheet(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`)}}, SST: xlsxreadtest.SST(`<si><t>` + s + `</t></si>`)}.Zip(t)
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
}
