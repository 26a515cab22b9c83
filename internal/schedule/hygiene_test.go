package schedule

import (
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
