package formats

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/docket-forum/docket/internal/schedule"
)

func readIn(t *testing.T, doc string, opts ReadOptions) (*schedule.Programme, error) {
	t.Helper()
	return ReadProgramme(Input{Name: "indico.json", R: bytes.NewReader([]byte(doc))}, opts)
}

// indicoDoc wraps contributions in an event export.
func indicoDoc(zone, contributions string) string {
	return `{"count": 1, "_type": "HTTPAPIResult", "results": [{"_type": "Conference", "title": "Workshop", "timezone": "` + zone + `", "contributions": [` + contributions + `]}]}`
}

func TestIndicoContribution(t *testing.T) {
	doc := indicoDoc("Europe/Zurich", `{
	  "id": "7", "friendly_id": 3, "title": " Talk ", "description": "<p>One&nbsp;<b>bold</b> line.</p><p>Two</p>",
	  "startDate": {"date": "2026-06-09", "time": "07:00:00", "tz": "UTC"}, "endDate": {"date": "2026-06-09", "time": "07:20:00", "tz": "UTC"},
	  "duration": 20, "room": "", "roomFullname": "Salle A (bldg 1)", "location": "Centre", "type": {"name": "Oral"}, "track": "Sensors",
	  "session": {"title": "Morning"}, "keywords": ["a", " ", "b"], "url": "https://indico.example.org/c/7",
	  "speakers": [{"fullName": "Moreau, Julien", "first_name": "", "last_name": "", "affiliation": "UNIGE", "email": "jm@example.org"}],
	  "primaryauthors": [{"fullName": "Moreau, Julien", "first_name": "Julien", "last_name": "Moreau"}, {"fullName": "Ito, Yui", "first_name": "Yui", "last_name": "Ito"}],
	  "coauthors": [{"fullName": "Schmid, Lukas"}, {"fullName": "Ito, Yui", "first_name": "Yui", "last_name": "Ito"}]
	}`)
	p, err := readIn(t, doc, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Workshop" || p.Timezone != "Europe/Zurich" || len(p.Sessions) != 1 {
		t.Fatalf("programme %q in %q with %d sessions", p.Name, p.Timezone, len(p.Sessions))
	}
	s := p.Sessions[0]
	sp := s.Speakers[0]
	for _, c := range []struct{ field, got, want string }{
		{"id", s.ID, "3"},
		{"title", s.Title, "Talk"},
		{"description", s.Description, "One bold line.\n\nTwo"},
		{"type", s.Type, "Oral"},
		{"theme", s.Theme, "Sensors"},
		{"room", s.Room, "Salle A (bldg 1)"},
		{"url", s.URL, "https://indico.example.org/c/7"},
		{"tags", strings.Join(s.Tags, "|"), "a|b"},
		{"timezone", s.Timezone, "Europe/Zurich"},
		{"start", s.Start.Format(timeLayoutTest), "2026-06-09T09:00:00+02:00"},
		{"end", s.End.Format(timeLayoutTest), "2026-06-09T09:20:00+02:00"},
		{"speaker", sp.Name + "/" + sp.Organization + "/" + sp.Email, "Julien Moreau/UNIGE/jm@example.org"},
		{"other authors", s.ExtraValue("Other authors"), "Yui Ito; Lukas Schmid"},
		{"session", s.ExtraValue("Indico session"), "Morning"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if s.DeclaredMinutes != 20 {
		t.Errorf("declared minutes = %d, want 20", s.DeclaredMinutes)
	}
}

func TestIndicoTimes(t *testing.T) {
	for _, c := range []struct {
		name, zone, contribution string
		opts                     ReadOptions
		start, end, tz           string
		problem                  string
	}{
		{"in the event's zone", "Asia/Tokyo", `{"id": "1", "startDate": {"date": "2026-01-05", "time": "01:00:00", "tz": "UTC"}, "endDate": {"date": "2026-01-05", "time": "02:00:00", "tz": "UTC"}}`,
			ReadOptions{}, "2026-01-05T10:00:00+09:00", "2026-01-05T11:00:00+09:00", "Asia/Tokyo", ""},
		{"event.timezone overrides", "Asia/Tokyo", `{"id": "1", "startDate": {"date": "2026-01-05", "time": "01:00:00", "tz": "UTC"}, "endDate": {"date": "2026-01-05", "time": "02:00:00", "tz": "UTC"}}`,
			ReadOptions{Timezone: "Europe/London"}, "2026-01-05T01:00:00Z", "2026-01-05T02:00:00Z", "Europe/London", ""},
		{"the end from the duration", "UTC", `{"id": "1", "startDate": {"date": "2026-01-05", "time": "09:00", "tz": "UTC"}, "endDate": null, "duration": 30}`,
			ReadOptions{}, "2026-01-05T09:00:00Z", "2026-01-05T09:30:00Z", "UTC", ""},
		{"unscheduled", "UTC", `{"id": "1", "startDate": null, "endDate": null, "duration": 30}`,
			ReadOptions{}, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "UTC", ""},
		{"a fractional second", "UTC", `{"id": "1", "startDate": {"date": "2026-01-05", "time": "09:00:00.123456", "tz": "UTC"}}`,
			ReadOptions{}, "2026-01-05T09:00:00Z", "0001-01-01T00:00:00Z", "UTC", ""},
		{"no time zone anywhere", "", `{"id": "1", "startDate": {"date": "2026-01-05", "time": "09:00:00"}}`,
			ReadOptions{}, "2026-01-05T09:00:00Z", "0001-01-01T00:00:00Z", "UTC", ""},
		{"an unknown tz", "UTC", `{"id": "1", "startDate": {"date": "2026-01-05", "time": "09:00:00", "tz": "Mars/Olympus"}}`,
			ReadOptions{}, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "UTC", "unknown time zone"},
		{"an unknown event zone", "Mars/Olympus", `{"id": "1", "startDate": {"date": "2026-01-05", "time": "09:00:00", "tz": "UTC"}}`,
			ReadOptions{}, "2026-01-05T09:00:00Z", "0001-01-01T00:00:00Z", "UTC", "the event's timezone"},
		{"a date that is no date", "UTC", `{"id": "1", "startDate": {"date": "05/01/2026", "time": "09:00:00", "tz": "UTC"}}`,
			ReadOptions{}, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "UTC", "is not a date and time"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := readIn(t, indicoDoc(c.zone, c.contribution), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			s := p.Sessions[0]
			if got := s.Start.Format(timeLayoutTest); got != c.start {
				t.Errorf("start = %s, want %s", got, c.start)
			}
			if got := s.End.Format(timeLayoutTest); got != c.end {
				t.Errorf("end = %s, want %s", got, c.end)
			}
			if s.Timezone != c.tz {
				t.Errorf("timezone = %q, want %q", s.Timezone, c.tz)
			}
			switch {
			case c.problem == "" && len(p.Problems) > 0:
				t.Errorf("problems: %+v", p.Problems)
			case c.problem != "" && (len(p.Problems) != 1 || p.Problems[0].Rule != schedule.RuleBadTime || !strings.Contains(p.Problems[0].Message, c.problem)):
				t.Errorf("problems = %+v, want one bad-time with %q", p.Problems, c.problem)
			}
		})
	}
}

func TestIndicoNames(t *testing.T) {
	for _, c := range []struct {
		p    indicoPerson
		want string
	}{
		{indicoPerson{FullName: "Peres, Martin"}, "Martin Peres"},
		{indicoPerson{FullName: "Peres, Martin", FirstName: "Martin", LastName: "Peres"}, "Martin Peres"},
		{indicoPerson{FullName: "van der Berg, Sanne"}, "Sanne van der Berg"},
		{indicoPerson{FullName: "Madonna"}, "Madonna"},
		{indicoPerson{FullName: "Smith, Jr., John"}, "Smith, Jr., John"},
		{indicoPerson{FullName: ", John"}, ", John"},
		{indicoPerson{FirstName2: "Olu", FamilyName: "Adeyemi", Name: "Dr. Olu Adeyemi"}, "Olu Adeyemi"},
		{indicoPerson{Name: "Grace Liu"}, "Grace Liu"},
		{indicoPerson{LastName: "Ito"}, "Ito"},
	} {
		if got := c.p.name(); got != c.want {
			t.Errorf("name of %+v = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain\r\ntext  kept", "plain\ntext  kept"},
		{"a < b and c > d", "a < b and c > d"},
		{"<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"line<br>break<br/>again", "line\nbreak\nagain"},
		{"<ul><li>a</li><li>b</li></ul><p>after</p>", "- a\n- b\n\nafter"},
		{"Fish &amp; chips&nbsp;&mdash; &#8364;5", "Fish & chips — €5"},
		{"<p>  spaced\n   out  </p>", "spaced out"},
		{"<script>alert(1)</script><p>safe</p><style>p{}</style>", "safe"},
		{"E = mc<sup>2</sup>, H<sub>2</sub>O", "E = mc^2, H_2O"},
		{"<p>unclosed <b>bold", "unclosed bold"},
		{"<h2>Title</h2>text", "Title\n\ntext"},
		{"", ""},
	} {
		if got := htmlText(c.in); got != c.want {
			t.Errorf("htmlText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIndicoTimetable(t *testing.T) {
	doc := `{"_type": "HTTPAPIResult", "results": {"9": {"20260915": {
	  "s1": {"entryType": "Session", "id": "s1", "title": "Block", "slotTitle": "Morning", "room": "R1",
	         "startDate": {"date": "2026-09-15", "time": "09:00:00", "tz": "Europe/Paris"}, "endDate": {"date": "2026-09-15", "time": "11:00:00", "tz": "Europe/Paris"},
	         "conveners": [{"firstName": "Ana", "familyName": "Silva", "name": "Ana Silva"}],
	         "entries": {"c2": {"entryType": "Contribution", "id": "c2", "friendlyId": 12, "title": "In the block",
	                            "startDate": {"date": "2026-09-15", "time": "09:00:00", "tz": "Europe/Paris"}, "duration": 30,
	                            "presenters": [{"firstName": "Bo", "familyName": "Chen", "name": "Prof. Bo Chen", "affiliation": "X"}]},
	                     "b3": {"_type": "BreakTimeSchEntry", "id": "b3", "title": "Tea", "room": "",
	                            "startDate": {"date": "2026-09-15", "time": "10:00:00", "tz": "Europe/Paris"}, "endDate": {"date": "2026-09-15", "time": "10:15:00", "tz": "Europe/Paris"}}}},
	  "s4": {"entryType": "Session", "id": "s4", "title": "Empty block", "slotTitle": "Afternoon", "entries": [],
	         "startDate": {"date": "2026-09-15", "time": "14:00:00", "tz": "Europe/Paris"}, "endDate": {"date": "2026-09-15", "time": "15:00:00", "tz": "Europe/Paris"}},
	  "c5": {"entryType": "Contribution", "id": "c5", "contributionId": 77, "title": "Alone", "room": "R2",
	         "startDate": {"date": "2026-09-15", "time": "16:00:00", "tz": "Europe/Paris"}, "endDate": {"date": "2026-09-15", "time": "16:30:00", "tz": "Europe/Paris"}}
	}}}}`
	p, err := readIn(t, doc, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Sessions {
		got = append(got, strings.Join([]string{s.ID, s.Type, s.Title, s.Room, s.Start.Format("15:04"), s.End.Format("15:04"), s.ExtraValue("Indico session"), s.ExtraValue("Conveners")}, "|"))
	}
	want := []string{
		"12||In the block|R1|09:00|09:30|Block|Ana Silva",
		"b3|Break|Tea|R1|10:00|10:15|Block|Ana Silva",
		"s4|Session|Empty block: Afternoon||14:00|15:00||",
		"77||Alone|R2|16:00|16:30||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sessions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if sp := p.Sessions[0].Speakers; len(sp) != 1 || sp[0].Name != "Bo Chen" || sp[0].Organization != "X" {
		t.Errorf("speakers = %+v", sp)
	}
	if p.Timezone != "Europe/Paris" {
		t.Errorf("timezone = %q", p.Timezone)
	}
}

// TestIndicoRefused: what is not an Indico export docket reads is an
// InputError saying what to do.
func TestIndicoRefused(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"no results", `{"count": 0, "_type": "HTTPAPIResult", "complete": true}`, `there is no "results"`},
		{"null results", `{"count": 0, "_type": "HTTPAPIResult", "results": null}`, "found no event"},
		{"results a string", `{"_type": "HTTPAPIResult", "results": "x"}`, "should be an array of events or a timetable object"},
		{"events without contributions", `{"_type": "HTTPAPIResult", "results": [{"title": "E", "timezone": "UTC"}]}`, "?detail=contributions"},
		{"malformed", `{"_type": "HTTPAPIResult", "results": [{"contributions": [{"id": "1",]}]}`, "not valid JSON at byte"},
		{"cut short", `{"_type": "HTTPAPIResult", "results": [{"contributions": [{"id": "1"`, "ends in the middle"},
		{"a title that is a number", `{"_type": "HTTPAPIResult", "results": [{"contributions": [{"id": "1"}, {"id": "2", "title": 5}]}]}`, `event 1, contribution 2: "title" should be a string`},
		{"speakers an object", `{"_type": "HTTPAPIResult", "results": [{"contributions": [{"id": "1", "speakers": {"a": 1}}]}]}`, `"speakers" should be an array`},
		{"a timetable entry an array", `{"_type": "HTTPAPIResult", "results": {"9": {"20260915": {"c1": [1]}}}}`, "entry c1"},
		{"a day an array", `{"_type": "HTTPAPIResult", "results": {"9": {"20260915": []}}}`, "expected an object"},
		{"an array at the top", `[{"_type": "HTTPAPIResult", "results": []}]`, "expected an object"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readIndico(Input{Name: "indico.json", R: strings.NewReader(c.doc)}, ReadOptions{})
			var ie *InputError
			if !errors.As(err, &ie) || ie.File != "indico.json" || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v (%T), want an InputError with %q", err, err, c.want)
			}
		})
	}
}

// TestIndicoLimits: the guard's limits hold in a contribution and in a
// timetable entry.
func TestIndicoLimits(t *testing.T) {
	long := strings.Repeat("x", 100)
	for _, doc := range []string{
		indicoDoc("UTC", `{"id": "1", "title": "`+long+`"}`),
		`{"_type": "HTTPAPIResult", "results": {"9": {"20260915": {"c1": {"entryType": "Contribution", "title": "` + long + `"}}}}}`,
	} {
		_, err := readIn(t, doc, ReadOptions{Limits: Limits{CellBytes: 50}})
		var le *LimitError
		if !errors.As(err, &le) {
			t.Errorf("err = %v, want a limit error", err)
		}
	}
}
