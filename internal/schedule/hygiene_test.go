package schedule

import (
	"slices"
	"strings"
	"testing"
)

func TestHygiene(t *testing.T) {
	cases := []struct {
		field Field
		in    string
		want  string // issues joined by "; ", "" for a clean cell
	}{
		{FieldTitle, "Clean title", ""},
		{FieldTitle, "Doubled  space", "a doubled space"},
		{FieldTitle, " leading", "spaces before or after the text"},
		{FieldDescription, "Sentence.  Another one.", ""}, // long text keeps its spacing
		{FieldDescription, "Text with\u00a0nbsp", "a non-breaking space"},
		{FieldRoom, "Room\u200bK", "an invisible zero-width character"},
		{FieldSpeakers, "Ana\u202eamiL", "an invisible text-direction control (it can make a name look like another)"},
		{FieldTitle, "CafÃ© culture", `mojibake such as "Ã©" (UTF-8 text read in the wrong encoding)`},
		{FieldDescription, "It doesnâ€™t work", `mojibake such as "â€" (UTF-8 text read in the wrong encoding)`},
		{FieldDescription, "Bold <b>text</b>", `HTML left in the text ("<b>")`},
		{FieldDescription, "Tom &amp; Jerry", `HTML left in the text ("&amp;")`},
		{FieldDescription, "a < b and c > d", ""},
		{FieldTitle, "Ctrl\x07char", "a control character"},
		{FieldDescription, "One\u2028two", "a Unicode line or paragraph separator (some apps drop the text around it; use a line break)"},
		{FieldTitle, "Broken \ufffd", "a replacement character (�): the text was damaged by a wrong encoding"},
		// The UN typography of the SDG titles is no mojibake.
		{FieldDescription, "10‐Year Framework – “sustainable” ’s", ""},
		{FieldTitle, "Zürich, São Paulo, Ñuñoa, Łódź", ""},
	}
	for _, c := range cases {
		if got := strings.Join(Hygiene(c.field, c.in), "; "); got != c.want {
			t.Errorf("Hygiene(%s, %q) = %q, want %q", c.field, c.in, got, c.want)
		}
	}
}

// FuzzMaybeMarkup: the cheap check never hides HTML the expression finds.
func FuzzMaybeMarkup(f *testing.F) {
	for _, s := range []string{"Q&A", "a < b", "<b>x</b>", "&amp;", "&#160;", "x<br/>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if reHTMLTag.MatchString(s) && !maybeMarkup(s) {
			t.Errorf("%q has markup the pre-check missed", s)
		}
	})
}

// hygieneReference is Hygiene without its shortcuts: every rune looked at
// (runeIssue), both expressions run on every cell.
func hygieneReference(f Field, raw string) []string {
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if shortFields[f] {
		if strings.Contains(raw, "  ") {
			add("a doubled space")
		}
		if raw != strings.TrimSpace(raw) && strings.TrimSpace(raw) != "" {
			add("spaces before or after the text")
		}
	}
	for _, r := range raw {
		if issue := runeIssue(r); issue != "" {
			add(issue)
		}
	}
	if m := reMojibake.FindString(raw); m != "" {
		add("mojibake such as \"" + m + "\" (UTF-8 text read in the wrong encoding)")
	}
	if m := reHTMLTag.FindString(raw); m != "" {
		add("HTML left in the text (\"" + m + "\")")
	}
	return out
}

// FuzzHygiene: the eight-bytes-at-a-time scan finds what the plain one does.
func FuzzHygiene(f *testing.F) {
	for _, s := range []string{"plain text that is long enough", "Café\u00a0Zürich <b>x</b>", "  two  spaces ", "CafÃ© â€™", "a\x00b\x7fc", "12345678\u200b", "&amp;&#1;", "x\xffy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, field := range []Field{FieldTitle, FieldDescription} {
			got, want := Hygiene(field, s), hygieneReference(field, s)
			if !slices.Equal(got, want) {
				t.Errorf("Hygiene(%s, %q) = %q, want %q", field, s, got, want)
			}
		}
	})
}

func FuzzHasDoubleSpace(f *testing.F) {
	for _, s := range []string{"", "  ", "a b c d e f g h", "abcdefg  hij", "abcdefgh  ", "abcdefg\u00e9 !x", " !      "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasDoubleSpace(s), strings.Contains(s, "  "); got != want {
			t.Errorf("hasDoubleSpace(%q) = %v", s, got)
		}
	})
}

func FuzzTrim(f *testing.F) {
	for _, s := range []string{"", " a ", "a", "ab", "\u00a0x\u00a0", "x\t", "\x7fa"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trim(s), strings.TrimSpace(s); got != want {
			t.Errorf("trim(%q) = %q, want %q", s, got, want)
		}
	})
}
