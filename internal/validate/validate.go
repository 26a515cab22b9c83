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
	Strict bool     // every warning is an error
	// FirstDay and LastDay (YYYY-MM-DD) bound the event for outside-event;
	// empty takes the programme's own, if it has them.
	FirstDay, LastDay string
}

// Run checks p and returns the findings sorted by file, sheet, row and rule.
func Run(p *schedule.Programme, opts Options) []Finding {
	c := &checker{p: p, badTime: map[schedule.Source]bool{}}
	for _, pr := range p.Problems {
		c.add(pr.Rule, pr.Src, pr.Column, pr.Session, pr.Message, pr.Hint)
		if pr.Rule == "bad-time" {
			c.badTime[pr.Src] = true
		}
	}
	c.fields()
	c.outsideEvent(cmp.Or(opts.FirstDay, p.FirstDay), cmp.Or(opts.LastDay, p.LastDay))
	c.duplicateIDs()
	c.roomOverlaps()
	c.personOverlaps()
	out := c.out[:0]
	for _, f := range c.out {
		if slices.Contains(opts.Ignore, f.Rule) {
			continue
		}
		if opts.Strict || slices.Contains(opts.Error, f.Rule) {
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

type checker struct {
	p       *schedule.Programme
	out     []Finding
	badTime map[schedule.Source]bool // rows with a time the reader could not read
}

func (c *checker) add(rule string, src schedule.Source, column, session, msg, hint string) {
	sev := Warning
	if r := Lookup(rule); r != nil {
		sev = r.Severity
	}
	c.out = append(c.out, Finding{
		Rule: rule, Severity: sev, File: src.File, Sheet: src.Sheet, Row: src.Row, Line: src.Line,
		Column: column, Session: session, Message: msg, Hint: hint,
	})
}

func (c *checker) at(s *schedule.Session, rule string, f schedule.Field, msg, hint string) {
	c.add(rule, s.Src, s.Column(f), s.ID, msg, hint)
}

// fields runs the rules that look at one session at a time.
func (c *checker) fields() {
	for _, s := range c.p.Sessions {
		if s.ID == "" {
			c.at(s, "missing-field", schedule.FieldID, "the session has no id", "give every session a unique id, e.g. WS #12")
		}
		if s.Title == "" {
			c.at(s, "missing-field", schedule.FieldTitle, "the session has no title", "")
		}
		if !s.Scheduled() {
			if !c.badTime[s.Src] {
				c.at(s, "missing-field", schedule.FieldStart, "the session has no start time", "fill in date and start")
			}
		} else {
			if s.End.IsZero() && !c.badTime[s.Src] {
				c.at(s, "missing-field", schedule.FieldEnd, "the session has a start but no end", "fill in end (or a duration column)")
			}
			if s.Room == "" {
				c.at(s, "missing-field", schedule.FieldRoom, "the session is scheduled but has no room", "")
			}
		}
		if s.Scheduled() && !s.End.IsZero() && !s.End.After(s.Start) {
			loc := s.Location()
			c.at(s, "end-before-start", schedule.FieldEnd,
				fmt.Sprintf("end %s is not after start %s", s.End.In(loc).Format("15:04"), s.Start.In(loc).Format("15:04")),
				"check the end time; a session past midnight needs the end's date")
		} else if s.DeclaredMinutes > 0 && s.Minutes() > 0 && s.Minutes() != s.DeclaredMinutes {
			c.at(s, "duration-mismatch", schedule.FieldEnd,
				fmt.Sprintf("the session runs %d minutes but its format declares %d", s.Minutes(), s.DeclaredMinutes), "")
		}
		if s.Type != "" && vocab.Types().Get(s.Type) == nil {
			c.unknown(s, "unknown-type", schedule.FieldType, vocab.Types(), s.Type)
		}
		for _, t := range s.SDGs {
			if !vocab.IsSDGTarget(t) {
				c.at(s, "bad-sdg", schedule.FieldSDGs, fmt.Sprintf("%q is not one of the 169 SDG targets", t), sdgHint(t))
			}
		}
		c.people(s)
		for f, p := range s.Roles {
			if p.Stakeholder != "" && vocab.Stakeholders().Get(p.Stakeholder) == nil {
				c.unknown(s, "unknown-stakeholder", f, vocab.Stakeholders(), p.Stakeholder, p.Name)
			}
			if p.Region != "" && vocab.Regions().Get(p.Region) == nil {
				c.unknown(s, "unknown-region", f, vocab.Regions(), p.Region, p.Name)
			}
		}
	}
}

// people runs the rules about a session's persons: emails, moderators and
// the balance of stakeholder groups among the speakers.
func (c *checker) people(s *schedule.Session) {
	for f, p := range s.Roles {
		if p.Email == "" {
			continue
		}
		if msg := badEmail(p.Email); msg != "" {
			c.at(s, "bad-email", f, fmt.Sprintf("%s: %s", p.Name, msg), "ask for the address, or leave the email empty")
		}
	}
	if s.Scheduled() && s.OnsiteModerator == nil && s.OnlineModerator == nil && needsModerator(s) {
		c.at(s, "no-moderator", schedule.FieldOnsiteModerator, "the session has no on-site or online moderator", "name who moderates, or --ignore no-moderator")
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
			c.at(s, "single-stakeholder", schedule.FieldSpeakers,
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

// outsideEvent reports sessions before the first or after the last day of
// the event, each day read in the session's own zone.
func (c *checker) outsideEvent(first, last string) {
	if first == "" && last == "" {
		return
	}
	for _, s := range c.p.Sessions {
		if !s.Scheduled() {
			continue
		}
		day := s.Start.In(s.Location()).Format("2006-01-02")
		if (first != "" && day < first) || (last != "" && day > last) {
			c.at(s, "outside-event", schedule.FieldDate,
				fmt.Sprintf("the session is on %s, outside the event's days %s to %s", day, cmp.Or(first, "…"), cmp.Or(last, "…")),
				"check the date, or the event days (--event-days)")
		}
	}
}

// unknown reports a value outside a vocabulary, with the near miss as hint.
func (c *checker) unknown(s *schedule.Session, rule string, f schedule.Field, v *vocab.Vocabulary, value string, who ...string) {
	msg := fmt.Sprintf("%q is not a known %s", value, v.Name)
	if len(who) > 0 {
		msg = fmt.Sprintf("%s: %s", who[0], msg)
	}
	hint := ""
	if m := v.Lookup(value); m != nil {
		hint = fmt.Sprintf("did you mean %s?", m.Term.Name)
	} else {
		names := make([]string, len(v.Terms))
		for i, t := range v.Terms {
			names[i] = t.Name
		}
		hint = "known: " + strings.Join(names, ", ")
	}
	c.at(s, rule, f, msg, hint)
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
func before(a, b *schedule.Session) bool {
	return cmp.Or(
		cmp.Compare(a.Src.File, b.Src.File),
		cmp.Compare(a.Src.Sheet, b.Src.Sheet),
		cmp.Compare(a.Src.Row, b.Src.Row),
	) < 0
}

// where names the row of other as seen from a finding on self: the file
// too when the two came from different files or sheets.
func where(other, self *schedule.Session) string {
	if other.Src.Row == 0 {
		return "session " + other.ID
	}
	row := fmt.Sprintf("row %d", other.Src.Row)
	if other.Src.Sheet != self.Src.Sheet && other.Src.Sheet != "" {
		row = fmt.Sprintf("sheet %s %s", other.Src.Sheet, row)
	}
	if other.Src.File != self.Src.File {
		row = fmt.Sprintf("%s %s", other.Src.File, row)
	}
	return row
}

func (c *checker) duplicateIDs() {
	ss := make([]*schedule.Session, 0, len(c.p.Sessions))
	for _, s := range c.p.Sessions {
		if s.ID != "" {
			ss = append(ss, s)
		}
	}
	slices.SortStableFunc(ss, func(a, b *schedule.Session) int {
		return cmp.Compare(strings.ToLower(a.ID), strings.ToLower(b.ID))
	})
	first := 0 // start of the run of equal ids
	for i := 1; i < len(ss); i++ {
		if !strings.EqualFold(ss[i].ID, ss[first].ID) {
			first = i
			continue
		}
		// Every repeat points at the first use.
		c.at(ss[i], "duplicate-id", schedule.FieldID, fmt.Sprintf("id %q is also used on %s", ss[i].ID, where(ss[first], ss[i])), "give every session its own id")
	}
}

// interval is a compact key for the overlap sweeps: no whole sessions are
// copied, only what the sweep compares.
type interval struct {
	key        string
	start, end int64 // Unix seconds
	s          *schedule.Session
	f          schedule.Field
}

// sweep reports each pair of overlapping intervals of equal key once,
// after sorting by key and start: an interval overlaps the one with the
// latest end seen so far within its key.
func sweep(iv []interval, report func(a, b interval)) {
	slices.SortFunc(iv, func(a, b interval) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	var open interval
	for i, x := range iv {
		if i == 0 || x.key != iv[i-1].key {
			open = x
			continue
		}
		if x.start < open.end && x.s != open.s {
			report(open, x)
		}
		if x.end > open.end {
			open = x
		}
	}
}

func (c *checker) roomOverlaps() {
	var iv []interval
	for _, s := range c.p.Sessions {
		if s.Room == "" || !s.Scheduled() || !s.End.After(s.Start) {
			continue
		}
		iv = append(iv, interval{key: vocab.Fold(s.Room), start: s.Start.Unix(), end: s.End.Unix(), s: s, f: schedule.FieldRoom})
	}
	sweep(iv, func(a, b interval) {
		first, second := a.s, b.s
		if before(second, first) {
			first, second = second, first
		}
		c.at(second, "room-overlap", schedule.FieldRoom,
			fmt.Sprintf("%s is booked by %s (%s) at the same time", second.Room, first.ID, where(first, second)),
			"move one session to another room or time")
	})
}

func (c *checker) personOverlaps() {
	var iv []interval
	for _, s := range c.p.Sessions {
		if !s.Scheduled() || !s.End.After(s.Start) {
			continue
		}
		seen := map[string]bool{}
		for f, p := range s.Roles {
			if f == schedule.FieldOrganizers {
				continue // organizers need not attend (DESIGN.md: speaker, moderator, rapporteur)
			}
			k := schedule.PersonKey(p.Name)
			if k == "" || seen[k] {
				continue // one person in two roles of one session is fine
			}
			seen[k] = true
			iv = append(iv, interval{key: k, start: s.Start.Unix(), end: s.End.Unix(), s: s, f: f})
		}
	}
	sweep(iv, func(a, b interval) {
		first, second := a, b
		if before(second.s, first.s) {
			first, second = second, first
		}
		var name string
		for _, p := range second.s.Roles {
			if schedule.PersonKey(p.Name) == second.key {
				name = p.Name
				break
			}
		}
		c.at(second.s, "person-overlap", second.f,
			fmt.Sprintf("%s is also in %s (%s), which overlaps", name, first.s.ID, where(first.s, second.s)),
			"one person cannot be in two sessions at once")
	})
}
