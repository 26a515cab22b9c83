package safe

import "testing"

func TestTerminal(t *testing.T) {
	for in, want := range map[string]string{
		"Opening Ceremony":               "Opening Ceremony",
		"Café – Room K\tx\ny":            "Café – Room K\tx\ny",
		"\x1b]0;pwned\x07Title":          `\x1b]0;pwned\x07Title`,
		"red \x1b[31mtext\x1b[0m":        `red \x1b[31mtext\x1b[0m`,
		"a\rb\x00c\x7fd":                 `a\x0db\x00c\x7fd`,
		"C1 \u009b31m":                   `C1 \x9b31m`,
		"evil\u202egnp.exe":              "evil<U+202E>gnp.exe",
		"\u2066isolate\u2069 and \u00e9": "<U+2066>isolate<U+2069> and é",
	} {
		if got := Terminal(in); got != want {
			t.Errorf("Terminal(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzTerminal(f *testing.F) {
	f.Add("\x1b]0;x\x07")
	f.Add("a\u202eb")
	f.Fuzz(func(t *testing.T, s string) {
		out := Terminal(s)
		for _, r := range out {
			if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || bidi(r) {
				t.Fatalf("Terminal(%q) = %q keeps %U", s, out, r)
			}
		}
	})
}
