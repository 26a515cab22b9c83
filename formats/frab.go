package formats

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/xml"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
)

// The schedule.xml document, in the element order of the c3voc XSD
// (voc/schedule validator/xsd/schedule.xml.xsd). The XSD admits no
// elements beyond these, so whatever has no field goes into the event's
// description.

type frabSchedule struct {
	XMLName    xml.Name       `xml:"schedule"`
	Generator  frabGenerator  `xml:"generator"`
	Version    string         `xml:"version"`
	Conference frabConference `xml:"conference"`
	Days       []frabDay      `xml:"day"`
}

type frabGenerator struct {
	Name string `xml:"name,attr"`
}

type frabConference struct {
	Title            frabText    `xml:"title"`
	Acronym          string      `xml:"acronym"`
	Start            string      `xml:"start"`
	End              string      `xml:"end"`
	Days             int         `xml:"days"`
	TimeslotDuration string      `xml:"timeslot_duration"`
	TimeZoneName     string      `xml:"time_zone_name,omitempty"`
	Tracks           []frabTrack `xml:"track"`
}

type frabTrack struct {
	Name string `xml:"name,attr"`
	Slug string `xml:"slug,attr,omitempty"`
}

type frabDay struct {
	Index int        `xml:"index,attr"`
	Date  string     `xml:"date,attr"`
	Start string     `xml:"start,attr"`
	End   string     `xml:"end,attr"`
	Rooms []frabRoom `xml:"room"`
}

type frabRoom struct {
	Name   string      `xml:"name,attr"`
	Events []frabEvent `xml:"event"`
}

type frabEvent struct {
	ID          int          `xml:"id,attr"`
	GUID        string       `xml:"guid,attr"`
	Room        frabText     `xml:"room"`
	Title       frabText     `xml:"title"`
	Subtitle    frabText     `xml:"subtitle,omitempty"`
	Type        frabText     `xml:"type"`
	Date        string       `xml:"date"`
	Start       string       `xml:"start"`
	Duration    string       `xml:"duration"`
	Abstract    frabText     `xml:"abstract"`
	Description frabText     `xml:"description,omitempty"`
	Slug        string       `xml:"slug"`
	Track       frabText     `xml:"track"`
	Language    string       `xml:"language,omitempty"`
	Persons     *frabPersons `xml:"persons"`
	URL         string       `xml:"url,omitempty"`
}

type frabPersons struct {
	Person []frabPerson `xml:"person"`
}

// frabPerson has a numeric id, which the XSD makes optional and ConfClerk
// needs (it imported no person without one), and a GUID.
type frabPerson struct {
	ID   int    `xml:"id,attr"`
	GUID string `xml:"guid,attr"`
	Name string `xml:",chardata"`
}

// frabText is element text written through the encoder's token API, which
// escapes markup and replaces characters XML cannot hold with U+FFFD like
// the struct marshaller, but keeps line breaks as line breaks (the
// marshaller writes them as &#xA;, which no one can read in the file).
type frabText string

func (t frabText) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if t != "" {
		if err := e.EncodeToken(xml.CharData(t)); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// frabMaxDuration is the longest duration the XSD's HH:MM pattern holds.
const frabMaxDuration = 99*time.Hour + 59*time.Minute

// writeFrab writes the programme as a frab/pretalx schedule.xml: one day
// per date with sessions, rooms by name, events by start. Ids, GUIDs and
// slugs derive from the session ids, so re-exports keep them.
func writeFrab(w io.Writer, p *schedule.Programme, o WriteOptions) error {
	doc := frabDocument(p, o)
	if o.Previous != nil {
		// The version rises when, and only when, the schedule written
		// differs from the one the previous programme gives.
		prev := frabDocument(o.Previous, WriteOptions{Loc: o.Loc, Title: o.Title, Acronym: o.Acronym, IDInTitle: o.IDInTitle, Now: o.Now})
		doc.Version = nextVersion(o.Previous.Version, doc.Version, !sameXML(prev, doc))
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// sameXML reports whether two documents marshal alike.
func sameXML(a, b frabSchedule) bool {
	x, err1 := xml.Marshal(a)
	y, err2 := xml.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// nextVersion is a feed's version after the previous one: the same when
// nothing changed; else its last number raised ("1.0" → "1.1", "Flight
// 3" → "Flight 4"), or, when it has none, fresh (the content's own).
func nextVersion(prev, fresh string, changed bool) string {
	if prev == "" {
		return fresh
	}
	if !changed {
		return prev
	}
	end := len(prev)
	for end > 0 && (prev[end-1] < '0' || prev[end-1] > '9') {
		end--
	}
	start := end
	for start > 0 && prev[start-1] >= '0' && prev[start-1] <= '9' {
		start--
	}
	if start == end || strings.HasPrefix(prev, "docket-") {
		return fresh
	}
	n, err := strconv.Atoi(prev[start:end])
	if err != nil {
		return fresh
	}
	return prev[:start] + strconv.Itoa(n+1) + prev[end:]
}

// frabDocument is the schedule.xml of a programme.
func frabDocument(p *schedule.Programme, o WriteOptions) frabSchedule {
	loc := feed.Location(p, o.Loc)
	title := feed.Title(p, o.Title)
	acronym := feed.Acronym(o.Acronym, title)
	ids := feed.EventIDs(p.Sessions)
	personIDs := feed.PersonIDs(p.Sessions)
	days := feed.Days(p.Sessions, loc)

	doc := frabSchedule{
		Generator: frabGenerator{Name: "docket"},
		Version:   "1.0",
		Conference: frabConference{
			Title:            frabText(title),
			Acronym:          acronym,
			TimeslotDuration: "00:15",
		},
	}
	if name := loc.String(); name != "Local" {
		doc.Conference.TimeZoneName = name
	}
	first, last := feed.DateRange(p, days, o.Now, loc)
	doc.Conference.Start, doc.Conference.End = first.Format(time.DateOnly), last.Format(time.DateOnly)
	doc.Conference.Days = int(last.Sub(first).Hours()/24+0.5) + 1

	tracks := map[string]bool{}
	guids := map[string]bool{}
	for _, d := range days {
		day := frabDay{Index: d.Index, Date: d.Date, Start: frabTime(d.Start, loc), End: frabTime(d.End, loc)}
		byRoom := map[string][]*schedule.Session{}
		var rooms []string
		for _, s := range d.Sessions {
			if _, ok := byRoom[s.Room]; !ok {
				rooms = append(rooms, s.Room)
			}
			byRoom[s.Room] = append(byRoom[s.Room], s)
		}
		slices.Sort(rooms)
		for _, r := range rooms {
			room := frabRoom{Name: r}
			// feed.Days sorted the day by start (then room and id).
			for _, s := range byRoom[r] {
				id := ids[s]
				guid := feed.SessionGUID(acronym, s)
				if guids[guid] {
					// A session id given twice: the XSD wants GUIDs unique.
					guid = feed.RepeatedSessionGUID(acronym, s, id)
				}
				guids[guid] = true
				if s.Theme != "" {
					tracks[s.Theme] = true
				}
				room.Events = append(room.Events, frabSession(s, id, guid, acronym, loc, personIDs, o.IDInTitle))
			}
			day.Rooms = append(day.Rooms, room)
		}
		doc.Days = append(doc.Days, day)
	}
	if len(doc.Days) == 0 {
		// The XSD wants at least one day; a programme with nothing
		// scheduled gets its first day, empty.
		d := first.Format(time.DateOnly)
		day := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
		doc.Days = []frabDay{{Index: 1, Date: d, Start: frabTime(day, loc), End: frabTime(day, loc)}}
	}
	for _, t := range slices.Sorted(maps.Keys(tracks)) {
		doc.Conference.Tracks = append(doc.Conference.Tracks, frabTrack{Name: t, Slug: frabTrackSlug(t)})
	}
	return doc
}

// frabSession maps one scheduled session to an event.
func frabSession(s *schedule.Session, id int, guid, acronym string, loc *time.Location, personIDs map[string]int, idInTitle bool) frabEvent {
	start := s.Start.In(loc)
	e := frabEvent{
		ID:          id,
		GUID:        guid,
		Room:        frabText(s.Room),
		Title:       frabText(feed.EventTitle(s, idInTitle)),
		Type:        frabText(cmp.Or(strings.TrimSpace(s.Type), "Session")),
		Date:        frabTime(start, loc),
		Start:       start.Format("15:04"),
		Duration:    feed.HHMM(min(frabDuration(s), frabMaxDuration)),
		Abstract:    frabText(cmp.Or(strings.TrimSpace(s.Abstract), frabAbstract(s.Description))),
		Description: frabText(feed.Description(s, id)),
		Slug:        feed.Slug(acronym, id, s.Title),
		Track:       frabText(s.Theme),
		Language:    feed.Language(s.Language),
		URL:         feed.HTTPURL(s.URL),
	}
	if s.Subtitle != "" {
		e.Subtitle = frabText(strings.TrimSpace(s.Subtitle))
	} else if s.Format != "" {
		sub := s.Format
		if s.DeclaredMinutes > 0 {
			sub += " - " + strconv.Itoa(s.DeclaredMinutes) + " Min"
		}
		e.Subtitle = frabText(sub)
	}
	if names := feed.Persons(s); len(names) > 0 {
		e.Persons = &frabPersons{}
		for _, n := range names {
			e.Persons.Person = append(e.Persons.Person, frabPerson{ID: personIDs[schedule.PersonKey(n)], GUID: feed.PersonGUID(n), Name: n})
		}
	}
	return e
}

// frabTime is an RFC 3339 time with its offset, as the XSD demands.
func frabTime(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.RFC3339) }

// frabDuration is the scheduled length, or the declared one when the
// session has no (sensible) end.
func frabDuration(s *schedule.Session) time.Duration {
	if !s.End.IsZero() && s.End.After(s.Start) {
		return s.End.Sub(s.Start)
	}
	return time.Duration(max(s.DeclaredMinutes, 0)) * time.Minute
}

// frabAbstract is the text up to the first blank line, trimmed.
func frabAbstract(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			break
		}
		lines = append(lines, strings.TrimRight(l, " \t\r"))
	}
	return strings.Join(lines, "\n")
}

// frabTrackSlug is a track's slug, or "" when none fits the XSD's
// [a-z][a-z0-9-]+ (the attribute is optional).
func frabTrackSlug(name string) string {
	s := feed.Slugify(name, "-")
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		s = "track-" + s
	}
	if len(s) < 2 {
		return ""
	}
	return s
}
