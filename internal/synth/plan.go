package synth

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/docket-forum/docket/internal/vocab"
)

// sessionType is a session type as the generator uses it.
type sessionType struct {
	name     string // canonical name in the vocabulary
	prefix   string // id prefix: "WS #" gives "WS #12"
	minutes  []int  // lengths it may have, from the vocabulary
	speakers [2]int // fewest and most speakers
	formats  bool   // whether it names a format ("Panel - 90 Min")
	optMod   bool   // runs without a moderator half of the time
}

// types are the session types, by index. Their lengths come from the
// vocabulary; the tests check that every name is in it.
var types = []sessionType{
	{name: "Workshop", prefix: "WS #", speakers: [2]int{3, 5}, formats: true},
	{name: "Open Forum", prefix: "Open Forum #", speakers: [2]int{2, 5}, formats: true},
	{name: "Town Hall", prefix: "Town Hall #", speakers: [2]int{2, 4}, formats: true},
	{name: "Lightning Talk", prefix: "Lightning Talk #", speakers: [2]int{1, 2}, formats: true, optMod: true},
	{name: "Networking Session", prefix: "Networking Session #", speakers: [2]int{2, 3}, formats: true},
	{name: "Launch / Award", prefix: "LA-", speakers: [2]int{1, 3}, formats: true, optMod: true},
	{name: "Dynamic Coalition Session", prefix: "DC-", speakers: [2]int{3, 5}, formats: true},
	{name: "Best Practice Forum", prefix: "BPF-", speakers: [2]int{3, 5}, formats: true},
	{name: "Policy Network", prefix: "PN-", speakers: [2]int{3, 5}, formats: true},
	{name: "NRI Session", prefix: "NRI-", speakers: [2]int{3, 5}, formats: true},
	{name: "Main Session", prefix: "MAIN-", speakers: [2]int{4, 5}, formats: true},
	{name: "High-Level Session", prefix: "HL-", speakers: [2]int{4, 5}, formats: true},
	{name: "Parliamentary Track", prefix: "PARL-", speakers: [2]int{3, 5}, formats: true},
	{name: "Leadership Panel Session", prefix: "LP-", speakers: [2]int{3, 5}, formats: true},
	{name: "Open Mic / Taking Stock", prefix: "OM-", speakers: [2]int{2, 3}},
	{name: "Day 0 Event", prefix: "Day 0 Event #", speakers: [2]int{3, 5}, formats: true},
	{name: "Newcomers Session", prefix: "NEW-", speakers: [2]int{2, 3}, formats: true},
	{name: "Opening Ceremony", prefix: "OPEN-", speakers: [2]int{3, 4}, optMod: true},
	{name: "Closing Ceremony", prefix: "CLOSE-", speakers: [2]int{3, 4}, optMod: true},
}

// Indexes of the types the planner places itself.
const (
	typeOpening = 17
	typeClosing = 18
)

// weighted is a type index and its weight in a draw.
type weighted struct{ typ, weight int }

var (
	// dayZero is the mix of Day 0, in every room.
	dayZero = []weighted{{15, 70}, {16, 10}, {9, 20}}
	// plenary is the mix of the main hall on the main days.
	plenary = []weighted{{10, 40}, {11, 20}, {12, 10}, {13, 5}, {8, 10}, {7, 10}, {14, 5}}
	// parallel is the mix of the other rooms on the main days.
	parallel = []weighted{{0, 38}, {1, 18}, {2, 8}, {3, 9}, {4, 6}, {5, 5}, {6, 6}, {7, 2}, {8, 2}, {9, 3}}
)

func init() {
	if types[typeOpening].name != "Opening Ceremony" || types[typeClosing].name != "Closing Ceremony" {
		panic("synth: ceremony indexes are stale")
	}
	for i := range types {
		if t := vocab.Types().Get(types[i].name); t != nil {
			types[i].minutes = t.Minutes
		}
		if len(types[i].minutes) == 0 {
			types[i].minutes = []int{90} // the vocabulary leaves it open
		}
	}
}

func draw(r *rand.Rand, ws []weighted) int {
	total := 0
	for _, w := range ws {
		total += w.weight
	}
	k := r.IntN(total)
	for _, w := range ws {
		if k < w.weight {
			return w.typ
		}
		k -= w.weight
	}
	panic("unreachable")
}

// slot is one planned session: where, when and of which type. It is kept
// small because a million-row plan holds over a million of them.
type slot struct {
	room       int32
	start, dur uint16 // minutes after midnight, minutes
	day, typ   uint8
}

// plan is the schedule of a programme of n sessions.
type plan struct {
	ed    edition
	first time.Time // Day 0 at midnight UTC (only its date is used)
	slots []slot    // sorted by day, start and room
}

const (
	dayStart = 9 * 60
	dayEnd   = 18*60 + 30
	// perRoomDay underestimates the sessions one room holds in a day, so
	// that the rooms planned give more slots than needed and some stay
	// free, as in a real programme.
	perRoomDay = 4.5
)

// newPlan lays out n sessions over the edition's days: each room is filled
// from 09:00 with sessions of lengths its type allows and breaks between
// them, until 18:30; then n of those sessions are kept, spread evenly, so
// rooms have free slots and no two sessions in a room overlap.
func newPlan(n int, seed int64) *plan {
	ed := editions[uint64(seed)%uint64(len(editions))]
	first, err := time.Parse(time.DateOnly, ed.firstDay)
	if err != nil {
		panic(err)
	}
	p := &plan{ed: ed, first: first}
	if n <= 0 {
		return p
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x706c616e)) // "plan"
	rooms := max(1, int(float64(n)/(eventDays*perRoomDay)+0.999))
	var all []slot
	for {
		all = all[:0]
		for day := range eventDays {
			for room := range rooms {
				all = fillRoomDay(r, all, day, room)
			}
		}
		if len(all) >= n {
			break
		}
		rooms += rooms/10 + 1
	}
	// Selection sampling (Knuth's algorithm S): keep n of the slots, each
	// with the same chance, in order.
	p.slots = make([]slot, 0, n)
	for i, s := range all {
		if r.IntN(len(all)-i) < n-len(p.slots) {
			p.slots = append(p.slots, s)
		}
	}
	slices.SortFunc(p.slots, func(a, b slot) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.start, b.start), cmp.Compare(a.room, b.room))
	})
	return p
}

// fillRoomDay appends one room's sessions of one day.
func fillRoomDay(r *rand.Rand, all []slot, day, room int) []slot {
	mix := parallel
	switch {
	case day == 0:
		mix = dayZero
	case room == 0:
		mix = plenary
	}
	end := dayEnd
	closing := room == 0 && day == eventDays-1
	if closing {
		end -= 60 // leave the last hour for the closing ceremony
	}
	at := dayStart + 15*r.IntN(3)
	for {
		typ := draw(r, mix)
		if room == 0 && day == 1 && at < dayStart+45 {
			typ = typeOpening
		}
		t := &types[typ]
		dur := t.minutes[r.IntN(len(t.minutes))]
		if at+dur > end {
			break
		}
		all = append(all, slot{room: int32(room), start: uint16(at), dur: uint16(dur), day: uint8(day), typ: uint8(typ)})
		at += dur + breakAfter(r, typ, at+dur)
	}
	if closing {
		all = append(all, slot{room: 0, start: uint16(min(at, end)), dur: 60, day: uint8(day), typ: typeClosing})
	}
	return all
}

// breakAfter is the pause after a session that ends at the given minute:
// an hour for lunch, short after a lightning talk, else 15 or 30 minutes.
func breakAfter(r *rand.Rand, typ, end int) int {
	switch {
	case end >= 12*60 && end < 13*60+30 && r.IntN(2) == 0:
		return 60
	case types[typ].name == "Lightning Talk":
		return 10
	case r.IntN(3) == 0:
		return 15
	}
	return 30
}

// roomName is the name of room i: the IGF 2023 rooms first, then numbered
// workshop rooms.
func roomName(i int) string {
	if i < len(fixedRooms) {
		return fixedRooms[i]
	}
	return fmt.Sprintf("WS %d – Room %c-%d", i+1, 'A'+rune(i/10%26), i%10+1)
}
