package xlsxread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/formats/internal/xlsxread/xlsxreadtest"
)

// TestSheetReaderOpenErrors: what is not a workbook docket can read says
// so, and what to do about it; OpenFile's file is closed with the Book,
// or on a failure.
func TestSheetReaderOpenErrors(t *testing.T) {
	open := func(data []byte) error {
		b, err := Open(bytes.NewReader(data), int64(len(data)), limits.Limits{}.WithDefaults())
		if err == nil {
			b.Close()
		}
		return err
	}
	data := xlsxreadtest.HandMade(t)["hand-cells.xlsx"]
	if err := open(data[:len(data)/2]); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("half a workbook: %v", err)
	}
	encrypted := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	encrypted = append(encrypted, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"ole":       {[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "not a workbook docket can read: save it as .xlsx"},
		"encrypted": {encrypted, "the workbook is password-protected: remove the password and save it again"},
		"garbage":   {[]byte("PK\x03\x04garbage"), "the workbook is damaged or not an Excel file (zip: not a valid zip file): open and save it again in Excel or LibreOffice"},
	} {
		if err := open(c.data); err == nil || err.Error() != c.want {
			t.Errorf("%s: err = %v, want %q", name, err, c.want)
		}
	}
	// A zip without a workbook is a workbook without sheets.
	var empty bytes.Buffer
	zw := zip.NewWriter(&empty)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hi"))
	zw.Close()
	b, err := Open(bytes.NewReader(empty.Bytes()), int64(empty.Len()), limits.Limits{}.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	if got := b.SheetNames(); len(got) != 0 {
		t.Errorf("empty zip: sheets %q", got)
	}
	b.Close()

	f, err := os.Open(filepath.Join("..", "..", "..", "testdata", "messy", "cover-sheet.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	b, err = OpenFile(f, limits.Limits{}.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	if got := b.SheetNames(); len(got) < 2 {
		t.Errorf("SheetNames = %q", got)
	}
	if err := b.Close(); err != nil || !errors.Is(f.Close(), os.ErrClosed) {
		t.Errorf("Close: %v, and the file is still open", err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("Close again: %v", err)
	}
	path := filepath.Join(t.TempDir(), "not.xlsx")
	os.WriteFile(path, []byte("PK\x03\x04garbage"), 0o644)
	if f, err = os.Open(path); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenFile(f, limits.Limits{}.WithDefaults()); err == nil || !errors.Is(f.Close(), os.ErrClosed) {
		t.Errorf("OpenFile of garbage: %v, and the file is still open", err)
	}
}

// TestSheetReaderDateStyles: which number formats are dates, for every
// id, built-in or custom, as excelize's GetStyle gives them.
func TestSheetReaderDateStyles(t *testing.T) {
	var fmts, xfs strings.Builder
	for id := 0; id < 200; id++ {
		fmt.Fprintf(&fmts, `<numFmt numFmtId="%d" formatCode="yyyy-mm-dd"/>`, id)
		fmt.Fprintf(&xfs, `<xf numFmtId="%d"/>`, id)
	}
	styles := `<?xml version="1.0"?><styleSheet xmlns="` + xlsxreadtest.NSMain + `"><numFmts>` + fmts.String() + `</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs>` + xfs.String() + `</cellXfs></styleSheet>`
	data := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "S", XML: xlsxreadtest.Worksheet(`<sheetData/>`)}}, Styles: styles}.Zip(t)
	ef, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	bk, err := Open(bytes.NewReader(data), int64(len(data)), limits.Limits{}.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	dx := bk.dateStyles()
	for id := 0; id < 200; id++ {
		st, err := ef.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if dx[id] != xlsxreadtest.IsDateStyle(st) {
			t.Errorf("numFmtId %d: date %v, excelize %v", id, dx[id], xlsxreadtest.IsDateStyle(st))
		}
	}
}
