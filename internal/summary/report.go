// Package summary computes the programme at a glance: sessions by day, type,
// room and theme; speakers by stakeholder group, region and participation
// (counting people once however many sessions they speak in); SDG
// coverage; room use; and the sessions still owing their outcomes. The
// renderers in package formats/summaryview draw what it computes.
package summary

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
	Moderators      People          `json:"moderators"`
	Rapporteurs     People          `json:"rapporteurs"`
	SDGs            SDGs            `json:"sdgs"`
	Rooms           map[string]Room `json:"rooms"`
	MissingOutcomes []string        `json:"missing_outcomes"`
	// Busiest are the ten people in the most sessions (as speaker,
	// moderator or rapporteur) and the ten organisations of the most
	// appearances, most first; added after the first release.
	BusiestPeople        []Count `json:"busiest_people"`
	BusiestOrganizations []Count `json:"busiest_organizations"`
}

// Count is a name and how often it appears.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// topTen is the ten largest counts, most first, then by name.
func topTen(m map[string]int, names map[string]string) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{names[k], n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out[:min(10, len(out))]
}

// Sessions counts sessions.
type Sessions struct {
	Total    int            `json:"total"`
	Hours    float64        `json:"hours"`
	ByDay    map[string]int `json:"by_day"`
	ByType   map[string]int `json:"by_type"`
	ByFormat map[string]int `json:"by_format"`
	ByRoom   map[string]int `json:"by_room"`
	ByTheme  map[string]int `json:"by_theme"`
}

// People counts the appearances of people in one capacity (speaker,
// moderator, rapporteur) and the people themselves, each once however
// many sessions they appear in, by group. ByGender is present only when
// the input tells genders.
type People struct {
	Appearances     int            `json:"appearances"`
	Unique          int            `json:"unique"`
	ByStakeholder   map[string]int `json:"by_stakeholder"`
	ByRegion        map[string]int `json:"by_region"`
	ByParticipation map[string]int `json:"by_participation"`
	ByGender        map[string]int `json:"by_gender,omitempty"`
}

// Speakers counts speakers, and the sessions whose panel lacks diversity.
type Speakers struct {
	People
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

// Room is one room's use, over the programme and per day.
type Room struct {
	Sessions int `json:"sessions"`
	Minutes  int `json:"minutes"`
	// Utilisation is booked minutes over the venue's open minutes: per
	// day, from the day's first start to its last end anywhere.
	Utilisation float64            `json:"utilisation"`
	ByDay       map[string]RoomDay `json:"by_day"`
	// Capacity is the room's from a Rooms sheet or [[rooms]] (0: not
	// given); Fill is the largest expected attendance of its sessions
	// over it, and OverCapacity the sessions expecting more. Added after
	// the first release.
	Capacity     int      `json:"capacity,omitempty"`
	Fill         float64  `json:"fill,omitempty"`
	OverCapacity []string `json:"over_capacity,omitempty"`
}

// RoomDay is a room's use on one day (YYYY-MM-DD).
type RoomDay struct {
	Sessions    int     `json:"sessions"`
	Minutes     int     `json:"minutes"`
	Utilisation float64 `json:"utilisation"`
}

// Compute summarises p. Days are read in loc; outcomes are owed by the
// sessions that ended before now.
func Compute(p *schedule.Programme, loc *time.Location, now time.Time) *Report {
	r := &Report{
		Sessions:        Sessions{ByDay: map[string]int{}, ByType: map[string]int{}, ByFormat: map[string]int{}, ByRoom: map[string]int{}, ByTheme: map[string]int{}},
		Speakers:        Speakers{SingleStakeholder: []string{}, SingleRegion: []string{}},
		SDGs:            SDGs{ByTarget: map[string]int{}, ByGoal: map[string]int{}, UncoveredGoals: []int{}},
		Rooms:           map[string]Room{},
		MissingOutcomes: []string{},
	}
	speakers, moderators, rapporteurs := counter{}, counter{}, counter{}
	dayOpen := map[string][2]time.Time{}
	perPerson, personNames := map[string]int{}, map[string]string{}
	perOrg, orgNames := map[string]int{}, map[string]string{}
	for _, s := range p.Sessions {
		r.Sessions.Total++
		seen := map[string]bool{}
		onStage := append([]*schedule.Person{s.OnsiteModerator, s.OnlineModerator, s.Rapporteur}, nil)
		for i := range s.Speakers {
			onStage = append(onStage, &s.Speakers[i])
		}
		for _, pp := range onStage {
			if pp == nil || schedule.PersonKey(pp.Name) == "" || seen[schedule.PersonKey(pp.Name)] {
				continue
			}
			k := schedule.PersonKey(pp.Name)
			seen[k] = true
			perPerson[k]++
			if personNames[k] == "" {
				personNames[k] = pp.Name
			}
			if o := strings.TrimSpace(pp.Organization); o != "" {
				ok := strings.ToLower(strings.Join(strings.Fields(o), " "))
				perOrg[ok]++
				if orgNames[ok] == "" {
					orgNames[ok] = o
				}
			}
		}
		r.Sessions.Hours += float64(s.Minutes()) / 60
		day := ""
		if s.Scheduled() {
			day = s.Start.In(loc).Format("2006-01-02")
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
		r.Sessions.ByFormat[or(s.Format, "(none)")]++
		r.Sessions.ByRoom[or(s.Room, "(none)")]++
		r.Sessions.ByTheme[or(s.Theme, "(none)")]++
		if s.Room != "" {
			room := r.Rooms[s.Room]
			room.Sessions++
			room.Minutes += s.Minutes()
			if day != "" {
				if room.ByDay == nil {
					room.ByDay = map[string]RoomDay{}
				}
				rd := room.ByDay[day]
				rd.Sessions++
				rd.Minutes += s.Minutes()
				room.ByDay[day] = rd
			}
			r.Rooms[s.Room] = room
		}
		groups, regions := map[string]bool{}, map[string]bool{}
		for _, sp := range s.Speakers {
			speakers.add(sp)
			groups[or(sp.Stakeholder, "?")] = true
			regions[or(sp.Region, "?")] = true
		}
		if len(s.Speakers) >= 2 && len(groups) == 1 && !groups["?"] {
			r.Speakers.SingleStakeholder = append(r.Speakers.SingleStakeholder, s.ID)
		}
		if len(s.Speakers) >= 2 && len(regions) == 1 && !regions["?"] {
			r.Speakers.SingleRegion = append(r.Speakers.SingleRegion, s.ID)
		}
		for _, m := range []*schedule.Person{s.OnsiteModerator, s.OnlineModerator} {
			if m != nil {
				moderators.add(*m)
			}
		}
		if s.Rapporteur != nil {
			rapporteurs.add(*s.Rapporteur)
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
	r.Speakers.People = speakers.summary()
	r.Moderators = moderators.summary()
	r.Rapporteurs = rapporteurs.summary()
	for g := 1; g <= 17; g++ {
		if r.SDGs.ByGoal[strconv.Itoa(g)] == 0 {
			r.SDGs.UncoveredGoals = append(r.SDGs.UncoveredGoals, g)
		}
	}
	open, openByDay := 0, map[string]int{}
	for day, span := range dayOpen {
		if !span[1].IsZero() && span[1].After(span[0]) {
			openByDay[day] = int(span[1].Sub(span[0]) / time.Minute)
			open += openByDay[day]
		}
	}
	for name, room := range r.Rooms {
		room.Utilisation = share(room.Minutes, open)
		if room.ByDay == nil {
			room.ByDay = map[string]RoomDay{}
		}
		for day, rd := range room.ByDay {
			rd.Utilisation = share(rd.Minutes, openByDay[day])
			room.ByDay[day] = rd
		}
		r.Rooms[name] = room
	}
	r.Sessions.Hours = float64(int(r.Sessions.Hours*100+0.5)) / 100
	slices.Sort(r.MissingOutcomes)
	r.capacities(p)
	r.BusiestPeople, r.BusiestOrganizations = topTen(perPerson, personNames), topTen(perOrg, orgNames)
	return r
}

// capacities sets each room's capacity, as the programme's rooms give it,
// against its sessions' expected attendance.
func (r *Report) capacities(p *schedule.Programme) {
	if len(p.Rooms) == 0 {
		return
	}
	capacity := map[string]int{}
	for _, ri := range p.Rooms {
		if k := vocab.Fold(ri.Name); ri.Capacity > 0 && capacity[k] == 0 {
			capacity[k] = ri.Capacity
		}
	}
	largest := map[string]int{}
	for _, s := range p.Sessions {
		c := capacity[vocab.Fold(s.Room)]
		if s.Room == "" || c == 0 {
			continue
		}
		n, ok := schedule.ExpectedAttendance(s)
		if !ok {
			continue
		}
		largest[s.Room] = max(largest[s.Room], n)
		if n > c {
			room := r.Rooms[s.Room]
			room.OverCapacity = append(room.OverCapacity, s.ID)
			r.Rooms[s.Room] = room
		}
	}
	for name, room := range r.Rooms {
		if c := capacity[vocab.Fold(name)]; c > 0 {
			room.Capacity = c
			room.Fill = share(largest[name], c)
			slices.Sort(room.OverCapacity)
			r.Rooms[name] = room
		}
	}
}

// share is n over of, rounded to three places; 0 when of is 0.
func share(n, of int) float64 {
	if of <= 0 {
		return 0
	}
	return float64(int(float64(n)/float64(of)*1000+0.5)) / 1000
}

// counter gathers the people of one capacity, each once: a person named
// in several sessions keeps what any mention says of them.
type counter struct {
	appearances int
	people      map[string]schedule.Person
}

func (c *counter) add(p schedule.Person) {
	c.appearances++
	key := schedule.PersonKey(p.Name)
	if key == "" {
		return
	}
	if c.people == nil {
		c.people = map[string]schedule.Person{}
	}
	prev := c.people[key]
	c.people[key] = schedule.Person{
		Stakeholder:   or(prev.Stakeholder, p.Stakeholder),
		Region:        or(prev.Region, p.Region),
		Participation: or(prev.Participation, p.Participation),
		Gender:        or(prev.Gender, p.Gender),
	}
}

func (c *counter) summary() People {
	out := People{Appearances: c.appearances, Unique: len(c.people),
		ByStakeholder: map[string]int{}, ByRegion: map[string]int{}, ByParticipation: map[string]int{}}
	gendered := false
	for _, p := range c.people {
		out.ByStakeholder[or(p.Stakeholder, "(unknown)")]++
		out.ByRegion[or(p.Region, "(unknown)")]++
		out.ByParticipation[or(p.Participation, "(unknown)")]++
		gendered = gendered || p.Gender != ""
	}
	if gendered {
		out.ByGender = map[string]int{}
		for _, p := range c.people {
			out.ByGender[or(p.Gender, "(unknown)")]++
		}
	}
	return out
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
