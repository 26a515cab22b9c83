package schedule

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
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
	Line  int // the text line the row starts on; 0 for workbooks
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
	// FirstDay and LastDay are the event's days (YYYY-MM-DD): day names
	// and "Day 1" are read as its days, and a sheet of times alone takes
	// the day of a one-day event (eventdays.go).
	FirstDay, LastDay string
	// Profile is ProfileIGF or ProfileGeneric, or "" to decide from the
	// data (see decideForms).
	Profile string
	// DateOrder is "dmy" or "mdy" for dates like 11/10/2023, or "" to
	// decide from the data (day first when nothing tells).
	DateOrder string
	// Map maps normalised headers (NormalizeHeader) to fields, before the
	// built-in aliases; FieldExtra keeps a column as an extra.
	Map map[string]Field
	// Emit, when set, receives each session instead of the programme's
	// Sessions, so that a large file streams through in bounded memory.
	// Sessions come in row order. The first Lookahead sessions (and those
	// after an ambiguous date, until a row decides the date order) are held
	// back, so that when the first is emitted the programme's
	// ExtraColumns already leave out the empty unnamed columns a
	// spreadsheet saves.
	Emit func(*Programme, *Session) error
	// TimesOnly reads no more of a row than places its session in time:
	// start, end and zone, with the date order decided as a full read
	// decides it. A converter reads a file so first when an output's
	// header needs the programme's days before its sessions.
	TimesOnly bool
	// Inspect builds what the rows give, even nothing: a file whose every
	// row reads as a heading is otherwise an error (see Finish).
	Inspect bool
}

// Lookahead is how many sessions a streaming Builder holds before the
// first is emitted.
const Lookahead = 1000

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
	opts      Options
	loc       *time.Location
	cols      []column
	header    bool
	headerRow int
	above     []string // the row above the header candidate

	// Date order: decided by the option or by the first slash date that
	// only one order can read; until then, sessions with ambiguous dates
	// wait in pending to be read again if the decision is month first.
	order     DateOrder
	decided   bool
	pending   []pendingTimes
	firstAmb  string // an ambiguous date seen, for the warning and the finding
	ambAt     *Session
	ambField  Field
	zoneless  int      // sessions whose times had no zone and were read in UTC
	rereading bool     // times read again once the date order is decided
	sections  []string // rows skipped as headings (sections.go)
	kept      int      // sessions made from rows
	// sectionDay is the day the last heading named, for the rows below
	// it without a date (sections.go).
	sectionDay Date
	orderWhy   string // why slash dates are read month first before the data decides

	// A sheet without an id column: ids are made from titles (ids.go).
	makeIDs     bool
	titles      map[string]int // sessions by their title's id
	madeExample string
	madeNoted   bool
	patched     int // problems before this one name their made ids
	firstOwn    int // the index of the sheet's first session in prog.Sessions
	scanned     int
	extras      []string
	prog        *Programme

	// Streaming (Options.Emit): sessions held back, whether any was
	// emitted yet, and the zones of those emitted (for CommonZone).
	held    []*Session
	emitted bool
	zones   map[string]int

	colsOf map[Field]string // field → header, shared by the sheet's sessions
	memos  [memoKinds]map[string]memoValue
	prep   prepared   // the current row, read one at a time
	hold   *[]Problem // where problem puts problems instead of the programme, when set

	workers int // goroutines that prepare rows: 0 for readWorkers, -1 for none

	names        [numFields]bool // person fields read as lists of names (names.go)
	formsDecided bool
}

type hygieneIssue struct {
	column string
	issues []string
}

type pendingTimes struct {
	s     *Session
	cells cellMap
	// What reading its times day first found: kept if the file turns out
	// to be day first, dropped (and the times read again) if month first.
	problems []Problem
}

// cellMap holds a row's text by field in slices indexed by the field's
// number, reused from row to row: a map per row cost more than reading
// the row. Fields outside the model's list go to a map.
type cellMap struct {
	v     []string
	has   []bool
	other map[Field]string
}

// The numbers of the fields in a cellMap: session() reads a row's cells
// by number, as a map lookup per cell cost 10% of reading.
const (
	nID = iota
	nTitle
	nType
	nFormat
	nDeclaredMinutes
	nDate
	nStart
	nEnd
	nTimezone
	nRoom
	nTheme
	nSubtheme
	nDescription
	nPolicyQuestions
	nExpectedOutcomes
	nOrganizers
	nSpeakers
	nOnsiteModerator
	nOnlineModerator
	nRapporteur
	nSDGs
	nKeyTakeaways
	nCallToAction
	nReport
	nTags
	nLanguage
	nURL
	nSubtitle
	nAbstract
	nDuration
	nParticipation
	nGender
	nEndDate
	nAllDay
	nExtra
	numFields
)

// cellFields names the field of each number; the array literal keeps the
// two lists in step.
var cellFields = [numFields]Field{
	nID:               FieldID,
	nTitle:            FieldTitle,
	nType:             FieldType,
	nFormat:           FieldFormat,
	nDeclaredMinutes:  FieldDeclaredMinutes,
	nDate:             FieldDate,
	nStart:            FieldStart,
	nEnd:              FieldEnd,
	nTimezone:         FieldTimezone,
	nRoom:             FieldRoom,
	nTheme:            FieldTheme,
	nSubtheme:         FieldSubtheme,
	nDescription:      FieldDescription,
	nPolicyQuestions:  FieldPolicyQuestions,
	nExpectedOutcomes: FieldExpectedOutcomes,
	nOrganizers:       FieldOrganizers,
	nSpeakers:         FieldSpeakers,
	nOnsiteModerator:  FieldOnsiteModerator,
	nOnlineModerator:  FieldOnlineModerator,
	nRapporteur:       FieldRapporteur,
	nSDGs:             FieldSDGs,
	nKeyTakeaways:     FieldKeyTakeaways,
	nCallToAction:     FieldCallToAction,
	nReport:           FieldReport,
	nTags:             FieldTags,
	nLanguage:         FieldLanguage,
	nURL:              FieldURL,
	nSubtitle:         FieldSubtitle,
	nAbstract:         FieldAbstract,
	nDuration:         FieldDuration,
	nEndDate:          FieldEndDate,
	nAllDay:           FieldAllDay,
	nParticipation:    FieldParticipation,
	nGender:           FieldGender,
	nExtra:            FieldExtra,
}

var fieldNumbers = func() map[Field]int {
	m := make(map[Field]int, numFields)
	for i, f := range cellFields {
		m[f] = i
	}
	return m
}()

func newCellMap() cellMap {
	return cellMap{v: make([]string, numFields), has: make([]bool, numFields)}
}

func (c *cellMap) lookup(f Field) (string, bool) {
	if i, ok := fieldNumbers[f]; ok {
		return c.v[i], c.has[i]
	}
	v, ok := c.other[f]
	return v, ok
}

func (c *cellMap) get(f Field) string {
	v, _ := c.lookup(f)
	return v
}

func (c *cellMap) set(f Field, v string) {
	if i, ok := fieldNumbers[f]; ok {
		c.v[i], c.has[i] = v, true
		return
	}
	if c.other == nil {
		c.other = map[Field]string{}
	}
	c.other[f] = v
}

// empty makes c an empty map, allocating it the first time.
func (c *cellMap) empty() {
	if c.v == nil {
		*c = newCellMap()
		return
	}
	clear(c.v)
	clear(c.has)
	c.other = nil
}

func (c *cellMap) clone() cellMap {
	return cellMap{v: slices.Clone(c.v), has: slices.Clone(c.has), other: maps.Clone(c.other)}
}

type column struct {
	field   Field // "" for an extra column
	header  string
	unnamed bool // the header cell was empty
	filled  bool // some row has a value in it
	num     int  // the field's number in a cellMap, -1 for none
	short   bool // names and labels, where text hygiene minds the spaces
	time    bool // a cell that places the session in time
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
	if prog.FirstDay == "" && opts.FirstDay != "" {
		prog.FirstDay, prog.LastDay = opts.FirstDay, cmp.Or(opts.LastDay, opts.FirstDay)
	}
	b := &Builder{opts: opts, loc: loc, prog: prog, firstOwn: len(prog.Sessions)}
	switch strings.ToLower(opts.DateOrder) {
	case "":
		if b.order = zoneDateOrder(opts.Timezone); b.order == MonthFirst {
			b.orderWhy = " as dates are in " + opts.Timezone
		}
	case "dmy":
		b.decided = true
	case "mdy":
		b.order, b.decided = MonthFirst, true
	default:
		return nil, fmt.Errorf("date order %q: use dmy (day first) or mdy (month first)", opts.DateOrder)
	}
	return b, nil
}

// Read feeds every row of rows to the builder.
func (b *Builder) Read(rows Rows) error {
	for {
		if b.header && !b.formsDecided {
			rows = b.decideForms(rows)
		}
		if b.header && !b.opts.TimesOnly {
			if n := cmp.Or(b.workers, readWorkers()); n > 0 {
				return b.readParallel(rows, n)
			}
		}
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
	if b.kept == 0 && len(b.sections) > 0 && !b.opts.Inspect {
		// Rows with text gave nothing: an error, not an empty programme
		// that a conversion would write over the last one.
		return b.onlyHeadings()
	}
	if b.opts.Emit != nil {
		b.releasePending()
		if err := b.flush(); err != nil {
			return err
		}
	}
	if b.prog.Timezone == "" {
		if b.opts.Emit != nil {
			b.prog.Timezone = commonZone(b.zones)
		} else {
			b.prog.Timezone = CommonZone(b.prog.Sessions)
		}
	}
	if b.opts.Emit == nil {
		b.makeIDsFor(b.prog.Sessions[b.firstOwn:])
	}
	b.pruneEmptyColumns()
	b.describeColumns()
	b.releasePending()
	b.tellGuesses()
	return nil
}

func (b *Builder) noHeader() error {
	if b.scanned == 0 {
		return fmt.Errorf("%s: the sheet is empty", b.where(0))
	}
	return fmt.Errorf("%s: %w in the first %d rows: expected columns such as id, title, date, start, end, room; name the file's own headers in a mapping file (input.map), a line such as \"Talk: title\" each", b.where(0), ErrNoHeader, min(b.scanned, headerScanRows))
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
		b.above = r.Cells
		if b.scanned >= headerScanRows {
			return b.noHeader()
		}
		return nil
	}
	if blank(r.Cells) || b.skipSection(r) {
		return nil
	}
	if b.opts.TimesOnly {
		return b.keep(b.timesOf(r))
	}
	return b.keep(b.session(r))
}

// addPrepared is Add for a row that prepare has read.
func (b *Builder) addPrepared(r Row, p *prepared) error {
	if p.blank || b.skipSection(r) {
		return nil
	}
	return b.keep(b.complete(r, p))
}

// keep adds a session to the programme, or holds it to be emitted.
func (b *Builder) keep(s *Session) error {
	b.countTitle(s)
	b.kept++
	if b.opts.Emit == nil {
		b.prog.Sessions = append(b.prog.Sessions, s)
		return nil
	}
	b.held = append(b.held, s)
	if len(b.pending) > 0 || (!b.emitted && len(b.held) < Lookahead) {
		return nil
	}
	return b.flush()
}

// Cells whose reading is memoised: a programme has a few dozen types and
// formats, written again on every row.
const (
	memoType = iota
	memoFormat
	memoKinds
)

type memoValue struct {
	s string
	n int
}

// memo returns read(v), from the memo of kind k when v was read before;
// the memo stops growing at 4,096 values (a column of free text).
func (b *Builder) memo(k int, v string, read func(string) memoValue) memoValue {
	if r, ok := b.memos[k][v]; ok {
		return r
	}
	r := read(v)
	if b.memos[k] == nil {
		b.memos[k] = map[string]memoValue{}
	}
	if len(b.memos[k]) < 4096 {
		// Copies: v and r.s may be slices of the whole row's text.
		r.s = strings.Clone(r.s)
		b.memos[k][strings.Clone(v)] = r
	}
	return r
}

// flush emits the sessions held back. Before the first, the empty unnamed
// columns seen so far leave ExtraColumns.
func (b *Builder) flush() error {
	if !b.emitted {
		b.emitted = true
		b.pruneEmptyColumns()
	}
	if b.zones == nil {
		b.zones = map[string]int{}
	}
	b.makeIDsFor(b.held)
	for i, s := range b.held {
		if s.Timezone != "" {
			b.zones[s.Timezone]++
		}
		if err := b.opts.Emit(b.prog, s); err != nil {
			return err
		}
		b.held[i] = nil
	}
	b.held = b.held[:0]
	return nil
}

// tryHeader takes r as the header if enough of its cells name fields.
func (b *Builder) tryHeader(r Row) bool {
	if _, ok := HeaderScore(r.Cells, b.opts.Map); !ok {
		return false
	}
	r.Cells = joinHeaderRows(b.above, r.Cells)
	b.header = true
	b.headerRow = r.Num
	seen := map[Field]bool{}
	used := map[string]int{}
	for i, c := range r.Cells {
		h := strings.TrimSpace(c)
		f, ok := b.fieldFor(h)
		if ok && (!seen[f] || IsListField(f)) {
			seen[f] = true
			num, ok := fieldNumbers[f]
			if !ok {
				num = -1
			}
			b.cols = append(b.cols, column{field: f, header: h, num: num, short: shortFields[f],
				time: f == FieldDate || f == FieldStart || f == FieldEnd || f == FieldTimezone || f == FieldDuration || f == FieldEndDate || f == FieldAllDay})
			if inputOnly(f) {
				// These have no column in the contract: they inform other
				// fields, and are also kept as they were written.
				b.extras = append(b.extras, h)
			}
			continue
		}
		unnamed := h == ""
		if unnamed {
			h = "column " + ColumnName(i)
		}
		// Two columns of one name stay two extras.
		if n := used[h]; n > 0 {
			used[h]++
			h = fmt.Sprintf("%s (%d)", h, n+1)
		} else {
			used[h] = 1
		}
		b.cols = append(b.cols, column{header: h, unnamed: unnamed, num: -1})
		b.extras = append(b.extras, h)
	}
	b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, b.extras)
	// Every session of the sheet shares one map of its columns' headers.
	b.colsOf = make(map[Field]string, len(b.cols))
	for _, c := range b.cols {
		if _, ok := b.colsOf[c.field]; c.field != "" && !ok {
			b.colsOf[c.field] = c.header
		}
	}
	b.knownShape()
	_, hasID := b.colsOf[FieldID]
	b.makeIDs = !hasID
	return true
}

// pruneEmptyColumns drops columns with neither a header nor a value: the
// trailing empty columns a spreadsheet saves are no data.
func (b *Builder) pruneEmptyColumns() {
	drop := map[string]bool{}
	for _, c := range b.cols {
		if c.field == "" && c.unnamed && !c.filled {
			drop[c.header] = true
		}
	}
	if len(drop) == 0 {
		return
	}
	keep := b.prog.ExtraColumns[:0]
	for _, e := range b.prog.ExtraColumns {
		if !drop[e] {
			keep = append(keep, e)
		}
	}
	b.prog.ExtraColumns = keep
	for _, s := range slices.Concat(b.prog.Sessions, b.held) {
		if s.Src.File != b.opts.File || s.Src.Sheet != b.opts.Sheet {
			continue
		}
		ex := s.Extra[:0]
		for _, e := range s.Extra {
			if !drop[e.Name] {
				ex = append(ex, e)
			}
		}
		s.Extra = ex
	}
}

// describeColumns records how each column was read, for `docket columns`.
func (b *Builder) describeColumns() {
	for i, c := range b.cols {
		if c.field == "" && c.unnamed && !c.filled {
			continue
		}
		b.prog.Columns = append(b.prog.Columns, ColumnInfo{
			File: b.opts.File, Sheet: b.opts.Sheet, HeaderRow: b.headerRow,
			Letter: ColumnName(i), Header: c.header, Field: c.field, Unnamed: c.unnamed,
		})
	}
}

// HeaderScore says whether cells look like a header row: enough of them
// name fields (through m, then the aliases), one of them the id or the
// title. known counts the distinct fields named, to compare sheets.
func HeaderScore(cells []string, m map[string]Field) (known int, ok bool) {
	filled := 0
	seen := map[Field]bool{}
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		filled++
		f, found := m[NormalizeHeader(c)]
		if !found {
			f, found = FieldForHeader(c)
		} else if f == FieldExtra {
			found = false
		}
		if found && !seen[f] {
			seen[f] = true
			known++
		}
	}
	ok = known >= 2 && !(known < 3 && filled > 3) && (seen[FieldID] || seen[FieldTitle])
	return known, ok
}

// joinHeaderRows completes a header split over two rows: under a group
// heading merged over several columns ("Vortragende" over J1:N1), the
// header row numbers them ("1".."5"). Such cells become "Vortragende 1"...
func joinHeaderRows(above, header []string) []string {
	out := slices.Clone(header)
	for i, h := range out {
		h = strings.TrimSpace(h)
		if i >= len(above) || strings.TrimSpace(above[i]) == "" || strings.Trim(h, "0123456789") != "" {
			continue
		}
		out[i] = strings.TrimSpace(strings.TrimSpace(above[i]) + " " + h)
	}
	return out
}

// fieldFor maps a header: the --map file first, then the aliases.
func (b *Builder) fieldFor(h string) (Field, bool) {
	if f, ok := b.opts.Map[NormalizeHeader(h)]; ok {
		return f, f != FieldExtra
	}
	return FieldForHeader(h)
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
	to := &b.prog.Problems
	if b.hold != nil {
		to = b.hold
	}
	*to = append(*to, Problem{
		// The id is cloned: it may be a slice of the whole row's text,
		// which a problem must not keep alive when sessions stream.
		Rule: rule, Src: s.Src, Column: s.Column(f), Session: strings.Clone(s.ID), Message: msg, Hint: hint,
	})
}

func (b *Builder) startSession(r Row) *Session {
	return &Session{Src: Source{File: b.opts.File, Sheet: b.opts.Sheet, Row: r.Num, Line: r.Line}, Cols: b.colsOf, colsShared: true}
}

// prepared is a data row read as far as the row alone allows. Read
// prepares many rows at once, on worker goroutines; what depends on the rows
// before (the date order, the columns seen filled, the memos) and what
// adds to the programme is left to complete, which runs in row order.
type prepared struct {
	s     *Session
	cells cellMap
	hyg   []hygieneIssue
	// The persons after the first in each one-person cell.
	more  [3][]Person
	blank bool // the row has no text: it is skipped
}

// onePersonFields are the cells that hold one person, in the order their
// extra persons are reported.
var onePersonFields = [3]Field{FieldOnsiteModerator, FieldOnlineModerator, FieldRapporteur}

// prepare reads the row r into p. It must not change the Builder: it runs
// on several goroutines at once.
func (b *Builder) prepare(r Row, p *prepared) {
	s := b.startSession(r)
	p.s = s
	cells := &p.cells
	cells.empty()
	p.hyg = p.hyg[:0]
	for i := range b.cols {
		col := &b.cols[i]
		var c string
		if i < len(r.Cells) {
			c = trim(r.Cells[i])
			if c != "" {
				if issues := hygiene(col.short, r.Cells[i]); len(issues) > 0 {
					p.hyg = append(p.hyg, hygieneIssue{col.header, issues})
				}
			}
		}
		if col.field == "" || inputOnly(col.field) {
			s.Extra = append(s.Extra, Extra{Name: col.header, Value: c})
			if col.field == "" {
				continue
			}
		}
		if col.num >= 0 {
			// The column's field number, found once for the sheet.
			if cells.has[col.num] {
				if c != "" {
					cells.v[col.num] = strings.TrimPrefix(cells.v[col.num]+"\n"+c, "\n")
				}
				continue
			}
			cells.v[col.num], cells.has[col.num] = c, true
			continue
		}
		if prev, ok := cells.lookup(col.field); ok {
			// A list field in several columns: the values add up.
			if c != "" {
				cells.set(col.field, strings.TrimPrefix(prev+"\n"+c, "\n"))
			}
			continue
		}
		cells.set(col.field, c)
	}
	// Cells right of the last header cell have no header; they are kept
	// under their column letter.
	for i := len(b.cols); i < len(r.Cells); i++ {
		if c := strings.TrimSpace(r.Cells[i]); c != "" {
			s.Extra = append(s.Extra, Extra{Name: "column " + ColumnName(i), Value: c})
		}
	}
	text := func(n int) string { return cells.v[n] }
	s.ID = text(nID)
	s.Title = text(nTitle)
	s.Room = text(nRoom)
	s.Theme = text(nTheme)
	s.Subtheme = text(nSubtheme)
	s.Description = text(nDescription)
	s.PolicyQuestions = text(nPolicyQuestions)
	s.ExpectedOutcomes = text(nExpectedOutcomes)
	s.Organizers = b.parsePersons(nOrganizers, text(nOrganizers))
	s.Speakers = b.parsePersons(nSpeakers, text(nSpeakers))
	for k, one := range [3]struct {
		n   int
		dst **Person
	}{{nOnsiteModerator, &s.OnsiteModerator}, {nOnlineModerator, &s.OnlineModerator}, {nRapporteur, &s.Rapporteur}} {
		p.more[k] = nil
		if ps := b.parsePersons(one.n, text(one.n)); len(ps) > 0 {
			*one.dst, p.more[k] = &ps[0], ps[1:]
		}
	}
	s.SDGs = ParseSDGs(text(nSDGs))
	s.KeyTakeaways = text(nKeyTakeaways)
	s.CallToAction = text(nCallToAction)
	s.Report = text(nReport)
	s.Tags = splitList(text(nTags))
	s.Language = text(nLanguage)
	s.URL = text(nURL)
	s.Subtitle = text(nSubtitle)
	s.Abstract = text(nAbstract)
}

// session reads one data row.
func (b *Builder) session(r Row) *Session {
	b.prepare(r, &b.prep)
	return b.complete(r, &b.prep)
}

// complete finishes the session of a prepared row: the part that needs
// the rows before it, and what it adds to the programme.
func (b *Builder) complete(r Row, p *prepared) *Session {
	s, cells := p.s, &p.cells
	for i := range b.cols {
		col := &b.cols[i]
		if col.filled || i >= len(r.Cells) || trim(r.Cells[i]) == "" {
			continue
		}
		if col.unnamed && b.emitted {
			// Streaming left it out as empty: it is back, for the
			// output to tell that it came too late.
			b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, []string{col.header})
		}
		col.filled = true
	}
	for i := len(b.cols); i < len(r.Cells); i++ {
		if strings.TrimSpace(r.Cells[i]) != "" {
			b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, []string{"column " + ColumnName(i)})
		}
	}
	text := func(n int) string { return cells.v[n] }
	s.Type = b.memo(memoType, text(nType), func(v string) memoValue { return memoValue{s: b.canonical(vocab.Types(), v)} }).s
	f := b.memo(memoFormat, text(nFormat), func(v string) memoValue {
		format, minutes := SplitFormat(v)
		return memoValue{b.canonical(vocab.Formats(), format), minutes}
	})
	format, declared := f.s, f.n
	s.Format = format
	if v := text(nDeclaredMinutes); v != "" {
		if n, err := ParseMinutes(v); err == nil {
			declared = n
		} else {
			b.problem(s, RuleBadTime, FieldDeclaredMinutes, fmt.Sprintf("declared length %s", err), "write the length in minutes, e.g. 60")
			s.keepRaw(FieldDeclaredMinutes, v)
		}
	}
	s.DeclaredMinutes = declared
	if v := text(nParticipation); v != "" {
		b.participation(s, v)
	}
	if v := text(nGender); v != "" {
		genders(s, v)
	}
	for k, more := range p.more {
		if len(more) > 0 {
			b.morePersons(s, onePersonFields[k], more)
		}
	}
	for _, h := range p.hyg {
		b.prog.Problems = append(b.prog.Problems, Problem{
			Rule: RuleTextHygiene, Src: s.Src, Column: h.column, Session: strings.Clone(s.ID),
			Message: "the cell has " + strings.Join(h.issues, ", "), Hint: "retype or clean the cell",
		})
	}
	b.readTimes(s, cells)
	return s
}

// canonical is a type or format v in the IGF's vocabulary voc (WS is
// Workshop) when the programme is the IGF's. A programme checked with the
// generic profile keeps its own words: a conference's Workshops,
// Networking or Plenary are not the IGF's Workshop, Networking Session
// and Main Session.
func (b *Builder) canonical(voc *vocab.Vocabulary, v string) string {
	if b.prog.Profile == ProfileGeneric {
		return v
	}
	return voc.Canonical(v)
}

// timesOf reads the cells of a data row that place it in time
// (Options.TimesOnly).
func (b *Builder) timesOf(r Row) *Session {
	s, cells := b.startSession(r), &b.prep.cells
	cells.empty()
	for i, col := range b.cols {
		if col.time && i < len(r.Cells) {
			cells.v[col.num], cells.has[col.num] = trim(r.Cells[i]), true
		}
	}
	b.readTimes(s, cells)
	return s
}

// morePersons keeps the persons after the first in a cell that holds
// one person: the model has room for one moderator of each kind and one
// rapporteur, and the others are kept in an extra column rather than
// dropped.
func (b *Builder) morePersons(s *Session, f Field, more []Person) {
	name := string(f) + " (more)"
	s.Extra = append(s.Extra, Extra{Name: name, Value: FormatPersons(more)})
	b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, []string{name})
	b.problem(s, RuleExtraPerson, f, fmt.Sprintf("%s names %d persons; the first is the %s, the others are kept in the extra column %q", s.Column(f), len(more)+1, strings.ReplaceAll(string(f), "_", " "), name), "")
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

// participation applies a participation column to the speakers that do
// not say their own: one value for all, or one per speaker in order.
func (b *Builder) participation(s *Session, cell string) {
	vals := strings.FieldsFunc(cell, func(r rune) bool { return r == '\n' || r == ';' || r == ',' || r == '|' })
	for i, v := range vals {
		p := ParseParticipation(strings.TrimSpace(v))
		if p == "" {
			b.problem(s, RuleUnknownParticipation, FieldParticipation, fmt.Sprintf("participation %q is neither on-site nor online", strings.TrimSpace(v)), "write on-site or online")
			continue
		}
		for j := range s.Speakers {
			if (len(vals) == 1 || j == i) && s.Speakers[j].Participation == "" {
				s.Speakers[j].Participation = p
			}
		}
	}
}

// genders applies a gender column to the speakers that do not have one:
// one value for all, or one per speaker in order.
func genders(s *Session, cell string) {
	vals := strings.FieldsFunc(cell, func(r rune) bool { return r == '\n' || r == ';' || r == ',' || r == '|' })
	for i, v := range vals {
		g := ParseGender(v)
		for j := range s.Speakers {
			if (len(vals) == 1 || j == i) && s.Speakers[j].Gender == "" {
				s.Speakers[j].Gender = g
			}
		}
	}
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
