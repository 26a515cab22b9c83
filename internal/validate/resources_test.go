package validate

import (
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

// withNeeds gives a session an expected attendance and needs, as extra
// columns.
func withNeeds(s *schedule.Session, attendance, needs string) *schedule.Session {
	if attendance != "" {
		s.Extra = append(s.Extra, schedule.Extra{Name: "Expected attendance", Value: attendance})
	}
	if needs != "" {
		s.Extra = append(s.Extra, schedule.Extra{Name: "Needs", Value: needs})
	}
	return s
}

func window(who, from, to string, available bool) schedule.Window {
	return schedule.Window{Who: who, From: at(from), To: at(to), Available: available, Where: "Availability row 9"}
}

func TestResourceRules(t *testing.T) {
	rooms := []schedule.RoomInfo{
		{Name: "Room A", Capacity: 80, Features: []string{"Streaming", "interprétation"}},
		{Name: "Village", Shared: true},
		{Name: "Hall", Capacity: 0},
	}
	cases := []struct {
		name     string
		sessions []*schedule.Session
		windows  []schedule.Window
		want     []string // "rule row column: message substring", in order
	}{
		{"exactly at capacity is fine", []*schedule.Session{withNeeds(sess("A", "room a", "09:00", "10:00"), "80", "")}, nil, nil},
		{"one over capacity", []*schedule.Session{withNeeds(sess("A", "Room A", "09:00", "10:00"), "81", "")}, nil,
			[]string{"over-capacity Expected attendance: expected attendance 81 is above the capacity of Room A (80)"}},
		{"a room without a capacity is not judged", []*schedule.Session{withNeeds(sess("A", "Hall", "09:00", "10:00"), "5000", "")}, nil, nil},
		{"a room not listed is not judged", []*schedule.Session{withNeeds(sess("A", "Attic", "09:00", "10:00"), "5000", "booth")}, nil, nil},
		{"attendance that is no number", []*schedule.Session{withNeeds(sess("A", "Room A", "09:00", "10:00"), "about 50", "")}, nil,
			[]string{`over-capacity Expected attendance: expected attendance "about 50" is not a number`}},
		{"needs folded against features", []*schedule.Session{withNeeds(sess("A", "Room A", "09:00", "10:00"), "", "streaming; Interpretation")}, nil, nil},
		{"missing equipment names every need missing", []*schedule.Session{withNeeds(sess("A", "Room A", "09:00", "10:00"), "", "streaming, captioning, booth")}, nil,
			[]string{"missing-equipment Needs: the session needs captioning, booth, which Room A lacks (it has Streaming, interprétation)"}},
		{"shared room exempt from room-overlap", []*schedule.Session{sess("A", "Village", "09:00", "10:00"), sess("B", "village", "09:30", "10:30")}, nil, nil},
		{"unshared room still overlaps", []*schedule.Session{sess("A", "Room A", "09:00", "10:00"), sess("B", "Room A", "09:30", "10:30")}, nil,
			[]string{"room-overlap Venue: Room A is booked by A"}},
		{"window touching the session's end is no overlap", []*schedule.Session{sess("A", "Room A", "09:00", "10:00", "Ana Lima")},
			[]schedule.Window{window("Ana Lima", "10:00", "11:00", false), window("ana  lima", "08:00", "09:00", false)}, nil},
		{"person unavailable", []*schedule.Session{sess("A", "Room A", "09:00", "10:00", "Ana Lima")},
			[]schedule.Window{window("ana lima", "09:59", "11:00", false)},
			[]string{"person-unavailable speakers: Ana Lima is unavailable 09:59-11:00 on 2023-10-11 (Availability row 9), and the session is 09:00-10:00 on 2023-10-11"}},
		{"a long early window found past a later short one", []*schedule.Session{sess("A", "Room A", "15:00", "16:00", "Ana Lima")},
			[]schedule.Window{window("Ana Lima", "08:00", "18:00", false), window("Ana Lima", "09:00", "09:30", false), window("Ana Lima", "12:00", "12:30", false)},
			[]string{"person-unavailable speakers: Ana Lima is unavailable 08:00-18:00"}},
		{"moderator outside available windows", []*schedule.Session{moderated(sess("A", "Room A", "12:30", "13:30", "Ana Lima"), "Cara Diaz")},
			[]schedule.Window{window("Cara Diaz", "09:00", "13:00", true)},
			[]string{"person-unavailable onsite_moderator: Cara Diaz is available only at the times given (Availability row 9), and the session is 12:30-13:30 on 2023-10-11, outside them"}},
		{"available windows that touch are one", []*schedule.Session{sess("A", "Room A", "12:30", "13:30", "Ana Lima")},
			[]schedule.Window{window("Ana Lima", "09:00", "13:00", true), window("Ana Lima", "13:00", "14:00", true)}, nil},
		{"room unavailable", []*schedule.Session{sess("A", "Room A", "09:00", "10:00")},
			[]schedule.Window{window("ROOM A", "09:30", "12:00", false)},
			[]string{"room-unavailable Venue: Room A is unavailable 09:30-12:00 on 2023-10-11 (Availability row 9)"}},
		{"shared room still has its availability", []*schedule.Session{sess("A", "Village", "09:00", "10:00")},
			[]schedule.Window{window("Village", "10:00", "18:00", true)},
			[]string{"room-unavailable Venue: Village is available only at the times given"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &schedule.Programme{Sessions: c.sessions, Rooms: rooms, Availability: c.windows}
			var got []string
			for _, f := range Run(p, Options{Ignore: []string{schedule.RuleNoModerator, schedule.RuleSingleStakeholder}}) {
				got = append(got, f.Rule+" "+f.Column+": "+f.Message)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("finding %d:\n got %s\nwant %s…", i, got[i], c.want[i])
				}
			}
		})
	}
}

// TestUnavailableSweep: many windows and sessions are checked by sorting
// and searching; each session overlapping a window is found once.
func TestUnavailableSweep(t *testing.T) {
	base := at("00:00")
	var ss []*schedule.Session
	var ws []schedule.Window
	for i := range 2000 {
		s := sess("S", "Room A", "", "", "Ana Lima")
		s.ID = "S" + time.Duration(i).String()
		s.Start = base.Add(time.Duration(i) * time.Hour)
		s.End = s.Start.Add(30 * time.Minute)
		ss = append(ss, s)
		if i%10 == 0 {
			// 15 minutes into every tenth session
			ws = append(ws, schedule.Window{Who: "Ana Lima", From: s.Start.Add(15 * time.Minute), To: s.Start.Add(45 * time.Minute)})
		}
	}
	p := &schedule.Programme{Sessions: ss, Availability: ws}
	n := 0
	for _, f := range Run(p, Options{}) {
		if f.Rule == schedule.RulePersonUnavailable {
			n++
		}
	}
	if n != 200 {
		t.Errorf("%d person-unavailable findings, want 200", n)
	}
}
