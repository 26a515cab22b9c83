package formats

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// What ConfClerk (the Debian conference schedule app, 0.7.1 in bookworm)
// needs from a schedule.xml, rule by rule, checked on docket's frab export
// of testdata/sample.csv.
//
// Sources, cited in the cases as [src ...] and [exp ...]:
//
//   - [src] ConfClerk's importer as published in github.com/edulix/confclerk
//     (commit 7623a6a, 2013, the 0.5.x/0.6.0 code base; the 0.7.1 source
//     tarball is not reachable from here):
//     src/sql/schedulexmlparser.cpp, ScheduleXmlParser::parseData (l. 34-160)
//     reads, with QDom:
//     conference: firstChildElement title, subtitle, venue, city, start,
//     end, day_change, timeslot_duration (l. 56-66); day:
//     scheduleElement.elementsByTagName("day") (l. 77, every descendant
//     named day); room: dayElement.elementsByTagName("room") and only
//     those with a name attribute (l. 85-91; the TODO at l. 89-90 warns
//     that the event's own <room> child is matched too); event:
//     roomElement.elementsByTagName("event"), attribute id, children start,
//     duration, room, tag, title, subtitle, track, type, language,
//     abstract, description (l. 94-123); person:
//     firstChildElement("persons").elementsByTagName("person"), attribute
//     id and text (l. 125-134); link: firstChildElement("links")
//     .elementsByTagName("link"), attribute href and text (l. 136-145).
//     src/sql/sqlengine.cpp: DATE_FORMAT "yyyy-MM-dd", TIME_FORMAT "hh:mm"
//     (l. 35-36); addConferenceToDB (l. 133-171) turns start/end with
//     QDate::fromString(DATE_FORMAT) and timeslot_duration with
//     QTime::fromString(TIME_FORMAT); addEventToDB (l. 174-245) files the
//     event under its <track> text (a track row per name), its start is
//     date + QTime::fromString(start, "hh:mm") (l. 192), its duration
//     QTime::fromString(duration, "hh:mm") in seconds (l. 235), and an id
//     already in the conference is UPDATEd, not added (l. 194-232);
//     addPersonToDB (l. 248-264) INSERTs PERSON (xid_conference, id, name)
//     and EVENT_PERSON with the XML id and ignores the result ("TODO some
//     queries fail due to the unique key constraint", l. 254);
//     addRoomToDB (l. 267-310) keys rooms by name and moves the event to
//     the room it was last seen in (l. 295-309).
//     src/dbschema001.sql: person (id INTEGER NOT NULL, name NOT NULL,
//     PRIMARY KEY (id, xid_conference)); event PRIMARY KEY
//     (xid_conference, id), title NOT NULL; link url NOT NULL.
//   - [bin] /usr/bin/confclerk 0.7.1 (Debian 0.7.1-1): its strings carry
//     the same INSERT INTO PERSON / EVENT_PERSON / EVENT statements as
//     above, the messages "The ID of event '%1' is missing." and "The ID
//     '%2' of event '%1' is not numeric." (a ParseException), the default
//     day change "04:00:00" and the format "hh:mm"; its NEWS (0.6.3) says
//     "Bail out on import when conference XML has empty or ill-formed
//     event IDs", and 0.7.0 "Parse, save and display UTC offset from XML
//     files".
//   - [exp] Imports of hand-made files into ConfClerk 0.7.1 under Xvfb,
//     reading its SQLite database afterwards (2025, this branch's work;
//     the root package's TestConfClerkImportsTheFrabExport does the same
//     for docket's export):
//     persons without an id attribute are dropped silently, the event is
//     kept (all of docket's 257 persons, today); id="" or a text id such
//     as a UUID is stored as text and linked; one id given two names keeps
//     the first name for both; an event id missing, non-numeric, "0x10" or
//     past 2^31-1 aborts the whole import (nothing is stored), while "-5",
//     " 7" and "0" are taken; a repeated event id keeps one event, with
//     the last one's fields and room; <start> and <duration> other than
//     two-digit "hh:mm" ("9:00", "10:00:00", "0:30", "01:30:00") become 0,
//     and so does a duration of 24:00 or more; the event's calendar day is
//     its <date>'s (the day's date attribute only when <date> is absent),
//     an empty <date> gives a start in 2106; the first event's <date>
//     offset becomes the conference's utc_offset; the event's own <room>
//     text is ignored (the enclosing <room name> counts); an empty or
//     missing <track> files the event under "No track"; <url> is ignored,
//     only <links><link href> are kept; a conference without <title>
//     imports nothing.

// ccDoc is schedule.xml as ConfClerk reads it, attributes kept as given
// so that a missing one can be told from an empty one.
type ccDoc struct {
	XMLName    xml.Name `xml:"schedule"`
	Conference *struct {
		Title            *string `xml:"title"`
		Start            string  `xml:"start"`
		End              string  `xml:"end"`
		DayChange        *string `xml:"day_change"`
		TimeslotDuration string  `xml:"timeslot_duration"`
	} `xml:"conference"`
	Days []struct {
		Attrs []xml.Attr `xml:",any,attr"`
		Rooms []struct {
			Attrs  []xml.Attr `xml:",any,attr"`
			Events []ccEvent  `xml:"event"`
		} `xml:"room"`
	} `xml:"day"`
	raw []byte
}

type ccEvent struct {
	Attrs []xml.Attr `xml:",any,attr"`
	Room  *struct {
		Attrs []xml.Attr `xml:",any,attr"`
		Text  string     `xml:",chardata"`
	} `xml:"room"`
	Title    *string `xml:"title"`
	Date     *string `xml:"date"`
	Start    string  `xml:"start"`
	Duration string  `xml:"duration"`
	Persons  []struct {
		Attrs []xml.Attr `xml:",any,attr"`
		Name  string     `xml:",chardata"`
	} `xml:"persons>person"`
	Links []struct {
		Attrs []xml.Attr `xml:",any,attr"`
		Name  string     `xml:",chardata"`
	} `xml:"links>link"`
}

func ccAttr(attrs []xml.Attr, name string) (string, bool) {
	for _, a := range attrs {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// ccEach calls f with every event, its room's name and a label for messages.
func (d *ccDoc) each(f func(e *ccEvent, room, label string)) {
	for _, day := range d.Days {
		date, _ := ccAttr(day.Attrs, "date")
		for _, r := range day.Rooms {
			room, _ := ccAttr(r.Attrs, "name")
			for i := range r.Events {
				e := &r.Events[i]
				id, _ := ccAttr(e.Attrs, "id")
				title := ""
				if e.Title != nil {
					title = *e.Title
				}
				f(e, room, fmt.Sprintf("event id=%q %q (%s, %s)", id, title, date, room))
			}
		}
	}
}

var (
	ccHHMM = regexp.MustCompile(`^([0-9]{2}):([0-9]{2})$`)
	ccDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	ccInt  = regexp.MustCompile(`^[-+]?[0-9]+$`)
)

// ccTime reports whether s is what QTime::fromString(s, "hh:mm") takes:
// two digits each, hours 00-23, minutes 00-59.
func ccTime(s string) bool {
	m := ccHHMM.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	h, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	return h <= 23 && mm <= 59
}

// ccToInt is QString::toInt (base 10): surrounding blanks allowed, a
// sign, digits, within a 32-bit int.
func ccToInt(s string) bool {
	s = strings.TrimSpace(s)
	if !ccInt.MatchString(s) {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 32)
	return err == nil
}

type ccRule struct {
	name string
	// known, when set, says the rule fails on today's writer and why; the
	// failure message carries it.
	known string
	check func(d *ccDoc) []string
}

var ccRules = []ccRule{
	{
		// [src] parseData l. 52-69, 155-158: no <conference> or no title
		// and the import ends in "Could not parse schedule"; [src]
		// dbschema001.sql conference.title NOT NULL; [exp] a conference
		// without <title> imports nothing.
		name: "conference has a non-empty title",
		check: func(d *ccDoc) []string {
			if d.Conference == nil {
				return []string{"no <conference> under <schedule>"}
			}
			if d.Conference.Title == nil || strings.TrimSpace(*d.Conference.Title) == "" {
				return []string{"<conference> has no <title> text"}
			}
			return nil
		},
	},
	{
		// [src] addConferenceToDB l. 144-145: QDate::fromString(start/end,
		// "yyyy-MM-dd"); anything else is an invalid date, stored as a
		// broken timestamp that the day navigator is built from.
		name: "conference start and end are yyyy-MM-dd dates, start <= end",
		check: func(d *ccDoc) []string {
			if d.Conference == nil {
				return []string{"no <conference>"}
			}
			var p []string
			start, err1 := time.Parse(time.DateOnly, d.Conference.Start)
			end, err2 := time.Parse(time.DateOnly, d.Conference.End)
			if !ccDate.MatchString(d.Conference.Start) || err1 != nil {
				p = append(p, fmt.Sprintf("<start> %q is no yyyy-MM-dd date", d.Conference.Start))
			}
			if !ccDate.MatchString(d.Conference.End) || err2 != nil {
				p = append(p, fmt.Sprintf("<end> %q is no yyyy-MM-dd date", d.Conference.End))
			}
			if p == nil && end.Before(start) {
				p = append(p, fmt.Sprintf("<end> %s is before <start> %s", d.Conference.End, d.Conference.Start))
			}
			return p
		},
	},
	{
		// [src] addConferenceToDB l. 147: QTime::fromString(
		// timeslot_duration, "hh:mm"), else 0 seconds ([exp] missing gives
		// timeslot_duration 0).
		name: "conference timeslot_duration is hh:mm",
		check: func(d *ccDoc) []string {
			if d.Conference == nil || !ccTime(d.Conference.TimeslotDuration) {
				return []string{"<timeslot_duration> is no hh:mm"}
			}
			return nil
		},
	},
	{
		// [bin] default "04:00:00" when absent; [exp] "06:00:00" is
		// stored as 21600 s. docket writes none, which is fine.
		name: "conference day_change, if any, is hh:mm:ss",
		check: func(d *ccDoc) []string {
			if d.Conference == nil || d.Conference.DayChange == nil {
				return nil
			}
			s := *d.Conference.DayChange
			if len(s) != 8 || !ccTime(s[:5]) || s[5] != ':' {
				return []string{fmt.Sprintf("<day_change> %q is no hh:mm:ss", s)}
			}
			return nil
		},
	},
	{
		// [src] parseData l. 77, 85, 94, 126, 137 use elementsByTagName,
		// which finds descendants at any depth: a <day>, <room name>,
		// <event>, <person> or <link> elsewhere (say in a description
		// written as markup) would be imported as one; l. 89-90 (TODO)
		// notes the event's own <room> is matched as a room when it has a
		// name attribute.
		name: "day, room, event, person and link elements appear only where ConfClerk expects them",
		check: func(d *ccDoc) []string {
			var p []string
			dec := xml.NewDecoder(bytes.NewReader(d.raw))
			var stack []string
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					return append(p, err.Error())
				}
				switch tok := tok.(type) {
				case xml.StartElement:
					name, parent := tok.Name.Local, strings.Join(stack, "/")
					want := map[string]string{
						"day":    "schedule",
						"event":  "schedule/day/room",
						"person": "schedule/day/room/event/persons",
						"link":   "schedule/day/room/event/links",
					}[name]
					if want != "" && parent != want {
						p = append(p, fmt.Sprintf("<%s> under %s", name, parent))
					}
					if name == "room" && parent != "schedule/day" {
						if _, ok := ccAttr(tok.Attr, "name"); ok {
							p = append(p, fmt.Sprintf("<room name> under %s", parent))
						}
					}
					stack = append(stack, name)
				case xml.EndElement:
					stack = stack[:len(stack)-1]
				}
			}
			return p
		},
	},
	{
		// [src] parseData l. 112 (the event's date when it has no <date>,
		// [exp]): dayElement.attribute("date"), QDate "yyyy-MM-dd".
		name: "every day has a yyyy-MM-dd date attribute",
		check: func(d *ccDoc) []string {
			var p []string
			for i, day := range d.Days {
				if s, _ := ccAttr(day.Attrs, "date"); !ccDate.MatchString(s) {
					p = append(p, fmt.Sprintf("day %d: date=%q", i+1, s))
				}
			}
			if len(d.Days) == 0 {
				p = append(p, "no <day>")
			}
			return p
		},
	},
	{
		// [src] parseData l. 91: rooms without a name attribute are passed
		// over with all their events ([exp] such an event is not
		// imported); addRoomToDB keys rooms by that name (room.name NOT
		// NULL, UNIQUE per conference).
		name: "every room has a non-empty name attribute",
		check: func(d *ccDoc) []string {
			var p []string
			for i, day := range d.Days {
				for j, r := range day.Rooms {
					if s, ok := ccAttr(r.Attrs, "name"); !ok || strings.TrimSpace(s) == "" {
						p = append(p, fmt.Sprintf("day %d room %d: name=%q (present %v), %d events dropped", i+1, j+1, s, ok, len(r.Events)))
					}
				}
			}
			return p
		},
	},
	{
		// [src] parseData l. 101-105 files the event under the enclosing
		// <room name>; the event's <room> text (l. 114) is not stored
		// ([exp] a different text is ignored). They must agree, or
		// ConfClerk shows another room than the apps that read <room>.
		name: "each event's <room> text is its enclosing room's name",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, room, label string) {
				if e.Room != nil && e.Room.Text != room {
					p = append(p, fmt.Sprintf("%s: <room> %q", label, e.Room.Text))
				}
			})
			return p
		},
	},
	{
		// [bin] "The ID of event '%1' is missing." / "The ID '%2' of event
		// '%1' is not numeric." (ParseException), NEWS 0.6.3 "Bail out on
		// import when conference XML has empty or ill-formed event IDs";
		// [src] event.id INTEGER NOT NULL. [exp] a missing, non-numeric,
		// "0x10" or > 2147483647 id aborts the whole import: no event at
		// all is stored.
		name: "every event id is present and a 32-bit decimal integer (QString::toInt)",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				if id, ok := ccAttr(e.Attrs, "id"); !ok || !ccToInt(id) {
					p = append(p, label+": the import would be aborted")
				}
			})
			return p
		},
	},
	{
		// [src] event PRIMARY KEY (xid_conference, id); addEventToDB l.
		// 194-232 UPDATEs an id it has seen, addRoomToDB l. 295-309 moves
		// it to the later room; [exp] two events with one id leave one
		// event, the last one's.
		name: "event ids are unique in the whole conference",
		check: func(d *ccDoc) []string {
			var p []string
			seen := map[int64]string{}
			d.each(func(e *ccEvent, _, label string) {
				id, _ := ccAttr(e.Attrs, "id")
				n, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64)
				if err != nil {
					return // the rule above reports it
				}
				if first, ok := seen[n]; ok {
					p = append(p, fmt.Sprintf("%s overwrites %s", label, first))
				}
				seen[n] = label
			})
			return p
		},
	},
	{
		// [src] parseData l. 116; event.title NOT NULL: an event without
		// <title> fails its INSERT ("event insert/update failed", logged
		// and passed over).
		name: "every event has a non-empty title",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				if e.Title == nil || strings.TrimSpace(*e.Title) == "" {
					p = append(p, label)
				}
			})
			return p
		},
	},
	{
		// [src] addEventToDB l. 192: QTime::fromString(start, "hh:mm");
		// [exp] "9:00", "10:00:00" and "" start at 00:00.
		name: "every event start is two-digit hh:mm",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				if !ccTime(e.Start) {
					p = append(p, fmt.Sprintf("%s: <start> %q would be 00:00", label, e.Start))
				}
			})
			return p
		},
	},
	{
		// [src] addEventToDB l. 235: QTime::fromString(duration, "hh:mm")
		// in seconds; [exp] "0:30", "1:05", "01:30:00", "24:00" and
		// "99:59" are stored as 0 s. (The c3voc XSD allows up to 99:59,
		// and docket's writer caps there: a session of 24 h or more would
		// show as 0 in ConfClerk; the sample has none.)
		name: "every event duration is two-digit hh:mm under 24:00",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				if !ccTime(e.Duration) {
					p = append(p, fmt.Sprintf("%s: <duration> %q would be 0 s", label, e.Duration))
				}
			})
			return p
		},
	},
	{
		// [bin] 0.7.0 "Parse, save and display UTC offset from XML files";
		// [exp] the event's calendar day is its <date>'s, an empty <date>
		// gives a start in 2106, and the first event's <date> offset is
		// the conference's utc_offset (a <date> without one gives 0, i.e.
		// UTC). So <date> must be an ISO 8601 time with an offset, and its
		// wall clock must be <start> (ConfClerk combines <date>'s day with
		// <start>'s time).
		name: "every event date is an ISO 8601 time with offset whose clock is <start>",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				if e.Date == nil {
					return // the day's date is used ([exp]); docket writes one
				}
				t, err := time.Parse(time.RFC3339, *e.Date)
				switch {
				case err != nil:
					p = append(p, fmt.Sprintf("%s: <date> %q: %v", label, *e.Date, err))
				case ccTime(e.Start) && t.Format("15:04") != e.Start: // a bad <start> is the rule above's
					p = append(p, fmt.Sprintf("%s: <date> %q says %s, <start> says %s", label, *e.Date, t.Format("15:04"), e.Start))
				}
			})
			return p
		},
	},
	{
		// [src] addPersonToDB l. 248-264 binds the id attribute as given;
		// without one it is a null QString, NULL in SQL, and both INSERTs
		// fail on person.id / event_person.xid_person NOT NULL, the
		// failure ignored (l. 254, 262). [exp] docket's export imports 48
		// events and 0 persons; the same file with ids on the persons
		// imports them all. voctosched and frab write <person id="...">.
		name: "every person has an id attribute",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				for _, pe := range e.Persons {
					if _, ok := ccAttr(pe.Attrs, "id"); !ok {
						p = append(p, fmt.Sprintf("%s: <person> %q has no id, ConfClerk drops it", label, pe.Name))
					}
				}
			})
			return p
		},
	},
	{
		// [src] dbschema001.sql person.id INTEGER, and frab/pentabarf write
		// integers. ConfClerk 0.7.1 itself stores a text id (even "" or a
		// UUID) as text and links it ([exp]), so this is the column's type
		// and the format's convention rather than a check 0.7.1 makes;
		// ids already given are checked here, missing ones above.
		name: "every person id is a non-empty decimal integer",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				for _, pe := range e.Persons {
					if id, ok := ccAttr(pe.Attrs, "id"); ok && !ccToInt(id) {
						p = append(p, fmt.Sprintf("%s: <person id=%q> %q", label, id, pe.Name))
					}
				}
			})
			return p
		},
	},
	{
		// [src] person PRIMARY KEY (id, xid_conference); addPersonToDB l.
		// 250-254 ignores the failed INSERT of a second name under an id
		// already used, and EVENT_PERSON still links the id: [exp] the
		// first name is shown for both persons.
		name: "a person id stands for one name in the whole conference",
		check: func(d *ccDoc) []string {
			var p []string
			names := map[string]string{}
			d.each(func(e *ccEvent, _, label string) {
				for _, pe := range e.Persons {
					id, ok := ccAttr(pe.Attrs, "id")
					if !ok {
						continue
					}
					if n, seen := names[id]; seen && n != pe.Name {
						p = append(p, fmt.Sprintf("%s: id %q is %q here but %q before; ConfClerk shows %q", label, id, pe.Name, n, n))
					}
					if _, seen := names[id]; !seen {
						names[id] = pe.Name
					}
				}
			})
			return p
		},
	},
	{
		// ConfClerk lists persons by id ([src] person table, the search
		// joins event_person on it): a speaker of several sessions must
		// keep one id to be one person. docket knows a person by name
		// (feed.PersonGUID of the name), so one name must keep one id.
		name: "a person name keeps one id in the whole conference",
		check: func(d *ccDoc) []string {
			var p []string
			ids := map[string]string{}
			d.each(func(e *ccEvent, _, label string) {
				for _, pe := range e.Persons {
					id, ok := ccAttr(pe.Attrs, "id")
					if !ok {
						continue
					}
					if first, seen := ids[pe.Name]; seen && first != id {
						p = append(p, fmt.Sprintf("%s: %q has id %q here but %q before", label, pe.Name, id, first))
					}
					if _, seen := ids[pe.Name]; !seen {
						ids[pe.Name] = id
					}
				}
			})
			return p
		},
	},
	{
		// [src] parseData l. 130 (the element's text); person.name NOT
		// NULL.
		name: "every person has a name",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				for _, pe := range e.Persons {
					if strings.TrimSpace(pe.Name) == "" {
						p = append(p, label+": a <person> without text")
					}
				}
			})
			return p
		},
	},
	{
		// [src] parseData l. 136-145: <links><link href="...">name</link>;
		// link.url NOT NULL. ([exp] <url> is ignored: docket's session
		// links do not reach ConfClerk, which is no error.)
		name: "every link has an href",
		check: func(d *ccDoc) []string {
			var p []string
			d.each(func(e *ccEvent, _, label string) {
				for _, l := range e.Links {
					if h, _ := ccAttr(l.Attrs, "href"); strings.TrimSpace(h) == "" {
						p = append(p, fmt.Sprintf("%s: <link> %q without href", label, l.Name))
					}
				}
			})
			return p
		},
	},
}

// TestConfClerkImportRules checks docket's schedule.xml for the sample
// against each rule ConfClerk's importer applies (see the top of the file).
func TestConfClerkImportRules(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	var b bytes.Buffer
	if err := writeFrab(&b, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	d := ccDoc{raw: b.Bytes()}
	if err := xml.Unmarshal(d.raw, &d); err != nil {
		t.Fatalf("QDomDocument::setContent would fail too (\"Could not parse schedule\"): %v", err)
	}
	events := 0
	d.each(func(*ccEvent, string, string) { events++ })
	if events == 0 {
		t.Fatal("the export has no events; nothing to check")
	}
	for _, r := range ccRules {
		t.Run(r.name, func(t *testing.T) {
			problems := r.check(&d)
			if len(problems) == 0 {
				return
			}
			const show = 5
			msg := strings.Join(problems[:min(show, len(problems))], "\n  ")
			if len(problems) > show {
				msg += fmt.Sprintf("\n  ... and %d more", len(problems)-show)
			}
			if r.known != "" {
				t.Errorf("%s\n%d problems:\n  %s", r.known, len(problems), msg)
				return
			}
			t.Errorf("ConfClerk rule broken, %d problems:\n  %s", len(problems), msg)
		})
	}
}

// TestConfClerkRulesCatch shows each rule failing on a file that breaks
// it as the [exp] imports did, and passing on a voctosched-like file, so
// that a rule passing on docket's export is no rule that cannot fail.
func TestConfClerkRulesCatch(t *testing.T) {
	doc := func(event string) []byte {
		return []byte(`<schedule><conference><title>T</title><start>2023-10-10</start><end>2023-10-10</end>` +
			`<timeslot_duration>00:15</timeslot_duration></conference><day index="1" date="2023-10-10">` +
			`<room name="Hall A">` + event + `</room></day></schedule>`)
	}
	const good = `<event id="1"><room>Hall A</room><title>E</title><date>2023-10-10T10:00:00+09:00</date>` +
		`<start>10:00</start><duration>00:30</duration><persons><person id="7">Ann</person></persons>` +
		`<links><link href="https://example.org/">x</link></links></event>`
	cases := []struct{ rule, event string }{
		{"", good},
		{"every event id is present and a 32-bit decimal integer (QString::toInt)", strings.Replace(good, `id="1"`, `id="3000000000"`, 1)},
		{"event ids are unique in the whole conference", good + good},
		{"every event start is two-digit hh:mm", strings.Replace(good, "<start>10:00", "<start>9:00", 1)},
		{"every event duration is two-digit hh:mm under 24:00", strings.Replace(good, "00:30", "24:00", 1)},
		{"every event date is an ISO 8601 time with offset whose clock is <start>", strings.Replace(good, "T10:00:00+09:00", "", 1)},
		{"each event's <room> text is its enclosing room's name", strings.Replace(good, "<room>Hall A", "<room>Hall B", 1)},
		{"every person has an id attribute", strings.Replace(good, `<person id="7">`, `<person guid="x">`, 1)},
		{"every person id is a non-empty decimal integer", strings.Replace(good, `id="7"`, `id=""`, 1)},
		{"a person id stands for one name in the whole conference", good + strings.Replace(strings.Replace(good, `id="1"`, `id="2"`, 1), "Ann", "Bob", 1)},
		{"a person name keeps one id in the whole conference", good + strings.Replace(strings.Replace(good, `id="1"`, `id="2"`, 1), `id="7"`, `id="8"`, 1)},
		{"every link has an href", strings.Replace(good, ` href="https://example.org/"`, "", 1)},
		{"day, room, event, person and link elements appear only where ConfClerk expects them", strings.Replace(good, "<room>Hall A</room>", `<room name="X">Hall A</room>`, 1)},
	}
	for _, c := range cases {
		d := ccDoc{raw: doc(c.event)}
		if err := xml.Unmarshal(d.raw, &d); err != nil {
			t.Fatal(err)
		}
		for _, r := range ccRules {
			failed := len(r.check(&d)) > 0
			if failed != (r.name == c.rule) {
				t.Errorf("file breaking %q: rule %q failed = %v", cmp.Or(c.rule, "nothing"), r.name, failed)
			}
		}
	}
}
