package validate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

var tokyo, _ = time.LoadLocation("Asia/Tokyo")

// at returns a time on 11 October 2023 in Tokyo.
func at(hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", "2023-10-11 "+hhmm, tokyo)
	if err != nil {
		panic(err)
	}
	return t
}

var row = 1

// sess builds a valid session on the next row; change what a case needs.
func sess(id, room, start, end string, speakers ...string) *schedule.Session {
	row++
	s := &schedule.Session{
		ID: id, Title: "Title of " + id, Room: room, Timezone: "Asia/Tokyo",
		Src: schedule.Source{File: "p.csv", Row: row}, Cols: map[schedule.Field]string{schedule.FieldRoom: "Venue"},
		OnsiteModerator: &schedule.Person{Name: fmt.Sprintf("Moderator of row %d", row)},
	}
	if start != "" {
		s.Start = at(start)
	}
	if end != "" {
		s.End = at(end)
	}
	for _, sp := range speakers {
		s.Speakers = append(s.Speakers, schedule.ParsePerson(sp))
	}
	return s
}

// brief renders findings as "rule row column: message" for comparison.
func brief(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %d %s %s: %s\n", f.Severity, f.Row, f.Rule, f.Column, f.Message)
	}
	return b.String()
}

func TestRules(t *testing.T) {
	cases := []struct {
		name     string
		sessions func() []*schedule.Session
		want     []string // substrings, one per finding, in order
	}{
		{"clean", func() []*schedule.Session {
			return []*schedule.Session{sess("A", "Hall", "09:00", "10:00"), sess("B", "Hall", "10:00", "11:00")}
		}, nil},
		{"missing fields", func() []*schedule.Session {
			a := sess("", "Hall", "09:00", "10:00")
			b := sess("B", "", "09:00", "10:00")
			b.Title = ""
			c := sess("C", "Hall", "", "")
			d := sess("D", "Room 2", "09:00", "")
			return []*schedule.Session{a, b, c, d}
		}, []string{
			"error 2 missing-field id: the session has no id",
			"error 3 missing-field Venue: the session is scheduled but has no room",
			"error 3 missing-field title: the session has no title",
			"error 4 missing-field start: the session has no start time",
			"error 5 missing-field end: the session has a start but no end",
		}},
		{"duplicate ids, case-insensitive, each repeat names the first", func() []*schedule.Session {
			return []*schedule.Session{sess("WS #1", "A", "09:00", "10:00"), sess("X", "B", "09:00", "10:00"), sess("ws #1", "C", "09:00", "10:00"), sess("WS #1", "D", "09:00", "10:00")}
		}, []string{
			`error 4 duplicate-id id: id "ws #1" is also used on row 2`,
			`error 5 duplicate-id id: id "WS #1" is also used on row 2`,
		}},
		{"end before start and zero length", func() []*schedule.Session {
			return []*schedule.Session{sess("A", "Hall", "10:00", "09:00"), sess("B", "Room", "10:00", "10:00")}
		}, []string{
			"error 2 end-before-start end: end 09:00 is not after start 10:00",
			"error 3 end-before-start end: end 10:00 is not after start 10:00",
		}},
		{"room overlap: folded names, touching is fine, reported on the later row", func() []*schedule.Session {
			return []*schedule.Session{
				sess("A", "WS 7 – Room K", "10:00", "11:00"),
				sess("B", "ws 7 – room k", "09:00", "10:30"),
				sess("C", "WS 7 – Room K", "11:00", "12:00"),
				sess("D", "Other", "09:00", "12:00"),
			}
		}, []string{
			"error 3 room-overlap Venue: ws 7 – room k is booked by A (row 2) at the same time",
		}},
		{"room overlap: a long session overlaps two later ones", func() []*schedule.Session {
			return []*schedule.Session{sess("L", "Hall", "09:00", "12:00"), sess("M", "Hall", "09:30", "10:00"), sess("N", "Hall", "11:00", "11:30")}
		}, []string{
			"error 3 room-overlap Venue: Hall is booked by L (row 2)",
			"error 4 room-overlap Venue: Hall is booked by L (row 2)",
		}},
		{"person overlap: accents, case, spaces folded; same session twice is fine", func() []*schedule.Session {
			a := sess("A", "Hall", "09:00", "10:00", "José Núñez, Chair, Org, Government, GRULAC")
			a.OnsiteModerator = &schedule.Person{Name: "José Núñez"}
			b := sess("B", "Room 2", "09:30", "10:30", "jose  nunez, , , Civil Society, WEOG")
			c := sess("C", "Room 3", "10:30", "11:00", "JOSÉ NÚÑEZ")
			return []*schedule.Session{a, b, c}
		}, []string{
			"error 3 person-overlap speakers: jose  nunez is also in A (row 2), which overlaps",
		}},
		{"vocabularies and SDGs", func() []*schedule.Session {
			a := sess("A", "Hall", "09:00", "10:00", "Ana, Chair, Org, Civil Socity, Westeros Group", "Ben, Lead, Org, CS, GRULAC")
			a.SDGs = []string{"9.1", "16.11", "18.1", "16.a"}
			a.Type = "Worksop"
			return []*schedule.Session{a}
		}, []string{
			`error 2 bad-sdg sdgs: "16.11" is not one of the 169 SDG targets`,
			`error 2 bad-sdg sdgs: "18.1" is not one of the 169 SDG targets`,
			`warning 2 unknown-region speakers: Ana: "Westeros Group" is not a known regional group`,
			`warning 2 unknown-stakeholder speakers: Ana: "Civil Socity" is not a known stakeholder group`,
			`warning 2 unknown-type type: "Worksop" is not a known session type`,
		}},
		{"duration mismatch", func() []*schedule.Session {
			a := sess("A", "Hall", "09:00", "10:30")
			a.DeclaredMinutes = 60
			b := sess("B", "Room", "09:00", "10:00")
			b.DeclaredMinutes = 60
			return []*schedule.Session{a, b}
		}, []string{"warning 2 duration-mismatch end: the session runs 90 minutes but its format declares 60"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row = 1
			p := &schedule.Programme{Sessions: c.sessions()}
			got := Run(p, Options{})
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(c.want), brief(got))
			}
			lines := strings.Split(strings.TrimSpace(brief(got)), "\n")
			for i, w := range c.want {
				if !strings.Contains(lines[i], w) {
					t.Errorf("finding %d = %q\n want it to contain %q", i, lines[i], w)
				}
			}
		})
	}
}

func TestHints(t *testing.T) {
	row = 1
	a := sess("A", "Hall", "09:00", "10:00", "Ana, Chair, Org, Civil Socity, Westeros Group")
	a.SDGs = []string{"16.11"}
	hints := map[string]string{}
	for _, f := range Run(&schedule.Programme{Sessions: []*schedule.Session{a}}, Options{}) {
		hints[f.Rule] = f.Hint
	}
	want := map[string]string{
		"unknown-stakeholder": "did you mean Civil Society?",
		"bad-sdg":             "goal 16 has targets 16.1 to 16.b",
	}
	for rule, h := range want {
		if hints[rule] != h {
			t.Errorf("%s hint = %q, want %q", rule, hints[rule], h)
		}
	}
	if !strings.HasPrefix(hints["unknown-region"], "known: African Group") {
		t.Errorf("unknown-region hint = %q, want the list of regions", hints["unknown-region"])
	}
}

func TestOptions(t *testing.T) {
	row = 1
	a := sess("A", "Hall", "09:00", "10:00", "Ana, Chair, Org, Civil Socity, GRULAC")
	b := sess("B", "Hall", "09:30", "10:30")
	p := &schedule.Programme{Sessions: []*schedule.Session{a, b}}
	if got := brief(Run(p, Options{Ignore: []string{"room-overlap"}})); strings.Contains(got, "room-overlap") {
		t.Errorf("--ignore room-overlap kept it:\n%s", got)
	}
	if e, _ := Count(Run(p, Options{Error: []string{"unknown-stakeholder"}})); e != 2 {
		t.Errorf("--error unknown-stakeholder: %d errors, want 2", e)
	}
	if e, w := Count(Run(p, Options{Strict: true})); e != 2 || w != 0 {
		t.Errorf("--strict: %d errors, %d warnings; want 2, 0", e, w)
	}
}

func TestReaderProblemsBecomeFindings(t *testing.T) {
	p := &schedule.Programme{
		Sessions: []*schedule.Session{{ID: "A", Title: "T", Src: schedule.Source{File: "p.xlsx", Sheet: "S", Row: 7}}},
		Problems: []schedule.Problem{{Rule: "bad-time", Src: schedule.Source{File: "p.xlsx", Sheet: "S", Row: 7}, Column: "Start", Session: "A", Message: `start "25:61" is not a date or time`}},
	}
	got := Run(p, Options{})
	// The unreadable start is the one finding: no "missing start" on top.
	if len(got) != 1 || got[0].Rule != "bad-time" || got[0].Severity != Error || got[0].Sheet != "S" || got[0].Row != 7 || got[0].Column != "Start" {
		t.Errorf("got %+v", got)
	}
}

func TestRulesAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.Name] {
			t.Errorf("rule %s listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Summary == "" || len(r.Doc) < 40 || (r.Severity != Error && r.Severity != Warning) {
			t.Errorf("rule %s lacks a summary, doc or severity", r.Name)
		}
	}
}

// BenchmarkValidate measures the checks on a large programme: the overlap
// sweeps must stay O(n log n).
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			p := &schedule.Programme{}
			base := at("08:00")
			for i := range n {
				st := base.Add(time.Duration(i/50) * time.Hour)
				p.Sessions = append(p.Sessions, &schedule.Session{
					ID: fmt.Sprintf("S%d", i), Title: "T", Room: fmt.Sprintf("Room %d", i%50), Timezone: "Asia/Tokyo",
					Start: st, End: st.Add(50 * time.Minute), Src: schedule.Source{File: "p.csv", Row: i + 2},
					Speakers: []schedule.Person{{Name: fmt.Sprintf("Person %d", i%997), Stakeholder: "Government", Region: "African Group"}},
				})
			}
			b.ResetTimer()
			for b.Loop() {
				Run(p, Options{})
			}
		})
	}
}

func TestOverlapAcrossFilesNamesTheFile(t *testing.T) {
	row = 1
	a := sess("A", "Hall", "09:00", "10:00")
	b := sess("B", "Hall", "09:30", "10:30")
	b.Src.File, b.Src.Row = "q.xlsx", 2
	b.Src.Sheet = "Sessions"
	got := Run(&schedule.Programme{Sessions: []*schedule.Session{a, b}}, Options{})
	if len(got) != 1 || got[0].Message != "Hall is booked by A (p.csv row 2) at the same time" {
		t.Errorf("got %s", brief(got))
	}
}

func TestOrganizersMayBeInParallelSessions(t *testing.T) {
	row = 1
	a := sess("A", "Hall", "09:00", "10:00")
	b := sess("B", "Room", "09:00", "10:00")
	a.Organizers = []schedule.Person{{Name: "Heiko Wildner"}}
	b.Organizers = []schedule.Person{{Name: "Heiko Wildner"}}
	if got := Run(&schedule.Programme{Sessions: []*schedule.Session{a, b}}, Options{}); len(got) != 0 {
		t.Errorf("got %s", brief(got))
	}
}

func TestPeopleRules(t *testing.T) {
	cases := []struct {
		name string
		make func() *schedule.Session
		want []string
	}{
		{"placeholder email", func() *schedule.Session {
			s := sess("A", "Hall", "09:00", "10:00")
			s.OnsiteModerator.Email = "[email\u00a0protected]"
			return s
		}, []string{`warning 2 bad-email onsite_moderator: Moderator of row 2: "[email protected]" is the placeholder`}},
		{"broken emails", func() *schedule.Session {
			s := sess("A", "Hall", "09:00", "10:00", "Ana Lima (ana@lima)", "Ben Ode (ben@ode.org)")
			s.Speakers[1].Email = "ben at ode.org"
			s.Speakers[1].Stakeholder = "Government"
			return s
		}, []string{`bad-email speakers: Ana Lima: "ana@lima" has no valid domain`, `bad-email speakers: Ben Ode: "ben at ode.org" is not an email address`}},
		{"good email", func() *schedule.Session {
			s := sess("A", "Hall", "09:00", "10:00")
			s.OnsiteModerator.Email = "moderator@example.org"
			return s
		}, nil},
		{"no moderator", func() *schedule.Session {
			s := sess("A", "Hall", "09:00", "10:00", "Ana, , , Government, GRULAC", "Ben, , , Civil Society, WEOG")
			s.OnsiteModerator = nil
			return s
		}, []string{"warning 2 no-moderator onsite_moderator: the session has no on-site or online moderator"}},
		{"online moderator is enough", func() *schedule.Session {
			s := sess("A", "Hall", "09:00", "10:00")
			s.OnlineModerator, s.OnsiteModerator = s.OnsiteModerator, nil
			return s
		}, nil},
		{"a ceremony needs none", func() *schedule.Session {
			s := sess("A", "Hall", "09:00", "10:00")
			s.OnsiteModerator, s.Type = nil, "Opening Ceremony"
			return s
		}, nil},
		{"single stakeholder", func() *schedule.Session {
			return sess("A", "Hall", "09:00", "10:00", "Ana, , , Gov, GRULAC", "Ben, , , Government, WEOG")
		}, []string{"warning 2 single-stakeholder speakers: all 2 speakers are from one stakeholder group (Government)"}},
		{"mixed stakeholders", func() *schedule.Session {
			return sess("A", "Hall", "09:00", "10:00", "Ana, , , Gov, GRULAC", "Ben, , , Private Sector, WEOG")
		}, nil},
		{"an unknown group is not judged", func() *schedule.Session {
			return sess("A", "Hall", "09:00", "10:00", "Ana, , , Gov, GRULAC", "Ben")
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row = 1
			got := Run(&schedule.Programme{Sessions: []*schedule.Session{c.make()}}, Options{})
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(c.want), brief(got))
			}
			for i, w := range c.want {
				if !strings.Contains(brief(got[i:i+1]), w) {
					t.Errorf("finding %d = %s, want %q", i, brief(got[i:i+1]), w)
				}
			}
		})
	}
}

// TestJoinedPersonFindings: findings about a person a Speakers sheet
// added point at that sheet's row and column; the session's own persons
// keep pointing at the session's row.
func TestJoinedPersonFindings(t *testing.T) {
	row = 1
	s := sess("A", "Hall", "09:00", "10:00", "Own Speaker, , , Civil Socity, WEOG", "Sheet Speaker, , , Civil Socity, Westeros")
	s.Speakers[1].Email = "sheet at example.org"
	s.Rapporteur = &schedule.Person{Name: "Sheet Rapporteur", Region: "Mordor"}
	cols := &schedule.PersonSheetColumns{Name: "Full name", Email: "E-mail", Stakeholder: "Stakeholder group"}
	speakers := schedule.Source{File: "p.xlsx", Sheet: "Speakers", Row: 7}
	s.Joined = []schedule.JoinedPerson{
		{Field: schedule.FieldSpeakers, Index: 1, Src: speakers, Cols: cols},
		{Field: schedule.FieldRapporteur, Src: schedule.Source{File: "p.xlsx", Sheet: "Speakers", Row: 9}, Cols: cols},
	}
	var got []string
	for _, f := range Run(&schedule.Programme{Sessions: []*schedule.Session{s}}, Options{}) {
		got = append(got, fmt.Sprintf("%s %s:%d %s: %s", f.Rule, f.Sheet, f.Row, f.Column, f.Message))
	}
	// Findings come in file, sheet and row order; the sheet has no region
	// column (the person's name column stands in).
	want := []string{
		`unknown-stakeholder :2 speakers: Own Speaker: "Civil Socity" is not a known stakeholder group`,
		`bad-email Speakers:7 E-mail: Sheet Speaker: "sheet at example.org" is not an email address`,
		`unknown-region Speakers:7 Full name: Sheet Speaker: "Westeros" is not a known regional group`,
		`unknown-stakeholder Speakers:7 Stakeholder group: Sheet Speaker: "Civil Socity" is not a known stakeholder group`,
		`unknown-region Speakers:9 Full name: Sheet Rapporteur: "Mordor" is not a known regional group`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOutsideEvent(t *testing.T) {
	row = 1
	a := sess("A", "Hall", "09:00", "10:00") // 2023-10-11 in Tokyo
	b := sess("B", "Hall", "10:00", "11:00")
	b.Start, b.End = b.Start.AddDate(0, 0, 2), b.End.AddDate(0, 0, 2)
	p := &schedule.Programme{Sessions: []*schedule.Session{a, b}}
	got := Run(p, Options{FirstDay: "2023-10-08", LastDay: "2023-10-12"})
	if len(got) != 1 || got[0].Rule != "outside-event" || got[0].Session != "B" || !strings.Contains(got[0].Message, "on 2023-10-13, outside the event's days 2023-10-08 to 2023-10-12") {
		t.Errorf("got %s", brief(got))
	}
	if got := Run(p, Options{}); len(got) != 0 {
		t.Errorf("without event days the rule is off: %s", brief(got))
	}
	p.FirstDay, p.LastDay = "2023-10-12", "2023-10-13"
	if got := Run(p, Options{}); len(got) != 1 || got[0].Session != "A" {
		t.Errorf("the programme's own days: %s", brief(got))
	}
}

// TestNoFalsePersonOverlap: back-to-back sessions and names that only
// share a prefix are no overlap.
func TestNoFalsePersonOverlap(t *testing.T) {
	row = 1
	a := sess("A", "Hall", "09:00", "10:30", "Ana Lima, , , Government, GRULAC", "Ben Ode, , , Civil Society, WEOG")
	b := sess("B", "Room", "10:30", "11:30", "Ana Lima, , , Government, GRULAC", "Benjamin Oder, , , Civil Society, WEOG")
	c := sess("C", "Room 2", "09:00", "10:00", "Ben Oden, , , Civil Society, WEOG", "Ana Limaverde, , , Government, GRULAC")
	if got := Run(&schedule.Programme{Sessions: []*schedule.Session{a, b, c}}, Options{}); len(got) != 0 {
		t.Errorf("got %s", brief(got))
	}
}

// TestAsyncSameAsRun: checking on a goroutine of its own finds what Run
// finds, problems the reader adds between sessions included.
func TestAsyncSameAsRun(t *testing.T) {
	var ss []*schedule.Session
	for i := range 700 {
		room := fmt.Sprintf("Room %d", i%5)
		s := sess(fmt.Sprintf("S%d", i%600), room, fmt.Sprintf("%02d:00", 9+i%8), fmt.Sprintf("%02d:30", 9+i%8), fmt.Sprintf("Person %d, Director, Org, Government, African Group", i%40))
		ss = append(ss, s)
	}
	p := &schedule.Programme{}
	a := NewChecker(Options{}).Async()
	for i, s := range ss {
		if i%97 == 0 {
			p.Problems = append(p.Problems, schedule.Problem{Rule: "bad-time", Src: s.Src, Column: "Start", Session: s.ID, Message: "unreadable"})
		}
		p.Sessions = append(p.Sessions, s)
		a.Add(p, s)
	}
	p.Problems = append(p.Problems, schedule.Problem{Rule: "unknown-session", Src: schedule.Source{File: "p.csv", Sheet: "Speakers", Row: 3}, Message: "late"})
	got, want := brief(a.Finish(p)), brief(Run(p, Options{}))
	if got != want || !strings.Contains(want, "duplicate-id") || !strings.Contains(want, "late") {
		t.Errorf("async:\n%.2000s\nrun:\n%.2000s", got, want)
	}
}
