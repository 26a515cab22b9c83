// Package xlstyle holds the cell styles and column sizing that docket's
// workbooks share: the programme export, the organiser template and the
// summary report all look alike in Excel because they take them from
// here.
package xlstyle

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Styles are the ids of docket's cell styles in one workbook; excelize
// numbers styles per file, so each workbook registers its own with New.
type Styles struct {
	// Header is bold on a pale blue fill, the font named: a font without
	// a name is shown in whatever the client picks (LibreOffice: a serif).
	Header int
	// Text wraps and sits at the top, so multi-line cells (one person
	// per line) stay readable in a row of one-liners.
	Text int
	// Date, Time and DateTime show serial numbers as yyyy-mm-dd, hh:mm
	// and both, so that Excel sorts and filters them as dates.
	Date, Time, DateTime int
}

// New registers docket's cell styles in f.
func New(f *excelize.File) (Styles, error) {
	var st Styles
	var err error
	top := &excelize.Alignment{Vertical: "top", Horizontal: "left"}
	if st.Header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Calibri", Size: 11}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}); err != nil {
		return st, err
	}
	if st.Text, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return st, err
	}
	for _, x := range []struct {
		id  *int
		fmt string
	}{{&st.Date, "yyyy-mm-dd"}, {&st.Time, "hh:mm"}, {&st.DateTime, "yyyy-mm-dd hh:mm"}} {
		if *x.id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &x.fmt, Alignment: top}); err != nil {
			return st, err
		}
	}
	return st, nil
}

// CellWidth is the column width v needs: its longest line, since a
// wrapped cell is only as wide as that, plus a margin.
func CellWidth(v string) int {
	w := 0
	for _, line := range strings.Split(v, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w + 2
}
