package formats

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

// Sessionize's API JSON (https://sessionize.com/api/v2/ID/view/All), read
// only. The "All data" view is {sessions, speakers, questions, categories,
// rooms}: a session names its speakers, category items, answers and room
// by id, and the reader joins them. The "Sessions" view, an array of
// groups {groupId, groupName, sessions}, names them inline and is read
// too. Neither carries the event's time zone: times are local, read in
// event.timezone, else in UTC with a warning.
//
// Where things go:
//   - a category titled Format or Session format gives the format (and
//     the declared length of "Session (45 min)"); Track,
//     Topic or Theme the theme; Type or Session type the type; Language the
//     language; Tags or Keywords the tags (several items are joined with
//     "; "); any other category (Level...) is an extra column named by its
//     title, its items joined with "; ".
//   - a service session (a break) is typed Service unless a type category
//     says otherwise.
//   - the answers to questions are extra columns named by the question.
//   - a speaker is named by fullName; the tagLine "Role at Org", "Role @
//     Org" or "Role, Org" gives their role and organisation (anything
//     else is the role), and answers to speaker questions named Company,
//     Organisation, Job title, Role or Email override it.
//   - liveUrl and recordingUrl are the extra columns Live URL and Recording
//     URL; status, isInformed, isConfirmed, isPlenumSession, bios, photos
//     and links are not read.

var sessionizeFormat = &Format{
	Name:        "sessionize",
	Noun:        "a Sessionize export",
	Description: `Sessionize API JSON, the "All data" or "Sessions" view (read only; times are read in event.timezone)`,
	Sniff:       sniffSessionize,
	Read:        readSessionize,
}

func sniffSessionize(head []byte) int {
	sh := shapeOfJSON(head)
	if !sh.valid {
		return SniffNo
	}
	if sh.hasFirst(sessionizeKeys...) || (sh.hasTop("sessions") && sh.hasTop("speakers", "rooms", "categories", "questions")) {
		return SniffSure
	}
	return SniffNo
}

// szAnswer is an answer to a question: by the question's id in the All
// view, with the question's text in the Sessions view.
type szAnswer struct {
	QuestionID  flexString `json:"questionId"`
	AnswerValue flexString `json:"answerValue"`
	Question    string     `json:"question"`
	Answer      flexString `json:"answer"`
}

// szRef is a speaker as a session names it: an id (All) or {id, name}
// (Sessions view).
type szRef struct{ ID, Name string }

func (r *szRef) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		var o struct {
			ID   flexString `json:"id"`
			Name string     `json:"name"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		r.ID, r.Name = string(o.ID), o.Name
		return nil
	}
	var id flexString
	if err := json.Unmarshal(b, &id); err != nil {
		return err
	}
	r.ID = string(id)
	return nil
}

type szItem struct {
	ID   flexString `json:"id"`
	Name string     `json:"name"`
}

// szViewCategory is a category as the Sessions view writes it in a
// session: its name and the session's items.
type szViewCategory struct {
	Name  string   `json:"name"`
	Items []szItem `json:"categoryItems"`
}

type szSession struct {
	ID               flexString       `json:"id"`
	Title            string           `json:"title"`
	Description      string           `json:"description"`
	StartsAt         string           `json:"startsAt"`
	EndsAt           string           `json:"endsAt"`
	IsServiceSession bool             `json:"isServiceSession"`
	Speakers         []szRef          `json:"speakers"`
	CategoryItems    []flexString     `json:"categoryItems"`
	Categories       []szViewCategory `json:"categories"`
	QuestionAnswers  []szAnswer       `json:"questionAnswers"`
	RoomID           flexString       `json:"roomId"`
	Room             string           `json:"room"`
	LiveURL          string           `json:"liveUrl"`
	RecordingURL     string           `json:"recordingUrl"`
}

type szSpeaker struct {
	ID              flexString `json:"id"`
	FirstName       string     `json:"firstName"`
	LastName        string     `json:"lastName"`
	FullName        string     `json:"fullName"`
	TagLine         string     `json:"tagLine"`
	QuestionAnswers []szAnswer `json:"questionAnswers"`
}

type szCategory struct {
	ID    flexString `json:"id"`
	Title string     `json:"title"`
	Items []szItem   `json:"items"`
}

type szQuestion struct {
	ID       flexString `json:"id"`
	Question string     `json:"question"`
}

type szRoom struct {
	ID   flexString `json:"id"`
	Name string     `json:"name"`
}

// szDoc is a Sessionize document as read, before the joins.
type szDoc struct {
	sessions   []*szSession
	speakers   map[string]*szSpeaker
	categories []*szCategory
	questions  []*szQuestion
	rooms      map[string]string
	view       bool // the Sessions view
}

func readSessionize(in Input, opts ReadOptions) (*schedule.Programme, error) {
	// A session is an object at depth 3 of the All view ({"sessions":
	// [{...}]}) and at depth 4 of the Sessions view ([{"sessions": [{...}]}]).
	d, err := openExt(in, opts, func(first byte) int {
		if first == '[' {
			return 4
		}
		return 3
	})
	if err != nil {
		return nil, err
	}
	defer d.Close()
	doc := &szDoc{speakers: map[string]*szSpeaker{}, rooms: map[string]string{}}
	switch d.first {
	case '{':
		err = readSzAll(d, doc)
	case '[':
		doc.view = true
		err = readSzView(d, doc)
	default:
		err = errors.New(`expected Sessionize's JSON: an object {"sessions": [...], "speakers": [...], ...} (the All view) or an array of groups (the Sessions view)`)
	}
	if err != nil {
		return nil, d.fail("", err)
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return doc.programme(in.Name, opts), nil
}

// readSzAll reads the All view: {sessions, speakers, questions,
// categories, rooms}, in any order.
func readSzAll(d *extDoc, doc *szDoc) error {
	sawSessions := false
	err := eachKey(d.dec, func(k string) error {
		switch k {
		case "sessions":
			sawSessions = true
			return eachItem(d.dec, "session", func(_ int, s *szSession) error {
				doc.sessions = append(doc.sessions, s)
				return nil
			})
		case "speakers":
			return eachItem(d.dec, "speaker", func(_ int, s *szSpeaker) error {
				doc.speakers[string(s.ID)] = s
				return nil
			})
		case "categories":
			return eachItem(d.dec, "category", func(_ int, c *szCategory) error {
				doc.categories = append(doc.categories, c)
				return nil
			})
		case "questions":
			return eachItem(d.dec, "question", func(_ int, q *szQuestion) error {
				doc.questions = append(doc.questions, q)
				return nil
			})
		case "rooms":
			return eachItem(d.dec, "room", func(_ int, r *szRoom) error {
				doc.rooms[string(r.ID)] = r.Name
				return nil
			})
		}
		return skipValue(d.dec)
	})
	if err != nil {
		return err
	}
	if !sawSessions {
		return errors.New(`expected Sessionize's All view {"sessions": [...], "speakers": [...], ...}, but there is no "sessions" array`)
	}
	return nil
}

// readSzView reads the Sessions view: [{groupId, groupName, sessions}].
// The Speakers view, an array of speakers, is refused.
func readSzView(d *extDoc, doc *szDoc) error {
	t, err := d.dec.Token()
	if err != nil {
		return err
	}
	if t != json.Delim('[') {
		return fmt.Errorf("expected an array, found %s", tokenKind(t))
	}
	for n := 1; d.dec.More(); n++ {
		group, speaker := false, false
		err := eachKey(d.dec, func(k string) error {
			switch k {
			case "groupId", "groupName":
				group = true
			case "fullName", "firstName", "tagLine", "bio":
				speaker = true
			case "sessions":
				if speaker {
					return errSzSpeakers
				}
				return eachItem(d.dec, "session", func(_ int, s *szSession) error {
					doc.sessions = append(doc.sessions, s)
					return nil
				})
			}
			return skipValue(d.dec)
		})
		switch {
		case err != nil:
			if errors.Is(err, errSzSpeakers) {
				return err
			}
			var at *atError
			if errors.As(err, &at) {
				return &atError{fmt.Sprintf("group %d, %s", n, at.where), at.err}
			}
			return &atError{fmt.Sprintf("group %d", n), err}
		case speaker && !group:
			return errSzSpeakers
		case !group:
			return fmt.Errorf(`expected Sessionize's Sessions view, an array of groups {"groupId", "groupName", "sessions"}, but item %d has neither "groupId" nor "groupName"`, n)
		}
	}
	_, err = d.dec.Token()
	return err
}

var errSzSpeakers = errors.New(`this is Sessionize's Speakers view, a list of speakers without the sessions' times and rooms: export the All view (.../view/All) or the Sessions view instead`)

// szField is where a category's items go, by the category's title.
func szField(title string) schedule.Field {
	switch schedule.NormalizeHeader(title) {
	case "format", "formats", "sessionformat", "sessionformats":
		return schedule.FieldFormat
	case "track", "tracks", "topic", "topics", "theme", "themes":
		return schedule.FieldTheme
	case "type", "types", "sessiontype", "sessiontypes":
		return schedule.FieldType
	case "language", "languages", "sessionlanguage":
		return schedule.FieldLanguage
	case "tags", "tag", "keywords":
		return schedule.FieldTags
	}
	return ""
}

// programme joins the document into docket's programme.
func (doc *szDoc) programme(file string, opts ReadOptions) *schedule.Programme {
	prog := &schedule.Programme{Profile: cmpOr(opts.Profile, schedule.ProfileGeneric)}
	if opts.Profile == "" {
		prog.Notes = append(prog.Notes, "checked with the generic profile (times, rooms, overlaps, ids, text): a Sessionize export does not speak the IGF's vocabulary; event.profile igf checks the IGF's")
	}
	loc, zone := zoneFor(prog, opts.Timezone, schedule.Source{File: file}, "timezone")
	prog.Timezone = zone

	// Category items by id: their category (by position) and name.
	type catItem struct {
		cat  int
		name string
	}
	items := map[string]catItem{}
	for i, c := range doc.categories {
		for _, it := range c.Items {
			items[string(it.ID)] = catItem{i, it.Name}
		}
	}
	questions := map[string]string{}
	for _, q := range doc.questions {
		questions[string(q.ID)] = q.Question
	}
	extraSeen := map[string]bool{}
	zoneless := 0
	for n, zs := range doc.sessions {
		src := schedule.Source{File: file, Row: n + 1}
		s := &schedule.Session{
			ID: string(zs.ID), Title: strings.TrimSpace(zs.Title), Description: plainText(zs.Description),
			Timezone: zone, Src: src,
		}
		// The categories, in the document's order of categories (the
		// Sessions view: the session's).
		type named struct {
			title string
			names []string
		}
		var cats []named
		if doc.view {
			for _, c := range zs.Categories {
				var names []string
				for _, it := range c.Items {
					names = append(names, it.Name)
				}
				cats = append(cats, named{c.Name, names})
			}
		} else {
			byCat := make([][]string, len(doc.categories))
			for _, id := range zs.CategoryItems {
				if it, ok := items[string(id)]; ok {
					byCat[it.cat] = append(byCat[it.cat], it.name)
				}
			}
			for i, names := range byCat {
				if len(names) > 0 {
					cats = append(cats, named{doc.categories[i].Title, names})
				}
			}
		}
		for _, c := range cats {
			v := strings.Join(c.names, "; ")
			switch szField(c.title) {
			case schedule.FieldFormat:
				// "Session (45 min)": the format and its length, as
				// docket reads Sessionize's CSV.
				for _, name := range c.names {
					f, minutes := schedule.SplitFormat(name)
					s.Format = joinSemi(s.Format, f)
					if s.DeclaredMinutes == 0 {
						s.DeclaredMinutes = minutes
					}
				}
			case schedule.FieldTheme:
				s.Theme = joinSemi(s.Theme, v)
			case schedule.FieldType:
				s.Type = joinSemi(s.Type, v)
			case schedule.FieldLanguage:
				s.Language = joinSemi(s.Language, v)
			case schedule.FieldTags:
				s.Tags = append(s.Tags, c.names...)
			default:
				addExtra(prog, extraSeen, s, strings.TrimSpace(c.title), v)
			}
		}
		if s.Type == "" && zs.IsServiceSession {
			s.Type = "Service"
		}
		// Answers: the All view in the order of its questions.
		answers := map[string]string{}
		for _, a := range zs.QuestionAnswers {
			if doc.view {
				addExtra(prog, extraSeen, s, strings.TrimSpace(a.Question), strings.TrimSpace(string(a.Answer)))
				continue
			}
			answers[string(a.QuestionID)] = strings.TrimSpace(string(a.AnswerValue))
		}
		for _, q := range doc.questions {
			if v, ok := answers[string(q.ID)]; ok {
				addExtra(prog, extraSeen, s, strings.TrimSpace(q.Question), v)
				delete(answers, string(q.ID))
			}
		}
		for _, a := range zs.QuestionAnswers {
			if v, ok := answers[string(a.QuestionID)]; ok {
				addExtra(prog, extraSeen, s, "Question "+string(a.QuestionID), v)
				delete(answers, string(a.QuestionID))
			}
		}
		addExtra(prog, extraSeen, s, "Live URL", strings.TrimSpace(zs.LiveURL))
		addExtra(prog, extraSeen, s, "Recording URL", strings.TrimSpace(zs.RecordingURL))

		// The room.
		switch {
		case zs.Room != "":
			s.Room = zs.Room
		case zs.RoomID != "":
			if name, ok := doc.rooms[string(zs.RoomID)]; ok {
				s.Room = name
			} else {
				prog.Warnings = append(prog.Warnings, fmt.Sprintf("%s: session %s is in room %s, which is not among the export's rooms: its room is left empty", file, s.ID, zs.RoomID))
			}
		}

		// The speakers.
		for _, r := range zs.Speakers {
			if sp, ok := doc.speakers[r.ID]; ok {
				s.Speakers = append(s.Speakers, szPerson(sp, questions))
			} else if r.Name != "" {
				s.Speakers = append(s.Speakers, schedule.Person{Name: strings.TrimSpace(r.Name)})
			} else {
				prog.Warnings = append(prog.Warnings, fmt.Sprintf("%s: session %s names speaker %s, who is not among the export's speakers: left out", file, s.ID, r.ID))
			}
		}

		// The times: local to the event, without a zone.
		for _, t := range []struct {
			name string
			v    string
			dst  *time.Time
		}{{"startsAt", zs.StartsAt, &s.Start}, {"endsAt", zs.EndsAt, &s.End}} {
			v := strings.TrimSpace(t.v)
			if v == "" {
				continue
			}
			tm, err := szTime(v, loc)
			if err != nil {
				prog.Problems = append(prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: src, Column: t.name, Session: s.ID,
					Message: fmt.Sprintf("%s %q is not a time such as 2024-03-16T09:00:00", t.name, v)})
				continue
			}
			*t.dst = tm
		}
		if s.Scheduled() && opts.Timezone == "" {
			zoneless++
		}
		prog.Sessions = append(prog.Sessions, s)
	}
	if zoneless > 0 {
		prog.Warnings = append(prog.Warnings, fmt.Sprintf(
			"%s: %d %s times without a zone (a Sessionize export carries none), read as UTC: give the programme's zone with event.timezone (e.g. Europe/Berlin)",
			file, zoneless, pluralWord(zoneless, "session has", "sessions have")))
	}
	return prog
}

// szTime reads a Sessionize time: local, 2024-03-16T09:00:00 (an offset,
// should an export carry one, is kept).
func szTime(v string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return t, nil
		}
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, err
	}
	return t.In(loc), nil
}

// szPerson is a speaker of the All view as docket's person.
func szPerson(sp *szSpeaker, questions map[string]string) schedule.Person {
	name := strings.TrimSpace(sp.FullName)
	if name == "" {
		name = strings.TrimSpace(strings.TrimSpace(sp.FirstName) + " " + strings.TrimSpace(sp.LastName))
	}
	p := schedule.Person{Name: name}
	p.Role, p.Organization = splitTagLine(sp.TagLine)
	for _, a := range sp.QuestionAnswers {
		v := strings.TrimSpace(string(a.AnswerValue))
		if v == "" {
			continue
		}
		switch schedule.NormalizeHeader(questions[string(a.QuestionID)]) {
		case "company", "companyname", "organization", "organisation", "organizationname", "organisationname", "employer", "affiliation":
			p.Organization = v
		case "jobtitle", "role", "position":
			p.Role = v
		case "email", "emailaddress":
			p.Email = v
		}
	}
	return p
}

// splitTagLine reads a speaker's tagLine as "Role at Org", "Role @ Org"
// or "Role, Org"; anything else is the role.
func splitTagLine(t string) (role, org string) {
	t = strings.TrimSpace(t)
	for _, sep := range []string{" at ", " At ", " AT ", " @ ", ", "} {
		if i := strings.Index(t, sep); i > 0 && i+len(sep) < len(t) {
			return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		}
	}
	return t, ""
}

// plainText is a plain text field: line ends made \n, trimmed.
func plainText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

func joinSemi(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
