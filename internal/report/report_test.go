package report

import (
	"os"
	"slices"
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
