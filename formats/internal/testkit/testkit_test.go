package testkit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"
)

// recorder is a test that keeps what it is told to report.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestFirstDiff(t *testing.T) {
	for _, c := range []struct{ want, got, diff string }{
		{"a\nb\nc", "a\nx\nc", "line 2:\n want: b\n  got: x"},
		{"a\nb", "a\nb\nc", "line 3:\n want: \n  got: c"},
		{"a\r\nb", "a\r\nb", "(same lines, different line ends)"},
	} {
		if d := FirstDiff(c.want, c.got); d != c.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", c.want, c.got, d, c.diff)
		}
	}
}

// TestGolden: a golden file that matches passes, one that differs is
// reported with its first different line and how to rewrite it, and
// -update rewrites it.
func TestGolden(t *testing.T) {
	defer func(u bool) { *update = u }(*update)
	path := filepath.Join(t.TempDir(), "golden", "out.txt")

	*update = true
	Golden(t, path, []byte("one\ntwo\n"))
	if data, err := os.ReadFile(path); err != nil || string(data) != "one\ntwo\n" {
		t.Fatalf("-update wrote %q, %v", data, err)
	}

	*update = false
	Golden(t, path, []byte("one\ntwo\n"))
	r := &recorder{TB: t}
	Golden(r, path, []byte("one\nthree\n"))
	want := path + " differs from the golden file:\nline 2:\n want: two\n  got: three\n(run go test ./formats/internal/testkit -update if the change is intended, and review the diff)"
	if len(r.errs) != 1 || r.errs[0] != want {
		t.Errorf("a different output reports %q, want %q", r.errs, want)
	}
}

func TestHTML(t *testing.T) {
	root := ParseHTML(t, `<p id="a" class="x y">one &amp; <b id="a" onclick="f()">two</b></p><style>A { background: URL(x) }</style><img src="x">`)
	ps := HTMLNodes(root, HTMLElem(atom.P, "y"))
	if len(ps) != 1 || HTMLTextOf(ps[0]) != "one & two" || HTMLAttr(ps[0], "id") != "a" || HTMLAttr(ps[0], "title") != "" {
		t.Fatalf("the paragraph of class y: %v", ps)
	}
	if HTMLHasClass(ps[0], "z") || len(HTMLNodes(root, HTMLElem(atom.P, "z"))) != 0 {
		t.Error("a class the paragraph does not have matches")
	}
	if n := len(HTMLNodes(root, HTMLLoads)); n != 1 {
		t.Errorf("%d elements load something, want the img", n)
	}
	r := &recorder{TB: t}
	if ids := HTMLIDs(r, root); len(ids) != 1 || !ids["a"] {
		t.Errorf("ids = %v", ids)
	}
	CheckNoEventHandlers(r, root)
	CheckCSSFetchesNothing(r, HTMLTextOf(HTMLNodes(root, HTMLElem(atom.Style, ""))[0]))
	if want := []string{`element id "a" is used twice`, "<b> has an event handler onclick", `the style sheet contains "url("`}; strings.Join(r.errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported %q, want %q", r.errs, want)
	}
	var attrs []string
	for n, a := range HTMLAttrs(root) {
		attrs = append(attrs, n.Data+" "+a.Key)
	}
	if got := strings.Join(attrs, ", "); got != "p id, p class, b id, b onclick, img src" {
		t.Errorf("HTMLAttrs yields %s", got)
	}
}

func TestPDFPages(t *testing.T) {
	pdf := []byte("<< /Type /Pages /Kids [3 0 R] /Count 2 >>\n<< /Type /Pages /Count 12 >>\n<< /Count x >>")
	if n := PDFPages(pdf); n != 12 {
		t.Errorf("PDFPages = %d, want 12", n)
	}
	if n := PDFPages(nil); n != 0 {
		t.Errorf("PDFPages(nil) = %d, want 0", n)
	}
}
