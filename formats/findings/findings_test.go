package findings

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docket-forum/docket/internal/validate"
)

var sampleFindings = []validate.Finding{
	{Rule: "room-overlap", Severity: validate.Error, File: "p.csv", Row: 7, Line: 12, Column: "Room", Session: "WS #1", Message: "Hall, B is booked: 50% full", Hint: "move it\nsomewhere"},
	{Rule: "text-hygiene", Severity: validate.Warning, File: "p.csv", Row: 7, Line: 12, Column: "Title", Session: "WS #1", Message: "the cell has a doubled space"},
	{Rule: "bad-time", Severity: validate.Error, File: "p.xlsx", Sheet: "Sessions", Row: 3, Column: "Start", Session: "A&B <x>", Message: `start "25:61"`},
}

func write(t *testing.T, format string, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, sampleFindings, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGitHubAnnotations checks the workflow command syntax: one line per
// finding, properties escaped (, : % newline), data escaped (% newline).
func TestGitHubAnnotations(t *testing.T) {
	got := write(t, "github", Options{})
	want := "::error file=p.csv,line=12,title=room-overlap (WS #1)::Room: Hall, B is booked: 50%25 full%0Amove it%0Asomewhere\n" +
		"::warning file=p.csv,line=12,title=text-hygiene (WS #1)::Title: the cell has a doubled space\n" +
		"::error file=p.xlsx,line=3,title=bad-time (A&B <x>)::sheet Sessions row 3, Start: start \"25:61\"\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	cmd := regexp.MustCompile(`^::(error|warning) file=[^,:]+(,line=\d+)?,title=[^,:]+::[^\r\n]*$`)
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		if !cmd.MatchString(line) {
			t.Errorf("not a workflow command: %s", line)
		}
	}
}

func TestJUnitReport(t *testing.T) {
	checked := []CheckedSession{{File: "p.csv", ID: "WS #1", Title: "One", Row: 7}, {File: "p.csv", ID: "WS #2", Title: "Clean", Row: 8}, {File: "p.xlsx", Sheet: "Sessions", ID: "A&B <x>", Row: 3}}
	out := write(t, "junit", Options{Checked: checked})
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name     string `xml:"name,attr"`
				Failures []struct {
					Type string `xml:"type,attr"`
				} `xml:"failure"`
				Out string `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if doc.Tests != 3 || doc.Failures != 2 || len(doc.Suites) != 2 || doc.Suites[0].Cases[0].Name != "WS #1 — One" ||
		doc.Suites[0].Cases[0].Failures[0].Type != "room-overlap" || !strings.Contains(doc.Suites[0].Cases[0].Out, "doubled space") ||
		len(doc.Suites[0].Cases[1].Failures) != 0 {
		t.Errorf("unexpected report:\n%s", out)
	}
	// A real JUnit parser, where CI has it (Debian python3-junitparser).
	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil || exec.Command(py, "-c", "import junitparser").Run() != nil {
		t.Log("python3-junitparser not installed; skipping the cross-check")
		return
	}
	path := filepath.Join(t.TempDir(), "report.xml")
	os.WriteFile(path, []byte(out), 0o644)
	script := `import sys, junitparser
x = junitparser.JUnitXml.fromfile(sys.argv[1])
cases = [c for s in x for c in s]
failed = [c.name for c in cases if not c.is_passed]
print(len(cases), len(failed), failed[0])`
	res, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(res)) != "3 2 WS #1 — One" {
		t.Errorf("junitparser: %v: %s", err, res)
	}
}

func TestTextReport(t *testing.T) {
	got := write(t, "text", Options{Sessions: 3})
	want := `WS #1  p.csv row 7
  p.csv:7:Room: error: Hall, B is booked: 50% full [room-overlap]
      hint: move it
somewhere
  p.csv:7:Title: warning: the cell has a doubled space [text-hygiene]

A&B <x>  p.xlsx:Sessions row 3
  p.xlsx:Sessions:3:Start: error: start "25:61" [bad-time]

2 errors, 1 warning in 3 sessions
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if c := write(t, "text", Options{Color: true}); !strings.Contains(c, "\x1b[31merror\x1b[0m") {
		t.Errorf("no colour: %q", c)
	}
	if q := write(t, "text", Options{Quiet: true}); strings.Contains(q, "warning:") {
		t.Errorf("quiet shows warnings: %s", q)
	}
}
