package schedule

import (
	"slices"
	"testing"
	"time"
)

func at(t *testing.T, zone, s string) time.Time {
	t.Helper()
	tm, err := time.ParseInLocation("2006-01-02 15:04", s, mustLoc(t, zone))
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func ids(ss []*Session) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

func TestSort(t *testing.T) {
	ss := []*Session{
		{ID: "U2"},
		{ID: "B", Room: "Room B", Start: at(t, "Asia/Tokyo", "2023-10-11 09:00")},
		{ID: "A2", Room: "Room A", Start: at(t, "Asia/Tokyo", "2023-10-11 09:00")},
		{ID: "U1"},
		{ID: "A1", Room: "Room A", Start: at(t, "Asia/Tokyo", "2023-10-11 09:00")},
		// The same instant written in another zone sorts with the others.
		{ID: "UTC", Room: "Room 0", Start: at(t, "UTC", "2023-10-11 00:00")},
		{ID: "EARLY", Room: "Room Z", Start: at(t, "Europe/Berlin", "2023-10-10 23:00")},
		{ID: "LATE", Room: "Room A", Start: at(t, "Asia/Tokyo", "2023-10-12 08:00")},
	}
	Sort(ss)
	want := []string{"EARLY", "UTC", "A1", "A2", "B", "LATE", "U1", "U2"} // unscheduled last, by id
	if got := ids(ss); !slices.Equal(got, want) {
		t.Errorf("Sort = %q, want %q", got, want)
	}
}

func TestDayRange(t *testing.T) {
	tests := []struct {
		name        string
		ss          []*Session
		first, last string
	}{
		{"none", nil, "", ""},
		{"unscheduled only", []*Session{{ID: "U"}}, "", ""},
		{
			"days in each session's own zone",
			[]*Session{
				{Timezone: "Asia/Tokyo", Start: at(t, "UTC", "2023-10-10 23:30")}, // 11 Oct in Tokyo
				{Timezone: "UTC", Start: at(t, "UTC", "2023-10-12 10:00")},
				{},
			},
			"2023-10-11", "2023-10-12",
		},
		{
			"unknown zone reads as UTC",
			[]*Session{{Timezone: "Mars/Base", Start: at(t, "UTC", "2023-10-10 23:30")}},
			"2023-10-10", "2023-10-10",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, last := DayRange(tt.ss)
			if first != tt.first || last != tt.last {
				t.Errorf("DayRange = %q, %q, want %q, %q", first, last, tt.first, tt.last)
			}
		})
	}
}

func TestFilter(t *testing.T) {
	ss := []*Session{
		{
			ID: "OF168", Type: "Open Forum", Room: "WS 7 – Room K", Timezone: "Asia/Tokyo",
			Start:           at(t, "Asia/Tokyo", "2023-10-11 17:45"),
			Speakers:        []Person{{Name: "Valeriya Ionan"}, {Name: "Mark Irura"}},
			OnsiteModerator: &Person{Name: "Aishwarya Salvi"},
		},
		{
			ID: "WS1", Type: "Workshop", Room: "Main Hall", Timezone: "Asia/Tokyo",
			Start:      at(t, "Asia/Tokyo", "2023-10-12 08:00"),
			Organizers: []Person{{Name: "Aïcha Diallo"}},
			Rapporteur: &Person{Name: "Philipp Schulte"},
		},
		{ID: "U", Type: "Workshop", Room: "Room K"},
	}
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"zero selects all", Filter{}, []string{"OF168", "WS1", "U"}},
		{"day in the session's zone", Filter{Day: "2023-10-11"}, []string{"OF168"}},
		{"day in another zone", Filter{Day: "2023-10-11", Loc: mustLoc(t, "America/Los_Angeles")}, []string{"OF168", "WS1"}},
		{"day excludes unscheduled", Filter{Day: "2023-10-12"}, []string{"WS1"}},
		{"room substring, any case", Filter{Room: "room k"}, []string{"OF168", "U"}},
		{"room en dash", Filter{Room: "7 – Room"}, []string{"OF168"}},
		{"type by name", Filter{Type: "workshop"}, []string{"WS1", "U"}},
		{"type exact, not a substring", Filter{Type: "Work"}, nil},
		{"speaker substring", Filter{Speaker: "irura"}, []string{"OF168"}},
		{"moderator counts as a speaker", Filter{Speaker: "Salvi"}, []string{"OF168"}},
		{"rapporteur and accents", Filter{Speaker: "schulte"}, []string{"WS1"}},
		{"organizer without accents", Filter{Speaker: "aicha"}, []string{"WS1"}},
		{"combined", Filter{Type: "Workshop", Room: "Hall"}, []string{"WS1"}},
		{"nobody", Filter{Speaker: "Nobody"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(tt.f.Apply(ss))
			if len(got) == 0 {
				got = nil
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Apply = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSessionHelpers(t *testing.T) {
	s := &Session{
		ID: "X", Timezone: "Asia/Tokyo",
		Start:           at(t, "Asia/Tokyo", "2023-10-11 17:45"),
		End:             at(t, "Asia/Tokyo", "2023-10-11 18:45"),
		Organizers:      []Person{{Name: "O"}},
		Speakers:        []Person{{Name: "S1"}, {Name: "S2"}},
		OnlineModerator: &Person{Name: "M"},
		Rapporteur:      &Person{Name: "R"},
		Extra:           []Extra{{Name: "Notes", Value: "n"}},
		Cols:            map[Field]string{FieldRoom: "Venue"},
	}
	if !s.Scheduled() || s.Minutes() != 60 {
		t.Errorf("Scheduled %v Minutes %d, want true 60", s.Scheduled(), s.Minutes())
	}
	if s.Location().String() != "Asia/Tokyo" {
		t.Errorf("Location = %v", s.Location())
	}
	if got := (&Session{Timezone: "Mars/Base"}).Location(); got != time.UTC {
		t.Errorf("unknown zone Location = %v, want UTC", got)
	}
	if (&Session{Start: s.Start}).Minutes() != 0 {
		t.Error("Minutes without an end is not 0")
	}
	if s.Column(FieldRoom) != "Venue" || s.Column(FieldTitle) != "title" {
		t.Errorf("Column = %q, %q, want Venue, title", s.Column(FieldRoom), s.Column(FieldTitle))
	}
	if s.ExtraValue("Notes") != "n" || s.ExtraValue("Missing") != "" {
		t.Error("ExtraValue is wrong")
	}
	var got []string
	for f, p := range s.Roles {
		got = append(got, string(f)+":"+p.Name)
	}
	want := []string{"organizers:O", "speakers:S1", "speakers:S2", "online_moderator:M", "rapporteur:R"}
	if !slices.Equal(got, want) {
		t.Errorf("Roles = %q, want %q", got, want)
	}
	// Stopping early stops.
	n := 0
	for range s.Roles {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("Roles did not stop at break")
	}
	// Roles gives pointers into the session: a change sticks.
	for _, p := range s.Roles {
		p.Email = "x@example.org"
	}
	if s.Speakers[1].Email != "x@example.org" || s.Rapporteur.Email != "x@example.org" {
		t.Error("Roles does not yield the session's own persons")
	}
}
