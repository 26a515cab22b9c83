package schedule

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseNames: a list of names never panics, gives no empty name, and
// every name it gives comes from the cell.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"Sarah Elkins, Michael Cieslak", "Bo Chen & Priya Raman and Ana Lima", "Martin Luther King, Jr., Coretta King",
		"Bo Chen (online), Priya Raman (on-site)", "1. Ana Lima, 2. Ben Ode", ";;,&", " and ", "A / B\nC"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		for _, p := range ParseNames(cell) {
			if strings.TrimSpace(p.Name) == "" {
				t.Fatalf("ParseNames(%q) gave an empty name: %+v", cell, p)
			}
		}
		personCellForm(cell) // decides without panicking
	})
}

// FuzzRangeEnds: completing a range's ends never panics, and keeps what
// was readable readable.
func FuzzRangeEnds(f *testing.F) {
	for _, s := range [][2]string{{"9", "10:30am"}, {"11", "1pm"}, {"17:45", "18:45"}, {"", "pm"}, {"9:00", "13:00 PM"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		a, z := RangeEnds(from, to)
		if _, err := ParseClock(from); err == nil {
			if _, err := ParseClock(a); err != nil {
				t.Fatalf("RangeEnds(%q, %q) made the start %q unreadable: %v", from, to, a, err)
			}
		}
		if _, err := ParseClock(to); err == nil && z != to {
			t.Fatalf("RangeEnds(%q, %q) changed a readable end to %q", from, to, z)
		}
	})
}

// FuzzTitleID: a made id is never longer than the limit allows, holds only
// lower-case letters, digits and single hyphens, and is the same for the
// same title.
func FuzzTitleID(f *testing.F) {
	for _, s := range []string{"Opening Keynote", "Über Zeitpläne: Wie Apps lesen!", "Begrüßung", "", "----", strings.Repeat("word ", 30)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		if !utf8.ValidString(title) {
			return
		}
		id := titleID(title)
		if len(id) > idMaxLen || strings.Contains(id, "--") || strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") {
			t.Fatalf("titleID(%q) = %q", title, id)
		}
		for _, r := range id {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("titleID(%q) = %q has %q", title, id, r)
			}
		}
		if titleID(title) != id {
			t.Fatalf("titleID(%q) is not stable", title)
		}
	})
}
