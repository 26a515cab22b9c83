// Package report computes the programme at a glance: sessions by day, type,
// room and theme; speakers by stakeholder group, region and participation
// (counting people once however many sessions they speak in); SDG
// coverage; room use; and the sessions still owing their outcomes. The
// writers in package formats render what it computes.
package report

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// Report is the summary of a programme. Its JSON form is a contract for
// scripts (see the README).
type Report struct {
	Sessions        Sessions        `json:"sessions"`
	Speakers        Speakers        `json:"speakers"`
	SDGs            SDGs            `json:"sdgs"`
	Rooms           map[string]Room `json:"rooms"`
	MissingOutcomes []string        `json:"missing_outcomes"`
}

// Sessions counts sessions.
type Sessions struct {
	Total   int            `json:"total"`
	Hours   float64        `json:"hours"`
	ByDay   map[string]int `json:"by_day"`
	ByType  map[string]int `json:"by_type"`
	ByRoom  map[string]int `json:"by_room"`
	ByTheme map[string]int `json:"by_theme"`
}

// Speakers counts speaking appearances and unique people.
type Speakers struct {
	Appearances     int            `json:"appearances"`
	Unique          int            `json:"unique"`
	ByStakeholder   map[string]int `json:"by_stakeholder"`
	ByRegion        map[string]int `json:"by_region"`
	ByParticipation map[string]int `json:"by_participation"`
	// SingleStakeholder lists the sessions whose speakers (two or more)
	// all come from one stakeholder group; SingleRegion likewise.
	SingleStakeholder []string `json:"single_stakeholder_sessions"`
	SingleRegion      []string `json:"single_region_sessions"`
}

// SDGs counts sessions per SDG target and goal.
type SDGs struct {
	ByTarget       map[string]int `json:"by_target"`
	ByGoal         map[string]int `json:"by_goal"`
	UncoveredGoals []int          `json:"uncovered_goals"`
}

// Room is one room's use.
type Room struct {
	Sessions int `json:"sessions"`
	Minutes  int `json:"minutes"`
	// Utilisation is booked minutes over the venue's open minutes: per
	// day, from the day's first start to its last end anywhere.
	Utilisation float64 `json:"utilisation"`
}

// Compute summarises p. Days are read in loc; outcomes are owed by the
// sessions that ended before now.
func Compute(p *schedule.Programme, loc *time.Location, now time.Time) *Report {
	r := &Report{
		Sessions: Sessions{ByDay: map[string]int{}, ByType: map[string]int{}, ByRoom: map[string]int{}, ByTheme: map[string]int{}},
		Speakers: Speakers{ByStakeholder: map[string]int{}, ByRegion: map[string]int{}, ByParticipation: map[string]int{},
			SingleStakeholder: []string{}, SingleRegion: []string{}},
		SDGs:            SDGs{ByTarget: map[string]int{}, ByGoal: map[string]int{}, UncoveredGoals: []int{}},
		Rooms:           map[string]Room{},
		MissingOutcomes: []string{},
	}
	type person struct{ stakeholder, region, participation string }
	people := map[string]person{}
	dayOpen := map[string][2]time.Time{}
	for _, s := range p.Sessions {
		r.Sessions.Total++
		r.Sessions.Hours += float64(s.Minutes()) / 60
		if s.Scheduled() {
			day := s.Start.In(loc).Format("2006-01-02")
			r.Sessions.ByDay[day]++
			span := dayOpen[day]
			if span[0].IsZero() || s.Start.Before(span[0]) {
				span[0] = s.Start
			}
			if end := s.End; !end.IsZero() && end.After(span[1]) {
				span[1] = end
			}
			dayOpen[day] = span
		}
		r.Sessions.ByType[or(s.Type, "(none)")]++
		r.Sessions.ByRoom[or(s.Room, "(none)")]++
		r.Sessions.ByTheme[or(s.Theme, "(none)")]++
		if s.Room != "" {
			room := r.Rooms[s.Room]
			room.Sessions++
			room.Minutes += s.Minutes()
			r.Rooms[s.Room] = room
		}
		groups, regions := map[string]bool{}, map[string]bool{}
		for _, sp := range s.Speakers {
			r.Speakers.Appearances++
			key := schedule.PersonKey(sp.Name)
			if key == "" {
				continue
			}
			prev := people[key]
			// A person named twice keeps what any mention says.
			people[key] = person{or(prev.stakeholder, sp.Stakeholder), or(prev.region, sp.Region), or(prev.participation, sp.Participation)}
			groups[or(sp.Stakeholder, "?")] = true
			regions[or(sp.Region, "?")] = true
		}
		if len(s.Speakers) >= 2 && len(groups) == 1 && !groups["?"] {
			r.Speakers.SingleStakeholder = append(r.Speakers.SingleStakeholder, s.ID)
		}
		if len(s.Speakers) >= 2 && len(regions) == 1 && !regions["?"] {
			r.Speakers.SingleRegion = append(r.Speakers.SingleRegion, s.ID)
		}
		goals := map[string]bool{}
		for _, t := range s.SDGs {
			if !vocab.IsSDGTarget(t) {
				continue
			}
			r.SDGs.ByTarget[t]++
			goals[strings.SplitN(t, ".", 2)[0]] = true
		}
		for g := range goals {
			r.SDGs.ByGoal[g]++
		}
		if !s.End.IsZero() && s.End.Before(now) && (s.KeyTakeaways == "" || s.CallToAction == "" || s.Report == "") {
			r.MissingOutcomes = append(r.MissingOutcomes, s.ID)
		}
	}
	r.Speakers.Unique = len(people)
	for _, p := range people {
		r.Speakers.ByStakeholder[or(p.stakeholder, "(unknown)")]++
		r.Speakers.ByRegion[or(p.region, "(unknown)")]++
		r.Speakers.ByParticipation[or(p.participation, "(unknown)")]++
	}
	for g := 1; g <= 17; g++ {
		if r.SDGs.ByGoal[strconv.Itoa(g)] == 0 {
			r.SDGs.UncoveredGoals = append(r.SDGs.UncoveredGoals, g)
		}
	}
	open := 0
	for _, span := range dayOpen {
		if !span[1].IsZero() && span[1].After(span[0]) {
			open += int(span[1].Sub(span[0]) / time.Minute)
		}
	}
	for name, room := range r.Rooms {
		if open > 0 {
			room.Utilisation = float64(int(float64(room.Minutes)/float64(open)*1000+0.5)) / 1000
		}
		r.Rooms[name] = room
	}
	r.Sessions.Hours = float64(int(r.Sessions.Hours*100+0.5)) / 100
	slices.Sort(r.MissingOutcomes)
	return r
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
