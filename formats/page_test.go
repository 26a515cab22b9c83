package formats

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

// seedPage is the IGF's own page of Open Forum #168, whose layout the page
// export reproduces.
const seedPage = "../../shared/seed/igf2023-open-forum-168.txt"

// seedHeadings are the section headings of the seed page, in its order.
var seedHeadings = []string{"Time", "Room", "Issue(s)", "Description", "Organizers", "Speakers",
	"Onsite Moderator", "Online Moderator", "Rapporteur", "SDGs", "Key Takeaways", "Call to Action", "Session Report"}

func writePage(t *testing.T, s *schedule.Session, o PageOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := WritePage(&b, s, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPageOF168(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	of168 := findSession(t, p, "Open Forum #168")
	md := writePage(t, of168, PageOptions{})
	testkit.Golden(t, "testdata/golden/page-of168.md", []byte(md))
	html := writePage(t, of168, PageOptions{As: "html"})
	testkit.Golden(t, "testdata/golden/page-of168.html", []byte(html))

	for _, want := range []string{
		"# Open Forum \\#168 Creating digital public infrastructure that empowers people\n",
		"\nWednesday, 11th October, 2023 (08:45 UTC) - Wednesday, 11th October, 2023 (09:45 UTC) (17:45–18:45 Asia/Tokyo)\n",
		"\nPanel - 60 Min\n",
		"\n1. Heiko Wildner, BMDV, Government\n",
		"\n1. Valeriya Ionan, Deputy Minister for Eurointegration, Ministry of Digital Transformation of Ukraine, Government, Eastern European Group (online)\n",
		"\n3. Mark Irura, Intergovernmental Organization, African Group (on-site)\n",
		"\n- 9.1: Develop quality, reliable, sustainable and resilient infrastructure",
		"\n- 17.17: Encourage and promote effective public, public-private and civil society partnerships",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown page lacks %q", want)
		}
	}
	if of168.OnsiteModerator.Email == "" || strings.Contains(md, of168.OnsiteModerator.Email) || strings.Contains(html, of168.OnsiteModerator.Email) {
		t.Error("a page shows an e-mail address")
	}

	// The sections come in the seed page's order.
	if data, err := os.ReadFile(seedPage); err == nil {
		var got []string
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			for _, h := range seedHeadings {
				if (line == h || strings.HasPrefix(line, h+" (")) && !slices.Contains(got, h) {
					got = append(got, h)
				}
			}
		}
		if !slices.Equal(got, seedHeadings) {
			t.Errorf("the seed page's headings are %q, the test expects %q", got, seedHeadings)
		}
	} else {
		t.Logf("seed page not found (%v): checking the order against the list only", err)
	}
	var mdHeadings, htmlHeadings []string
	for _, m := range regexp.MustCompile(`(?m)^## (.+)$`).FindAllStringSubmatch(md, -1) {
		if slices.Contains(seedHeadings, m[1]) {
			mdHeadings = append(mdHeadings, m[1])
		}
	}
	for _, m := range regexp.MustCompile(`<h2>(.+?)</h2>`).FindAllStringSubmatch(html, -1) {
		if slices.Contains(seedHeadings, m[1]) {
			htmlHeadings = append(htmlHeadings, m[1])
		}
	}
	if !slices.Equal(mdHeadings, seedHeadings) || !slices.Equal(htmlHeadings, seedHeadings) {
		t.Errorf("section order:\n markdown %q\n html     %q\n seed     %q", mdHeadings, htmlHeadings, seedHeadings)
	}
	// The format line sits between Issue(s) and Description, as on the seed.
	if i, j, k := strings.Index(md, "## Issue(s)"), strings.Index(md, "Panel - 60 Min"), strings.Index(md, "## Description"); !(i < j && j < k) {
		t.Error("the format line is not between Issue(s) and Description")
	}

	// Self-contained: no scripts, no fetches.
	for _, bad := range []string{"<script", "<link", "<img", "@import", "url("} {
		if strings.Contains(html, bad) {
			t.Errorf("the HTML page contains %q", bad)
		}
	}
}

func TestPageEmptySectionsOmitted(t *testing.T) {
	s := &schedule.Session{ID: "X1", Title: "Bare"}
	md := writePage(t, s, PageOptions{})
	if md != "# X1 Bare\n" {
		t.Errorf("a bare session's page is %q", md)
	}
	html := writePage(t, s, PageOptions{As: "html"})
	if strings.Contains(html, "<section>") || strings.Contains(html, "<h2>") {
		t.Errorf("a bare session's HTML page has sections:\n%s", html)
	}
	if err := WritePage(&bytes.Buffer{}, s, PageOptions{As: "pdf"}); err == nil {
		t.Error("As pdf should fail")
	}
}

func TestPageTime(t *testing.T) {
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	berlin, _ := time.LoadLocation("Europe/Berlin")
	s := &schedule.Session{Timezone: "Asia/Tokyo",
		Start: time.Date(2023, 10, 12, 8, 0, 0, 0, tokyo), End: time.Date(2023, 10, 12, 9, 0, 0, 0, tokyo)}
	cases := []struct {
		loc  *time.Location
		want string
	}{
		// The local day differs from the UTC day: it is named.
		{nil, "Wednesday, 11th October, 2023 (23:00 UTC) - Thursday, 12th October, 2023 (00:00 UTC) (Thursday, 12th October, 08:00–09:00 Asia/Tokyo)"},
		{berlin, "Wednesday, 11th October, 2023 (23:00 UTC) - Thursday, 12th October, 2023 (00:00 UTC) (Thursday, 12th October, 01:00–02:00 Europe/Berlin)"},
		{time.UTC, "Wednesday, 11th October, 2023 (23:00 UTC) - Thursday, 12th October, 2023 (00:00 UTC)"},
	}
	for _, c := range cases {
		if got := pageTime(s, c.loc); got != c.want {
			t.Errorf("in %v:\n got  %s\n want %s", c.loc, got, c.want)
		}
	}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 31: "31st"} {
		if got := pageOrdinal(n); got != want {
			t.Errorf("pageOrdinal(%d) = %s, want %s", n, got, want)
		}
	}
}

var safePageName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)?$`)

func TestPageFileName(t *testing.T) {
	long := strings.Repeat("Internet governance and the future of digital cooperation ", 5)
	cases := []struct {
		id, title, ext string
		want           string
	}{
		{"Open Forum #168", "Creating digital public infrastructure that empowers people", ".md",
			"open-forum-168-creating-digital-public-infrastructure-that-empowers-people.md"},
		{"../../etc/passwd", "", ".md", "etc-passwd.md"},
		{"..", "..", ".md", "session-1.md"},
		{"WS #1/2", "", "html", "ws-1-2.html"},
		{`C:\Windows\system32`, "", ".html", "c-windows-system32.html"},
		{"", "", ".md", "session-1.md"},
		{"", "会议", ".md", "session-1.md"},
		{"", "Café – Ñuñoa", ".md", "cafe-nunoa.md"},
		{"CON", "", ".md", "session-con.md"},
		{"WS #7", long, ".md", "ws-7-internet-governance-and-the-future-of-digital-cooperation-internet.md"},
		{"x", "y", "", "x-y"},
		{"x", "y", "../.md", "x-y.md"},
	}
	for _, c := range cases {
		got := PageFileName(&schedule.Session{ID: c.id, Title: c.title}, c.ext, map[string]bool{})
		if got != c.want {
			t.Errorf("PageFileName(%q, %q, %q) = %q, want %q", c.id, c.title, c.ext, got, c.want)
		}
		checkPageName(t, got)
	}

	// Duplicates get -2, -3, and stay within the bound.
	used := map[string]bool{}
	for _, s := range []*schedule.Session{{ID: "WS #1"}, {ID: "ws 1"}, {ID: "WS-1"}, {}, {}, {ID: "session 4"}} {
		checkPageName(t, PageFileName(s, ".md", used))
	}
	var names []string
	for n := range used {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{"session-4-2.md", "session-4.md", "session-5.md", "ws-1-2.md", "ws-1-3.md", "ws-1.md"}
	if !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	used = map[string]bool{}
	for range 12 {
		n := PageFileName(&schedule.Session{ID: "WS #7", Title: long}, ".html", used)
		checkPageName(t, n)
	}
	if len(used) != 12 || !used["ws-7-internet-governance-and-the-future-of-digital-cooperation-internet-12.html"] {
		t.Errorf("long duplicates: %v", used)
	}
}

func checkPageName(t *testing.T, name string) {
	t.Helper()
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if !safePageName.MatchString(name) || len(stem) > 80 || len(stem) == 0 || strings.Contains(name, "..") {
		t.Errorf("unsafe page file name %q", name)
	}
}

// hostileSession has markup, links and a script in every text field.
func hostileSession() *schedule.Session {
	const script = `<script>alert(1)</script> & "x"`
	const link = `](javascript:alert(1))`
	person := schedule.Person{Name: "[Eve" + link, Organization: script, Participation: schedule.Online}
	return &schedule.Session{
		ID: "WS #666", Title: script, Type: "Workshop", Format: script,
		Room: "<img src=x onerror=alert(1)>", Theme: link, Subtheme: "# not a heading",
		Description: "[click" + link + "\n<b>bold</b>\n# Heading\n| a | b |", PolicyQuestions: "**x** _y_ `z`",
		Organizers: []schedule.Person{person}, Speakers: []schedule.Person{person},
		OnsiteModerator: &person, OnlineModerator: &person, Rapporteur: &person,
		SDGs: []string{script}, KeyTakeaways: script, CallToAction: link, Report: "<iframe src=//evil>",
		URL: "javascript:alert(1)", Language: `en" onload="alert(1)`,
	}
}

func TestPageHostileTextIsInert(t *testing.T) {
	s := hostileSession()
	md := writePage(t, s, PageOptions{})
	// No raw HTML, no link or image syntax, no autolink.
	if strings.ContainsAny(md, "<>") {
		t.Errorf("raw angle brackets in the Markdown:\n%s", md)
	}
	if m := regexp.MustCompile(`(^|[^\\])[\[\]*_` + "`" + `|]`).FindString(md); m != "" {
		t.Errorf("unescaped Markdown syntax %q in:\n%s", m, md)
	}
	if !strings.Contains(md, `# WS \#666 &lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"`+"\n") {
		t.Errorf("the title is not escaped as text:\n%s", md)
	}
	if regexp.MustCompile(`(?m)^#+ [^ ]*(not a heading|Heading)`).MatchString(md) {
		t.Errorf("user text became a heading:\n%s", md)
	}

	html := writePage(t, s, PageOptions{As: "html"})
	for _, bad := range []string{"<script", "<img", "<iframe", "<b>", `href="javascript`, "onload=", `"x"`} {
		if strings.Contains(html, bad) {
			t.Errorf("the HTML page contains %q", bad)
		}
	}
	for _, want := range []string{
		"<title>WS #666 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34;</title>",
		"<h1>WS #666 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34;</h1>",
		"[Eve](javascript:alert(1))",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML page lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<a ") {
		t.Errorf("a javascript: URL became a link:\n%s", html)
	}
}

func TestPageStreamAndRegisteredFormat(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	n := len(p.Sessions)
	md := render(t, "page", p)
	if got := strings.Count(md, "\n\n---\n\n"); got != n-1 {
		t.Errorf("%d rules between %d Markdown pages", got, n)
	}
	if got := len(regexp.MustCompile(`(?m)^# `).FindAllString(md, -1)); got != n {
		t.Errorf("%d page titles, want %d", got, n)
	}
	var b bytes.Buffer
	if err := WritePageStream(&b, p, PageOptions{As: "html", Title: "IGF 2023"}); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if strings.Count(html, "<!DOCTYPE html>") != 1 || strings.Count(html, `<article class="session"`) != n ||
		strings.Count(html, "<hr>") != n-1 || !strings.Contains(html, "<title>IGF 2023</title>") {
		t.Errorf("the HTML stream is not one document with %d articles", n)
	}
	// The programme's zone is the local time shown, also for --show-tz.
	berlin, _ := time.LoadLocation("Europe/Berlin")
	b.Reset()
	if err := WritePageStream(&b, p, PageOptions{Loc: berlin}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(08:45 UTC) - Wednesday, 11th October, 2023 (09:45 UTC) (10:45–11:45 Europe/Berlin)") {
		t.Error("PageOptions.Loc is not the local zone")
	}
}

func TestWritePages(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	// Sessions whose names collide or would escape the folder.
	for _, id := range []string{"../../etc/passwd", "WS #1/2", "ws 1 2", "", ""} {
		p.Sessions = append(p.Sessions, &schedule.Session{ID: id, Title: "x"})
	}
	p.Sessions = append(p.Sessions, hostileSession())
	for _, as := range []string{"markdown", "html"} {
		t.Run(as, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out", "pages")
			paths, err := WritePages(dir, p, PageOptions{As: as})
			if err != nil {
				t.Fatal(err)
			}
			if len(paths) != len(p.Sessions) {
				t.Fatalf("%d paths for %d sessions", len(paths), len(p.Sessions))
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != len(p.Sessions) {
				t.Errorf("%d files in %s, want %d (no temporary files left)", len(entries), dir, len(p.Sessions))
			}
			ext := PageOptions{As: as}.Ext()
			seen := map[string]bool{}
			for _, path := range paths {
				if filepath.Dir(path) != dir {
					t.Errorf("%s is outside %s", path, dir)
				}
				name := filepath.Base(path)
				checkPageName(t, name)
				if filepath.Ext(name) != ext || seen[name] {
					t.Errorf("bad or repeated name %s", name)
				}
				seen[name] = true
				if st, err := os.Stat(path); err != nil || st.Size() == 0 || st.Mode().Perm() != 0o644 {
					t.Errorf("%s: %v", path, err)
				}
			}
			of168 := filepath.Join(dir, "open-forum-168-creating-digital-public-infrastructure-that-empowers-people"+ext)
			data, err := os.ReadFile(of168)
			if err != nil {
				t.Fatal(err)
			}
			if want := writePage(t, findSession(t, p, "Open Forum #168"), PageOptions{As: as}); string(data) != want {
				t.Errorf("%s differs from WritePage's output", of168)
			}
			// A second run writes the same files again.
			again, err := WritePages(dir, p, PageOptions{As: as})
			if err != nil || !slices.Equal(again, paths) {
				t.Errorf("second run: %v, paths differ: %v", err, !slices.Equal(again, paths))
			}
		})
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := WritePages(file, p, PageOptions{}); err == nil {
		t.Error("writing pages into a file should fail")
	}
}
