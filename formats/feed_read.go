package formats

// What the frab schedule.xml and c3voc schedule.json readers share: an
// event as both formats carry it, made into a session; the zone of the
// feed; and, for a feed docket wrote, the facts it put in the description
// (the session id, format, persons with their roles, SDGs, outcomes),
// read back into their fields so that a round trip loses nothing.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// feedEvent is one event of a feed, as text.
type feedEvent struct {
	ID, GUID, Code, Slug                   string
	Title, Subtitle, Type, Track, Language string
	Abstract, Description, URL, Room       string
	Date, Start, Duration, End, DayDate    string
	Persons                                []feedPerson
	Links, Attachments                     []feedLink
	Answers                                []schedule.Extra
	DoNotRecord                            bool
	DoNotRecordSet                         bool
}

type feedPerson struct{ ID, Name string }

type feedLink struct{ URL, Title string }

// feedReader makes sessions of one feed's events.
type feedReader struct {
	file   string
	prog   *schedule.Programme
	loc    *time.Location // the feed's zone, or nil when it names none
	zone   string         // its IANA name
	docket bool           // docket wrote the feed: its description facts are read back
	limits Limits
	extras map[string]bool
	n      int
	// offsetZones counts events whose zone came from their offset alone.
	offsetZones int
}

func newFeedReader(file string, prog *schedule.Programme, zoneName string, opts ReadOptions, docket bool) *feedReader {
	r := &feedReader{file: file, prog: prog, docket: docket, limits: opts.Limits.WithDefaults(), extras: map[string]bool{}}
	for _, z := range []string{opts.Timezone, zoneName} {
		if z == "" {
			continue
		}
		if loc, err := schedule.LoadLocation(z); err == nil {
			r.loc, r.zone = loc, z
			break
		}
	}
	return r
}

// session makes one event a session; an event past the cell limit is
// refused, as a cell of a sheet would be.
func (r *feedReader) session(e *feedEvent) (*schedule.Session, error) {
	r.n++
	src := schedule.Source{File: r.file, Row: r.n}
	for _, v := range []string{e.Title, e.Subtitle, e.Abstract, e.Description, e.Room, e.Type, e.Track, e.URL} {
		if len(v) > r.limits.CellBytes {
			return nil, r.limits.Cell(fmt.Sprintf("event %d", r.n), len(v))
		}
	}
	s := &schedule.Session{
		ID: strings.TrimSpace(e.ID), Title: strings.TrimSpace(e.Title), Type: strings.TrimSpace(e.Type),
		Room: strings.TrimSpace(e.Room), Theme: strings.TrimSpace(e.Track), Language: strings.TrimSpace(e.Language),
		Subtitle: strings.TrimSpace(e.Subtitle), Abstract: strings.TrimSpace(e.Abstract), Description: strings.TrimSpace(e.Description),
		URL: strings.TrimSpace(e.URL), Src: src,
	}
	for _, p := range e.Persons {
		if name := strings.TrimSpace(p.Name); name != "" {
			s.Speakers = append(s.Speakers, schedule.Person{Name: name, ID: strings.TrimSpace(p.ID)})
		}
	}
	if r.docket {
		r.undoDocket(s)
	}
	r.times(s, e)
	extra := func(name, value string) { addExtra(r.prog, r.extras, s, name, strings.TrimSpace(value)) }
	extra("guid", e.GUID)
	if !r.docket {
		// docket's own are made from the id again on export.
		extra("slug", e.Slug)
	}
	extra("code", e.Code)
	extra("links", joinLinks(e.Links))
	extra("attachments", joinLinks(e.Attachments))
	if e.DoNotRecordSet && e.DoNotRecord {
		extra("do_not_record", "true")
	}
	for _, a := range e.Answers {
		extra(a.Name, a.Value)
	}
	return s, nil
}

func joinLinks(ls []feedLink) string {
	var out []string
	for _, l := range ls {
		u := strings.TrimSpace(l.URL)
		if u == "" {
			continue
		}
		if t := strings.TrimSpace(l.Title); t != "" && t != u {
			u = t + " <" + u + ">"
		}
		out = append(out, u)
	}
	return strings.Join(out, "\n")
}

// times reads the event's start (an RFC 3339 date with its offset; a
// date without one, as voctosched writes, in the feed's zone; else the
// day's date and the start) and its end (the end given, else start plus
// duration).
func (r *feedReader) times(s *schedule.Session, e *feedEvent) {
	bad := func(column, msg string) {
		r.prog.Problems = append(r.prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: s.Src, Column: column, Session: s.ID, Message: msg})
	}
	loc := r.loc
	var start time.Time
	var err error
	switch {
	case e.Date != "":
		start, err = time.Parse(time.RFC3339, strings.TrimSpace(e.Date))
		if err != nil {
			start, err = time.ParseInLocation("2006-01-02T15:04:05", strings.TrimSpace(e.Date), cmpLoc(loc))
		}
		if err == nil && e.Start != "" && !strings.Contains(e.Date, "T") {
			err = fmt.Errorf("no time")
		}
	case e.DayDate != "" && e.Start != "":
		start, err = time.ParseInLocation("2006-01-02 15:04", e.DayDate+" "+strings.TrimSpace(e.Start)[:min(5, len(strings.TrimSpace(e.Start)))], cmpLoc(loc))
	default:
		return // unscheduled
	}
	if err != nil {
		bad("date", fmt.Sprintf("date %q is not a time such as 2023-10-11T09:00:00+09:00", e.Date))
		return
	}
	if loc == nil {
		// The feed names no zone: the offset is kept, as the Etc zone of
		// that whole hour where there is one.
		_, off := start.Zone()
		loc = time.FixedZone("", off)
		s.Timezone = "UTC"
		if off%3600 == 0 {
			name := "UTC"
			if h := off / 3600; h != 0 {
				name = fmt.Sprintf("Etc/GMT%+d", -h)
			}
			if l, err := schedule.LoadLocation(name); err == nil {
				loc, s.Timezone = l, name
			}
		}
		r.offsetZones++
	} else {
		s.Timezone = r.zone
	}
	s.Start = start.In(loc)
	switch {
	case e.End != "":
		end, err := time.Parse(time.RFC3339, strings.TrimSpace(e.End))
		if err != nil {
			bad("end", fmt.Sprintf("end %q is not a time such as 2023-10-11T10:00:00+09:00", e.End))
			return
		}
		s.End = end.In(loc)
	case e.Duration != "":
		m, err := schedule.ParseMinutes(strings.TrimSpace(e.Duration))
		if err != nil {
			bad("duration", fmt.Sprintf("duration %q is not a length such as 01:30", e.Duration))
			return
		}
		s.End = s.Start.Add(time.Duration(m) * time.Minute)
	}
}

func cmpLoc(l *time.Location) *time.Location {
	if l == nil {
		return time.UTC
	}
	return l
}

// finish says what the feed did not: the zone its times were read in.
func (r *feedReader) finish() {
	if r.offsetZones > 0 {
		r.prog.Warnings = append(r.prog.Warnings, fmt.Sprintf("%s: the feed names no time zone: %d %s read at the UTC offset %s (UTC where there is none); give the programme's zone with event.timezone (e.g. Europe/Berlin)",
			r.file, r.offsetZones, map[bool]string{true: "event was", false: "events were"}[r.offsetZones == 1], map[bool]string{true: "its time gives", false: "their times give"}[r.offsetZones == 1]))
	}
	switch {
	case r.zone != "":
		r.prog.Timezone = r.zone
	default:
		r.prog.Timezone = schedule.CommonZone(r.prog.Sessions)
	}
}

// The section titles feed.Description writes after the facts, and the
// fields they come from.
var docketSections = []struct {
	title string
	field func(*schedule.Session) *string
}{
	{"Policy questions", func(s *schedule.Session) *string { return &s.PolicyQuestions }},
	{"Expected outcomes", func(s *schedule.Session) *string { return &s.ExpectedOutcomes }},
	{"Key takeaways", func(s *schedule.Session) *string { return &s.KeyTakeaways }},
	{"Call to action", func(s *schedule.Session) *string { return &s.CallToAction }},
}

// docketFacts are the fact lines feed.Description writes.
var docketFacts = []string{feed.SessionFact, "Format: ", "Subtheme: ", "Organizer: ", "Speaker: ",
	"On-site moderator: ", "Online moderator: ", "Rapporteur: ", "SDG targets: "}

func isFactLine(l string) bool {
	for _, f := range docketFacts {
		if strings.HasPrefix(l, f) {
			return true
		}
	}
	return false
}

// undoDocket reads back what docket's feed writers put where the feeds
// have no field: the facts and sections of the description, the id in
// the title (--id-in-title), the format in the subtitle, the abstract
// made of the description's first paragraph, the placeholder URL.
func (r *feedReader) undoDocket(s *schedule.Session) {
	undoDocketDescription(s)
	if s.Format != "" {
		sub := s.Format
		if s.DeclaredMinutes > 0 {
			sub += " - " + strconv.Itoa(s.DeclaredMinutes) + " Min"
		}
		if s.Subtitle == sub {
			s.Subtitle = ""
		}
	}
	if s.Type == "Session" {
		s.Type = "" // what docket writes for a session without one
	}
	if strings.HasPrefix(s.URL, scheduleJSONBase) {
		s.URL = ""
	}
	if s.ID != "" && strings.HasPrefix(s.Title, s.ID+": ") {
		s.Title = strings.TrimPrefix(s.Title, s.ID+": ")
	}
}

// undoDocketDescription reads a description docket's feed writers made
// (feed.Description) back into the session's fields: its own text, the
// fact lines and the outcome sections; in a feed, the abstract docket
// made of the description is no abstract of the session's.
func undoDocketDescription(s *schedule.Session) {
	paras := strings.Split(strings.ReplaceAll(s.Description, "\r\n", "\n"), "\n\n")
	own, facts, rest := len(paras), -1, len(paras)
	for i, p := range paras {
		if facts < 0 && p != "" && allLines(p, isFactLine) {
			facts, own = i, i
			continue
		}
		if sectionOf(p) >= 0 {
			own, rest = min(own, i), i
			break
		}
	}
	description := strings.Join(paras[:own], "\n\n")
	if facts >= 0 {
		readFacts(s, paras[facts])
	}
	cur := -1
	for _, p := range paras[min(rest, len(paras)):] {
		if k := sectionOf(p); k >= 0 {
			cur = k
			*docketSections[k].field(s) = strings.TrimPrefix(p, docketSections[k].title+":\n")
			continue
		}
		if cur >= 0 {
			f := docketSections[cur].field(s)
			*f += "\n\n" + p
		}
	}
	// The abstract docket made (the description's first paragraph, or in
	// schedule.json the whole description, which the description field
	// then leaves out) is no abstract of the session's.
	switch {
	case description == "" && s.Abstract != "":
		description, s.Abstract = s.Abstract, ""
	case s.Abstract == frabAbstract(description) || s.Abstract == description:
		s.Abstract = ""
	}
	s.Description = description
}

func allLines(p string, ok func(string) bool) bool {
	for _, l := range strings.Split(p, "\n") {
		if !ok(l) {
			return false
		}
	}
	return true
}

func sectionOf(p string) int {
	for i, sec := range docketSections {
		if strings.HasPrefix(p, sec.title+":\n") {
			return i
		}
	}
	return -1
}

// readFacts reads the fact lines back into their fields; the persons the
// facts describe replace the bare names of <persons>, keeping their ids.
func readFacts(s *schedule.Session, para string) {
	ids := map[string]string{}
	for _, p := range s.Speakers {
		ids[schedule.PersonKey(p.Name)] = p.ID
	}
	described := false
	person := func(v string) schedule.Person {
		described = true
		p := readDescribedPerson(v)
		p.ID = ids[schedule.PersonKey(p.Name)]
		return p
	}
	var speakers []schedule.Person
	for _, l := range strings.Split(para, "\n") {
		switch {
		case strings.HasPrefix(l, feed.SessionFact):
			s.ID = strings.TrimPrefix(l, feed.SessionFact)
		case strings.HasPrefix(l, "Format: "):
			f := strings.TrimPrefix(l, "Format: ")
			if i := strings.LastIndex(f, " - "); i >= 0 && strings.HasSuffix(f, " Min") {
				if m, err := strconv.Atoi(f[i+3 : len(f)-4]); err == nil {
					f, s.DeclaredMinutes = f[:i], m
				}
			}
			s.Format = f
		case strings.HasPrefix(l, "Subtheme: "):
			s.Subtheme = strings.TrimPrefix(l, "Subtheme: ")
		case strings.HasPrefix(l, "Organizer: "):
			s.Organizers = append(s.Organizers, person(strings.TrimPrefix(l, "Organizer: ")))
		case strings.HasPrefix(l, "Speaker: "):
			speakers = append(speakers, person(strings.TrimPrefix(l, "Speaker: ")))
		case strings.HasPrefix(l, "On-site moderator: "):
			p := person(strings.TrimPrefix(l, "On-site moderator: "))
			s.OnsiteModerator = &p
		case strings.HasPrefix(l, "Online moderator: "):
			p := person(strings.TrimPrefix(l, "Online moderator: "))
			s.OnlineModerator = &p
		case strings.HasPrefix(l, "Rapporteur: "):
			p := person(strings.TrimPrefix(l, "Rapporteur: "))
			s.Rapporteur = &p
		case strings.HasPrefix(l, "SDG targets: "):
			s.SDGs = strings.Split(strings.TrimPrefix(l, "SDG targets: "), ", ")
		}
	}
	if described {
		s.Speakers = speakers
	}
}

// readDescribedPerson reads feed.DescribePerson's "Name, Role,
// Organisation (Stakeholder, Region; participation)". A person with an
// organisation and no role reads the organisation as the role: the line
// cannot tell them apart.
func readDescribedPerson(v string) schedule.Person {
	var p schedule.Person
	if strings.HasSuffix(v, ")") {
		if i := strings.LastIndex(v, " ("); i >= 0 {
			tail := v[i+2 : len(v)-1]
			v = v[:i]
			groups, part, _ := strings.Cut(tail, "; ")
			if part == "" && schedule.ParseParticipation(groups) != "" {
				groups, part = "", groups
			}
			p.Participation = schedule.ParseParticipation(part)
			// Stakeholder, then region; one alone is the one whose
			// vocabulary names it.
			switch gs := strings.Split(groups, ", "); {
			case len(gs) == 2:
				p.Stakeholder, p.Region = vocab.Stakeholders().Canonical(gs[0]), vocab.Regions().Canonical(gs[1])
			case gs[0] == "":
			case vocab.Regions().Get(gs[0]) != nil:
				p.Region = gs[0]
			default:
				p.Stakeholder = vocab.Stakeholders().Canonical(gs[0])
			}
		}
	}
	parts := strings.SplitN(v, ", ", 3)
	p.Name = parts[0]
	if len(parts) > 1 {
		p.Role = parts[1]
	}
	if len(parts) > 2 {
		p.Organization = parts[2]
	}
	return p
}
