package swar

import (
	"strings"
	"testing"
)

// naive gives, for each test, whether some byte of b matches it.
func naive(b string) (less20, quote, del, high bool) {
	for i := 0; i < len(b); i++ {
		less20 = less20 || b[i] < 0x20
		quote = quote || b[i] == '"'
		del = del || b[i] == 0x7f
		high = high || b[i] >= 0x80
	}
	return
}

// TestNoMiss checks that no test misses a byte it looks for, over every
// byte value at every position next to every kind of neighbour; a flag
// without such a byte is allowed only where the block has a non-ASCII one.
func TestNoMiss(t *testing.T) {
	for _, fill := range []byte{'a', ' ', 0x00, 0x1f, '"', 0x7e, 0x7f, 0x80, 0xc3, 0xfe, 0xff} {
		for pos := range 8 {
			for c := range 256 {
				b := []byte(strings.Repeat(string(fill), 8))[:8]
				b[pos] = byte(c)
				s := string(b)
				x := Load8(s, 0)
				less20, quote, del, high := naive(s)
				if got := Less(x, 0x20) != 0; got != less20 && !(got && high) {
					t.Errorf("Less(%q, 0x20) = %v", s, got)
				}
				if got := Byte(x, '"') != 0; got != quote && !(got && high) {
					t.Errorf("Byte(%q, '\"') = %v", s, got)
				}
				if got := AtLeast7F(x) != 0; got != (del || high) {
					t.Errorf("AtLeast7F(%q) = %v", s, got)
				}
				if got := NonASCII(x) != 0; got != high {
					t.Errorf("NonASCII(%q) = %v", s, got)
				}
			}
		}
	}
}

func TestLoad8(t *testing.T) {
	if got := Load8("xabcdefgh", 1); got != 0x6867666564636261 {
		t.Errorf("Load8 = %#x", got)
	}
}
