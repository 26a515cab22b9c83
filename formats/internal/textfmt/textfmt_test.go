package textfmt

import (
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"one two three four", 9, "one two\nthree\nfour"},
		// A word wider than the column is cut, not dropped.
		{"a verylongword b", 5, "a\nveryl\nongwo\nrd b"},
		// Wide characters take two columns each.
		{"漢字漢字 かな", 4, "漢字\n漢字\nかな"},
		{"keeps\nline breaks", 8, "keeps\nline\nbreaks"},
		{"no width", 0, "no width"},
	} {
		got := Wrap(c.in, c.width)
		if got != c.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if c.width > 0 && Width(l) > c.width {
				t.Errorf("Wrap(%q, %d): line %q is %d wide", c.in, c.width, l, Width(l))
			}
		}
	}
}

func TestTimeRangeAndDays(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2023, 10, d, h, m, 0, 0, tokyo) }
	of := &schedule.Session{ID: "OF", Start: at(11, 17, 45), End: at(11, 18, 45), Timezone: "Asia/Tokyo"}
	night := &schedule.Session{ID: "N", Start: at(11, 23, 0), End: at(12, 1, 0), Timezone: "Asia/Tokyo"}
	open := &schedule.Session{ID: "O", Title: "Open end", Start: at(12, 9, 0), Timezone: "Asia/Tokyo"}
	none := &schedule.Session{ID: "U"}
	for _, c := range []struct {
		s    *schedule.Session
		loc  *time.Location
		want string
	}{
		{of, tokyo, "17:45–18:45"},
		{of, time.UTC, "08:45–09:45"},
		{night, tokyo, "23:00–Oct 12 01:00"},
		{open, tokyo, "09:00"},
		{none, tokyo, ""},
	} {
		if got := TimeRange(c.s, c.loc); got != c.want {
			t.Errorf("TimeRange(%s, %s) = %q, want %q", c.s.ID, c.loc, got, c.want)
		}
	}
	if got := ZoneLabel(at(11, 0, 0)); got != "Asia/Tokyo (UTC+09:00)" {
		t.Errorf("ZoneLabel = %q", got)
	}
	if got := ZoneLabel(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)); got != "UTC" {
		t.Errorf("ZoneLabel(UTC) = %q", got)
	}
	days := GroupDays([]*schedule.Session{of, night, open, none}, nil)
	var keys []string
	for _, d := range days {
		keys = append(keys, d.Key)
	}
	if strings.Join(keys, " ") != "2023-10-11 2023-10-12 unscheduled" || days[0].Label != "Wednesday 11 October 2023 · Asia/Tokyo (UTC+09:00)" || len(days[0].Sessions) != 2 {
		t.Errorf("days = %+v", days)
	}
	if got := OneLine("  a\n b\tc  "); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
}
