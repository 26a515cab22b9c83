package formats

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

// scheduleJSONSchema compiles testdata/schemas/schema.json (the c3voc
// schema, unchanged) with format assertions on: draft-06 leaves "format"
// to the validator, and the feed's dates, UUIDs and URIs must pass them.
func scheduleJSONSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "schemas", "schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(scheduleJSONSchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(scheduleJSONSchemaURL)
	if err != nil {
		t.Fatalf("compiling the schema: %v", err)
	}
	return sch
}

// validateScheduleJSON validates a document against the schema.
func validateScheduleJSON(sch *jsonschema.Schema, doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// writeScheduleJSONWith renders p as schedule.json with options o.
func writeScheduleJSONWith(t *testing.T, p *schedule.Programme, o WriteOptions) string {
	t.Helper()
	f, err := Lookup("schedule-json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b, p, o); err != nil {
		t.Fatalf("writing schedule.json: %v", err)
	}
	return b.String()
}

var sjIGFOptions = WriteOptions{Title: "IGF 2023", Acronym: "igf2023"}

// Decoded shapes of the feed, for the tests' checks.
type sjTestDoc struct {
	Schedule struct {
		Version    string `json:"version"`
		BaseURL    string `json:"base_url"`
		Conference struct {
			Acronym      string `json:"acronym"`
			Start, End   string
			DaysCount    int    `json:"daysCount"`
			TimeZoneName string `json:"time_zone_name"`
			Rooms        []struct{ Name, GUID string }
			Days         []struct {
				Index    int
				Date     string
				DayStart string `json:"day_start"`
				Rooms    map[string][]map[string]any
			}
		}
	}
}

func decodeScheduleJSON(t *testing.T, out string) sjTestDoc {
	t.Helper()
	var d sjTestDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return d
}

// events returns every event of the feed.
func (d sjTestDoc) events() []map[string]any {
	var out []map[string]any
	for _, day := range d.Schedule.Conference.Days {
		for _, evs := range day.Rooms {
			out = append(out, evs...)
		}
	}
	return out
}

func TestScheduleJSONRegistered(t *testing.T) {
	for _, name := range []string{"schedule-json", "schedule.json", "c3voc", "C3VOC"} {
		f, err := Lookup(name)
		if err != nil || f.Name != "schedule-json" {
			t.Errorf("Lookup(%q) = %v, %v", name, f, err)
		}
	}
	if f, err := ForPath("x.json"); err != nil || f.Name != "json" {
		t.Errorf(".json must stay the canonical json format, got %v, %v", f, err)
	}
}

func TestScheduleJSONGolden(t *testing.T) {
	defer func(v string) { docketVersion = v }(docketVersion)
	docketVersion = "" // the golden file must not depend on the build
	p := readFile(t, sampleCSV, ReadOptions{})
	testkit.Golden(t, "testdata/golden/sample.schedule.json", []byte(writeScheduleJSONWith(t, p, sjIGFOptions)))
}

// TestScheduleJSONValidatorWorks shows the validator setup accepts valid
// feeds and rejects broken ones, so that a passing validation means
// something.
func TestScheduleJSONValidatorWorks(t *testing.T) {
	sch := scheduleJSONSchema(t)
	// The project's hand-written example and pretalx's demo feed, where
	// the shared schema folder is present (it is outside the repository).
	for _, ex := range []string{"sample-forum.schedule.json", "pretalx-democon.json"} {
		doc, err := os.ReadFile(filepath.Join("..", "..", "shared", "schemas", "examples", ex))
		if err != nil {
			t.Logf("skipping %s: %v", ex, err)
			continue
		}
		if err := validateScheduleJSON(sch, doc); err != nil {
			t.Errorf("the valid example %s fails: %v", ex, err)
		}
	}

	good := writeScheduleJSONWith(t, readFile(t, sampleCSV, ReadOptions{}), sjIGFOptions)
	if err := validateScheduleJSON(sch, []byte(good)); err != nil {
		t.Fatalf("our output fails the schema: %v", err)
	}
	breakages := []struct {
		name   string
		mutate func(doc map[string]any)
	}{
		{"acronym with a hyphen", func(doc map[string]any) { sjConf(doc)["acronym"] = "igf-2023" }},
		{"unknown conference key", func(doc map[string]any) { sjConf(doc)["venue"] = "Kyoto" }},
		{"time zone as an offset", func(doc map[string]any) { sjConf(doc)["time_zone_name"] = "+09:00" }},
		{"date-time without offset (format)", func(doc map[string]any) { sjFirstEvent(doc)["date"] = "2023-10-11T17:45:00" }},
		{"guid not a UUID (format)", func(doc map[string]any) { sjFirstEvent(doc)["guid"] = "OF168" }},
		{"url not a URI (format)", func(doc map[string]any) { sjFirstEvent(doc)["url"] = "sessions/of168" }},
		{"day date not a date (format)", func(doc map[string]any) {
			sjConf(doc)["days"].([]any)[0].(map[string]any)["date"] = "11/10/2023"
		}},
		{"missing nullable key", func(doc map[string]any) { delete(sjFirstEvent(doc), "subtitle") }},
		{"slug ending in a hyphen", func(doc map[string]any) { sjFirstEvent(doc)["slug"] = "igf2023-1-" }},
		{"event id zero", func(doc map[string]any) { sjFirstEvent(doc)["id"] = 0 }},
		{"person matching both branches", func(doc map[string]any) {
			sjFirstEvent(doc)["persons"] = []any{map[string]any{"name": "A", "public_name": "A", "id": 1}}
		}},
		{"schedule.rooms", func(doc map[string]any) { doc["schedule"].(map[string]any)["rooms"] = []any{} }},
	}
	for _, b := range breakages {
		var doc map[string]any
		if err := json.Unmarshal([]byte(good), &doc); err != nil {
			t.Fatal(err)
		}
		b.mutate(doc)
		out, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateScheduleJSON(sch, out); err == nil {
			t.Errorf("%s: the broken document validates", b.name)
		}
	}
}

func sjConf(doc map[string]any) map[string]any {
	return doc["schedule"].(map[string]any)["conference"].(map[string]any)
}

func sjFirstEvent(doc map[string]any) map[string]any {
	rooms := sjConf(doc)["days"].([]any)[0].(map[string]any)["rooms"].(map[string]any)
	for _, evs := range rooms {
		return evs.([]any)[0].(map[string]any)
	}
	panic("no event")
}

func TestScheduleJSONValidates(t *testing.T) {
	sch := scheduleJSONSchema(t)
	sample := readFile(t, sampleCSV, ReadOptions{})
	cases := []struct {
		name string
		p    *schedule.Programme
		o    WriteOptions
		zone string // expected time_zone_name
	}{
		{"sample, defaults", sample, WriteOptions{}, "Asia/Tokyo"},
		{"sample, IGF names", sample, sjIGFOptions, "Asia/Tokyo"},
		{"three-part zone", sample, WriteOptions{Loc: sjMustLoc(t, "America/Argentina/Buenos_Aires")}, "America/Argentina/Buenos_Aires"},
		{"UTC", sample, WriteOptions{Loc: time.UTC}, "UTC"},
		// Names the schema's pattern rejects are left out.
		{"Etc zone", sample, WriteOptions{Loc: sjMustLoc(t, "Etc/GMT-9")}, ""},
		{"short title", &schedule.Programme{Name: "IG", Sessions: sample.Sessions}, WriteOptions{}, ""},
		{"only unscheduled sessions", &schedule.Programme{Name: "Empty", Timezone: "Europe/Oslo",
			Sessions: []*schedule.Session{{ID: "X", Title: "Not yet"}}}, WriteOptions{Now: time.Date(2026, 1, 2, 3, 0, 0, 0, time.UTC)}, "Europe/Oslo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := writeScheduleJSONWith(t, c.p, c.o)
			if err := validateScheduleJSON(sch, []byte(out)); err != nil {
				t.Fatalf("fails the schema: %v", err)
			}
			d := decodeScheduleJSON(t, out)
			if c.zone != "" || c.name == "Etc zone" {
				if got := d.Schedule.Conference.TimeZoneName; got != c.zone {
					t.Errorf("time_zone_name = %q, want %q", got, c.zone)
				}
			}
			if n := len(d.Schedule.Conference.Days); n == 0 || n > d.Schedule.Conference.DaysCount {
				t.Errorf("daysCount %d, but %d days", d.Schedule.Conference.DaysCount, n)
			}
			slugs := map[string]bool{}
			for _, e := range d.events() {
				slug := e["slug"].(string)
				if slugs[slug] {
					t.Errorf("slug %s is used twice", slug)
				}
				slugs[slug] = true
			}
		})
	}
}

func sjMustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("zone %s: %v", name, err)
	}
	return loc
}

// TestScheduleJSONWithoutDates: a programme with no dates at all still
// gives a valid feed, the same on every run.
func TestScheduleJSONWithoutDates(t *testing.T) {
	p := &schedule.Programme{Sessions: []*schedule.Session{{ID: "X", Title: "Not yet"}}}
	out := writeScheduleJSONWith(t, p, WriteOptions{})
	if err := validateScheduleJSON(scheduleJSONSchema(t), []byte(out)); err != nil {
		t.Fatalf("fails the schema: %v", err)
	}
	if c := decodeScheduleJSON(t, out).Schedule.Conference; c.Start != "1970-01-01" || c.DaysCount != 1 || len(c.Days) != 1 {
		t.Errorf("conference = %+v", c)
	}
}

func TestScheduleJSONHostileTitle(t *testing.T) {
	hostile := `<script>alert(1)</script> & "x"`
	p := readFile(t, sampleCSV, ReadOptions{})
	p.Sessions[0].Title = hostile
	p.Sessions[0].Description = hostile + "\u2028\x01"
	out := writeScheduleJSONWith(t, p, WriteOptions{})
	if err := validateScheduleJSON(scheduleJSONSchema(t), []byte(out)); err != nil {
		t.Fatalf("fails the schema: %v", err)
	}
	if strings.Contains(out, `\u003c`) || strings.Contains(out, `\u0026`) {
		t.Error("HTML characters are escaped (SetEscapeHTML(false) expected)")
	}
	// MAIN-1's GUID under the acronym made from the sample's name.
	const guid = "ffc08787-76f5-58b3-a71c-5af3d86e301c"
	for _, e := range decodeScheduleJSON(t, out).events() {
		if e["guid"] != guid {
			continue
		}
		if title := e["title"].(string); title != hostile {
			t.Errorf("title = %q, want the hostile title as text", title)
		}
		if abs := e["abstract"].(string); abs != hostile+"\u2028\x01" {
			t.Errorf("abstract = %q", abs)
		}
		if slug := e["slug"].(string); strings.ContainsAny(slug, `<>&" `) {
			t.Errorf("slug = %q", slug)
		}
		return
	}
	t.Fatal("the session with the hostile title is missing")
}

func TestScheduleJSONSeedEvent(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	out := writeScheduleJSONWith(t, p, sjIGFOptions)
	d := decodeScheduleJSON(t, out)
	conf := d.Schedule.Conference
	if conf.Acronym != "igf2023" || conf.Start != "2023-10-10" || conf.End != "2023-10-11" || conf.DaysCount != 2 || conf.TimeZoneName != "Asia/Tokyo" {
		t.Errorf("conference = %+v", conf)
	}
	var room []map[string]any
	for _, day := range conf.Days {
		if day.Date == "2023-10-11" {
			room = day.Rooms["WS 7 – Room K"]
		}
	}
	// The GUIDs and the event id are literals, not recomputed with the
	// writer's own helpers: apps key favourites on them, so they are a
	// contract that must not change between docket versions.
	const guid = "68407165-bbed-53ec-b0d2-bfccc7efb3fd"
	var e map[string]any
	for _, x := range room {
		if x["guid"] == guid {
			e = x
		}
	}
	if e == nil {
		t.Fatalf("Open Forum #168 is not in room WS 7 – Room K on 2023-10-11")
	}
	const id = 133066
	const slug = "igf2023-133066-creating_digital_public_infrastructure_that"
	// url is the session's own page; without one it would be
	// "https://schedule.invalid/igf2023/sessions/" + slug.
	want := map[string]any{
		"date":              "2023-10-11T17:45:00+09:00",
		"start":             "17:45",
		"end":               "2023-10-11T18:45:00+09:00",
		"duration":          "01:00",
		"room":              "WS 7 – Room K",
		"title":             "Creating digital public infrastructure that empowers people",
		"subtitle":          "Panel - 60 Min",
		"track":             "Harmonising Global Digital Infrastructure",
		"type":              "Open Forum",
		"language":          "en",
		"id":                float64(id),
		"slug":              slug,
		"url":               "https://www.intgovforum.org/en/content/igf-2023-open-forum-168-creating-digital-public-infrastructure-that-empowers-people",
		"recording_license": "",
		"do_not_record":     false,
	}
	for k, v := range want {
		if e[k] != v {
			t.Errorf("%s = %#v, want %#v", k, e[k], v)
		}
	}
	desc, _ := e["description"].(string)
	for _, s := range []string{"Session: Open Forum #168\n", "Format: Panel - 60 Min", "Rapporteur: Philipp Schulte", "SDG targets: 9.1"} {
		if !strings.Contains(desc, s) {
			t.Errorf("description lacks %q", s)
		}
	}
	if strings.Contains(desc, "Countries around the world") {
		t.Error("the abstract is repeated in the description")
	}
	var names []string
	for _, per := range e["persons"].([]any) {
		m := per.(map[string]any)
		names = append(names, m["name"].(string))
		if want := seedPersonGUIDs[m["name"].(string)]; m["guid"] != want {
			t.Errorf("person %v has guid %v, want %s", m["name"], m["guid"], want)
		}
		// name and no public_name: exactly one of the schema's person
		// branches (PretalxPerson); the id is ConfClerk's and the apps'.
		if want := seedPersonIDs[m["name"].(string)]; len(m) != 3 || m["id"] != float64(want) {
			t.Errorf("person %v: want name, guid and id %d", m, want)
		}
	}
	wantNames := "Valeriya Ionan, Pramod Varma, Mark Irura, Adriana Groh, Aishwarya Salvi, Torge Wolters"
	if got := strings.Join(names, ", "); got != wantNames {
		t.Errorf("persons = %s, want %s", got, wantNames)
	}
	for _, k := range []string{"links", "attachments"} {
		if l, ok := e[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %#v, want []", k, e[k])
		}
	}
	var roomGUID string
	for _, r := range conf.Rooms {
		if r.Name == "WS 7 – Room K" {
			roomGUID = r.GUID
		}
	}
	if roomGUID != "a1f4db22-828b-5221-aef1-cf2cf080f925" {
		t.Errorf("room guid = %q", roomGUID)
	}
}

func TestScheduleJSONLeavesOutUnscheduled(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	p.Sessions[1].Start, p.Sessions[1].End = time.Time{}, time.Time{}
	// MAIN-2's GUID under the acronym made from the sample's name.
	const guid = "23d6f8e4-c13f-582e-a1db-4e329ec92839"
	out := writeScheduleJSONWith(t, p, WriteOptions{})
	if strings.Contains(out, guid) {
		t.Error("a session without a start is in the feed")
	}
	if n := len(decodeScheduleJSON(t, out).events()); n != len(p.Sessions)-1 {
		t.Errorf("%d events for %d scheduled sessions", n, len(p.Sessions)-1)
	}
}
