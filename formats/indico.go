package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

// Indico's export API, read only: {"count", "_type": "HTTPAPIResult",
// "results"}. Two exports are read:
//
//   - the event export with its contributions
//     (/export/event/ID.json?detail=contributions): "results" is an array
//     of events ({title, timezone, contributions: [...]}); a contribution
//     is a session.
//   - the timetable export (/export/timetable/ID.json): "results" is
//     {eventId: {YYYYMMDD: {entryId: entry}}}; a contribution or a break
//     is a session, and a session block its entries' session (a block
//     without entries is a session itself).
//
// Where things go (event export):
//   - id: friendly_id (the number Indico shows), else id; title; the
//     description's HTML as text; type: the contribution type's name;
//     theme: the track; room: room, else roomFullname, else location;
//     url; tags: keywords; declared minutes: duration.
//   - speakers: "speakers", named "First Last" from first_name and
//     last_name (else fullName, "Last, First", turned round), with their
//     affiliation as organisation and their email when the export has it;
//     primary and co-authors who are not speakers: the extra column
//     "Other authors", names joined with "; ".
//   - the Indico session (a block of the timetable, not a theme): the
//     extra column "Indico session".
//
// Timetable export: the same, with presenters as speakers (the timetable
// does not tell speakers from authors), a break typed Break, an empty
// block typed Session, and the conveners of a block in the extra column
// "Conveners" of its entries.
//
// Times are {date, time, tz}, read in their tz and shown in the event's
// zone (event.timezone overrides it); a contribution without a start is
// unscheduled.

var indicoFormat = &Format{
	Name:        "indico",
	Noun:        "an Indico export",
	Description: "Indico's export API JSON: an event with its contributions (?detail=contributions) or its timetable (read only)",
	Sniff:       sniffIndico,
	Read:        readIndico,
}

// sniffIndico recognises Indico's export API: {"count", "_type":
// "HTTPAPIResult", "results"...}.
func sniffIndico(head []byte) int {
	sh := shapeOfJSON(head)
	if sh.valid && sh.hasTop("results") && bytes.Contains(head, []byte(`"HTTPAPIResult"`)) {
		return SniffSure
	}
	return SniffNo
}

type indicoDate struct {
	Date string `json:"date"`
	Time string `json:"time"`
	TZ   string `json:"tz"`
}

// indicoPerson is a person of the event export (first_name, last_name,
// fullName) or of the timetable (firstName, familyName, name).
type indicoPerson struct {
	FullName    string `json:"fullName"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name"`
	FirstName2  string `json:"firstName"`
	FamilyName  string `json:"familyName"`
	Name        string `json:"name"`
	Affiliation string `json:"affiliation"`
	Email       string `json:"email"`
}

// name is the person's name written first name first.
func (p *indicoPerson) name() string {
	first := cmpOr(strings.TrimSpace(p.FirstName), strings.TrimSpace(p.FirstName2))
	last := cmpOr(strings.TrimSpace(p.LastName), strings.TrimSpace(p.FamilyName))
	if first != "" || last != "" {
		return strings.TrimSpace(first + " " + last)
	}
	if n := strings.TrimSpace(p.Name); n != "" {
		return n
	}
	return flipName(p.FullName)
}

// flipName turns Indico's "Last, First" round; a name with no comma or
// more than one is kept as it is.
func flipName(s string) string {
	s = strings.TrimSpace(s)
	last, first, ok := strings.Cut(s, ",")
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	if !ok || strings.Contains(first, ",") || last == "" || first == "" {
		return s
	}
	return first + " " + last
}

func (p *indicoPerson) person() schedule.Person {
	return schedule.Person{Name: p.name(), Organization: strings.TrimSpace(p.Affiliation), Email: strings.TrimSpace(p.Email)}
}

// indicoLabel is a name Indico writes as a string, or as an object with
// a title or a name (a track, a session, a type), or null.
type indicoLabel string

func (l *indicoLabel) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var o struct {
			Title string `json:"title"`
			Name  string `json:"name"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		*l = indicoLabel(cmpOr(o.Title, o.Name))
		return nil
	}
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	*l = indicoLabel(s)
	return nil
}

type indicoContribution struct {
	ID             flexString     `json:"id"`
	FriendlyID     flexString     `json:"friendly_id"`
	Title          string         `json:"title"`
	Description    string         `json:"description"`
	StartDate      *indicoDate    `json:"startDate"`
	EndDate        *indicoDate    `json:"endDate"`
	Duration       flexString     `json:"duration"`
	Room           string         `json:"room"`
	RoomFullname   string         `json:"roomFullname"`
	Location       string         `json:"location"`
	Track          indicoLabel    `json:"track"`
	Session        indicoLabel    `json:"session"`
	Type           indicoLabel    `json:"type"`
	URL            string         `json:"url"`
	Keywords       []flexString   `json:"keywords"`
	Speakers       []indicoPerson `json:"speakers"`
	PrimaryAuthors []indicoPerson `json:"primaryauthors"`
	CoAuthors      []indicoPerson `json:"coauthors"`
}

// indicoEntry is an entry of the timetable export.
type indicoEntry struct {
	EntryType      string         `json:"entryType"`
	Type           string         `json:"_type"`
	ID             flexString     `json:"id"`
	FriendlyID     flexString     `json:"friendlyId"`
	ContributionID flexString     `json:"contributionId"`
	Title          string         `json:"title"`
	SlotTitle      string         `json:"slotTitle"`
	Description    string         `json:"description"`
	StartDate      *indicoDate    `json:"startDate"`
	EndDate        *indicoDate    `json:"endDate"`
	Duration       flexString     `json:"duration"`
	Room           string         `json:"room"`
	Location       string         `json:"location"`
	URL            string         `json:"url"`
	Presenters     []indicoPerson `json:"presenters"`
	Conveners      []indicoPerson `json:"conveners"`
	Entries        indicoEntries  `json:"entries"`
}

// kind is the entry's kind: Contribution, Break or Session.
func (e *indicoEntry) kind() string {
	switch t := e.EntryType + " " + e.Type; {
	case strings.Contains(t, "Contrib"):
		return "Contribution"
	case strings.Contains(t, "Break"):
		return "Break"
	case strings.Contains(t, "Session"):
		return "Session"
	}
	return ""
}

// indicoEntries are the entries of a session block, in the document's
// order (an object keyed by entry id; an empty one may be an array).
type indicoEntries []*indicoEntry

func (es *indicoEntries) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var list []*indicoEntry
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		*es = list
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	return eachKey(dec, func(string) error {
		e := new(indicoEntry)
		if err := dec.Decode(e); err != nil {
			return err
		}
		*es = append(*es, e)
		return nil
	})
}

// indicoReader builds the programme as the export is read.
type indicoReader struct {
	d         *extDoc
	file      string
	opts      ReadOptions
	prog      *schedule.Programme
	extraSeen map[string]bool
	n         int // sessions so far: the next one's "row"
}

func readIndico(in Input, opts ReadOptions) (*schedule.Programme, error) {
	// A contribution is an object at depth 5 ({"results": [{"contributions":
	// [{...}]}]}), and so is a timetable entry ({"results": {event: {day:
	// {entry: {...}}}}}).
	d, err := openExt(in, opts, func(byte) int { return 5 })
	if err != nil {
		return nil, err
	}
	defer d.Close()
	r := &indicoReader{d: d, file: in.Name, opts: opts, extraSeen: map[string]bool{},
		prog: &schedule.Programme{Profile: cmpOr(opts.Profile, schedule.ProfileGeneric)}}
	if opts.Profile == "" {
		r.prog.Notes = append(r.prog.Notes, "checked with the generic profile (times, rooms, overlaps, ids, text): an Indico export does not speak the IGF's vocabulary; event.profile igf checks the IGF's")
	}
	sawResults := false
	err = eachKey(d.dec, func(k string) error {
		if k != "results" {
			return skipValue(d.dec)
		}
		sawResults = true
		t, err := d.dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('['):
			return r.events()
		case json.Delim('{'):
			return r.timetable()
		case nil:
			return errors.New(`"results" is null: the export found no event (is the event id right, and is the event public or the API key allowed to see it?)`)
		}
		return fmt.Errorf(`"results" should be an array of events or a timetable object, not %s`, tokenKind(t))
	})
	if err == nil && !sawResults {
		err = errors.New(`expected Indico's export {"_type": "HTTPAPIResult", "results": ...}, but there is no "results"`)
	}
	if err != nil {
		return nil, d.fail("", err)
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	if opts.Timezone != "" {
		r.prog.Timezone = opts.Timezone
	}
	if r.prog.Timezone == "" {
		r.prog.Timezone = schedule.CommonZone(r.prog.Sessions)
	}
	return r.prog, nil
}

// events reads the event export's events, the array just opened.
func (r *indicoReader) events() error {
	sawContributions := false
	for n := 1; r.d.dec.More(); n++ {
		var title, zone string
		var contribs []*indicoContribution
		err := eachKey(r.d.dec, func(k string) error {
			switch k {
			case "title":
				return r.d.dec.Decode(&title)
			case "timezone":
				return r.d.dec.Decode(&zone)
			case "contributions":
				sawContributions = true
				return eachItem(r.d.dec, "contribution", func(_ int, c *indicoContribution) error {
					contribs = append(contribs, c)
					return nil
				})
			}
			return skipValue(r.d.dec)
		})
		if err != nil {
			var at *atError
			if errors.As(err, &at) {
				return &atError{fmt.Sprintf("event %d, %s", n, at.where), at.err}
			}
			return &atError{fmt.Sprintf("event %d", n), err}
		}
		if r.prog.Name == "" {
			r.prog.Name = strings.TrimSpace(title)
		}
		if zone = strings.TrimSpace(zone); zone != "" && r.opts.Timezone == "" {
			if _, err := schedule.LoadLocation(zone); err != nil {
				// Told once; the contributions' own zones place them.
				r.prog.Problems = append(r.prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: schedule.Source{File: r.file}, Column: "timezone",
					Message: fmt.Sprintf("the event's timezone: %v", err), Hint: "give the programme's zone with event.timezone"})
				zone = ""
			} else if r.prog.Timezone == "" {
				r.prog.Timezone = zone
			}
		}
		for _, c := range contribs {
			r.contribution(c, cmpOr(r.opts.Timezone, zone))
		}
	}
	if _, err := r.d.dec.Token(); err != nil {
		return err
	}
	if !sawContributions {
		return errors.New(`this Indico export has the events without their contributions: export them with ?detail=contributions (/export/event/ID.json?detail=contributions), or export the timetable (/export/timetable/ID.json)`)
	}
	return nil
}

// timetable reads the timetable export, the object just opened:
// {eventId: {YYYYMMDD: {entryId: entry}}}.
func (r *indicoReader) timetable() error {
	for r.d.dec.More() {
		event, err := objectKey(r.d.dec)
		if err != nil {
			return err
		}
		err = eachKey(r.d.dec, func(day string) error {
			return eachKey(r.d.dec, func(id string) error {
				e := new(indicoEntry)
				if err := r.d.dec.Decode(e); err != nil {
					return &atError{fmt.Sprintf("event %s, day %s, entry %s", event, day, id), err}
				}
				r.entry(e, nil)
				return nil
			})
		})
		if err != nil {
			return err
		}
	}
	_, err := r.d.dec.Token()
	return err
}

// newSession starts a session of the programme.
func (r *indicoReader) newSession(id, title, description string) *schedule.Session {
	r.n++
	return &schedule.Session{ID: strings.TrimSpace(id), Title: strings.TrimSpace(title), Description: htmlText(description),
		Src: schedule.Source{File: r.file, Row: r.n}}
}

// contribution adds a contribution of the event export; zone is the
// event's (or event.timezone).
func (r *indicoReader) contribution(c *indicoContribution, zone string) {
	s := r.newSession(cmpOr(string(c.FriendlyID), string(c.ID)), c.Title, c.Description)
	s.Type = strings.TrimSpace(string(c.Type))
	s.Theme = strings.TrimSpace(string(c.Track))
	s.Room = cmpOr(strings.TrimSpace(c.Room), cmpOr(strings.TrimSpace(c.RoomFullname), strings.TrimSpace(c.Location)))
	s.URL = strings.TrimSpace(c.URL)
	for _, k := range c.Keywords {
		if k := strings.TrimSpace(string(k)); k != "" {
			s.Tags = append(s.Tags, k)
		}
	}
	speaking := map[string]bool{}
	for i := range c.Speakers {
		p := c.Speakers[i].person()
		if p.Name == "" {
			continue
		}
		s.Speakers = append(s.Speakers, p)
		speaking[strings.ToLower(p.Name)] = true
	}
	var others []string
	for _, list := range [][]indicoPerson{c.PrimaryAuthors, c.CoAuthors} {
		for i := range list {
			if n := list[i].name(); n != "" && !speaking[strings.ToLower(n)] {
				speaking[strings.ToLower(n)] = true // once
				others = append(others, n)
			}
		}
	}
	addExtra(r.prog, r.extraSeen, s, "Other authors", strings.Join(others, "; "))
	addExtra(r.prog, r.extraSeen, s, "Indico session", strings.TrimSpace(string(c.Session)))
	r.times(s, c.StartDate, c.EndDate, c.Duration, zone)
	r.prog.Sessions = append(r.prog.Sessions, s)
}

// entry adds an entry of the timetable export; block is the session
// block it is in, or nil.
func (r *indicoReader) entry(e *indicoEntry, block *indicoEntry) {
	kind := e.kind()
	if kind == "Session" && len(e.Entries) > 0 {
		for _, child := range e.Entries {
			r.entry(child, e)
		}
		return
	}
	id := string(e.ID)
	if kind == "Contribution" {
		id = cmpOr(string(e.FriendlyID), cmpOr(string(e.ContributionID), id))
	}
	title := e.Title
	if kind == "Session" && e.SlotTitle != "" && e.SlotTitle != e.Title {
		title += ": " + e.SlotTitle
	}
	s := r.newSession(id, title, e.Description)
	switch kind {
	case "Break":
		s.Type = "Break"
	case "Session":
		s.Type = "Session"
	}
	s.Room = cmpOr(strings.TrimSpace(e.Room), strings.TrimSpace(e.Location))
	s.URL = strings.TrimSpace(e.URL)
	for i := range e.Presenters {
		if p := e.Presenters[i].person(); p.Name != "" {
			s.Speakers = append(s.Speakers, p)
		}
	}
	conveners := e.Conveners
	if block != nil {
		if s.Room == "" {
			s.Room = cmpOr(strings.TrimSpace(block.Room), strings.TrimSpace(block.Location))
		}
		addExtra(r.prog, r.extraSeen, s, "Indico session", strings.TrimSpace(block.Title))
		conveners = block.Conveners
	}
	var names []string
	for i := range conveners {
		if n := conveners[i].name(); n != "" {
			names = append(names, n)
		}
	}
	addExtra(r.prog, r.extraSeen, s, "Conveners", strings.Join(names, "; "))
	zone := r.opts.Timezone
	if zone == "" && e.StartDate != nil {
		zone = e.StartDate.TZ
	}
	r.times(s, e.StartDate, e.EndDate, e.Duration, zone)
	if r.prog.Timezone == "" && r.opts.Timezone == "" && s.Scheduled() && s.Timezone != "UTC" {
		r.prog.Timezone = s.Timezone
	}
	r.prog.Sessions = append(r.prog.Sessions, s)
}

// times sets the session's zone (zone, else its start's), start, end and
// declared minutes. An end that is missing is the start plus the
// duration.
func (r *indicoReader) times(s *schedule.Session, start, end *indicoDate, duration flexString, zone string) {
	if zone == "" && start != nil {
		zone = start.TZ
	}
	loc, name := zoneFor(r.prog, zone, s.Src, "timezone")
	s.Timezone = name
	if m, err := strconv.ParseFloat(string(duration), 64); err == nil && m > 0 && m < 1e6 {
		s.DeclaredMinutes = int(math.Round(m))
	}
	for _, t := range []struct {
		name string
		d    *indicoDate
		dst  *time.Time
	}{{"startDate", start, &s.Start}, {"endDate", end, &s.End}} {
		if t.d == nil || strings.TrimSpace(t.d.Date) == "" {
			continue
		}
		tm, err := indicoTime(t.d, t.name, loc)
		if err != nil {
			r.prog.Problems = append(r.prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: s.Src, Column: t.name, Session: s.ID, Message: err.Error()})
			continue
		}
		*t.dst = tm.In(loc)
	}
	if s.End.IsZero() && s.Scheduled() && s.DeclaredMinutes > 0 {
		s.End = s.Start.Add(time.Duration(s.DeclaredMinutes) * time.Minute)
	}
}

// indicoTime reads {date, time, tz} in its tz (in loc when it has none).
func indicoTime(d *indicoDate, column string, loc *time.Location) (time.Time, error) {
	in := loc
	if tz := strings.TrimSpace(d.TZ); tz != "" {
		l, err := schedule.LoadLocation(tz)
		if err != nil {
			return time.Time{}, fmt.Errorf("%s: %v", column, err)
		}
		in = l
	}
	date, clock := strings.TrimSpace(d.Date), strings.TrimSpace(d.Time)
	if clock == "" {
		clock = "00:00:00"
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, date+" "+clock, in); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%s %q %q is not a date and time such as 2023-10-11 09:00:00", column, d.Date, d.Time)
}
