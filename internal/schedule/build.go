package schedule

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/internal/vocab"
)

// Row is one spreadsheet row: its cells as text and its 1-based row number
// as the spreadsheet shows it (a record spanning several text lines is one
// row). Workbook readers give numbers as their raw value ("45210.73958").
type Row struct {
	Num   int
	Cells []string
}

// Rows yields a sheet's rows in order; Next returns io.EOF after the last.
type Rows interface {
	Next() (Row, error)
}

// Options says how to read a sheet.
type Options struct {
	File  string // display name for messages
	Sheet string // empty for text files
	// Timezone is the IANA zone of times written without one, unless a
	// timezone column says otherwise. Empty means UTC.
	Timezone string
	// Serials reports whether numbers in date and time columns are Excel
	// serials (true for workbooks).
	Serials bool
	// Date1904 reports whether the workbook counts serials from 1904.
	Date1904 bool
}

// ErrNoHeader means no row of the first rows looks like a header.
var ErrNoHeader = errors.New("no header row found")

// minSerial is the smallest serial read as a date (1954-10-04): a number
// such as 17.45 in a start column is a typed time, not 17 January 1900.
const minSerial = 20000

// headerScanRows is how far down a sheet the header is looked for: title
// rows and notes above it are common, pages of them are not.
const headerScanRows = 30

// Builder turns rows into sessions. Feed it the rows of a sheet in order:
// it finds the header, then makes one session per non-blank row.
type Builder struct {
	opts    Options
	loc     *time.Location
	cols    []column
	header  bool
	scanned int
	extras  []string
	prog    *Programme
}

type column struct {
	field  Field // "" for an extra column
	header string
}

// NewBuilder returns a Builder that adds sessions to prog.
func NewBuilder(prog *Programme, opts Options) (*Builder, error) {
	loc := time.UTC
	if opts.Timezone != "" {
		l, err := LoadLocation(opts.Timezone)
		if err != nil {
			return nil, err
		}
		loc = l
	}
	if prog.Timezone == "" && opts.Timezone != "" {
		prog.Timezone = loc.String()
	}
	return &Builder{opts: opts, loc: loc, prog: prog}, nil
}

// Read feeds every row of rows to the builder.
func (b *Builder) Read(rows Rows) error {
	for {
		r, err := rows.Next()
		if err == io.EOF {
			return b.Finish()
		}
		if err != nil {
			return err
		}
		if err := b.Add(r); err != nil {
			return err
		}
	}
}

// Finish reports a sheet that ended before a header was found.
// It also names the programme's zone, when no option gave one, after the
// zone most of its sessions are in.
func (b *Builder) Finish() error {
	if !b.header {
		return b.noHeader()
	}
	if b.prog.Timezone == "" {
		b.prog.Timezone = CommonZone(b.prog.Sessions)
	}
	return nil
}

func (b *Builder) noHeader() error {
	if b.scanned == 0 {
		return fmt.Errorf("%s: the sheet is empty", b.where(0))
	}
	return fmt.Errorf("%s: %w in the first %d rows: expected columns such as id, title, date, start, end, room", b.where(0), ErrNoHeader, min(b.scanned, headerScanRows))
}

func (b *Builder) where(row int) string {
	s := b.opts.File
	if b.opts.Sheet != "" {
		s += ":" + b.opts.Sheet
	}
	if row > 0 {
		s += ":" + strconv.Itoa(row)
	}
	return s
}

// Add reads one row: the header if none was found yet, else a session.
func (b *Builder) Add(r Row) error {
	if !b.header {
		if blank(r.Cells) {
			return nil
		}
		b.scanned++
		if b.tryHeader(r) {
			return nil
		}
		if b.scanned >= headerScanRows {
			return b.noHeader()
		}
		return nil
	}
	if blank(r.Cells) {
		return nil
	}
	b.prog.Sessions = append(b.prog.Sessions, b.session(r))
	return nil
}

// tryHeader takes r as the header if enough of its cells name fields.
func (b *Builder) tryHeader(r Row) bool {
	known, filled := 0, 0
	seen := map[Field]bool{}
	for _, c := range r.Cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		filled++
		if f, ok := FieldForHeader(c); ok && !seen[f] {
			seen[f] = true
			known++
		}
	}
	if known < 2 || (known < 3 && filled > 3) || !(seen[FieldID] || seen[FieldTitle]) {
		return false
	}
	b.header = true
	seen = map[Field]bool{}
	used := map[string]int{}
	for i, c := range r.Cells {
		h := strings.TrimSpace(c)
		f, ok := FieldForHeader(h)
		if ok && !seen[f] {
			seen[f] = true
			b.cols = append(b.cols, column{field: f, header: h})
			if f == FieldDuration {
				// A duration has no column in the contract: it gives
				// the end, and is also kept as it was written.
				b.extras = append(b.extras, h)
			}
			continue
		}
		if h == "" {
			h = "column " + ColumnName(i)
		}
		// Two columns of one name stay two extras.
		if n := used[h]; n > 0 {
			used[h]++
			h = fmt.Sprintf("%s (%d)", h, n+1)
		} else {
			used[h] = 1
		}
		b.cols = append(b.cols, column{header: h})
		b.extras = append(b.extras, h)
	}
	b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, b.extras)
	return true
}

// Fields returns, in column order, the header of each column and the field
// it maps to ("" for an extra). It is nil before the header was found.
func (b *Builder) Fields() []struct {
	Header string
	Field  Field
} {
	out := make([]struct {
		Header string
		Field  Field
	}, len(b.cols))
	for i, c := range b.cols {
		out[i].Header, out[i].Field = c.header, c.field
	}
	return out
}

func appendMissing(list, add []string) []string {
	for _, a := range add {
		found := false
		for _, l := range list {
			if l == a {
				found = true
				break
			}
		}
		if !found {
			list = append(list, a)
		}
	}
	return list
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// ColumnName returns the spreadsheet letters of 0-based column i (A, B, ... AA).
func ColumnName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func (b *Builder) problem(s *Session, rule string, f Field, msg, hint string) {
	b.prog.Problems = append(b.prog.Problems, Problem{
		Rule: rule, Src: s.Src, Column: s.Column(f), Session: s.ID, Message: msg, Hint: hint,
	})
}

// session reads one data row.
func (b *Builder) session(r Row) *Session {
	s := &Session{Src: Source{File: b.opts.File, Sheet: b.opts.Sheet, Row: r.Num}, Cols: make(map[Field]string, len(b.cols))}
	cells := make(map[Field]string, len(b.cols))
	for i, col := range b.cols {
		var c string
		if i < len(r.Cells) {
			c = strings.TrimSpace(r.Cells[i])
		}
		if col.field == "" || col.field == FieldDuration {
			s.Extra = append(s.Extra, Extra{Name: col.header, Value: c})
			if col.field == "" {
				continue
			}
		}
		s.Cols[col.field] = col.header
		cells[col.field] = c
	}
	// Cells right of the last header cell have no header; they are kept
	// under their column letter.
	for i := len(b.cols); i < len(r.Cells); i++ {
		if c := strings.TrimSpace(r.Cells[i]); c != "" {
			name := "column " + ColumnName(i)
			s.Extra = append(s.Extra, Extra{Name: name, Value: c})
			b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, []string{name})
		}
	}
	text := func(f Field) string { return cells[f] }

	s.ID = text(FieldID)
	s.Title = text(FieldTitle)
	s.Type = vocab.Types().Canonical(text(FieldType))
	format, declared := SplitFormat(text(FieldFormat))
	s.Format = vocab.Formats().Canonical(format)
	if v := text(FieldDeclaredMinutes); v != "" {
		if n, err := ParseMinutes(v); err == nil {
			declared = n
		} else {
			b.problem(s, "bad-time", FieldDeclaredMinutes, fmt.Sprintf("declared length %s", err), "write the length in minutes, e.g. 60")
			s.keepRaw(FieldDeclaredMinutes, v)
		}
	}
	s.DeclaredMinutes = declared
	s.Room = text(FieldRoom)
	s.Theme = text(FieldTheme)
	s.Subtheme = text(FieldSubtheme)
	s.Description = text(FieldDescription)
	s.PolicyQuestions = text(FieldPolicyQuestions)
	s.ExpectedOutcomes = text(FieldExpectedOutcomes)
	s.Organizers = ParsePersons(text(FieldOrganizers))
	s.Speakers = ParsePersons(text(FieldSpeakers))
	s.OnsiteModerator = b.onePerson(s, FieldOnsiteModerator, text(FieldOnsiteModerator))
	s.OnlineModerator = b.onePerson(s, FieldOnlineModerator, text(FieldOnlineModerator))
	s.Rapporteur = b.onePerson(s, FieldRapporteur, text(FieldRapporteur))
	s.SDGs = ParseSDGs(text(FieldSDGs))
	s.KeyTakeaways = text(FieldKeyTakeaways)
	s.CallToAction = text(FieldCallToAction)
	s.Report = text(FieldReport)
	s.Tags = splitList(text(FieldTags))
	s.Language = text(FieldLanguage)
	s.URL = text(FieldURL)
	b.times(s, cells)
	return s
}

// onePerson reads a cell that holds one person. The model has room for one
// moderator of each kind and one rapporteur; further persons in the cell
// are kept in an extra column rather than dropped.
func (b *Builder) onePerson(s *Session, f Field, cell string) *Person {
	ps := ParsePersons(cell)
	if len(ps) == 0 {
		return nil
	}
	if len(ps) > 1 {
		name := string(f) + " (more)"
		s.Extra = append(s.Extra, Extra{Name: name, Value: FormatPersons(ps[1:])})
		b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, []string{name})
		b.problem(s, "extra-person", f, fmt.Sprintf("%s names %d persons; the first is the %s, the others are kept in the extra column %q", s.Column(f), len(ps), strings.ReplaceAll(string(f), "_", " "), name), "")
	}
	return &ps[0]
}

// ParseSDGs reads SDG targets separated by ";", ",", spaces or line breaks,
// with or without an "SDG" prefix.
func ParseSDGs(cell string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool {
		return r == ';' || r == ',' || r == '\n' || r == '\r' || r == ' ' || r == '\t' || r == '|' || r == '•'
	}) {
		f = strings.TrimSpace(f)
		up := strings.ToUpper(f)
		if up == "SDG" || up == "SDGS" || up == "TARGET" || up == "TARGETS" || up == "GOAL" || up == "GOALS" {
			continue
		}
		for _, p := range []string{"SDGS", "SDG", "TARGETS", "TARGET"} {
			if strings.HasPrefix(up, p) {
				f = strings.TrimLeft(f[len(p):], " :#.")
				break
			}
		}
		f = strings.TrimRight(strings.TrimLeft(f, "#"), ":.")
		if f != "" {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

func splitList(cell string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// keepRaw remembers a cell the session could not use.
func (s *Session) keepRaw(f Field, v string) {
	if v == "" {
		return
	}
	if s.Raw == nil {
		s.Raw = map[Field]string{}
	}
	s.Raw[f] = v
}

// gap reports a wall-clock time that does not exist in its zone (the hour
// skipped when clocks go forward): time.Date silently moves it an hour on.
// day is the date the stamp was placed on.
func (b *Builder) gap(s *Session, f Field, st Stamp, day Date, t time.Time) bool {
	if st.Zone != nil {
		return false // a fixed offset has no gaps
	}
	if !st.Date.IsZero() {
		day = st.Date
	}
	// Compare wall clocks as if in UTC, where every time exists; 24:00 is
	// the next day's 00:00 on both sides.
	want := time.Date(day.Year, day.Month, day.Day, st.Clock.Hour, st.Clock.Min, st.Clock.Sec, 0, time.UTC)
	y, mo, d := t.Date()
	h, m, sec := t.Clock()
	if time.Date(y, mo, d, h, m, sec, 0, time.UTC).Equal(want) {
		return false
	}
	b.problem(s, "bad-time", f, fmt.Sprintf("%s %02d:%02d does not exist on %s in %s (the clocks go forward)",
		f, st.Clock.Hour, st.Clock.Min, day, t.Location()), "")
	return true
}

// times sets Timezone, Start and End from the date, start, end, timezone
// and duration cells, recording a bad-time problem for what it cannot read.
func (b *Builder) times(s *Session, cells map[Field]string) {
	loc := b.loc
	if tz := cells[FieldTimezone]; tz != "" {
		l, err := LoadLocation(tz)
		if err != nil {
			b.problem(s, "bad-time", FieldTimezone, err.Error(), "")
			s.keepRaw(FieldTimezone, tz)
		} else {
			loc = l
		}
	}
	s.Timezone = loc.String()

	stamp := func(f Field) (Stamp, bool) {
		v := cells[f]
		if v == "" {
			return Stamp{}, false
		}
		if b.opts.Serials {
			if n, err := strconv.ParseFloat(v, 64); err == nil && (n < 1 || n >= minSerial) {
				st, err := FromSerial(n, b.opts.Date1904)
				if err != nil {
					b.problem(s, "bad-time", f, fmt.Sprintf("%s %s", f, err), "")
					return Stamp{}, false
				}
				return st, true
			}
		}
		st, err := ParseStamp(v)
		if err != nil {
			b.problem(s, "bad-time", f, fmt.Sprintf("%s %s", f, err), "")
			return Stamp{}, false
		}
		return st, true
	}

	var day Date
	if d, ok := stamp(FieldDate); ok {
		day = d.Date
		if d.Date.IsZero() {
			b.problem(s, "bad-time", FieldDate, fmt.Sprintf("date %q has no day", cells[FieldDate]), "write the date as YYYY-MM-DD")
		}
	}
	// A range in the start column ("17:45-18:45", the IGF web form) when
	// there is no end.
	if cells[FieldEnd] == "" {
		if a, z, ok := SplitRange(cells[FieldStart]); ok {
			if _, err := ParseStamp(a); err == nil {
				cells[FieldStart], cells[FieldEnd] = a, z
				s.Cols[FieldEnd] = s.Column(FieldStart)
			}
		}
	}
	st, okStart := stamp(FieldStart)
	if okStart {
		if day.IsZero() {
			day = st.Date
		}
		t, ok := st.In(loc, day)
		if ok && b.gap(s, FieldStart, st, day, t) {
			ok = false
		} else if !ok {
			b.problem(s, "bad-time", FieldStart, fmt.Sprintf("start %s has no date", cells[FieldStart]), "add a date column or write the start as YYYY-MM-DD HH:MM")
		} else {
			s.Start = t.In(loc)
		}
	}
	en, okEnd := stamp(FieldEnd)
	if okEnd && !s.Start.IsZero() {
		// The end's day is the start's day in the session's zone unless
		// it says otherwise.
		sd := s.Start
		if en.Zone != nil {
			sd = s.Start.In(en.Zone)
		}
		endDay := Date{sd.Year(), sd.Month(), sd.Day()}
		t, _ := en.In(loc, endDay)
		b.gap(s, FieldEnd, en, endDay, t)
		if en.Date.IsZero() && t.Before(s.Start) && !t.Equal(s.Start) && s.Start.Sub(t) > 0 {
			// 23:00-01:00 ends the next day; a short backwards range
			// is a typo that end-before-start reports.
			if s.Start.Sub(t) > 12*time.Hour {
				t = t.AddDate(0, 0, 1)
			}
		}
		s.End = t.In(loc)
	}
	if !okEnd && !s.Start.IsZero() {
		if v := cells[FieldDuration]; v != "" {
			n, err := ParseMinutes(v)
			if err != nil {
				b.problem(s, "bad-time", FieldDuration, "duration "+err.Error(), "write the length in minutes, e.g. 90")
			} else {
				s.End = s.Start.Add(time.Duration(n) * time.Minute)
			}
		}
	}
	if s.Start.IsZero() {
		s.keepRaw(FieldDate, cells[FieldDate])
		s.keepRaw(FieldStart, cells[FieldStart])
	}
	if s.End.IsZero() {
		s.keepRaw(FieldEnd, cells[FieldEnd])
	}
}
