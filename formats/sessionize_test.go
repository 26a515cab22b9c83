package formats

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/docket-forum/docket/internal/schedule"
)

// readSz reads a Sessionize document given as text.
func readSz(t *testing.T, doc string, opts ReadOptions) (*schedule.Programme, error) {
	t.Helper()
	return ReadProgramme(Input{Name: "sessionize.json", R: bytes.NewReader([]byte(doc))}, opts)
}

// szAll is a small All view: the joins of every kind.
const szAll = `{
  "sessions": [
    {"id": "1", "title": "Keynote", "description": "Line one\r\nLine two", "startsAt": "2026-05-04T09:00:00", "endsAt": "2026-05-04T10:00:00",
     "isServiceSession": false, "speakers": ["sp-a", "sp-b"], "categoryItems": [11, 21, 31, 41, 51, 61, 62], "questionAnswers": [{"questionId": 7, "answerValue": "All"}, {"questionId": 99, "answerValue": "orphan"}],
     "roomId": 3, "liveUrl": null, "recordingUrl": "https://rec.example.org/1"},
    {"id": "2", "title": "Break", "startsAt": "2026-05-04T10:00:00", "endsAt": "2026-05-04T10:30:00", "isServiceSession": true, "speakers": [], "categoryItems": [], "roomId": null},
    {"id": "3", "title": "Typed break", "startsAt": "2026-05-04T12:00:00", "endsAt": "2026-05-04T13:00:00", "isServiceSession": true, "categoryItems": [71]},
    {"id": "4", "title": "Unscheduled", "startsAt": null, "endsAt": null, "speakers": ["sp-missing"], "roomId": 404}
  ],
  "speakers": [
    {"id": "sp-a", "firstName": "Ana", "lastName": "Silva", "fullName": "Ana Silva", "tagLine": "CTO at Acme"},
    {"id": "sp-b", "firstName": "Bo", "lastName": "Chen", "fullName": "", "tagLine": "Engineer", "questionAnswers": [{"questionId": 8, "answerValue": "Initech"}, {"questionId": 9, "answerValue": "bo@example.org"}]}
  ],
  "questions": [{"id": 7, "question": "Audience"}, {"id": 8, "question": "Company"}, {"id": 9, "question": "E-mail"}],
  "categories": [
    {"id": 1, "title": "Session format", "items": [{"id": 11, "name": "Session (45 min)"}]},
    {"id": 2, "title": "Track", "items": [{"id": 21, "name": "Cloud"}]},
    {"id": 3, "title": "Level", "items": [{"id": 31, "name": "Beginner"}]},
    {"id": 4, "title": "Language", "items": [{"id": 41, "name": "English"}]},
    {"id": 5, "title": "Session type", "items": [{"id": 51, "name": "Talk"}]},
    {"id": 6, "title": "Tags", "items": [{"id": 61, "name": "go"}, {"id": 62, "name": "k8s"}]},
    {"id": 7, "title": "Type", "items": [{"id": 71, "name": "Social"}]}
  ],
  "rooms": [{"id": 3, "name": "Hall C"}]
}`

func TestSessionizeJoins(t *testing.T) {
	p, err := readSz(t, szAll, ReadOptions{Timezone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sessions) != 4 {
		t.Fatalf("%d sessions, want 4", len(p.Sessions))
	}
	s := p.Sessions[0]
	for _, c := range []struct{ field, got, want string }{
		{"id", s.ID, "1"},
		{"title", s.Title, "Keynote"},
		{"description", s.Description, "Line one\nLine two"},
		{"format", s.Format, "Session"},
		{"theme", s.Theme, "Cloud"},
		{"language", s.Language, "English"},
		{"type", s.Type, "Talk"},
		{"tags", strings.Join(s.Tags, "|"), "go|k8s"},
		{"room", s.Room, "Hall C"},
		{"timezone", s.Timezone, "Europe/Berlin"},
		{"start", s.Start.Format("2006-01-02T15:04:05-07:00"), "2026-05-04T09:00:00+02:00"},
		{"end", s.End.Format("15:04"), "10:00"},
		{"extra Level", s.ExtraValue("Level"), "Beginner"},
		{"extra Audience", s.ExtraValue("Audience"), "All"},
		{"extra of an unknown question", s.ExtraValue("Question 99"), "orphan"},
		{"extra Recording URL", s.ExtraValue("Recording URL"), "https://rec.example.org/1"},
		{"speaker 1", s.Speakers[0].Name + "/" + s.Speakers[0].Role + "/" + s.Speakers[0].Organization, "Ana Silva/CTO/Acme"},
		{"speaker 2", s.Speakers[1].Name + "/" + s.Speakers[1].Role + "/" + s.Speakers[1].Organization + "/" + s.Speakers[1].Email, "Bo Chen/Engineer/Initech/bo@example.org"},
		{"service session", p.Sessions[1].Type, "Service"},
		{"service session a type category types", p.Sessions[2].Type, "Social"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if s.DeclaredMinutes != 45 {
		t.Errorf("declared minutes = %d, want 45 (from the format's length)", s.DeclaredMinutes)
	}
	if u := p.Sessions[3]; u.Scheduled() || !u.End.IsZero() || u.Room != "" || len(u.Speakers) != 0 {
		t.Errorf("unscheduled session = %+v, want no times, no room, no speakers", u)
	}
	want := []string{"Level", "Audience", "Question 99", "Recording URL"}
	if strings.Join(p.ExtraColumns, "|") != strings.Join(want, "|") {
		t.Errorf("extra columns = %q, want %q", p.ExtraColumns, want)
	}
	warned := strings.Join(p.Warnings, "\n")
	for _, w := range []string{"room 404", "speaker sp-missing"} {
		if !strings.Contains(warned, w) {
			t.Errorf("no warning about %s in %q", w, warned)
		}
	}
	if strings.Contains(warned, "without a zone") {
		t.Errorf("a zone was given, yet: %q", warned)
	}
	if p.Profile != schedule.ProfileGeneric {
		t.Errorf("profile = %q, want generic", p.Profile)
	}
}

// TestSessionizeZone: without event.timezone the local times are read in
// UTC, with one warning for the file; a time that is no time is a
// bad-time problem.
func TestSessionizeZone(t *testing.T) {
	doc := `{"sessions": [
	  {"id": "1", "startsAt": "2026-05-04T09:00:00", "endsAt": "2026-05-04T10:00:00"},
	  {"id": "2", "startsAt": "2026-05-04T11:00:00", "endsAt": "2026-05-04T12:00:00"},
	  {"id": "3", "startsAt": "next Tuesday", "endsAt": null}
	], "speakers": []}`
	p, err := readSz(t, doc, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Timezone != "UTC" || p.Sessions[0].Start.Format(timeLayoutTest) != "2026-05-04T09:00:00Z" {
		t.Errorf("zone %q, start %s; want UTC, 09:00Z", p.Timezone, p.Sessions[0].Start.Format(timeLayoutTest))
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "2 sessions have times without a zone") || !strings.Contains(p.Warnings[0], "event.timezone") {
		t.Errorf("warnings = %q, want one about 2 sessions read as UTC", p.Warnings)
	}
	if len(p.Problems) != 1 || p.Problems[0].Rule != schedule.RuleBadTime || p.Problems[0].Session != "3" || p.Problems[0].Column != "startsAt" {
		t.Errorf("problems = %+v, want one bad-time on session 3's startsAt", p.Problems)
	}
}

const timeLayoutTest = "2006-01-02T15:04:05Z07:00"

func TestSessionizeSessionsView(t *testing.T) {
	doc := `[{"groupId": 5, "groupName": "Saturday", "sessions": [
	  {"id": "9", "title": "T", "startsAt": "2026-05-04T09:00:00", "endsAt": "2026-05-04T09:30:00",
	   "speakers": [{"id": "x", "name": "Ana Silva"}], "categories": [{"id": 1, "name": "Format", "categoryItems": [{"id": 2, "name": "Panel"}]}],
	   "questionAnswers": [{"id": 4, "question": "Audience", "answer": "All"}], "roomId": 1, "room": "Hall"}]},
	  {"groupId": 6, "groupName": "Sunday", "sessions": []}]`
	p, err := readSz(t, doc, ReadOptions{Timezone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sessions) != 1 {
		t.Fatalf("%d sessions, want 1", len(p.Sessions))
	}
	s := p.Sessions[0]
	if s.Room != "Hall" || s.Format != "Panel" || len(s.Speakers) != 1 || s.Speakers[0].Name != "Ana Silva" || s.ExtraValue("Audience") != "All" {
		t.Errorf("session = %+v", s)
	}
}

func TestSplitTagLine(t *testing.T) {
	for _, c := range []struct{ in, role, org string }{
		{"CTO at Acme", "CTO", "Acme"},
		{"Head of Data At Big Bank", "Head of Data", "Big Bank"},
		{"Engineer @ Initech", "Engineer", "Initech"},
		{"Developer Advocate, Contoso, Inc.", "Developer Advocate", "Contoso, Inc."},
		{"Independent consultant", "Independent consultant", ""},
		{"  ", "", ""},
		{"Nathan", "Nathan", ""},
	} {
		if role, org := splitTagLine(c.in); role != c.role || org != c.org {
			t.Errorf("splitTagLine(%q) = %q, %q; want %q, %q", c.in, role, org, c.role, c.org)
		}
	}
}

// TestSessionizeRefused: what is not a Sessionize document docket reads
// is an InputError saying what to do.
func TestSessionizeRefused(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"no sessions", `{"speakers": [{"id": "a", "fullName": "Ana", "tagLine": "x"}], "rooms": []}`, `there is no "sessions" array`},
		{"malformed", `{"sessions": [{"id": "1", "startsAt": "2026-05-04T09:00:00",}], "speakers": []}`, "not valid JSON at byte"},
		{"cut short", `{"sessions": [{"id": "1", "startsAt": "2026-05-04T09:00:00"`, "ends in the middle"},
		{"sessions not an array", `{"sessions": {"id": "1", "startsAt": "x"}, "speakers": []}`, "expected an array"},
		{"a title that is an object", `{"sessions": [{"id": "1", "title": {"en": "x"}, "startsAt": "2026-05-04T09:00:00"}], "speakers": []}`, `session 1: "title" should be a string`},
		{"an id that is an object", `{"sessions": [{"id": {"x": 1}, "startsAt": "2026-05-04T09:00:00"}], "rooms": []}`, `session 1: "id" should be a string or a number`},
		{"speakers view", `[{"id": "a", "firstName": "Ana", "lastName": "Silva", "fullName": "Ana Silva", "tagLine": "x", "sessions": [{"id": 1, "name": "T"}]}]`, "Speakers view"},
		{"not groups", `[{"id": "1", "startsAt": "2026-05-04T09:00:00"}]`, `neither "groupId" nor "groupName"`},
		{"trailing garbage", `{"sessions": [{"id": "1", "startsAt": null}], "speakers": []} {"more": 1}`, "more JSON follows"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readSz(t, c.doc, ReadOptions{})
			var ie *InputError
			if !errors.As(err, &ie) || ie.File != "sessionize.json" || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v (%T), want an InputError with %q", err, err, c.want)
			}
		})
	}
}

// TestSessionizeLimits: the guard's limits hold for Sessionize as for
// docket's JSON.
func TestSessionizeLimits(t *testing.T) {
	long := strings.Repeat("x", 100)
	doc := `{"sessions": [{"id": "1", "title": "` + long + `", "startsAt": "2026-05-04T09:00:00"}], "speakers": []}`
	_, err := readSz(t, doc, ReadOptions{Limits: Limits{CellBytes: 50}})
	var le *LimitError
	if !errors.As(err, &le) {
		t.Errorf("err = %v, want a limit error", err)
	}
	many := `{"sessions": [{"id": "1", "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7}], "speakers": []}`
	if _, err := readSz(t, many, ReadOptions{Limits: Limits{Columns: 4}}); !errors.As(err, &le) {
		t.Errorf("err = %v, want a limit error on the keys", err)
	}
	deep := `{"sessions": [{"id": "1", "x": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}], "speakers": []}`
	if _, err := readSz(t, deep, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "nests deeper") {
		t.Errorf("err = %v, want the nesting refused", err)
	}
}
