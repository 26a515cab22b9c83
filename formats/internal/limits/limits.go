// Package limits bounds what one input may cost: the longest cell, the
// widest row, what a workbook may unzip to, the cells its merged areas
// cover. The readers check them while they scan, and an input past one
// is refused with an *Error that names the setting which raises it.
package limits

import (
	"fmt"

	"github.com/docket-forum/docket/internal/schedule"
)

// Limits stop a broken or hostile input from exhausting memory. Zero
// fields take the defaults (see WithDefaults).
type Limits struct {
	CellBytes   int   // the longest cell (limits.max-cell-size)
	Columns     int   // the most columns in a row (limits.max-columns)
	UnzipBytes  int64 // what a workbook may unzip to (limits.max-unzip-size)
	MergedCells int   // cells covered by merged areas in a sheet (limits.max-merged-cells)
	// SharedStrings is the most strings a workbook's table may hold
	// (limits.max-shared-strings): a million empty ones zip to 25 KB and
	// cost 8 MB each way they are kept.
	SharedStrings int
}

// Default limits: far beyond any programme, far below a machine's memory.
const (
	DefaultCellBytes   = 1 << 20
	DefaultColumns     = 10_000
	DefaultUnzipBytes  = 2 << 30
	DefaultMergedCells = 1_000_000
	// Ten million: 100,000 sessions of forty distinct texts each.
	DefaultSharedStrings = 10_000_000
)

// The settings that raise each limit, as docket.toml's keys name them;
// the command line words them as its flags.
const (
	SettingCellBytes   = "limits.max-cell-size"
	SettingColumns     = "limits.max-columns"
	SettingUnzipBytes  = "limits.max-unzip-size"
	SettingMergedCells = "limits.max-merged-cells"
	SettingSharedStrs  = "limits.max-shared-strings"
)

// RowBytes is the longest row's text: sixteen of the longest cells, and
// never under 16 MiB. A row holds at most Columns cells of CellBytes, but
// no programme's row comes near this; the bound lets a reader refuse a
// line of a gigabyte before it keeps it. It rises with the cell limit.
func (l Limits) RowBytes() int {
	return max(16*l.CellBytes, 16<<20)
}

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	if l.CellBytes <= 0 {
		l.CellBytes = DefaultCellBytes
	}
	if l.Columns <= 0 {
		l.Columns = DefaultColumns
	}
	if l.UnzipBytes <= 0 {
		l.UnzipBytes = DefaultUnzipBytes
	}
	if l.MergedCells <= 0 {
		l.MergedCells = DefaultMergedCells
	}
	if l.SharedStrings <= 0 {
		l.SharedStrings = DefaultSharedStrings
	}
	return l
}

// Error is an input that goes past one of the Limits.
type Error struct {
	What    string // e.g. "cell"
	Where   string // e.g. "row 12, column D"
	Limit   string // the limit, readable
	Setting string // the setting that raises it, e.g. limits.max-columns
}

func (e *Error) Error() string {
	if e.Where == "" {
		return fmt.Sprintf("the %s is larger than the limit of %s (raise it with %s if the file is genuine)", e.What, e.Limit, e.Setting)
	}
	return fmt.Sprintf("%s: the %s is larger than the limit of %s (raise it with %s if the file is genuine)", e.Where, e.What, e.Limit, e.Setting)
}

// Unzip is the error of a workbook that unzips to more than l allows.
func (l Limits) Unzip() *Error {
	return &Error{What: "unzipped workbook", Where: "the workbook", Limit: fmt.Sprintf("%d bytes", l.UnzipBytes), Setting: SettingUnzipBytes}
}

// Spooled is the error of a workbook read from a stream that is larger
// than it may unzip to: it is refused before more of it is copied.
func (l Limits) Spooled() *Error {
	return &Error{What: "workbook read from a stream", Limit: fmt.Sprintf("%d bytes, the unzip limit", l.UnzipBytes), Setting: SettingUnzipBytes}
}

// Merged is the error of a sheet whose merged areas cover more cells
// than l allows.
func (l Limits) Merged(sheet string) *Error {
	return &Error{What: "area of merged cells", Where: "sheet " + sheet, Limit: fmt.Sprintf("%d cells", l.MergedCells), Setting: SettingMergedCells}
}

// Strings is the error of a workbook with more shared strings than l
// allows.
func (l Limits) Strings() *Error {
	return &Error{What: "table of shared strings", Where: "the workbook", Limit: fmt.Sprintf("%d strings", l.SharedStrings), Setting: SettingSharedStrs}
}

// Cell is the error of a cell past the cell limit at where; size is its
// length, or 0 when the reading stopped before its end.
func (l Limits) Cell(where string, size int) *Error {
	what := "cell"
	if size > 0 {
		what = fmt.Sprintf("cell (%d bytes)", size)
	}
	return &Error{What: what, Where: where, Limit: fmt.Sprintf("%d bytes", l.CellBytes), Setting: SettingCellBytes}
}

// TooManyColumns is the error of a row past the column limit at where;
// count is its number of columns, or 0 when the reading stopped before
// its end.
func (l Limits) TooManyColumns(where string, count int) *Error {
	what := "row's number of columns"
	if count > 0 {
		what = fmt.Sprintf("row's number of columns (%d)", count)
	}
	return &Error{What: what, Where: where, Limit: fmt.Sprintf("%d columns", l.Columns), Setting: SettingColumns}
}

// Row is the error of a row whose text is longer than RowBytes.
func (l Limits) Row(where string) *Error {
	return &Error{What: "row's text", Where: where, Limit: fmt.Sprintf("%d bytes (sixteen cells of the cell limit)", l.RowBytes()), Setting: SettingCellBytes}
}

// CheckRow applies the cell and column limits to one row of sheet ("" for
// a file without sheets).
func (l Limits) CheckRow(r schedule.Row, sheet string) error {
	where := func(col int) string {
		w := fmt.Sprintf("row %d", r.Num)
		if col >= 0 {
			w += ", column " + schedule.ColumnName(col)
		}
		if sheet != "" {
			w = "sheet " + sheet + " " + w
		}
		return w
	}
	if len(r.Cells) > l.Columns {
		return l.TooManyColumns(where(-1), len(r.Cells))
	}
	for i, c := range r.Cells {
		if len(c) > l.CellBytes {
			return l.Cell(where(i), len(c))
		}
	}
	return nil
}
