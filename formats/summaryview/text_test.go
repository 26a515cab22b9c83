package summaryview

import (
	"bytes"
	"strings"
	"testing"
)

// TestReportTextTables: the text report draws its counts as tables, ASCII
// in a pipe and box-drawing on a terminal, with the sample's numbers.
func TestReportTextTables(t *testing.T) {
	r := reportHTMLSample(t)
	for _, c := range []struct {
		ascii bool
		want  []string
	}{
		{true, []string{
			"| Workshop                  |    14 |   29% | ██████               |",
			"| Main Hall           | all days   |       10 |     735 |         65% |",
			"|                     | 2023-10-10 |        5 |     375 |         69% |",
		}},
		{false, []string{"│ Workshop                  │    14 │   29% │", "┌", "└"}},
	} {
		var b bytes.Buffer
		if err := Write(&b, "text", r, Options{ASCII: c.ascii}); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("ascii=%v: no %q in\n%s", c.ascii, w, b.String())
			}
		}
		if c.ascii && strings.ContainsAny(b.String(), "┌│└") {
			t.Errorf("box drawing in the ASCII report")
		}
	}
}

// TestReportIDsFromTheData: session ids listed in the report are the
// data's: escaped in Markdown (no link, no table, no heading), shown
// visibly in a terminal (no escape sequence acted on).
func TestReportIDsFromTheData(t *testing.T) {
	r := reportHTMLSample(t)
	r.MissingOutcomes = []string{"[x](javascript:alert(1)) | # H", "A\x1b]0;title\x07"}
	var md, text bytes.Buffer
	if err := Write(&md, "markdown", r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "report: \\[x\\](javascript:alert(1)) \\| \\# H, A\uFFFD\\]0;title\uFFFD") {
		t.Errorf("markdown: %s", md.String()[strings.Index(md.String(), "## Outcomes"):])
	}
	if err := Write(&text, "text", r, Options{ASCII: true}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(text.String(), 0x1b) || !strings.Contains(text.String(), `A\x1b]0;title\x07`) {
		t.Errorf("text: %q", text.String()[strings.Index(text.String(), "Outcomes"):])
	}
}
