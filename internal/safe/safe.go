// Package safe makes text from a programme harmless where it is shown: in
// a terminal, an escape sequence in a cell (ESC, OSC) could set the
// window's title, hide text or forge a link, and bidi overrides can make
// one name read as another.
package safe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Terminal returns s with every control character a terminal would act
// on shown visibly instead: C0 controls other than tab and line feed, DEL
// and C1 as \x1b-style escapes, bidi overrides and isolates as <U+202E>.
// Text without any is returned as it is, without copying.
func Terminal(s string) string {
	i := suspect(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == utf8.RuneError:
			b.WriteRune(r)
		case bidi(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// suspect returns the index of the first byte that may start a control
// character, or len(s): C0 and DEL bytes, 0xC2 (C1 in UTF-8) and 0xE2 (the
// bidi controls), 0xD8 (U+061C).
func suspect(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xc2 || c == 0xe2 || c == 0xd8 {
			return i
		}
	}
	return len(s)
}

// bidi reports whether r changes the direction text is shown in.
func bidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
