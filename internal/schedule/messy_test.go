package schedule

import (
	"strings"
	"testing"
)

func read(t *testing.T, opts Options, rows ...[]string) *Programme {
	t.Helper()
	prog := &Programme{}
	b, err := NewBuilder(prog, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Read(sheet(rows...)); err != nil {
		t.Fatal(err)
	}
	return prog
}

func starts(p *Programme) string {
	var out []string
	for _, s := range p.Sessions {
		out = append(out, s.Start.Format("2006-01-02"))
	}
	return strings.Join(out, " ")
}

func TestDateOrderFromData(t *testing.T) {
	header := []string{"id", "title", "date", "start", "end", "room"}
	us := [][]string{header,
		{"A", "x", "10/11/2023", "09:00", "10:00", "R"},
		{"B", "x", "10/12/2023", "09:00", "10:00", "R"},
		{"C", "x", "10/25/2023", "09:00", "10:00", "R"}}
	p := read(t, Options{File: "us.csv", Timezone: "UTC"}, us...)
	if got := starts(p); got != "2023-10-11 2023-10-12 2023-10-25" {
		t.Errorf("month-first file: %s", got)
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), "month first (mdy): 10/25/2023 on row 4") || len(p.Warnings) != 0 {
		t.Errorf("notes %q warnings %q", p.Notes, p.Warnings)
	}
	eu := [][]string{header,
		{"A", "x", "10/11/2023", "09:00", "10:00", "R"},
		{"B", "x", "25/10/2023", "09:00", "10:00", "R"}}
	if got := starts(read(t, Options{File: "eu.csv", Timezone: "UTC"}, eu...)); got != "2023-11-10 2023-10-25" {
		t.Errorf("day-first file: %s", got)
	}
	amb := [][]string{header, {"A", "x", "10/11/2023", "09:00", "10:00", "R"}}
	p = read(t, Options{File: "amb.csv", Timezone: "UTC"}, amb...)
	if got := starts(p); got != "2023-11-10" || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "10/11/2023 were read day first (10 November 2023") {
		t.Errorf("undecided: %s %q", got, p.Warnings)
	}
	p = read(t, Options{File: "amb.csv", Timezone: "UTC", DateOrder: "mdy"}, amb...)
	if got := starts(p); got != "2023-10-11" || len(p.Warnings) != 0 {
		t.Errorf("--date-order mdy: %s %q", got, p.Warnings)
	}
	// Dotted dates are day first whatever the order.
	p = read(t, Options{File: "de.csv", DateOrder: "mdy"}, header, []string{"A", "x", "11.10.2023", "09:00", "10:00", "R"})
	if got := starts(p); got != "2023-10-11" {
		t.Errorf("dotted date: %s", got)
	}
	if _, err := NewBuilder(&Programme{}, Options{DateOrder: "ymd"}); err == nil {
		t.Error("an unknown date order should be refused")
	}
}

func TestHeaderSplitOverTwoRowsAndNumberedColumns(t *testing.T) {
	p := read(t, Options{File: "de.xlsx"},
		[]string{"<Veranstaltung>", "<Veranstaltung>", "", "", "Vortragende", "Vortragende", "Vortragende"},
		[]string{"ID", "Titel", "Ort", "Datum", "1", "2", "3"},
		[]string{"1001", "Begrüßung", "Saal", "2016-10-28", "Dieter Reiter", "", "Anna Berg, Stadt München"},
	)
	s := p.Sessions[0]
	if len(s.Speakers) != 2 || s.Speakers[0].Name != "Dieter Reiter" || s.Speakers[1].Name != "Anna Berg" {
		t.Errorf("speakers = %+v", s.Speakers)
	}
	if len(p.ExtraColumns) != 0 {
		t.Errorf("extras = %q", p.ExtraColumns)
	}
	p = read(t, Options{File: "x.csv"},
		[]string{"Session ID", "Title", "Speaker 1", "Speaker 2", "SDG 1", "SDG 2", "Notes", "", ""},
		[]string{"A", "T", "Ana Lima", "Ben Ode", "9.1", "16.6", "n", "", ""},
	)
	s = p.Sessions[0]
	if len(s.Speakers) != 2 || strings.Join(s.SDGs, " ") != "9.1 16.6" {
		t.Errorf("speakers %+v sdgs %q", s.Speakers, s.SDGs)
	}
	// Trailing columns with neither header nor value are no data.
	if strings.Join(p.ExtraColumns, "|") != "Notes" {
		t.Errorf("extras = %q", p.ExtraColumns)
	}
}

func TestMapOption(t *testing.T) {
	p := read(t, Options{File: "m.csv", Map: map[string]Field{"raum": FieldRoom, "notes": FieldExtra, "title": FieldExtra, "bezeichnung": FieldTitle}},
		[]string{"id", "Bezeichnung", "Raum", "Title", "Notes"},
		[]string{"A", "Real title", "Saal 1", "kept aside", "n"},
	)
	s := p.Sessions[0]
	if s.Title != "Real title" || s.Room != "Saal 1" || s.ExtraValue("Title") != "kept aside" {
		t.Errorf("session = %+v", s)
	}
	if len(p.Columns) != 5 || p.Columns[2].Field != FieldRoom || p.Columns[3].Field != "" {
		t.Errorf("columns = %+v", p.Columns)
	}
}

func TestParticipationColumn(t *testing.T) {
	p := read(t, Options{File: "p.csv"},
		[]string{"id", "title", "speakers", "Participation"},
		[]string{"A", "All online", "Ana\nBen (on-site)", "virtual"},
		[]string{"B", "One each", "Ana\nBen\nCem", "online; in person; remote"},
		[]string{"C", "Typo", "Ana", "hybridish"},
	)
	got := func(i int) string {
		var out []string
		for _, sp := range p.Sessions[i].Speakers {
			out = append(out, sp.Participation)
		}
		return strings.Join(out, " ")
	}
	if got(0) != "online onsite" || got(1) != "online onsite online" || got(2) != "" {
		t.Errorf("participation: %q %q %q", got(0), got(1), got(2))
	}
	if len(p.Problems) != 1 || p.Problems[0].Rule != "unknown-participation" || p.Problems[0].Src.Row != 4 {
		t.Errorf("problems: %+v", p.Problems)
	}
	if p.Sessions[0].ExtraValue("Participation") != "virtual" {
		t.Error("the column is kept as written")
	}
}

// TestGuessesAreTold: what the file does not say is assumed where it
// must be, and told: slash dates month first in a US zone (a finding
// when no date decides), times without a zone read as UTC (a warning).
func TestGuessesAreTold(t *testing.T) {
	header := []string{"id", "title", "date", "start", "end", "room"}
	us := [][]string{header, {"A", "x", "5/3/2019", "09:00", "10:00", "R"}, {"B", "x", "5/4/2019", "09:00", "10:00", "R"}}
	p := read(t, Options{File: "us.csv", Timezone: "America/Detroit"}, us...)
	if got := starts(p); got != "2019-05-03 2019-05-04" {
		t.Errorf("Detroit reads month first: %s", got)
	}
	if len(p.Problems) != 1 || p.Problems[0].Rule != RuleAmbiguousDate || p.Problems[0].Src.Row != 2 ||
		!strings.Contains(p.Problems[0].Message, "read month first as dates are in America/Detroit") {
		t.Errorf("problems %+v", p.Problems)
	}
	// The data decides against the zone: 13/05/2019 is day first.
	p = read(t, Options{File: "uk.csv", Timezone: "America/New_York"}, header,
		[]string{"A", "x", "5/3/2019", "09:00", "10:00", "R"}, []string{"B", "x", "13/05/2019", "09:00", "10:00", "R"})
	if got := starts(p); got != "2019-03-05 2019-05-13" || len(p.Problems) != 0 {
		t.Errorf("decided day first: %s %+v", got, p.Problems)
	}
	// No zone anywhere: one warning for the file, counting each session once.
	p = read(t, Options{File: "nozone.csv"}, header,
		[]string{"A", "x", "10/11/2023", "09:00", "10:00", "R"}, []string{"B", "x", "10/25/2023", "09:00", "10:00", "R"},
		[]string{"C", "x", "2023-10-26T09:00+02:00", "", "", "R"})
	if w := strings.Join(p.Warnings, "\n"); !strings.Contains(w, "nozone.csv: 2 sessions have times without a zone, read as UTC: give the programme's zone with event.timezone") {
		t.Errorf("warnings %q", p.Warnings)
	}
	if p = read(t, Options{File: "zone.csv", Timezone: "Europe/Berlin"}, header, []string{"A", "x", "2023-10-11", "09:00", "10:00", "R"}); len(p.Warnings) != 0 {
		t.Errorf("with a zone: %q", p.Warnings)
	}
}

// TestGoogleCalendarShape: Google Calendar's import CSV is month first
// whatever the zone, and its End Date makes a session end on another day.
func TestGoogleCalendarShape(t *testing.T) {
	p := read(t, Options{File: "gcal.csv", Timezone: "Europe/Berlin"},
		[]string{"Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event", "Location"},
		[]string{"Hackathon", "05/03/2019", "09:00 AM", "05/04/2019", "05:00 PM", "False", "Lab"},
		[]string{"Talk", "05/03/2019", "10:00 AM", "05/03/2019", "11:00 AM", "False", "Hall"},
	)
	s := p.Sessions[0]
	if got := s.Start.Format("2006-01-02 15:04") + " " + s.End.Format("2006-01-02 15:04"); got != "2019-05-03 09:00 2019-05-04 17:00" {
		t.Errorf("hackathon %s", got)
	}
	if s.ExtraValue("End Date") != "05/04/2019" || s.Title != "Hackathon" || s.Room != "Lab" {
		t.Errorf("session %+v", s)
	}
	if len(p.Problems) != 1 || p.Problems[0].Rule != RuleAmbiguousDate || !strings.Contains(p.Problems[0].Message, "read month first as Google Calendar writes them") {
		t.Errorf("problems %+v", p.Problems)
	}
	// An end date in a day-first file, past midnight without one.
	p = read(t, Options{File: "camp.csv", Timezone: "Europe/Berlin"},
		[]string{"title", "date", "start", "end date", "end", "room"},
		[]string{"Build-up", "30/07/2026", "10:00", "01/08/2026", "18:00", "Field"},
		[]string{"Late show", "01/08/2026", "22:00", "", "01:00", "Stage"},
	)
	if got := p.Sessions[0].End.Format("2006-01-02 15:04"); got != "2026-08-01 18:00" {
		t.Errorf("build-up ends %s", got)
	}
	if got := p.Sessions[1].End.Format("2006-01-02 15:04"); got != "2026-08-02 01:00" {
		t.Errorf("late show ends %s", got)
	}
}

// TestEventDays: with the event's days, day names and "Day N" are dates,
// and a sheet of times alone takes the day of a one-day event; without
// them a day name is one clear problem.
func TestEventDays(t *testing.T) {
	header := []string{"day", "time", "title", "room"}
	rows := [][]string{header,
		{"Thursday", "10:00-11:00", "Opening", "Hall"},
		{"fri.", "09:00 - 10:30", "Workshop", "Lab"},
		{"Day 3", "14:00-15:00", "Closing", "Hall"},
		{"Samstag", "16:00-17:00", "Party", "Hall"},
		{"Sunday", "10:00-11:00", "Nope", "Hall"},
	}
	p := read(t, Options{File: "days.csv", Timezone: "Europe/Berlin", FirstDay: "2026-09-24", LastDay: "2026-09-26"}, rows...)
	if got := starts(p); got != "2026-09-24 2026-09-25 2026-09-26 2026-09-26 0001-01-01" {
		t.Errorf("starts %s", got)
	}
	if len(p.Problems) != 2 || !strings.Contains(p.Problems[0].Message, `date "Sunday" is no day of the event (2026-09-24..2026-09-26)`) {
		t.Errorf("problems %+v", p.Problems)
	}
	if p.FirstDay != "2026-09-24" || p.LastDay != "2026-09-26" {
		t.Errorf("programme days %s..%s", p.FirstDay, p.LastDay)
	}
	p = read(t, Options{File: "days.csv", Timezone: "Europe/Berlin"}, rows[:2]...)
	if len(p.Problems) != 2 || !strings.Contains(p.Problems[0].Message, "the event's days are not known: give them with event.days") {
		t.Errorf("without event days: %+v", p.Problems)
	}
	// Two weeks hold two Fridays.
	p = read(t, Options{File: "days.csv", Timezone: "Europe/Berlin", FirstDay: "2026-09-24", LastDay: "2026-10-07"}, rows[:3]...)
	if len(p.Problems) != 4 || !strings.Contains(p.Problems[2].Message, `"fri." is 2 days of the event (2026-09-24..2026-10-07): write the date`) {
		t.Errorf("two Fridays: %+v", p.Problems)
	}
	// A meetup's sheet of times, one day.
	p = read(t, Options{File: "meetup.csv", Timezone: "Europe/Berlin", FirstDay: "2026-12-10"},
		[]string{"time", "talk"}, []string{"18:00", "Welcome"}, []string{"18:15-18:45", "Lightning talks"})
	if got := starts(p); got != "2026-12-10 2026-12-10" || len(p.Problems) != 0 {
		t.Errorf("one-day sheet: %s %+v", got, p.Problems)
	}
}
