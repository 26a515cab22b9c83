package schedule

import (
	"fmt"
	"strings"
	"testing"
)

func TestJoinPersons(t *testing.T) {
	// The sessions as the Builder reads them from the Sessions sheet: OF168
	// has its onsite moderator in its own row, WS1 its speakers.
	of168 := &Session{ID: "OF168", OnsiteModerator: &Person{Name: "Aishwarya Salvi", Organization: "GIZ"}}
	ws1 := &Session{ID: "WS1", Speakers: []Person{{Name: "Row Speaker"}}, Cols: map[Field]string{FieldSpeakers: "Speakers"}}
	dup := &Session{ID: "OF168", Title: "duplicate id"}
	prog := &Programme{Sessions: []*Session{of168, ws1, dup}}

	rows := sheet(
		/* 1 */ []string{"Session ID", "Appears as", "Full name", "Position", "Affiliation", "Stakeholder group", "Regional group", "Attendance", "E-mail", "Shoe size"},
		/* 2 */ []string{"OF168", "speaker", "Valeriya Ionan", "Deputy Minister for Eurointegration", "Ministry of Digital Transformation of Ukraine", "Gov", "EEG", "virtual", ""},
		/* 3 */ []string{"OF168", "", "Pramod Varma", "Individual capacity", "", "CSO", "Asia-Pacific", "online", "", "44"},
		/* 4 */ []string{"OF168", "Moderator", "Someone Else", "", "GIZ", "", "", "on-site", ""},
		/* 5 */ []string{"WS1", "Speaker", "Sheet Speaker", "", "", "", "", "", ""},
		/* 6 */ []string{"", "", ""},
		/* 7 */ []string{"OF168", "rapporteur", "Philipp Schulte", "", "BMDV", "Government", "WEOG", "", "philipp@example.org"},
		/* 8 */ []string{"XX99", "speaker", "Lost Person", "", "", "", "", "", ""},
		/* 9 */ []string{"OF168", "Organiser", "Heiko Wildner", "", "BMDV", "Government", "", "", ""},
		/* 10 */ []string{"OF168", "Online moderator", "Torge Wolters", "", "GIZ", "", "", "remote", ""},
		/* 11 */ []string{" WS1 ", "organizer", "Ann Organizer", "", "", "Civil Socity", "Westeros Group", "", ""},
	)
	if err := JoinPersons(prog, rows, Options{File: "programme.xlsx", Sheet: "Speakers"}); err != nil {
		t.Fatalf("JoinPersons: %v", err)
	}

	wantSpeakers := []Person{
		{Name: "Valeriya Ionan", Role: "Deputy Minister for Eurointegration", Organization: "Ministry of Digital Transformation of Ukraine", Stakeholder: "Government", Region: "Eastern European Group", Participation: Online},
		{Name: "Pramod Varma", Role: "Individual capacity", Stakeholder: "Civil Society", Region: "Asia-Pacific Group", Participation: Online},
	}
	if d := personsDiff(of168.Speakers, wantSpeakers); d != "" {
		t.Errorf("OF168 speakers:%s", d)
	}
	// The row's own moderator is kept; a second one from the sheet goes to
	// an extra column, with a finding, rather than replacing or vanishing.
	if of168.OnsiteModerator == nil || of168.OnsiteModerator.Name != "Aishwarya Salvi" {
		t.Errorf("OF168 onsite moderator = %+v, want the row's Aishwarya Salvi", of168.OnsiteModerator)
	}
	if got := of168.ExtraValue("onsite_moderator (more)"); got != "Someone Else, , GIZ, , (on-site)" {
		t.Errorf("second moderator kept as %q", got)
	}
	if of168.Rapporteur == nil || *of168.Rapporteur != (Person{Name: "Philipp Schulte", Organization: "BMDV", Stakeholder: "Government", Region: "Western European and Others Group", Email: "philipp@example.org"}) {
		t.Errorf("OF168 rapporteur = %+v", of168.Rapporteur)
	}
	if of168.OnlineModerator == nil || *of168.OnlineModerator != (Person{Name: "Torge Wolters", Organization: "GIZ", Participation: Online}) {
		t.Errorf("OF168 online moderator = %+v", of168.OnlineModerator)
	}
	if d := personsDiff(of168.Organizers, []Person{{Name: "Heiko Wildner", Organization: "BMDV", Stakeholder: "Government"}}); d != "" {
		t.Errorf("OF168 organizers:%s", d)
	}
	// Sheet persons join the row's own; a person already there is not doubled.
	if d := personsDiff(ws1.Speakers, []Person{{Name: "Row Speaker"}, {Name: "Sheet Speaker"}}); d != "" {
		t.Errorf("WS1 speakers:%s", d)
	}
	// Ids are trimmed; typos in the vocabularies stay as written.
	if d := personsDiff(ws1.Organizers, []Person{{Name: "Ann Organizer", Stakeholder: "Civil Socity", Region: "Westeros Group"}}); d != "" {
		t.Errorf("WS1 organizers:%s", d)
	}
	// The first session of a duplicated id gets the persons.
	if len(dup.Speakers) != 0 || dup.Rapporteur != nil {
		t.Errorf("the duplicate OF168 got persons: %+v", dup)
	}
	// Findings name the sheet for the joined fields, the row's column for
	// the rest.
	for f, want := range map[Field]string{FieldSpeakers: "Speakers", FieldRapporteur: "Speakers", FieldOrganizers: "Speakers"} {
		if got := of168.Column(f); got != want {
			t.Errorf("OF168 Column(%s) = %q, want %q", f, got, want)
		}
	}
	if got := ws1.Column(FieldSpeakers); got != "Speakers" {
		t.Errorf("WS1 Column(speakers) = %q", got)
	}

	// Each person the sheet added knows its row there; the row's own
	// persons and one kept in an extra column do not.
	at := func(row int) Source { return Source{File: "programme.xlsx", Sheet: "Speakers", Row: row} }
	for _, tc := range []struct {
		s   *Session
		f   Field
		p   *Person
		row int // 0: not joined
	}{
		{of168, FieldSpeakers, &of168.Speakers[0], 2},
		{of168, FieldSpeakers, &of168.Speakers[1], 3},
		{of168, FieldOnsiteModerator, of168.OnsiteModerator, 0},
		{of168, FieldRapporteur, of168.Rapporteur, 7},
		{of168, FieldOrganizers, &of168.Organizers[0], 9},
		{of168, FieldOnlineModerator, of168.OnlineModerator, 10},
		{ws1, FieldSpeakers, &ws1.Speakers[0], 0},
		{ws1, FieldSpeakers, &ws1.Speakers[1], 5},
		{ws1, FieldOrganizers, &ws1.Organizers[0], 11},
		{of168, FieldOrganizers, &of168.Speakers[0], 0}, // another field's person
	} {
		j, ok := tc.s.JoinedFrom(tc.f, tc.p)
		switch {
		case tc.row == 0 && ok:
			t.Errorf("%s %s %s: joined from %+v, want the session's own", tc.s.ID, tc.f, tc.p.Name, j.Src)
		case tc.row > 0 && (!ok || j.Src != at(tc.row)):
			t.Errorf("%s %s %s: JoinedFrom = %+v, %v; want row %d", tc.s.ID, tc.f, tc.p.Name, j.Src, ok, tc.row)
		case ok && *j.Cols != (PersonSheetColumns{Name: "Full name", Email: "E-mail", Stakeholder: "Stakeholder group", Region: "Regional group"}):
			t.Errorf("columns %+v", *j.Cols)
		}
	}

	want := []Problem{{
		Rule: "extra-person", Src: Source{File: "programme.xlsx", Sheet: "Speakers", Row: 4}, Column: "name", Session: "OF168",
		Message: `Someone Else is a second onsite moderator of session "OF168"; kept in the extra column "onsite_moderator (more)"`,
	}, {
		Rule: "unknown-session", Src: Source{File: "programme.xlsx", Sheet: "Speakers", Row: 8}, Column: "session_id", Session: "XX99",
		Message: `Lost Person is listed for session "XX99", which the programme does not have`,
	}}
	if d := problemsDiff(prog.Problems, want); d != "" {
		t.Errorf("Problems:%s", d)
	}
}

func TestJoinPersonsHeader(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]string
		wantErr string
	}{
		{"no name column", [][]string{{"Session", "Role"}, {"OF168", "x"}}, "f.xlsx:Speakers:1: a person sheet needs a session id column and a name column"},
		{"no session column", [][]string{{}, {"Name", "Role"}}, "f.xlsx:Speakers:2: a person sheet needs a session id column and a name column"},
		{"header only", [][]string{{"Session #", "Speaker name"}}, ""},
		{"empty sheet", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog := &Programme{Sessions: []*Session{{ID: "OF168"}}}
			err := JoinPersons(prog, sheet(tt.rows...), Options{File: "f.xlsx", Sheet: "Speakers"})
			checkErr(t, "JoinPersons", err, tt.wantErr)
		})
	}
}

// Joining the Speakers sheet that docket writes to the sessions it also
// writes with the persons in their rows gives each person once.
func TestJoinPersonsRoundTrip(t *testing.T) {
	orig := &Session{
		ID:              "OF168",
		Organizers:      []Person{{Name: "Heiko Wildner", Organization: "BMDV", Stakeholder: "Government"}},
		Speakers:        []Person{{Name: "Mark Irura", Stakeholder: "Intergovernmental Organization", Region: "African Group", Participation: Onsite}, {Name: "Adriana Groh", Role: "Co-Founder Sovereign Tech Fund", Stakeholder: "Civil Society", Region: "Western European and Others Group", Participation: Onsite}},
		OnsiteModerator: &Person{Name: "Aishwarya Salvi", Organization: "GIZ", Email: "[email protected]"},
		OnlineModerator: &Person{Name: "Torge Wolters", Organization: "GIZ"},
		Rapporteur:      &Person{Name: "Philipp Schulte", Organization: "BMDV"},
	}
	rows := [][]string{PersonColumns}
	for f, p := range orig.Roles {
		rows = append(rows, []string{orig.ID, AppearsAs(f), p.Name, p.Role, p.Organization, p.Stakeholder, p.Region, p.Participation, p.Email})
	}
	// Read back into a session whose row lists the same persons.
	back := &Session{ID: "OF168"}
	back.Organizers = append(back.Organizers, orig.Organizers...)
	back.Speakers = append(back.Speakers, orig.Speakers...)
	back.OnsiteModerator, back.OnlineModerator, back.Rapporteur = orig.OnsiteModerator, orig.OnlineModerator, orig.Rapporteur
	if err := JoinPersons(&Programme{Sessions: []*Session{back}}, sheet(rows...), Options{}); err != nil {
		t.Fatal(err)
	}
	if got, want := rolesString(back), rolesString(orig); got != want {
		t.Errorf("after joining into a full session:\n got %s\nwant %s", got, want)
	}
	// Read back into a bare session: the sheet alone restores the persons.
	bare := &Session{ID: "OF168"}
	if err := JoinPersons(&Programme{Sessions: []*Session{bare}}, sheet(rows...), Options{}); err != nil {
		t.Fatal(err)
	}
	if got, want := rolesString(bare), rolesString(orig); got != want {
		t.Errorf("after joining into a bare session:\n got %s\nwant %s", got, want)
	}
}

func rolesString(s *Session) string {
	var b strings.Builder
	for f, p := range s.Roles {
		fmt.Fprintf(&b, "%s: %s\n", f, FormatPerson(*p))
	}
	return b.String()
}

func TestAppearsAs(t *testing.T) {
	for _, f := range []Field{FieldOrganizers, FieldSpeakers, FieldOnsiteModerator, FieldOnlineModerator, FieldRapporteur} {
		if got := appearsAs(AppearsAs(f)); got != f {
			t.Errorf("appearsAs(AppearsAs(%s)) = %s", f, got)
		}
	}
	tests := []struct {
		in   string
		want Field
	}{
		{"Organiser", FieldOrganizers},
		{"ORGANIZERS", FieldOrganizers},
		{"Moderator", FieldOnsiteModerator},
		{"On-site moderator", FieldOnsiteModerator},
		{"Chair", FieldOnsiteModerator},
		{"Remote Moderator", FieldOnlineModerator},
		{"Online moderator", FieldOnlineModerator},
		{"Rapporteur", FieldRapporteur},
		{"Speaker", FieldSpeakers},
		{"Panelist", FieldSpeakers},
		{"", FieldSpeakers},
	}
	for _, tt := range tests {
		if got := appearsAs(tt.in); got != tt.want {
			t.Errorf("appearsAs(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := AppearsAs(FieldTitle); got != "speaker" {
		t.Errorf("AppearsAs(title) = %q, want speaker", got)
	}
}

func TestIsPersonSheetName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Speakers", true}, {"speakers ", true}, {"SPEAKER", true}, {"People", true}, {"Persons", true},
		{"Participants", true}, {"Panelists", true}, {"Panellists", true}, {"Presenters", true},
		{"Sessions", false}, {"Sheet1", false}, {"Speakers 2024", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsPersonSheetName(tt.name); got != tt.want {
			t.Errorf("IsPersonSheetName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
