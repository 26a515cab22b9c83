// Package swar tests eight bytes of a string at once ("SIMD within a
// register"). The text scans on the hot paths (JSON escaping, text
// hygiene) look for a few rare bytes in long, mostly plain text, and
// skipping a plain block of eight in one step is what makes them cheap.
//
// The tests come from Sean Anderson's "Bit Twiddling Hacks". Each may flag
// a byte that sits next to a non-ASCII byte by mistake, but never misses
// one: a flagged block is looked at byte by byte.
package swar

// Load8 returns s[i:i+8] as a little-endian word; the compiler makes it
// one load. It panics if s has fewer than i+8 bytes.
func Load8(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// Less has the high bit set in each byte of x below n (n at most 0x80).
func Less(x uint64, n byte) uint64 { return (x - ones*uint64(n)) &^ x & highs }

// Byte has the high bit set in each byte of x equal to c.
func Byte(x uint64, c byte) uint64 {
	y := x ^ (ones * uint64(c))
	return (y - ones) &^ y & highs
}

// AtLeast7F has the high bit set in each byte of x at or above 0x7f (DEL
// and every non-ASCII byte): three operations where Byte(x, 0x7f) and
// NonASCII take five.
func AtLeast7F(x uint64) uint64 { return ((x + ones) | x) & highs }

// NonASCII has the high bit set in each byte of x at or above 0x80.
func NonASCII(x uint64) uint64 { return x & highs }
