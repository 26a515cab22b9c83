package xlstyle

import (
	"archive/zip"
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book is a workbook with what makes excelize's output vary from run to
// run: two sheets written by stream writers.
func book(t *testing.T) *excelize.File {
	t.Helper()
	f := excelize.NewFile()
	for _, name := range []string{"Sessions", "Speakers"} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= 3; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, []any{name, r}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	f.DeleteSheet("Sheet1")
	return f
}

// TestWriteToIsReproducible: the same workbook gives the same bytes, with
// [Content_Types].xml first and the other parts by name, and every part's
// content kept. excelize alone put the worksheets in a different place in
// about one run in six.
func TestWriteToIsReproducible(t *testing.T) {
	var first []byte
	for i := range 30 {
		var out bytes.Buffer
		if err := WriteTo(&out, book(t)); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = out.Bytes()
			continue
		}
		if !bytes.Equal(out.Bytes(), first) {
			t.Fatalf("run %d gave other bytes than run 0", i)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
	}
	if names[0] != "[Content_Types].xml" || !slices.IsSorted(names[1:]) || !slices.Contains(names, "xl/worksheets/sheet2.xml") {
		t.Errorf("parts in the order %q", names)
	}
	// The copy reads back as the workbook it is.
	f, err := excelize.OpenReader(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, err := f.GetCellValue("Speakers", "A3"); err != nil || v != "Speakers" {
		t.Errorf("Speakers!A3 = %q, %v", v, err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Sessions", "Speakers"}) {
		t.Errorf("sheets %q", got)
	}
}
