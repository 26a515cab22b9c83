package schedule

import (
	"fmt"
	"strings"

	"github.com/docket-forum/docket/internal/vocab"
)

// A session read from a sheet without an id column gets an id made from
// its title, and, for a title that repeats ("Lunch"), from its day and
// start too, so that adding, deleting, reordering or moving other
// sessions never changes it (DESIGN.md, "The model"). Findings then point
// at real ids instead of one missing-field error per row.

// idMaxLen bounds the title part of a made id, in bytes.
const idMaxLen = 48

// titleID is the id made from a title: its letters and digits, folded to
// lower-case ASCII ("&" read as "and", as Fold reads it), joined by
// hyphens ("Opening Keynote" is "opening-keynote"), cut at a hyphen
// within idMaxLen bytes.
func titleID(title string) string {
	var b strings.Builder
	gap := false
	for _, r := range asciiLetters.Replace(vocab.Fold(title)) {
		switch {
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(r)
		default:
			gap = true
		}
	}
	id := b.String()
	if len(id) > idMaxLen {
		id = id[:idMaxLen]
		if i := strings.LastIndexByte(id, '-'); i > idMaxLen/2 {
			id = id[:i]
		}
	}
	return id
}

// asciiLetters are the letters that do not decompose into a base letter
// and accents, which Fold leaves as they are, written as ASCII writes
// them ("Begrüßung" is "begrussung", not "begru-ung"). Fold has made
// them lower case.
var asciiLetters = strings.NewReplacer("ß", "ss", "ø", "o", "æ", "ae", "œ", "oe", "ł", "l", "đ", "d", "ð", "d",
	"þ", "th", "ı", "i", "ħ", "h", "ŧ", "t", "ŋ", "ng", "ĸ", "k", "ſ", "s")

// madeID is the id of s, whose title's id is base and repeats in the
// sheet when repeated: its day and start are added then.
func madeID(s *Session, base string, repeated bool) string {
	if base == "" {
		base = "untitled"
		repeated = true
	}
	if !repeated {
		return base
	}
	if s.Start.IsZero() {
		return fmt.Sprintf("%s-row%d", base, s.Src.Row)
	}
	return base + "-" + s.Start.In(s.Location()).Format("20060102-1504")
}

// countTitle counts a session of a sheet without ids by its title's id,
// before ids are made (keep).
func (b *Builder) countTitle(s *Session) {
	if !b.makeIDs || s.ID != "" {
		return
	}
	if b.titles == nil {
		b.titles = map[string]int{}
	}
	b.titles[titleID(s.Title)]++
}

// makeIDsFor gives the sessions ss of a sheet without ids their ids, and
// says so once.
func (b *Builder) makeIDsFor(ss []*Session) {
	if !b.makeIDs {
		return
	}
	made := map[Source]string{}
	for _, s := range ss {
		if s.ID != "" {
			continue
		}
		base := titleID(s.Title)
		s.ID = madeID(s, base, base == "" || b.titles[base] > 1)
		made[s.Src] = s.ID
		if b.madeExample == "" {
			b.madeExample = fmt.Sprintf("%q for %q", s.ID, s.Title)
		}
	}
	// The problems found while reading these rows name the ids now.
	ps := b.prog.Problems
	for i := b.patched; i < len(ps); i++ {
		if id, ok := made[ps[i].Src]; ok && ps[i].Session == "" {
			ps[i].Session = id
		}
	}
	b.patched = len(ps)
	if b.madeExample != "" && !b.madeNoted {
		b.madeNoted = true
		b.note(fmt.Sprintf("the sheet has no id column: each session's id is made from its title (%s), with its day and start added when the title repeats, so that it stays the same when other sessions change", b.madeExample))
	}
}
