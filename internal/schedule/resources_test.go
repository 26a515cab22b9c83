package schedule

import (
	"strings"
	"testing"
	"time"
)

func TestReadRooms(t *testing.T) {
	prog := &Programme{}
	err := ReadRooms(prog, sheet(
		[]string{"Room", "Seats", "Equipment", "Shared"},
		[]string{"Room A", "120", "interpretation; streaming", "no"},
		[]string{"", "", "", ""},
		[]string{"Village", "", "", "yes"},
		[]string{"Attic", "lots", "", "maybe"},
	), Options{File: "p.xlsx", Sheet: "Rooms"})
	if err != nil {
		t.Fatal(err)
	}
	if len(prog.Rooms) != 3 {
		t.Fatalf("rooms: %+v", prog.Rooms)
	}
	a := prog.Rooms[0]
	if a.Name != "Room A" || a.Capacity != 120 || strings.Join(a.Features, "|") != "interpretation|streaming" || a.Shared || a.Src.Row != 2 {
		t.Errorf("Room A: %+v", a)
	}
	if !prog.Rooms[1].Shared || prog.Rooms[1].Capacity != 0 {
		t.Errorf("Village: %+v", prog.Rooms[1])
	}
	var got []string
	for _, p := range prog.Problems {
		got = append(got, p.Rule+" "+p.Column+" "+p.Message)
	}
	want := []string{
		`over-capacity Seats Attic: capacity "lots" is not a number of seats`,
		`room-overlap Shared Attic: shared "maybe" is not yes or no; the room is taken as not shared`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err := ReadRooms(&Programme{}, sheet([]string{"Seats"}, []string{"3"}), Options{File: "p.xlsx", Sheet: "Rooms"}); err == nil || err.Error() != "p.xlsx:Rooms:1: a Rooms sheet needs a name column" {
		t.Errorf("no name column: %v", err)
	}
}

func TestReadAvailability(t *testing.T) {
	prog := &Programme{Timezone: "Asia/Tokyo"}
	err := ReadAvailability(prog, sheet(
		[]string{"Who", "From", "Until", "Status"},
		[]string{"Ana Lima", "2023-10-11 09:00", "2023-10-11 12:00", ""},
		[]string{"Room B", "2023-10-12", "2023-10-12", "available"},
		[]string{"Ben", "tomorrow", "2023-10-11 12:00", ""},
		[]string{"Cy", "2023-10-11 12:00", "2023-10-11 11:00", ""},
		[]string{"Di", "2023-10-11 09:00", "2023-10-11 10:00", "maybe"},
	), Options{File: "p.xlsx", Sheet: "Availability"})
	if err != nil {
		t.Fatal(err)
	}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	if len(prog.Availability) != 2 {
		t.Fatalf("windows: %+v", prog.Availability)
	}
	w := prog.Availability[0]
	if w.Who != "Ana Lima" || w.Available || !w.From.Equal(time.Date(2023, 10, 11, 9, 0, 0, 0, tokyo)) || !w.To.Equal(time.Date(2023, 10, 11, 12, 0, 0, 0, tokyo)) || w.Where != "Availability row 2" {
		t.Errorf("Ana: %+v", w)
	}
	// A day alone runs from its start to its end.
	w = prog.Availability[1]
	if !w.Available || !w.From.Equal(time.Date(2023, 10, 12, 0, 0, 0, 0, tokyo)) || !w.To.Equal(time.Date(2023, 10, 13, 0, 0, 0, 0, tokyo)) {
		t.Errorf("Room B: %+v", w)
	}
	var got []string
	for _, p := range prog.Problems {
		got = append(got, p.Rule+" "+p.Column+" "+p.Message)
	}
	if len(got) != 3 || !strings.HasPrefix(got[0], `bad-time From Ben: from "tomorrow" cannot be read`) ||
		got[1] != `bad-time Until Cy: the window ends (2023-10-11 11:00) before it starts (2023-10-11 12:00)` ||
		got[2] != `person-unavailable Status Di: status "maybe" is neither unavailable nor available; the row is not used` {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
}

func TestSideSheetNames(t *testing.T) {
	for name, want := range map[string]bool{"Rooms": true, "Availability": true, "Speakers": true, "Sessions": false, "Room": false, "Programme": false} {
		if got := IsSideSheetName(name); got != want {
			t.Errorf("IsSideSheetName(%q) = %v", name, got)
		}
	}
}
