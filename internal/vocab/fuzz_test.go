package vocab

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldReference is Fold as first written (less its reading of a NUL as
// "&"), without the ASCII fast path: the fast path must not change a result.
func foldReference(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == '&' {
			b.WriteString("and")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var lookupSeeds = []string{
	"Civil Society", "civil  society", "Civil Socity", "CSO", "CS", "Gov", "Academia", "Technical & Academic Community",
	"WEOG", "GRULAC", "Westeros Group", "Eastern European Group (EEG)", "Intergovernmental Organization",
	"Open Forum", "WS", "Panel", "Round-table", "9.1", "16.11", "14.A", "Aïcha", "Zürich", "R&D", "\u00a0x\u00a0", "\x00", "",
}

func FuzzFold(f *testing.F) {
	for _, s := range lookupSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if want := foldReference(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold is not idempotent: %q -> %q -> %q", s, got, again)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("Fold(%q) = %q has stray spaces", s, got)
		}
	})
}

func FuzzLookup(f *testing.F) {
	for _, s := range lookupSeeds {
		f.Add(s)
	}
	vocabs := []*Vocabulary{Stakeholders(), Regions(), Types(), Formats(), SDGTargets()}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range vocabs {
			m := v.Lookup(s)
			again := v.Lookup(s)
			if (m == nil) != (again == nil) || (m != nil && (m.Term != again.Term || m.Exact != again.Exact)) {
				t.Fatalf("%s: Lookup(%q) gave %+v, then %+v", v.Name, s, m, again)
			}
			c := v.Canonical(s)
			if m != nil && m.Exact {
				if c != m.Term.Name || v.Get(c) != m.Term {
					t.Fatalf("%s: Canonical(%q) = %q for term %q", v.Name, s, c, m.Term.Name)
				}
			} else if c != s {
				t.Fatalf("%s: Canonical(%q) = %q, want it unchanged", v.Name, s, c)
			}
			if cc := v.Canonical(c); cc != c {
				t.Fatalf("%s: Canonical is not idempotent: %q -> %q -> %q", v.Name, s, c, cc)
			}
			if Fold(s) == "" && m != nil {
				t.Fatalf("%s: Lookup(%q) of a blank value = %+v", v.Name, s, m)
			}
		}
	})
}
