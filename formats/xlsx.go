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

func openWorkbook(in Input, limits Limits) (*excelize.File, error) {
	var (
		f   *excelize.File
		err error
	)
	// A zip bomb stops at the unzip limit; sheet XML beyond 16 MiB goes to
	// a temporary file instead of memory (excelize's default).
	opts := excelize.Options{UnzipSizeLimit: limits.UnzipBytes, UnzipXMLSizeLimit: min(limits.UnzipBytes, 16<<20)}
	if in.Path != "" {
		f, err = excelize.OpenFile(in.Path, opts)
	} else {
		f, err = excelize.OpenReader(in.R, opts)
	}
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, &LimitError{What: "unzipped workbook", Where: "the workbook", Limit: fmt.Sprintf("%d bytes", limits.UnzipBytes), Flag: "--max-unzip-size"}
		}
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
	limits := opts.Limits.withDefaults()
	f, err := openWorkbook(in, limits)
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
		sheet = guessSheet(f, sheets, opts.Map)
	}
	date1904 := false
	if wp, err := f.GetWorkbookProps(); err == nil && wp.Date1904 != nil {
		date1904 = *wp.Date1904
	}
	prog = &schedule.Programme{}
	so := opts.scheduleOptions(in.Name, sheet)
	so.Serials, so.Date1904 = true, date1904
	b, err := schedule.NewBuilder(prog, so)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	if err := readSheet(f, sheet, limits, opts.Progress, b.Read); err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	if opts.Sheet == "" && len(sheets) > 1 {
		prog.Notes = append(prog.Notes, fmt.Sprintf("%s: read sheet %q (the one that looks like sessions; --sheet chooses another)", in.Name, sheet))
	}
	extraDates(f, sheet, prog, b.Fields(), date1904)
	for _, s := range sheets {
		if s != sheet && schedule.IsPersonSheetName(s) {
			po := so
			po.Sheet = s
			err := readSheet(f, s, limits, nil, func(r schedule.Rows) error { return schedule.JoinPersons(prog, r, po) })
			if err != nil {
				return nil, &InputError{File: in.Name, Err: err}
			}
		}
	}
	return prog, nil
}

// guessSheet picks the sheet that looks most like sessions: the one whose
// header row (within its first rows) names the most fields. A cover or
// instructions sheet before it is passed over; person sheets are joined,
// not read as sessions.
func guessSheet(f *excelize.File, sheets []string, m map[string]schedule.Field) string {
	best, bestScore := "", 0
	for _, s := range sheets {
		if schedule.IsPersonSheetName(s) {
			continue
		}
		if score := sheetScore(f, s, m); score > bestScore {
			best, bestScore = s, score
		}
	}
	if best != "" {
		return best
	}
	for _, s := range sheets {
		if !schedule.IsPersonSheetName(s) {
			return s
		}
	}
	return sheets[0]
}

// sheetScore is the best header score in the first rows of a sheet.
func sheetScore(f *excelize.File, sheet string, m map[string]schedule.Field) int {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0
	}
	defer rows.Close()
	best := 0
	for n := 0; n < 30 && rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return best
		}
		if k, ok := schedule.HeaderScore(cells, m); ok && k > best {
			best = k
		}
	}
	return best
}

func readSheet(f *excelize.File, sheet string, limits Limits, progress func(int), read func(schedule.Rows) error) error {
	fill, err := mergedFill(f, sheet, limits)
	if err != nil {
		return err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %v", sheet, err)
	}
	defer rows.Close()
	return read(&xlsxRows{rows: rows, sheet: sheet, fill: fill, limits: limits, progress: progress})
}

// mergedFill returns, by row and column (both 1-based), the values merged
// cells give to the cells they cover: Rows reads them as empty, but a date
// merged over a day's rows belongs to every row.
func mergedFill(f *excelize.File, sheet string, limits Limits) (map[int]map[int]string, error) {
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
		// A range is filled cell by cell, so merging whole columns must
		// not make millions of copies.
		if total > limits.MergedCells {
			return nil, &LimitError{What: "area of merged cells", Where: "sheet " + sheet, Limit: fmt.Sprintf("%d cells", limits.MergedCells), Flag: "--max-merged-cells"}
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

type xlsxRows struct {
	rows     *excelize.Rows
	sheet    string
	n        int
	fill     map[int]map[int]string
	limits   Limits
	progress func(int)
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
	if err := x.limits.checkRow(row, x.sheet); err != nil {
		return schedule.Row{}, err
	}
	return row, nil
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

// xlsxStyles are the cell styles of docket's workbooks.
type xlsxStyles struct{ header, text, date, time, dateTime int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	var err error
	top := &excelize.Alignment{Vertical: "top", Horizontal: "left"}
	if st.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}); err != nil {
		return st, err
	}
	if st.text, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return st, err
	}
	for _, x := range []struct {
		id  *int
		fmt string
	}{{&st.date, "yyyy-mm-dd"}, {&st.time, "hh:mm"}, {&st.dateTime, "yyyy-mm-dd hh:mm"}} {
		if *x.id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &x.fmt, Alignment: top}); err != nil {
			return st, err
		}
	}
	return st, nil
}

// writeXLSX writes the canonical workbook with excelize's StreamWriter:
// the normal mode kept every cell and style call in memory (100,000
// sessions took over a minute and 6 GB).
func writeXLSX(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sessionsSheet); err != nil {
		return err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	header := canonicalHeader(p.ExtraColumns)
	col := map[schedule.Field]int{}
	for i, c := range schedule.Columns {
		col[c] = i
	}
	// Widths must be set before the first row is streamed, so the records
	// are made once to measure and once to write.
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = utf8.RuneCountInString(h) + 2
	}
	for _, s := range p.Sessions {
		for i, v := range canonicalRecord(s, p.ExtraColumns) {
			widths[i] = max(widths[i], cellWidth(v))
		}
	}
	widths[col[schedule.FieldDate]] = 12
	widths[col[schedule.FieldStart]] = 8
	widths[col[schedule.FieldEnd]] = 8

	sw, err := startSheet(f, sessionsSheet, header, widths, st.header)
	if err != nil {
		return err
	}
	for r, s := range p.Sessions {
		rec := canonicalRecord(s, p.ExtraColumns)
		row := make([]any, len(rec))
		for i, v := range rec {
			if utf8.RuneCountInString(v) > maxCellChars {
				return fmt.Errorf("session %s, column %s: %d characters is more than Excel's limit of %d", s.ID, header[i], utf8.RuneCountInString(v), maxCellChars)
			}
			if v != "" {
				// A string value is always a text cell: a title that begins
				// with "=" never becomes a formula.
				row[i] = excelize.Cell{StyleID: st.text, Value: v}
			}
		}
		// Real date and time cells, so that Excel sorts and filters them.
		if s.Scheduled() {
			start := s.Start.In(s.Location())
			day := schedule.Date{Year: start.Year(), Month: start.Month(), Day: start.Day()}
			row[col[schedule.FieldDate]] = excelize.Cell{StyleID: st.date, Value: schedule.ToSerial(day, schedule.Clock{})}
			row[col[schedule.FieldStart]] = excelize.Cell{StyleID: st.time, Value: schedule.ToSerial(schedule.Date{}, clockOf(start))}
			if !s.End.IsZero() {
				en := s.End.In(s.Location())
				endDay := schedule.Date{Year: en.Year(), Month: en.Month(), Day: en.Day()}
				v, style := schedule.ToSerial(schedule.Date{}, clockOf(en)), st.time
				if endDay != day {
					v, style = schedule.ToSerial(endDay, clockOf(en)), st.dateTime
				}
				row[col[schedule.FieldEnd]] = excelize.Cell{StyleID: style, Value: v}
			}
		}
		if s.DeclaredMinutes > 0 {
			row[col[schedule.FieldDeclaredMinutes]] = s.DeclaredMinutes
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := finishSheet(sw, sessionsSheet, len(header), len(p.Sessions)+1); err != nil {
		return err
	}
	if err := writeSpeakers(f, p, st.header); err != nil {
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

// startSheet opens a streamed sheet with its column widths, a frozen bold
// header row, in that order (the StreamWriter wants widths and panes
// before rows).
func startSheet(f *excelize.File, sheet string, header []string, widths []int, headerStyle int) (*excelize.StreamWriter, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(w, 6), 60))); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{StyleID: headerStyle, Value: h}
	}
	return sw, sw.SetRow("A1", row)
}

// finishSheet adds filter buttons (as a table: a streamed sheet cannot
// take an autofilter) and flushes.
func finishSheet(sw *excelize.StreamWriter, sheet string, cols, rows int) error {
	last, _ := excelize.CoordinatesToCellName(cols, max(rows, 2))
	noStripes := false
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: sheet, StyleName: "TableStyleLight1", ShowRowStripes: &noStripes}); err != nil {
		return err
	}
	return sw.Flush()
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
func writeSpeakers(f *excelize.File, p *schedule.Programme, headerStyle int) error {
	if _, err := f.NewSheet(speakersSheet); err != nil {
		return err
	}
	var rows [][]string
	widths := make([]int, len(schedule.PersonColumns))
	for i, h := range schedule.PersonColumns {
		widths[i] = len(h) + 2
	}
	for _, s := range p.Sessions {
		for field, person := range s.Roles {
			vals := []string{s.ID, schedule.AppearsAs(field), person.Name, person.Role, person.Organization,
				person.Stakeholder, person.Region, person.Participation, person.Email, person.Gender}
			for i, v := range vals {
				widths[i] = max(widths[i], cellWidth(v))
			}
			rows = append(rows, vals)
		}
	}
	sw, err := startSheet(f, speakersSheet, schedule.PersonColumns, widths, headerStyle)
	if err != nil {
		return err
	}
	for r, vals := range rows {
		row := make([]any, len(vals))
		for i, v := range vals {
			if v != "" {
				row[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return finishSheet(sw, speakersSheet, len(schedule.PersonColumns), len(rows)+1)
}

// SheetNames lists a workbook's sheets, for shell completion; nil when it
// cannot be opened.
func SheetNames(path string) []string {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	return f.GetSheetList()
}
