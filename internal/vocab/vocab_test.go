package vocab

import (
	"strings"
	"testing"
)

func TestVocabularySizes(t *testing.T) {
	tests := []struct {
		name string
		v    *Vocabulary
		want int
	}{
		{"stakeholders", Stakeholders(), 6},
		{"regions", Regions(), 6},
		{"types", Types(), 19},
		{"formats", Formats(), 8},
		{"sdg targets", SDGTargets(), 169},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(tt.v.Terms); got != tt.want {
				names := make([]string, len(tt.v.Terms))
				for i, term := range tt.v.Terms {
					names[i] = term.Name
				}
				t.Errorf("len(Terms) = %d, want %d; terms: %q", got, tt.want, names)
			}
		})
	}
}

func TestVocabularyNames(t *testing.T) {
	tests := []struct {
		v    *Vocabulary
		want string
	}{
		{Stakeholders(), "stakeholder group"},
		{Regions(), "regional group"},
		{Types(), "session type"},
		{Formats(), "session format"},
		{SDGTargets(), "SDG target"},
	}
	for _, tt := range tests {
		if tt.v.Name != tt.want {
			t.Errorf("Name = %q, want %q", tt.v.Name, tt.want)
		}
	}
}

// match describes the wanted outcome of a Lookup: nil when term is "".
type match struct {
	term  string
	exact bool
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name  string
		v     *Vocabulary
		value string
		want  match
	}{
		// Stakeholder groups: names, aliases, case, spacing, accents.
		{"stakeholder name", Stakeholders(), "Civil Society", match{"Civil Society", true}},
		{"stakeholder lower case", Stakeholders(), "civil society", match{"Civil Society", true}},
		{"stakeholder upper case", Stakeholders(), "CIVIL SOCIETY", match{"Civil Society", true}},
		{"stakeholder extra spaces", Stakeholders(), "  Civil \t Society  ", match{"Civil Society", true}},
		{"stakeholder non-breaking space", Stakeholders(), "Civil\u00a0Society", match{"Civil Society", true}},
		{"stakeholder alias CSO", Stakeholders(), "CSO", match{"Civil Society", true}},
		{"stakeholder alias CSOs", Stakeholders(), "CSOs", match{"Civil Society", true}},
		{"stakeholder alias NGO", Stakeholders(), "ngo", match{"Civil Society", true}},
		{"stakeholder alias Gov", Stakeholders(), "Gov", match{"Government", true}},
		{"stakeholder alias Govt", Stakeholders(), "Govt", match{"Government", true}},
		{"stakeholder alias Business", Stakeholders(), "Business", match{"Private Sector", true}},
		{"stakeholder alias Academia", Stakeholders(), "Academia", match{"Technical Community", true}},
		{"stakeholder alias with ampersand", Stakeholders(), "Technical & Academic Community", match{"Technical Community", true}},
		{"stakeholder ampersand read as and", Stakeholders(), "Technical and Academic Community", match{"Technical Community", true}},
		{"stakeholder IGO", Stakeholders(), "IGO", match{"Intergovernmental Organization", true}},
		{"stakeholder plural IGO", Stakeholders(), "Intergovernmental Organizations", match{"Intergovernmental Organization", true}},
		{"stakeholder media", Stakeholders(), "Press", match{"Media", true}},
		{"stakeholder typo Civil Socity", Stakeholders(), "Civil Socity", match{"Civil Society", false}},
		{"stakeholder typo Goverment", Stakeholders(), "Goverment", match{"Government", false}},
		{"stakeholder typo Privat Sector", Stakeholders(), "Privat Sector", match{"Private Sector", false}},
		{"stakeholder short alias CS", Stakeholders(), "CS", match{"Civil Society", true}},
		{"stakeholder short alias cs lower", Stakeholders(), "cs", match{"Civil Society", true}},
		{"stakeholder short alias Tech", Stakeholders(), "Tech", match{"Technical Community", true}},
		{"stakeholder short alias IO", Stakeholders(), "IO", match{"Intergovernmental Organization", true}},
		{"stakeholder short value has no near miss", Stakeholders(), "CX", match{}},
		{"stakeholder short unknown", Stakeholders(), "Govs", match{}},
		{"stakeholder unrelated", Stakeholders(), "Individual capacity", match{}},
		{"stakeholder empty", Stakeholders(), "", match{}},
		{"stakeholder blank", Stakeholders(), " \t ", match{}},

		// Regional groups: abbreviations are aliases.
		{"region name", Regions(), "Western European and Others Group", match{"Western European and Others Group", true}},
		{"region WEOG", Regions(), "WEOG", match{"Western European and Others Group", true}},
		{"region weog lower", Regions(), "weog", match{"Western European and Others Group", true}},
		{"region GRULAC", Regions(), "GRULAC", match{"Latin American and Caribbean Group", true}},
		{"region GRULAC in brackets alias", Regions(), "Latin American and Caribbean Group (GRULAC)", match{"Latin American and Caribbean Group", true}},
		{"region EEG", Regions(), "EEG", match{"Eastern European Group", true}},
		{"region APG", Regions(), "APG", match{"Asia-Pacific Group", true}},
		{"region Africa", Regions(), "Africa", match{"African Group", true}},
		{"region abbreviation in brackets", Regions(), "Eastern European Group (EEG)", match{"Eastern European Group", true}},
		{"region unknown bracket text", Regions(), "African Group (anything)", match{"African Group", true}},
		{"region IGO pseudo group", Regions(), "Intergovernmental Organization", match{"Intergovernmental Organizations", true}},
		{"region typo", Regions(), "Afrcan Group", match{"African Group", false}},
		{"region typo long", Regions(), "Western Europian and Others Grup", match{"Western European and Others Group", false}},
		{"region Westeros Group", Regions(), "Westeros Group", match{}},
		{"region Government", Regions(), "Government", match{}},

		// Session types and formats.
		{"type WS", Types(), "WS", match{"Workshop", true}},
		{"type OF", Types(), "OF", match{"Open Forum", true}},
		{"type open forum lower", Types(), "open forum", match{"Open Forum", true}},
		{"type Launch & Award", Types(), "Launch & Award", match{"Launch / Award", true}},
		{"type typo", Types(), "Workshp", match{"Workshop", false}},
		{"type is not a format", Types(), "Panel", match{}},
		{"format Panel", Formats(), "Panel", match{"Panel", true}},
		{"format Roundtable", Formats(), "Roundtable", match{"Round Table", true}},
		{"format Round-table", Formats(), "Round-table", match{"Round Table", true}},
		{"format BoF", Formats(), "BoF", match{"Birds of a Feather", true}},
		{"format is not a type", Formats(), "Workshop", match{}},

		// SDG targets by code.
		{"sdg 9.1", SDGTargets(), "9.1", match{"9.1", true}},
		{"sdg 17.17", SDGTargets(), "17.17", match{"17.17", true}},
		{"sdg letter target upper case", SDGTargets(), "14.A", match{"14.a", true}},
		{"sdg near miss of a five-character code", SDGTargets(), "16.11", match{"16.10", false}},
		{"sdg four-character codes have no near miss", SDGTargets(), "9.12", match{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.v.Lookup(tt.value)
			switch {
			case tt.want.term == "" && m != nil:
				t.Errorf("Lookup(%q) = {%q, exact %v}, want nil", tt.value, m.Term.Name, m.Exact)
			case tt.want.term != "" && m == nil:
				t.Errorf("Lookup(%q) = nil, want {%q, exact %v}", tt.value, tt.want.term, tt.want.exact)
			case m != nil && (m.Term.Name != tt.want.term || m.Exact != tt.want.exact):
				t.Errorf("Lookup(%q) = {%q, exact %v}, want {%q, exact %v}", tt.value, m.Term.Name, m.Exact, tt.want.term, tt.want.exact)
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		name  string
		v     *Vocabulary
		value string
		want  string
	}{
		{"alias", Stakeholders(), "CSO", "Civil Society"},
		{"case", Stakeholders(), "civil society", "Civil Society"},
		{"academia", Stakeholders(), "Academia", "Technical Community"},
		{"near miss kept as written", Stakeholders(), "Civil Socity", "Civil Socity"},
		{"unknown kept as written", Stakeholders(), "Individual capacity", "Individual capacity"},
		{"empty", Stakeholders(), "", ""},
		{"region alias", Regions(), "GRULAC", "Latin American and Caribbean Group"},
		{"region WEOG", Regions(), "WEOG", "Western European and Others Group"},
		{"region unknown", Regions(), "Westeros Group", "Westeros Group"},
		{"type alias", Types(), "Workshops", "Workshop"},
		{"format alias", Formats(), "Panel discussion", "Panel"},
		{"type keeps spacing of unknown", Types(), "  Hackathon ", "  Hackathon "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.Canonical(tt.value); got != tt.want {
				t.Errorf("Canonical(%q) = %q, want %q", tt.value, got, tt.want)
			}
		})
	}
}

// TestCanonicalShortcuts: the exact-name and alias maps give what the
// lookup gives, for every name and alias of every vocabulary as written,
// in other cases and with spaces around.
func TestCanonicalShortcuts(t *testing.T) {
	slow := func(v *Vocabulary, value string) string {
		if m := v.lookup(value); m != nil && m.Exact {
			return m.Term.Name
		}
		return value
	}
	n := 0
	for _, v := range []*Vocabulary{Stakeholders(), Regions(), Types(), Formats(), SDGTargets()} {
		for _, term := range v.Terms {
			for _, k := range append([]string{term.Name}, term.Aliases...) {
				for _, value := range []string{k, strings.ToUpper(k), strings.ToLower(k), " " + k + " "} {
					if got, want := v.Canonical(value), slow(v, value); got != want {
						t.Errorf("%s: Canonical(%q) = %q, the lookup gives %q", v.Name, value, got, want)
					}
				}
				if v.byAlias[k] != nil {
					n++
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d aliases are found without the lookup", n)
	}
}

func TestGet(t *testing.T) {
	tests := []struct {
		v    *Vocabulary
		name string
		want bool
	}{
		{Stakeholders(), "Civil Society", true},
		{Stakeholders(), "civil society", false}, // not the canonical spelling
		{Stakeholders(), "CSO", false},           // an alias, not a name
		{Regions(), "African Group", true},
		{Regions(), "WEOG", false},
		{Types(), "Open Forum", true},
		{Formats(), "Round Table", true},
		{SDGTargets(), "17.19", true},
		{SDGTargets(), "17.20", false},
	}
	for _, tt := range tests {
		got := tt.v.Get(tt.name)
		if (got != nil) != tt.want {
			t.Errorf("%s.Get(%q) = %v, want found=%v", tt.v.Name, tt.name, got, tt.want)
		}
		if got != nil && got.Name != tt.name {
			t.Errorf("%s.Get(%q).Name = %q", tt.v.Name, tt.name, got.Name)
		}
	}
}

func TestTermData(t *testing.T) {
	ws := Types().Get("Workshop")
	if ws == nil {
		t.Fatal(`Types().Get("Workshop") = nil`)
	}
	if ws.Kind != "type" || !equalInts(ws.Minutes, []int{60, 90}) {
		t.Errorf("Workshop: kind %q minutes %v, want type [60 90]", ws.Kind, ws.Minutes)
	}
	panel := Formats().Get("Panel")
	if panel == nil {
		t.Fatal(`Formats().Get("Panel") = nil`)
	}
	if panel.Kind != "format" || !equalInts(panel.Minutes, []int{60, 90}) {
		t.Errorf("Panel: kind %q minutes %v, want format [60 90]", panel.Kind, panel.Minutes)
	}
	// Best Practice Forum has no allowed lengths.
	if bpf := Types().Get("Best Practice Forum"); bpf == nil || len(bpf.Minutes) != 0 {
		t.Errorf("Best Practice Forum = %+v, want a term without minutes", bpf)
	}
	// A quoted alias with a comma in it survives the CSV reading.
	if m := Types().Lookup("National, Regional and Youth IGFs"); m == nil || m.Term.Name != "NRI Session" || !m.Exact {
		t.Errorf("Lookup(National, Regional and Youth IGFs) = %+v, want NRI Session", m)
	}
	target := SDGTargets().Get("9.1")
	if target == nil || !strings.HasPrefix(target.Title, "Develop quality, reliable, sustainable and resilient infrastructure") {
		t.Errorf("SDG 9.1 = %+v, want the official title", target)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestIsSDGTarget(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"9.1", true},
		{"16.6", true},
		{"16.7", true},
		{"17.17", true},
		{"17.6", true},
		{"17.8", true},
		{"17.19", true},
		{"1.1", true},
		{"14.c", true},
		{"14.C", true},
		{" 9.1 ", true},
		{"16.11", false}, // one edit from 16.1, but no target
		{"17.20", false},
		{"18.1", false},
		{"9", false},
		{"9.", false},
		{"SDG 9.1", false}, // prefixes are ParseSDGs' business
		{"", false},
	}
	for _, tt := range tests {
		if got := IsSDGTarget(tt.code); got != tt.want {
			t.Errorf("IsSDGTarget(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
	n := 0
	for _, term := range SDGTargets().Terms {
		if !IsSDGTarget(term.Name) {
			t.Errorf("IsSDGTarget(%q) = false for a listed target", term.Name)
		}
		n++
	}
	if n != 169 {
		t.Errorf("%d targets, want 169", n)
	}
}

func TestSDGGoal(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "No poverty"},
		{4, "Quality education"},
		{9, "Industry, innovation and infrastructure"},
		{17, "Partnerships for the goals"},
		{0, ""},
		{18, ""},
	}
	for _, tt := range tests {
		if got := SDGGoal(tt.n); got != tt.want {
			t.Errorf("SDGGoal(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"Civil Society", "civil society"},
		{"  Civil   Society  ", "civil society"},
		{"Civil\tSociety\n", "civil society"},
		{"Civil\u00a0Society", "civil society"},
		{"Université", "universite"},
		{"Aïcha Diallo", "aicha diallo"},
		{"José  MARÍA", "jose maria"},
		{"Launch & Award", "launch and award"},
		{"R&D", "randd"},
		{"&", "and"},
		{"Zürich", "zurich"},
		{"São Paulo", "sao paulo"},
		{"\x00", "\x00"},   // a NUL is no "&"
		{"é\x00", "e\x00"}, // on the Unicode path either
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 2, 0},
		{"abc", "abc", 2, 0},
		{"civil socity", "civil society", 2, 1},
		{"goverment", "government", 2, 1},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3}, // gives up at limit+1
		{"abc", "", 5, 3},
		{"", "abc", 5, 3},
		{"ümlaut", "umlaut", 2, 1}, // runes, not bytes
		{"abcdef", "zzzzzz", 1, 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// Every name and alias must find its own term exactly; a later term that
// shares an alias with an earlier one must not steal it.
func TestEveryAliasFindsItsTerm(t *testing.T) {
	for _, v := range []*Vocabulary{Stakeholders(), Regions(), Types(), Formats()} {
		for _, term := range v.Terms {
			for _, k := range append([]string{term.Name}, term.Aliases...) {
				m := v.Lookup(k)
				if m == nil || !m.Exact {
					t.Errorf("%s: Lookup(%q) = %+v, want an exact match", v.Name, k, m)
					continue
				}
				if m.Term != term {
					// Shared aliases are allowed only when the first term
					// listing them keeps them; report which one won.
					t.Logf("%s: alias %q of %q resolves to %q", v.Name, k, term.Name, m.Term.Name)
				}
			}
		}
	}
}

// Aliases shared between the stakeholder and region vocabularies are the
// reason ParsePerson needs isStakeholderExact; keep the list known.
func TestStakeholderRegionOverlap(t *testing.T) {
	var got []string
	for _, term := range Regions().Terms {
		for _, k := range append([]string{term.Name}, term.Aliases...) {
			if m := Stakeholders().Lookup(k); m != nil && m.Exact {
				got = append(got, k)
			}
		}
	}
	want := []string{"Intergovernmental Organizations", "Intergovernmental Organization", "Intergovernmental Organisations", "Intergovernmental Organisation", "IGO", "IGOs"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("region names that are also stakeholder groups:\n got %q\nwant %q", got, want)
	}
}

// Get by exact name gives what the folded index gives, for every name and
// alias of every vocabulary, and their other spellings.
func TestGetMatchesTheIndex(t *testing.T) {
	for _, v := range []*Vocabulary{Stakeholders(), Regions(), Types(), Formats(), SDGTargets()} {
		for _, term := range v.Terms {
			for _, s := range append([]string{term.Name, strings.ToLower(term.Name), " " + term.Name}, term.Aliases...) {
				var want *Term
				if x, ok := v.index[Fold(s)]; ok && x.Name == s {
					want = x
				}
				if got := v.Get(s); got != want {
					t.Errorf("%s: Get(%q) = %v, want %v", v.Name, s, got, want)
				}
			}
		}
	}
}

func TestSubstringDistance(t *testing.T) {
	cases := []struct {
		pattern, text string
		limit, want   int
	}{
		{"room k", "ws 7 – room k", 2, 0},
		{"roon k", "ws 7 – room k", 2, 1},
		{"jose nunes", "jose nunez", 2, 1},
		{"nunez", "jose nunez", 1, 0},
		{"rm k", "ws 7 – room k", 2, 1},         // "om k"
		{"banquet hall", "ws 7 – room k", 2, 3}, // limit+1: gave up
		{"", "anything", 1, 0},
		{"abc", "", 5, 3},
	}
	for _, c := range cases {
		if got := SubstringDistance(c.pattern, c.text, c.limit); got != c.want {
			t.Errorf("SubstringDistance(%q, %q, %d) = %d, want %d", c.pattern, c.text, c.limit, got, c.want)
		}
	}
}
