package summary

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

// readSample reads testdata/sample.csv through the Builder directly (this
// package may not import formats).
func readSample(t *testing.T) *schedule.Programme {
	t.Helper()
	data, err := os.ReadFile("../../testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	prog := &schedule.Programme{}
	b, err := schedule.NewBuilder(prog, schedule.Options{File: "sample.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Read(csvRows(t, data)); err != nil {
		t.Fatal(err)
	}
	return prog
}

// TestSampleCounts: the numbers on the sample match counts made by hand
// (with Python's csv module over sample.csv: 48 rows, days 26/22, 13
// "Workshop" + 1 "WS", 6 "Open Forum" + 1 "OF", 161 speaker lines naming
// 158 people once case, accents and spaces are folded).
func TestSampleCounts(t *testing.T) {
	p := readSample(t)
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	r := Compute(p, tokyo, time.Date(2023, 10, 12, 0, 0, 0, 0, time.UTC))
	checks := []struct {
		what      string
		got, want int
	}{
		{"total", r.Sessions.Total, 48},
		{"day 1", r.Sessions.ByDay["2023-10-10"], 26},
		{"day 2", r.Sessions.ByDay["2023-10-11"], 22},
		{"workshops", r.Sessions.ByType["Workshop"], 14},
		{"open forums", r.Sessions.ByType["Open Forum"], 7},
		{"appearances", r.Speakers.Appearances, 161},
		{"unique speakers", r.Speakers.Unique, 158},
		// Formats without their "- 90 Min" suffix: 10+8... counted with
		// Python over the format column.
		{"panels", r.Sessions.ByFormat["Panel"], 14},
		{"round tables", r.Sessions.ByFormat["Round Table"], 13},
		{"no format", r.Sessions.ByFormat["(none)"], 2},
		// Every session has an on-site and an online moderator and a
		// rapporteur, all different people.
		{"moderator appearances", r.Moderators.Appearances, 96},
		{"unique moderators", r.Moderators.Unique, 96},
		{"rapporteurs", r.Rapporteurs.Unique, 48},
		// Main Hall: 5 sessions, 375 minutes on 10 October, when the venue
		// is open 09:00-18:00 (540 minutes); 360 of 585 on the 11th.
		{"main hall day 1 sessions", r.Rooms["Main Hall"].ByDay["2023-10-10"].Sessions, 5},
		{"main hall day 1 minutes", r.Rooms["Main Hall"].ByDay["2023-10-10"].Minutes, 375},
		{"main hall day 1 utilisation ‰", int(r.Rooms["Main Hall"].ByDay["2023-10-10"].Utilisation * 1000), 694},
		{"main hall day 2 utilisation ‰", int(r.Rooms["Main Hall"].ByDay["2023-10-11"].Utilisation * 1000), 615},
		{"room I day 2 utilisation ‰", int(r.Rooms["Room I"].ByDay["2023-10-11"].Utilisation * 1000), 308},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
		}
	}
	sum := 0
	for _, n := range r.Speakers.ByStakeholder {
		sum += n
	}
	if sum != r.Speakers.Unique {
		t.Errorf("people by stakeholder add up to %d, not %d unique people", sum, r.Speakers.Unique)
	}
	// OF168's goals are covered; every target counted is a real one.
	for _, g := range []string{"9", "16", "17"} {
		if r.SDGs.ByGoal[g] == 0 {
			t.Errorf("goal %s uncovered", g)
		}
	}
	if r.SDGs.ByTarget["16.7"] == 0 || slices.Contains(r.SDGs.UncoveredGoals, 16) {
		t.Errorf("SDGs: %+v", r.SDGs)
	}
	for name, room := range r.Rooms {
		if room.Utilisation <= 0 || room.Utilisation > 1 {
			t.Errorf("room %s utilisation %v", name, room.Utilisation)
		}
	}
	// Before the forum nothing is owed; after it, the sessions without
	// key takeaways are.
	if early := Compute(p, tokyo, time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)); len(early.MissingOutcomes) != 0 {
		t.Errorf("outcomes owed before the forum: %v", early.MissingOutcomes)
	}
	if len(r.MissingOutcomes) == 0 || slices.Contains(r.MissingOutcomes, "Open Forum #168") {
		t.Errorf("missing outcomes after the forum: %v (OF168 has all three)", r.MissingOutcomes)
	}
}

// TestGender: genders come from a gender column (one per speaker, or one
// for all) and count people once; without one there is no by_gender.
func TestGender(t *testing.T) {
	csv := "id,title,speakers,speaker gender,onsite moderator\n" +
		"A,One,\"Ana Lima; Bo Chen\",\"F; M\",Ana Lima\n" +
		"B,Two,\"ana lima; Chris Doe\",\"woman; nb\",\n" +
		"C,Three,Dee Roy,,\n"
	prog := &schedule.Programme{}
	b, err := schedule.NewBuilder(prog, schedule.Options{File: "g.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Read(csvRows(t, []byte(csv))); err != nil {
		t.Fatal(err)
	}
	r := Compute(prog, time.UTC, time.Now())
	want := map[string]int{"female": 1, "male": 1, "non-binary": 1, "(unknown)": 1}
	if !maps.Equal(r.Speakers.ByGender, want) {
		t.Errorf("by gender = %v, want %v", r.Speakers.ByGender, want)
	}
	if r.Speakers.Appearances != 5 || r.Speakers.Unique != 4 {
		t.Errorf("speakers %d/%d, want 5 appearances by 4 people", r.Speakers.Appearances, r.Speakers.Unique)
	}
	if r.Moderators.ByGender != nil {
		t.Errorf("moderators by gender without a gender: %v", r.Moderators.ByGender)
	}
	if p := readSample(t); Compute(p, time.UTC, time.Now()).Speakers.ByGender != nil {
		t.Error("the sample has no gender column, yet by_gender is set")
	}
}

// TestBusiest: the people in the most sessions and the organisations of
// the most appearances, as the sample has them.
func TestBusiest(t *testing.T) {
	r := Compute(readSample(t), time.UTC, time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC))
	if len(r.BusiestPeople) != 10 || len(r.BusiestOrganizations) != 10 {
		t.Fatalf("%d people, %d organisations", len(r.BusiestPeople), len(r.BusiestOrganizations))
	}
	var people []string
	for _, c := range r.BusiestPeople[:4] {
		people = append(people, fmt.Sprintf("%s %d", c.Name, c.Count))
	}
	if got := strings.Join(people, ", "); got != "Ana Silva 2, José Núñez 2, Nguyễn Thị Lan 2, Søren Ødegård 2" {
		t.Errorf("busiest people: %s", got)
	}
	if o := r.BusiestOrganizations; o[0] != (Count{"UN DESA", 9}) || o[1] != (Count{"UNESCO", 9}) || o[2] != (Count{"UNICEF", 7}) {
		t.Errorf("busiest organisations: %v", o[:3])
	}
}

// TestRoomCapacity: a room's capacity, as the programme's rooms give it,
// against its sessions' expected attendance.
func TestRoomCapacity(t *testing.T) {
	at := time.Date(2023, 10, 11, 9, 0, 0, 0, time.UTC)
	s := func(id, room, attendance string) *schedule.Session {
		return &schedule.Session{ID: id, Room: room, Start: at, End: at.Add(time.Hour),
			Extra: []schedule.Extra{{Name: "Expected attendance", Value: attendance}}}
	}
	p := &schedule.Programme{
		Sessions: []*schedule.Session{s("A", "Room A", "81"), s("B", "Room A", "40"), s("C", "room a", "80"), s("D", "Hall", "500")},
		Rooms:    []schedule.RoomInfo{{Name: "Room A", Capacity: 80}},
	}
	r := Compute(p, time.UTC, at)
	a := r.Rooms["Room A"]
	if a.Capacity != 80 || a.Fill != 1.013 || strings.Join(a.OverCapacity, ",") != "A" {
		t.Errorf("Room A: %+v", a)
	}
	if h := r.Rooms["Hall"]; h.Capacity != 0 || h.OverCapacity != nil {
		t.Errorf("a room without a capacity: %+v", h)
	}
}
