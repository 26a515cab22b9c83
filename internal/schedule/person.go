package schedule

import (
	"bytes"
	"github.com/docket-forum/docket/internal/swar"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docket-forum/docket/internal/vocab"
)

// ParsePersons reads a cell that packs several persons: one per line, or
// separated by ";", or numbered inline as the IGF pages write them
// ("1. Heiko Wildner, BMDV 2. Aishwarya Salvi, GIZ").
func ParsePersons(cell string) []Person {
	if trim(cell) == "" {
		return nil
	}
	if strings.IndexByte(cell, '|') >= 0 && nextSeparator(cell, 0) == len(cell) {
		if items := splitPipes(cell); items != nil {
			return parseItems(items)
		}
	}
	// The persons go to an array on the stack first, so that the cell is
	// scanned once and the result allocated once, at its size.
	var buf [16]Person
	out := buf[:0]
	start := 0
	for i := nextSeparator(cell, 0); i < len(cell); i = nextSeparator(cell, i+1) {
		out = appendPersons(out, cell[start:i])
		start = i + 1
	}
	out = appendPersons(out, cell[start:])
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// nextSeparator returns the index of the first line break or ";" in s
// from i on, or len(s); blocks of eight bytes without one are skipped at
// once.
func nextSeparator(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load8(s, i)
		// Bytes below 0x0e are the line breaks, and a few rare controls
		// that the loop below passes over.
		if swar.Less(x, 0x0e)|swar.Byte(x, ';') != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == ';' {
			return i
		}
	}
	return i
}

// appendPersons adds the persons of one line: one, or several numbered
// inline.
func appendPersons(out []Person, line string) []Person {
	line = trim(line)
	if line == "" {
		return out
	}
	if !(strings.HasPrefix(line, "1.") || strings.HasPrefix(line, "1)")) {
		if p := ParsePerson(line); p != (Person{}) {
			out = append(out, p)
		}
		return out
	}
	for _, item := range splitNumbered(line) {
		if p := ParsePerson(item); p != (Person{}) {
			out = append(out, p)
		}
	}
	return out
}

func parseItems(items []string) []Person {
	var out []Person
	for _, it := range items {
		out = appendPersons(out, it)
	}
	return out
}

// splitPipes splits a cell that uses no other separator at "|", when that
// gives two or more parts with a letter or digit; else it returns nil, so
// that docket's own cells keep a "|" inside a name (FormatPersons ends a
// single such person with ";").
func splitPipes(cell string) []string {
	var items []string
	for _, p := range strings.Split(cell, "|") {
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			items = append(items, p)
		}
	}
	if len(items) >= 2 {
		return items
	}
	return nil
}

// splitNumbered splits "1. A, x 2. B, y" at each next number in sequence.
// Only a line that starts with "1." is split, so "Room 2. floor" is safe.
func splitNumbered(line string) []string {
	line = strings.TrimSpace(line)
	if !(strings.HasPrefix(line, "1.") || strings.HasPrefix(line, "1)")) {
		return []string{line}
	}
	var out []string
	next := 2
	rest := line
	for {
		marker := strconv.Itoa(next)
		cut := -1
		for _, sep := range []string{". ", ") "} {
			if i := strings.Index(rest, " "+marker+sep); i > 0 && (cut < 0 || i < cut) {
				cut = i
			}
		}
		if cut < 0 {
			out = append(out, rest)
			return out
		}
		out = append(out, rest[:cut])
		rest = strings.TrimSpace(rest[cut:])
		next++
	}
}

// ParsePerson reads one person in the positional IGF form
// "Name, Role, Organisation, Stakeholder, Region (participation) (email)".
// With exactly five parts the positions decide; otherwise the trailing
// parts that match the region and stakeholder vocabularies (near misses
// included) are those, and what stays in the middle is role and
// organisation.
func ParsePerson(s string) Person {
	var p Person
	s = stripListMarker(trim(s))
	// Trailing bracketed groups: participation and email, in either order.
	for {
		body, rest, ok := trailingGroup(s)
		if !ok {
			break
		}
		if part := ParseParticipation(body); part != "" && p.Participation == "" {
			p.Participation = part
		} else if looksLikeEmail(body) && p.Email == "" {
			p.Email = strings.TrimSpace(body)
		} else {
			break
		}
		s = rest
	}
	// Split on commas into a small array: most persons have five parts.
	var buf [8]string
	parts := buf[:0]
	for {
		i := strings.IndexByte(s, ',')
		if i < 0 {
			parts = append(parts, trim(s))
			break
		}
		parts = append(parts, trim(s[:i]))
		s = s[i+1:]
	}
	p.Name = parts[0]
	n := len(parts)
	switch {
	case n == 1:
	case n == 5:
		p.Role, p.Organization, p.Stakeholder, p.Region = parts[1], parts[2], parts[3], parts[4]
	case n > 5:
		end := n
		if parts[end-1] == "" || vocab.Regions().Lookup(parts[end-1]) != nil {
			p.Region = parts[end-1]
			end--
		}
		if parts[end-1] == "" || vocab.Stakeholders().Lookup(parts[end-1]) != nil {
			p.Stakeholder = parts[end-1]
			end--
		}
		p.Role = parts[1]
		p.Organization = joinParts(parts[2:end])
	default: // 2 to 4 parts
		end := n
		// "Intergovernmental Organizations" names a stakeholder group and
		// an IGF pseudo region: it is the region when a stakeholder
		// group stands before it.
		last := parts[end-1]
		if m := vocab.Regions().Lookup(last); m != nil && (!isStakeholderExact(last) || (end > 2 && vocab.Stakeholders().Lookup(parts[end-2]) != nil)) {
			p.Region = parts[end-1]
			end--
		}
		if end > 1 && vocab.Stakeholders().Lookup(parts[end-1]) != nil {
			p.Stakeholder = parts[end-1]
			end--
		}
		middle := parts[1:end]
		switch len(middle) {
		case 0:
		case 1:
			if looksLikeOrganization(middle[0]) {
				p.Organization = middle[0]
			} else {
				p.Role = middle[0]
			}
		default:
			p.Role = middle[0]
			p.Organization = joinParts(middle[1:])
		}
	}
	p.Stakeholder = vocab.Stakeholders().Canonical(p.Stakeholder)
	p.Region = vocab.Regions().Canonical(p.Region)
	return p
}

// joinParts joins the parts of an organisation that had commas, leaving out
// empty ones: "Jane Doe, Director, ," has no organisation ", ".
func joinParts(parts []string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ", ")
}

// isStakeholderExact reports whether s names a stakeholder group exactly;
// "Intergovernmental Organization" is both a stakeholder group and an IGF
// pseudo region, and as the last of fewer than five parts it is the group.
func isStakeholderExact(s string) bool {
	m := vocab.Stakeholders().Lookup(s)
	return m != nil && m.Exact
}

// listMarkers are the bullets a list item may start with.
var listMarkers = []string{"• ", "- ", "* ", "– "}

func stripListMarker(s string) string {
	if s != "" && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z') {
		return s // no marker starts with a letter
	}
	for _, b := range listMarkers {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return strings.TrimSpace(s[i+1:])
	}
	return s
}

// trailingGroup splits "x (body)" or "x <body>" into body and x.
func trailingGroup(s string) (body, rest string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", false
	}
	var open byte
	switch s[len(s)-1] {
	case ')':
		open = '('
	case '>':
		open = '<'
	case ']':
		open = '['
	default:
		return "", "", false
	}
	i := strings.LastIndexByte(s, open)
	if i < 0 {
		return "", "", false
	}
	return s[i+1 : len(s)-1], strings.TrimSpace(s[:i]), true
}

// ParseParticipation maps the ways organizers write on-site or online
// attendance to Onsite or Online; anything else gives "".
func ParseParticipation(s string) string {
	// Folded into a small buffer: this runs on every person's brackets.
	var buf [16]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '-' || c == '_':
			continue
		case c >= 0x80 || n == len(buf):
			return "" // no spelling below is that long or non-ASCII
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	switch string(buf[:n]) {
	case "online", "virtual", "remote", "remotely", "virtually":
		return Online
	case "onsite", "insitu", "inperson", "present", "physical", "physically":
		return Onsite
	}
	return ""
}

// ParseGender folds the common ways of writing a gender (F, female,
// woman...) to "female", "male" or "non-binary"; anything else is kept as
// written, trimmed.
func ParseGender(s string) string {
	s = strings.TrimSpace(s)
	switch strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '.'
	}), "") {
	case "f", "female", "woman", "w", "frau", "femme", "mujer":
		return "female"
	case "m", "male", "man", "mann", "homme", "hombre":
		return "male"
	case "nonbinary", "nb", "x", "diverse", "divers":
		return "non-binary"
	}
	return s
}

func looksLikeEmail(s string) bool {
	s = strings.TrimSpace(s)
	// Web copies of the placeholder often hold a non-breaking space.
	if ws := strings.Join(strings.Fields(s), " "); strings.EqualFold(ws, "[email protected]") || strings.EqualFold(ws, "email protected") {
		return true
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && strings.Count(s, "@") == 1 && !strings.ContainsAny(s, " ,;()<>[]\"")
}

var orgWords = []string{
	"ministry", "university", "universidad", "universite", "universität", "foundation", "institute",
	"agency", "association", "council", "gmbh", "inc", "ltd", "llc", "organization", "organisation",
	"fund", "network", "commission", "bank", "center", "centre", "company", "corporation", "group",
	"department", "office", "union", "school", "college", "lab", "forum", "alliance", "coalition",
}

var roleWords = []string{
	"founder", "co-founder", "cofounder", "director", "minister", "ceo", "cto", "coo", "professor", "prof",
	"advisor", "adviser", "head", "chair", "chairman", "chairwoman", "chairperson", "manager", "officer",
	"president", "researcher", "lead", "coordinator", "secretary", "ambassador", "member", "fellow",
	"consultant", "specialist", "analyst", "engineer", "lecturer", "student", "expert", "deputy", "editor",
	"journalist", "capacity", "representative", "counsel", "partner", "vice", "senior", "principal",
}

// looksLikeOrganization guesses whether a lone middle part ("Name, GIZ") is
// an organisation rather than a role: a part with a role word ("Co-Founder
// Sovereign Tech Fund") is a role, else acronyms and organisation words
// make an organisation.
func looksLikeOrganization(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		for _, rw := range roleWords {
			if w == rw {
				return false
			}
		}
	}
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && upper == letters {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		for _, o := range orgWords {
			if w == o {
				return true
			}
		}
	}
	return false
}

// FormatPerson writes a person in the positional form ParsePerson reads:
// all five positions once anything but the name is known, so that the
// positions decide when it is read back.
func FormatPerson(p Person) string { return string(AppendPerson(nil, p)) }

// AppendPerson appends FormatPerson(p) to b.
func AppendPerson(b []byte, p Person) []byte {
	// A name alone is written alone, unless it ends in brackets that the
	// reader would take for a participation or an email.
	bracketEnd := strings.HasSuffix(p.Name, ")") || strings.HasSuffix(p.Name, "]") || strings.HasSuffix(p.Name, ">")
	if p.Role == "" && p.Organization == "" && p.Stakeholder == "" && p.Region == "" && !bracketEnd {
		b = append(b, p.Name...)
	} else {
		start := len(b)
		for i, v := range [...]string{p.Name, p.Role, p.Organization, p.Stakeholder, p.Region} {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, v...)
		}
		for len(b) > start && b[len(b)-1] == ' ' {
			b = b[:len(b)-1]
		}
	}
	switch p.Participation {
	case Online:
		b = append(b, " (online)"...)
	case Onsite:
		b = append(b, " (on-site)"...)
	}
	if p.Email != "" {
		b = append(b, " ("...)
		b = append(b, p.Email...)
		b = append(b, ')')
	}
	return b
}

// FormatPersons packs persons one per line. A lone person with a "|" in
// the text is ended with ";", so that reading it back does not split it.
func FormatPersons(ps []Person) string { return string(AppendPersons(nil, ps)) }

// AppendPersons appends FormatPersons(ps) to b.
func AppendPersons(b []byte, ps []Person) []byte {
	start := len(b)
	for i, p := range ps {
		if i > 0 {
			b = append(b, '\n')
		}
		b = AppendPerson(b, p)
	}
	if len(ps) == 1 && bytes.IndexByte(b[start:], '|') >= 0 {
		b = append(b, ';')
	}
	return b
}

// PersonKey folds a name for comparing persons across sessions: case,
// accents and whitespace do not matter.
func PersonKey(name string) string { return vocab.Fold(name) }
