package formats

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
)

// writeICS writes an RFC 5545 calendar by hand: the rules are few and
// exact (CRLF, folding at 75 octets without splitting a character, TEXT
// escaping), and the Go libraries checked either folded on "\n" or could
// not combine TZID with local times. Times are written in UTC, which every
// client reads without a VTIMEZONE; each event's UID is derived from the
// programme and the session id, so re-importing updates the events.
func writeICS(w io.Writer, p *schedule.Programme, o WriteOptions) error {
	bw := bufio.NewWriter(w)
	title := feed.Title(p, o.Title)
	acronym := feed.Acronym(o.Acronym, title)
	stamp := o.Now
	if stamp.IsZero() {
		stamp = time.Now()
	}
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//docket//docket//EN")
	line("CALSCALE", "GREGORIAN")
	line("X-WR-CALNAME", icsText(title))
	if p.Timezone != "" {
		line("X-WR-TIMEZONE", p.Timezone)
	}
	ss := make([]*schedule.Session, 0, len(p.Sessions))
	for _, s := range p.Sessions {
		if s.Scheduled() {
			ss = append(ss, s)
		}
	}
	schedule.Sort(ss)
	ids := feed.EventIDs(ss)
	uids := make(map[string]bool, len(ss))
	prev := newICSPrevious(o.Previous, ss)
	for _, s := range ss {
		// A session id given twice would give two events one UID, and a
		// calendar keeps only one of them: the repeat gets the GUID the
		// feeds give it (as frab and schedule.json do).
		uid := feed.SessionGUID(acronym, s) + "@docket"
		if uids[uid] {
			uid = feed.RepeatedSessionGUID(acronym, s, ids[s]) + "@docket"
		}
		uids[uid] = true
		body := icsEventBody(s)
		line("BEGIN", "VEVENT")
		if prev == nil {
			line("UID", uid)
			line("DTSTAMP", icsTime(stamp))
		} else {
			prev.revision(line, s, uid, body, stamp)
		}
		for _, l := range body {
			writeFolded(bw, l)
		}
		line("END", "VEVENT")
	}
	if prev != nil {
		// What the previous calendar had and this one has not: cancelled,
		// so that calendars drop it rather than keep it.
		for _, p := range prev.removed() {
			line("BEGIN", "VEVENT")
			prev.cancel(line, p, stamp)
			for _, l := range icsEventBody(p) {
				writeFolded(bw, l)
			}
			line("END", "VEVENT")
		}
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

// icsEventBody is what an event says of its session, as content lines:
// what a calendar shows, and what --previous compares.
func icsEventBody(s *schedule.Session) []string {
	var out []string
	line := func(name, value string) { out = append(out, name+":"+value) }
	line("DTSTART", icsTime(s.Start))
	end := s.End
	if end.IsZero() || !end.After(s.Start) {
		end = s.Start.Add(time.Duration(max(s.DeclaredMinutes, 0)) * time.Minute)
	}
	if end.After(s.Start) {
		line("DTEND", icsTime(end))
	}
	summary := s.Title
	if s.ID != "" {
		summary = s.ID + ": " + s.Title
	}
	line("SUMMARY", icsText(summary))
	if s.Room != "" {
		line("LOCATION", icsText(s.Room))
	}
	// The SUMMARY carries the session id: no fact repeats it.
	if d := feed.Description(s, 0); d != "" {
		line("DESCRIPTION", icsText(d))
	}
	var cats []string
	for _, c := range []string{s.Type, s.Theme} {
		if c != "" {
			cats = append(cats, icsText(c))
		}
	}
	if len(cats) > 0 {
		line("CATEGORIES", strings.Join(cats, ","))
	}
	if u := feed.HTTPURL(s.URL); u != "" {
		line("URL", u)
	}
	return out
}

// icsPrevious is the calendar as last published (export --previous): its
// events by UID, and the session each of this calendar's sessions was.
type icsPrevious struct {
	byUID   map[string]*schedule.Session
	matched map[*schedule.Session]*schedule.Session // now -> before
	used    map[*schedule.Session]bool
	all     []*schedule.Session
}

func newICSPrevious(p *schedule.Programme, now []*schedule.Session) *icsPrevious {
	if p == nil {
		return nil
	}
	x := &icsPrevious{byUID: map[string]*schedule.Session{}, used: map[*schedule.Session]bool{}, all: p.Sessions}
	for _, s := range p.Sessions {
		if uid := s.ExtraValue("uid"); uid != "" {
			x.byUID[uid] = s
		}
	}
	x.matched = schedule.Match(p.Sessions, now)
	return x
}

// revision writes an event's UID, stamp and revision: the UID it had
// (also when its id changed), its SEQUENCE kept while what it says is the
// same and raised when it changed, LAST-MODIFIED when it changed.
func (x *icsPrevious) revision(line func(name, value string), s *schedule.Session, uid string, body []string, stamp time.Time) {
	before := x.byUID[uid]
	if before == nil || x.used[before] {
		if m := x.matched[s]; m != nil && !x.used[m] {
			before = m
			if u := m.ExtraValue("uid"); u != "" {
				uid = u // renumbered: the calendar knows it by its old UID
			}
		}
	}
	line("UID", uid)
	line("DTSTAMP", icsTime(stamp))
	if before == nil {
		line("SEQUENCE", "0")
		line("LAST-MODIFIED", icsTime(stamp))
		return
	}
	x.used[before] = true
	seq := icsSequence(before)
	if before.ExtraValue("status") == "CANCELLED" || !slices.Equal(icsEventBody(before), body) {
		line("SEQUENCE", strconv.Itoa(seq+1))
		line("LAST-MODIFIED", icsTime(stamp))
		return
	}
	line("SEQUENCE", strconv.Itoa(seq))
	if lm := before.ExtraValue("last_modified"); lm != "" {
		line("LAST-MODIFIED", lm)
	}
}

// removed are the previous calendar's events that no session is now.
func (x *icsPrevious) removed() []*schedule.Session {
	var out []*schedule.Session
	for _, p := range x.all {
		if !x.used[p] && !p.Start.IsZero() {
			out = append(out, p)
		}
	}
	return out
}

// cancel writes a removed event's UID, stamp and revision: CANCELLED,
// its SEQUENCE raised once (an event already cancelled stays as it was).
func (x *icsPrevious) cancel(line func(name, value string), p *schedule.Session, stamp time.Time) {
	uid := p.ExtraValue("uid")
	if uid == "" {
		uid = p.ID
	}
	line("UID", uid)
	line("DTSTAMP", icsTime(stamp))
	seq, lm := icsSequence(p), p.ExtraValue("last_modified")
	if p.ExtraValue("status") != "CANCELLED" {
		seq, lm = seq+1, icsTime(stamp)
	}
	line("SEQUENCE", strconv.Itoa(seq))
	if lm != "" {
		line("LAST-MODIFIED", lm)
	}
	line("STATUS", "CANCELLED")
}

// icsSequence is the SEQUENCE an event had (0 when it said none).
func icsSequence(s *schedule.Session) int {
	n, _ := strconv.Atoi(s.ExtraValue("sequence"))
	return max(n, 0)
}

func icsTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsText escapes a TEXT value (RFC 5545 3.3.11).
// Unicode's line and paragraph separators (and NEL) are line breaks too:
// written raw, node-ical dropped the description around them.
var icsEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`,
	"\u2028", `\n`, "\u2029", `\n`, "\u0085", `\n`)

func icsText(s string) string { return icsEscaper.Replace(s) }

// writeFolded writes a content line ending in CRLF, folded so that no line
// is longer than 75 octets, never inside a UTF-8 character (RFC 5545 3.1).
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
