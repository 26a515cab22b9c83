package schedule

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func diffSession(id, title, room string, start string, minutes int) *Session {
	loc, _ := time.LoadLocation("Asia/Tokyo")
	t, err := time.ParseInLocation("2006-01-02 15:04", start, loc)
	if err != nil {
		panic(err)
	}
	return &Session{ID: id, Title: title, Room: room, Start: t, End: t.Add(time.Duration(minutes) * time.Minute), Timezone: "Asia/Tokyo"}
}

// describe is a change list in one line per change: kind id fields.
func describe(cs []Change) string {
	var out []string
	for _, c := range cs {
		var fields []string
		for _, f := range c.Fields {
			fields = append(fields, f.Field)
		}
		out = append(out, fmt.Sprintf("%s %s %s", c.Kind, c.Session().ID, strings.Join(fields, ",")))
	}
	return strings.Join(out, "; ")
}

func TestDiff(t *testing.T) {
	base := func() []*Session {
		return []*Session{
			diffSession("WS1", "Opening", "Hall", "2023-10-11 09:00", 60),
			diffSession("WS2", "Data trusts", "Room K", "2023-10-11 10:00", 90),
			diffSession("WS3", "Closing", "Hall", "2023-10-11 17:00", 30),
		}
	}
	cases := []struct {
		name string
		edit func(ss []*Session) []*Session
		want string
	}{
		{"no change", func(ss []*Session) []*Session { return ss }, ""},
		{"added", func(ss []*Session) []*Session {
			return append(ss, diffSession("WS4", "Lunch talk", "Room K", "2023-10-11 12:00", 30))
		}, "added WS4 "},
		{"removed", func(ss []*Session) []*Session { return ss[1:] }, "removed WS1 "},
		{"moved in time", func(ss []*Session) []*Session {
			ss[1].Start, ss[1].End = ss[1].Start.Add(time.Hour), ss[1].End.Add(time.Hour)
			return ss
		}, "moved WS2 start,end"},
		{"moved to another room", func(ss []*Session) []*Session { ss[2].Room = "Room K"; return ss }, "moved WS3 room"},
		{"changed", func(ss []*Session) []*Session {
			ss[0].Speakers = []Person{{Name: "Ana Lima"}}
			ss[0].Type = "Opening Ceremony"
			return ss
		}, "changed WS1 type,speakers"},
		{"renumbered: a change of the id, not a removal and an addition", func(ss []*Session) []*Session {
			ss[1].ID = "WS 2"
			return ss
		}, "changed WS 2 id"},
		{"renumbered and moved: matched by its title alone", func(ss []*Session) []*Session {
			ss[1].ID, ss[1].Room = "WS-22", "Annex"
			return ss
		}, "moved WS-22 id,room"},
		{"moved and retitled, same id", func(ss []*Session) []*Session {
			ss[2].Title, ss[2].Room = "Closing ceremony", "Main"
			return ss
		}, "moved WS3 title,room"},
		{"the same instant in another zone is no change", func(ss []*Session) []*Session {
			ss[0].Start, ss[0].End, ss[0].Timezone = ss[0].Start.UTC(), ss[0].End.UTC(), "UTC"
			return ss
		}, ""},
		{"spaces at the ends and doubled are no change", func(ss []*Session) []*Session {
			ss[0].Title, ss[1].Room = " Opening ", "Room  K"
			return ss
		}, ""},
		{"a change of case is a change", func(ss []*Session) []*Session { ss[0].Title = "OPENING"; return ss }, "changed WS1 title"},
		{"an id changed only in case is the same session", func(ss []*Session) []*Session { ss[0].ID = "ws1"; return ss }, "changed ws1 id"},
		{"an extra field", func(ss []*Session) []*Session {
			ss[1].Extra = []Extra{{Name: "Capacity", Value: "80"}}
			return ss
		}, "changed WS2 Capacity"},
		{"an empty extra field is no change", func(ss []*Session) []*Session {
			ss[1].Extra = []Extra{{Name: "Capacity", Value: ""}}
			return ss
		}, ""},
		{"two titled alike, ids changed: not guessed", func(ss []*Session) []*Session {
			a := diffSession("X1", "Closing", "Hall", "2023-10-11 18:00", 30)
			ss[2].ID = "X2"
			return append(ss, a)
		}, "changed X2 id; added X1 "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := describe(Diff(base(), c.edit(base()))); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestDiffShowsTheValuesAsWritten: a change carries each version's own
// value: times in their zones, text as written.
func TestDiffShowsTheValuesAsWritten(t *testing.T) {
	o := diffSession("WS1", "Opening", "Hall", "2023-10-11 09:00", 60)
	n := diffSession("WS1", "Opening", "Main Hall", "2023-10-11 09:30", 60)
	cs := Diff([]*Session{o}, []*Session{n})
	if len(cs) != 1 || cs[0].Kind != ChangeMoved {
		t.Fatalf("%+v", cs)
	}
	var start, room FieldChange
	for _, f := range cs[0].Fields {
		switch f.Field {
		case "start":
			start = f
		case "room":
			room = f
		}
	}
	if start.Old.(time.Time).Format(time.RFC3339) != "2023-10-11T09:00:00+09:00" || start.New.(time.Time).Format(time.RFC3339) != "2023-10-11T09:30:00+09:00" {
		t.Errorf("start %v -> %v", start.Old, start.New)
	}
	if room.Old != "Hall" || room.New != "Main Hall" {
		t.Errorf("room %v -> %v", room.Old, room.New)
	}
}
