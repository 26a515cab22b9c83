package xlsxreadtest

// The reference: docket's reader of workbooks before the streaming one,
// through excelize.

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/internal/schedule"
)

// progressEvery is how often ReadSheet reports progress, in rows, as the
// readers do.
const progressEvery = 2000

// ReadSheet reads a sheet as docket's excelize reader did: excelize's
// Rows with RawCellValue, the merged cells filled (mergedFill), the
// limits checked on every row. progress, when not nil, is called every
// 2,000 rows.
func ReadSheet(f *excelize.File, sheet string, l limits.Limits, progress func(int), read func(schedule.Rows) error) error {
	fill, err := mergedFill(f, sheet, l)
	if err != nil {
		return err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %v", sheet, err)
	}
	defer rows.Close()
	return read(&sheetRows{rows: rows, sheet: sheet, fill: fill, limits: l, progress: progress})
}

// mergedFill is what each covered cell of each row is filled with.
func mergedFill(f *excelize.File, sheet string, l limits.Limits) (map[int]map[int]string, error) {
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
		if total > l.MergedCells {
			return nil, l.Merged(sheet)
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

type sheetRows struct {
	rows     *excelize.Rows
	sheet    string
	n        int
	fill     map[int]map[int]string
	limits   limits.Limits
	progress func(int)
}

func (x *sheetRows) Next() (schedule.Row, error) {
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

// IsDateCell reports whether excelize gives a cell (1-based column and
// row) a date or time format: its own style, else its row's or column's.
func IsDateCell(f *excelize.File, sheet string, col, row int) bool {
	axis, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return false
	}
	if id, err := f.GetCellStyle(sheet, axis); err == nil {
		if st, err := f.GetStyle(id); err == nil {
			return IsDateStyle(st)
		}
	}
	return false
}

// IsDateStyle reports whether a cell style shows a date or time, as
// docket's excelize reader decided it: the built-in formats 14-22 and
// 45-47, or a custom format with date or time codes outside quotes and
// brackets.
func IsDateStyle(st *excelize.Style) bool {
	if (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47) {
		return true
	}
	return st.CustomNumFmt != nil && isDateFormatCode(*st.CustomNumFmt)
}

// Rows reads every row of a sheet as docket's excelize reader did,
// within the default limits; a panic of excelize's is an error.
func Rows(f *excelize.File, sheet string) (rows []schedule.Row, err error) {
	defer func() {
		if r := recover(); r != nil {
			rows, err = nil, fmt.Errorf("excelize panicked: %v", r)
		}
	}()
	err = ReadSheet(f, sheet, limits.Limits{}.WithDefaults(), nil, func(r schedule.Rows) error {
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

// SameRows compares two readings of a sheet; it returns the first
// difference, or "" when they are the same.
func SameRows(got, want []schedule.Row) string {
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

// isDateFormatCode reports whether a number format code has date or time
// codes outside quotes and brackets. It is the reader's own, copied: the
// reference cannot import the reader it checks.
func isDateFormatCode(code string) bool {
	inQuote, inBracket := false, false
	for _, r := range strings.ToLower(code) {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '[':
			inBracket = true
		case r == ']':
			inBracket = false
		case inBracket:
		case strings.ContainsRune("ymdhs", r):
			return true
		}
	}
	return false
}
