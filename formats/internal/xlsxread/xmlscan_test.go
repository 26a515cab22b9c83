package xlsxread

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/formats/internal/xlsxread/xlsxreadtest"
)

// TestSheetReaderScannerBoundaries: tags, entities, CDATA and \r\n cut by
// the scanner's buffer read the same as whole.
func TestSheetReaderScannerBoundaries(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<sheetData>`)
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t xml:space="preserve">v%d &amp; &#x41;`+"\r\n"+`<![CDATA[c]]>%s</t></is></c><c r="B%d" s="1"><v>%d</v></c></row>`, i, i, i, strings.Repeat("x", i%97), i, i)
	}
	b.WriteString(`</sheetData>`)
	data := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "S", XML: xlsxreadtest.Worksheet(b.String())}}, Styles: xlsxreadtest.Styles}.Zip(t)
	for _, chunk := range []int{1, 2, 3, 7, 64, 4096} {
		bk, err := Open(bytes.NewReader(data), int64(len(data)), limits.Limits{}.WithDefaults())
		if err != nil {
			t.Fatal(err)
		}
		rows, err := bk.OpenSheet("S", true, nil, nil)
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
			if !rows.dates.IsDate(i, 2) {
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

// TestSheetReaderEncodings: a UTF-16 sheet (which excelize cannot read)
// reads as its UTF-8 twin.
func TestSheetReaderEncodings(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="` + xlsxreadtest.NSMain + `"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>U1</t></is></c><c r="B2" t="inlineStr"><is><t>Ünïcödé ✓</t></is></c></row></sheetData></worksheet>`
	u16 := []byte{0xFF, 0xFE}
	for _, r := range body {
		u16 = utf16le(u16, r)
	}
	rows, _, err := readAll(xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "S", XML: string(u16)}}}.Zip(t), "S")
	if err != nil || len(rows) != 2 || rows[1].Cells[1] != "Ünïcödé ✓" {
		t.Errorf("UTF-16: %v %v", rows, err)
	}
	rows, _, err = readAll(xlsxreadtest.HandMade(t)["hand-latin1.xlsx"], "Latin")
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
