package formats

import (
	"crypto/sha1"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/docket-forum/docket/internal/schedule"
)

// Shared by the schedule feeds (frab XML, schedule.json, iCalendar): the
// conference's name and acronym, stable numeric ids and UUIDs derived from
// session ids, slugs, and the programme's days.

// conferenceTitle is the programme's name, or WriteOptions.Title.
func conferenceTitle(p *schedule.Programme, o WriteOptions) string {
	for _, t := range []string{o.Title, p.Name} {
		if strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return "Programme"
}

// conferenceAcronym is WriteOptions.Acronym, or one made from the title:
// lower-case letters and digits, at least four (both feeds demand it).
func conferenceAcronym(p *schedule.Programme, o WriteOptions) string {
	src := o.Acronym
	if src == "" {
		src = conferenceTitle(p, o)
	}
	a := slugify(src, "")
	if len(a) < 4 {
		a = (a + "docket")[:max(len(a), 6)]
		if len(a) < 4 {
			a = "docket"
		}
	}
	return a
}

// slugify folds s to ASCII lower-case letters and digits, other runs of
// characters becoming sep.
func slugify(s, sep string) string {
	var b strings.Builder
	pending := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			if pending && b.Len() > 0 {
				b.WriteString(sep)
			}
			pending = false
			b.WriteRune(r)
		default:
			pending = true
		}
	}
	return b.String()
}

// eventIDs gives every session a positive integer id, as the feeds
// require, stable across exports: a hash of the session id, with
// collisions resolved in id order so the mapping is deterministic.
func eventIDs(ss []*schedule.Session) map[*schedule.Session]int {
	sorted := slices.Clone(ss)
	slices.SortStableFunc(sorted, func(a, b *schedule.Session) int {
		return strings.Compare(a.ID+"\x00"+a.Src.File, b.ID+"\x00"+b.Src.File)
	})
	used := map[int]bool{}
	out := make(map[*schedule.Session]int, len(ss))
	for _, s := range sorted {
		h := fnv.New32a()
		h.Write([]byte(s.ID))
		id := int(h.Sum32()%900000) + 100000 // six digits, readable
		for used[id] {
			id++
			if id > 999999 {
				id = 100000
			}
		}
		used[id] = true
		out[s] = id
	}
	return out
}

// docketNamespace is the UUID namespace of docket's UUIDv5 identifiers.
var docketNamespace = [16]byte{0x6d, 0x6f, 0x63, 0x6b, 0x65, 0x74, 0x4f, 0x1a, 0x9b, 0x2c, 0x3e, 0x44, 0x55, 0x66, 0x77, 0x88}

// uuid5 is the RFC 9562 name-based (SHA-1) UUID of name in docket's
// namespace: the same session gets the same GUID in every export.
func uuid5(name string) string {
	h := sha1.New()
	h.Write(docketNamespace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = (u[6] & 0x0f) | 0x50
	u[8] = (u[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// sessionGUID is the stable UUID of a session in a conference.
func sessionGUID(acronym string, s *schedule.Session) string {
	return uuid5(acronym + "/" + s.ID)
}

// feedDay is one day of the programme in its zone, with its sessions.
type feedDay struct {
	Index      int
	Date       string // YYYY-MM-DD
	Start, End time.Time
	Sessions   []*schedule.Session
}

// feedDays groups the scheduled sessions by their day in loc, sorted by
// start; a day runs from its first start to its last end.
func feedDays(ss []*schedule.Session, loc *time.Location) []feedDay {
	sorted := slices.Clone(ss)
	schedule.Sort(sorted)
	var days []feedDay
	for _, s := range sorted {
		if !s.Scheduled() {
			continue
		}
		d := s.Start.In(loc).Format("2006-01-02")
		if len(days) == 0 || days[len(days)-1].Date != d {
			days = append(days, feedDay{Index: len(days) + 1, Date: d, Start: s.Start})
		}
		day := &days[len(days)-1]
		day.Sessions = append(day.Sessions, s)
		end := s.End
		if end.IsZero() {
			end = s.Start
		}
		if end.After(day.End) {
			day.End = end
		}
	}
	return days
}

// hhmm formats a duration as H:MM hours and minutes, as the feeds want.
func hhmm(d time.Duration) string {
	m := int(d / time.Minute)
	if m < 0 {
		m = 0
	}
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// personLine describes a person in one line for a feed's description.
func personLine(role string, p schedule.Person) string {
	return role + ": " + describePerson(p)
}

// feedDescription renders what the feeds have no field for: format,
// persons with their roles, groups and participation, SDGs, outcomes.
func feedDescription(s *schedule.Session) string {
	var b strings.Builder
	para := func(title, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if title != "" {
			b.WriteString(title + ":\n")
		}
		b.WriteString(strings.TrimSpace(text))
	}
	para("", s.Description)
	var facts []string
	if s.Format != "" {
		f := s.Format
		if s.DeclaredMinutes > 0 {
			f += fmt.Sprintf(" - %d Min", s.DeclaredMinutes)
		}
		facts = append(facts, "Format: "+f)
	}
	if s.Subtheme != "" {
		facts = append(facts, "Subtheme: "+s.Subtheme)
	}
	for _, p := range s.Organizers {
		facts = append(facts, personLine("Organizer", p))
	}
	for _, p := range s.Speakers {
		facts = append(facts, personLine("Speaker", p))
	}
	for _, r := range []struct {
		role string
		p    *schedule.Person
	}{{"On-site moderator", s.OnsiteModerator}, {"Online moderator", s.OnlineModerator}, {"Rapporteur", s.Rapporteur}} {
		if r.p != nil {
			facts = append(facts, personLine(r.role, *r.p))
		}
	}
	if len(s.SDGs) > 0 {
		facts = append(facts, "SDG targets: "+strings.Join(s.SDGs, ", "))
	}
	para("", strings.Join(facts, "\n"))
	para("Policy questions", s.PolicyQuestions)
	para("Expected outcomes", s.ExpectedOutcomes)
	para("Key takeaways", s.KeyTakeaways)
	para("Call to action", s.CallToAction)
	return b.String()
}

// feedPersons are the names the feeds list as persons: speakers, then the
// moderators, each once.
func feedPersons(s *schedule.Session) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p *schedule.Person) {
		if p == nil || p.Name == "" || seen[schedule.PersonKey(p.Name)] {
			return
		}
		seen[schedule.PersonKey(p.Name)] = true
		out = append(out, p.Name)
	}
	for i := range s.Speakers {
		add(&s.Speakers[i])
	}
	add(s.OnsiteModerator)
	add(s.OnlineModerator)
	return out
}

// httpURL returns u when it is an http(s) URL, else "".
func httpURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		if !strings.ContainsAny(u, " \t\n\"<>") {
			return u
		}
	}
	return ""
}

// feedLocation is the zone a feed is written in: WriteOptions.Loc,
// else the programme's zone, else the zone most sessions are in, else UTC.
func feedLocation(p *schedule.Programme, o WriteOptions) *time.Location {
	if o.Loc != nil {
		return o.Loc
	}
	for _, name := range []string{p.Timezone, schedule.CommonZone(p.Sessions)} {
		if loc, err := schedule.LoadLocation(name); err == nil {
			return loc
		}
	}
	return time.UTC
}

// feedDateRange is the conference's first and last date (midnight UTC,
// for counting days): the scheduled days widened by the programme's own
// first and last day; with nothing at all, the export date (or the epoch,
// so that the output stays a function of the input).
func feedDateRange(p *schedule.Programme, days []feedDay, o WriteOptions, loc *time.Location) (first, last time.Time) {
	var dates []time.Time
	for _, s := range []string{p.FirstDay, p.LastDay} {
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			dates = append(dates, t)
		}
	}
	for _, d := range days {
		if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
			dates = append(dates, t)
		}
	}
	if len(dates) == 0 {
		t := time.Unix(0, 0).UTC()
		if !o.Now.IsZero() {
			n := o.Now.In(loc)
			t = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
		}
		return t, t
	}
	return slices.MinFunc(dates, time.Time.Compare), slices.MaxFunc(dates, time.Time.Compare)
}

// slugTitleMax bounds the title part of an event slug, in bytes.
const slugTitleMax = 48

// feedSlug is "acronym-id-title_words", unique through the event id and
// within the XSD pattern [a-z0-9_]{4,}-[a-z0-9\-_]{4,}: the acronym is at
// least four letters or digits, the id six digits.
func feedSlug(acronym string, id int, title string) string {
	t := slugify(title, "_")
	if len(t) > slugTitleMax {
		t = t[:slugTitleMax]
		if i := strings.LastIndexByte(t, '_'); i > slugTitleMax/2 {
			t = t[:i]
		}
		t = strings.TrimRight(t, "_")
	}
	slug := acronym + "-" + strconv.Itoa(id)
	if t != "" {
		slug += "-" + t
	}
	return slug
}

// feedLanguage is "en" for English, a two-letter code as given, else ""
// (a feed then leaves it out).
func feedLanguage(l string) string {
	v := strings.ToLower(strings.TrimSpace(l))
	switch {
	case v == "english" || v == "en" || v == "eng" || strings.HasPrefix(v, "en-") || strings.HasPrefix(v, "en_"):
		return "en"
	case len(v) == 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z':
		return v
	}
	return ""
}

// personGUID is the stable UUID of a person, by folded name, so that a
// person has one GUID across sessions and exports.
func personGUID(name string) string { return uuid5("person/" + schedule.PersonKey(name)) }
