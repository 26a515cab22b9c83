package formats

import (
	"bufio"
	"io"
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
	for _, s := range ss {
		line("BEGIN", "VEVENT")
		// A session id given twice would give two events one UID, and a
		// calendar keeps only one of them: the repeat gets the GUID the
		// feeds give it (as frab and schedule.json do).
		uid := feed.SessionGUID(acronym, s)
		if uids[uid] {
			uid = feed.RepeatedSessionGUID(acronym, s, ids[s])
		}
		uids[uid] = true
		line("UID", uid+"@docket")
		line("DTSTAMP", icsTime(stamp))
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
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
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
