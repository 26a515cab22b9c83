package summaryview

import (
	"bytes"
	"os"
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
			"| Workshop                  |    14 |   29% | ######               |",
			"| Main Hall           | all days   |       10 |     735 |         65% |",
			"|                     | 2023-10-10 |        5 |     375 |         69% |",
		}},
		{false, []string{"│ Workshop                  │    14 │   29% │ ██████               │", "┌", "└"}},
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
		if c.ascii && strings.ContainsAny(b.String(), "┌│└█") {
			t.Errorf("box drawing or blocks in the ASCII report")
		}
	}
}

// TestReportTextASCII: in a pipe (ASCII) the text report draws nothing
// outside ASCII; the only other characters in it are the data's own
// (room names and themes with en dashes), which are shown as they are.
func TestReportTextASCII(t *testing.T) {
	data, err := os.ReadFile(sampleCSV)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, "text", reportHTMLSample(t), Options{ASCII: true}); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(b.String(), "\n") {
		for _, r := range line {
			if r > 0x7f && !strings.ContainsRune(string(data), r) {
				t.Errorf("line %d: %q is drawn by docket, not ASCII: %s", i+1, r, line)
				break
			}
		}
	}
	if !strings.Contains(b.String(), "| WS 7 – Room K       | all days   |       10 |     680 |         60% | ############         |") {
		t.Errorf("the rooms' bars are not # in ASCII:\n%s", b.String())
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
