package formats

// Reading a workbook: the xlsx format's reader, which chooses the sheet,
// joins the person sheets and dates the extra columns; the rows come from
// the streaming reader in formats/internal/xlsxread.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/docket-forum/docket/formats/internal/xlsxread"
	"github.com/docket-forum/docket/internal/schedule"
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
			b.LookAhead(only[0])
		}
		sheet = guessSheet(b, sheets, opts.Map)
	}
	b.LookAhead(sheet)
	var persons, rooms, windows []string
	for _, s := range sheets {
		switch {
		case s == sheet:
		case schedule.IsPersonSheetName(s):
			persons = append(persons, s)
		case schedule.IsRoomSheetName(s):
			rooms = append(rooms, s)
		case schedule.IsAvailabilitySheetName(s):
			windows = append(windows, s)
		}
	}
	prog = &schedule.Programme{}
	so := opts.scheduleOptions(in.Name, sheet)
	so.Serials, so.Date1904 = true, b.Date1904()
	var bld *schedule.Builder
	dates := &xlsxread.CellDates{}
	ed := &extraDater{dates: dates, date1904: b.Date1904(), fields: func() []fieldColumn { return bld.Fields() }}
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
		err := readSheet(b, s, limits, nil, &xlsxread.CellDates{}, func(r schedule.Rows) error { return schedule.JoinPersons(prog, r, po) })
		if err != nil {
			return nil, &InputError{File: in.Name, Err: err}
		}
	}
	// Rooms and availability need no session: the sessions may have
	// streamed on. Availability times are in the programme's zone, known
	// once the sessions are read.
	for _, s := range rooms {
		if err := readSideSheet(b, s, so, limits, schedule.ReadRooms, prog); err != nil {
			return nil, &InputError{File: in.Name, Err: err}
		}
	}
	for _, s := range windows {
		if err := readSideSheet(b, s, so, limits, schedule.ReadAvailability, prog); err != nil {
			return nil, &InputError{File: in.Name, Err: err}
		}
	}
	return prog, nil
}

// readSideSheet reads a Rooms or an Availability sheet into prog.
func readSideSheet(b *xlsxread.Book, sheet string, so schedule.Options, limits Limits, read func(*schedule.Programme, schedule.Rows, schedule.Options) error, prog *schedule.Programme) error {
	so.Sheet = sheet
	return readSheet(b, sheet, limits, nil, &xlsxread.CellDates{}, func(r schedule.Rows) error { return read(prog, r, so) })
}

// sessionSheets are the sheets that may hold the sessions.
func sessionSheets(sheets []string) []string {
	var out []string
	for _, s := range sheets {
		if !schedule.IsSideSheetName(s) {
			out = append(out, s)
		}
	}
	return out
}

// guessSheet picks the sheet that looks most like sessions: the one whose
// header row (within its first rows) names the most fields. A cover or
// instructions sheet before it is passed over; person sheets are joined,
// not read as sessions.
func guessSheet(b *xlsxread.Book, sheets []string, m map[string]schedule.Field) string {
	best, bestScore := "", 0
	for _, s := range sheets {
		if schedule.IsSideSheetName(s) {
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
		if !schedule.IsSideSheetName(s) {
			return s
		}
	}
	return sheets[0]
}

// sheetScore is the best header score in the first rows of a sheet (read
// as they are: no merged cells filled, no limits).
func sheetScore(b *xlsxread.Book, sheet string, m map[string]schedule.Field) int {
	rows, err := b.OpenSheet(sheet, false, nil, nil)
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
func readSheet(b *xlsxread.Book, sheet string, limits Limits, progress func(int), dates *xlsxread.CellDates, read func(schedule.Rows) error) error {
	rows, err := b.OpenSheet(sheet, true, &limits, progress)
	if err != nil {
		return err
	}
	defer rows.Close()
	rows.RecordDates(dates)
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
	dates    *xlsxread.CellDates
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
		if (c.Field != "" && !keptAsWritten(c.Field)) || e.state[i] < 0 {
			continue
		}
		v := s.ExtraValue(c.Header)
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		if e.state[i] == 0 {
			e.state[i] = -1
			if e.dates.IsDate(s.Src.Row, i+1) {
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

// keptAsWritten reports whether a column of field f, which informs other
// fields, is also kept as an extra column (a length, an end date): its
// date and time cells are written as dates and times there too.
func keptAsWritten(f schedule.Field) bool {
	return f == schedule.FieldDuration || f == schedule.FieldEndDate
}

// sizedReaderAt is a workbook held whole: in memory (bytes.Reader) or in
// a spool file (io.SectionReader).
type sizedReaderAt interface {
	io.ReaderAt
	Size() int64
}

// openXLSX opens a workbook from a path, or from a stream held in memory.
func openXLSX(in Input, limits Limits) (*xlsxread.Book, error) {
	if in.Path != "" {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, openError(err)
		}
		return xlsxread.OpenFile(f, limits)
	}
	if ra, ok := in.R.(sizedReaderAt); ok {
		return xlsxread.Open(ra, ra.Size(), limits)
	}
	// A stream that was not spooled (an Input made by hand): at most the
	// unzip limit of it is read.
	data, err := io.ReadAll(io.LimitReader(in.R, limits.UnzipBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limits.UnzipBytes {
		return nil, limits.Spooled()
	}
	return xlsxread.Open(bytes.NewReader(data), int64(len(data)), limits)
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
