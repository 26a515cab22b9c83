// Package textfmt lays text out for the writers that print a schedule for
// people (terminal tables, Markdown, HTML, session pages): widths as a
// terminal shows them, wrapping, one-line text, and the session time
// ranges and zone names that all of them print the same way.
package textfmt

import (
	"fmt"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/docket-forum/docket/internal/schedule"
)

// Width is the number of terminal columns s takes: East Asian wide
// characters take two, combining marks none, so columns line up.
func Width(s string) int { return twwidth.Width(s) }

// OneLine folds all white space runs, line breaks included, into single
// spaces, for places that have room for one line only.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Wrap breaks s into lines of at most width display columns, at spaces
// where it can and inside a word only when the word alone is wider, so
// that no text is dropped; a width below 1 leaves s as it is.
func Wrap(s string, width int) string {
	if width < 1 || Width(s) <= width {
		return s
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line, lw, first := "", 0, len(lines)
		for _, word := range strings.Fields(para) {
			ww := Width(word)
			for ww > width {
				// A word wider than the column is cut, not dropped.
				if line != "" {
					lines = append(lines, line)
					line, lw = "", 0
				}
				head, rest := cutWidth(word, width)
				lines = append(lines, head)
				word, ww = rest, Width(rest)
			}
			if word == "" {
				continue // all of it went in the cut
			}
			switch {
			case line == "":
				line, lw = word, ww
			case lw+1+ww <= width:
				line, lw = line+" "+word, lw+1+ww
			default:
				lines = append(lines, line)
				line, lw = word, ww
			}
		}
		if line != "" || len(lines) == first {
			lines = append(lines, line) // an empty paragraph stays a line
		}
	}
	return strings.Join(lines, "\n")
}

// cutWidth splits s after at most width display columns, but after its
// first character at least: a wide character in a one-column width is
// a line of its own, not a cut that takes nothing (and Wrap's loop
// forever).
func cutWidth(s string, width int) (string, string) {
	w := 0
	for i, r := range s {
		rw := Width(string(r))
		if w+rw > width && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

// ZoneLabel names the zone of t with its UTC offset on that day,
// "Asia/Tokyo (UTC+09:00)", or just "UTC": a zone name alone does not
// tell a reader the offset, and the offset alone not the place.
func ZoneLabel(t time.Time) string {
	name := t.Location().String()
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	utc := fmt.Sprintf("UTC%s%02d:%02d", sign, off/3600, off/60%60)
	if name == "UTC" {
		return "UTC"
	}
	return name + " (" + utc + ")"
}

// TimeRange is a session's "17:45–18:45" in loc, with the end's date when
// it falls on another day, or "" when the session has no start.
func TimeRange(s *schedule.Session, loc *time.Location) string {
	if !s.Scheduled() {
		return ""
	}
	st := s.Start.In(loc)
	r := st.Format("15:04")
	if !s.End.IsZero() {
		en := s.End.In(loc)
		if en.Format("2006-01-02") != st.Format("2006-01-02") {
			r += "–" + en.Format("Jan 2 15:04")
		} else {
			r += "–" + en.Format("15:04")
		}
	}
	return r
}

// Day is a run of sessions on one day in the display zone, with the
// heading a reader sees for it.
type Day struct {
	Key      string // YYYY-MM-DD, or "unscheduled"
	Label    string // "Wednesday 11 October 2023 · Asia/Tokyo (UTC+09:00)", or "Not scheduled"
	Sessions []*schedule.Session
}

// GroupDays splits sessions sorted by start into their days in loc, or
// each in its own zone when loc is nil (a programme read as it was
// written); sessions without a start end up under "Not scheduled".
func GroupDays(ss []*schedule.Session, loc *time.Location) []Day {
	var days []Day
	for _, s := range ss {
		key, label := "unscheduled", "Not scheduled"
		if s.Scheduled() {
			t := s.Start.In(SessionLocation(s, loc))
			key = t.Format("2006-01-02")
			label = t.Format("Monday 2 January 2006") + " · " + ZoneLabel(t)
		}
		if len(days) == 0 || days[len(days)-1].Key != key {
			days = append(days, Day{Key: key, Label: label})
		}
		days[len(days)-1].Sessions = append(days[len(days)-1].Sessions, s)
	}
	return days
}

// SessionLocation is loc, or the session's own zone when loc is nil: the
// zone its times are shown in when no display zone was chosen.
func SessionLocation(s *schedule.Session, loc *time.Location) *time.Location {
	if loc != nil {
		return loc
	}
	return s.Location()
}
