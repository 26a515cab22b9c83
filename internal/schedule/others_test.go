package schedule

import (
	"strings"
	"testing"
	"time"
)

// What the files of other tools (testdata/others, issue 16) showed docket
// reading wrongly, one test per cause.

// TestLengthInTimeCells: a workbook's length typed as a time ("0:45",
// which the spreadsheet stores as 0.03125 of a day) is 45 minutes; a text
// file's number stays minutes, and a fraction there is no length.
func TestLengthInTimeCells(t *testing.T) {
	header := []string{"Titel", "Datum", "Beginn", "Dauer"}
	p := read(t, Options{File: "fahrplan.xlsx", Timezone: "Europe/Berlin", Serials: true}, header,
		[]string{"Begrüßung", "45920", "0.416666666666667", "0.0104166666666666"},
		[]string{"Podium", "45920", "0.583333333333333", "01:30"},
		[]string{"Workshop", "45920", "0.625", "0.0833333333333333"},
		[]string{"Vortrag", "45920", "0.75", "45"},
	)
	var got []string
	for _, s := range p.Sessions {
		got = append(got, s.Start.Format("15:04")+"-"+s.End.Format("15:04"))
	}
	if strings.Join(got, " ") != "10:00-10:15 14:00-15:30 15:00-17:00 18:00-18:45" || len(p.Problems) != 0 {
		t.Errorf("workbook: %q, problems %+v", got, p.Problems)
	}
	p = read(t, Options{File: "fahrplan.csv", Timezone: "Europe/Berlin"}, []string{"title", "date", "start", "duration"},
		[]string{"A", "2025-09-20", "10:00", "0.03125"})
	if !p.Sessions[0].End.IsZero() || len(p.Problems) != 1 || p.Problems[0].Rule != RuleBadTime {
		t.Errorf("text file: end %v, problems %+v", p.Sessions[0].End, p.Problems)
	}
}

// TestMadeIDsFoldEveryLetter: letters that do not decompose into a base
// letter and an accent (ß, ø, æ, ł, đ, ı) are folded as ASCII writes them,
// not dropped.
func TestMadeIDsFoldEveryLetter(t *testing.T) {
	for title, want := range map[string]string{
		"Begrüßung":                 "begrussung",
		"Straßenbahn-Modelle löten": "strassenbahn-modelle-loten",
		"Søren's Æble-Workshop":     "soren-s-aeble-workshop",
		"Łódź i Đakovo":             "lodz-i-dakovo",
		"Yılmaz & Œuvre":            "yilmaz-and-oeuvre",
		"GROSSE STRASSE":            "grosse-strasse",
		"Þingvellir Tour":           "thingvellir-tour",
	} {
		if got := titleID(title); got != want {
			t.Errorf("titleID(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestGenericProgrammeKeepsItsWords: a programme checked with the generic
// profile keeps its types and formats as written; the IGF's are read in
// its vocabulary (WS is Workshop).
func TestGenericProgrammeKeepsItsWords(t *testing.T) {
	header := []string{"event_key", "name", "event_start", "event_end", "event_type", "format"}
	rows := [][]string{header,
		{"a1", "Threat Hunting", "2025-10-02 10:15", "2025-10-02 12:15", "Workshops", "Panel discussion (60 min)"},
		{"a2", "Reception", "2025-10-02 18:00", "2025-10-02 21:00", "Networking", ""},
		{"a3", "Closing", "2025-10-03 16:00", "2025-10-03 16:45", "Plenary", "Roundtable"},
	}
	kinds := func(p *Programme) string {
		var out []string
		for _, s := range p.Sessions {
			out = append(out, s.Type+"/"+s.Format)
		}
		return strings.Join(out, "|")
	}
	p := read(t, Options{File: "sched.csv", Timezone: "America/Detroit"}, rows...)
	if got := kinds(p); p.Profile != ProfileGeneric || got != "Workshops/Panel discussion|Networking/|Plenary/Roundtable" {
		t.Errorf("generic: profile %q, %s", p.Profile, got)
	}
	if p.Sessions[0].DeclaredMinutes != 60 {
		t.Errorf("declared %d, want 60 from the format", p.Sessions[0].DeclaredMinutes)
	}
	p = read(t, Options{File: "igf.csv", Timezone: "America/Detroit", Profile: ProfileIGF}, rows...)
	if got := kinds(p); got != "Workshop/Panel|Networking Session/|Main Session/Round Table" {
		t.Errorf("igf: %s", got)
	}
}

// TestEmptyIGFColumnsSayNothing: the IGF-only columns every canonical CSV
// has make a programme the IGF's only when a row fills one.
func TestEmptyIGFColumnsSayNothing(t *testing.T) {
	header := []string{"id", "title", "type", "start", "end", "sdgs", "rapporteur"}
	p := read(t, Options{File: "docket.csv", Timezone: "UTC"}, header,
		[]string{"k1", "Keynote", "Keynotes", "2026-05-04 09:00", "2026-05-04 10:00", "", ""})
	if p.Profile != ProfileGeneric {
		t.Errorf("empty IGF columns: profile %q", p.Profile)
	}
	p = read(t, Options{File: "igf.csv", Timezone: "UTC"}, header,
		[]string{"k1", "Keynote", "Keynotes", "2026-05-04 09:00", "2026-05-04 10:00", "", ""},
		[]string{"k2", "Panel", "Keynotes", "2026-05-04 11:00", "2026-05-04 12:00", "9.1", ""})
	if p.Profile != ProfileIGF || !strings.Contains(strings.Join(p.Notes, "\n"), "column F (sdgs) is an IGF programme's") {
		t.Errorf("a filled IGF column: profile %q, notes %q", p.Profile, p.Notes)
	}
}

// TestEndDateDecidesTheOrder: beside a start date written otherwise (as
// docket's CSV writes it), a slash end date that is the start date in one
// order only decides the file's order; Google Calendar's End Date
// 04/09/2026 next to 2026-04-09 is month first, also in a workbook.
func TestEndDateDecidesTheOrder(t *testing.T) {
	header := []string{"id", "title", "date", "start", "end", "End Date"}
	for _, tt := range []struct {
		name, date, endDate, nextDay string
		serials                      bool
		want                         string
	}{
		{"month first", "2026-04-09", "04/09/2026", "04/10/2026", false, "2026-04-09 10:00 - 2026-04-10 09:00"},
		{"day first", "2025-06-09", "09/06/2025", "10/06/2025", false, "2025-06-09 10:00 - 2025-06-10 09:00"},
		{"a workbook's date cell", "46121", "04/09/2026", "04/10/2026", true, "2026-04-09 10:00 - 2026-04-10 09:00"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := read(t, Options{File: "x", Timezone: "UTC", Serials: tt.serials}, header,
				[]string{"a", "A", tt.date, "10:00", "11:00", tt.endDate},
				[]string{"b", "B", tt.date, "10:00", "09:00", tt.nextDay})
			s := p.Sessions[1]
			if got := s.Start.Format("2006-01-02 15:04") + " - " + s.End.Format("2006-01-02 15:04"); got != tt.want {
				t.Errorf("overnight session: %s, want %s (notes %q)", got, tt.want, p.Notes)
			}
			if len(p.Warnings) != 0 {
				t.Errorf("warnings %q", p.Warnings)
			}
		})
	}
}

// TestHeadingsGiveTheDay: on a sheet whose days are said only by heading
// rows, the rows below a heading take its day: a date, or with the event's
// days a day name or "Day 2"; a heading without a day keeps the one above,
// and a row's own date wins.
func TestHeadingsGiveTheDay(t *testing.T) {
	rows := [][]string{{"Time", "Title", "Room"},
		{"Friday, August 15", "", ""},
		{"9:00am - 9:45am", "Keynote", "Main Hall"},
		{"Afternoon", "", ""},
		{"1:00pm - 1:45pm", "Talk", "Main Hall"},
		{"Day 2:", "", ""},
		{"7:00pm - 12:30am", "Sprint Night", "Room 101"},
		{"", "Sunday, 17 August 2025", ""},
		{"2025-08-18 10:00 - 11:00", "Own date", "Room 101"},
		{"9:00am - 10:00am", "Brunch", "Lobby"},
	}
	p := read(t, Options{File: "site.csv", Timezone: "America/Denver", FirstDay: "2025-08-15", LastDay: "2025-08-17"}, rows...)
	var got []string
	for _, s := range p.Sessions {
		got = append(got, s.Start.Format("01-02 15:04")+"-"+s.End.Format("01-02 15:04"))
	}
	want := "08-15 09:00-08-15 09:45|08-15 13:00-08-15 13:45|08-16 19:00-08-17 00:30|08-18 10:00-08-18 11:00|08-17 09:00-08-17 10:00"
	if strings.Join(got, "|") != want || len(p.Problems) != 0 {
		t.Errorf("got  %s\nwant %s\nproblems %+v", strings.Join(got, "|"), want, p.Problems)
	}
	// Without the event's days, a day name is no day: the times have none.
	p = read(t, Options{File: "site.csv", Timezone: "America/Denver"}, rows[:3]...)
	if p.Sessions[0].Scheduled() || len(p.Problems) != 1 || !strings.Contains(p.Problems[0].Message, "has no date") {
		t.Errorf("no event days: start %v, problems %+v", p.Sessions[0].Start, p.Problems)
	}
}

// TestAllDayEvents: Google Calendar's All Day Event without times is the
// whole of its days, to the midnight after its End Date; with times, or
// not all-day, the times are read as ever.
func TestAllDayEvents(t *testing.T) {
	p := read(t, Options{File: "gcal.csv", Timezone: "America/Chicago"},
		[]string{"Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event"},
		[]string{"Exhibit hall open", "04/10/2026", "", "04/10/2026", "", "True"},
		[]string{"Book fair", "04/10/2026", "", "04/11/2026", "", "TRUE"},
		[]string{"Keynote", "04/10/2026", "09:00 AM", "04/10/2026", "10:00 AM", "False"},
		[]string{"No times", "04/10/2026", "", "04/10/2026", "", "False"},
	)
	var got []string
	for _, s := range p.Sessions {
		got = append(got, s.Start.Format(time.RFC3339)+" "+s.End.Format(time.RFC3339))
	}
	want := []string{
		"2026-04-10T00:00:00-05:00 2026-04-11T00:00:00-05:00",
		"2026-04-10T00:00:00-05:00 2026-04-12T00:00:00-05:00",
		"2026-04-10T09:00:00-05:00 2026-04-10T10:00:00-05:00",
		"0001-01-01T00:00:00Z 0001-01-01T00:00:00Z",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := p.Sessions[0].ExtraValue("All Day Event"); got != "True" {
		t.Errorf("the All Day Event column is kept as written: %q", got)
	}
}

// TestPlaceholderPersons: TBA, TBD and N.N. stand where a person is not
// known yet: no one, in a list of names as in the IGF's packed form.
func TestPlaceholderPersons(t *testing.T) {
	p := read(t, Options{File: "meetup.csv", Timezone: "UTC"},
		[]string{"title", "start", "speaker", "moderator"},
		[]string{"Generics", "2025-11-13 18:30", "Bo Lindqvist & Sanne Bakker", "TBD"},
		[]string{"Profiling", "2025-11-13 19:40", "TBA", "N.N."},
		[]string{"Fuzzing", "2025-11-13 20:00", "Femke de Vries, tba", "to be confirmed"},
		[]string{"Panel", "2025-11-13 21:00", "", "Tba Kim"},
	)
	var got []string
	for _, s := range p.Sessions {
		mod := "-"
		if s.OnsiteModerator != nil {
			mod = s.OnsiteModerator.Name
		}
		got = append(got, names(s.Speakers)+" / "+mod)
	}
	want := "Bo Lindqvist|Sanne Bakker / -,  / -, Femke de Vries / -,  / Tba Kim"
	if strings.Join(got, ", ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, ", "), want)
	}
	// In the IGF's packed form: a placeholder alone is no one, a
	// placeholder with a role or organisation is someone's slot.
	p = read(t, Options{File: "igf.csv", Timezone: "UTC"},
		[]string{"id", "title", "start", "speakers", "onsite_moderator"},
		[]string{"WS1", "A", "2025-11-13 10:00", "Ana Lima, Researcher, ITS Rio, Civil Society, GRULAC\nTBD", "TBD"},
		[]string{"WS2", "B", "2025-11-13 11:00", "TBC, Minister, Ministry of ICT, Government, African Group", ""},
	)
	if got := names(p.Sessions[0].Speakers); got != "Ana Lima" || p.Sessions[0].OnsiteModerator != nil {
		t.Errorf("packed: speakers %q, moderator %+v", got, p.Sessions[0].OnsiteModerator)
	}
	if got := names(p.Sessions[1].Speakers); got != "TBC" {
		t.Errorf("packed with a role: speakers %q", got)
	}
}
