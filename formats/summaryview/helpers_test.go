package summaryview

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/docket-forum/docket/internal/schedule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const sampleCSV = "../../testdata/sample.csv"

func init() {
	// Golden output must not depend on the machine's zone.
	time.Local = time.UTC
}

// readSample reads testdata/sample.csv through the Builder directly, as
// internal/summary's tests do: this package may not import formats, and
// the sample is plain comma-separated UTF-8, which needs none of its
// reader's sniffing.
func readSample(t *testing.T) *schedule.Programme {
	t.Helper()
	data, err := os.ReadFile(sampleCSV)
	if err != nil {
		t.Fatal(err)
	}
	prog := &schedule.Programme{}
	b, err := schedule.NewBuilder(prog, schedule.Options{File: filepath.Base(sampleCSV)})
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	if err := b.Read(&csvRows{r: cr}); err != nil {
		t.Fatalf("reading %s: %v", sampleCSV, err)
	}
	return prog
}

// csvRows feeds encoding/csv records to the Builder as numbered rows.
type csvRows struct {
	r *csv.Reader
	n int
}

func (r *csvRows) Next() (schedule.Row, error) {
	rec, err := r.r.Read()
	if err != nil {
		return schedule.Row{}, err
	}
	r.n++
	return schedule.Row{Num: r.n, Cells: rec}, nil
}

// TODO(dedupe): golden, firstDiff and the HTML helpers below are the same
// as formats' test helpers (formats_test.go, html_test.go).

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./formats/summaryview -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n%s\n(run go test ./formats/summaryview -update if the change is intended, and review the diff)", name, firstDiff(string(want), got))
	}
}

// firstDiff shows the first differing line of want and got.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return "(same lines, different line ends)"
}

// parseHTML parses a page the way a browser does.
func parseHTML(t *testing.T, doc string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	return root
}

// htmlNodes returns the elements below n that match.
func htmlNodes(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlHasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(htmlAttr(n, "class")), class)
}

func htmlElem(a atom.Atom, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a && (class == "" || htmlHasClass(n, class)) }
}

// htmlTextOf is the text of n as a browser holds it (entities decoded).
func htmlTextOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// runChromium runs headless Chromium on the file page with args (a
// screenshot or a PDF), with a profile of its own under dir.
func runChromium(t *testing.T, dir, page, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile-"+name)}
	out, err := exec.CommandContext(ctx, "/usr/bin/chromium", append(append(base, args...), "file://"+page)...).CombinedOutput()
	if err != nil {
		t.Fatalf("chromium (%s): %v\n%s", name, err, out)
	}
}

// pdfPages is the page count of a PDF: the root of the page tree has the
// largest /Count.
func pdfPages(data []byte) int {
	pages := 0
	for _, m := range regexp.MustCompile(`/Count (\d+)`).FindAllSubmatch(data, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		pages = max(pages, n)
	}
	return pages
}
