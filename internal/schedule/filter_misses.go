package schedule

import (
	"cmp"
	"slices"
	"strings"

	"github.com/docket-forum/docket/internal/vocab"
)

// Miss is a field of a Filter that on its own matches no session, with
// what the sessions have instead.
type Miss struct {
	Field string // "day", "room", "type" or "speaker"
	Value string // the filter's value
	// Close are the values the sessions have that Value likely meant,
	// best first; empty when none is close.
	Close []string
	// Some are a few of the values the sessions have, when none is
	// close: the commonest first (days in order); More counts the rest.
	Some []string
	More int
}

// maxClose is how many close values a Miss names; more than that are no
// suggestion ("Room Z" is one letter from every "Room X").
const maxClose = 3

// maxSome is how many of the values a Miss lists when none is close.
const maxSome = 5

// maxDays is how many days a Miss lists.
const maxDays = 10

// Misses returns, for each field of f that on its own matches none of ss,
// what the sessions have instead: an empty selection then says which
// filter was mistyped. Fields that match on their own but not together
// are no miss.
func (f Filter) Misses(ss []*Session) []Miss {
	var out []Miss
	if f.Day != "" && len((Filter{Day: f.Day, Loc: f.Loc}).Apply(ss)) == 0 {
		m := Miss{Field: "day", Value: f.Day}
		var days []string
		for _, s := range ss {
			if !s.Scheduled() {
				continue
			}
			loc := f.Loc
			if loc == nil {
				loc = s.Location()
			}
			if d := s.Start.In(loc).Format("2006-01-02"); !slices.Contains(days, d) {
				days = append(days, d)
			}
		}
		slices.Sort(days)
		m.Some, m.More = firstOf(days, maxDays)
		out = append(out, m)
	}
	if f.Room != "" && len((Filter{Room: f.Room}).Apply(ss)) == 0 {
		out = append(out, miss("room", f.Room, counts(ss, func(s *Session, add func(string)) { add(s.Room) }), vocab.SubstringDistance))
	}
	if f.Type != "" && len((Filter{Type: f.Type}).Apply(ss)) == 0 {
		out = append(out, miss("type", f.Type, counts(ss, func(s *Session, add func(string)) { add(s.Type) }), typeDistance))
	}
	if f.Speaker != "" && len((Filter{Speaker: f.Speaker}).Apply(ss)) == 0 {
		out = append(out, miss("speaker", f.Speaker, counts(ss, func(s *Session, add func(string)) {
			for _, p := range s.Roles {
				add(p.Name)
			}
		}), vocab.SubstringDistance))
	}
	return out
}

// typeDistance is how far a type filter (the whole type, compared folded)
// is from a session's type: a part of it ("open" of Open Forum) is close.
func typeDistance(want, have string, limit int) int {
	if len(want) >= 3 && strings.Contains(have, want) {
		return min(limit, 1)
	}
	return vocab.Distance(want, have, limit)
}

// valueCount is a value the sessions have and how many have it.
type valueCount struct {
	value string
	n     int
}

// counts are the distinct non-empty values each(s) adds over ss (one
// each person name folds to), commonest first, then by name.
func counts(ss []*Session, each func(*Session, func(string))) []valueCount {
	index := map[string]int{}
	var out []valueCount
	for _, s := range ss {
		each(s, func(v string) {
			v = strings.TrimSpace(v)
			k := PersonKey(v)
			if k == "" {
				return
			}
			if i, ok := index[k]; ok {
				out[i].n++
				return
			}
			index[k] = len(out)
			out = append(out, valueCount{v, 1})
		})
	}
	slices.SortStableFunc(out, func(a, b valueCount) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.value, b.value)
	})
	return out
}

// miss finds the values close to want (by dist on folded text, within a
// limit that grows with its length), or else lists a few.
func miss(field, want string, values []valueCount, dist func(want, have string, limit int) int) Miss {
	m := Miss{Field: field, Value: want}
	key := PersonKey(want)
	limit := min(3, max(1, len([]rune(key))/4))
	if len([]rune(key)) < 3 {
		limit = 0 // "K" is close to nothing; it just is not there
	}
	type scored struct {
		value string
		d, i  int
	}
	var near []scored
	for i, v := range values {
		if d := dist(key, PersonKey(v.value), limit); d <= limit && limit > 0 {
			near = append(near, scored{v.value, d, i})
		}
	}
	slices.SortStableFunc(near, func(a, b scored) int { return cmp.Compare(a.d, b.d) })
	// Only the best distance counts; too many at it is no suggestion.
	for i := range near {
		if near[i].d != near[0].d {
			near = near[:i]
			break
		}
	}
	if len(near) > 0 && len(near) <= maxClose {
		for _, c := range near {
			m.Close = append(m.Close, c.value)
		}
		return m
	}
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = v.value
	}
	m.Some, m.More = firstOf(names, maxSome)
	return m
}

// firstOf returns up to n of vs and how many it leaves out.
func firstOf(vs []string, n int) ([]string, int) {
	if len(vs) <= n {
		return vs, 0
	}
	return vs[:n], len(vs) - n
}
