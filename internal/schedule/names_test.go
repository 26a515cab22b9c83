package schedule

import (
	"strings"
	"testing"
)

func TestParseNames(t *testing.T) {
	for in, want := range map[string]string{
		"Sarah Elkins, Michael Cieslak":            "Sarah Elkins|Michael Cieslak",
		"Bo Chen & Priya Raman":                    "Bo Chen|Priya Raman",
		"Bo Chen and Priya Raman":                  "Bo Chen|Priya Raman",
		"Alexander Sandoval and Ana Lima":          "Alexander Sandoval|Ana Lima",
		"Bo Chen / Priya Raman; Ana Lima\nBen Ode": "Bo Chen|Priya Raman|Ana Lima|Ben Ode",
		"Martin Luther King, Jr., Coretta King":    "Martin Luther King Jr.|Coretta King",
		"Bo Chen (online), Priya Raman (on-site)":  "Bo Chen|Priya Raman",
		"  ":                               "",
		"Amélie Dubois et Jean-Luc Martin": "Amélie Dubois|Jean-Luc Martin",
		"1. Ana Lima, 2. Ben Ode":          "Ana Lima|Ben Ode",
		"Dieter Reiter, Anna Berg, Stadt München":    "Dieter Reiter|Anna Berg|Stadt München",
		"Phil Porada, Sarah Elkins, Michael Cieslak": "Phil Porada|Sarah Elkins|Michael Cieslak",
	} {
		var got []string
		for _, p := range ParseNames(in) {
			got = append(got, p.Name)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("ParseNames(%q) = %q, want %q", in, got, want)
		}
	}
	if ps := ParseNames("Bo Chen (online), Priya Raman (on-site)"); ps[0].Participation != Online || ps[1].Participation != Onsite {
		t.Errorf("participation: %+v", ps)
	}
}

// TestPersonCellForm: what each cell says about its column's reading.
func TestPersonCellForm(t *testing.T) {
	for cell, want := range map[string]int{
		"Sarah Elkins, Michael Cieslak":   formNames,
		"Bo Chen & Priya Raman":           formNames,
		"Bo Chen and Priya Raman":         formNames,
		"Bo Chen":                         formEither,
		"Bo Chen\nPriya Raman":            formEither,
		"Jane Doe, GIZ":                   formPacked,
		"Jane Doe, GIZ; John Roe, BMDV":   formPacked,
		"Anna Berg, Stadt München":        formPacked,
		"Valeriya Ionan, Deputy Minister": formPacked,
		"Ana Lima, Civil Society":         formPacked,
		"Ana Lima, Researcher, Universidad de la República, Montevideo, Civil Society, GRULAC": formPacked,
		"1. Heiko Wildner, BMDV 2. Aishwarya Salvi, GIZ":                                       formPacked,
		"Ana Lima, Google":       formPacked, // one word after a name: an organisation
		"Research & Development": formEither,
		// Nicknames, as hacker events' speakers go by: a lower-case word
		// after a comma is no role or organisation.
		"fluffy, derpeter":       formNames,
		"Kiki, derpeter":         formNames,
		"Anna Schmidt, derpeter": formNames,
		"Kiki & derpeter":        formNames,
		"Kiki, Google":           formPacked,
		"ana lima, researcher":   formPacked, // a role word, whatever its case
	} {
		if got := personCellForm(cell); got != want {
			t.Errorf("personCellForm(%q) = %d, want %d", cell, got, want)
		}
	}
}

// TestNameListColumns: a programme whose speakers are plain name lists
// reads each name as a person, and says so; an IGF file keeps its packed
// reading even where a cell alone would look like names.
func TestNameListColumns(t *testing.T) {
	p := read(t, Options{File: "sched.csv"},
		[]string{"id", "name", "start", "end", "venue", "speakers", "moderator"},
		[]string{"1", "Keynote", "2019-05-03 09:00", "2019-05-03 10:00", "Hall", "Sarah Elkins, Michael Cieslak", "Phil Porada"},
		[]string{"2", "Panel", "2019-05-03 11:00", "2019-05-03 12:00", "Hall", "Bo Chen & Priya Raman and Ana Lima", ""},
	)
	if got := names(p.Sessions[0].Speakers); got != "Sarah Elkins|Michael Cieslak" {
		t.Errorf("speakers = %q", got)
	}
	if got := names(p.Sessions[1].Speakers); got != "Bo Chen|Priya Raman|Ana Lima" {
		t.Errorf("speakers = %q", got)
	}
	if m := p.Sessions[0].OnsiteModerator; m == nil || m.Name != "Phil Porada" || m.Role != "" {
		t.Errorf("moderator = %+v", m)
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), "persons are read as lists of names") {
		t.Errorf("notes = %q", p.Notes)
	}
	// One packed cell with vocabulary decides the file.
	p = read(t, Options{File: "igf.csv"},
		[]string{"id", "title", "speakers"},
		[]string{"1", "A", "Sarah Elkins, Michael Cieslak"},
		[]string{"2", "B", "Ana Lima, Researcher, ITS Rio, Civil Society, GRULAC"},
	)
	if got := names(p.Sessions[0].Speakers); got != "Sarah Elkins" {
		t.Errorf("packed file: speakers = %q", got)
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), "IGF packed form") {
		t.Errorf("notes = %q", p.Notes)
	}
}

func names(ps []Person) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, "|")
}

// TestSectionRowsSkipped: headings between the sessions of a sheet made
// for people are skipped and named in one warning; a session row with
// one cell that is no heading stays.
func TestSectionRowsSkipped(t *testing.T) {
	p := read(t, Options{File: "sched.csv", Timezone: "America/Detroit"},
		[]string{"time", "title", "room"},
		[]string{"Friday Sept 27 Afternoon", "", ""},
		[]string{"2019-09-27 13:00", "Opening", "Hall"},
		[]string{"", "Day 2:", ""},
		[]string{"2019-09-28 09:00", "Closing", "Hall"},
		[]string{"", "Ada Lovelace Memorial", ""},
		[]string{"", "", "Total"},
	)
	if got := len(p.Sessions); got != 3 {
		t.Errorf("%d sessions, want 3 (Opening, Closing, the memorial)", got)
	}
	w := strings.Join(p.Warnings, "\n")
	if !strings.Contains(w, `sched.csv: rows 2 ("Friday Sept 27 Afternoon"), 4 ("Day 2:"), 7 ("Total") read as a heading, not a session, and were skipped`) {
		t.Errorf("warnings %q", p.Warnings)
	}
}

// TestProfileFromData: a programme that speaks the IGF's vocabulary is
// checked with the igf profile, a tech conference's with the generic one,
// unless a setting says.
func TestProfileFromData(t *testing.T) {
	tech := [][]string{{"id", "title", "type", "start", "end", "room", "speakers"},
		{"1", "Keynote", "Keynote", "2026-05-04 09:00", "2026-05-04 10:00", "Hall", "Bo Chen, Priya Raman"},
		{"2", "Break", "Break", "2026-05-04 10:00", "2026-05-04 10:30", "Hall", ""}}
	if p := read(t, Options{File: "tech.csv", Timezone: "UTC"}, tech...); p.Profile != ProfileGeneric ||
		!strings.Contains(strings.Join(p.Notes, "\n"), "checked with the generic profile") {
		t.Errorf("tech: profile %q, notes %q", p.Profile, p.Notes)
	}
	if p := read(t, Options{File: "tech.csv", Timezone: "UTC", Profile: ProfileIGF}, tech...); p.Profile != ProfileIGF {
		t.Errorf("set: profile %q", p.Profile)
	}
	igfType := [][]string{{"id", "title", "type", "start", "end", "room"},
		{"1", "Opening", "Opening Ceremony", "2026-05-04 09:00", "2026-05-04 10:00", "Hall"}}
	if p := read(t, Options{File: "igf.csv", Timezone: "UTC"}, igfType...); p.Profile != ProfileIGF ||
		!strings.Contains(strings.Join(p.Notes, "\n"), `row 2's type "Opening Ceremony" is an IGF session type`) {
		t.Errorf("igf type: profile %q, notes %q", p.Profile, p.Notes)
	}
	sdgs := [][]string{{"id", "title", "sdgs"}, {"1", "A", "9.1"}}
	if p := read(t, Options{File: "sdg.csv"}, sdgs...); p.Profile != ProfileIGF {
		t.Errorf("sdg column: profile %q", p.Profile)
	}
}

// TestMadeIDs: a sheet without ids gets ids from its titles, with day and
// start for a repeated title, the same whether read whole or streamed,
// and unchanged when another session is deleted.
func TestMadeIDs(t *testing.T) {
	header := []string{"title", "start", "end", "room"}
	rows := [][]string{
		{"Opening Keynote", "2026-05-04 09:00", "2026-05-04 10:00", "Hall"},
		{"Lunch", "2026-05-04 12:00", "2026-05-04 13:00", "Foyer"},
		{"Über Zeitpläne: Wie Apps lesen!", "2026-05-04 14:00", "2026-05-04 15:00", "Hall"},
		{"Lunch", "2026-05-05 12:00", "2026-05-05 13:00", "Foyer"},
	}
	want := "opening-keynote|lunch-20260504-1200|uber-zeitplane-wie-apps-lesen|lunch-20260505-1200"
	ids := func(p *Programme) string {
		var out []string
		for _, s := range p.Sessions {
			out = append(out, s.ID)
		}
		return strings.Join(out, "|")
	}
	p := read(t, Options{File: "talks.csv", Timezone: "Europe/Berlin"}, append([][]string{header}, rows...)...)
	if got := ids(p); got != want {
		t.Errorf("ids %s, want %s", got, want)
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), `each session's id is made from its title ("opening-keynote" for "Opening Keynote")`) {
		t.Errorf("notes %q", p.Notes)
	}
	// Streamed, as convert reads.
	var streamed []string
	prog := &Programme{}
	b, _ := NewBuilder(prog, Options{File: "talks.csv", Timezone: "Europe/Berlin", Emit: func(_ *Programme, s *Session) error {
		streamed = append(streamed, s.ID)
		return nil
	}})
	if err := b.Read(sheet(append([][]string{header}, rows...)...)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(streamed, "|"); got != want {
		t.Errorf("streamed ids %s", got)
	}
	// Deleting the keynote changes no other id.
	p = read(t, Options{File: "talks.csv", Timezone: "Europe/Berlin"}, append([][]string{header}, rows[1:]...)...)
	if got := ids(p); got != "lunch-20260504-1200|uber-zeitplane-wie-apps-lesen|lunch-20260505-1200" {
		t.Errorf("after a deletion: %s", got)
	}
	// A sheet with ids keeps them, empty ones included.
	p = read(t, Options{File: "ids.csv"}, []string{"id", "title"}, []string{"7", "A"}, []string{"", "B"})
	if got := ids(p); got != "7|" {
		t.Errorf("with an id column: %q", got)
	}
}
