package synth

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// baseNames is the number of distinct given-and-family names.
var baseNames = len(cultures) * namesPer * namesPer

// nameStep scatters person numbers over the names, so that the people of a
// roster come from different cultures. It must be coprime with baseNames.
const nameStep = 1103

// maxInitials is the number of middle-initial forms a base name takes:
// none, one letter, two letters. Person numbers beyond
// baseNames*maxInitials repeat names.
const maxInitials = 1 + 26 + 26*26

func init() {
	a, b := nameStep, baseNames
	for b != 0 {
		a, b = b, a%b
	}
	if a != 1 {
		panic("synth: nameStep is not coprime with the number of names")
	}
	asciiNames = make([]struct{ given, family []string }, len(cultures))
	for i, c := range cultures {
		for _, g := range c.given {
			asciiNames[i].given = append(asciiNames[i].given, ascii(g))
		}
		for _, f := range c.family {
			asciiNames[i].family = append(asciiNames[i].family, ascii(f))
		}
	}
}

// asciiNames are the names of cultures (same indexes) as e-mail addresses
// spell them.
var asciiNames []struct{ given, family []string }

// personInfo is one person, the same wherever they appear.
type personInfo struct {
	name, email string
	role, org   string
	stakeholder string // as written: the canonical name or an alias
	region      string // as written: the canonical name or an alias
}

// person returns person number p. A person's name, organisation and
// groups depend on p alone; p%5 picks the stakeholder group, so five
// consecutive people of a roster are from five groups.
func person(p int) personInfo {
	b := p % baseNames * nameStep % baseNames
	initials := p / baseNames % maxInitials
	c, a := &cultures[b%len(cultures)], &asciiNames[b%len(cultures)]
	rest := b / len(cultures)
	given, family := c.given[rest%namesPer], c.family[rest/namesPer]

	name, local := given, a.given[rest%namesPer]
	if initials > 0 {
		var letters []byte
		if initials <= 26 {
			letters = []byte{byte('A' + initials - 1)}
		} else {
			k := initials - 27
			letters = []byte{byte('A' + k/26), byte('A' + k%26)}
		}
		for _, l := range letters {
			name += " " + string(l) + "."
			local += "." + string(l+'a'-'A')
		}
	}
	name += " " + family
	local += "." + a.family[rest/namesPer] + "@example.org"

	h := mix(uint64(p))
	sk := p % len(stakeholders)
	x := personInfo{name: name, email: local}
	x.role = roles[sk][h%uint64(len(roles[sk]))]
	var org strings.Builder
	pats := orgPatterns[sk]
	expand(&org, pats[h>>8%uint64(len(pats))], c.country, c.city)
	x.org = org.String()
	x.stakeholder = stakeholders[sk].name
	if h>>16%4 == 0 {
		x.stakeholder = stakeholders[sk].alias
	}
	x.region = c.region
	switch {
	case stakeholders[sk].name == "Intergovernmental Organization" && h>>24%2 == 0:
		x.region = igoRegion
	case h>>32%10 < 3:
		x.region = regionAliases[c.region]
	}
	return x
}

// pack writes the person as one entry of a speakers cell:
// "Name, Role, Organisation, Stakeholder, Region (online)". The
// participation is the session's: online, on-site or not said.
func (x personInfo) pack(b *strings.Builder, r *rand.Rand) {
	b.WriteString(x.name)
	b.WriteString(", ")
	b.WriteString(x.role)
	b.WriteString(", ")
	b.WriteString(x.org)
	b.WriteString(", ")
	b.WriteString(x.stakeholder)
	b.WriteString(", ")
	b.WriteString(x.region)
	switch k := r.IntN(20); {
	case k < 5:
		b.WriteString(" (online)")
	case k < 14:
		b.WriteString(" (on-site)")
	}
}

// mix is the splitmix64 finaliser: a well-spread hash of a number.
func mix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// ascii spells a name in lower-case ASCII letters for an e-mail address:
// letters of the name pools transliterated (asciiFold), anything else that
// is no ASCII letter, digit or hyphen dropped.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			b.WriteRune(r)
		} else {
			b.WriteString(asciiFold[r])
		}
	}
	return b.String()
}
