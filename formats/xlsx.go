package formats

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/xlstyle"
	"github.com/docket-forum/docket/internal/schedule"
)

var xlsxFormat = &Format{
	Name:        "xlsx",
	Aliases:     []string{"excel"},
	Extensions:  []string{".xlsx", ".xlsm", ".xltx", ".xltm"},
	Description: "Excel workbook: real date/time cells, bold frozen header, filters, a Speakers sheet",
	Noun:        "an Excel workbook",
	Binary:      true,
	Sniff:       sniffZip,
	Read:        readXLSX,
	Write:       writeXLSX,
}

func init() { register(xlsxFormat) }

const (
	sessionsSheet = "Sessions"
	speakersSheet = "Speakers"
)

func readXLSX(in Input, opts ReadOptions) (prog *schedule.Programme, err error) {
	// The reader returns errors for what it cannot read; a panic would be
	// a bug, and a broken workbook is still bad input, not a crash.
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, &InputError{File: in.Name, Err: fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", r)}
		}
	}()
	limits := opts.Limits.WithDefaults()
	b, err := openXLSX(in, limits)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer b.Close()
	sheets := b.SheetNames()
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
		// The merged areas come at the end of a sheet: when the sheet to
		// read is known already, they are looked for while the strings
		// are read.
		if only := sessionSheets(sheets); len(only) == 1 {
			b.lookAhead(only[0])
		}
		sheet = guessSheet(b, sheets, opts.Map)
	}
	b.lookAhead(sheet)
	var persons []string
	for _, s := range sheets {
		if s != sheet && schedule.IsPersonSheetName(s) {
			persons = append(persons, s)
		}
	}
	prog = &schedule.Programme{}
	so := opts.scheduleOptions(in.Name, sheet)
	so.Serials, so.Date1904 = true, b.date1904
	var bld *schedule.Builder
	dates := &cellDates{}
	ed := &extraDater{dates: dates, date1904: b.date1904, fields: func() []fieldColumn { return bld.Fields() }}
	if opts.Sink != nil && len(persons) == 0 {
		// Sessions go on as they are read; a person sheet would need
		// them all first.
		so.Emit = func(p *schedule.Programme, s *schedule.Session) error {
			ed.convert(s)
			return opts.Sink(p, s)
		}
	}
	if bld, err = schedule.NewBuilder(prog, so); err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	if err := readSheet(b, sheet, limits, opts.Progress, dates, bld.Read); err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	if opts.Sheet == "" && len(sheets) > 1 {
		prog.Notes = append(prog.Notes, fmt.Sprintf("%s: read sheet %q (the one that looks like sessions; input.sheet chooses another)", in.Name, sheet))
	}
	for _, s := range prog.Sessions {
		ed.convert(s)
	}
	for _, s := range persons {
		po := so
		po.Sheet = s
		err := readSheet(b, s, limits, nil, &cellDates{}, func(r schedule.Rows) error { return schedule.JoinPersons(prog, r, po) })
		if err != nil {
			return nil, &InputError{File: in.Name, Err: err}
		}
	}
	return prog, nil
}

// sessionSheets are the sheets that may hold the sessions.
func sessionSheets(sheets []string) []string {
	var out []string
	for _, s := range sheets {
		if !schedule.IsPersonSheetName(s) {
			out = append(out, s)
		}
	}
	return out
}

// guessSheet picks the sheet that looks most like sessions: the one whose
// header row (within its first rows) names the most fields. A cover or
// instructions sheet before it is passed over; person sheets are joined,
// not read as sessions.
func guessSheet(b *xlsxBook, sheets []string, m map[string]schedule.Field) string {
	best, bestScore := "", 0
	for _, s := range sheets {
		if schedule.IsPersonSheetName(s) {
			continue
		}
		if score := sheetScore(b, s, m); score > bestScore {
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

// sheetScore is the best header score in the first rows of a sheet (read
// as they are: no merged cells filled, no limits).
func sheetScore(b *xlsxBook, sheet string, m map[string]schedule.Field) int {
	rows, err := b.openSheet(sheet, false, nil, nil)
	if err != nil {
		return 0
	}
	defer rows.Close()
	best := 0
	for range 30 {
		r, err := rows.Next()
		if err != nil {
			return best
		}
		if k, ok := schedule.HeaderScore(r.Cells, m); ok && k > best {
			best = k
		}
	}
	return best
}

// readSheet reads a sheet, merged cells filled (a date merged over a
// day's rows belongs to every row), within the limits, the rows parsed on
// a goroutine of their own; dates records which cells have date or time
// formats.
func readSheet(b *xlsxBook, sheet string, limits Limits, progress func(int), dates *cellDates, read func(schedule.Rows) error) error {
	rows, err := b.openSheet(sheet, true, &limits, progress)
	if err != nil {
		return err
	}
	defer rows.Close()
	rows.dates = dates
	ahead := prefetch(rows, func(r any) error {
		return fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", r)
	})
	defer ahead.stop()
	return read(ahead)
}

// fieldColumn is a column of the header: its text and the field it maps
// to ("" for an extra column).
type fieldColumn = struct {
	Header string
	Field  schedule.Field
}

// extraDater writes the date and time cells of extra columns as dates:
// raw reads give their serial numbers ("45210"), which nobody can read.
// Mapped date columns are read by the schema; an extra column has none, so
// the number format of its first numeric cell decides for the column. It
// takes the sessions in order, as they are read.
type extraDater struct {
	dates    *cellDates
	date1904 bool
	fields   func() []fieldColumn
	cols     []fieldColumn
	state    []int8 // by column: 0 undecided, 1 dates, -1 not dates
}

func (e *extraDater) convert(s *schedule.Session) {
	if e.cols == nil {
		e.cols = e.fields()
		e.state = make([]int8, len(e.cols))
	}
	for i, c := range e.cols {
		if c.Field != "" || e.state[i] < 0 {
			continue
		}
		v := s.ExtraValue(c.Header)
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		if e.state[i] == 0 {
			e.state[i] = -1
			if e.dates.isDate(s.Src.Row, i+1) {
				e.state[i] = 1
			} else {
				continue
			}
		}
		stamp, err := schedule.FromSerial(n, e.date1904)
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

// Excel's limits: a cell holds at most 32,767 characters.
const maxCellChars = 32767

// writeXLSX writes the canonical workbook with excelize's StreamWriter:
// the normal mode kept every cell and style call in memory (100,000
// sessions took over a minute and 6 GB).
func writeXLSX(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sessionsSheet); err != nil {
		return err
	}
	st, err := xlstyle.New(f)
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
			widths[i] = max(widths[i], xlstyle.CellWidth(v))
		}
	}
	widths[col[schedule.FieldDate]] = 12
	widths[col[schedule.FieldStart]] = 8
	widths[col[schedule.FieldEnd]] = 8

	sw, err := startSheet(f, sessionsSheet, header, widths, st.Header)
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
				row[i] = excelize.Cell{StyleID: st.Text, Value: v}
			}
		}
		// Real date and time cells, so that Excel sorts and filters them.
		if s.Scheduled() {
			start := s.Start.In(s.Location())
			day := schedule.Date{Year: start.Year(), Month: start.Month(), Day: start.Day()}
			row[col[schedule.FieldDate]] = excelize.Cell{StyleID: st.Date, Value: schedule.ToSerial(day, schedule.Clock{})}
			row[col[schedule.FieldStart]] = excelize.Cell{StyleID: st.Time, Value: schedule.ToSerial(schedule.Date{}, clockOf(start))}
			if !s.End.IsZero() {
				en := s.End.In(s.Location())
				endDay := schedule.Date{Year: en.Year(), Month: en.Month(), Day: en.Day()}
				v, style := schedule.ToSerial(schedule.Date{}, clockOf(en)), st.Time
				if endDay != day {
					v, style = schedule.ToSerial(endDay, clockOf(en)), st.DateTime
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
	if err := writeSpeakers(f, p, st.Header); err != nil {
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
				widths[i] = max(widths[i], xlstyle.CellWidth(v))
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
	b, err := openXLSX(Input{Name: path, Path: path}, Limits{}.WithDefaults())
	if err != nil {
		return nil
	}
	defer b.Close()
	return b.SheetNames()
}
