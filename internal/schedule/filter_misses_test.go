package schedule

import (
	"reflect"
	"testing"
	"time"
)

func TestFilterMisses(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	at := func(day string) time.Time {
		d, _ := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", tokyo)
		return d
	}
	ss := []*Session{
		{ID: "1", Type: "Workshop", Room: "WS 7 – Room K", Timezone: "Asia/Tokyo", Start: at("2023-10-10"), Speakers: []Person{{Name: "José Núñez"}}},
		{ID: "2", Type: "Workshop", Room: "WS 2 – Room F", Timezone: "Asia/Tokyo", Start: at("2023-10-11"), Speakers: []Person{{Name: "Haruka Sato"}}},
		{ID: "3", Type: "Open Forum", Room: "Main Hall", Timezone: "Asia/Tokyo", Start: at("2023-10-12"), OnsiteModerator: &Person{Name: "Kwame Mensah"}},
		{ID: "4", Type: "Town Hall", Room: "Room A", Timezone: "Asia/Tokyo", Start: at("2023-10-12")},
		{ID: "5", Type: "Lightning Talk", Room: "Room B", Timezone: "Asia/Tokyo", Start: at("2023-10-12")},
		{ID: "6", Type: "Launch", Room: "Room C", Timezone: "Asia/Tokyo", Start: at("2023-10-12")},
		{ID: "7", Type: "Networking", Room: "Room D", Timezone: "Asia/Tokyo", Start: at("2023-10-12")},
		{ID: "8", Type: "Main Session", Room: "Room E", Timezone: "Asia/Tokyo", Start: at("2023-10-12")},
	}
	cases := []struct {
		name string
		f    Filter
		want []Miss
	}{
		{"all match", Filter{Type: "Workshop", Room: "room k", Speaker: "jose nunez"}, nil},
		{"match apart, not together", Filter{Type: "Open Forum", Room: "Room K"}, nil},
		{"type typo", Filter{Type: "Worksop"}, []Miss{{Field: "type", Value: "Worksop", Close: []string{"Workshop"}}}},
		{"type in part", Filter{Type: "lightning"}, []Miss{{Field: "type", Value: "lightning", Close: []string{"Lightning Talk"}}}},
		{"type far", Filter{Type: "Banquet"}, []Miss{{Field: "type", Value: "Banquet",
			Some: []string{"Workshop", "Launch", "Lightning Talk", "Main Session", "Networking"}, More: 2}}},
		{"room typo", Filter{Room: "Roon K"}, []Miss{{Field: "room", Value: "Roon K", Close: []string{"WS 7 – Room K"}}}},
		{"room near too many", Filter{Room: "Room Z"}, []Miss{{Field: "room", Value: "Room Z",
			Some: []string{"Main Hall", "Room A", "Room B", "Room C", "Room D"}, More: 3}}},
		{"speaker folded typo", Filter{Speaker: "Jose Nunes"}, []Miss{{Field: "speaker", Value: "Jose Nunes", Close: []string{"José Núñez"}}}},
		{"moderator typo", Filter{Speaker: "Kwame Mensa"}, nil}, // a part of the name: it matches
		{"speaker far", Filter{Speaker: "Nobody Atall"}, []Miss{{Field: "speaker", Value: "Nobody Atall",
			Some: []string{"Haruka Sato", "José Núñez", "Kwame Mensah"}}}},
		{"day", Filter{Day: "2023-10-15", Loc: tokyo}, []Miss{{Field: "day", Value: "2023-10-15",
			Some: []string{"2023-10-10", "2023-10-11", "2023-10-12"}}}},
		{"two misses", Filter{Day: "2023-10-15", Type: "Worksop"}, []Miss{
			{Field: "day", Value: "2023-10-15", Some: []string{"2023-10-10", "2023-10-11", "2023-10-12"}},
			{Field: "type", Value: "Worksop", Close: []string{"Workshop"}}}},
		{"short", Filter{Room: "Q"}, []Miss{{Field: "room", Value: "Q",
			Some: []string{"Main Hall", "Room A", "Room B", "Room C", "Room D"}, More: 3}}},
	}
	for _, c := range cases {
		if got := c.f.Misses(ss); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Misses = %+v, want %+v", c.name, got, c.want)
		}
	}
}
