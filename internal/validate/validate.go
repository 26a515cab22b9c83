// Package validate checks a programme and returns every problem it finds,
// each pointing at the cell that has it. Cross-row rules sort and sweep, so
// a check stays O(n log n) however large the programme.
package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// Severity is how serious a finding is.
type Severity string

// Severities. Errors make `docket validate` exit 1.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one problem, located at a cell.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Sheet    string   `json:"sheet"`
	Row      int      `json:"row"`
	Line     int      `json:"-"` // text line, for annotations on a diff
	Column   string   `json:"column"`
	Session  string   `json:"session"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint"`
}

// Options adjusts which rules run and how severe they are.
type Options struct {
	Ignore []string // rules switched off
	Error  []string // rules raised to error
	Warn   []string // rules lowered to warning
	Strict bool     // every warning is an error
	// FirstDay and LastDay (YYYY-MM-DD) bound the event for outside-event;
	// empty takes the programme's own, if it has them.
	FirstDay, LastDay string
	// Constraints are the event's limits for the constraint rules
	// ([constraints] in docket.toml).
	Constraints Constraints
}

// Run checks p and returns the findings sorted by file, sheet, row and rule.
func Run(p *schedule.Programme, opts Options) []Finding {
	c := NewChecker(opts)
	for _, s := range p.Sessions {
		c.Add(p, s)
	}
	return c.Finish(p)
}

// Checker checks sessions as they come (Add), so that a programme can be
// validated while it streams: what the cross-row rules need is kept as
// compact keys, not whole sessions. Finish runs the cross-row rules.
type Checker struct {
	opts    Options
	out     []Finding
	badTime map[schedule.Source]bool    // rows with a time the reader could not read
	seen    map[*schedule.Programme]int // problems of each programme already taken

	refs    chunks[ref]      // one per session, in the order added
	ids     chunks[idKey]    // for duplicate-id
	rooms   chunks[interval] // for room-overlap
	persons chunks[interval] // for person-overlap, tight-change, person-overbooked
	names   []name           // who an interval is: a folded key and a spelling
	nameIDs map[string]int32
	keyIDs  map[string]int32
	rolesOf []schedule.Field
	files   map[string]int // sessions checked per file, for no-sessions

	// The constraint rules' (constraints.go): the per-session ones of each
	// profile, the organisations and themes of the cross-row ones.
	igfTypes, genericTypes                        *typeRules
	orgs, topics                                  chunks[interval]
	orgNames, themeNames, subthemeNames, tagNames dict

	missingCols map[sheetField][]Finding // row findings of fields without a column (columns.go)
	generic     bool                     // the session being checked is in a generic programme

	// For the rules of rooms and availability (resources.go).
	demands    chunks[demand]       // sessions' expected attendance and needs
	extraKinds map[string]extraKind // extra columns' headers, sorted out once
	zones      map[string]string    // sessions' zone names, copied once
	roomInfo   []schedule.RoomInfo  // from the programmes, taken at Finish
	windows    []schedule.Window
}

// name is one spelling of a person (or room) and the key it folds to,
// also as a number (spellings that fold alike share it); the many
// intervals of one person share it.
type name struct {
	key, spelling string
	keyID         int32
}

// intern returns the number of a spelling, adding it the first time.
func (c *Checker) intern(spelling string, fold func(string) string) int32 {
	if id, ok := c.nameIDs[spelling]; ok {
		return id
	}
	spelling = strings.Clone(spelling)
	id := int32(len(c.names))
	key := fold(spelling)
	kid, ok := c.keyIDs[key]
	if !ok {
		kid = int32(len(c.keyIDs))
		c.keyIDs[key] = kid
	}
	c.names = append(c.names, name{key, spelling, kid})
	c.nameIDs[spelling] = id
	return id
}

// role numbers a field, so that an interval keeps a byte, not a string.
func (c *Checker) role(f schedule.Field) uint8 {
	if i := slices.Index(c.rolesOf, f); i >= 0 {
		return uint8(i)
	}
	c.rolesOf = append(c.rolesOf, f)
	return uint8(len(c.rolesOf) - 1)
}

// ref is what a cross-row finding needs of a session. Its strings are
// copies: a session's text may be a slice of its whole row.
type ref struct {
	id, room string
	zone     string // the session's zone, "" for UTC
	src      schedule.Source
	cols     map[schedule.Field]string // shared by the sessions of a sheet
}

func (r *ref) column(f schedule.Field) string {
	if c, ok := r.cols[f]; ok {
		return c
	}
	return string(f)
}

type idKey struct {
	folded string
	ref    int
}

// NewChecker returns a Checker with the given options.
func NewChecker(opts Options) *Checker {
	return &Checker{opts: opts, badTime: map[schedule.Source]bool{}, seen: map[*schedule.Programme]int{}, nameIDs: map[string]int32{}, keyIDs: map[string]int32{}, files: map[string]int{},
		extraKinds: map[string]extraKind{}, zones: map[string]string{},
		igfTypes: newTypeRules(opts.Constraints, true), genericTypes: newTypeRules(opts.Constraints, false)}
}

// Add checks one session of p (the programme it is read into: its
// problems and days).
func (c *Checker) Add(p *schedule.Programme, s *schedule.Session) {
	c.problems(p)
	c.generic = p.Profile == schedule.ProfileGeneric
	c.addSession(s, p.FirstDay, p.LastDay)
}

// addSession checks one session; first and last are the programme's days.
func (c *Checker) addSession(s *schedule.Session, first, last string) {
	c.files[s.Src.File]++
	c.fields(s)
	if first, last := cmp.Or(c.opts.FirstDay, first), cmp.Or(c.opts.LastDay, last); first != "" || last != "" {
		c.outsideEvent(s, first, last)
	}
	i := c.refs.len()
	room := ""
	if s.Room != "" {
		room = c.names[c.intern(s.Room, vocab.Fold)].spelling
	}
	c.refs.add(ref{id: strings.Clone(s.ID), room: room, zone: c.zone(s.Timezone), src: s.Src, cols: s.Cols})
	if s.ID != "" {
		c.ids.add(idKey{strings.ToLower(s.ID), i})
	}
	c.demand(s, i, room)
	timed := s.Scheduled() && s.End.After(s.Start)
	// A person's sessions without a time count towards
	// max-sessions-per-person; they sort after the timed ones.
	overbook := c.opts.Constraints.MaxSessionsPerPerson > 0
	if !timed && !overbook && c.opts.Constraints.MaxSessionsPerOrganization <= 0 {
		return
	}
	start, end := int64(noTime), int64(noTime)
	if timed {
		start, end = s.Start.Unix(), s.End.Unix()
	}
	c.addConstraintKeys(s, int32(i), timed, start, end)
	if !timed && !overbook {
		return
	}
	if timed && s.Room != "" {
		who := c.intern(s.Room, vocab.Fold)
		c.rooms.add(interval{who: who, key: c.names[who].keyID, start: start, end: end, ref: int32(i), role: c.role(schedule.FieldRoom)})
	}
	var buf [8]string
	seen := buf[:0]
	for f, p := range s.Roles {
		if f == schedule.FieldOrganizers {
			continue // organizers need not attend (DESIGN.md: speaker, moderator, rapporteur)
		}
		who := c.intern(p.Name, schedule.PersonKey)
		k := c.names[who].key
		if k == "" || slices.Contains(seen, k) {
			continue // one person in two roles of one session is fine
		}
		seen = append(seen, k)
		c.persons.add(interval{who: who, key: c.names[who].keyID, start: start, end: end, ref: int32(i), role: c.role(f)})
	}
}

// problems takes the values p's reader could not read as findings.
func (c *Checker) problems(p *schedule.Programme) {
	c.addProblems(p.Problems[c.seen[p]:])
	c.seen[p] = len(p.Problems)
}

func (c *Checker) addProblems(ps []schedule.Problem) {
	for _, pr := range ps {
		c.add(pr.Rule, pr.Src, pr.Column, pr.Session, pr.Message, pr.Hint)
		if pr.Rule == schedule.RuleBadTime {
			c.badTime[pr.Src] = true
		}
	}
}

// Async checks sessions on a goroutine of its own, so that checking runs
// beside reading: Add hands a session over (with what it needs of its
// programme, taken at once since the reader goes on changing it), Finish
// waits for the checks and runs the cross-row rules.
type Async struct {
	c    *Checker
	seen map[*schedule.Programme]int
	cur  []asyncItem
	work chan []asyncItem
	done chan struct{}
}

type asyncItem struct {
	s           *schedule.Session
	problems    []schedule.Problem
	first, last string
	generic     bool
}

// Async returns an Async over c; use only the Async from then on.
func (c *Checker) Async() *Async {
	a := &Async{c: c, seen: map[*schedule.Programme]int{}, work: make(chan []asyncItem, 4), done: make(chan struct{})}
	go func() {
		defer close(a.done)
		for batch := range a.work {
			for _, it := range batch {
				c.addProblems(it.problems)
				c.generic = it.generic
				c.addSession(it.s, it.first, it.last)
			}
		}
	}()
	return a
}

// Add checks one session of p, soon.
func (a *Async) Add(p *schedule.Programme, s *schedule.Session) {
	var probs []schedule.Problem
	if n := a.seen[p]; n < len(p.Problems) {
		probs = slices.Clone(p.Problems[n:])
		a.seen[p] = len(p.Problems)
	}
	a.cur = append(a.cur, asyncItem{s, probs, p.FirstDay, p.LastDay, p.Profile == schedule.ProfileGeneric})
	if len(a.cur) == 256 {
		a.work <- a.cur
		a.cur = nil
	}
}

// Finish waits for the sessions added and returns every finding, as
// Checker.Finish does.
func (a *Async) Finish(ps ...*schedule.Programme) []Finding {
	if len(a.cur) > 0 {
		a.work <- a.cur
	}
	close(a.work)
	<-a.done
	for _, p := range ps {
		a.c.addProblems(p.Problems[a.seen[p]:])
		a.c.empty(p)
		a.c.columnFindings(p)
		a.c.resources(p)
	}
	return a.c.finish()
}

// Finish runs the cross-row rules and returns every finding, sorted. p's
// problems not yet taken (a Speakers sheet's, say) are taken now.
func (c *Checker) Finish(ps ...*schedule.Programme) []Finding {
	for _, p := range ps {
		c.problems(p)
		c.empty(p)
		c.columnFindings(p)
		c.resources(p)
	}
	return c.finish()
}

func (c *Checker) finish() []Finding {
	c.flushMissing()
	c.duplicateIDs()
	// flat hands the intervals over (and empties the chunks): once each.
	rooms, persons := c.rooms.flat(), c.persons.flat()
	c.roomFacts()
	c.unavailable(rooms, timedOnly(persons))
	c.roomOverlaps(c.unshared(rooms))
	c.personRules(persons)
	c.organizationOverbooked()
	c.parallelThemes()
	out := c.out[:0]
	for _, f := range c.out {
		if slices.Contains(c.opts.Ignore, f.Rule) {
			continue
		}
		if slices.Contains(c.opts.Warn, f.Rule) {
			f.Severity = Warning
		}
		if c.opts.Strict || slices.Contains(c.opts.Error, f.Rule) {
			f.Severity = Error
		}
		out = append(out, f)
	}
	Sort(out)
	return out
}

// Sort orders findings by file, sheet, row, rule, column and message.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Sheet, b.Sheet),
			cmp.Compare(a.Row, b.Row),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

func (c *Checker) add(rule string, src schedule.Source, column, session, msg, hint string) {
	if c.generic && igfRules[rule] {
		return
	}
	sev := Warning
	if r := Lookup(rule); r != nil {
		sev = r.Severity
	}
	c.out = append(c.out, Finding{
		Rule: rule, Severity: sev, File: src.File, Sheet: src.Sheet, Row: src.Row, Line: src.Line,
		Column: column, Session: strings.Clone(session), Message: msg, Hint: hint,
	})
}

func (c *Checker) at(s *schedule.Session, rule string, f schedule.Field, msg, hint string) {
	c.add(rule, s.Src, s.Column(f), s.ID, msg, hint)
}

// atPerson reports a finding about person p of field f: at the row of the
// person sheet that added p, in the column col names, when one did; at
// the session's row otherwise.
func (c *Checker) atPerson(s *schedule.Session, f schedule.Field, p *schedule.Person, col func(*schedule.PersonSheetColumns) string, rule, msg, hint string) {
	if j, ok := s.JoinedFrom(f, p); ok {
		column := col(j.Cols)
		if column == "" {
			column = j.Cols.Name
		}
		c.add(rule, j.Src, column, s.ID, msg, hint)
		return
	}
	c.at(s, rule, f, msg, hint)
}

func (c *Checker) atRef(r *ref, rule string, f schedule.Field, msg, hint string) {
	c.add(rule, r.src, r.column(f), r.id, msg, hint)
}

// fields runs the rules that look at one session at a time.
func (c *Checker) fields(s *schedule.Session) {
	{
		if s.ID == "" {
			c.required(s, schedule.FieldID, "the session has no id", "give every session a unique id, e.g. WS #12")
		}
		if s.Title == "" {
			c.required(s, schedule.FieldTitle, "the session has no title", "")
		}
		if !s.Scheduled() {
			if !c.badTime[s.Src] {
				c.required(s, schedule.FieldStart, "the session has no start time", "fill in date and start", schedule.FieldDate)
			}
		} else {
			if s.End.IsZero() && !c.badTime[s.Src] {
				c.required(s, schedule.FieldEnd, "the session has a start but no end", "fill in end (or a duration column)", schedule.FieldDuration)
			}
			if s.Room == "" {
				c.required(s, schedule.FieldRoom, "the session is scheduled but has no room", "")
			}
		}
		if s.Scheduled() && !s.End.IsZero() && !s.End.After(s.Start) {
			loc := s.Location()
			c.at(s, schedule.RuleEndBeforeStart, schedule.FieldEnd,
				fmt.Sprintf("end %s is not after start %s", s.End.In(loc).Format("15:04"), s.Start.In(loc).Format("15:04")),
				"check the end time; a session past midnight needs the end's date")
		} else if s.DeclaredMinutes > 0 && s.Minutes() > 0 && s.Minutes() != s.DeclaredMinutes {
			c.at(s, schedule.RuleDurationMismatch, schedule.FieldEnd,
				fmt.Sprintf("the session runs %d minutes but its format declares %d", s.Minutes(), s.DeclaredMinutes), "")
		}
		if s.Type != "" && vocab.Types().Get(s.Type) == nil {
			c.unknown(s, schedule.RuleUnknownType, schedule.FieldType, vocab.Types(), s.Type)
		}
		for _, t := range s.SDGs {
			if !vocab.IsSDGTarget(t) {
				c.at(s, schedule.RuleBadSDG, schedule.FieldSDGs, fmt.Sprintf("%q is not one of the 169 SDG targets", t), sdgHint(t))
			}
		}
		c.people(s)
		c.sessionConstraints(s)
		for f, p := range s.Roles {
			if p.Stakeholder != "" && vocab.Stakeholders().Get(p.Stakeholder) == nil {
				msg, hint := unknownValue(vocab.Stakeholders(), p.Stakeholder, p.Name)
				c.atPerson(s, f, p, func(h *schedule.PersonSheetColumns) string { return h.Stakeholder }, schedule.RuleUnknownStakeholder, msg, hint)
			}
			if p.Region != "" && vocab.Regions().Get(p.Region) == nil {
				msg, hint := unknownValue(vocab.Regions(), p.Region, p.Name)
				c.atPerson(s, f, p, func(h *schedule.PersonSheetColumns) string { return h.Region }, schedule.RuleUnknownRegion, msg, hint)
			}
		}
	}
}

// people runs the rules about a session's persons: emails, moderators and
// the balance of stakeholder groups among the speakers.
func (c *Checker) people(s *schedule.Session) {
	for f, p := range s.Roles {
		if p.Email == "" {
			continue
		}
		if msg := badEmail(p.Email); msg != "" {
			c.atPerson(s, f, p, func(h *schedule.PersonSheetColumns) string { return h.Email },
				schedule.RuleBadEmail, fmt.Sprintf("%s: %s", p.Name, msg), "ask for the address, or leave the email empty")
		}
	}
	if s.Scheduled() && s.OnsiteModerator == nil && s.OnlineModerator == nil && needsModerator(s) {
		c.at(s, schedule.RuleNoModerator, schedule.FieldOnsiteModerator, "the session has no on-site or online moderator", "name who moderates, or set rules.no-moderator to off")
	}
	if len(s.Speakers) >= 2 {
		group, same := "", true
		for _, p := range s.Speakers {
			st := p.Stakeholder
			if vocab.Stakeholders().Get(st) == nil {
				same = false // unknown or missing groups say nothing
				break
			}
			if group == "" {
				group = st
			} else if st != group {
				same = false
				break
			}
		}
		if same {
			c.at(s, schedule.RuleSingleStakeholder, schedule.FieldSpeakers,
				fmt.Sprintf("all %d speakers are from one stakeholder group (%s)", len(s.Speakers), group),
				"the IGF asks for speakers from several stakeholder groups")
		}
	}
}

// needsModerator: ceremonies and solo formats run without a moderator.
func needsModerator(s *schedule.Session) bool {
	switch s.Type {
	case "Opening Ceremony", "Closing Ceremony", "Lightning Talk", "Launch / Award":
		return false
	}
	return len(s.Speakers) != 1
}

// badEmail says what is wrong with an address, or "".
func badEmail(e string) string {
	if strings.EqualFold(strings.Join(strings.Fields(e), " "), "[email protected]") {
		return "\"[email protected]\" is the placeholder a web page shows for a hidden address, not an address"
	}
	at := strings.LastIndexByte(e, '@')
	if at <= 0 || at == len(e)-1 || strings.ContainsAny(e, " ,;<>()[]\"") || strings.Count(e, "@") != 1 {
		return fmt.Sprintf("%q is not an email address", e)
	}
	domain := e[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return fmt.Sprintf("%q has no valid domain after the @", e)
	}
	return ""
}

// outsideEvent reports a session before the first or after the last day
// of the event, the day read in the session's own zone.
func (c *Checker) outsideEvent(s *schedule.Session, first, last string) {
	if !s.Scheduled() {
		return
	}
	day := s.Start.In(s.Location()).Format("2006-01-02")
	if (first != "" && day < first) || (last != "" && day > last) {
		c.at(s, schedule.RuleOutsideEvent, schedule.FieldDate,
			fmt.Sprintf("the session is on %s, outside the event's days %s to %s", day, cmp.Or(first, "…"), cmp.Or(last, "…")),
			"check the date, or the event days (event.days)")
	}
}

// unknown reports a value outside a vocabulary, with the near miss as hint.
func (c *Checker) unknown(s *schedule.Session, rule string, f schedule.Field, v *vocab.Vocabulary, value string, who ...string) {
	msg, hint := unknownValue(v, value, who...)
	c.at(s, rule, f, msg, hint)
}

// unknownValue words a finding about a value v does not know, with the
// term it is closest to or the terms there are.
func unknownValue(v *vocab.Vocabulary, value string, who ...string) (msg, hint string) {
	msg = fmt.Sprintf("%q is not a known %s", value, v.Name)
	if len(who) > 0 {
		msg = fmt.Sprintf("%s: %s", who[0], msg)
	}
	if m := v.Lookup(value); m != nil {
		hint = fmt.Sprintf("did you mean %s?", m.Term.Name)
	} else {
		names := make([]string, len(v.Terms))
		for i, t := range v.Terms {
			names[i] = t.Name
		}
		hint = "known: " + strings.Join(names, ", ")
	}
	return msg, hint
}

// sdgHint lists the targets of the goal a bad code names.
func sdgHint(code string) string {
	goal, _, ok := strings.Cut(code, ".")
	if !ok {
		return "write targets as GOAL.TARGET, e.g. 9.1 or 16.a"
	}
	var targets []string
	for _, t := range vocab.SDGTargets().Terms {
		if g, _, _ := strings.Cut(t.Name, "."); g == goal {
			targets = append(targets, t.Name)
		}
	}
	if len(targets) == 0 {
		return "there are 17 goals"
	}
	return fmt.Sprintf("goal %s has targets %s to %s", goal, targets[0], targets[len(targets)-1])
}

// before reports whether a comes before b in the input.
func before(a, b *ref) bool {
	return cmp.Or(
		cmp.Compare(a.src.File, b.src.File),
		cmp.Compare(a.src.Sheet, b.src.Sheet),
		cmp.Compare(a.src.Row, b.src.Row),
	) < 0
}

// where names the row of other as seen from a finding on self: the file
// too when the two came from different files or sheets.
func where(other, self *ref) string {
	if other.src.Row == 0 {
		return "session " + other.id
	}
	row := fmt.Sprintf("row %d", other.src.Row)
	if other.src.Sheet != self.src.Sheet && other.src.Sheet != "" {
		row = fmt.Sprintf("sheet %s %s", other.src.Sheet, row)
	}
	if other.src.File != self.src.File {
		row = fmt.Sprintf("%s %s", other.src.File, row)
	}
	return row
}

func (c *Checker) duplicateIDs() {
	ids := c.ids.flat()
	slices.SortStableFunc(ids, func(a, b idKey) int { return cmp.Compare(a.folded, b.folded) })
	first := 0 // start of the run of equal ids
	for i := 1; i < len(ids); i++ {
		if ids[i].folded != ids[first].folded {
			first = i
			continue
		}
		// Every repeat points at the first use.
		r, f := c.refs.at(ids[i].ref), c.refs.at(ids[first].ref)
		c.atRef(r, schedule.RuleDuplicateID, schedule.FieldID, fmt.Sprintf("id %q is also used on %s", r.id, where(f, r)), "give every session its own id")
	}
}

// interval is a compact key for the overlap sweeps: no whole sessions are
// kept, only what the sweep compares and the finding names.
type interval struct {
	start, end int64 // Unix seconds
	key        int32 // the folded name's number: what the sweep groups by
	who        int32 // in Checker.names
	ref        int32 // in Checker.refs
	role       uint8 // in Checker.rolesOf
}

// sortIntervals sorts by key, then start, end and session: each key's
// intervals in a run, in order of start, those without a time (noTime)
// last.
func sortIntervals(iv []interval) {
	slices.SortFunc(iv, func(a, b interval) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.ref, b.ref))
	})
}

// eachGroup calls f with each run of intervals of equal key.
func eachGroup(iv []interval, f func(g []interval)) {
	for i := 0; i < len(iv); {
		j := i + 1
		for j < len(iv) && iv[j].key == iv[i].key {
			j++
		}
		f(iv[i:j])
		i = j
	}
}

// timedOnly returns the intervals of iv that have a time (in any order).
func timedOnly(iv []interval) []interval {
	out := iv[:0:0]
	for _, x := range iv {
		if x.start != noTime {
			out = append(out, x)
		}
	}
	return out
}

// timedPart returns the intervals of g (sorted) that have a time.
func timedPart(g []interval) []interval {
	n := len(g)
	for n > 0 && g[n-1].start == noTime {
		n--
	}
	return g[:n]
}

// sweep reports each pair of overlapping intervals of one key (g, sorted
// by start) once: an interval overlaps the one with the latest end seen
// so far.
func sweep(g []interval, report func(a, b interval)) {
	var open interval
	for i, x := range g {
		if i == 0 {
			open = x
			continue
		}
		if x.start < open.end && x.ref != open.ref {
			report(open, x)
		}
		if x.end > open.end {
			open = x
		}
	}
}

func (c *Checker) roomOverlaps(iv []interval) {
	sortIntervals(iv)
	eachGroup(iv, func(g []interval) { sweep(g, c.roomOverlap) })
}

func (c *Checker) roomOverlap(a, b interval) {
	first, second := c.refs.at(int(a.ref)), c.refs.at(int(b.ref))
	if before(second, first) {
		first, second = second, first
	}
	c.atRef(second, schedule.RuleRoomOverlap, schedule.FieldRoom,
		fmt.Sprintf("%s is booked by %s (%s) at the same time", second.room, first.id, where(first, second)),
		"move one session to another room or time")
}

// personRules runs the rules over each person's sessions: person-overlap,
// tight-change and person-overbooked.
func (c *Checker) personRules(iv []interval) {
	sortIntervals(iv)
	maxSessions := c.opts.Constraints.MaxSessionsPerPerson
	change := c.opts.Constraints.MinChangeMinutes > 0
	eachGroup(iv, func(g []interval) {
		timed := timedPart(g)
		sweep(timed, c.personOverlap)
		if change {
			c.tightChanges(timed)
		}
		if maxSessions > 0 && len(g) > maxSessions {
			c.personOverbooked(g, maxSessions)
		}
	})
}

func (c *Checker) personOverlap(a, b interval) {
	first, second := a, b
	if before(c.refs.at(int(second.ref)), c.refs.at(int(first.ref))) {
		first, second = second, first
	}
	fr, sr := c.refs.at(int(first.ref)), c.refs.at(int(second.ref))
	c.atRef(sr, schedule.RulePersonOverlap, c.rolesOf[second.role],
		fmt.Sprintf("%s is also in %s (%s), which overlaps", c.names[second.who].spelling, fr.id, where(fr, sr)),
		"one person cannot be in two sessions at once")
}

// empty reports a file that gave no session: a header alone, or rows
// that are all blank. A programme without sessions passes every other
// rule, which in CI would pass it unseen.
func (c *Checker) empty(p *schedule.Programme) {
	if len(p.Columns) == 0 {
		return
	}
	col := p.Columns[0]
	if c.files[col.File] > 0 {
		return
	}
	c.add(schedule.RuleNoSessions, schedule.Source{File: col.File, Sheet: col.Sheet, Row: col.HeaderRow}, "", "",
		"the programme has no sessions: there is a header but no row below it", "")
}

// igfRules are the rules of the igf profile: its vocabularies and norms,
// which a generic programme (a tech conference's) is not checked with.
var igfRules = map[string]bool{
	schedule.RuleUnknownType: true, schedule.RuleUnknownStakeholder: true, schedule.RuleUnknownRegion: true,
	schedule.RuleBadSDG: true, schedule.RuleNoModerator: true, schedule.RuleSingleStakeholder: true,
}
