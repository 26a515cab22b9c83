// Package feed holds what the schedule feeds (frab schedule.xml, c3voc
// schedule.json, iCalendar) and the pages made from the same programme
// share: the conference's name and acronym, the numeric ids and UUIDs
// derived from session ids, slugs, the programme's days, and the text a
// feed carries where it has no field.
//
// The ids and GUIDs are a contract: schedule apps key their favourites
// and calendars their events on them, so the same session must get the
// same values in every export and every docket version. The package does
// not import formats: its callers pass plain values, not WriteOptions.
package feed

import (
	"crypto/sha1"
	"fmt"
	"hash/fnv"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/docket-forum/docket/internal/schedule"
)

// Title is the conference's name: title when given (the --title option),
// else the programme's, else "Programme", since every feed needs one.
func Title(p *schedule.Programme, title string) string {
	for _, t := range []string{title, p.Name} {
		if strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return "Programme"
}

// Acronym is acronym (the --acronym option), or one made from the
// conference title, folded to lower-case letters and digits and at least
// four long, because both feeds' schemas demand that.
func Acronym(acronym, title string) string {
	src := acronym
	if src == "" {
		src = title
	}
	a := Slugify(src, "")
	if len(a) < 4 {
		a = (a + "docket")[:max(len(a), 6)]
		if len(a) < 4 {
			a = "docket"
		}
	}
	return a
}

// Slugify folds s to ASCII lower-case letters and digits, other runs of
// characters becoming sep, so that it fits any identifier pattern or file
// name; accents are dropped rather than the letters they sit on.
func Slugify(s, sep string) string {
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

// EventIDs gives every session a positive id, as the feeds require,
// stable across exports and under edits of other rows: a numeric session
// id is kept (a pretalx or frab event, a database's number: apps key
// favourites and alarms on it); any other id gets a six-digit hash of
// itself, collisions resolved in id order so that the mapping is
// deterministic.
func EventIDs(ss []*schedule.Session) map[*schedule.Session]int {
	sorted := slices.Clone(ss)
	slices.SortStableFunc(sorted, func(a, b *schedule.Session) int {
		return strings.Compare(a.ID+"\x00"+a.Src.File, b.ID+"\x00"+b.Src.File)
	})
	used := map[int]bool{}
	out := make(map[*schedule.Session]int, len(ss))
	for _, s := range sorted {
		if n, ok := NumericID(s.ID); ok && !used[n] {
			used[n] = true
			out[s] = n
		}
	}
	for _, s := range sorted {
		if _, ok := out[s]; ok {
			continue
		}
		out[s] = hashID(s.ID, used)
	}
	return out
}

// NumericID reads an id that is a positive number as the feeds' integer
// ids hold it: digits without a leading zero ("007" is a name, not 7),
// below 2^31.
func NumericID(id string) (int, bool) {
	if id == "" || len(id) > 10 || id[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(id)
	if err != nil || n <= 0 || n > math.MaxInt32 || strconv.Itoa(n) != id {
		return 0, false
	}
	return n, true
}

// hashID is a six-digit number from key not in used, which it joins.
func hashID(key string, used map[int]bool) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	id := int(h.Sum32()%900000) + 100000 // six digits, readable
	for used[id] {
		id++
		if id > 999999 {
			id = 100000
		}
	}
	used[id] = true
	return id
}

// PersonIDs gives every person named in the sessions (by folded name) a
// positive id, which apps need to list a person's sessions (ConfClerk
// imports no person without one): the source's numeric id where a
// person has one, else a six-digit hash of the folded name, stable across
// exports, collisions resolved in name order.
func PersonIDs(ss []*schedule.Session) map[string]int {
	source := map[string]int{}
	var keys []string
	for _, s := range ss {
		for _, p := range listed(s) {
			k := schedule.PersonKey(p.Name)
			if k == "" {
				continue
			}
			if _, seen := source[k]; !seen {
				keys = append(keys, k)
				source[k] = 0
			}
			if n, ok := NumericID(p.ID); ok && source[k] == 0 {
				source[k] = n
			}
		}
	}
	slices.Sort(keys)
	used := map[int]bool{}
	out := make(map[string]int, len(keys))
	for _, k := range keys {
		if n := source[k]; n > 0 && !used[n] {
			used[n] = true
			out[k] = n
		}
	}
	for _, k := range keys {
		if _, ok := out[k]; !ok {
			out[k] = hashID("person/"+k, used)
		}
	}
	return out
}

// AllPersonIDs is PersonIDs for every person a session names, the
// organisers and rapporteurs too, which the feeds do not list: a listed
// person keeps the id PersonIDs gives (the one frab and schedule.json
// write), and the others get one the same way (their source's numeric id,
// else a six-digit hash of the folded name) that no listed person has.
func AllPersonIDs(ss []*schedule.Session) map[string]int {
	out := PersonIDs(ss)
	used := make(map[int]bool, len(out))
	for _, n := range out {
		used[n] = true
	}
	source := map[string]int{}
	var keys []string
	for _, s := range ss {
		for _, p := range s.Roles {
			k := schedule.PersonKey(p.Name)
			if _, listed := out[k]; k == "" || listed {
				continue
			}
			if _, seen := source[k]; !seen {
				keys = append(keys, k)
				source[k] = 0
			}
			if n, ok := NumericID(p.ID); ok && source[k] == 0 {
				source[k] = n
			}
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if n := source[k]; n > 0 && !used[n] {
			used[n] = true
			out[k] = n
		}
	}
	for _, k := range keys {
		if _, ok := out[k]; !ok {
			out[k] = hashID("person/"+k, used)
		}
	}
	return out
}

// namespace is the UUID namespace of docket's UUIDv5 identifiers.
var namespace = [16]byte{0x6d, 0x6f, 0x63, 0x6b, 0x65, 0x74, 0x4f, 0x1a, 0x9b, 0x2c, 0x3e, 0x44, 0x55, 0x66, 0x77, 0x88}

// uuid5 is the RFC 9562 name-based (SHA-1) UUID of name in docket's
// namespace: the same name gets the same GUID in every export.
func uuid5(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = (u[6] & 0x0f) | 0x50
	u[8] = (u[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// SessionGUID is the stable UUID of a session in a conference, from the
// acronym and the session id, so that a re-export updates the events an
// app or calendar already has instead of adding new ones.
// A GUID a source gave the session (a frab or schedule.json read in, in
// the extra field "guid") is kept: re-exporting an imported feed must not
// change what apps know the events by.
func SessionGUID(acronym string, s *schedule.Session) string {
	if g := strings.ToLower(strings.TrimSpace(s.ExtraValue("guid"))); uuidRE.MatchString(g) {
		return g
	}
	return uuid5(acronym + "/" + s.ID)
}

// uuidRE is a UUID as the feeds' schemas want it.
var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// RepeatedSessionGUID is the UUID of a session whose id an earlier session
// in the same feed already has: the event id (unique) tells them apart,
// because the schemas want GUIDs unique.
func RepeatedSessionGUID(acronym string, s *schedule.Session, id int) string {
	return uuid5(acronym + "/" + s.ID + "/" + strconv.Itoa(id))
}

// RoomGUID is the stable UUID of a room in a conference.
func RoomGUID(acronym, room string) string { return uuid5("room/" + acronym + "/" + room) }

// PersonGUID is the stable UUID of a person, by folded name, so that a
// person has one GUID across sessions, conferences and exports.
func PersonGUID(name string) string { return uuid5("person/" + schedule.PersonKey(name)) }

// Day is one day of the programme in the feed's zone, with its sessions.
type Day struct {
	Index      int    // from 1, as the feeds count days
	Date       string // YYYY-MM-DD
	Start, End time.Time
	Sessions   []*schedule.Session
}

// Days groups the scheduled sessions by their day in loc, sorted by
// start; a day runs from its first start to its last end, which is what
// the feeds publish as the day's bounds.
func Days(ss []*schedule.Session, loc *time.Location) []Day {
	sorted := slices.Clone(ss)
	schedule.Sort(sorted)
	var days []Day
	for _, s := range sorted {
		if !s.Scheduled() {
			continue
		}
		d := s.Start.In(loc).Format("2006-01-02")
		if len(days) == 0 || days[len(days)-1].Date != d {
			days = append(days, Day{Index: len(days) + 1, Date: d, Start: s.Start})
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

// HHMM formats a duration as HH:MM, hours and minutes, the feeds'
// duration format; a negative duration is written as zero.
func HHMM(d time.Duration) string {
	m := int(d / time.Minute)
	if m < 0 {
		m = 0
	}
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// DescribePerson writes a person in one line for reading: "Name, Role,
// Organisation (Stakeholder, Region; online)".
func DescribePerson(p schedule.Person) string {
	var parts []string
	for _, v := range []string{p.Name, p.Role, p.Organization} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	s := strings.Join(parts, ", ")
	var more []string
	for _, v := range []string{p.Stakeholder, p.Region} {
		if v != "" {
			more = append(more, v)
		}
	}
	tail := strings.Join(more, ", ")
	if p.Participation != "" {
		tail = strings.TrimPrefix(tail+"; "+p.Participation, "; ")
	}
	if tail != "" {
		s += " (" + tail + ")"
	}
	return s
}

// personLine describes a person in one line for a feed's description.
func personLine(role string, p schedule.Person) string {
	return role + ": " + DescribePerson(p)
}

// EventTitle is the title a feed gives an event: the session's title,
// or with idInTitle (the export's --id-in-title) its id before it, "WS
// #101: Title", as docket wrote feeds before: apps show the title as it
// is, and the id is in the description.
func EventTitle(s *schedule.Session, idInTitle bool) string {
	title := s.Title
	if idInTitle && s.ID != "" && title != s.ID && !strings.HasPrefix(title, s.ID+" ") && !strings.HasPrefix(title, s.ID+":") {
		title = strings.TrimSuffix(s.ID+": "+title, ": ")
	}
	return title
}

// SessionFact is the fact line that names a session's id in a feed's
// description, where the id is no number the feed's event id keeps:
// reading the feed back gives the session its id again.
const SessionFact = "Session: "

// Description renders what the feeds have no field for (the session's
// id when eventID is not it, format, persons with their roles, groups and
// participation, SDGs, outcomes) after the session's own description, so
// that nothing of the session is lost. eventID 0: the id is elsewhere.
func Description(s *schedule.Session, eventID int) string {
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
	if eventID != 0 && s.ID != "" && s.ID != strconv.Itoa(eventID) {
		facts = append(facts, SessionFact+s.ID)
	}
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

// Persons are the names the feeds list as persons: speakers, then the
// moderators, each once (by folded name), since apps show them as the
// people on stage.
func Persons(s *schedule.Session) []string {
	var out []string
	for _, p := range listed(s) {
		out = append(out, p.Name)
	}
	return out
}

// listed are the persons the feeds list (see Persons).
func listed(s *schedule.Session) []*schedule.Person {
	var out []*schedule.Person
	seen := map[string]bool{}
	add := func(p *schedule.Person) {
		if p == nil || p.Name == "" || seen[schedule.PersonKey(p.Name)] {
			return
		}
		seen[schedule.PersonKey(p.Name)] = true
		out = append(out, p)
	}
	for i := range s.Speakers {
		add(&s.Speakers[i])
	}
	add(s.OnsiteModerator)
	add(s.OnlineModerator)
	return out
}

// HTTPURL returns u when it is an http(s) URL with nothing that could end
// an attribute or autolink, else "": a feed or page links only to that.
func HTTPURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		if !strings.ContainsAny(u, " \t\n\r\"<>\x00\x1b") {
			return u
		}
	}
	return ""
}

// Location is the zone a feed is written in: loc (the --show-tz option)
// when given, else the programme's zone, else the zone most sessions are
// in, else UTC.
func Location(p *schedule.Programme, loc *time.Location) *time.Location {
	if loc != nil {
		return loc
	}
	for _, name := range []string{p.Timezone, schedule.CommonZone(p.Sessions)} {
		if l, err := schedule.LoadLocation(name); err == nil {
			return l
		}
	}
	return time.UTC
}

// DateRange is the conference's first and last date (midnight UTC, for
// counting days): the scheduled days widened by the programme's own first
// and last day. With no date at all it is the export date now in loc, or
// the epoch when now is zero, so that the output stays a function of the
// input.
func DateRange(p *schedule.Programme, days []Day, now time.Time, loc *time.Location) (first, last time.Time) {
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
		if !now.IsZero() {
			n := now.In(loc)
			t = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
		}
		return t, t
	}
	return slices.MinFunc(dates, time.Time.Compare), slices.MaxFunc(dates, time.Time.Compare)
}

// slugTitleMax bounds the title part of an event slug, in bytes.
const slugTitleMax = 48

// Slug is an event's "acronym-id-title_words": unique through the event
// id and within the frab XSD's pattern [a-z0-9_]{4,}-[a-z0-9\-_]{4,},
// since the acronym is at least four letters or digits and the id six
// digits.
func Slug(acronym string, id int, title string) string {
	t := Slugify(title, "_")
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

// Language is "en" for English in any of the ways sheets write it, a
// two-letter code as given, else "": the feeds want a code, and leave
// the language out rather than guess one.
func Language(l string) string {
	v := strings.ToLower(strings.TrimSpace(l))
	switch {
	case v == "english" || v == "en" || v == "eng" || strings.HasPrefix(v, "en-") || strings.HasPrefix(v, "en_"):
		return "en"
	case len(v) == 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z':
		return v
	}
	return ""
}
