package schedule

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/docket-forum/docket/internal/vocab"
)

// Not every programme packs its persons the IGF's way. A speakers cell
// of plain names ("Bo Chen, Priya Raman", "Bo Chen & Priya Raman") is a
// list of people. Which reading a person column gets is decided from the
// data, before its first row is read: the packed form when cells of the
// file's person columns carry its vocabulary (a stakeholder group or a
// region at its place), the name list when none does. One decision holds
// for every person column of the sheet, so that an IGF file whose
// moderator column happens to name no stakeholder still reads as before.

// personLookahead is how many data rows decide how person columns are
// read.
const personLookahead = 200

// personFields are the numbers of the fields that hold persons.
var personFields = [...]int{nOrganizers, nSpeakers, nOnsiteModerator, nOnlineModerator, nRapporteur}

// bufferedRows replays rows read ahead, then reads on.
type bufferedRows struct {
	buf  []Row
	err  error // what ended the read ahead, returned after buf
	rest Rows
}

func (r *bufferedRows) Next() (Row, error) {
	if len(r.buf) > 0 {
		row := r.buf[0]
		r.buf = r.buf[1:]
		return row, nil
	}
	if r.err != nil {
		return Row{}, r.err
	}
	return r.rest.Next()
}

// decideForms reads up to personLookahead rows ahead and decides, from
// them, how the person columns are read (Builder.names) and the
// programme's profile, says both in notes, and returns rows that replay
// what it read.
func (b *Builder) decideForms(rows Rows) Rows {
	b.formsDecided = true
	br := &bufferedRows{rest: rows}
	for len(br.buf) < personLookahead {
		r, err := rows.Next()
		if err != nil {
			br.err = err
			break
		}
		br.buf = append(br.buf, r)
	}
	b.inferColumns(br.buf)
	if !b.opts.TimesOnly {
		packed := b.decidePersonForms(br.buf)
		b.decideProfile(br.buf, packed)
	}
	return br
}

// decidePersonForms decides how the person columns are read from the rows
// read ahead, and reports whether a cell is in the IGF packed form.
func (b *Builder) decidePersonForms(rows []Row) (packed bool) {
	var cols []int // indices of the person columns in the row
	for i, c := range b.cols {
		for _, n := range personFields {
			if c.num == n {
				cols = append(cols, i)
			}
		}
	}
	names := 0 // cells that read as a list of names
	for _, r := range rows {
		for _, i := range cols {
			if i >= len(r.Cells) {
				continue
			}
			switch personCellForm(r.Cells[i]) {
			case formPacked:
				b.note(fmt.Sprintf("persons are read in the IGF packed form (Name, Role, Organisation, Stakeholder, Region): row %d, column %s is written that way", r.Num, ColumnName(i)))
				return true
			case formNames:
				names++
			}
		}
	}
	if names == 0 {
		return false // one person per cell or line: both readings agree
	}
	for _, n := range personFields {
		b.names[n] = true
	}
	b.note(fmt.Sprintf("persons are read as lists of names (separated by , ; & and /): %d %s in the first %d rows %s names, and none has a role, organisation, stakeholder group or region after a name",
		names, plural(names, "cell", "cells"), len(rows), plural(names, "lists", "list")))
	return false
}

// The forms a person cell shows.
const (
	formEither = iota // one person, or one per line: both readings agree
	formPacked        // Name, Role, Organisation...: the IGF packed form
	formNames         // Bo Chen, Priya Raman: a list of names
)

// personCellForm tells which reading a cell asks for. Anything that is not
// a name after a comma (a role, an organisation, an acronym, a known
// stakeholder group or region), a numbered list, or commas inside items
// separated by ";" or lines is the packed form; commas, "&" or "and"
// between names only is a list of names.
func personCellForm(cell string) int {
	cell = trim(cell)
	hasComma := strings.Contains(cell, ",")
	if !hasComma && !strings.Contains(cell, "&") && !strings.Contains(cell, " and ") && !strings.Contains(cell, " / ") {
		return formEither
	}
	if packedVocabulary(cell) || strings.HasPrefix(cell, "1.") || strings.HasPrefix(cell, "1)") ||
		(hasComma && strings.ContainsAny(cell, ";\n\r")) {
		return formPacked
	}
	parts := splitNames(cell)
	for i, p := range parts {
		// The first may be one name alone ("Kiki, derpeter"): in the
		// packed form, too, the name comes first.
		if !nameLike(p) && !nickname(p) && (i > 0 || !oneName(p) || len(parts) == 1) {
			if hasComma {
				return formPacked
			}
			return formEither
		}
	}
	if len(parts) > 1 {
		return formNames
	}
	return formEither
}

// notNameWords are words of roles and organisations, which a packed
// person has after the name and a personal name has not.
var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`minister ministry deputy director directora directeur professor prof head chair
	chairman chairwoman manager officer president vice ceo cto coo founder cofounder co-founder secretary advisor
	adviser researcher lead coordinator senior chief member ambassador representative specialist consultant analyst
	engineer editor fellow expert partner counsel executive governor mayor senator commissioner
	university universität université universidad universidade institute institut instituto foundation fondation
	fundación stiftung stadt city department council agency commission association network centre center organisation
	organization company group inc inc. ltd ltd. gmbh llc e.v. office government bank union society forum lab labs school
	college academy ministère ministerio bundesministerium program programme project initiative alliance coalition
	committee board federation trust corporation corp corp. limited agence team media news press`) {
		notNameWords[w] = true
	}
}

// nameLike reports whether s reads as a personal name: two to five
// words, the first capitalised, none a role or organisation word, no
// digits.
func nameLike(s string) bool {
	s = trim(s)
	if i := strings.IndexByte(s, '('); i > 0 { // "Bo Chen (online)"
		s = trim(s[:i])
	}
	// Two words at least: a list of people names them in full, and a
	// single word after a comma is an organisation (Ana Lima, Google) or
	// an acronym (Jane Doe, GIZ).
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if r := []rune(words[0])[0]; !unicode.IsUpper(r) {
		return false
	}
	for _, w := range words {
		if notNameWords[strings.ToLower(strings.Trim(w, ".,"))] || strings.ContainsAny(w, "0123456789@") {
			return false
		}
	}
	return true
}

// nickname reports whether s reads as the handle a hacker event's
// speaker goes by ("fluffy", "derpeter", "l0ki"): one word that begins in
// lower case, no role or organisation word. After a comma, a role or an
// organisation begins with a capital ("Ana Lima, Google"); a handle does
// not, so "fluffy, derpeter" lists two people.
func nickname(s string) bool {
	s = trim(s)
	if i := strings.IndexByte(s, '('); i > 0 { // "fluffy (online)"
		s = trim(s[:i])
	}
	if s == "" || strings.ContainsAny(s, " \t@") || notNameWords[strings.ToLower(strings.Trim(s, ".,"))] {
		return false
	}
	r := []rune(s)[0]
	return unicode.IsLower(r)
}

// oneName reports whether s is a single capitalised word that is no role
// or organisation word ("Kiki").
func oneName(s string) bool {
	s = trim(s)
	if s == "" || strings.ContainsAny(s, " \t@0123456789") || notNameWords[strings.ToLower(strings.Trim(s, ".,"))] {
		return false
	}
	return unicode.IsUpper([]rune(s)[0])
}

// note adds a note about the sheet, for --verbose and docket columns.
func (b *Builder) note(msg string) {
	b.prog.Notes = append(b.prog.Notes, b.where(0)+": "+msg)
}

// packedVocabulary reports whether a cell holds a person in the IGF
// packed form: a known stakeholder group or region at its place.
func packedVocabulary(cell string) bool {
	if !strings.Contains(cell, ",") {
		return false
	}
	for _, p := range ParsePersons(cell) {
		if (p.Stakeholder != "" && vocab.Stakeholders().Lookup(p.Stakeholder) != nil) ||
			(p.Region != "" && vocab.Regions().Lookup(p.Region) != nil) {
			return true
		}
	}
	return false
}

// parsePersons reads the persons of a cell of field number n, as the
// sheet's decision says.
func (b *Builder) parsePersons(n int, cell string) []Person {
	var ps []Person
	if b.names[n] {
		ps = ParseNames(cell)
	} else {
		ps = ParsePersons(cell)
	}
	return slices.DeleteFunc(ps, placeholder)
}

// placeholders are what a programme writes where a person is not known
// yet, folded to lower case without dots.
var placeholders = map[string]bool{"tba": true, "tbd": true, "tbc": true, "to be announced": true,
	"to be confirmed": true, "to be determined": true, "nn": true, "n n": true}

// placeholder reports whether p is no one yet ("TBA", "TBD", "N.N."): a
// name from the placeholders and nothing else. A placeholder read as a
// person would be a speaker of every session it stands in, overlapping
// with itself.
func placeholder(p Person) bool {
	if p.Role != "" || p.Organization != "" || p.Stakeholder != "" || p.Region != "" || p.Email != "" {
		return false
	}
	// Every placeholder is short and starts with t or n: a real name is
	// told apart without folding it (this runs on every person read).
	if len(p.Name) > 24 || p.Name == "" || !strings.ContainsRune("tTnN", rune(p.Name[0])) {
		return false
	}
	name := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(p.Name, ".", " "))), " ")
	return placeholders[name]
}

// ParseNames reads a cell that lists people by name: "Bo Chen, Priya
// Raman", "Bo Chen & Priya Raman", "Bo Chen and Priya Raman", one per
// line or separated by ";" or "/". A name may carry its participation or
// email in brackets, as in the packed form.
func ParseNames(cell string) []Person {
	var out []Person
	for _, name := range splitNames(cell) {
		if p := ParsePerson(name); p.Name != "" {
			out = append(out, p)
		}
	}
	return out
}

// nameSeparators split a list of names; " and " and its sisters only
// between spaces, so that "Alexander" keeps its "and".
var nameSeparators = strings.NewReplacer(
	"\r\n", "\x00", "\n", "\x00", "\r", "\x00", ";", "\x00", ",", "\x00", "&", "\x00", " / ", "\x00",
	" and ", "\x00", " And ", "\x00", " AND ", "\x00", " und ", "\x00", " et ", "\x00", " y ", "\x00",
)

// nameSuffixes follow a name after a comma without being a name.
var nameSuffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true,
	"iv": true, "phd": true, "ph.d.": true, "md": true, "m.d.": true, "esq.": true}

// splitNames splits a list of names, keeping a suffix ("Jr.", "PhD")
// with the name before it.
func splitNames(cell string) []string {
	var out []string
	for _, part := range strings.Split(nameSeparators.Replace(cell), "\x00") {
		part = trim(stripListMarker(trim(part)))
		switch {
		case part == "":
		case len(out) > 0 && nameSuffixes[strings.ToLower(part)]:
			out[len(out)-1] += " " + part
		default:
			out = append(out, part)
		}
	}
	return out
}
