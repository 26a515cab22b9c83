package validate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

// constraintRules are the rules constraints.go adds; the tests below look
// at their findings only.
var constraintRules = map[string]bool{
	schedule.RulePersonOverbooked: true, schedule.RuleOrganizationOverbooked: true, schedule.RuleTightChange: true,
	schedule.RuleTooFewSpeakers: true, schedule.RuleSingleGender: true, schedule.RuleParallelTheme: true,
}

// on returns a time on day d of October 2023 in Tokyo.
func on(d int, hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", fmt.Sprintf("2023-10-%02d %s", d, hhmm), tokyo)
	if err != nil {
		panic(err)
	}
	return t
}

// withGenders gives a session's speakers their genders, in order.
func withGenders(s *schedule.Session, gs ...string) *schedule.Session {
	for i, g := range gs {
		s.Speakers[i].Gender = g
	}
	return s
}

func typed(s *schedule.Session, typ string) *schedule.Session {
	s.Type = typ
	return s
}

func moderated(s *schedule.Session, name string) *schedule.Session {
	s.OnsiteModerator = &schedule.Person{Name: name}
	return s
}

func themed(s *schedule.Session, theme, subtheme string, tags ...string) *schedule.Session {
	s.Theme, s.Subtheme, s.Tags = theme, subtheme, tags
	return s
}

func TestConstraintRules(t *testing.T) {
	yes, no := true, false
	three := []string{"Ana, , Org A, Government, GRULAC", "Ben, , Org B, Civil Society, WEOG", "Cleo, , Org C, Private Sector, African Group"}
	cases := []struct {
		name     string
		profile  string
		cons     Constraints
		sessions func() []*schedule.Session
		want     []string // substrings, one per finding, in order
	}{
		// person-overbooked
		{"person at the limit is fine", "", Constraints{MaxSessionsPerPerson: 2}, func() []*schedule.Session {
			return []*schedule.Session{moderated(sess("A", "R1", "09:00", "10:00"), "Ana Lima"), moderated(sess("B", "R1", "10:00", "11:00"), "Ana Lima")}
		}, nil},
		{"person past the limit: the later by start, names folded, unscheduled last", "", Constraints{MaxSessionsPerPerson: 2}, func() []*schedule.Session {
			return []*schedule.Session{
				sess("U", "", "", "", "ana  LIMA"),
				moderated(sess("C", "R1", "14:00", "15:00"), "Ana Lima"),
				moderated(sess("A", "R1", "09:00", "10:00"), "Ána Lima"),
				moderated(sess("B", "R2", "11:00", "12:00"), "Ana Lima"),
			}
		}, []string{
			"warning 2 person-overbooked speakers: ana  LIMA is in 4 sessions, more than the 2 allowed; by start, this one comes after A (row 4), B (row 5) and C (row 3)",
			"warning 3 person-overbooked onsite_moderator: Ana Lima is in 4 sessions, more than the 2 allowed; by start, this one comes after A (row 4) and B (row 5)",
		}},
		{"two roles of one session count once; organizers do not count", "", Constraints{MaxSessionsPerPerson: 1}, func() []*schedule.Session {
			a := moderated(sess("A", "R1", "09:00", "10:00", "Ana Lima"), "Ana Lima")
			b := sess("B", "R1", "11:00", "12:00")
			b.Organizers = []schedule.Person{{Name: "Ana Lima"}}
			return []*schedule.Session{a, b}
		}, nil},
		{"no limit, no finding", "", Constraints{}, func() []*schedule.Session {
			return []*schedule.Session{moderated(sess("A", "R1", "09:00", "10:00"), "Ana"), moderated(sess("B", "R1", "10:00", "11:00"), "Ana")}
		}, nil},

		// organization-overbooked
		{"organisation: folded, once per session, at the limit fine", "", Constraints{MaxSessionsPerOrganization: 2}, func() []*schedule.Session {
			return []*schedule.Session{
				sess("A", "R1", "09:00", "10:00", "Ana, , Global Net, Government, GRULAC", "Ben, , global  net, Government, GRULAC"),
				sess("B", "R2", "09:00", "10:00", "Cleo, , Glöbal Net, Government, GRULAC"),
			}
		}, nil},
		{"organisation past the limit", "", Constraints{MaxSessionsPerOrganization: 2}, func() []*schedule.Session {
			return []*schedule.Session{
				sess("A", "R1", "09:00", "10:00", "Ana, , Global Net, Government, GRULAC"),
				sess("B", "R2", "09:00", "10:00", "Cleo, , global net, Government, GRULAC"),
				sess("C", "R3", "08:00", "09:00", "Dan, , GLOBAL NET, Government, GRULAC"),
				sess("D", "R3", "12:00", "13:00", "Eve, , Other Org, Government, GRULAC"),
			}
		}, []string{"warning 3 organization-overbooked speakers: Global Net has speakers in 3 sessions, more than the 2 allowed; by start, this one comes after C (row 4) and A (row 2)"}},

		// tight-change
		{"tight change between rooms", "", Constraints{MinChangeMinutes: 15}, func() []*schedule.Session {
			return []*schedule.Session{sess("A", "Room 1", "09:00", "10:00", "Ana"), sess("B", "Room 2", "10:10", "11:00", "ana")}
		}, []string{"warning 3 tight-change speakers: ana has 10 minutes from A (row 2) in Room 1 to this session in Room 2; a change of room needs 15"}},
		{"exactly the change time is fine", "", Constraints{MinChangeMinutes: 15}, func() []*schedule.Session {
			return []*schedule.Session{sess("A", "Room 1", "09:00", "10:00", "Ana"), sess("B", "Room 2", "10:15", "11:00", "Ana")}
		}, nil},
		{"same room (folded) or no room needs no change", "", Constraints{MinChangeMinutes: 15}, func() []*schedule.Session {
			return []*schedule.Session{sess("A", "Room 1", "09:00", "10:00", "Ana"), sess("B", "room  1", "10:00", "11:00", "Ana"), sess("C", "", "11:05", "12:00", "Ana")}
		}, nil},
		{"an overlap is person-overlap's, not a tight change", "", Constraints{MinChangeMinutes: 15}, func() []*schedule.Session {
			return []*schedule.Session{sess("A", "Room 1", "09:00", "10:00", "Ana"), sess("B", "Room 2", "09:30", "11:00", "Ana")}
		}, nil},
		{"the latest end before counts: a long session, then a short one inside it", "", Constraints{MinChangeMinutes: 15}, func() []*schedule.Session {
			return []*schedule.Session{sess("L", "Room 1", "09:00", "12:00", "Ana"), sess("S", "Room 2", "09:30", "10:00", "Ana"), sess("N", "Room 3", "12:05", "13:00", "Ana")}
		}, []string{"tight-change speakers: Ana has 5 minutes from L (row 2) in Room 1 to this session in Room 3"}},
		{"tight change across midnight", "", Constraints{MinChangeMinutes: 30}, func() []*schedule.Session {
			a, b := sess("A", "Room 1", "", "", "Ana"), sess("B", "Room 2", "", "", "Ana")
			a.Start, a.End = on(11, "22:30"), on(11, "23:50")
			b.Start, b.End = on(12, "00:10"), on(12, "01:00")
			c := sess("C", "Room 3", "", "", "Ana")
			c.Start, c.End = on(12, "01:30"), on(12, "02:00")
			return []*schedule.Session{a, b, c}
		}, []string{"warning 3 tight-change speakers: Ana has 20 minutes from A (row 2) in Room 1 to this session in Room 2; a change of room needs 30"}},

		// too-few-speakers
		{"igf: a Workshop needs 3 speakers, WS is one", "", Constraints{}, func() []*schedule.Session {
			return []*schedule.Session{
				typed(sess("A", "R1", "09:00", "10:00", three[:2]...), "Workshop"),
				typed(sess("B", "R2", "09:00", "10:00", three...), "Workshop"),
				typed(sess("C", "R3", "09:00", "10:00"), "WS"),
				typed(sess("D", "R4", "09:00", "10:00", three[:1]...), "Open Forum"),
			}
		}, []string{
			"warning 2 too-few-speakers speakers: the session has 2 speakers; a session of type Workshop needs at least 3",
			"warning 4 too-few-speakers speakers: the session has 0 speakers; a session of type WS needs at least 3",
		}},
		{"igf: a type set to 0 is not checked; others added", "", Constraints{MinSpeakers: map[string]int{"workshop": 0, "Open Forum": 2}}, func() []*schedule.Session {
			return []*schedule.Session{
				typed(sess("A", "R1", "09:00", "10:00", three[:1]...), "Workshop"),
				typed(sess("B", "R2", "09:00", "10:00", three[:1]...), "Open Forum"),
				typed(sess("C", "R3", "09:00", "10:00", three[:2]...), "OF"),
			}
		}, []string{"warning 3 too-few-speakers speakers: the session has 1 speaker; a session of type Open Forum needs at least 2"}},
		{"generic: nothing unless configured; no aliases", schedule.ProfileGeneric, Constraints{MinSpeakers: map[string]int{"Panel": 2}}, func() []*schedule.Session {
			return []*schedule.Session{
				typed(sess("A", "R1", "09:00", "10:00", three[:1]...), "Workshop"),
				typed(sess("B", "R2", "09:00", "10:00", three[:1]...), "panel"),
				typed(sess("C", "R3", "09:00", "10:00", three[:2]...), "Panel"),
			}
		}, []string{"warning 3 too-few-speakers speakers: the session has 1 speaker; a session of type panel needs at least 2"}},

		// single-gender
		{"igf: a Workshop of one gender; spellings read", "", Constraints{}, func() []*schedule.Session {
			return []*schedule.Session{
				withGenders(typed(sess("A", "R1", "09:00", "10:00", three...), "Workshop"), "female", "F", "Woman"),
				withGenders(typed(sess("B", "R2", "09:00", "10:00", three...), "Workshop"), "female", "male", "female"),
			}
		}, []string{"warning 2 single-gender speakers: all 3 speakers are female"}},
		{"an unknown gender leaves the session unjudged", "", Constraints{}, func() []*schedule.Session {
			return []*schedule.Session{
				withGenders(typed(sess("A", "R1", "09:00", "10:00", three...), "Workshop"), "male", "male", ""),
				withGenders(typed(sess("B", "R2", "09:00", "10:00", three...), "Workshop"), "male", "prefer not to say", "male"),
				typed(sess("C", "R3", "09:00", "10:00", three...), "Workshop"),
			}
		}, nil},
		{"one speaker is not judged; igf checks only Workshops", "", Constraints{}, func() []*schedule.Session {
			return []*schedule.Session{
				withGenders(typed(sess("A", "R1", "09:00", "10:00", three[:1]...), "Lightning Talk"), "male"),
				withGenders(typed(sess("B", "R2", "09:00", "10:00", three[:2]...), "Open Forum"), "male", "male"),
			}
		}, nil},
		{"single-gender = true checks every type, in the generic profile too", schedule.ProfileGeneric, Constraints{SingleGender: &yes}, func() []*schedule.Session {
			return []*schedule.Session{
				withGenders(typed(sess("A", "R1", "09:00", "10:00", three[:2]...), "Talk"), "non-binary", "nonbinary"),
			}
		}, []string{"warning 2 single-gender speakers: all 2 speakers are non-binary"}},
		{"single-gender = false checks none", "", Constraints{SingleGender: &no}, func() []*schedule.Session {
			return []*schedule.Session{withGenders(typed(sess("A", "R1", "09:00", "10:00", three...), "Workshop"), "male", "male", "male")}
		}, nil},
		{"generic: no single-gender unless configured", schedule.ProfileGeneric, Constraints{}, func() []*schedule.Session {
			return []*schedule.Session{withGenders(typed(sess("A", "R1", "09:00", "10:00", three...), "Workshop"), "male", "male", "male")}
		}, nil},

		// parallel-theme
		{"two at once on a theme (folded), past a limit of 1", "", Constraints{MaxParallelPerTheme: 1}, func() []*schedule.Session {
			return []*schedule.Session{
				themed(sess("A", "R1", "09:00", "10:00"), "Data Governance", ""),
				themed(sess("B", "R2", "09:30", "10:30"), "data  governance", ""),
				themed(sess("C", "R3", "09:30", "10:30"), "Inclusion", ""),
			}
		}, []string{`warning 3 parallel-theme theme: 2 sessions on theme "Data Governance" run at once, more than the 1 allowed: this one with A (row 2)`}},
		{"touching sessions do not run in parallel", "", Constraints{MaxParallelPerTheme: 1}, func() []*schedule.Session {
			return []*schedule.Session{themed(sess("A", "R1", "09:00", "10:00"), "AI", ""), themed(sess("B", "R2", "10:00", "11:00"), "AI", "")}
		}, nil},
		{"only overlapping intervals count: two short ones inside a long one", "", Constraints{MaxParallelPerTheme: 2}, func() []*schedule.Session {
			return []*schedule.Session{
				themed(sess("L", "R1", "09:00", "12:00"), "AI", ""),
				themed(sess("M", "R2", "09:30", "10:00"), "AI", ""),
				themed(sess("N", "R3", "10:00", "11:00"), "AI", ""),
				themed(sess("O", "R4", "11:00", "12:00"), "AI", ""),
			}
		}, nil},
		{"the same, with a limit of 1: each short one is reported", "", Constraints{MaxParallelPerTheme: 1}, func() []*schedule.Session {
			return []*schedule.Session{
				themed(sess("L", "R1", "09:00", "12:00"), "AI", ""),
				themed(sess("M", "R2", "09:30", "10:00"), "AI", ""),
				themed(sess("N", "R3", "10:00", "11:00"), "AI", ""),
			}
		}, []string{"warning 3 parallel-theme theme: 2 sessions", "warning 4 parallel-theme theme: 2 sessions"}},
		{"three at once past 2, subthemes and tags too", "", Constraints{MaxParallelPerTheme: 2}, func() []*schedule.Session {
			return []*schedule.Session{
				themed(sess("A", "R1", "09:00", "10:00"), "T1", "Sub", "youth", "gender"),
				themed(sess("B", "R2", "09:00", "10:00"), "T2", "Sub", "Youth"),
				themed(sess("C", "R3", "09:30", "10:30"), "T3", "sub", "YOUTH", "youth"),
				themed(sess("D", "R4", "09:45", "10:30"), "T4", "Other", "youth"),
			}
		}, []string{
			`warning 4 parallel-theme subtheme: 3 sessions on subtheme "Sub" run at once, more than the 2 allowed: this one with A (row 2) and B (row 3)`,
			`warning 4 parallel-theme tags: 3 sessions on tag "youth" run at once, more than the 2 allowed: this one with A (row 2) and B (row 3)`,
			`warning 5 parallel-theme tags: 4 sessions on tag "youth" run at once, more than the 2 allowed: this one with A (row 2), B (row 3) and C (row 4)`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row = 1
			p := &schedule.Programme{Profile: c.profile, Sessions: c.sessions()}
			var got []Finding
			for _, f := range Run(p, Options{Constraints: c.cons}) {
				if constraintRules[f.Rule] {
					got = append(got, f)
				}
			}
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

// TestConstraintSeverities: the new rules are warnings, raised, lowered
// and switched off like every rule.
func TestConstraintSeverities(t *testing.T) {
	row = 1
	p := &schedule.Programme{Sessions: []*schedule.Session{sess("A", "Room 1", "09:00", "10:00", "Ana"), sess("B", "Room 2", "10:05", "11:00", "Ana")}}
	cons := Constraints{MinChangeMinutes: 10}
	if e, w := Count(Run(p, Options{Constraints: cons})); e != 0 || w != 1 {
		t.Errorf("default: %d errors, %d warnings; want 0, 1", e, w)
	}
	if e, _ := Count(Run(p, Options{Constraints: cons, Error: []string{schedule.RuleTightChange}})); e != 1 {
		t.Errorf("--error tight-change: %d errors, want 1", e)
	}
	if fs := Run(p, Options{Constraints: cons, Ignore: []string{schedule.RuleTightChange}}); len(fs) != 0 {
		t.Errorf("--ignore tight-change kept %s", brief(fs))
	}
}

// TestConstraintsAsyncSameAsRun: checking on a goroutine finds what Run
// finds with every constraint on.
func TestConstraintsAsyncSameAsRun(t *testing.T) {
	row = 1
	cons := Constraints{MaxSessionsPerPerson: 3, MaxSessionsPerOrganization: 4, MinChangeMinutes: 45, MaxParallelPerTheme: 2}
	p := &schedule.Programme{}
	a := NewChecker(Options{Constraints: cons}).Async()
	for i := range 300 {
		s := sess(fmt.Sprintf("S%d", i), fmt.Sprintf("Room %d", i%7), fmt.Sprintf("%02d:00", 9+i%8), fmt.Sprintf("%02d:30", 9+i%8),
			fmt.Sprintf("Person %d, Director, Org %d, Government, African Group", i%37, i%9), fmt.Sprintf("Person %d, , Org %d, Civil Society, WEOG", (i+3)%40, i%5))
		s.Theme, s.Type = fmt.Sprintf("Theme %d", i%3), "Workshop"
		withGenders(s, "female", "female")
		p.Sessions = append(p.Sessions, s)
		a.Add(p, s)
	}
	got, want := brief(a.Finish(p)), brief(Run(p, Options{Constraints: cons}))
	for rule := range constraintRules {
		if !strings.Contains(want, rule) {
			t.Errorf("no %s finding", rule)
		}
	}
	if got != want {
		t.Errorf("async:\n%.2000s\nrun:\n%.2000s", got, want)
	}
}
