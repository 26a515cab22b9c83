package feed

import (
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

// The ids and GUIDs below are written out, not recomputed with the
// functions under test: schedule apps key favourites on them and calendars
// update events by them, so they are a contract between docket versions.
// (They were checked against Python's uuid.uuid5 with docket's namespace
// 6d6f636b-6574-4f1a-9b2c-3e4455667788, and against FNV-1a.)

func TestEventIDsAndGUIDs(t *testing.T) {
	// The same session id in two files: the one whose file sorts first
	// keeps the hash, the other takes the next free id, whatever the order
	// the sessions come in.
	a := &schedule.Session{ID: "X1"}
	a.Src.File = "a.csv"
	b := &schedule.Session{ID: "X1"}
	b.Src.File = "b.csv"
	c := &schedule.Session{ID: "WS #101"}
	for _, order := range [][]*schedule.Session{{b, c, a}, {a, b, c}} {
		ids := EventIDs(order)
		if ids[a] != 704354 || ids[b] != 704355 || ids[c] != 941046 {
			t.Errorf("event ids %d, %d, %d; want 704354, 704355, 941046", ids[a], ids[b], ids[c])
		}
	}
	for _, g := range []struct{ what, got, want string }{
		{"session", SessionGUID("forum2025", a), "f25a11e5-cce9-5496-bfa1-0db0544d6adf"},
		{"session with a #", SessionGUID("forum2025", c), "55681fd7-cf22-50c0-bc42-e441acaade46"},
		{"repeated session", RepeatedSessionGUID("forum2025", b, 704355), "906e0b04-e10e-5e7b-a07c-dc3e0113d00a"},
		{"room", RoomGUID("forum2025", "Hall A"), "17979e63-efc9-5325-9d71-3a33d5a5d1d6"},
		// A person is known by the folded name, however a sheet spells it.
		{"person", PersonGUID("José Núñez"), "d122c9d7-c65e-5e97-92cd-421f77f53d2b"},
		{"person, spelt differently", PersonGUID("  josé  NÚÑEZ "), "d122c9d7-c65e-5e97-92cd-421f77f53d2b"},
	} {
		if g.got != g.want {
			t.Errorf("%s GUID = %s, want %s", g.what, g.got, g.want)
		}
	}
}

func TestTitleAndAcronym(t *testing.T) {
	p := &schedule.Programme{Name: " IGF 2023 "}
	if got := Title(p, "  "); got != "IGF 2023" {
		t.Errorf("Title = %q", got)
	}
	if got := Title(p, "Other"); got != "Other" {
		t.Errorf("Title with a title = %q", got)
	}
	if got := Title(&schedule.Programme{}, ""); got != "Programme" {
		t.Errorf("Title of nothing = %q", got)
	}
	// The feeds' schemas want four letters or digits at least.
	for _, c := range []struct{ acronym, title, want string }{
		{"", "IGF 2023", "igf2023"},
		{"OT-2025", "ignored", "ot2025"},
		{"", "IG", "igdock"},
		{"", "", "docket"},
		{"", "Forum für Café", "forumfurcafe"},
	} {
		if got := Acronym(c.acronym, c.title); got != c.want {
			t.Errorf("Acronym(%q, %q) = %q, want %q", c.acronym, c.title, got, c.want)
		}
	}
}

func TestSlugHHMMLanguage(t *testing.T) {
	if got := Slug("forum2025", 941046, "Creating digital public infrastructure that empowers people, everywhere"); got != "forum2025-941046-creating_digital_public_infrastructure_that" {
		t.Errorf("Slug cut at a word = %q", got)
	}
	if got := Slug("forum2025", 941046, "漢字だけ"); got != "forum2025-941046" {
		t.Errorf("Slug of an unsluggable title = %q", got)
	}
	for d, want := range map[time.Duration]string{-5 * time.Minute: "00:00", 90 * time.Minute: "01:30", 100 * time.Hour: "100:00"} {
		if got := HHMM(d); got != want {
			t.Errorf("HHMM(%v) = %q, want %q", d, got, want)
		}
	}
	for in, want := range map[string]string{"English": "en", "en-GB": "en", "FR": "fr", "Spanish": "", "": ""} {
		if got := Language(in); got != want {
			t.Errorf("Language(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDaysAndDateRange(t *testing.T) {
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		t.Skip(err)
	}
	at := func(d, h int) time.Time { return time.Date(2025, 6, d, h, 0, 0, 0, time.UTC) }
	ss := []*schedule.Session{
		{ID: "late", Start: at(23, 23), End: at(24, 0)}, // 01:00 on the 24th in Oslo
		{ID: "early", Start: at(23, 7), End: at(23, 9)},
		{ID: "open", Start: at(23, 10)},
		{ID: "unscheduled"},
	}
	days := Days(ss, oslo)
	if len(days) != 2 || days[0].Date != "2025-06-23" || days[1].Date != "2025-06-24" || days[1].Index != 2 {
		t.Fatalf("days = %+v", days)
	}
	if !days[0].Start.Equal(at(23, 7)) || !days[0].End.Equal(at(23, 10)) || len(days[0].Sessions) != 2 {
		t.Errorf("first day %+v, want 07:00 to 10:00 UTC with two sessions", days[0])
	}
	first, last := DateRange(&schedule.Programme{LastDay: "2025-06-26"}, days, time.Time{}, oslo)
	if first.Format(time.DateOnly) != "2025-06-23" || last.Format(time.DateOnly) != "2025-06-26" {
		t.Errorf("range %v – %v", first, last)
	}
	// Nothing dated: the export date in the feed's zone, or the epoch.
	now := time.Date(2026, 1, 2, 23, 30, 0, 0, time.UTC) // the 3rd in Oslo
	if first, _ := DateRange(&schedule.Programme{}, nil, now, oslo); first.Format(time.DateOnly) != "2026-01-03" {
		t.Errorf("undated range starts %v", first)
	}
	if first, _ := DateRange(&schedule.Programme{}, nil, time.Time{}, oslo); !first.Equal(time.Unix(0, 0)) {
		t.Errorf("undated range without a date starts %v", first)
	}
}

func TestHTTPURL(t *testing.T) {
	for in, want := range map[string]string{
		" https://example.org/a ":    "https://example.org/a",
		"javascript:alert(1)":        "",
		`https://example.org/"><b>x`: "",
		"http://example.org/with sp": "",
		"ftp://example.org/file.txt": "",
	} {
		if got := HTTPURL(in); got != want {
			t.Errorf("HTTPURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAllPersonIDs: the persons the feeds list keep PersonIDs' ids (the
// ones frab writes); organisers and rapporteurs get ids too, a source's
// numeric id where it has one, never one a listed person has.
func TestAllPersonIDs(t *testing.T) {
	rap := &schedule.Person{Name: "Rae Porter"}
	ss := []*schedule.Session{
		{ID: "A", Speakers: []schedule.Person{{Name: "Ana Lima"}, {Name: "Bo Chen", ID: "42"}},
			Organizers: []schedule.Person{{Name: "Olu Org", ID: "42"}, {Name: "ana lima"}}, Rapporteur: rap},
		{ID: "B", Organizers: []schedule.Person{{Name: "Ida Id", ID: "77"}}},
	}
	listed, all := PersonIDs(ss), AllPersonIDs(ss)
	for k, n := range listed {
		if all[k] != n {
			t.Errorf("%s: %d, PersonIDs gives %d", k, all[k], n)
		}
	}
	if len(all) != 5 || all["ida id"] != 77 || all["bo chen"] != 42 {
		t.Errorf("ids: %v", all)
	}
	seen := map[int]bool{}
	for k, n := range all {
		if n <= 0 || seen[n] {
			t.Errorf("%s: id %d repeated or not positive", k, n)
		}
		seen[n] = true
	}
}
