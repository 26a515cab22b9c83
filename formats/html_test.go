package formats

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

func TestHTMLGolden(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	got := render(t, "html", p)
	testkit.Golden(t, "testdata/golden/sample.html", []byte(got))
	if again := render(t, "html", readFile(t, sampleCSV, ReadOptions{})); again != got {
		t.Errorf("the same programme gives different bytes:\n%s", testkit.FirstDiff(got, again))
	}
}

func TestHTMLLookup(t *testing.T) {
	for _, name := range []string{"html", "htm", "HTML"} {
		if f, err := Lookup(name); err != nil || f.Name != "html" {
			t.Errorf("Lookup(%q) = %v, %v", name, f, err)
		}
	}
	for _, path := range []string{"out/programme.html", "programme.HTM"} {
		if f, err := ForPath(path); err != nil || f.Name != "html" {
			t.Errorf("ForPath(%q) = %v, %v", path, f, err)
		}
	}
}

// checkHTMLPage checks what every page must be: it parses, each session
// has one card with a unique id, every in-page link has a target, each
// grid is a well-formed table holding each scheduled session once, and
// nothing is fetched from anywhere.
func checkHTMLPage(t *testing.T, p *schedule.Programme, doc string) *html.Node {
	t.Helper()
	root := testkit.ParseHTML(t, doc)

	cards := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Article, "card"))
	if len(cards) != len(p.Sessions) {
		t.Errorf("%d session cards, want one per session (%d)", len(cards), len(p.Sessions))
	}
	ids := testkit.HTMLIDs(t, root)
	for _, c := range cards {
		if id := testkit.HTMLAttr(c, "id"); !strings.HasPrefix(id, "s-") || strings.Trim(id[2:], "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Errorf("card id %q is not s- and a slug", id)
		}
	}
	for _, a := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.A, "")) {
		href := testkit.HTMLAttr(a, "href")
		if target, ok := strings.CutPrefix(href, "#"); ok && !ids[target] {
			t.Errorf("link to #%s has no target", target)
		}
	}

	scheduled := 0
	for _, s := range p.Sessions {
		if s.Scheduled() {
			scheduled++
		}
	}
	inGrid := 0
	for _, g := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.Table, "grid")) {
		checkHTMLGridShape(t, g)
		for _, td := range testkit.HTMLNodes(g, testkit.HTMLElem(atom.Td, "slot")) {
			inGrid += len(testkit.HTMLNodes(td, testkit.HTMLElem(atom.A, "")))
		}
	}
	if inGrid != scheduled {
		t.Errorf("the grids show %d sessions, want each scheduled session once (%d)", inGrid, scheduled)
	}
	listed := 0
	for _, l := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.Table, "list")) {
		listed += len(testkit.HTMLNodes(l, testkit.HTMLElem(atom.Td, "title")))
	}
	if listed != len(p.Sessions) {
		t.Errorf("the lists hold %d sessions, want %d", listed, len(p.Sessions))
	}

	// Self-contained: no scripts, no fetched resources, and the only
	// addresses are the sessions' own pages, as links.
	for _, n := range testkit.HTMLNodes(root, testkit.HTMLLoads) {
		t.Errorf("the page has a <%s> element", n.Data)
	}
	urls := map[string]bool{}
	for _, s := range p.Sessions {
		if u := feed.HTTPURL(s.URL); u != "" {
			urls[u] = true
		}
	}
	testkit.CheckNoEventHandlers(t, root)
	for n, a := range testkit.HTMLAttrs(root) {
		v := strings.ToLower(a.Val)
		if !strings.Contains(v, "http:") && !strings.Contains(v, "https:") && !strings.Contains(v, "//") && !strings.Contains(v, "url(") {
			continue
		}
		if n.DataAtom != atom.A || a.Key != "href" || !urls[a.Val] {
			t.Errorf("<%s %s=%q> refers to something outside the page", n.Data, a.Key, a.Val)
		}
	}
	for _, st := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.Style, "")) {
		testkit.CheckCSSFetchesNothing(t, testkit.HTMLTextOf(st))
	}
	// What is left after taking out the sessions' addresses names no
	// address either.
	rest := doc
	for u := range urls {
		rest = strings.ReplaceAll(rest, u, "")
		rest = strings.ReplaceAll(rest, html.EscapeString(u), "")
	}
	for _, bad := range []string{"http://", "https://"} {
		if i := strings.Index(rest, bad); i >= 0 {
			t.Errorf("the page names an address other than a session's: %q", rest[max(i-40, 0):min(i+80, len(rest))])
		}
	}
	return root
}

// checkHTMLGridShape checks that a grid table is a rectangle: every row
// has one cell per column once the rows spanned from above are counted,
// and no span runs past the last row.
func checkHTMLGridShape(t *testing.T, table *html.Node) {
	t.Helper()
	head := testkit.HTMLNodes(table, testkit.HTMLElem(atom.Thead, ""))
	if len(head) != 1 {
		t.Fatalf("a grid has %d heads", len(head))
	}
	cols := len(testkit.HTMLNodes(head[0], testkit.HTMLElem(atom.Th, "")))
	var rows []*html.Node
	for _, body := range testkit.HTMLNodes(table, testkit.HTMLElem(atom.Tbody, "")) {
		rows = append(rows, testkit.HTMLNodes(body, testkit.HTMLElem(atom.Tr, ""))...)
	}
	pending := make([]int, cols) // rows each column is still spanned for
	for r, tr := range rows {
		col := 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			for col < cols && pending[col] > 0 {
				col++
			}
			if col >= cols {
				t.Errorf("grid row %d has more cells than columns", r+1)
				break
			}
			span := 1
			if v := testkit.HTMLAttr(c, "rowspan"); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 2 {
					t.Errorf("grid row %d: rowspan %q", r+1, v)
				}
				span = n
			}
			if r+span > len(rows) {
				t.Errorf("grid row %d: a cell spans %d rows, past the end of the table", r+1, span)
			}
			pending[col] = span
			col++
		}
		for i := range pending {
			if pending[i] == 0 {
				t.Errorf("grid row %d (%s) leaves column %d empty", r+1, testkit.HTMLTextOf(tr.FirstChild), i+1)
			}
			pending[i] = max(pending[i]-1, 0)
		}
	}
}

func TestHTMLSample(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	doc := render(t, "html", p)
	root := checkHTMLPage(t, p, doc)

	header := testkit.HTMLTextOf(testkit.HTMLNodes(root, testkit.HTMLElem(atom.Header, "masthead"))[0])
	for _, want := range []string{"10–11 October 2023", "Times in Asia/Tokyo (UTC+09:00)", "48 sessions · 7 rooms · 2 days"} {
		if !strings.Contains(header, want) {
			t.Errorf("the header lacks %q: %q", want, header)
		}
	}
	if n := len(testkit.HTMLNodes(root, testkit.HTMLElem(atom.Table, "grid"))); n != 2 {
		t.Errorf("%d grids, want one per day (2)", n)
	}
	// A 90-minute workshop spans the slots to its end.
	for _, td := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.Td, "slot")) {
		if strings.Contains(testkit.HTMLTextOf(td), "WS #220") && testkit.HTMLAttr(td, "rowspan") == "" {
			t.Errorf("WS #220 (09:30–11:00) spans no rows")
		}
	}
}

// TestHTMLSeedCard checks that the card of the seed session shows every
// field of its IGF session page.
func TestHTMLSeedCard(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	s := findSession(t, p, "Open Forum #168")
	root := testkit.ParseHTML(t, render(t, "html", p))
	var card *html.Node
	for _, c := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.Article, "card")) {
		if testkit.HTMLAttr(c, "id") == "s-open-forum-168" {
			card = c
		}
	}
	if card == nil {
		t.Fatal("no card with id s-open-forum-168")
	}
	text := testkit.HTMLTextOf(card)
	for _, want := range []string{
		"Open Forum #168",
		"Creating digital public infrastructure that empowers people",
		"Wednesday 11 October 2023, 17:45–18:45 Asia/Tokyo (UTC+09:00)",
		"08:45–09:45 UTC", // the time the seed page shows
		"WS 7 – Room K",
		"Harmonising Global Digital Infrastructure",
		"Global Digital Governance & Cooperation",
		"Open Forum",
		"Panel - 60 Min",
		"Countries around the world have made investments",
		"1. What does the ecosystem for implementing DPI look like",
		"Shared lessons can be used by participants",
		"Organizers", "Heiko Wildner, BMDV",
		"Speakers",
		"Valeriya Ionan, Deputy Minister for Eurointegration, Ministry of Digital Transformation of Ukraine (Government · Eastern European Group) online",
		"Adriana Groh, Co-Founder Sovereign Tech Fund (Civil Society · Western European and Others Group) on-site",
		"On-site moderator", "Aishwarya Salvi, GIZ",
		"Online moderator", "Torge Wolters, GIZ",
		"Rapporteur", "Philipp Schulte, BMDV",
		"SDG targets", "17.17",
		"Key takeaways", "There needs to be a holistic approach",
		"Call to action", "We need to develop and use a common understanding of DPI",
		"Session report", "In summary, this session highlighted",
		"Tags", "Language", "English",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the card lacks %q", want)
		}
	}
	for _, g := range s.SDGs {
		if !strings.Contains(text, g) {
			t.Errorf("the card lacks SDG %s", g)
		}
	}
	for _, tag := range s.Tags {
		if !strings.Contains(text, tag) {
			t.Errorf("the card lacks tag %q", tag)
		}
	}
	for _, e := range p.ExtraColumns {
		if v := s.ExtraValue(e); v != "" && !strings.Contains(text, e+v) {
			t.Errorf("the card lacks the extra column %s = %q", e, v)
		}
	}
	links := testkit.HTMLNodes(card, func(n *html.Node) bool { return n.DataAtom == atom.A && testkit.HTMLAttr(n, "href") == s.URL })
	if s.URL == "" || len(links) != 1 {
		t.Errorf("the card links its page %q %d times, want once", s.URL, len(links))
	}
	if strings.Contains(text, "@") {
		t.Errorf("the card shows an e-mail address: %q", text)
	}
	// Line breaks are kept (and shown, by white-space: pre-line).
	var texts []string
	for _, n := range testkit.HTMLNodes(card, testkit.HTMLElem(atom.P, "text")) {
		texts = append(texts, testkit.HTMLTextOf(n))
	}
	if !slices.ContainsFunc(texts, func(s string) bool {
		return strings.Contains(s, "peer learning?") && strings.Contains(s, "\n2. What lessons")
	}) {
		t.Errorf("the policy questions lost their line breaks: %q", texts)
	}
}

func htmlHostileProgramme() *schedule.Programme {
	const hostile = `<script>alert(1)</script> & "x"`
	at := func(d, h, m int) time.Time { return time.Date(2025, 3, d, h, m, 0, 0, time.UTC) }
	return &schedule.Programme{Name: hostile + " Forum", Timezone: "Europe/Berlin", ExtraColumns: []string{`<b>Notes</b>`},
		Sessions: []*schedule.Session{
			{ID: hostile, Title: hostile, Room: hostile, Type: "<i>Workshop</i>", Start: at(29, 8, 0), End: at(29, 9, 30), Timezone: "Europe/Berlin",
				Description: "First line\nsecond </p><script>x</script> \x01 line", URL: "javascript:alert(1)",
				Speakers:   []schedule.Person{{Name: hostile, Role: "<img src=x onerror=alert(1)>", Participation: "online"}},
				Rapporteur: &schedule.Person{Name: "R", Organization: `"><svg onload=alert(1)>`},
				SDGs:       []string{"<u>9.1</u>"}, Tags: []string{"<tag>"},
				Extra: []schedule.Extra{{Name: `<b>Notes</b>`, Value: "<em>note</em>"}}},
			// A clash in one room, a session without an end, one without a
			// room, a repeated id, and one across the change of clocks.
			{ID: "A", Title: "Clash one", Room: "Hall", Start: at(29, 9, 0), End: at(29, 10, 0), Timezone: "Europe/Berlin"},
			{ID: "B", Title: "Clash two", Room: "Hall", Start: at(29, 9, 30), End: at(29, 11, 0), Timezone: "Europe/Berlin"},
			{ID: "C", Title: "No end", Room: "Hall", Start: at(29, 12, 0), Timezone: "Europe/Berlin"},
			{ID: "D", Title: "No room", Start: at(29, 8, 30), End: at(29, 9, 0), Timezone: "Europe/Berlin"},
			{ID: "A", Title: "Same id again", Room: "Hall", Start: at(30, 8, 0), End: at(30, 9, 0), Timezone: "Europe/Berlin"},
			{ID: "漢字", Title: "", Room: "Hall", Start: at(30, 10, 0), End: at(30, 10, 0), Timezone: "Europe/Berlin"},
			{ID: "U", Title: "Unscheduled", Raw: map[schedule.Field]string{schedule.FieldDate: "next week"}},
		}}
}

func TestHTMLEscaping(t *testing.T) {
	p := htmlHostileProgramme()
	doc := render(t, "html", p)
	root := checkHTMLPage(t, p, doc)
	for _, bad := range []string{"<script", "<img", "<svg", "<b>", "<i>", "<em>", "<u>", "<tag>", `href="javascript`, "\x01"} {
		if strings.Contains(doc, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	if !strings.Contains(doc, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34;") {
		t.Error("the hostile title is not in the page as escaped text")
	}
	const hostile = `<script>alert(1)</script> & "x"`
	title := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Title, ""))
	if len(title) != 1 || testkit.HTMLTextOf(title[0]) != hostile+" Forum" {
		t.Errorf("<title> does not read as the programme's name")
	}
	card := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Article, "card"))[0]
	text := testkit.HTMLTextOf(card)
	for _, want := range []string{hostile, "Room" + hostile, "<img src=x onerror=alert(1)>", `"><svg onload=alert(1)>`, "<b>Notes</b><em>note</em>", "<u>9.1</u>", "<tag>", "javascript:alert(1)", "second </p><script>x</script> \uFFFD line"} {
		if !strings.Contains(text, want) {
			t.Errorf("the card does not show %q as text: %q", want, text)
		}
	}
	if testkit.HTMLAttr(card, "id") != "s-script-alert-1-script-x" {
		t.Errorf("card id = %q", testkit.HTMLAttr(card, "id"))
	}
	for _, want := range []string{
		"Times in Europe/Berlin (UTC+01:00, UTC+02:00)", // the clocks change on 30 March
		"Not scheduled (date: next week)",
		"No room",
	} {
		if !strings.Contains(testkit.HTMLTextOf(root), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	clash := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Td, "clash"))
	if len(clash) != 1 || len(testkit.HTMLNodes(clash[0], testkit.HTMLElem(atom.A, ""))) != 2 {
		t.Errorf("the clash in Hall should share one cell")
	}
	if render(t, "html", htmlHostileProgramme()) != doc {
		t.Error("the same programme gives different bytes")
	}
}

func TestHTMLDisplayZoneAndEmpty(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	var b bytes.Buffer
	if err := htmlFormat.Write(&b, p, WriteOptions{Loc: time.UTC, Title: "IGF 2023"}); err != nil {
		t.Fatal(err)
	}
	root := checkHTMLPage(t, p, b.String())
	header := testkit.HTMLTextOf(testkit.HTMLNodes(root, testkit.HTMLElem(atom.Header, "masthead"))[0])
	if !strings.Contains(header, "IGF 2023") || !strings.Contains(header, "Times in UTC") || strings.Contains(header, "Tokyo") {
		t.Errorf("header = %q, want the title and UTC", header)
	}
	if !strings.Contains(testkit.HTMLTextOf(root), "Tuesday 10 October 2023, 00:00–00:30 UTC") {
		t.Error("MAIN-1 is not shown at 00:00 UTC")
	}

	empty := &schedule.Programme{}
	doc := render(t, "html", empty)
	checkHTMLPage(t, empty, doc)
	if !strings.Contains(doc, "No sessions.") || !strings.Contains(doc, "Times in UTC") {
		t.Errorf("an empty programme gives:\n%s", doc)
	}
}

// TestHTMLChromium renders the sample page in headless Chromium: a
// screenshot and a PDF (the print style sheet) must come out.
func TestHTMLChromium(t *testing.T) {
	testkit.SkipWithoutChromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "sample.html")
	if err := os.WriteFile(page, []byte(render(t, "html", readFile(t, sampleCSV, ReadOptions{}))), 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.Screenshot(t, dir, page, "1280,2000", 10)
	_, data := testkit.PrintPDF(t, dir, page, 10)
	// The print style sheet starts each card on a page of its own: the
	// root of the page tree (the largest /Count) counts at least one page
	// per session.
	if pages := testkit.PDFPages(data); pages < 48 {
		t.Errorf("the PDF has %d pages, want at least one per session card (48)", pages)
	}
}
