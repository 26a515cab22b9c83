package schedule

import (
	"github.com/docket-forum/docket/internal/swar"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// shortFields hold names and labels, where a doubled or stray space is a
// typo; in long texts (descriptions, reports) spacing is the author's.
var shortFields = map[Field]bool{
	FieldID: true, FieldTitle: true, FieldType: true, FieldFormat: true, FieldRoom: true,
	FieldTheme: true, FieldSubtheme: true, FieldOrganizers: true, FieldSpeakers: true,
	FieldOnsiteModerator: true, FieldOnlineModerator: true, FieldRapporteur: true, FieldLanguage: true,
}

var (
	// Mojibake: UTF-8 read as Windows-1252 or Latin-1 ("CafÃ©", "â€™").
	reMojibake = regexp.MustCompile(`Ã[\x{0080}-\x{00BF}\x{0152}\x{0153}\x{0160}\x{0161}\x{0178}\x{017D}\x{017E}\x{2018}-\x{201E}\x{2020}-\x{2022}\x{2026}\x{2030}\x{2039}\x{203A}\x{20AC}\x{2122}]|â€|Â[\x{00A0}-\x{00BF}]`)
	reHTMLTag  = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&(nbsp|amp|lt|gt|quot|#\d+);`)
)

// Hygiene lists what is wrong with the spelling of a cell's text: stray or
// doubled spaces (in short fields), non-breaking and zero-width spaces,
// mojibake, HTML left in the text, control characters and the invisible
// direction overrides that can disguise a name.
func Hygiene(f Field, raw string) []string {
	return hygiene(shortFields[f], raw)
}

// hygiene is Hygiene for a field that is short or not; the builder knows
// which once per column.
func hygiene(short bool, raw string) []string {
	var out []string
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	if short {
		if hasDoubleSpace(raw) {
			add("a doubled space")
		}
		if raw != strings.TrimSpace(raw) && strings.TrimSpace(raw) != "" {
			add("spaces before or after the text")
		}
	}
	// Only the part from the first byte that is not plain printable ASCII
	// can be wrong: most cells have none.
	mojibake := false
	for i := firstSuspect(raw); i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		// Plain text after a suspect character is skipped as at the start:
		// one accent early in a description must not send the rest of it
		// through a character-by-character loop.
		i += size
		i += firstSuspect(raw[i:])
		switch {
		case r == 'Ã' || r == 'Â' || r == 'â':
			mojibake = true
		default:
			if issue := runeIssue(r); issue != "" {
				add(issue)
			}
		}
	}
	if mojibake && reMojibake.MatchString(raw) {
		add("mojibake such as \"" + reMojibake.FindString(raw) + "\" (UTF-8 text read in the wrong encoding)")
	}
	if maybeMarkup(raw) && reHTMLTag.MatchString(raw) {
		add("HTML left in the text (\"" + reHTMLTag.FindString(raw) + "\")")
	}
	return out
}

// runeIssue says what is wrong with a character in text, or "".
func runeIssue(r rune) string {
	switch {
	case r < 0x7f && r >= ' ', r == '\n', r == '\r', r == '\t':
		return ""
	case r == '\u00a0' || r == '\u202f':
		return "a non-breaking space"
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060':
		return "an invisible zero-width character"
	case (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f':
		return "an invisible text-direction control (it can make a name look like another)"
	case r == '\u2028' || r == '\u2029' || r == '\u0085':
		return "a Unicode line or paragraph separator (some apps drop the text around it; use a line break)"
	case r == '\ufffd':
		return "a replacement character (�): the text was damaged by a wrong encoding"
	case unicode.IsControl(r):
		return "a control character"
	}
	return ""
}

// trim is strings.TrimSpace, with a quick return for the common cell that
// starts and ends with a printable ASCII character.
func trim(s string) string {
	if n := len(s); n > 0 && s[0] > ' ' && s[0] < 0x7f && s[n-1] > ' ' && s[n-1] < 0x7f {
		return s
	}
	return strings.TrimSpace(s)
}

// hasDoubleSpace is strings.Contains(s, "  "), eight bytes at a time: in a
// cell of names, where every other word ends in a space, Contains stopped
// at each one.
func hasDoubleSpace(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		sp := swar.Byte(swar.Load8(s, i), ' ')
		// A pair inside the block, or one across the block's edges.
		if sp&(sp>>8) != 0 || (sp&0x80 != 0 && i > 0 && s[i-1] == ' ') {
			if strings.Contains(s[max(i-1, 0):i+8], "  ") {
				return true
			}
		}
	}
	return strings.Contains(s[max(i-1, 0):], "  ")
}

// firstSuspect returns the index of the first byte of raw that is neither
// printable ASCII nor a line break or tab; len(raw) if there is none. Blocks of eight plain bytes are skipped at once.
func firstSuspect(raw string) int {
	i := 0
	for i < len(raw) {
		if i+8 <= len(raw) {
			x := swar.Load8(raw, i)
			if swar.Less(x, 0x20)|swar.AtLeast7F(x) == 0 {
				i += 8
				continue
			}
		}
		c := raw[i]
		if c >= 0x7f || (c < ' ' && c != '\n' && c != '\r' && c != '\t') {
			return i
		}
		i++
	}
	return i
}

// maybeMarkup reports whether raw has a "<" before a letter or "/", or an
// "&" before an entity's name: only then can reHTMLTag match ("Q&A" and
// "a < b" cannot).
func maybeMarkup(raw string) bool {
	// Two IndexByte scans (vector instructions) cost less than testing
	// for "<" and "&" in the scan for suspect characters.
	for lt := strings.IndexByte(raw, '<'); lt >= 0; {
		if rest := raw[lt+1:]; rest != "" && (rest[0] == '/' || rest[0]|0x20 >= 'a' && rest[0]|0x20 <= 'z') {
			return true
		}
		next := strings.IndexByte(raw[lt+1:], '<')
		if next < 0 {
			break
		}
		lt += 1 + next
	}
	for amp := strings.IndexByte(raw, '&'); amp >= 0; {
		rest := raw[amp+1:]
		for _, e := range []string{"nbsp;", "amp;", "lt;", "gt;", "quot;", "#"} {
			if strings.HasPrefix(rest, e) {
				return true
			}
		}
		next := strings.IndexByte(rest, '&')
		if next < 0 {
			break
		}
		amp += 1 + next
	}
	return false
}
