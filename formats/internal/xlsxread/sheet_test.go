package xlsxread

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/formats/internal/xlsxread/xlsxreadtest"
	"github.com/docket-forum/docket/internal/schedule"
)

// readAll reads every row of a sheet as the xlsx format reads it: merged
// cells filled, within the default limits. It returns the rows read up
// to an error, and which cells are dates.
func readAll(data []byte, sheet string) ([]schedule.Row, *CellDates, error) {
	l := limits.Limits{}.WithDefaults()
	b, err := Open(bytes.NewReader(data), int64(len(data)), l)
	if err != nil {
		return nil, nil, err
	}
	defer b.Close()
	rows, err := b.OpenSheet(sheet, true, &l, nil)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	dates := &CellDates{}
	rows.RecordDates(dates)
	var out []schedule.Row
	for {
		r, err := rows.Next()
		if err == io.EOF {
			return out, dates, nil
		}
		if err != nil {
			return out, dates, err
		}
		out = append(out, r)
	}
}

// TestSheetReaderMatchesExcelize: every sheet of every workbook reads, row
// by row and cell by cell, as excelize's Rows with RawCellValue and the
// merged cells filled; numeric cells have the date format excelize's
// GetCellStyle gives them. (Package formats compares the programmes read.)
func TestSheetReaderMatchesExcelize(t *testing.T) {
	for name, data := range xlsxreadtest.All(t, "../../..") {
		t.Run(name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			b, err := Open(bytes.NewReader(data), int64(len(data)), limits.Limits{}.WithDefaults())
			if err != nil {
				t.Fatal(err)
			}
			if got, want := b.SheetNames(), f.GetSheetList(); !slices.Equal(got, want) {
				t.Errorf("sheets = %q, want %q", got, want)
			}
			if wp, err := f.GetWorkbookProps(); err == nil && (wp.Date1904 != nil && *wp.Date1904) != b.Date1904() {
				t.Errorf("date1904 = %v", b.Date1904())
			}
			b.Close()
			for _, sheet := range f.GetSheetList() {
				want, err := xlsxreadtest.Rows(f, sheet)
				if err != nil {
					t.Fatalf("%s: excelize: %v", sheet, err)
				}
				got, dates, err := readAll(data, sheet)
				if err != nil {
					t.Fatalf("%s: %v", sheet, err)
				}
				if diff := xlsxreadtest.SameRows(got, want); diff != "" {
					t.Errorf("%s: %s", sheet, diff)
				}
				for _, r := range got {
					for i, v := range r.Cells {
						if _, err := strconv.ParseFloat(v, 64); err != nil {
							continue
						}
						if g, w := dates.IsDate(r.Num, i+1), xlsxreadtest.IsDateCell(f, sheet, i+1, r.Num); g != w {
							t.Errorf("%s row %d column %d (%s): date format %v, excelize says %v", sheet, r.Num, i+1, v, g, w)
						}
					}
				}
			}
		})
	}
}

// TestSheetReaderDetails pins behaviours the differential test covers
// only through excelize: values, row numbers, which cells are dates.
func TestSheetReaderDetails(t *testing.T) {
	data := xlsxreadtest.HandMade(t)["hand-cells.xlsx"]
	rows, dates, err := readAll(data, "Programme")
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
		if got := dates.IsDate(c.row, c.col); got != c.want {
			t.Errorf("row %d column %d: date format %v, want %v", c.row, c.col, got, c.want)
		}
	}
}

// TestSheetReaderLimitsAndErrors: a row past the limits given to
// OpenSheet, or the unzip limit given to Open, is a *limits.Error naming
// where it is; a sheet that cannot be read says why and that it is
// damaged.
func TestSheetReaderLimitsAndErrors(t *testing.T) {
	data := xlsxreadtest.HandMade(t)["hand-cells.xlsx"]
	read := func(data []byte, sheet string, l limits.Limits) error {
		l = l.WithDefaults()
		b, err := Open(bytes.NewReader(data), int64(len(data)), l)
		if err != nil {
			return err
		}
		defer b.Close()
		rows, err := b.OpenSheet(sheet, true, &l, nil)
		if err != nil {
			return err
		}
		defer rows.Close()
		for {
			if _, err := rows.Next(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	}
	for _, c := range []struct {
		limits limits.Limits
		want   string
	}{
		{limits.Limits{UnzipBytes: 1000}, "the workbook: the unzipped workbook is larger than the limit of 1000 bytes (raise it with limits.max-unzip-size"},
		// A long shared string is not kept, and refused where a cell uses it.
		{limits.Limits{CellBytes: 10}, "sheet Programme row 2, column B: the cell is larger than the limit of 10 bytes (raise it with limits.max-cell-size"},
		{limits.Limits{Columns: 20}, "sheet Programme row 1: the row's number of columns is larger than the limit of 20 columns"},
		{limits.Limits{SharedStrings: 5}, "the workbook: the table of shared strings is larger than the limit of 5 strings (raise it with limits.max-shared-strings"},
	} {
		err := read(data, "Programme", c.limits)
		var le *limits.Error
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.limits, err, c.want)
		}
	}
	bad := func(sheetXML string) error {
		return read(xlsxreadtest.Parts{Sheets: []xlsxreadtest.Sheet{{Name: "S", XML: xlsxreadtest.Worksheet(sheetXML)}}}.Zip(t), "S", limits.Limits{})
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
		// More cells than columns: refused at the 16,385th, not kept.
		`<sheetData><row>` + strings.Repeat(`<c r="A1"/>`, 16385) + `</row></sheetData>`: "row 1 has more cells than a sheet has columns (16384)",
	} {
		if err := bad(xmlText); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: err = %v, want %q", xmlText, err, want)
		}
	}
}

// TestSheetReaderCellReferences: references read as excelize's
// CellNameToCoordinates reads them, or are refused as it refuses them.
func TestSheetReaderCellReferences(t *testing.T) {
	for _, ref := range []string{"A1", "a1", "$A$1", "A$1", "XFD1048576", "XFE1", "A1048577", "A0", "A", "1", "", "A1B2", "$1", "AA01", "A+1", "A-1", "Ab12", "ZZZZ1", "A 1", "A1 "} {
		c, r, err := cellCoordinates([]byte(ref))
		wc, wr, werr := excelize.CellNameToCoordinates(ref)
		if (err == nil) != (werr == nil) || (err == nil && (c != wc || r != wr)) {
			t.Errorf("%q: %d %d %v, excelize %d %d %v", ref, c, r, err, wc, wr, werr)
		}
	}
}
