package formats

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
)

// The c3voc schedule.json v1 (https://c3voc.de/schedule/schema.json, JSON
// Schema draft-06). Conference and event objects reject unknown keys, so
// what the schema has no field for goes into the event's description
// (feed.Description). The structs below fix the key order; only a day's
// rooms are a map, which encoding/json writes sorted by room name.

const (
	scheduleJSONSchemaURL = "https://c3voc.de/schedule/schema.json"
	// scheduleJSONBase is the base_url: docket knows no site the programme
	// is published on, so event pages of sessions without a URL are
	// placed under a reserved (.invalid) host rather than a guessed one.
	scheduleJSONBase = "https://schedule.invalid/"
	docketURL        = "https://github.com/docket-forum/docket"
)

// docketVersion is the module version docket was built as, or "" for a
// development build (the generator's version is then left out).
var docketVersion = func() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}()

type sjDocument struct {
	Schema    string      `json:"$schema"`
	Generator sjGenerator `json:"generator"`
	Schedule  sjSchedule  `json:"schedule"`
}

type sjGenerator struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	URL     string `json:"url"`
}

type sjSchedule struct {
	Version    string       `json:"version"`
	BaseURL    string       `json:"base_url"`
	Conference sjConference `json:"conference"`
}

type sjConference struct {
	Acronym          string   `json:"acronym"`
	Title            string   `json:"title"`
	Start            string   `json:"start"`
	End              string   `json:"end"`
	DaysCount        int      `json:"daysCount"`
	TimeslotDuration string   `json:"timeslot_duration"`
	TimeZoneName     string   `json:"time_zone_name,omitempty"`
	Rooms            []sjRoom `json:"rooms"`
	Days             []sjDay  `json:"days"`
}

type sjRoom struct {
	Name string `json:"name"`
	GUID string `json:"guid"`
}

type sjDay struct {
	Index    int                  `json:"index"`
	Date     string               `json:"date"`
	DayStart string               `json:"day_start"`
	DayEnd   string               `json:"day_end"`
	Rooms    map[string][]sjEvent `json:"rooms"`
}

// sjEvent has every key the schema requires; the nullable ones are
// pointers, written as null when docket has nothing for them.
type sjEvent struct {
	GUID             string     `json:"guid"`
	ID               int        `json:"id"`
	Date             string     `json:"date"`
	Start            string     `json:"start"`
	End              string     `json:"end,omitempty"`
	Duration         string     `json:"duration"`
	Room             string     `json:"room"`
	Slug             string     `json:"slug"`
	URL              string     `json:"url"`
	Title            string     `json:"title"`
	Subtitle         *string    `json:"subtitle"`
	Track            *string    `json:"track"`
	Type             string     `json:"type"`
	Language         *string    `json:"language"`
	Abstract         *string    `json:"abstract"`
	Description      *string    `json:"description"`
	RecordingLicense string     `json:"recording_license"`
	DoNotRecord      bool       `json:"do_not_record"`
	Persons          []sjPerson `json:"persons"`
	Links            []sjLink   `json:"links"`
	Attachments      []sjLink   `json:"attachments"`
}

// sjPerson has name and no id/public_name, so it matches exactly one of
// the schema's person branches (PretalxPerson, not FrabPerson).
type sjPerson struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	GUID string `json:"guid"`
}

type sjLink struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
	Type  string `json:"type,omitempty"`
}

var (
	// The schema's patterns for the conference acronym and time zone
	// name; a zone the latter rejects ("Etc/GMT-9", "EST") is left out.
	sjAcronymRE  = regexp.MustCompile(`^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$`)
	sjTimeZoneRE = regexp.MustCompile(`^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`)
)

// sjLanguage is the feeds' language code, or null.
func sjLanguage(lang string) *string { return sjNullable(feed.Language(lang)) }

// sjNullable is nil for an empty string, for the schema's nullable keys.
func sjNullable(s string) *string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return &s
}

func writeScheduleJSON(w io.Writer, p *schedule.Programme, o WriteOptions) error {
	loc := feed.Location(p, o.Loc)
	title := feed.Title(p, o.Title)
	acronym := feed.Acronym(o.Acronym, title)
	if !sjAcronymRE.MatchString(acronym) {
		// feed.Acronym gives four or more letters and digits.
		return errors.New("schedule.json: conference acronym " + strconv.Quote(acronym) + " does not match the schema")
	}
	base := scheduleJSONBase + acronym + "/"
	ids := feed.EventIDs(p.Sessions)
	personIDs := feed.PersonIDs(p.Sessions)
	days := feed.Days(p.Sessions, loc)

	first, last := feed.DateRange(p, days, o.Now, loc)
	conf := sjConference{
		Acronym: acronym,
		Title:   title,
		Start:   first.Format(time.DateOnly),
		End:     last.Format(time.DateOnly),
		// The days from start to end, as pretalx counts them; days[]
		// lists only those with sessions (the XML feed does the same).
		DaysCount:        int(last.Sub(first).Hours()/24+0.5) + 1,
		TimeslotDuration: "00:15",
		Rooms:            []sjRoom{},
		Days:             make([]sjDay, 0, len(days)),
	}
	if name := loc.String(); sjTimeZoneRE.MatchString(name) {
		conf.TimeZoneName = name
	}

	rooms := map[string]bool{}
	guids := map[string]bool{}
	for _, d := range days {
		day := sjDay{
			Index:    d.Index,
			Date:     d.Date,
			DayStart: d.Start.In(loc).Format(time.RFC3339),
			DayEnd:   d.End.In(loc).Format(time.RFC3339),
			Rooms:    map[string][]sjEvent{},
		}
		for _, s := range d.Sessions {
			id := ids[s]
			guid := feed.SessionGUID(acronym, s)
			if guids[guid] {
				// A session id given twice: GUIDs identify events, so
				// they must differ (as in the XML feed).
				guid = feed.RepeatedSessionGUID(acronym, s, id)
			}
			guids[guid] = true
			day.Rooms[s.Room] = append(day.Rooms[s.Room], scheduleJSONEvent(s, id, guid, acronym, base, loc, personIDs, o.IDInTitle))
			rooms[s.Room] = true
		}
		conf.Days = append(conf.Days, day)
	}
	if len(conf.Days) == 0 {
		// Nothing is scheduled: the first day, empty, as in the XML feed.
		day := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc).Format(time.RFC3339)
		conf.Days = append(conf.Days, sjDay{Index: 1, Date: conf.Start, DayStart: day, DayEnd: day, Rooms: map[string][]sjEvent{}})
	}
	names := make([]string, 0, len(rooms))
	for name := range rooms {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		conf.Rooms = append(conf.Rooms, sjRoom{Name: name, GUID: feed.RoomGUID(acronym, name)})
	}

	doc := sjDocument{
		Schema:    scheduleJSONSchemaURL,
		Generator: sjGenerator{Name: "docket", Version: docketVersion, URL: docketURL},
		Schedule:  sjSchedule{BaseURL: base, Conference: conf},
	}
	// The version changes exactly when the schedule does (consumers
	// compare it to notice updates), and does not depend on when the
	// export ran, so exporting an unchanged programme gives the same file.
	body, err := json.Marshal(conf)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	doc.Schedule.Version = "docket-" + hex.EncodeToString(sum[:6])
	if o.Previous != nil {
		// As the XML feed: the previous version while the schedule is the
		// one the previous programme gives, else raised.
		var prev bytes.Buffer
		po := WriteOptions{Loc: o.Loc, Title: o.Title, Acronym: o.Acronym, IDInTitle: o.IDInTitle, Now: o.Now}
		if err := writeScheduleJSON(&prev, o.Previous, po); err != nil {
			return err
		}
		var pd struct {
			Schedule struct {
				Version string `json:"version"`
			} `json:"schedule"`
		}
		json.Unmarshal(prev.Bytes(), &pd)
		// Without a previous version, both are the content's hash.
		doc.Schedule.Version = nextVersion(o.Previous.Version, doc.Schedule.Version, pd.Schedule.Version != doc.Schedule.Version)
	}

	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// sjSubtitle is the session's format with its declared length ("Panel -
// 60 Min"), or nil.
func sjSubtitle(s *schedule.Session) *string {
	if v := strings.TrimSpace(s.Subtitle); v != "" {
		return &v
	}
	if strings.TrimSpace(s.Format) == "" {
		return nil
	}
	sub := s.Format
	if s.DeclaredMinutes > 0 {
		sub += " - " + strconv.Itoa(s.DeclaredMinutes) + " Min"
	}
	return &sub
}

// sjFacts is the feed description without the session's own text, which
// is the abstract: apps show abstract and description one after the other
// (as in the project's sample feed and pretalx's output).
func sjFacts(s *schedule.Session, id int) string {
	if strings.TrimSpace(s.Abstract) != "" {
		return feed.Description(s, id) // the abstract is apart: the description stays
	}
	c := *s
	c.Description = ""
	return feed.Description(&c, id)
}

// scheduleJSONEvent is one scheduled session.
func scheduleJSONEvent(s *schedule.Session, id int, guid, acronym, base string, loc *time.Location, personIDs map[string]int, idInTitle bool) sjEvent {
	start := s.Start.In(loc)
	end := s.End
	if end.IsZero() || !end.After(s.Start) {
		end = s.Start.Add(time.Duration(max(s.DeclaredMinutes, 0)) * time.Minute)
	}
	slug := feed.Slug(acronym, id, s.Title)
	url := feed.HTTPURL(s.URL)
	if url == "" {
		url = base + "sessions/" + slug
	}
	e := sjEvent{
		GUID:        guid,
		ID:          id,
		Date:        start.Format(time.RFC3339),
		Start:       start.Format("15:04"),
		Duration:    feed.HHMM(end.Sub(s.Start)),
		Room:        s.Room,
		Slug:        slug,
		URL:         url,
		Title:       feed.EventTitle(s, idInTitle),
		Subtitle:    sjSubtitle(s),
		Track:       sjNullable(s.Theme),
		Type:        cmp.Or(strings.TrimSpace(s.Type), "Session"),
		Language:    sjLanguage(s.Language),
		Abstract:    sjNullable(cmp.Or(s.Abstract, s.Description)),
		Description: sjNullable(sjFacts(s, id)),
		Persons:     []sjPerson{},
		Links:       []sjLink{},
		Attachments: []sjLink{},
	}
	if end.After(s.Start) {
		e.End = end.In(loc).Format(time.RFC3339)
	}
	for _, name := range feed.Persons(s) {
		e.Persons = append(e.Persons, sjPerson{ID: personIDs[schedule.PersonKey(name)], Name: name, GUID: feed.PersonGUID(name)})
	}
	return e
}
