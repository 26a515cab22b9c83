package schedule

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Sort orders sessions by start, then room, then id; unscheduled sessions
// come last. The sort is stable so equal sessions keep their input order.
func Sort(ss []*Session) {
	slices.SortStableFunc(ss, func(a, b *Session) int {
		if a.Scheduled() != b.Scheduled() {
			if a.Scheduled() {
				return -1
			}
			return 1
		}
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Room, b.Room); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// DayRange returns the first and last day (YYYY-MM-DD, in each session's
// own zone) of the scheduled sessions, or empty strings.
func DayRange(ss []*Session) (first, last string) {
	for _, s := range ss {
		if !s.Scheduled() {
			continue
		}
		d := s.Start.In(s.Location()).Format("2006-01-02")
		if first == "" || d < first {
			first = d
		}
		if d > last {
			last = d
		}
	}
	return first, last
}

// CommonZone returns the time zone most sessions are in (UTC when none
// names one): the programme's zone when no option gave it.
func CommonZone(ss []*Session) string {
	count := map[string]int{}
	for _, s := range ss {
		if s.Timezone != "" {
			count[s.Timezone]++
		}
	}
	return commonZone(count)
}

// commonZone picks the zone of most sessions from their counts; a tie
// goes to the first name in order.
func commonZone(count map[string]int) string {
	best := "UTC"
	for z, n := range count {
		if n > count[best] || (n == count[best] && z < best) {
			best = z
		}
	}
	return best
}

// Filter selects sessions. Zero fields select everything.
type Filter struct {
	Day     string         // YYYY-MM-DD in Loc
	Loc     *time.Location // zone the day is read in; nil = each session's own
	Room    string         // case-insensitive substring of the room
	Type    string         // session type, by name or alias
	Speaker string         // case- and accent-insensitive substring of any person's name
}

// Match reports whether s passes the filter.
func (f Filter) Match(s *Session) bool {
	if f.Day != "" {
		if !s.Scheduled() {
			return false
		}
		loc := f.Loc
		if loc == nil {
			loc = s.Location()
		}
		if s.Start.In(loc).Format("2006-01-02") != f.Day {
			return false
		}
	}
	if f.Room != "" && !strings.Contains(PersonKey(s.Room), PersonKey(f.Room)) {
		return false
	}
	if f.Type != "" && PersonKey(s.Type) != PersonKey(f.Type) {
		return false
	}
	if f.Speaker != "" {
		want, found := PersonKey(f.Speaker), false
		for _, p := range s.Roles {
			if strings.Contains(PersonKey(p.Name), want) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Apply returns the sessions that pass the filter.
func (f Filter) Apply(ss []*Session) []*Session {
	out := make([]*Session, 0, len(ss))
	for _, s := range ss {
		if f.Match(s) {
			out = append(out, s)
		}
	}
	return out
}
