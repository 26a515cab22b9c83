package schedule

import "testing"

func TestSuggestZone(t *testing.T) {
	cases := []struct{ in, want string }{
		{"asia/tokyo", "Asia/Tokyo"},
		{"ASIA/TOKYO", "Asia/Tokyo"},
		{"Asia/Tokio", "Asia/Tokyo"},
		{"tokyo", "Asia/Tokyo"},
		{"berlin", "Europe/Berlin"},
		{"america/new york", "America/New_York"},
		{"America/Newyork", "America/New_York"},
		{"utc", "UTC"},
		{"Asia/Tokyo", ""}, // already a name: nothing to suggest
		{"Europe/Tokyo", ""},
		{"Mars/Olympus", ""},
		{"xyz", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := SuggestZone(c.in); got != c.want {
			t.Errorf("SuggestZone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
