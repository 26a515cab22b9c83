package validate

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// Constraints are an event's limits for the constraint rules, from
// [constraints] in docket.toml. A zero limit leaves its rule finding
// nothing, unless the programme's profile has a default: the igf profile
// has the IGF 2023 workshop criteria's (3 speakers for a Workshop, and
// more than one gender among them).
type Constraints struct {
	MaxSessionsPerPerson       int            // person-overbooked
	MaxSessionsPerOrganization int            // organization-overbooked
	MinChangeMinutes           int            // tight-change
	MaxParallelPerTheme        int            // parallel-theme
	MinSpeakers                map[string]int // too-few-speakers: session type → fewest speakers, over the profile's
	SingleGender               *bool          // single-gender: every type (true), none (false), or nil: the profile's
}

// The igf profile's defaults are the minimum criteria of the IGF 2023
// Workshop Submission and Review Process (stage 1, initial screening),
// https://www.intgovforum.org/en/content/igf-2023-workshop-submission-and-review-process

// igfMinSpeakers: "The proposal must have at least 3 provisionally
// confirmed speakers".
var igfMinSpeakers = map[string]int{"Workshop": 3}

// igfSingleGender: "one speaker should be of a different gender from the
// rest of the speakers".
var igfSingleGender = []string{"Workshop"}

// noTime is the start and end of a person's or organisation's session
// that has no time: it sorts after every timed one.
const noTime = math.MaxInt64

// typeRules are the per-session constraints of a profile.
type typeRules struct {
	minSpeakers map[string]int  // folded canonical type → fewest speakers
	igfMin      map[string]bool // types whose minimum is the igf profile's
	genderAll   bool            // single-gender checks every type
	gender      map[string]bool // the types single-gender checks, when not all
	genderIGF   bool            // ... because the igf profile does
	byType      map[string]typeRule
	igf         bool // types are matched through the IGF's vocabulary (WS is Workshop)
}

// typeRule is what the constraints ask of a session of one type.
type typeRule struct {
	minSpeakers int
	minIGF      bool // the minimum is the igf profile's default
	gender      bool
	genderIGF   bool
}

// key folds a session type; the igf profile's aliases name their type.
// A generic programme keeps its own words, as its reader does.
func (tr *typeRules) key(t string) string {
	if tr.igf {
		t = vocab.Types().Canonical(t)
	}
	return vocab.Fold(t)
}

func newTypeRules(cons Constraints, igf bool) *typeRules {
	tr := &typeRules{minSpeakers: map[string]int{}, igfMin: map[string]bool{}, gender: map[string]bool{}, byType: map[string]typeRule{}, igf: igf}
	if igf {
		for t, n := range igfMinSpeakers {
			tr.minSpeakers[tr.key(t)] = n
			tr.igfMin[tr.key(t)] = true
		}
	}
	for t, n := range cons.MinSpeakers {
		tr.minSpeakers[tr.key(t)] = n
		delete(tr.igfMin, tr.key(t))
	}
	switch {
	case cons.SingleGender != nil:
		tr.genderAll = *cons.SingleGender
	case igf:
		for _, t := range igfSingleGender {
			tr.gender[tr.key(t)] = true
		}
		tr.genderIGF = true
	}
	return tr
}

// of returns the rule for a session type, remembered by its spelling.
func (tr *typeRules) of(typ string) typeRule {
	if r, ok := tr.byType[typ]; ok {
		return r
	}
	k := tr.key(typ)
	r := typeRule{minSpeakers: tr.minSpeakers[k], minIGF: tr.igfMin[k], gender: tr.genderAll || tr.gender[k], genderIGF: !tr.genderAll && tr.genderIGF}
	if len(tr.byType) < 10000 { // a free-text type column must not grow it without end
		tr.byType[strings.Clone(typ)] = r
	}
	return r
}

// dict numbers values compared after folding (organisations, themes):
// each spelling's number, and the first spelling of each folded value.
type dict struct {
	ids   map[string]int32 // spelling → number
	keys  map[string]int32 // folded → number
	names []string         // number → first spelling
}

func (d *dict) id(spelling string) int32 {
	if id, ok := d.ids[spelling]; ok {
		return id
	}
	if d.ids == nil {
		d.ids, d.keys = map[string]int32{}, map[string]int32{}
	}
	spelling = strings.Clone(spelling)
	k := vocab.Fold(spelling)
	id, ok := d.keys[k]
	if !ok {
		id = int32(len(d.names))
		d.keys[k] = id
		d.names = append(d.names, spelling)
	}
	d.ids[spelling] = id
	return id
}

// sessionConstraints runs the constraint rules that look at one session:
// too-few-speakers and single-gender.
func (c *Checker) sessionConstraints(s *schedule.Session) {
	tr := c.igfTypes
	if c.generic {
		tr = c.genericTypes
	}
	r := tr.of(s.Type)
	if n := len(s.Speakers); r.minSpeakers > 0 && n < r.minSpeakers {
		hint := "add speakers, or change constraints.min-speakers in docket.toml"
		if r.minIGF {
			hint = fmt.Sprintf("the IGF 2023 workshop criteria ask for at least %d speakers (docket rules too-few-speakers); constraints.min-speakers changes it", r.minSpeakers)
		}
		c.at(s, schedule.RuleTooFewSpeakers, schedule.FieldSpeakers,
			fmt.Sprintf("the session has %d %s; a session of type %s needs at least %d", n, plural(n, "speaker", "speakers"), s.Type, r.minSpeakers), hint)
	}
	if r.gender && len(s.Speakers) >= 2 {
		if g := oneGender(s.Speakers); g != "" {
			hint := "constraints.single-gender asks for speakers of more than one gender"
			if r.genderIGF {
				hint = "the IGF 2023 workshop criteria ask for one speaker of a different gender from the rest (docket rules single-gender)"
			}
			c.at(s, schedule.RuleSingleGender, schedule.FieldSpeakers,
				fmt.Sprintf("all %d speakers are %s", len(s.Speakers), g), hint)
		}
	}
}

// oneGender returns the gender all persons share, or "" when they have
// several or one of them has none known.
func oneGender(ps []schedule.Person) string {
	g := ""
	for i := range ps {
		pg := knownGender(ps[i].Gender)
		if pg == "" || (g != "" && pg != g) {
			return ""
		}
		g = pg
	}
	return g
}

// knownGender returns a gender as female, male or non-binary, or "" when
// it is none of these (empty, "prefer not to say").
func knownGender(g string) string {
	switch g {
	case "female", "male", "non-binary", "":
		return g
	}
	switch g = schedule.ParseGender(g); g {
	case "female", "male", "non-binary":
		return g
	}
	return ""
}

// addConstraintKeys keeps what the cross-row constraint rules need of
// session s (number i): its speakers' organisations and its themes.
func (c *Checker) addConstraintKeys(s *schedule.Session, i int32, timed bool, start, end int64) {
	if c.opts.Constraints.MaxSessionsPerOrganization > 0 {
		var buf [8]int32
		seen := buf[:0]
		for j := range s.Speakers {
			org := s.Speakers[j].Organization
			if strings.TrimSpace(org) == "" {
				continue
			}
			k := c.orgNames.id(org)
			if slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
			c.orgs.add(interval{key: k, who: k, start: start, end: end, ref: i})
		}
	}
	if !timed || c.opts.Constraints.MaxParallelPerTheme <= 0 {
		return
	}
	if s.Theme != "" {
		c.topics.add(interval{key: c.themeNames.id(s.Theme), start: start, end: end, ref: i, role: c.role(schedule.FieldTheme)})
	}
	if s.Subtheme != "" {
		c.topics.add(interval{key: c.subthemeNames.id(s.Subtheme), start: start, end: end, ref: i, role: c.role(schedule.FieldSubtheme)})
	}
	var buf [8]int32
	seen := buf[:0]
	for _, t := range s.Tags {
		if strings.TrimSpace(t) == "" {
			continue
		}
		k := c.tagNames.id(t)
		if slices.Contains(seen, k) {
			continue
		}
		seen = append(seen, k)
		c.topics.add(interval{key: k, start: start, end: end, ref: i, role: c.role(schedule.FieldTags)})
	}
}

// refList names the sessions of list, up to three, for a message on
// self; total is how many there are: "A (row 2), B (row 3), C (row 4) and
// 2 more".
func (c *Checker) refList(self *ref, list []interval, total int) string {
	list = list[:min(len(list), 3)]
	var b strings.Builder
	for i, x := range list {
		switch {
		case i == 0:
		case i == len(list)-1 && total == len(list):
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		o := c.refs.at(int(x.ref))
		fmt.Fprintf(&b, "%s (%s)", cmp.Or(o.id, "a session without id"), where(o, self))
	}
	if total > len(list) {
		fmt.Fprintf(&b, " and %d more", total-len(list))
	}
	return b.String()
}

// overbooked reports every interval of g (one person's or organisation's,
// sorted by start) past the max-th, with those before it.
func overbooked(g []interval, max int, report func(x interval, before []interval)) {
	for k := max; k < len(g); k++ {
		report(g[k], g[:k])
	}
}

func (c *Checker) personOverbooked(g []interval, max int) {
	overbooked(g, max, func(x interval, before []interval) {
		r := c.refs.at(int(x.ref))
		c.atRef(r, schedule.RulePersonOverbooked, c.rolesOf[x.role],
			fmt.Sprintf("%s is in %d sessions, more than the %d allowed; by start, this one comes after %s",
				c.names[x.who].spelling, len(g), max, c.refList(r, before, len(before))),
			"give one of the sessions to someone else, or raise constraints.max-sessions-per-person")
	})
}

// organizationOverbooked counts the sessions of each organisation first,
// and sorts only those of the organisations past the limit.
func (c *Checker) organizationOverbooked() {
	max := c.opts.Constraints.MaxSessionsPerOrganization
	if max <= 0 {
		return
	}
	iv := c.orgs.flat()
	counts := make([]int32, len(c.orgNames.names))
	for _, x := range iv {
		counts[x.key]++
	}
	over := iv[:0]
	for _, x := range iv {
		if int(counts[x.key]) > max {
			over = append(over, x)
		}
	}
	sortIntervals(over)
	eachGroup(over, func(g []interval) {
		overbooked(g, max, func(x interval, before []interval) {
			r := c.refs.at(int(x.ref))
			c.atRef(r, schedule.RuleOrganizationOverbooked, schedule.FieldSpeakers,
				fmt.Sprintf("%s has speakers in %d sessions, more than the %d allowed; by start, this one comes after %s",
					c.orgNames.names[x.key], len(g), max, c.refList(r, before, len(before))),
				"ask another organisation to speak, or raise constraints.max-sessions-per-organization")
		})
	})
}

// roomKey returns the folded room's number of a session, or -1.
func (c *Checker) roomKey(r *ref) int32 {
	if r.room == "" {
		return -1
	}
	return c.names[c.nameIDs[r.room]].keyID
}

// tightChanges reports a person's session (g: theirs, timed, sorted by
// start) that starts less than the change time after the latest end
// before it, in another room. Overlaps are person-overlap's.
func (c *Checker) tightChanges(g []interval) {
	if len(g) < 2 {
		return
	}
	need := int64(c.opts.Constraints.MinChangeMinutes) * 60
	open := g[0] // the session with the latest end so far
	for _, x := range g[1:] {
		if gap := x.start - open.end; gap >= 0 && gap < need {
			a, b := c.refs.at(int(open.ref)), c.refs.at(int(x.ref))
			if ra, rb := c.roomKey(a), c.roomKey(b); ra >= 0 && rb >= 0 && ra != rb {
				c.atRef(b, schedule.RuleTightChange, c.rolesOf[x.role],
					fmt.Sprintf("%s has %s from %s (%s) in %s to this session in %s; a change of room needs %d",
						c.names[x.who].spelling, fmt.Sprintf("%d %s", gap/60, plural(int(gap/60), "minute", "minutes")), a.id, where(a, b), a.room, b.room, need/60),
					"leave more time between the sessions, or hold them in one room (constraints.min-change-minutes)")
			}
		}
		if x.end > open.end {
			open = x
		}
	}
}

// parallelThemes sweeps each theme's, subtheme's and tag's sessions in
// order of start, keeping the ends of those running in a heap: a session
// that starts while max others run is reported.
func (c *Checker) parallelThemes() {
	max := c.opts.Constraints.MaxParallelPerTheme
	if max <= 0 {
		return
	}
	iv := c.topics.flat()
	slices.SortFunc(iv, func(a, b interval) int {
		return cmp.Or(cmp.Compare(a.role, b.role), cmp.Compare(a.key, b.key), cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.ref, b.ref))
	})
	var running endHeap
	for i := 0; i < len(iv); {
		j := i + 1
		for j < len(iv) && iv[j].role == iv[i].role && iv[j].key == iv[i].key {
			j++
		}
		g := iv[i:j]
		i = j
		if len(g) <= max {
			continue
		}
		running = running[:0]
		for _, x := range g {
			for len(running) > 0 && running[0].end <= x.start {
				running.pop()
			}
			if len(running) >= max {
				c.parallelTheme(x, running)
			}
			running.push(x)
		}
	}
}

func (c *Checker) parallelTheme(x interval, running []interval) {
	f := c.rolesOf[x.role]
	names, what := c.themeNames.names, "theme"
	switch f {
	case schedule.FieldSubtheme:
		names, what = c.subthemeNames.names, "subtheme"
	case schedule.FieldTags:
		names, what = c.tagNames.names, "tag"
	}
	// The three of the others that come first in the input.
	var first [3]interval
	n := 0
	for _, y := range running {
		k := n
		for k > 0 && first[k-1].ref > y.ref {
			k--
		}
		if k < 3 {
			copy(first[k+1:min(n+1, 3)], first[k:])
			first[k] = y
			n = min(n+1, 3)
		}
	}
	r := c.refs.at(int(x.ref))
	c.atRef(r, schedule.RuleParallelTheme, f,
		fmt.Sprintf("%d sessions on %s %q run at once, more than the %d allowed: this one with %s",
			len(running)+1, what, names[x.key], c.opts.Constraints.MaxParallelPerTheme, c.refList(r, first[:n], len(running))),
		"move a session to another time (constraints.max-parallel-per-theme)")
}

// endHeap is a min-heap of intervals by end.
type endHeap []interval

func (h *endHeap) push(x interval) {
	*h = append(*h, x)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if s[p].end <= s[i].end {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
}

func (h *endHeap) pop() {
	s := *h
	n := len(s) - 1
	s[0] = s[n]
	s = s[:n]
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < n && s[l].end < s[m].end {
			m = l
		}
		if r := l + 1; r < n && s[r].end < s[m].end {
			m = r
		}
		if m == i {
			break
		}
		s[m], s[i] = s[i], s[m]
		i = m
	}
	*h = s
}
