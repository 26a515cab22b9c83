package formats

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/internal/schedule"
)

var xlsxFormat = &Format{
	Name:        "xlsx",
	Aliases:     []string{"excel"},
	Extensions:  []string{".xlsx", ".xlsm", ".xltx", ".xltm"},
	Description: "Excel workbook: real date/time cells, bold frozen header, filters, a Speakers sheet",
	Binary:      true,
	Read:        readXLSX,
	Write:       writeXLSX,
}

func init() { register(xlsxFormat) }

const (
	sessionsSheet = "Sessions"
	speakersSheet = "Speakers"
)

func openWorkbook(in Input) (*excelize.File, error) {
	var (
		f   *excelize.File
		err error
	)
	if in.Path != "" {
		f, err = excelize.OpenFile(in.Path)
	} else {
		f, err = excelize.OpenReader(in.R)
	}
	if err != nil {
		switch {
		case errors.Is(err, excelize.ErrWorkbookFileFormat):
			return nil, errors.New("not a workbook docket can read: save it as .xlsx")
		case errors.Is(err, excelize.ErrWorkbookPassword):
			return nil, errors.New("the workbook is password-protected: remove the password and save it again")
		case strings.Contains(err.Error(), "zip"):
			return nil, fmt.Errorf("the workbook is damaged or not an Excel file (%v): open and save it again in Excel or LibreOffice", err)
		}
		return nil, err
	}
	return f, nil
}

func readXLSX(in Input, opts ReadOptions) (prog *schedule.Programme, err error) {
	// excelize can panic on malformed XML parts; a broken workbook is bad
	// input, not a crash.
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, &InputError{File: in.Name, Err: fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", r)}
		}
	}()
	f, err := openWorkbook(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &InputError{File: in.Name, Err: errors.New("the workbook has no sheets")}
	}
	sheet := ""
	if opts.Sheet != "" {
		for _, s := range sheets {
			if strings.EqualFold(s, opts.Sheet) {
				sheet = s
			}
		}
		if sheet == "" {
			return nil, &InputError{File: in.Name, Err: fmt.Errorf("no sheet named %q (sheets: %s)", opts.Sheet, strings.Join(sheets, ", "))}
		}
	} else {
		for _, s := range sheets {
			if !schedule.IsPersonSheetName(s) {
				sheet = s
				break
			}
		}
		if sheet == "" {
			sheet = sheets[0]
		}
	}
	date1904 := false
	if wp, err := f.GetWorkbookProps(); err == nil && wp.Date1904 != nil {
		date1904 = *wp.Date1904
	}
	prog = &schedule.Programme{}
	so := schedule.Options{File: in.Name, Sheet: sheet, Timezone: opts.Timezone, Serials: true, Date1904: date1904}
	b, err := schedule.NewBuilder(prog, so)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	if err := readSheet(f, sheet, b.Read); err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	extraDates(f, sheet, prog, b.Fields(), date1904)
	for _, s := range sheets {
		if s != sheet && schedule.IsPersonSheetName(s) {
			po := so
			po.Sheet = s
			err := readSheet(f, s, func(r schedule.Rows) error { return schedule.JoinPersons(prog, r, po) })
			if err != nil {
				return nil, &InputError{File: in.Name, Err: err}
			}
		}
	}
	return prog, nil
}

func readSheet(f *excelize.File, sheet string, read func(schedule.Rows) error) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %v", sheet, err)
	}
	defer rows.Close()
	return read(&xlsxRows{rows: rows, sheet: sheet})
}

type xlsxRows struct {
	rows  *excelize.Rows
	sheet string
	n     int
}

func (x *xlsxRows) Next() (schedule.Row, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return schedule.Row{}, fmt.Errorf("sheet %s: %v", x.sheet, err)
		}
		return schedule.Row{}, io.EOF
	}
	// Rows yields empty rows too, so the count is the row number.
	x.n++
	// Raw values: a date cell comes back as its serial, which the builder
	// reads exactly, instead of a locale-formatted "10/11/23".
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return schedule.Row{}, fmt.Errorf("sheet %s row %d: %v", x.sheet, x.n, err)
	}
	return schedule.Row{Num: x.n, Cells: cells}, nil
}

// extraDates writes the date and time cells of extra columns as dates:
// raw reads give their serial numbers ("45210"), which nobody can read.
// Mapped date columns are read by the schema; an extra column has none, so
// the number format of its first numeric cell decides for the column.
func extraDates(f *excelize.File, sheet string, prog *schedule.Programme, cols []struct {
	Header string
	Field  schedule.Field
}, date1904 bool) {
	for i, c := range cols {
		if c.Field != "" {
			continue
		}
		isDate, decided := false, false
		for _, s := range prog.Sessions {
			v := s.ExtraValue(c.Header)
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			if !decided {
				decided = true
				axis := schedule.ColumnName(i) + strconv.Itoa(s.Src.Row)
				if id, err := f.GetCellStyle(sheet, axis); err == nil {
					if st, err := f.GetStyle(id); err == nil {
						isDate = isDateStyle(st)
					}
				}
				if !isDate {
					break
				}
			}
			stamp, err := schedule.FromSerial(n, date1904)
			if err != nil {
				continue
			}
			for j := range s.Extra {
				if s.Extra[j].Name == c.Header {
					s.Extra[j].Value = stamp.String()
				}
			}
		}
	}
}

// isDateStyle reports whether a cell style shows a date or time: the
// built-in formats 14-22 and 45-47, or a custom format with date or time
// codes outside quotes and brackets.
func isDateStyle(st *excelize.Style) bool {
	if (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47) {
		return true
	}
	if st.CustomNumFmt == nil {
		return false
	}
	inQuote, inBracket := false, false
	for _, r := range strings.ToLower(*st.CustomNumFmt) {
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

// Excel's limits: a cell holds at most 32,767 characters.
const maxCellChars = 32767

func writeXLSX(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sessionsSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	dateFmt, timeFmt, dateTimeFmt := "yyyy-mm-dd", "hh:mm", "yyyy-mm-dd hh:mm"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	if err != nil {
		return err
	}
	timeStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &timeFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	if err != nil {
		return err
	}
	dateTimeStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateTimeFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	if err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}

	header := canonicalHeader(p.ExtraColumns)
	if err := writeHeader(f, sessionsSheet, header, bold); err != nil {
		return err
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = utf8.RuneCountInString(h) + 2
	}
	col := map[schedule.Field]int{}
	for i, c := range schedule.Columns {
		col[c] = i
	}
	for r, s := range p.Sessions {
		row := r + 2
		rec := canonicalRecord(s, p.ExtraColumns)
		for i, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			if err := setText(f, sessionsSheet, cell, v, textStyle); err != nil {
				return err
			}
			widths[i] = max(widths[i], cellWidth(v))
		}
		// Real date and time cells, so that Excel sorts and filters them.
		if s.Scheduled() {
			st := s.Start.In(s.Location())
			day := schedule.Date{Year: st.Year(), Month: st.Month(), Day: st.Day()}
			if err := setNumber(f, sessionsSheet, col[schedule.FieldDate], row, schedule.ToSerial(day, schedule.Clock{}), dateStyle); err != nil {
				return err
			}
			if err := setNumber(f, sessionsSheet, col[schedule.FieldStart], row, schedule.ToSerial(schedule.Date{}, clockOf(st)), timeStyle); err != nil {
				return err
			}
			if !s.End.IsZero() {
				en := s.End.In(s.Location())
				endDay := schedule.Date{Year: en.Year(), Month: en.Month(), Day: en.Day()}
				v, style := schedule.ToSerial(schedule.Date{}, clockOf(en)), timeStyle
				if endDay != day {
					v, style = schedule.ToSerial(endDay, clockOf(en)), dateTimeStyle
				}
				if err := setNumber(f, sessionsSheet, col[schedule.FieldEnd], row, v, style); err != nil {
					return err
				}
			}
		}
		if s.DeclaredMinutes > 0 {
			if err := setNumber(f, sessionsSheet, col[schedule.FieldDeclaredMinutes], row, float64(s.DeclaredMinutes), 0); err != nil {
				return err
			}
		}
	}
	widths[col[schedule.FieldDate]] = 12
	widths[col[schedule.FieldStart]] = 8
	widths[col[schedule.FieldEnd]] = 8
	if err := finishSheet(f, sessionsSheet, widths, len(header), len(p.Sessions)+1); err != nil {
		return err
	}
	if err := writeSpeakers(f, p, bold); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

func clockOf(t interface{ Clock() (int, int, int) }) schedule.Clock {
	h, m, s := t.Clock()
	return schedule.Clock{Hour: h, Min: m, Sec: s}
}

func writeHeader(f *excelize.File, sheet string, header []string, style int) error {
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := f.SetSheetRow(sheet, "A1", &row); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	return f.SetCellStyle(sheet, "A1", last, style)
}

// finishSheet sets column widths, freezes the header and adds filters.
func finishSheet(f *excelize.File, sheet string, widths []int, cols, rows int) error {
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, float64(min(max(w, 6), 60))); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(cols, max(rows, 2))
	return f.AutoFilter(sheet, "A1:"+last, nil)
}

// setText writes a string cell. SetCellStr never makes a formula, so a
// title beginning with "=" stays text.
func setText(f *excelize.File, sheet, cell, v string, style int) error {
	if v == "" {
		return nil
	}
	if utf8.RuneCountInString(v) > maxCellChars {
		return fmt.Errorf("cell %s of sheet %s: %d characters is more than Excel's limit of %d", cell, sheet, utf8.RuneCountInString(v), maxCellChars)
	}
	if err := f.SetCellStr(sheet, cell, v); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

func setNumber(f *excelize.File, sheet string, col, row int, v float64, style int) error {
	cell, _ := excelize.CoordinatesToCellName(col+1, row)
	if err := f.SetCellFloat(sheet, cell, v, -1, 64); err != nil {
		return err
	}
	if style == 0 {
		return nil
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

// cellWidth is the width a column needs for v: its longest line.
func cellWidth(v string) int {
	w := 0
	for _, line := range strings.Split(v, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w + 2
}

// writeSpeakers adds the Speakers sheet: one row per person and role, for
// organizers who filter and count people in Excel.
func writeSpeakers(f *excelize.File, p *schedule.Programme, bold int) error {
	if _, err := f.NewSheet(speakersSheet); err != nil {
		return err
	}
	if err := writeHeader(f, speakersSheet, schedule.PersonColumns, bold); err != nil {
		return err
	}
	widths := make([]int, len(schedule.PersonColumns))
	for i, h := range schedule.PersonColumns {
		widths[i] = len(h) + 2
	}
	row := 1
	for _, s := range p.Sessions {
		for field, person := range s.Roles {
			row++
			vals := []string{s.ID, schedule.AppearsAs(field), person.Name, person.Role, person.Organization,
				person.Stakeholder, person.Region, person.Participation, person.Email}
			for i, v := range vals {
				cell, _ := excelize.CoordinatesToCellName(i+1, row)
				if v != "" {
					if err := f.SetCellStr(speakersSheet, cell, v); err != nil {
						return err
					}
				}
				widths[i] = max(widths[i], cellWidth(v))
			}
		}
	}
	return finishSheet(f, speakersSheet, widths, len(schedule.PersonColumns), row)
}
