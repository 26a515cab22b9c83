package formats

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

// frabXSD is the c3voc schedule.xml XSD: the copy in testdata (so the test
// needs nothing outside the repository), else the shared one.
func frabXSD(t *testing.T) string {
	t.Helper()
	for _, p := range []string{
		filepath.Join("testdata", "schemas", "schedule.xml.xsd"),
		filepath.Join("..", "..", "shared", "schemas", "schedule.xml.xsd"),
	} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("schedule.xml.xsd not found in testdata/schemas or ../../shared/schemas")
	return ""
}

// validateFrab checks doc against the XSD with xmllint in a subtest,
// skipped when xmllint is not installed (.ci/run installs it).
func validateFrab(t *testing.T, doc string) {
	t.Helper()
	t.Run("xsd", func(t *testing.T) {
		xmllint, err := exec.LookPath("xmllint")
		if err != nil {
			t.Skip("xmllint not installed (apt-get install libxml2-utils); schedule.xml not validated against the XSD")
		}
		path := filepath.Join(t.TempDir(), "schedule.xml")
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", frabXSD(t), path).CombinedOutput()
		if err != nil {
			t.Errorf("xmllint rejects the schedule.xml: %v\n%s", err, out)
		}
	})
}

// Just enough of schedule.xml to check what was written.
type frabDoc struct {
	Conference struct {
		Acronym      string `xml:"acronym"`
		TimeZoneName string `xml:"time_zone_name"`
	} `xml:"conference"`
	Days []struct {
		Index int    `xml:"index,attr"`
		Date  string `xml:"date,attr"`
		Rooms []struct {
			Name   string `xml:"name,attr"`
			Events []struct {
				ID          int    `xml:"id,attr"`
				GUID        string `xml:"guid,attr"`
				Room        string `xml:"room"`
				Title       string `xml:"title"`
				Subtitle    string `xml:"subtitle"`
				Type        string `xml:"type"`
				Date        string `xml:"date"`
				Start       string `xml:"start"`
				Duration    string `xml:"duration"`
				Abstract    string `xml:"abstract"`
				Description string `xml:"description"`
				Slug        string `xml:"slug"`
				Track       string `xml:"track"`
				Language    string `xml:"language"`
				URL         string `xml:"url"`
				Persons     []struct {
					ID   int    `xml:"id,attr"`
					GUID string `xml:"guid,attr"`
					Name string `xml:",chardata"`
				} `xml:"persons>person"`
			} `xml:"event"`
		} `xml:"room"`
	} `xml:"day"`
}

func parseFrab(t *testing.T, doc string) frabDoc {
	t.Helper()
	var d frabDoc
	if err := xml.Unmarshal([]byte(doc), &d); err != nil {
		t.Fatalf("the schedule.xml does not parse: %v", err)
	}
	return d
}

func TestFrabGolden(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	doc := render(t, "frab", p)
	testkit.Golden(t, "testdata/golden/sample.frab.xml", []byte(doc))
	validateFrab(t, doc)
}

func TestFrabLookup(t *testing.T) {
	for _, name := range []string{"frab", "schedule-xml", "schedule.xml"} {
		if f, err := Lookup(name); err != nil || f.Name != "frab" {
			t.Errorf("Lookup(%q) = %v, %v", name, f, err)
		}
	}
	if f, err := ForPath("out/schedule.xml"); err != nil || f.Name != "frab" {
		t.Errorf("ForPath(schedule.xml) = %v, %v", f, err)
	}
}

// seedPersonGUIDs are the GUIDs of Open Forum #168's persons in both
// feeds, written out rather than recomputed with the writer's helpers:
// apps key favourites and speaker pages on them, so they are a contract
// that must not change between docket versions.
var seedPersonGUIDs = map[string]string{
	"Valeriya Ionan":  "22d311a7-cd40-5c4e-8150-5f77c0fea6c3",
	"Pramod Varma":    "0648a139-0ee2-5bcb-baf4-2641cd3d6c72",
	"Mark Irura":      "578bc27e-6470-5c02-bd94-de478fa5d102",
	"Adriana Groh":    "0d7ee529-3f25-5064-aeb8-d574a5cd3f0b",
	"Aishwarya Salvi": "dfb08100-c9e2-51ce-9ae9-bcc38e64ac9e",
	"Torge Wolters":   "1351e4fb-d6f6-5dd7-a650-f776d27fc836",
}

// seedPersonIDs are the numeric ids of the same persons, in both feeds:
// ConfClerk imports no person without one, and keys them on it.
var seedPersonIDs = map[string]int{
	"Valeriya Ionan":  521541,
	"Pramod Varma":    257437,
	"Mark Irura":      425363,
	"Adriana Groh":    286313,
	"Aishwarya Salvi": 503481,
	"Torge Wolters":   644044,
}

func TestFrabSeedSession(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	d := parseFrab(t, render(t, "frab", p))
	if d.Conference.TimeZoneName != "Asia/Tokyo" {
		t.Errorf("time_zone_name = %q", d.Conference.TimeZoneName)
	}
	found := false
	for _, day := range d.Days {
		for _, r := range day.Rooms {
			for _, e := range r.Events {
				if !strings.Contains(e.Description, "Session: Open Forum #168\n") {
					continue
				}
				found = true
				// The title is the title: apps show it as it is.
				if e.Title != "Creating digital public infrastructure that empowers people" {
					t.Errorf("title %q", e.Title)
				}
				var persons []string
				for _, p := range e.Persons {
					persons = append(persons, p.Name)
					if want := seedPersonGUIDs[p.Name]; p.GUID != want {
						t.Errorf("person %s: guid %s, want %s", p.Name, p.GUID, want)
					}
					if want := seedPersonIDs[p.Name]; p.ID != want {
						t.Errorf("person %s: id %d, want %d", p.Name, p.ID, want)
					}
				}
				// The event id and GUID (under the acronym made from the
				// sample's name, "programme") are a contract, as above.
				if e.ID != 133066 || e.GUID != "c4b93c63-2e79-5d0d-9887-dcad847be98b" {
					t.Errorf("id %d, guid %s; want 133066, c4b93c63-2e79-5d0d-9887-dcad847be98b", e.ID, e.GUID)
				}
				checks := []struct{ what, got, want string }{
					{"day", day.Date, "2023-10-11"},
					{"room", r.Name, "WS 7 – Room K"},
					{"event room", e.Room, "WS 7 – Room K"},
					{"date", e.Date, "2023-10-11T17:45:00+09:00"},
					{"start", e.Start, "17:45"},
					{"duration", e.Duration, "01:00"},
					{"type", e.Type, "Open Forum"},
					{"subtitle", e.Subtitle, "Panel - 60 Min"},
					{"track", e.Track, "Harmonising Global Digital Infrastructure"},
					{"language", e.Language, "en"},
					{"url", e.URL, "https://www.intgovforum.org/en/content/igf-2023-open-forum-168-creating-digital-public-infrastructure-that-empowers-people"},
					{"persons", strings.Join(persons, "; "), "Valeriya Ionan; Pramod Varma; Mark Irura; Adriana Groh; Aishwarya Salvi; Torge Wolters"},
				}
				for _, c := range checks {
					if c.got != c.want {
						t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
					}
				}
				if !strings.Contains(e.Abstract, "digital public infrastructure (DPI)") || strings.Contains(e.Abstract, "\n\n") {
					t.Errorf("abstract = %q, want the description's first paragraph", e.Abstract)
				}
				for _, want := range []string{"Format: Panel - 60 Min", "Online moderator: Torge Wolters", "Rapporteur: Philipp Schulte", "SDG targets: 9.1"} {
					if !strings.Contains(e.Description, want) {
						t.Errorf("description lacks %q:\n%s", want, e.Description)
					}
				}
			}
		}
	}
	if !found {
		t.Fatal("Open Forum #168 is not in the schedule.xml")
	}
}

// TestFrabIdentifiers: ids, GUIDs and slugs are unique, fit the XSD, and
// are the same in a second export (also from the workbook).
func TestFrabIdentifiers(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	first := render(t, "frab", p)
	if again := render(t, "frab", readFile(t, sampleCSV, ReadOptions{})); again != first {
		t.Errorf("two exports of the same programme differ:\n%s", testkit.FirstDiff(first, again))
	}
	if fromXLSX := render(t, "frab", readFile(t, sampleXLSX, ReadOptions{})); fromXLSX != first {
		t.Errorf("the workbook exports differently:\n%s", testkit.FirstDiff(first, fromXLSX))
	}
	d := parseFrab(t, first)
	uuid := regexp.MustCompile(`^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$`)
	slugRE := regexp.MustCompile(`^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$`)
	ids, guids, slugs := map[int]bool{}, map[string]bool{}, map[string]bool{}
	n := 0
	for _, day := range d.Days {
		for _, r := range day.Rooms {
			for _, e := range r.Events {
				n++
				if e.ID <= 0 || ids[e.ID] {
					t.Errorf("%s: id %d not positive or not unique", e.Title, e.ID)
				}
				if !uuid.MatchString(e.GUID) || guids[e.GUID] {
					t.Errorf("%s: guid %q not a UUID or not unique", e.Title, e.GUID)
				}
				if !slugRE.MatchString(e.Slug) || slugs[e.Slug] {
					t.Errorf("%s: slug %q does not fit the XSD or is not unique", e.Title, e.Slug)
				}
				ids[e.ID], guids[e.GUID], slugs[e.Slug] = true, true, true
			}
		}
	}
	scheduled := 0
	for _, s := range p.Sessions {
		if s.Scheduled() {
			scheduled++
		}
	}
	if n != scheduled {
		t.Errorf("%d events, want one per scheduled session (%d)", n, scheduled)
	}
}

func frabTestProgramme() *schedule.Programme {
	at := func(h, m int) time.Time { return time.Date(2025, 6, 23, h, m, 0, 0, time.UTC) }
	return &schedule.Programme{Name: "Forum & Co 2025", Timezone: "Europe/Oslo", Sessions: []*schedule.Session{
		{ID: "X1", Title: `<script>alert(1)</script> & "x"`, Room: "Hall A & B", Type: "Workshop",
			Description: "First line\nsecond line\n\nMore \x01 text ]]> here", Language: "Spanish", URL: "javascript:alert(1)",
			Start: at(7, 0), End: at(8, 30), Timezone: "Europe/Oslo",
			Speakers: []schedule.Person{{Name: "Ana <b>Bold</b>"}, {Name: "José Núñez"}}},
		// The same session id twice: GUIDs must still differ.
		{ID: "X1", Title: "Second", Room: "Hall A & B", Start: at(9, 0), End: at(10, 0), Timezone: "Europe/Oslo", Language: "fr"},
		{ID: "X2", Title: "漢字だけ", Room: "", Start: at(23, 0), End: at(23, 30), Timezone: "Europe/Oslo", Language: "EN"},
		{ID: "X3", Title: "Unscheduled"},
	}}
}

func TestFrabEscapingAndEdgeCases(t *testing.T) {
	p := frabTestProgramme()
	doc := render(t, "frab", p)
	for _, bad := range []string{"<script>", `& "x"`, "Hall A & B", "<b>", "\x01", "javascript:"} {
		if strings.Contains(doc, bad) {
			t.Errorf("output contains %q unescaped:\n%s", bad, doc)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34;",
		`<room name="Hall A &amp; B">`,
		"<abstract>First line\nsecond line</abstract>", // line breaks stay readable
		"More \uFFFD text ]]&gt; here",
		"<language>fr</language>",
		"<language>en</language>",
		`<day index="1" date="2025-06-23" start="2025-06-23T09:00:00+02:00" end="2025-06-23T12:00:00+02:00">`,
		// 23:00 UTC is the next day in Oslo.
		`<day index="2" date="2025-06-24" start="2025-06-24T01:00:00+02:00" end="2025-06-24T01:30:00+02:00">`,
		"<days>2</days>",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("output lacks %q:\n%s", want, doc)
		}
	}
	if strings.Count(doc, "<language>") != 2 || strings.Contains(doc, "Unscheduled") || strings.Contains(doc, "<url>") {
		t.Errorf("Spanish has no code, unscheduled sessions and non-http URLs are left out:\n%s", doc)
	}
	d := parseFrab(t, doc)
	e := d.Days[0].Rooms[0].Events[0]
	if e.Title != `<script>alert(1)</script> & "x"` || e.Room != "Hall A & B" || e.Persons[0].Name != "Ana <b>Bold</b>" {
		t.Errorf("the text does not read back as written: %+v", e)
	}
	if g := d.Days[0].Rooms[0].Events; len(g) != 2 || g[0].GUID == g[1].GUID || g[0].ID == g[1].ID {
		t.Errorf("a repeated session id must still give unique ids and GUIDs: %+v", g)
	}
	if render(t, "frab", frabTestProgramme()) != doc {
		t.Error("the same programme gives different bytes")
	}
	validateFrab(t, doc)
}

func TestFrabOptionsAndEmptyProgramme(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	f, _ := Lookup("frab")
	var b strings.Builder
	if err := f.Write(&b, frabTestProgramme(), WriteOptions{Title: "Other Title", Acronym: "OT-2025", Loc: berlin}); err != nil {
		t.Fatal(err)
	}
	d := parseFrab(t, b.String())
	if d.Conference.Acronym != "ot2025" || d.Conference.TimeZoneName != "Europe/Berlin" || !strings.Contains(b.String(), "<title>Other Title</title>") {
		t.Errorf("title, acronym and zone options not applied:\n%s", b.String())
	}
	if !strings.HasPrefix(d.Days[0].Rooms[0].Events[0].Slug, "ot2025-") {
		t.Errorf("slug %q should start with the acronym", d.Days[0].Rooms[0].Events[0].Slug)
	}
	validateFrab(t, b.String())

	// Nothing scheduled: still one (empty) day, as the XSD requires.
	empty := render(t, "frab", &schedule.Programme{Name: "Empty", FirstDay: "2025-06-23", LastDay: "2025-06-24", Timezone: "Asia/Tokyo",
		Sessions: []*schedule.Session{{ID: "A", Title: "No time"}}})
	if !strings.Contains(empty, `<day index="1" date="2025-06-23" start="2025-06-23T00:00:00+09:00" end="2025-06-23T00:00:00+09:00"></day>`) ||
		!strings.Contains(empty, "<days>2</days>") {
		t.Errorf("empty programme:\n%s", empty)
	}
	validateFrab(t, empty)
}

// TestSubtitleAndAbstractReachTheFeeds: a pretalx-shaped sheet's Subtitle
// and Abstract reach frab's <subtitle> and <abstract> and schedule.json's,
// and its Description stays the description; nothing the input had is
// lost, and the canonical formats carry both back.
func TestSubtitleAndAbstractReachTheFeeds(t *testing.T) {
	p := mustRead(t, "talks.csv", []byte("id,title,subtitle,abstract,description,date,start,end,room,timezone\n"+
		"7,Feeds,How apps read schedules,A short abstract.,The long description.,2026-08-01,10:00,11:00,Stage,Europe/Berlin\n"))
	s := p.Sessions[0]
	if s.Subtitle != "How apps read schedules" || s.Abstract != "A short abstract." || s.Description != "The long description." {
		t.Fatalf("session %+v", s)
	}
	var frab, sj, js bytes.Buffer
	if err := frabFormat.Write(&frab, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<subtitle>How apps read schedules</subtitle>", "<abstract>A short abstract.</abstract>", "The long description."} {
		if !strings.Contains(frab.String(), want) {
			t.Errorf("frab lacks %q", want)
		}
	}
	if err := scheduleJSONFormat.Write(&sj, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"subtitle": "How apps read schedules"`, `"abstract": "A short abstract."`, `The long description.`} {
		if !strings.Contains(sj.String(), want) {
			t.Errorf("schedule.json lacks %q", want)
		}
	}
	if err := jsonFormat.Write(&js, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadProgramme(Input{Name: "talks.json", R: bytes.NewReader(js.Bytes())}, ReadOptions{})
	if err != nil || back.Sessions[0].Subtitle != s.Subtitle || back.Sessions[0].Abstract != s.Abstract {
		t.Errorf("read back: %v %+v", err, back.Sessions[0])
	}
}

// TestMarkdownLinksOnlyWebAddresses: a URL cell with line breaks added
// headings to the Markdown export, and javascript: was linked; only an
// http(s) address is a link, anything else is escaped text on its line.
func TestMarkdownLinksOnlyWebAddresses(t *testing.T) {
	p := mustRead(t, "u.csv", []byte("id,title,date,start,end,room,url,timezone\n"+
		"A,One,2026-08-01,10:00,11:00,Hall,javascript:alert(1),UTC\n"+
		"B,Two,2026-08-01,11:00,12:00,Hall,\"https://ok.example/x\n# Owned\",UTC\n"+
		"C,Three,2026-08-01,12:00,13:00,Hall,https://ok.example/talk,UTC\n"))
	var md bytes.Buffer
	if err := markdownFormat.Write(&md, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	if strings.Contains(out, "<javascript:") || strings.Contains(out, "\n# Owned") || !strings.Contains(out, "<https://ok.example/talk>") {
		t.Errorf("markdown:\n%s", out)
	}
}

// TestFrabIDsSurviveEditsOfOtherRows: in a file without ids, deleting
// one row changed 397 of 397 event ids and 396 GUIDs; apps key favourites
// and alarms on them. Each event keeps its id and GUID when another row
// goes, and numeric ids stay the numbers they are.
func TestFrabIDsSurviveEditsOfOtherRows(t *testing.T) {
	var rows []string
	for i := range 40 {
		rows = append(rows, fmt.Sprintf("Talk number %d about %c,2026-05-04,%02d:00,%02d:30,Hall %d", i, 'A'+i%26, 8+i%10, 8+i%10, i%4))
	}
	doc := func(rows []string) map[string]string {
		p := mustRead(t, "talks.csv", []byte("title,date,start,end,room\n"+strings.Join(rows, "\n")+"\n"))
		out := map[string]string{}
		for _, d := range parseFrab(t, render(t, "frab", p)).Days {
			for _, r := range d.Rooms {
				for _, e := range r.Events {
					out[e.Title] = fmt.Sprintf("%d %s", e.ID, e.GUID)
				}
			}
		}
		return out
	}
	before := doc(rows)
	after := doc(append(slices.Clone(rows[:7]), rows[8:]...))
	if len(after) != 39 {
		t.Fatalf("%d events after deleting one of 40", len(after))
	}
	for title, ids := range after {
		if before[title] != ids {
			t.Errorf("%s: %s before, %s after another row went", title, before[title], ids)
		}
	}
	numeric := mustRead(t, "n.csv", []byte("id,title,date,start,end,room\n1,One,2026-05-04,09:00,10:00,Hall\n30,Thirty,2026-05-04,10:00,11:00,Hall\n"))
	if out := render(t, "frab", numeric); !strings.Contains(out, `<event id="1" `) || !strings.Contains(out, `<event id="30" `) {
		t.Errorf("numeric source ids are not the event ids:\n%s", out)
	}
}
