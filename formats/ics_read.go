package formats

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// Reading iCalendar (RFC 5545) makes a calendar a programme: one session
// per VEVENT, as calendar apps, Google Calendar, Outlook, pretalx and
// docket itself write them. The reader is lenient where real files are
// (LF line ends, TZIDs that are no IANA names, floating times) and strict
// where guessing would be wrong: a repeating event is refused, since a
// programme is a list of single sessions.
//
// A session's "row" in findings is the event's position in the file and
// its line the line its BEGIN:VEVENT is on.

// icsMaxDepth is how deeply components may nest: VCALENDAR, VEVENT,
// VALARM is three; a deeper file is no calendar.
const icsMaxDepth = 32

// icsExtraUID is the extra column that keeps an event's whole UID.
const icsExtraUID = "uid"

// icsParam is a property parameter: TZID=Europe/Berlin, VALUE=DATE.
type icsParam struct {
	name   string
	values []string
}

// icsProp is one content line: NAME;PARAM=V:VALUE.
type icsProp struct {
	name   string
	params []icsParam
	value  string
	line   int
}

func (p *icsProp) param(name string) string {
	for _, q := range p.params {
		if q.name == name && len(q.values) > 0 {
			return q.values[0]
		}
	}
	return ""
}

// icsEvent is a VEVENT's properties as read, resolved once the whole file
// (and every VTIMEZONE, which may come after the events) is read.
type icsEvent struct {
	n, line    int // position among the events, line of BEGIN:VEVENT
	props      map[string]*icsProp
	categories []string
}

// icsObservance is a STANDARD or DAYLIGHT part of a VTIMEZONE.
type icsObservance struct {
	daylight bool
	start    string // DTSTART, local time
	to       int    // TZOFFSETTO, seconds east of UTC
	toSet    bool
	rrule    string
}

// icsZone is a VTIMEZONE.
type icsZone struct {
	tzid     string
	location string // X-LIC-LOCATION (Thunderbird, Evolution)
	obs      []icsObservance
}

// icsScanner reads unfolded content lines within the limits.
type icsScanner struct {
	r     *bufio.Reader
	l     Limits
	line  int    // physical lines read
	start int    // the line the last logical line started on
	buf   []byte // the logical line being read
	phys  []byte // a physical line longer than the bufio buffer
}

// physical reads one physical line without its line end; io.EOF when no
// more. The logical line so far (buf) counts against the row limit.
func (sc *icsScanner) physical(sofar int) ([]byte, error) {
	line, err := sc.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		sc.phys = append(sc.phys[:0], line...)
		for err == bufio.ErrBufferFull {
			if sofar+len(sc.phys) > sc.l.RowBytes() {
				e := sc.l.Row(fmt.Sprintf("line %d", sc.line+1))
				e.What = "line's text"
				return nil, e
			}
			line, err = sc.r.ReadSlice('\n')
			sc.phys = append(sc.phys, line...)
		}
		line = sc.phys
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	if len(line) == 0 && err == io.EOF {
		return nil, io.EOF
	}
	sc.line++
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if sofar+len(line) > sc.l.RowBytes() {
		e := sc.l.Row(fmt.Sprintf("line %d", sc.line))
		e.What = "line's text"
		return nil, e
	}
	return line, nil
}

// next returns the next logical line, unfolded (a line starting with a
// space or a tab continues the one before, less that character), or
// io.EOF. Blank lines are passed over.
func (sc *icsScanner) next() ([]byte, error) {
	for {
		line, err := sc.physical(0)
		if err != nil {
			return nil, err
		}
		if len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			continue // a continuation of nothing (after a blank line)
		}
		sc.start = sc.line
		sc.buf = append(sc.buf[:0], line...)
		for {
			b, err := sc.r.Peek(1)
			if err != nil || (b[0] != ' ' && b[0] != '\t') {
				break
			}
			more, err := sc.physical(len(sc.buf))
			if err != nil {
				return nil, err
			}
			sc.buf = append(sc.buf, more[1:]...)
		}
		if len(bytes.TrimSpace(sc.buf)) == 0 {
			continue
		}
		return sc.buf, nil
	}
}

// parseICSLine splits a content line into its name, parameters and value.
// Names are upper-cased; a vCard-style group prefix ("item1.") is dropped.
// ok is false for a line with no colon, which is passed over.
func parseICSLine(b []byte) (name string, params []icsParam, value []byte, ok bool) {
	i := bytes.IndexAny(b, ";:")
	if i < 0 {
		return "", nil, nil, false
	}
	name = strings.ToUpper(strings.TrimSpace(string(b[:i])))
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
		name = name[dot+1:]
	}
	rest := b[i:]
	for len(rest) > 0 && rest[0] == ';' {
		rest = rest[1:]
		eq := bytes.IndexAny(rest, "=;:")
		if eq < 0 {
			return "", nil, nil, false
		}
		p := icsParam{name: strings.ToUpper(strings.TrimSpace(string(rest[:eq])))}
		if rest[eq] != '=' { // a parameter without a value
			rest = rest[eq:]
			params = append(params, p)
			continue
		}
		rest = rest[eq+1:]
		for {
			var v []byte
			if len(rest) > 0 && rest[0] == '"' {
				end := bytes.IndexByte(rest[1:], '"')
				if end < 0 {
					return "", nil, nil, false
				}
				v, rest = rest[1:1+end], rest[2+end:]
			} else {
				end := bytes.IndexAny(rest, ",;:")
				if end < 0 {
					return "", nil, nil, false
				}
				v, rest = rest[:end], rest[end:]
			}
			if len(p.values) < 16 {
				p.values = append(p.values, string(v))
			}
			if len(rest) == 0 || rest[0] != ',' {
				break
			}
			rest = rest[1:]
		}
		if len(params) < 16 {
			params = append(params, p)
		}
	}
	if len(rest) == 0 || rest[0] != ':' {
		return "", nil, nil, false
	}
	return name, params, rest[1:], true
}

// icsUnescape reads a TEXT value: \\ \; \, \n \N. Another escaped
// character is kept with its backslash.
func icsUnescape(v string) string {
	if !strings.Contains(v, `\`) {
		return v
	}
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c != '\\' || i+1 == len(v) {
			b.WriteByte(c)
			continue
		}
		i++
		switch v[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ';', ',', '"', ':':
			b.WriteByte(v[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(v[i])
		}
	}
	return b.String()
}

// icsSplitList splits a list value (CATEGORIES) at its unescaped commas
// and unescapes each item.
func icsSplitList(v string) []string {
	var out []string
	start := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case ',':
			out = append(out, icsUnescape(v[start:i]))
			start = i + 1
		}
	}
	return append(out, icsUnescape(v[start:]))
}

// icsKept are the event properties the reader keeps (the first of each).
var icsKept = map[string]bool{
	"UID": true, "SUMMARY": true, "DESCRIPTION": true, "LOCATION": true, "URL": true,
	"DTSTART": true, "DTEND": true, "DURATION": true, "RRULE": true, "RDATE": true,
	"RECURRENCE-ID": true, "STATUS": true, "SEQUENCE": true, "LAST-MODIFIED": true,
}

// The extra fields an event's revision keeps, when it has one: what an
// export with --previous continues from (a calendar updates an event
// whose SEQUENCE rose, and drops one CANCELLED).
const (
	icsExtraSequence     = "sequence"
	icsExtraLastModified = "last_modified"
	icsExtraStatus       = "status"
)

// icsFile is what the scan of a file gathers.
type icsFile struct {
	name, zone, prodid string
	events             []*icsEvent
	zones              map[string]*icsZone
	calendars          int
	invalidUTF8        bool
}

func readICS(in Input, opts ReadOptions) (*schedule.Programme, error) {
	rc, err := open(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer rc.Close()
	fail := func(err error) (*schedule.Programme, error) {
		return nil, &InputError{File: in.Name, Err: err}
	}
	cal, err := scanICS(rc, opts)
	if err != nil {
		return fail(err)
	}
	if cal.calendars == 0 {
		return fail(errors.New("this is not an iCalendar file: there is no BEGIN:VCALENDAR"))
	}
	if len(cal.events) == 0 {
		return fail(errors.New("the calendar has no events (VEVENT): there is no session to read"))
	}
	for _, ev := range cal.events {
		if err := refuseRepeats(ev); err != nil {
			return fail(err)
		}
	}
	prog := &schedule.Programme{Name: cal.name}
	if opts.FirstDay != "" {
		prog.FirstDay, prog.LastDay = opts.FirstDay, cmp.Or(opts.LastDay, opts.FirstDay)
	}
	r := icsResolver{in: in, opts: opts, cal: cal, prog: prog, zoneNotes: map[string]bool{}}
	if err := r.defaultZone(); err != nil {
		return fail(err)
	}
	docket := strings.Contains(strings.ToLower(cal.prodid), "//docket//")
	pretalx := strings.Contains(strings.ToLower(cal.prodid), "pretalx")
	for _, ev := range cal.events {
		s := r.session(ev, docket, pretalx)
		prog.Sessions = append(prog.Sessions, s)
		if opts.Progress != nil && len(prog.Sessions)%progressEvery == 0 {
			opts.Progress(len(prog.Sessions))
		}
	}
	prog.ExtraColumns = append(prog.ExtraColumns, icsExtraUID)
	for _, name := range []string{icsExtraSequence, icsExtraLastModified, icsExtraStatus} {
		for _, s := range prog.Sessions {
			if s.ExtraValue(name) != "" {
				prog.ExtraColumns = append(prog.ExtraColumns, name)
				break
			}
		}
	}
	if r.floating > 0 {
		prog.Warnings = append(prog.Warnings, fmt.Sprintf(
			"%s: %d %s times without a zone (floating), read as UTC: give the programme's zone with event.timezone (e.g. Europe/Berlin)",
			in.Name, r.floating, icsPlural(r.floating, "event has", "events have")))
	}
	if cal.invalidUTF8 {
		prog.Warnings = append(prog.Warnings, in.Name+": the calendar is not valid UTF-8, as iCalendar must be: the bytes that are not were replaced with U+FFFD")
	}
	prog.Profile = opts.Profile
	if prog.Profile == "" {
		prog.Profile = schedule.ProfileGeneric
		for _, s := range prog.Sessions {
			if s.Type != "" && vocab.Types().Get(s.Type) != nil {
				prog.Profile = schedule.ProfileIGF
				prog.Notes = append(prog.Notes, fmt.Sprintf("%s: checked with the igf profile (its vocabularies and norms): event %d's category %q is an IGF session type", in.Name, s.Src.Row, s.Type))
				break
			}
		}
	}
	prog.Timezone = opts.Timezone
	if prog.Timezone == "" {
		prog.Timezone = schedule.CommonZone(prog.Sessions)
	}
	return prog, nil
}

// icsPlural is one or many by n.
func icsPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// scanICS reads the file's components: the calendar's name and zone, its
// events and its time zones.
func scanICS(r io.Reader, opts ReadOptions) (*icsFile, error) {
	l := opts.Limits.WithDefaults()
	sc := &icsScanner{r: bufio.NewReaderSize(r, 64<<10), l: l}
	cal := &icsFile{zones: map[string]*icsZone{}}
	var stack []string // open components, outermost first
	var ev *icsEvent
	var zone *icsZone
	var obs *icsObservance
	first := true
	for {
		raw, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if first {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
			first = false
		}
		if !utf8.Valid(raw) {
			cal.invalidUTF8 = true
			raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
		}
		name, params, value, ok := parseICSLine(raw)
		if !ok {
			continue
		}
		where := func() string { return fmt.Sprintf("line %d (%s)", sc.start, name) }
		top := ""
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch name {
		case "BEGIN":
			comp := strings.ToUpper(strings.TrimSpace(string(value)))
			if len(stack) == 0 && comp != "VCALENDAR" {
				return nil, fmt.Errorf("line %d: the calendar starts with BEGIN:%s, not BEGIN:VCALENDAR: it is no iCalendar file", sc.start, comp)
			}
			if len(stack) >= icsMaxDepth {
				return nil, fmt.Errorf("line %d: the components nest deeper than %d levels: it is no calendar", sc.start, icsMaxDepth)
			}
			switch {
			case comp == "VCALENDAR" && len(stack) == 0:
				cal.calendars++
			case comp == "VEVENT" && top == "VCALENDAR":
				ev = &icsEvent{n: len(cal.events) + 1, line: sc.start, props: map[string]*icsProp{}}
			case comp == "VTIMEZONE" && top == "VCALENDAR":
				zone = &icsZone{}
			case (comp == "STANDARD" || comp == "DAYLIGHT") && top == "VTIMEZONE" && zone != nil:
				if len(zone.obs) < 64 {
					zone.obs = append(zone.obs, icsObservance{daylight: comp == "DAYLIGHT"})
					obs = &zone.obs[len(zone.obs)-1]
				}
			}
			stack = append(stack, comp)
			continue
		case "END":
			comp := strings.ToUpper(strings.TrimSpace(string(value)))
			// An END that closes no open component is passed over; one
			// that closes an outer component closes the inner ones too.
			at := -1
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == comp {
					at = i
					break
				}
			}
			if at < 0 {
				continue
			}
			for i := len(stack) - 1; i >= at; i-- {
				switch stack[i] {
				case "VEVENT":
					if ev != nil && i == 1 {
						cal.events = append(cal.events, ev)
						ev = nil
					}
				case "VTIMEZONE":
					if zone != nil && i == 1 {
						if zone.tzid != "" && len(cal.zones) < l.Columns {
							cal.zones[zone.tzid] = zone
						}
						zone = nil
					}
				case "STANDARD", "DAYLIGHT":
					obs = nil
				}
			}
			stack = stack[:at]
			continue
		}
		switch {
		case top == "VCALENDAR" && len(stack) == 1:
			switch name {
			case "X-WR-CALNAME", "PRODID", "X-WR-TIMEZONE":
				if len(value) > l.CellBytes {
					return nil, l.Cell(where(), len(value))
				}
				v := strings.TrimSpace(icsUnescape(string(value)))
				switch {
				case name == "X-WR-CALNAME" && cal.name == "":
					cal.name = v
				case name == "PRODID" && cal.prodid == "":
					cal.prodid = v
				case name == "X-WR-TIMEZONE" && cal.zone == "":
					cal.zone = v
				}
			}
		case top == "VEVENT" && ev != nil:
			if name == "CATEGORIES" {
				if len(value) > l.CellBytes {
					return nil, l.Cell(where(), len(value))
				}
				for _, c := range icsSplitList(string(value)) {
					if c = strings.TrimSpace(c); c != "" {
						if len(ev.categories) >= l.Columns {
							e := l.TooManyColumns(where(), 0)
							e.What = "event's number of categories"
							return nil, e
						}
						ev.categories = append(ev.categories, c)
					}
				}
				continue
			}
			if !icsKept[name] || ev.props[name] != nil {
				continue
			}
			if len(value) > l.CellBytes {
				return nil, l.Cell(where(), len(value))
			}
			ev.props[name] = &icsProp{name: name, params: params, value: string(value), line: sc.start}
		case top == "VTIMEZONE" && zone != nil:
			if len(value) > l.CellBytes {
				continue // no zone name is that long: the zone is not kept
			}
			switch name {
			case "TZID":
				zone.tzid = strings.TrimSpace(string(value))
			case "X-LIC-LOCATION":
				zone.location = strings.TrimSpace(string(value))
			}
		case (top == "STANDARD" || top == "DAYLIGHT") && obs != nil:
			if len(value) > l.CellBytes {
				continue
			}
			v := strings.TrimSpace(string(value))
			switch name {
			case "DTSTART":
				obs.start = v
			case "TZOFFSETTO":
				obs.to, obs.toSet = parseICSOffset(v)
			case "RRULE":
				obs.rrule = v
			}
		}
	}
	if ev != nil {
		return nil, fmt.Errorf("the calendar ends inside event %d (BEGIN:VEVENT on line %d has no END:VEVENT): is the file cut short?", ev.n, ev.line)
	}
	return cal, nil
}

// parseICSOffset reads a UTC offset: +0100, -0530, +013000.
func parseICSOffset(v string) (int, bool) {
	if len(v) != 5 && len(v) != 7 || (v[0] != '+' && v[0] != '-') {
		return 0, false
	}
	n := 0
	for i, part := range []string{v[1:3], v[3:5], v[5:]} {
		if part == "" {
			continue
		}
		x, err := strconv.Atoi(part)
		if err != nil || x < 0 || x > 59 {
			return 0, false
		}
		n += x * []int{3600, 60, 1}[i]
	}
	if v[0] == '-' {
		n = -n
	}
	return n, true
}

// refuseRepeats refuses a repeating event: a programme is single
// sessions, and expanding a series would guess at what the app shows.
func refuseRepeats(ev *icsEvent) error {
	for _, name := range []string{"RRULE", "RDATE"} {
		p := ev.props[name]
		if p == nil {
			continue
		}
		what := fmt.Sprintf("event %d", ev.n)
		if s := ev.props["SUMMARY"]; s != nil && strings.TrimSpace(s.value) != "" {
			what = fmt.Sprintf("event %q", icsClip(strings.TrimSpace(icsUnescape(s.value)), 80))
		}
		return fmt.Errorf("%s (line %d) repeats (%s:%s): docket reads programmes of single sessions; expand the series in your calendar app (or delete the repeat) and export again",
			what, p.line, name, icsClip(p.value, 80))
	}
	return nil
}

// icsClip shortens s to at most n bytes for a message, on a rune boundary.
func icsClip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// icsResolver turns events into sessions.
type icsResolver struct {
	in        Input
	opts      ReadOptions
	cal       *icsFile
	prog      *schedule.Programme
	loc       *time.Location // for UTC and floating times
	zoneName  string         // its IANA name, "" when floating times have no zone
	floating  int            // events with floating times read as UTC
	zoneNotes map[string]bool
}

// defaultZone settles the zone of UTC and floating times: the option, else
// the calendar's X-WR-TIMEZONE, else UTC.
func (r *icsResolver) defaultZone() error {
	r.loc = time.UTC
	if r.opts.Timezone != "" {
		l, err := schedule.LoadLocation(r.opts.Timezone)
		if err != nil {
			return err
		}
		r.loc, r.zoneName = l, r.opts.Timezone
		return nil
	}
	if z := r.cal.zone; z != "" {
		if loc, name, _ := r.knownZone(z); loc != nil {
			r.loc, r.zoneName = loc, name
			return nil
		}
		r.prog.Warnings = append(r.prog.Warnings, fmt.Sprintf("%s: the calendar's zone X-WR-TIMEZONE:%s is no time zone docket knows: times without a zone are read as UTC", r.in.Name, icsClip(z, 80)))
		return nil
	}
	// The one zone the calendar's other times name (Outlook writes an
	// all-day event's dates without a zone beside TZID times).
	seen := map[string]bool{}
	var name string
	var loc *time.Location
	for _, ev := range r.cal.events {
		for _, p := range []*icsProp{ev.props["DTSTART"], ev.props["DTEND"]} {
			if p == nil || p.param("TZID") == "" || seen[p.param("TZID")] {
				continue
			}
			seen[p.param("TZID")] = true
			l, n, _ := r.knownZone(p.param("TZID"))
			if l == nil || (name != "" && n != name) {
				return nil // none, or more than one: UTC
			}
			loc, name = l, n
		}
	}
	if loc != nil {
		r.loc, r.zoneName = loc, name
		r.prog.Notes = append(r.prog.Notes, fmt.Sprintf("%s: times without a zone (all-day dates, floating times) were read in %s, the zone of the calendar's other times", r.in.Name, name))
	}
	return nil
}

// knownZone finds the IANA zone a TZID names: itself, the name inside a
// prefixed one (/citadel.org/20070101_1/Europe/Berlin), or a Windows zone
// name (W. Europe Standard Time). how says which, "" when the TZID is the
// IANA name.
func (r *icsResolver) knownZone(tzid string) (*time.Location, string, string) {
	tzid = strings.Trim(strings.TrimSpace(tzid), `"`)
	if loc, err := schedule.LoadLocation(tzid); err == nil {
		return loc, tzid, ""
	}
	if name, ok := windowsZones[strings.ToLower(tzid)]; ok {
		if loc, err := schedule.LoadLocation(name); err == nil {
			return loc, name, "the Windows zone name"
		}
	}
	// The IANA name inside a longer id: its last two or three parts.
	parts := strings.Split(tzid, "/")
	for _, n := range []int{3, 2} {
		if len(parts) > n {
			name := strings.Join(parts[len(parts)-n:], "/")
			if loc, err := schedule.LoadLocation(name); err == nil {
				return loc, name, "the zone named in it"
			}
		}
	}
	if z := r.cal.zones[tzid]; z != nil && z.location != "" {
		if loc, err := schedule.LoadLocation(z.location); err == nil {
			return loc, z.location, "its VTIMEZONE's X-LIC-LOCATION"
		}
	}
	return nil, "", ""
}

// icsTimeOf is a resolved DTSTART, DTEND or RECURRENCE-ID.
type icsTimeOf struct {
	t       time.Time
	date    bool // VALUE=DATE
	zone    string
	hasZone bool // UTC or a TZID: not floating
}

// parseTime reads a DATE or DATE-TIME property in its zone. ok is false
// (with a problem added) when it cannot be read.
func (r *icsResolver) parseTime(p *icsProp, s *schedule.Session) (icsTimeOf, bool) {
	v := strings.ToUpper(strings.TrimSpace(p.value))
	// Lenient: 2026-04-09T09:00:00Z as some tools write it.
	if len(v) > 8 && strings.ContainsAny(v, "-:") {
		v = strings.NewReplacer("-", "", ":", "").Replace(v)
	}
	bad := func(why string) (icsTimeOf, bool) {
		r.problem(s, p.name, fmt.Sprintf("%s %q %s", p.name, icsClip(p.value, 60), why))
		return icsTimeOf{}, false
	}
	date := strings.EqualFold(p.param("VALUE"), "DATE") || len(v) == 8
	if date {
		d, err := time.ParseInLocation("20060102", v[:min(len(v), 8)], time.UTC)
		if err != nil || len(v) != 8 {
			return bad("is not a date such as 20261014")
		}
		return icsTimeOf{t: d, date: true}, true
	}
	utc := strings.HasSuffix(v, "Z")
	v = strings.TrimSuffix(v, "Z")
	if i := strings.IndexByte(v, '.'); i > 0 { // fractions of a second
		v = v[:i]
	}
	local, err := time.ParseInLocation("20060102T150405", v, time.UTC)
	if err != nil {
		if local, err = time.ParseInLocation("20060102T1504", v, time.UTC); err != nil {
			return bad("is not a time such as 20261014T090000 or 20261014T070000Z")
		}
	}
	if utc {
		return icsTimeOf{t: local, zone: "UTC", hasZone: true}, true
	}
	if tzid := p.param("TZID"); tzid != "" {
		if t, zone, ok := r.inZone(local, tzid, p, s); ok {
			return icsTimeOf{t: t, zone: zone, hasZone: true}, true
		}
		// Unknown: read as floating (the problem says so).
	}
	return icsTimeOf{t: wallIn(local, r.loc), zone: r.zoneName}, true
}

// parseICSDuration reads a DURATION: P1D, PT1H30M, P1W, -PT15M.
func parseICSDuration(v string) (time.Duration, bool) {
	v = strings.ToUpper(strings.TrimSpace(v))
	neg := strings.HasPrefix(v, "-")
	v = strings.TrimLeft(v, "+-")
	if !strings.HasPrefix(v, "P") || len(v) < 3 {
		return 0, false
	}
	v = v[1:]
	var d time.Duration
	inTime, num, digits := false, 0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			if num > 1_000_000 {
				return 0, false
			}
			num, digits = num*10+int(c-'0'), true
			continue
		case c == 'T' && !inTime && !digits:
			inTime = true
			continue
		}
		if !digits {
			return 0, false
		}
		unit := map[byte]time.Duration{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour}
		if inTime {
			unit = map[byte]time.Duration{'H': time.Hour, 'M': time.Minute, 'S': time.Second}
		}
		u, ok := unit[c]
		if !ok {
			return 0, false
		}
		d += time.Duration(num) * u
		num, digits = 0, false
	}
	if digits {
		return 0, false
	}
	if neg {
		d = -d
	}
	return d, true
}

func (r *icsResolver) problem(s *schedule.Session, column, msg string) {
	r.prog.Problems = append(r.prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: s.Src, Column: column, Session: s.ID, Message: msg})
}

// text is a TEXT property's value, unescaped and trimmed.
func (ev *icsEvent) text(name string) string {
	p := ev.props[name]
	if p == nil {
		return ""
	}
	return strings.TrimSpace(icsUnescape(p.value))
}

// session makes the event a session.
func (r *icsResolver) session(ev *icsEvent, docket, pretalx bool) *schedule.Session {
	s := &schedule.Session{
		Title:       ev.text("SUMMARY"),
		Description: ev.text("DESCRIPTION"),
		Room:        ev.text("LOCATION"),
		Src:         schedule.Source{File: r.in.Name, Row: ev.n, Line: ev.line},
	}
	uid := ev.text("UID")
	s.ID = uid
	if at := strings.LastIndexByte(uid, '@'); at > 0 {
		s.ID = uid[:at]
	}
	if u := ev.props["URL"]; u != nil {
		s.URL = strings.TrimSpace(u.value)
	}
	s.Extra = append(s.Extra, schedule.Extra{Name: icsExtraUID, Value: uid})
	if v := ev.text("SEQUENCE"); v != "" && v != "0" {
		s.Extra = append(s.Extra, schedule.Extra{Name: icsExtraSequence, Value: v})
	}
	if v := ev.text("LAST-MODIFIED"); v != "" {
		s.Extra = append(s.Extra, schedule.Extra{Name: icsExtraLastModified, Value: v})
	}
	if v := strings.ToUpper(ev.text("STATUS")); v != "" && v != "CONFIRMED" {
		s.Extra = append(s.Extra, schedule.Extra{Name: icsExtraStatus, Value: v})
	}
	switch {
	case docket && strings.HasSuffix(uid, "@docket"):
		r.docketSession(s, strings.TrimSuffix(uid, "@docket"), ev)
	case pretalx:
		// pretalx: UID pretalx-<event>-<CODE>@host, SUMMARY "Title - Speakers".
		if strings.HasPrefix(s.ID, "pretalx-") {
			if i := strings.LastIndexByte(s.ID, '-'); i > len("pretalx") {
				s.ID = s.ID[i+1:]
			}
		}
		if i := strings.LastIndex(s.Title, " - "); i > 0 {
			for name := range strings.SplitSeq(s.Title[i+3:], ", ") {
				if name = strings.TrimSpace(name); name != "" {
					s.Speakers = append(s.Speakers, schedule.Person{Name: name})
				}
			}
			s.Title = strings.TrimSpace(s.Title[:i])
		} else {
			s.Title = strings.TrimSpace(strings.TrimSuffix(s.Title, " -"))
		}
		fallthrough
	default:
		if len(ev.categories) > 0 {
			s.Type = ev.categories[0]
			s.Tags = append(s.Tags, ev.categories[1:]...)
		}
	}
	r.times(s, ev)
	return s
}

// docketSession undoes what docket's writer does: SUMMARY is "ID: Title"
// when the session has an id, CATEGORIES are its type and theme, and the
// description is followed by the persons, format and outcomes, which are
// read back into their fields as the feeds' are (undoDocketDescription).
func (r *icsResolver) docketSession(s *schedule.Session, guid string, ev *icsEvent) {
	s.ID = ""
	acronym := feed.Acronym("", feed.Title(&schedule.Programme{Name: r.cal.name}, ""))
	summary := s.Title
	switch {
	case feed.SessionGUID(acronym, &schedule.Session{}) == guid:
		// A session without an id: the summary is its title.
	default:
		if id, title, ok := strings.Cut(summary, ": "); ok {
			s.ID, s.Title = id, title
		}
	}
	switch len(ev.categories) {
	case 0:
	case 2:
		s.Type, s.Theme = ev.categories[0], ev.categories[1]
	default:
		s.Type = ev.categories[0]
		s.Tags = append(s.Tags, ev.categories[1:]...)
	}
	undoDocketDescription(s)
}

// times sets the session's start, end and zone from DTSTART and DTEND or
// DURATION.
func (r *icsResolver) times(s *schedule.Session, ev *icsEvent) {
	s.Timezone = cmp.Or(r.zoneName, "UTC")
	ps := ev.props["DTSTART"]
	if ps == nil {
		if ev.props["DTEND"] != nil || ev.props["DURATION"] != nil {
			r.problem(s, "DTSTART", "the event has an end but no start (DTSTART)")
		}
		return
	}
	start, ok := r.parseTime(ps, s)
	if !ok {
		return
	}
	if !start.hasZone && r.zoneName == "" && r.opts.Timezone == "" {
		r.floating++
	}
	loc := r.loc
	if start.hasZone && start.zone != "" {
		if l, err := schedule.LoadLocation(start.zone); err == nil {
			loc, s.Timezone = l, start.zone
		}
	}
	if start.zone == "UTC" {
		// A UTC time is shown in the programme's zone.
		loc, s.Timezone = r.loc, cmp.Or(r.zoneName, "UTC")
	}
	if start.date {
		s.Start = wallIn(start.t, loc)
	} else {
		s.Start = start.t.In(loc)
	}
	switch {
	case ev.props["DTEND"] != nil:
		end, ok := r.parseTime(ev.props["DTEND"], s)
		if !ok {
			return
		}
		if end.date {
			s.End = wallIn(end.t, loc)
		} else {
			s.End = end.t.In(loc)
		}
	case ev.props["DURATION"] != nil:
		p := ev.props["DURATION"]
		d, ok := parseICSDuration(p.value)
		if !ok || d < 0 {
			r.problem(s, "DURATION", fmt.Sprintf("DURATION %q is not a length such as PT1H30M or P1D", icsClip(p.value, 60)))
			return
		}
		if start.date && d%(24*time.Hour) == 0 {
			// Days of a date are calendar days, whatever the clock does.
			s.End = s.Start.AddDate(0, 0, int(d/(24*time.Hour)))
		} else {
			s.End = s.Start.Add(d)
		}
	case start.date:
		// RFC 5545: an all-day event without an end lasts the day.
		s.End = s.Start.AddDate(0, 0, 1)
	}
}
