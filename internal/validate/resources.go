package validate

// The rules of rooms and availability: over-capacity and
// missing-equipment compare a session's expected attendance and needs
// with what the Rooms sheet says of its room; person-unavailable and
// room-unavailable compare the sessions' times with the Availability
// sheet's windows, sorted per person or room and searched, never pairwise.
// A room marked shared is left alone by room-overlap.

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// extraKind is what an extra column of a session holds for these rules.
type extraKind uint8

const (
	extraOther extraKind = iota
	extraAttendance
	extraNeeds
)

// kindOf sorts out an extra column's header: "Expected attendance",
// "expected_attendance", "Expected audience" hold the attendance;
// "Needs", "Requirements", "Room needs" the needs. ("Attendance" alone is
// the participation field's header: on-site or online.)
func kindOf(header string) extraKind {
	if schedule.IsAttendanceHeader(header) {
		return extraAttendance
	}
	switch schedule.NormalizeHeader(header) {
	case "needs", "requirements", "roomneeds", "roomrequirements", "technicalneeds", "technicalrequirements", "techneeds":
		return extraNeeds
	}
	return extraOther
}

// demand is what a session asks of its room.
type demand struct {
	ref        int32
	attendance int // -1 when not given
	needs      []string
	attCol     string
	needsCol   string
	room       string
}

// zone returns a copy of a zone name, one per name.
func (c *Checker) zone(z string) string {
	if z == "" {
		return ""
	}
	if v, ok := c.zones[z]; ok {
		return v
	}
	v := strings.Clone(z)
	c.zones[v] = v
	return v
}

// demand keeps a session's expected attendance and needs, when it has
// them; an attendance that is no number is reported at once.
func (c *Checker) demand(s *schedule.Session, i int, room string) {
	d := demand{ref: int32(i), attendance: -1, room: room}
	found := false
	for _, e := range s.Extra {
		k, ok := c.extraKinds[e.Name]
		if !ok {
			k = kindOf(e.Name)
			c.extraKinds[strings.Clone(e.Name)] = k
		}
		v := strings.TrimSpace(e.Value)
		if k == extraOther || v == "" {
			continue
		}
		switch k {
		case extraAttendance:
			n, err := schedule.ParseCount(v)
			if err != nil {
				c.add(schedule.RuleOverCapacity, s.Src, e.Name, s.ID,
					fmt.Sprintf("expected attendance %q is not a number", v), "write a number of persons, e.g. 120")
				continue
			}
			d.attendance, d.attCol, found = n, strings.Clone(e.Name), true
		case extraNeeds:
			for _, n := range schedule.SplitList(v) {
				d.needs = append(d.needs, strings.Clone(n))
			}
			d.needsCol, found = strings.Clone(e.Name), true
		}
	}
	if found && room != "" {
		c.demands.add(d)
	}
}

// resources takes a programme's rooms and availability windows.
func (c *Checker) resources(p *schedule.Programme) {
	c.roomInfo = append(c.roomInfo, p.Rooms...)
	c.windows = append(c.windows, p.Availability...)
}

// roomsByKey returns the rooms by folded name; the first of a name wins.
func (c *Checker) roomsByKey() map[string]*schedule.RoomInfo {
	m := make(map[string]*schedule.RoomInfo, len(c.roomInfo))
	for i := range c.roomInfo {
		k := vocab.Fold(c.roomInfo[i].Name)
		if _, ok := m[k]; !ok {
			m[k] = &c.roomInfo[i]
		}
	}
	return m
}

// roomFacts runs over-capacity and missing-equipment.
func (c *Checker) roomFacts() {
	if len(c.roomInfo) == 0 {
		return
	}
	rooms := c.roomsByKey()
	for i := range c.demands.len() {
		d := c.demands.at(i)
		room := rooms[vocab.Fold(d.room)]
		if room == nil {
			continue
		}
		r := c.refs.at(int(d.ref))
		if d.attendance >= 0 && room.Capacity > 0 && d.attendance > room.Capacity {
			c.add(schedule.RuleOverCapacity, r.src, d.attCol, r.id,
				fmt.Sprintf("expected attendance %d is above the capacity of %s (%d)", d.attendance, room.Name, room.Capacity),
				"move the session to a larger room, or check the expected attendance")
		}
		var lacks []string
		for _, n := range d.needs {
			if !slices.ContainsFunc(room.Features, func(f string) bool { return vocab.Fold(f) == vocab.Fold(n) }) {
				lacks = append(lacks, n)
			}
		}
		if len(lacks) > 0 {
			has := "no features listed"
			if len(room.Features) > 0 {
				has = "it has " + strings.Join(room.Features, ", ")
			}
			c.add(schedule.RuleMissingEquipment, r.src, d.needsCol, r.id,
				fmt.Sprintf("the session needs %s, which %s lacks (%s)", strings.Join(lacks, ", "), room.Name, has),
				"move the session to a room that has it, or add it to the room's features")
		}
	}
}

// unshared leaves out the intervals of rooms marked shared.
func (c *Checker) unshared(rooms []interval) []interval {
	shared := map[int32]bool{}
	for _, r := range c.roomInfo {
		if r.Shared {
			if k, ok := c.keyIDs[vocab.Fold(r.Name)]; ok {
				shared[k] = true
			}
		}
	}
	if len(shared) == 0 {
		return rooms
	}
	out := make([]interval, 0, len(rooms))
	for _, x := range rooms {
		if !shared[x.key] {
			out = append(out, x)
		}
	}
	return out
}

// windowSet is the windows of one person or room: the unavailable ones
// sorted by start with the running latest end (and whose it is), and the
// available ones merged into disjoint spans.
type windowSet struct {
	off     []*schedule.Window
	maxEnd  []int64
	maxAt   []int
	on      []span
	onWhere []string
}

type span struct{ from, to int64 }

// windowSets groups the windows by the folded name of who they are for.
// A name no session uses is passed over.
func (c *Checker) windowSets() map[int32]*windowSet {
	sets := map[int32]*windowSet{}
	for i := range c.windows {
		w := &c.windows[i]
		k, ok := c.keyIDs[vocab.Fold(w.Who)]
		if !ok {
			continue
		}
		ws := sets[k]
		if ws == nil {
			ws = &windowSet{}
			sets[k] = ws
		}
		if w.Available {
			ws.on = append(ws.on, span{w.From.Unix(), w.To.Unix()})
			ws.onWhere = append(ws.onWhere, w.Where)
		} else {
			ws.off = append(ws.off, w)
		}
	}
	for _, ws := range sets {
		slices.SortStableFunc(ws.off, func(a, b *schedule.Window) int { return a.From.Compare(b.From) })
		ws.maxEnd, ws.maxAt = make([]int64, len(ws.off)), make([]int, len(ws.off))
		for i, w := range ws.off {
			ws.maxEnd[i], ws.maxAt[i] = w.To.Unix(), i
			if i > 0 && ws.maxEnd[i-1] >= ws.maxEnd[i] {
				ws.maxEnd[i], ws.maxAt[i] = ws.maxEnd[i-1], ws.maxAt[i-1]
			}
		}
		// Available spans that overlap or touch are one: a session may
		// run from one into the next.
		slices.SortFunc(ws.on, func(a, b span) int { return cmp.Compare(a.from, b.from) })
		merged := ws.on[:0]
		for _, s := range ws.on {
			if n := len(merged); n > 0 && s.from <= merged[n-1].to {
				merged[n-1].to = max(merged[n-1].to, s.to)
				continue
			}
			merged = append(merged, s)
		}
		ws.on = merged
	}
	return sets
}

// offAt returns an unavailable window overlapping [start, end), or nil.
func (ws *windowSet) offAt(start, end int64) *schedule.Window {
	n := sort.Search(len(ws.off), func(i int) bool { return ws.off[i].From.Unix() >= end })
	if n > 0 && ws.maxEnd[n-1] > start {
		return ws.off[ws.maxAt[n-1]]
	}
	return nil
}

// within reports whether [start, end) lies in one available span; true
// when there are none (then nothing limits the person or room).
func (ws *windowSet) within(start, end int64) bool {
	if len(ws.on) == 0 {
		return true
	}
	i := sort.Search(len(ws.on), func(i int) bool { return ws.on[i].from > start }) - 1
	return i >= 0 && ws.on[i].to >= end
}

// unavailable runs room-unavailable and person-unavailable.
func (c *Checker) unavailable(rooms, persons []interval) {
	if len(c.windows) == 0 {
		return
	}
	sets := c.windowSets()
	if len(sets) == 0 {
		return
	}
	check := func(iv []interval, rule, hint string) {
		for _, x := range iv {
			ws := sets[x.key]
			if ws == nil {
				continue
			}
			r := c.refs.at(int(x.ref))
			who := c.names[x.who].spelling
			loc := time.UTC
			if r.zone != "" {
				if l, err := schedule.LoadLocation(r.zone); err == nil {
					loc = l
				}
			}
			when := spanText(time.Unix(x.start, 0), time.Unix(x.end, 0), loc)
			if w := ws.offAt(x.start, x.end); w != nil {
				c.atRef(r, rule, c.rolesOf[x.role],
					fmt.Sprintf("%s is unavailable %s (%s), and the session is %s", who, spanText(w.From, w.To, loc), w.Where, when), hint)
			} else if !ws.within(x.start, x.end) {
				c.atRef(r, rule, c.rolesOf[x.role],
					fmt.Sprintf("%s is available only at the times given (%s), and the session is %s, outside them", who, listWheres(ws.onWhere), when), hint)
			}
		}
	}
	check(rooms, schedule.RuleRoomUnavailable, "move the session to another room or time")
	check(persons, schedule.RulePersonUnavailable, "move the session, or ask whether they can come then")
}

// spanText writes a span in loc: "09:00-12:00 on 2023-10-11", or with
// both dates when it runs over midnight.
func spanText(from, to time.Time, loc *time.Location) string {
	from, to = from.In(loc), to.In(loc)
	if from.Format("2006-01-02") == to.Format("2006-01-02") || to.Equal(time.Date(from.Year(), from.Month(), from.Day()+1, 0, 0, 0, 0, loc)) && !to.Equal(from) {
		end := to.Format("15:04")
		if end == "00:00" && !to.Equal(from) {
			end = "24:00"
		}
		return fmt.Sprintf("%s-%s on %s", from.Format("15:04"), end, from.Format("2006-01-02"))
	}
	return fmt.Sprintf("%s to %s", from.Format("2006-01-02 15:04"), to.Format("2006-01-02 15:04"))
}

// listWheres names up to three windows and how many more there are.
func listWheres(ws []string) string {
	if len(ws) <= 3 {
		return strings.Join(ws, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ws[:3], ", "), len(ws)-3)
}
