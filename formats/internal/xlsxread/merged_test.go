package xlsxread

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/formats/internal/xlsxread/xlsxreadtest"
)

// TestSheetReaderMergedAreas: the fill as mergedFill did it.
func TestSheetReaderMergedAreas(t *testing.T) {
	data := xlsxreadtest.HandMade(t)["hand-cells.xlsx"]
	rows, dates, err := readAll(data, "Merged")
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
	if !dates.IsDate(3, 3) || dates.IsDate(4, 3) || dates.IsDate(13, 6) || !dates.IsDate(13, 7) || dates.IsDate(12, 7) {
		t.Errorf("dates of covered cells: C3 %v C4 %v F13 %v G13 %v G12 %v", dates.IsDate(3, 3), dates.IsDate(4, 3), dates.IsDate(13, 6), dates.IsDate(13, 7), dates.IsDate(12, 7))
	}
	rev, _, err := readAll(data, "Reversed")
	if err != nil || len(rev) != 3 || len(rev[2].Cells) != 1 {
		t.Errorf("reversed references fill nothing: %v %v", rev, err)
	}
	// The limit on merged cells is the Book's, whichever limits the rows
	// are read with; looked for ahead or not.
	for _, ahead := range []bool{false, true} {
		b, err := Open(bytes.NewReader(data), int64(len(data)), limits.Limits{MergedCells: 10}.WithDefaults())
		if err != nil {
			t.Fatal(err)
		}
		if ahead {
			b.LookAhead("Merged")
		}
		_, err = b.OpenSheet("Merged", true, nil, nil)
		var le *limits.Error
		if !errors.As(err, &le) || err.Error() != "sheet Merged: the area of merged cells is larger than the limit of 10 cells (raise it with limits.max-merged-cells if the file is genuine)" {
			t.Errorf("merged limit (ahead %v): %v", ahead, err)
		}
		// Read as they are, the rows do not need the areas.
		rows, err := b.OpenSheet("Merged", false, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		rows.Close()
		b.Close()
	}
}

// TestSheetReaderOverlaps: overlapping areas are found, and joined as
// excelize joins them; too many to check, or to join, are refused.
func TestSheetReaderOverlaps(t *testing.T) {
	for _, c := range []struct {
		rects   [][4]int
		overlap bool
		joined  [][4]int
	}{
		{[][4]int{{1, 1, 2, 2}, {3, 3, 4, 4}}, false, nil},
		{[][4]int{{1, 1, 2, 2}, {2, 2, 3, 3}}, true, [][4]int{{1, 1, 3, 3}}},
		// A cross shares a cell without a corner inside the other:
		// excelize does not join it.
		{[][4]int{{2, 10, 4, 10}, {3, 9, 3, 11}}, true, [][4]int{{2, 10, 4, 10}, {3, 9, 3, 11}}},
		// Joining one pair makes an area that overlaps a third.
		{[][4]int{{1, 1, 2, 2}, {5, 5, 6, 6}, {2, 2, 5, 5}}, true, [][4]int{{1, 1, 6, 6}}},
	} {
		got, err := anyOverlap(c.rects)
		if err != nil || got != c.overlap {
			t.Errorf("%v: overlap %v %v, want %v", c.rects, got, err, c.overlap)
		}
		if c.overlap {
			if j := joinOverlaps(c.rects); !slices.Equal(j, c.joined) {
				t.Errorf("%v joined = %v, want %v", c.rects, j, c.joined)
			}
		}
	}
	var many []string
	for i := range maxOverlapping + 1 {
		many = append(many, fmt.Sprintf("A%d:B%d", i+1, i+2))
	}
	if _, err := newMergeFill(many, "S", limits.Limits{}.WithDefaults()); err == nil || !strings.Contains(err.Error(), "some overlapping each other") {
		t.Errorf("%d overlapping areas: %v", len(many), err)
	}
}

// TestReversedMergeCountsInFull: a merged area written bottom-right first
// (XFD1:A2000) is the area A1:XFD2000, 26 million cells: it counted
// negative and hid from limits.max-merged-cells (a 1.7 KB file took 2.5 GB).
// (Written small, it fills nothing, as excelize: TestSheetReaderMergedAreas.)
func TestReversedMergeCountsInFull(t *testing.T) {
	sheetXML := xlsxreadtest.Worksheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>X</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="XFD1:A2000"/></mergeCells>`)
	data := xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "S", XML: sheetXML}}, Styles: xlsxreadtest.Styles}.Zip(t)
	b, err := Open(bytes.NewReader(data), int64(len(data)), limits.Limits{}.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	l := limits.Limits{}.WithDefaults()
	b.LookAhead("S")
	_, err = b.OpenSheet("S", true, &l, nil)
	var le *limits.Error
	if !errors.As(err, &le) || le.Setting != limits.SettingMergedCells {
		t.Fatalf("err = %v, want the merged-cells limit", err)
	}
}
