package schedule

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

// sliceRows is an in-memory sheet: the Rows a reader in package formats
// would hand to the Builder.
type sliceRows struct {
	rows []Row
	i    int
	err  error // returned after the rows instead of io.EOF, when set
}

func (r *sliceRows) Next() (Row, error) {
	if r.i >= len(r.rows) {
		if r.err != nil {
			return Row{}, r.err
		}
		return Row{}, io.EOF
	}
	r.i++
	return r.rows[r.i-1], nil
}

// sheet numbers rows from 1 as a spreadsheet shows them.
func sheet(rows ...[]string) *sliceRows {
	out := make([]Row, len(rows))
	for i, c := range rows {
		out[i] = Row{Num: i + 1, Cells: c}
	}
	return &sliceRows{rows: out}
}

func build(t *testing.T, opts Options, rows Rows) *Programme {
	t.Helper()
	prog := &Programme{}
	b, err := NewBuilder(prog, opts)
	if err != nil {
		t.Fatalf("NewBuilder: %v", err)
	}
	if err := b.Read(rows); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return prog
}

// sessionView is what a test compares of a session: times as RFC 3339 in
// the session's own offset (the JSON contract), persons packed.
type sessionView struct {
	ID, Title, Type, Format string
	Declared                int
	Start, End              string
	Timezone, Room          string
	Organizers, Speakers    string
	Onsite, Online, Rapp    string
	SDGs, Tags              string
	Extra                   string
}

func view(s *Session) sessionView {
	rfc := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	one := func(p *Person) string {
		if p == nil {
			return ""
		}
		return FormatPerson(*p)
	}
	var extra []string
	for _, e := range s.Extra {
		extra = append(extra, e.Name+"="+e.Value)
	}
	return sessionView{
		ID: s.ID, Title: s.Title, Type: s.Type, Format: s.Format, Declared: s.DeclaredMinutes,
		Start: rfc(s.Start), End: rfc(s.End), Timezone: s.Timezone, Room: s.Room,
		Organizers: FormatPersons(s.Organizers), Speakers: FormatPersons(s.Speakers),
		Onsite: one(s.OnsiteModerator), Online: one(s.OnlineModerator), Rapp: one(s.Rapporteur),
		SDGs: strings.Join(s.SDGs, "; "), Tags: strings.Join(s.Tags, "; "), Extra: strings.Join(extra, " | "),
	}
}

func viewDiff(got, want sessionView) string {
	var b strings.Builder
	g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want)
	if g == w {
		return ""
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"ID", got.ID, want.ID}, {"Title", got.Title, want.Title}, {"Type", got.Type, want.Type},
		{"Format", got.Format, want.Format}, {"Declared", got.Declared, want.Declared},
		{"Start", got.Start, want.Start}, {"End", got.End, want.End}, {"Timezone", got.Timezone, want.Timezone},
		{"Room", got.Room, want.Room}, {"Organizers", got.Organizers, want.Organizers}, {"Speakers", got.Speakers, want.Speakers},
		{"Onsite", got.Onsite, want.Onsite}, {"Online", got.Online, want.Online}, {"Rapporteur", got.Rapp, want.Rapp},
		{"SDGs", got.SDGs, want.SDGs}, {"Tags", got.Tags, want.Tags}, {"Extra", got.Extra, want.Extra},
	} {
		if f.got != f.want {
			fmt.Fprintf(&b, "\n\t%s:\n\t\t got %q\n\t\twant %q", f.name, fmt.Sprint(f.got), fmt.Sprint(f.want))
		}
	}
	return b.String()
}

func problemsDiff(got, want []Problem) string {
	var b strings.Builder
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = fmt.Sprintf("%+v", got[i])
		}
		if i < len(want) {
			w = fmt.Sprintf("%+v", want[i])
		}
		if g != w {
			fmt.Fprintf(&b, "\n\t[%d]\n\t\t got %s\n\t\twant %s", i, g, w)
		}
	}
	return b.String()
}

const (
	seedSpeakers = "1. Valeriya Ionan, Deputy Minister for Eurointegration, Ministry of Digital Transformation of Ukraine, Government, Eastern European Group (virtual)\n" +
		"2. Pramod Varma, Individual capacity, Civil society, Asia-Pacific Group (virtual)\n" +
		"3. Mark Irura, Intergovernmental Organization, African Group (on-site)\n" +
		"4. \u00a0Adriana Groh, Co-Founder Sovereign Tech Fund, Civil society, Western European and Others Group (on-site)"
	seedOrganizers = "1. Heiko Wildner, BMDV, Government 2. Aishwarya Salvi, GIZ, Government 3. Tina Schams, GIZ, Government 4. Philipp Schulte, BMDV"
	seedTime       = "Wednesday, 11th October, 2023 (08:45 UTC) - Wednesday, 11th October, 2023 (09:45 UTC)"
)

func TestBuilder(t *testing.T) {
	header := []string{
		"Session ID", "Title", "Type", "Format", "Date", "Start time", "End", "Timezone", "Venue",
		"Notes", "Interpretation", "Notes", "", "Duration", "Onsite Moderator", "Speakers", "SDGs", "Organizers", "Tags",
	}
	row := func(id, title, typ, format, date, start, end, tz, room, notes, interp, notes2, blankHeaded, duration, mod, speakers, sdgs, orgs, tags string) []string {
		return []string{id, title, typ, format, date, start, end, tz, room, notes, interp, notes2, blankHeaded, duration, mod, speakers, sdgs, orgs, tags}
	}
	rows := sheet(
		/* 1 */ []string{"IGF 2023 — Programme of Day 3"},
		/* 2 */ []string{"Title:", "IGF 2023", "Date:", "8–12 October 2023"}, // two field names, but a note
		/* 3 */ []string{"", "", ""},
		/* 4 */ header,
		/* 5 */ row("OF168", "Creating digital public infrastructure that empowers people", "OF", "Panel - 60 Min", "", seedTime, "", "Asia/Tokyo", "WS 7 – Room K",
			"seed", "EN/FR", "second note", "x", "", "Aishwarya Salvi, GIZ ([email protected])\nTorge Wolters, GIZ", seedSpeakers, "9.1\n16.6\n16.7\n17.17\n17.6\n17.8", seedOrganizers, "DPI; interoperability"),
		/* 6 */ []string{" ", "", "\t"},
		/* 7 */ row("WS1", "A date column and HH:MM", "Workshop", "Round Table - 90 Min", "2023-10-11", "09:00", "10:30", "", "Room A", "", "", "", "", "", "", "", "", "", ""),
		/* 8 */ row("WS2", "Past midnight", "WS", "", "2023-10-11", "23:00", "01:00", "", "Room A", "", "", "", "", "", "", "", "", "", ""),
		/* 9 */ row("WS3", "Bad time", "WS", "", "2023-10-11", "25:99", "10:00", "", "Room B", "", "", "", "", "", "", "", "", "", ""),
		/* 10 */ row("WS4", "Duration without end", "WS", "", "2023-10-11", "14:00", "", "", "Room B", "", "", "", "", "90 min", "", "", "", "", ""),
		/* 11 */ []string{"WS5", "Short row in Berlin", "", "", "2023-10-11", "10:00", "11:00", "Europe/Berlin", "Saal 1"},
		/* 12 */ row("WS6", "Unknown zone", "", "", "2023-10-11", "10:00", "11:00", "Mars/Base", "Room C", "", "", "", "", "", "", "", "", "", ""),
		/* 13 */ row("WS7", "Range in the start cell", "", "", "11/10/2023", "17:45-18:45", "", "", "Room C", "", "", "", "", "", "", "", "", "", ""),
		/* 14 */ row("WS8", "Short backwards range", "", "", "2023-10-11", "10:00", "09:30", "", "Room C", "", "", "", "", "", "", "", "", "", ""),
		/* 15 */ row("WS9", "No date", "", "", "", "09:00", "10:00", "", "Room D", "", "", "", "", "", "", "", "", "", ""),
		/* 16 */ row("WS10", "Date without a day", "", "", "17:45", "09:00", "10:00", "", "Room D", "", "", "", "", "", "", "", "", "", ""),
		/* 17 */ row("WS11", "Bad duration", "", "", "2023-10-11", "09:00", "", "", "Room D", "", "", "", "", "soon", "", "", "", "", ""),
		/* 18 */ row("WS12", "Full date-times with offsets", "", "", "", "2023-10-11T08:45:00Z", "2023-10-11T18:45:00+09:00", "", "Room D", "", "", "", "", "", "", "", "", "", ""),
		/* 19 */ row("WS13", "Unscheduled", "Lightning Talk", "Flash - 30 Min", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""),
		/* 20 */ []string{"", ""},
	)
	prog := build(t, Options{File: "day3.csv", Timezone: "Asia/Tokyo"}, rows)

	if got, want := prog.ExtraColumns, []string{"Notes", "Interpretation", "Notes (2)", "column M", "Duration", "onsite_moderator (more)"}; !slices.Equal(got, want) {
		t.Errorf("ExtraColumns = %q, want %q", got, want)
	}
	if prog.Timezone != "Asia/Tokyo" {
		t.Errorf("Programme.Timezone = %q, want Asia/Tokyo", prog.Timezone)
	}
	noExtra := "Notes= | Interpretation= | Notes (2)= | column M= | Duration="
	want := []sessionView{
		{
			ID: "OF168", Title: "Creating digital public infrastructure that empowers people", Type: "Open Forum", Format: "Panel", Declared: 60,
			Start: "2023-10-11T17:45:00+09:00", End: "2023-10-11T18:45:00+09:00", Timezone: "Asia/Tokyo", Room: "WS 7 – Room K",
			Organizers: "Heiko Wildner, , BMDV, Government,\nAishwarya Salvi, , GIZ, Government,\nTina Schams, , GIZ, Government,\nPhilipp Schulte, , BMDV, ,",
			Speakers: "Valeriya Ionan, Deputy Minister for Eurointegration, Ministry of Digital Transformation of Ukraine, Government, Eastern European Group (online)\n" +
				"Pramod Varma, Individual capacity, , Civil Society, Asia-Pacific Group (online)\n" +
				"Mark Irura, , , Intergovernmental Organization, African Group (on-site)\n" +
				"Adriana Groh, Co-Founder Sovereign Tech Fund, , Civil Society, Western European and Others Group (on-site)",
			Onsite: "Aishwarya Salvi, , GIZ, , ([email protected])",
			SDGs:   "9.1; 16.6; 16.7; 17.17; 17.6; 17.8", Tags: "DPI; interoperability",
			Extra: "Notes=seed | Interpretation=EN/FR | Notes (2)=second note | column M=x | Duration= | onsite_moderator (more)=Torge Wolters, , GIZ, ,",
		},
		{
			ID: "WS1", Title: "A date column and HH:MM", Type: "Workshop", Format: "Round Table", Declared: 90,
			Start: "2023-10-11T09:00:00+09:00", End: "2023-10-11T10:30:00+09:00", Timezone: "Asia/Tokyo", Room: "Room A", Extra: noExtra,
		},
		{
			ID: "WS2", Title: "Past midnight", Type: "Workshop",
			Start: "2023-10-11T23:00:00+09:00", End: "2023-10-12T01:00:00+09:00", Timezone: "Asia/Tokyo", Room: "Room A", Extra: noExtra,
		},
		{
			ID: "WS3", Title: "Bad time", Type: "Workshop", Timezone: "Asia/Tokyo", Room: "Room B", Extra: noExtra,
		},
		{
			ID: "WS4", Title: "Duration without end", Type: "Workshop",
			Start: "2023-10-11T14:00:00+09:00", End: "2023-10-11T15:30:00+09:00", Timezone: "Asia/Tokyo", Room: "Room B", Extra: strings.Replace(noExtra, "Duration=", "Duration=90 min", 1),
		},
		{
			ID: "WS5", Title: "Short row in Berlin",
			Start: "2023-10-11T10:00:00+02:00", End: "2023-10-11T11:00:00+02:00", Timezone: "Europe/Berlin", Room: "Saal 1", Extra: noExtra,
		},
		{
			ID: "WS6", Title: "Unknown zone",
			Start: "2023-10-11T10:00:00+09:00", End: "2023-10-11T11:00:00+09:00", Timezone: "Asia/Tokyo", Room: "Room C", Extra: noExtra,
		},
		{
			ID: "WS7", Title: "Range in the start cell",
			Start: "2023-10-11T17:45:00+09:00", End: "2023-10-11T18:45:00+09:00", Timezone: "Asia/Tokyo", Room: "Room C", Extra: noExtra,
		},
		{
			ID: "WS8", Title: "Short backwards range",
			Start: "2023-10-11T10:00:00+09:00", End: "2023-10-11T09:30:00+09:00", Timezone: "Asia/Tokyo", Room: "Room C", Extra: noExtra,
		},
		{ID: "WS9", Title: "No date", Timezone: "Asia/Tokyo", Room: "Room D", Extra: noExtra},
		{ID: "WS10", Title: "Date without a day", Timezone: "Asia/Tokyo", Room: "Room D", Extra: noExtra},
		{ID: "WS11", Title: "Bad duration", Start: "2023-10-11T09:00:00+09:00", Timezone: "Asia/Tokyo", Room: "Room D", Extra: strings.Replace(noExtra, "Duration=", "Duration=soon", 1)},
		{
			ID: "WS12", Title: "Full date-times with offsets",
			Start: "2023-10-11T17:45:00+09:00", End: "2023-10-11T18:45:00+09:00", Timezone: "Asia/Tokyo", Room: "Room D", Extra: noExtra,
		},
		{ID: "WS13", Title: "Unscheduled", Type: "Lightning Talk", Format: "Flash Session", Declared: 30, Timezone: "Asia/Tokyo", Extra: noExtra},
	}
	if len(prog.Sessions) != len(want) {
		ids := make([]string, len(prog.Sessions))
		for i, s := range prog.Sessions {
			ids[i] = s.ID
		}
		t.Fatalf("%d sessions %q, want %d", len(prog.Sessions), ids, len(want))
	}
	wantRows := []int{5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}
	for i, s := range prog.Sessions {
		if d := viewDiff(view(s), want[i]); d != "" {
			t.Errorf("session %d (%s):%s", i, want[i].ID, d)
		}
		if s.Src != (Source{File: "day3.csv", Row: wantRows[i]}) {
			t.Errorf("session %s: Src = %+v, want row %d of day3.csv", s.ID, s.Src, wantRows[i])
		}
	}

	// The seed's persons in detail, past what FormatPerson shows.
	of := prog.Sessions[0]
	if of.OnsiteModerator == nil || of.OnsiteModerator.Email != "[email protected]" || of.OnsiteModerator.Organization != "GIZ" {
		t.Errorf("OF168 onsite moderator = %+v", of.OnsiteModerator)
	}
	if of.Minutes() != 60 {
		t.Errorf("OF168 Minutes() = %d, want 60", of.Minutes())
	}
	if got := of.Column(FieldEnd); got != "Start time" {
		t.Errorf("OF168 end read from column %q, want the start column %q", got, "Start time")
	}
	if got := of.Column(FieldRoom); got != "Venue" {
		t.Errorf("OF168 room column = %q, want Venue", got)
	}
	if got := of.ExtraValue("Notes (2)"); got != "second note" {
		t.Errorf(`ExtraValue("Notes (2)") = %q, want "second note"`, got)
	}
	// The seed's instants in UTC, as the IGF page gives them.
	if got := of.Start.UTC().Format("2006-01-02 15:04"); got != "2023-10-11 08:45" {
		t.Errorf("OF168 start in UTC = %s, want 2023-10-11 08:45", got)
	}

	wantProblems := []Problem{
		{Rule: "extra-person", Src: Source{File: "day3.csv", Row: 5}, Column: "Onsite Moderator", Session: "OF168",
			Message: `Onsite Moderator names 2 persons; the first is the onsite moderator, the others are kept in the extra column "onsite_moderator (more)"`},
		// The seed page's "4. " is followed by a non-breaking space.
		{Rule: "text-hygiene", Src: Source{File: "day3.csv", Row: 5}, Column: "Speakers", Session: "OF168",
			Message: "the cell has a non-breaking space", Hint: "retype or clean the cell"},
		{Rule: "bad-time", Src: Source{File: "day3.csv", Row: 9}, Column: "Start time", Session: "WS3",
			Message: `start "25:99" is not a date or time (write YYYY-MM-DD and HH:MM)`},
		{Rule: "bad-time", Src: Source{File: "day3.csv", Row: 12}, Column: "Timezone", Session: "WS6",
			Message: `unknown time zone "Mars/Base" (use an IANA name such as Europe/Berlin or Asia/Tokyo)`},
		{Rule: "bad-time", Src: Source{File: "day3.csv", Row: 15}, Column: "Start time", Session: "WS9",
			Message: "start 09:00 has no date", Hint: "add a date column or write the start as YYYY-MM-DD HH:MM"},
		{Rule: "bad-time", Src: Source{File: "day3.csv", Row: 16}, Column: "Date", Session: "WS10",
			Message: `date "17:45" has no day`, Hint: "write the date as YYYY-MM-DD"},
		{Rule: "bad-time", Src: Source{File: "day3.csv", Row: 16}, Column: "Start time", Session: "WS10",
			Message: "start 09:00 has no date", Hint: "add a date column or write the start as YYYY-MM-DD HH:MM"},
		{Rule: "bad-time", Src: Source{File: "day3.csv", Row: 17}, Column: "Duration", Session: "WS11",
			Message: `duration "soon" is not a length in minutes`, Hint: "write the length in minutes, e.g. 90"},
		// Told once, at the end, at the first date no order decided.
		{Rule: "ambiguous-date", Src: Source{File: "day3.csv", Row: 13}, Column: "Date", Session: "WS7",
			Message: "11/10/2023 could be day or month first, and no date in the file tells: read day first",
			Hint:    "write dates as YYYY-MM-DD, or use input.date-order mdy if they are month first"},
	}
	if d := problemsDiff(prog.Problems, wantProblems); d != "" {
		t.Errorf("Problems:%s", d)
	}
}

func TestBuilderFields(t *testing.T) {
	prog := &Programme{}
	b, err := NewBuilder(prog, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Fields(); len(got) != 0 {
		t.Errorf("Fields() before the header = %v, want none", got)
	}
	if err := b.Add(Row{Num: 1, Cells: []string{"ID", "Session title", "Start", "Notes", "Room", "Venue", "Notes"}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range b.Fields() {
		got = append(got, f.Header+"="+string(f.Field))
	}
	// A second column for a field already mapped ("Venue" after "Room")
	// is an extra, not a silent overwrite.
	want := []string{"ID=id", "Session title=title", "Start=start", "Notes=", "Room=room", "Venue=", "Notes (2)="}
	if !slices.Equal(got, want) {
		t.Errorf("Fields() = %q, want %q", got, want)
	}
}

func TestBuilderSerials(t *testing.T) {
	header := []string{"id", "title", "date", "start", "end", "timezone"}
	tests := []struct {
		name             string
		opts             Options
		cells            []string
		start, end       string
		problems         int
		wantProblemField string
	}{
		{
			name:  "date serial and time fractions",
			opts:  Options{Serials: true, Timezone: "Asia/Tokyo"},
			cells: []string{"S1", "t", "45210", "0.739583333333333", "0.78125", ""},
			start: "2023-10-11T17:45:00+09:00", end: "2023-10-11T18:45:00+09:00",
		},
		{
			name:  "1904 date system",
			opts:  Options{Serials: true, Date1904: true, Timezone: "Asia/Tokyo"},
			cells: []string{"S2", "t", "43748", "0.739583333333333", "0.78125", ""},
			start: "2023-10-11T17:45:00+09:00", end: "2023-10-11T18:45:00+09:00",
		},
		{
			name:  "1900 serial read as 1904 is four years off",
			opts:  Options{Serials: true, Date1904: true, Timezone: "Asia/Tokyo"},
			cells: []string{"S3", "t", "45210", "0.75", "", ""},
			start: "2027-10-12T18:00:00+09:00",
		},
		{
			name:  "date-time serials in the start and end cells",
			opts:  Options{Serials: true},
			cells: []string{"S4", "t", "", "45210.364583333336", "45210.40625", "UTC"},
			start: "2023-10-11T08:45:00Z", end: "2023-10-11T09:45:00Z",
		},
		{
			name:  "a typed 17.45 is a time, not a serial",
			opts:  Options{Serials: true, Timezone: "Asia/Tokyo"},
			cells: []string{"S5", "t", "45210", "17.45", "18.45", ""},
			start: "2023-10-11T17:45:00+09:00", end: "2023-10-11T18:45:00+09:00",
		},
		{
			name:  "text dates still work in a workbook",
			opts:  Options{Serials: true, Timezone: "Asia/Tokyo"},
			cells: []string{"S6", "t", "2023-10-11", "17:45", "18:45", ""},
			start: "2023-10-11T17:45:00+09:00", end: "2023-10-11T18:45:00+09:00",
		},
		{
			name:     "without Serials a number is no date",
			opts:     Options{Timezone: "Asia/Tokyo"},
			cells:    []string{"S7", "t", "45210", "17:45", "18:45", ""},
			problems: 2, wantProblemField: "date", // and the start has no date
		},
		{
			name:     "a serial past 9999 is a bad time",
			opts:     Options{Serials: true, Timezone: "Asia/Tokyo"},
			cells:    []string{"S8", "t", "3000000", "17:45", "18:45", ""},
			problems: 2, wantProblemField: "date",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog := build(t, tt.opts, sheet(header, tt.cells))
			if len(prog.Sessions) != 1 {
				t.Fatalf("%d sessions, want 1", len(prog.Sessions))
			}
			v := view(prog.Sessions[0])
			if v.Start != tt.start || v.End != tt.end {
				t.Errorf("start, end = %q, %q, want %q, %q", v.Start, v.End, tt.start, tt.end)
			}
			if len(prog.Problems) != tt.problems {
				t.Errorf("problems = %+v, want %d", prog.Problems, tt.problems)
			}
			if tt.problems > 0 && len(prog.Problems) > 0 && (prog.Problems[0].Column != tt.wantProblemField || prog.Problems[0].Src.Row != 2) {
				t.Errorf("first problem at row %d column %q, want row 2 column %q", prog.Problems[0].Src.Row, prog.Problems[0].Column, tt.wantProblemField)
			}
		})
	}
}

func TestBuilderIGFFormInOtherZones(t *testing.T) {
	tests := []struct {
		tz         string
		start, end string
	}{
		{"Asia/Tokyo", "2023-10-11T17:45:00+09:00", "2023-10-11T18:45:00+09:00"},
		{"UTC", "2023-10-11T08:45:00Z", "2023-10-11T09:45:00Z"},
		{"America/Los_Angeles", "2023-10-11T01:45:00-07:00", "2023-10-11T02:45:00-07:00"},
		{"Pacific/Kiritimati", "2023-10-11T22:45:00+14:00", "2023-10-11T23:45:00+14:00"},
		{"Pacific/Auckland", "2023-10-11T21:45:00+13:00", "2023-10-11T22:45:00+13:00"},
	}
	for _, tt := range tests {
		t.Run(tt.tz, func(t *testing.T) {
			prog := build(t, Options{}, sheet([]string{"ID", "Title", "Time", "Timezone"}, []string{"OF168", "t", seedTime, tt.tz}))
			v := view(prog.Sessions[0])
			if v.Start != tt.start || v.End != tt.end || v.Timezone != tt.tz {
				t.Errorf("start, end, zone = %q, %q, %q, want %q, %q, %q", v.Start, v.End, v.Timezone, tt.start, tt.end, tt.tz)
			}
			if len(prog.Problems) != 0 {
				t.Errorf("problems: %+v", prog.Problems)
			}
		})
	}
}

func TestBuilderEndAcrossDay(t *testing.T) {
	header := []string{"id", "title", "date", "start", "end"}
	tests := []struct {
		name       string
		start, end string
		wantEnd    string
	}{
		{"same day", "09:00", "10:00", "2023-10-11T10:00:00Z"},
		{"past midnight", "23:00", "01:00", "2023-10-12T01:00:00Z"},
		{"midnight as 24:00", "23:00", "24:00", "2023-10-12T00:00:00Z"},
		{"midnight as 00:00", "23:00", "00:00", "2023-10-12T00:00:00Z"},
		{"short backwards range is kept for end-before-start", "10:00", "09:30", "2023-10-11T09:30:00Z"},
		{"end with its own date", "23:00", "2023-10-12 01:00", "2023-10-12T01:00:00Z"},
		{"equal end stays", "10:00", "10:00", "2023-10-11T10:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog := build(t, Options{}, sheet(header, []string{"X", "t", "2023-10-11", tt.start, tt.end}))
			if got := view(prog.Sessions[0]).End; got != tt.wantEnd {
				t.Errorf("end = %q, want %q", got, tt.wantEnd)
			}
		})
	}
}

func TestBuilderDeclaredMinutes(t *testing.T) {
	header := []string{"id", "title", "format", "declared_minutes"}
	tests := []struct {
		name     string
		format   string
		declared string
		wantFmt  string
		wantMins int
		problem  string
	}{
		{"from the format text", "Panel - 60 Min", "", "Panel", 60, ""},
		{"column wins over the text", "Panel - 60 Min", "90", "Panel", 90, ""},
		{"column alone", "Debate", "1h30", "Debate", 90, ""},
		{"unknown format kept as written", "Fishbowl - 45 Min", "", "Fishbowl", 45, ""},
		{"format alias", "Roundtable (90 min)", "", "Round Table", 90, ""},
		{"wrapped format cell", "Break-out Group\nDiscussions - 90 Min", "", "Break-out Group Discussions", 90, ""},
		{"bad column", "Panel - 60 Min", "an hour", "Panel", 60, `declared length "an hour" is not a length in minutes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The IGF's formats: its aliases are read as its names.
			prog := build(t, Options{File: "f.csv", Profile: ProfileIGF}, sheet(header, []string{"X", "t", tt.format, tt.declared}))
			s := prog.Sessions[0]
			if s.Format != tt.wantFmt || s.DeclaredMinutes != tt.wantMins {
				t.Errorf("format, declared = %q, %d, want %q, %d", s.Format, s.DeclaredMinutes, tt.wantFmt, tt.wantMins)
			}
			var msgs []string
			for _, p := range prog.Problems {
				msgs = append(msgs, p.Message)
				if p.Column != "declared_minutes" || p.Rule != "bad-time" || p.Src.Row != 2 {
					t.Errorf("problem %+v, want bad-time at row 2, column declared_minutes", p)
				}
			}
			if got := strings.Join(msgs, "; "); got != tt.problem {
				t.Errorf("problems %q, want %q", got, tt.problem)
			}
		})
	}
}

func TestBuilderOnePersonFields(t *testing.T) {
	header := []string{"ID", "Title", "Moderator", "Online moderator", "Rapporteur"}
	prog := build(t, Options{File: "f.csv", Sheet: "Sessions"}, sheet(header,
		[]string{"A1", "t", "Jane Doe, GIZ; John Roe, BMDV; Ann Poe", "Torge Wolters, GIZ", "1. Philipp Schulte, BMDV 2. Tina Schams, GIZ"},
		[]string{"A2", "t", "", "", "Philipp Schulte, BMDV"},
	))
	a1, a2 := prog.Sessions[0], prog.Sessions[1]
	if a1.OnsiteModerator == nil || a1.OnsiteModerator.Name != "Jane Doe" {
		t.Errorf("A1 onsite moderator = %+v, want Jane Doe", a1.OnsiteModerator)
	}
	if a1.Rapporteur == nil || a1.Rapporteur.Name != "Philipp Schulte" {
		t.Errorf("A1 rapporteur = %+v, want Philipp Schulte", a1.Rapporteur)
	}
	if got, want := a1.ExtraValue("onsite_moderator (more)"), "John Roe, , BMDV, ,\nAnn Poe"; got != want {
		t.Errorf("onsite_moderator (more) = %q, want %q", got, want)
	}
	if got, want := a1.ExtraValue("rapporteur (more)"), "Tina Schams, , GIZ, ,"; got != want {
		t.Errorf("rapporteur (more) = %q, want %q", got, want)
	}
	if a2.OnsiteModerator != nil || a2.OnlineModerator != nil {
		t.Errorf("A2 moderators = %+v, %+v, want none", a2.OnsiteModerator, a2.OnlineModerator)
	}
	if got, want := prog.ExtraColumns, []string{"onsite_moderator (more)", "rapporteur (more)"}; !slices.Equal(got, want) {
		t.Errorf("ExtraColumns = %q, want %q", got, want)
	}
	var got []string
	for _, p := range prog.Problems {
		got = append(got, fmt.Sprintf("%s %s:%s:%d %s %s", p.Rule, p.Src.File, p.Src.Sheet, p.Src.Row, p.Column, p.Session))
	}
	want := []string{"extra-person f.csv:Sessions:2 Moderator A1", "extra-person f.csv:Sessions:2 Rapporteur A1"}
	if !slices.Equal(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

func TestBuilderHeader(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]string
		wantErr string // "" for a header found
		wantIs  error
	}{
		{name: "canonical header", rows: [][]string{{"id", "title"}, {"A", "t"}}},
		{name: "title alone with a start", rows: [][]string{{"Session title", "Start time"}}},
		{name: "id and a room", rows: [][]string{{"Session #", "Venue"}}},
		{name: "two fields but no id or title", rows: [][]string{{"Date", "Room"}, {"2023-10-11", "A"}}, wantErr: "no header row found in the first 2 rows", wantIs: ErrNoHeader},
		{name: "two fields in a wide row is a note", rows: [][]string{{"Title:", "x", "Date:", "y"}}, wantErr: "no header row found", wantIs: ErrNoHeader},
		{name: "one field", rows: [][]string{{"Title"}}, wantErr: "no header row found", wantIs: ErrNoHeader},
		{name: "empty sheet", rows: nil, wantErr: "f.csv:S: the sheet is empty"},
		{name: "blank rows only", rows: [][]string{{"", " "}, {}}, wantErr: "the sheet is empty"},
		{name: "the same field twice counts once", rows: [][]string{{"Title", "Name"}}, wantErr: "no header row found", wantIs: ErrNoHeader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog := &Programme{}
			b, err := NewBuilder(prog, Options{File: "f.csv", Sheet: "S"})
			if err != nil {
				t.Fatal(err)
			}
			err = b.Read(sheet(tt.rows...))
			checkErr(t, "Read", err, tt.wantErr)
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("Read: error %v is not %v", err, tt.wantIs)
			}
		})
	}
}

func TestBuilderHeaderScanLimit(t *testing.T) {
	var rows [][]string
	for i := range headerScanRows - 1 {
		rows = append(rows, []string{fmt.Sprintf("note %d", i)})
	}
	// The 30th non-blank row is still looked at; blank rows do not count.
	rows = append(rows, []string{}, []string{"ID", "Title"}, []string{"A", "t"})
	prog := build(t, Options{}, sheet(rows...))
	if len(prog.Sessions) != 1 || prog.Sessions[0].Src.Row != len(rows) {
		t.Errorf("sessions = %d, want 1 from row %d", len(prog.Sessions), len(rows))
	}

	rows = rows[:0]
	for i := range headerScanRows {
		rows = append(rows, []string{fmt.Sprintf("note %d", i)})
	}
	rows = append(rows, []string{"ID", "Title"})
	b, _ := NewBuilder(&Programme{}, Options{File: "f.csv"})
	err := b.Read(sheet(rows...))
	if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), "f.csv: no header row found in the first 30 rows") {
		t.Errorf("Read = %v, want ErrNoHeader after 30 rows", err)
	}
}

func TestBuilderRowsError(t *testing.T) {
	boom := errors.New("boom")
	r := sheet([]string{"id", "title"})
	r.err = boom
	b, _ := NewBuilder(&Programme{}, Options{})
	if err := b.Read(r); !errors.Is(err, boom) {
		t.Errorf("Read = %v, want the reader's error", err)
	}
}

func TestNewBuilderZone(t *testing.T) {
	if _, err := NewBuilder(&Programme{}, Options{Timezone: "Mars/Base"}); err == nil {
		t.Error("NewBuilder with an unknown zone gave no error")
	}
	prog := &Programme{Timezone: "Europe/Berlin"}
	if _, err := NewBuilder(prog, Options{Timezone: "Asia/Tokyo"}); err != nil {
		t.Fatal(err)
	}
	if prog.Timezone != "Europe/Berlin" {
		t.Errorf("the programme's own zone was replaced by %q", prog.Timezone)
	}
}

// Without a zone option the programme takes the zone most sessions are in.
func TestBuilderProgrammeZone(t *testing.T) {
	tests := []struct {
		name  string
		zones []string
		want  string
	}{
		{"majority", []string{"Asia/Tokyo", "Europe/Berlin", "Asia/Tokyo"}, "Asia/Tokyo"},
		{"tie takes the first name", []string{"Europe/Berlin", "Asia/Tokyo"}, "Asia/Tokyo"},
		{"no zone column is UTC", []string{"", ""}, "UTC"},
		{"no sessions is UTC", nil, "UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]string{{"id", "title", "timezone"}}
			for i, z := range tt.zones {
				rows = append(rows, []string{fmt.Sprint(i), "t", z})
			}
			prog := build(t, Options{}, sheet(rows...))
			if prog.Timezone != tt.want {
				t.Errorf("Programme.Timezone = %q, want %q", prog.Timezone, tt.want)
			}
		})
	}
}

func TestDaylightSavingGap(t *testing.T) {
	prog := &Programme{}
	b, err := NewBuilder(prog, Options{File: "dst.csv", Timezone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	err = b.Read(sheet(
		[]string{"id", "title", "date", "start", "end", "room"},
		[]string{"A", "Gap", "2025-03-30", "02:30", "04:00", "Hall"},
		[]string{"B", "Fine", "2025-03-30", "03:30", "04:00", "Hall"},
	))
	if err != nil {
		t.Fatal(err)
	}
	if len(prog.Problems) != 1 || prog.Problems[0].Message != "start 02:30 does not exist on 2025-03-30 in Europe/Berlin (the clocks go forward)" {
		t.Errorf("problems = %+v", prog.Problems)
	}
	if !prog.Sessions[0].Start.IsZero() || prog.Sessions[1].Start.IsZero() {
		t.Errorf("the nonexistent start should stay unset, the valid one set")
	}
}

// TestDaylightSavingTwice: a wall-clock time the clocks go back over is
// read (as time.Date reads it) with an ambiguous-time warning that says
// which of the two it is; a time that happens once, or is written with
// its offset, has none.
func TestDaylightSavingTwice(t *testing.T) {
	tests := []struct {
		zone, date, start, end string
		want                   []string
	}{
		{"Europe/Berlin", "2025-10-26", "02:30", "03:30", []string{
			"start 02:30 happens twice on 2025-10-26 in Europe/Berlin (the clocks go back): read as 02:30 CET (+01:00), not 02:30 CEST (+02:00)"}},
		{"America/New_York", "2025-11-02", "01:15", "01:45", []string{
			"start 01:15 happens twice on 2025-11-02 in America/New_York (the clocks go back): read as 01:15 EDT (-04:00), not 01:15 EST (-05:00)",
			"end 01:45 happens twice on 2025-11-02 in America/New_York (the clocks go back): read as 01:45 EDT (-04:00), not 01:45 EST (-05:00)"}},
		// Lord Howe Island moves its clocks by half an hour.
		{"Australia/Lord_Howe", "2026-04-05", "01:45", "03:00", []string{
			"start 01:45 happens twice on 2026-04-05 in Australia/Lord_Howe (the clocks go back): read as 01:45 +1030 (+10:30), not 01:45 +11 (+11:00)"}},
		{"Europe/Berlin", "2025-10-26", "01:59", "03:00", nil},
		{"Europe/Berlin", "2025-10-26", "03:00", "04:00", nil},
		{"Europe/Berlin", "2025-10-25", "02:30", "03:30", nil},
		{"Europe/Berlin", "2025-10-26", "10:00", "11:00", nil},
		{"Asia/Tokyo", "2025-10-26", "02:30", "03:30", nil},
		{"Europe/Berlin", "", "2025-10-26T02:30+02:00", "2025-10-26T03:30+01:00", nil},
	}
	for _, tt := range tests {
		prog := build(t, Options{File: "dst.csv", Timezone: tt.zone}, sheet(
			[]string{"id", "title", "date", "start", "end", "room"},
			[]string{"A", "Night", tt.date, tt.start, tt.end, "Hall"},
		))
		var got []string
		for _, p := range prog.Problems {
			if p.Rule != "ambiguous-time" {
				t.Errorf("%s %s: unexpected %s: %s", tt.zone, tt.start, p.Rule, p.Message)
			}
			got = append(got, p.Message)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %s %s: problems\n%q\nwant\n%q", tt.zone, tt.date, tt.start, got, tt.want)
		}
		if prog.Sessions[0].Start.IsZero() {
			t.Errorf("%s %s: the start was not read", tt.zone, tt.start)
		}
	}
}

// TestDateOrderProblems: a row read day first while the date order is
// undecided keeps its problems only if the file is day first; when a
// later row shows it is month first, the row is read again and the
// problems of the first reading go (here: 09/03/2025 02:30 in New York
// is in the hour skipped on 9 March, and fine on 3 September).
func TestDateOrderProblems(t *testing.T) {
	gap := "start 02:30 does not exist on 2025-03-09 in America/New_York (the clocks go forward)"
	tests := []struct {
		name, decider string
		want          []string
	}{
		{"month first", "09/13/2025", nil},
		{"day first", "13/09/2025", []string{gap}},
		// In New York, slash dates are read month first until one
		// tells: 09/03/2025 is 3 September, and the guess is a finding.
		{"undecided", "04/05/2025", []string{"09/03/2025 could be day or month first, and no date in the file tells: read month first as dates are in America/New_York"}},
	}
	for _, tt := range tests {
		for _, stream := range []bool{false, true} {
			opts := Options{File: "x.csv", Timezone: "America/New_York"}
			if stream {
				opts.Emit = func(*Programme, *Session) error { return nil }
			}
			prog := build(t, opts, sheet(
				[]string{"id", "title", "date", "start", "end", "room"},
				[]string{"A", "Early", "09/03/2025", "02:30", "03:30", "Hall"},
				[]string{"B", "Later", tt.decider, "10:00", "11:00", "Hall"},
			))
			var got []string
			for _, p := range prog.Problems {
				got = append(got, p.Message)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s (stream %v): problems %q, want %q", tt.name, stream, got, tt.want)
			}
		}
	}
}

func TestSDGGoalWords(t *testing.T) {
	if got := ParseSDGs("Goal 16; SDG 9.1"); strings.Join(got, " ") != "16 9.1" {
		t.Errorf("ParseSDGs = %q", got)
	}
}

func TestMidnightEndIsNoGap(t *testing.T) {
	prog := &Programme{}
	b, _ := NewBuilder(prog, Options{File: "m.csv"})
	if err := b.Read(sheet([]string{"id", "title", "date", "start", "end", "room"}, []string{"A", "Late", "2023-10-11", "23:00", "24:00", "Hall"})); err != nil {
		t.Fatal(err)
	}
	if len(prog.Problems) != 0 || prog.Sessions[0].End.Format("2006-01-02 15:04") != "2023-10-12 00:00" {
		t.Errorf("problems %+v, end %v", prog.Problems, prog.Sessions[0].End)
	}
}

// Every field of the contract has a cell number: session() reads cells by
// number, and a field without one would be read as empty.
func TestEveryFieldHasACellNumber(t *testing.T) {
	for _, f := range append(slices.Clone(Columns), FieldDuration, FieldParticipation, FieldGender, FieldExtra) {
		n, ok := fieldNumbers[f]
		if !ok || cellFields[n] != f {
			t.Errorf("field %s has no cell number", f)
		}
	}
}
