// Package findings writes what docket validate found, for the reader at
// hand: text grouped by session for a person at a terminal, JSON for
// scripts, GitHub workflow commands that annotate a pull request, and
// JUnit XML for CI servers. It renders findings, not programmes, so it
// stands apart from package formats.
package findings

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/docket-forum/docket/internal/safe"
	"github.com/docket-forum/docket/internal/validate"
)

// Formats are the formats Write knows, in the order help lists them.
var Formats = []string{"text", "json", "github", "junit"}

// Options says how to write findings; the command decides each one, as
// writers never look at the terminal themselves.
type Options struct {
	Color    bool // ANSI colours (text only); the command decides
	Quiet    bool // text: errors only
	Sessions int  // how many sessions were checked, for the summary
	// Checked lists the checked sessions by file and id, so that JUnit can
	// show the clean ones as passing cases.
	Checked []CheckedSession
}

// CheckedSession is one session that was checked, clean or not: JUnit
// needs the clean ones too, to count them as passing cases.
type CheckedSession struct {
	File, Sheet, ID, Title string
	Row                    int
}

// Write writes fs in the named format (one of Formats).
func Write(w io.Writer, format string, fs []validate.Finding, o Options) error {
	switch format {
	case "text":
		return writeText(w, fs, o)
	case "json":
		return writeJSON(w, fs)
	case "github":
		return writeGitHub(w, fs, o)
	case "junit":
		return writeJUnit(w, fs, o)
	}
	return fmt.Errorf("unknown findings format %q (valid: %s)", format, strings.Join(Formats, ", "))
}

func writeJSON(w io.Writer, fs []validate.Finding) error {
	if fs == nil {
		fs = []validate.Finding{}
	}
	errs, warns := validate.Count(fs)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Findings []validate.Finding `json:"findings"`
		Errors   int                `json:"errors"`
		Warnings int                `json:"warnings"`
	}{fs, errs, warns})
}

// Location names the cell of a finding as file:sheet:row:column, the
// form editors and grep can jump to.
func Location(f validate.Finding) string {
	loc := f.File
	if f.Sheet != "" {
		loc += ":" + f.Sheet
	}
	if f.Row > 0 {
		loc += ":" + strconv.Itoa(f.Row)
	}
	if f.Column != "" {
		loc += ":" + f.Column
	}
	return loc
}

const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiReset  = "\x1b[0m"
)

// writeText groups findings by session: a heading per session, then one
// self-contained line per finding (file:sheet:row:column: severity:
// message [rule]), so the lines still grep and jump in an editor.
func writeText(w io.Writer, fs []validate.Finding, o Options) error {
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + ansiReset
	}
	group := ""
	for _, f := range fs {
		if o.Quiet && f.Severity != validate.Error {
			continue
		}
		key := f.File + "\x00" + f.Sheet + "\x00" + strconv.Itoa(f.Row) + "\x00" + f.Session
		if key != group {
			if group != "" {
				fmt.Fprintln(w)
			}
			group = key
			name := f.Session
			if name == "" {
				name = "(no id)"
			}
			where := f.File
			if f.Sheet != "" {
				where += ":" + f.Sheet
			}
			if f.Row > 0 {
				where += " row " + strconv.Itoa(f.Row)
			}
			// Nothing from the data acts on the terminal (safe.Terminal).
			fmt.Fprintf(w, "%s  %s\n", paint(ansiBold, safe.Terminal(name)), paint(ansiDim, safe.Terminal(where)))
		}
		sev := string(f.Severity)
		if f.Severity == validate.Error {
			sev = paint(ansiRed, sev)
		} else {
			sev = paint(ansiYellow, sev)
		}
		if _, err := fmt.Fprintf(w, "  %s: %s: %s %s\n", safe.Terminal(Location(f)), sev, safe.Terminal(f.Message), paint(ansiDim, "["+f.Rule+"]")); err != nil {
			return err
		}
		if f.Hint != "" {
			fmt.Fprintf(w, "      hint: %s\n", safe.Terminal(f.Hint))
		}
	}
	if group != "" {
		fmt.Fprintln(w)
	}
	errs, warns := validate.Count(fs)
	summary := fmt.Sprintf("%s, %s in %s", plural(errs, "error"), plural(warns, "warning"), plural(o.Sessions, "session"))
	switch {
	case errs > 0:
		summary = paint(ansiRed, summary)
	case warns > 0:
		summary = paint(ansiYellow, summary)
	}
	_, err := fmt.Fprintln(w, summary)
	return err
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// GitHub workflow commands escape data and property values differently:
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
var (
	ghData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// writeGitHub writes one workflow command per finding, so that a pull
// request shows each on the line of the file that has it: for a text file
// the text line the row starts on, for a workbook its row.
func writeGitHub(w io.Writer, fs []validate.Finding, o Options) error {
	for _, f := range fs {
		cmd := "warning"
		if f.Severity == validate.Error {
			cmd = "error"
		}
		line := f.Line
		if line == 0 {
			line = f.Row
		}
		props := []string{"file=" + ghProperty.Replace(f.File)}
		if line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
		}
		title := f.Rule
		if f.Session != "" {
			title += " (" + f.Session + ")"
		}
		props = append(props, "title="+ghProperty.Replace(title))
		msg := f.Message
		if f.Column != "" {
			msg = f.Column + ": " + msg
		}
		if f.Sheet != "" {
			msg = "sheet " + f.Sheet + " row " + strconv.Itoa(f.Row) + ", " + msg
		}
		if f.Hint != "" {
			msg += "\n" + f.Hint
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData.Replace(msg)); err != nil {
			return err
		}
	}
	return nil
}

// JUnit XML, the subset CI servers read: a suite per file, a case per
// session, a failure per error; warnings go to the case's system-out.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string         `xml:"name,attr"`
		ClassName string         `xml:"classname,attr"`
		Failures  []junitFailure `xml:"failure"`
		SystemOut string         `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

func writeJUnit(w io.Writer, fs []validate.Finding, o Options) error {
	type key struct {
		file, sheet, id string
		row             int
	}
	cases := map[key]*junitCase{}
	byID := map[key][]key{} // (file, sheet, id) -> cases, for repeated ids
	var order []key
	suiteOf := map[string]*junitSuite{}
	var suites []string
	caseFor := func(k key, title string) *junitCase {
		if c, ok := cases[k]; ok {
			return c
		}
		name := k.id
		if name == "" {
			name = "(no id)"
		}
		if title != "" {
			name += " — " + title
		}
		class := k.file
		if k.sheet != "" {
			class += ":" + k.sheet
		}
		c := &junitCase{Name: name, ClassName: class}
		cases[k] = c
		order = append(order, k)
		idk := key{k.file, k.sheet, k.id, 0}
		byID[idk] = append(byID[idk], k)
		if suiteOf[k.file] == nil {
			suiteOf[k.file] = &junitSuite{Name: k.file}
			suites = append(suites, k.file)
		}
		return c
	}
	for _, s := range o.Checked {
		caseFor(key{s.File, s.Sheet, s.ID, s.Row}, s.Title)
	}
	for _, f := range fs {
		// The case of the finding's own row, else of its session's id
		// (a finding on a Speakers-sheet row), else a new one.
		k := key{f.File, f.Sheet, f.Session, f.Row}
		if _, ok := cases[k]; !ok {
			if ks := byID[key{f.File, f.Sheet, f.Session, 0}]; len(ks) > 0 {
				k = ks[0]
			}
		}
		c := caseFor(k, "")
		text := fmt.Sprintf("%s: %s [%s]", Location(f), f.Message, f.Rule)
		if f.Hint != "" {
			text += "\nhint: " + f.Hint
		}
		if f.Severity == validate.Error {
			c.Failures = append(c.Failures, junitFailure{Message: f.Message, Type: f.Rule, Text: text})
		} else {
			c.SystemOut += "warning: " + text + "\n"
		}
	}
	out := junitSuites{Name: "docket validate"}
	for _, k := range order {
		s := suiteOf[k.file]
		c := cases[k]
		s.Cases = append(s.Cases, *c)
		s.Tests++
		if len(c.Failures) > 0 {
			s.Failures++
		}
	}
	for _, name := range suites {
		s := suiteOf[name]
		out.Suites = append(out.Suites, *s)
		out.Tests += s.Tests
		out.Failures += s.Failures
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
