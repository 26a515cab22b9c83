package summaryview

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/summary"
	"github.com/docket-forum/docket/internal/vocab"
)

// reportHTMLNow is the --now of the sample report: the day after the
// programme, so every session is in the past.
var reportHTMLNow = time.Date(2023, 10, 12, 0, 0, 0, 0, time.UTC)

// reportHTMLCharts are the charts every report with sessions, speakers
// and rooms draws, by the id of their figure.
var reportHTMLCharts = []string{"c-day", "c-type", "c-format", "c-theme", "c-stakeholder", "c-region", "c-participation", "c-sdgs", "c-rooms"}

// reportHTMLCompute summarises p as `docket report --now 2023-10-12` does.
func reportHTMLCompute(t *testing.T, p *schedule.Programme) *summary.Report {
	t.Helper()
	loc, _ := schedule.LoadLocation(p.Timezone)
	if loc == nil {
		loc = time.UTC
	}
	return summary.Compute(p, loc, reportHTMLNow)
}

func reportHTMLSample(t *testing.T) *summary.Report {
	t.Helper()
	return reportHTMLCompute(t, readSample(t))
}

func reportHTMLRender(t *testing.T, r *summary.Report, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, "html", r, o); err != nil {
		t.Fatalf("writing the html report: %v", err)
	}
	return b.String()
}

// TestReportHTMLGolden: the sample's report page is what
// `SOURCE_DATE_EPOCH=1697068800 docket report testdata/sample.csv --now
// 2023-10-12 --format html` writes, byte for byte, every time.
func TestReportHTMLGolden(t *testing.T) {
	o := Options{Now: reportHTMLNow}
	got := reportHTMLRender(t, reportHTMLSample(t), o)
	testkit.Golden(t, "testdata/golden/sample.report.html", []byte(got))
	for range 3 {
		if again := reportHTMLRender(t, reportHTMLSample(t), o); again != got {
			t.Fatalf("the same report gives different bytes:\n%s", testkit.FirstDiff(got, again))
		}
	}
}

// reportHTMLTag matches elements by name, which SVG's have without an
// atom.
func reportHTMLTag(name, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name && (class == "" || testkit.HTMLHasClass(n, class)) }
}

// reportHTMLFigure finds a chart's <figure> and its one <svg>.
func reportHTMLFigure(t *testing.T, root *html.Node, id string) (*html.Node, *html.Node) {
	t.Helper()
	figs := testkit.HTMLNodes(root, func(n *html.Node) bool { return n.DataAtom == atom.Figure && testkit.HTMLAttr(n, "id") == id })
	if len(figs) != 1 {
		t.Fatalf("%d figures with id %q, want 1", len(figs), id)
	}
	svgs := testkit.HTMLNodes(figs[0], reportHTMLTag("svg", ""))
	if len(svgs) != 1 {
		t.Fatalf("figure %s has %d svg elements, want 1", id, len(svgs))
	}
	return figs[0], svgs[0]
}

// reportHTMLRows reads a bar chart: each row group's label (its lines
// joined), the value written after its bar and the bar's width (-1 when
// it has no bar), under the heading above it, if any.
type reportHTMLBar struct {
	Head, Label, Value string
	Width              float64
	Class              string
}

func reportHTMLRows(t *testing.T, svg *html.Node) []reportHTMLBar {
	t.Helper()
	var rows []reportHTMLBar
	head := ""
	for _, g := range testkit.HTMLNodes(svg, reportHTMLTag("g", "")) {
		switch {
		case testkit.HTMLHasClass(g, "head"):
			head = testkit.HTMLTextOf(g)
		case testkit.HTMLHasClass(g, "row"):
			b := reportHTMLBar{Head: head, Width: -1, Class: testkit.HTMLAttr(g, "class")}
			var label []string
			for _, n := range testkit.HTMLNodes(g, func(n *html.Node) bool { return n.Data == "text" }) {
				switch {
				case testkit.HTMLHasClass(n, "label"):
					label = append(label, testkit.HTMLTextOf(n))
				case testkit.HTMLHasClass(n, "value"):
					b.Value = testkit.HTMLTextOf(n)
				}
			}
			b.Label = strings.Join(label, " ")
			for _, n := range testkit.HTMLNodes(g, func(n *html.Node) bool { return n.Data == "rect" && testkit.HTMLHasClass(n, "bar") }) {
				w, err := strconv.ParseFloat(testkit.HTMLAttr(n, "width"), 64)
				if err != nil {
					t.Errorf("a bar's width %q: %v", testkit.HTMLAttr(n, "width"), err)
				}
				b.Width = w
			}
			rows = append(rows, b)
		}
	}
	return rows
}

// checkReportHTMLPage checks what every report page must be: it parses;
// it is self-contained (no scripts, no fetched resources, no addresses
// at all); every SVG is an image with a title and a description that
// exist; element ids are unique and in-page links have targets.
func checkReportHTMLPage(t *testing.T, doc string) *html.Node {
	t.Helper()
	root := testkit.ParseHTML(t, doc)
	if !strings.HasPrefix(doc, "<!DOCTYPE html>\n") {
		t.Errorf("the page starts %q", doc[:min(len(doc), 40)])
	}
	ids := testkit.HTMLIDs(t, root)
	for _, a := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.A, "")) {
		href := testkit.HTMLAttr(a, "href")
		if target, ok := strings.CutPrefix(href, "#"); !ok || !ids[target] {
			t.Errorf("link to %q is no link to an element of the page", href)
		}
	}

	// Self-contained.
	for _, n := range testkit.HTMLNodes(root, func(n *html.Node) bool {
		return testkit.HTMLLoads(n) || n.Data == "use" || n.Data == "foreignObject" || n.Data == "image"
	}) {
		t.Errorf("the page has a <%s> element", n.Data)
	}
	testkit.CheckNoEventHandlers(t, root)
	for n, a := range testkit.HTMLAttrs(root) {
		v := strings.ToLower(a.Val)
		if (a.Key == "src" || a.Key == "href" || a.Key == "xlink:href") && !strings.HasPrefix(v, "#") {
			t.Errorf("<%s %s=%q> refers to something outside the page", n.Data, a.Key, a.Val)
		}
		for _, bad := range []string{"http:", "https:", "//", "url(", "javascript:", "data:"} {
			if strings.Contains(v, bad) {
				t.Errorf("<%s %s=%q> names an address", n.Data, a.Key, a.Val)
			}
		}
	}
	styles := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Style, ""))
	if len(styles) != 1 {
		t.Errorf("%d style sheets, want the one inline", len(styles))
	}
	for _, st := range styles {
		css := strings.ToLower(testkit.HTMLTextOf(st))
		testkit.CheckCSSFetchesNothing(t, css)
		for _, want := range []string{"@media print", "prefers-color-scheme: dark", "break-inside: avoid"} {
			if !strings.Contains(css, want) {
				t.Errorf("the style sheet lacks %q", want)
			}
		}
	}
	for _, bad := range []string{"http://", "https://"} {
		if i := strings.Index(doc, bad); i >= 0 {
			t.Errorf("the page names an address: %q", doc[max(i-40, 0):min(i+80, len(doc))])
		}
	}

	// Every chart is an image with its name and description.
	for _, svg := range testkit.HTMLNodes(root, reportHTMLTag("svg", "")) {
		if testkit.HTMLAttr(svg, "role") != "img" {
			t.Errorf("an svg has role %q, want img", testkit.HTMLAttr(svg, "role"))
		}
		var title, desc *html.Node
		for c := svg.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "title" && title == nil {
				title = c
			}
			if c.Type == html.ElementNode && c.Data == "desc" && desc == nil {
				desc = c
			}
		}
		if title == nil || strings.TrimSpace(testkit.HTMLTextOf(title)) == "" || desc == nil || strings.TrimSpace(testkit.HTMLTextOf(desc)) == "" {
			t.Errorf("an svg lacks a <title> or <desc>")
			continue
		}
		labelled := strings.Fields(testkit.HTMLAttr(svg, "aria-labelledby"))
		if !slices.Equal(labelled, []string{testkit.HTMLAttr(title, "id"), testkit.HTMLAttr(desc, "id")}) {
			t.Errorf("svg %q is labelled by %q, want its title and desc", testkit.HTMLTextOf(title), labelled)
		}
		if vb := strings.Fields(testkit.HTMLAttr(svg, "viewBox")); len(vb) != 4 || vb[2] != testkit.HTMLAttr(svg, "width") || vb[3] != testkit.HTMLAttr(svg, "height") {
			t.Errorf("svg %q: viewBox %q, width %q, height %q", testkit.HTMLTextOf(title), vb, testkit.HTMLAttr(svg, "width"), testkit.HTMLAttr(svg, "height"))
		}
	}
	return root
}

func TestReportHTMLSample(t *testing.T) {
	r := reportHTMLSample(t)
	doc := reportHTMLRender(t, r, Options{Now: reportHTMLNow})
	root := checkReportHTMLPage(t, doc)

	// The page is named, and dated.
	if title := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Title, "")); len(title) == 0 || testkit.HTMLTextOf(title[0]) != "Programme report" {
		t.Errorf("<title> is not the fallback title")
	}
	if h1 := testkit.HTMLNodes(root, testkit.HTMLElem(atom.H1, "")); len(h1) != 1 || testkit.HTMLTextOf(h1[0]) != "Programme report" {
		t.Errorf("the page has no one h1 with the fallback title")
	}
	times := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Time, ""))
	if len(times) != 1 || testkit.HTMLAttr(times[0], "datetime") != "2023-10-12" || testkit.HTMLTextOf(times[0]) != "12 October 2023" {
		t.Errorf("the page does not say when it was made")
	}

	// One chart per question, each a single svg.
	svgs := testkit.HTMLNodes(root, reportHTMLTag("svg", ""))
	if len(svgs) != len(reportHTMLCharts) {
		t.Errorf("%d svg charts, want %d", len(svgs), len(reportHTMLCharts))
	}
	for _, id := range reportHTMLCharts {
		reportHTMLFigure(t, root, id)
	}
	if len(testkit.HTMLNodes(root, func(n *html.Node) bool { return testkit.HTMLAttr(n, "id") == "c-gender" })) != 0 {
		t.Error("the sample tells no genders, yet the page draws them")
	}

	// The key figures: the hand counts of the sample.
	figures := map[string]string{}
	for _, f := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.Div, "fig")) {
		figures[testkit.HTMLTextOf(testkit.HTMLNodes(f, testkit.HTMLElem(atom.Dt, ""))[0])] = testkit.HTMLTextOf(testkit.HTMLNodes(f, testkit.HTMLElem(atom.Dd, "big"))[0])
	}
	for label, want := range map[string]string{"sessions": "48", "days": "2", "speakers": "158", "moderators": "96", "SDGs covered": "9 of 17", "owing outcomes": "46"} {
		if figures[label] != want {
			t.Errorf("key figure %q = %q, want %q", label, figures[label], want)
		}
	}
	if text := testkit.HTMLTextOf(root); !strings.Contains(text, "161 appearances") || !strings.Contains(text, "58 scheduled hours") {
		t.Error("the figures lack 161 appearances or 58 scheduled hours")
	}

	// Session counts: every count of the report, its bar proportional.
	checkCounts := func(id string, m map[string]int, of int) {
		t.Helper()
		_, svg := reportHTMLFigure(t, root, id)
		rows := reportHTMLRows(t, svg)
		if len(rows) != len(m) {
			t.Errorf("%s: %d rows, want %d", id, len(rows), len(m))
		}
		perUnit := -1.0
		for _, row := range rows {
			key := row.Label
			switch key {
			case "none":
				key = "(none)"
			case "unknown":
				key = "(unknown)"
			case "on-site":
				key = schedule.Onsite
			}
			if strings.HasPrefix(id, "c-day") {
				d, err := time.Parse("Mon 2 Jan 2006", key)
				if err != nil {
					t.Errorf("%s: day label %q: %v", id, key, err)
				}
				key = d.Format(time.DateOnly)
			}
			n, ok := m[key]
			if want := fmt.Sprintf("%d · %d%%", n, pct(n, of)); !ok || row.Value != want {
				t.Errorf("%s: row %q reads %q, want %q (in the report: %v)", id, row.Label, row.Value, want, ok)
			}
			if perUnit < 0 {
				perUnit = row.Width / float64(n)
			} else if math.Abs(row.Width-perUnit*float64(n)) > 0.2 {
				t.Errorf("%s: the bar of %q (%d) is %.1f wide, want %.1f", id, row.Label, n, row.Width, perUnit*float64(n))
			}
		}
	}
	checkCounts("c-day", r.Sessions.ByDay, 48)
	checkCounts("c-type", r.Sessions.ByType, 48)
	checkCounts("c-format", r.Sessions.ByFormat, 48)
	checkCounts("c-theme", r.Sessions.ByTheme, 48)
	checkCounts("c-stakeholder", r.Speakers.ByStakeholder, 158)
	checkCounts("c-region", r.Speakers.ByRegion, 158)
	if r.Sessions.ByDay["2023-10-10"] != 26 || r.Speakers.ByStakeholder["Civil Society"] != 32 {
		t.Errorf("the sample's counts moved: %v, %v", r.Sessions.ByDay, r.Speakers.ByStakeholder)
	}
	_, stake := reportHTMLFigure(t, root, "c-stakeholder")
	if rows := reportHTMLRows(t, stake); len(rows) == 0 || rows[0].Label != "Intergovernmental Organization" || rows[0].Value != "33 · 21%" {
		t.Errorf("the largest stakeholder group is not first: %+v", rows)
	}

	// Participation: a bar per capacity with its numbers written out.
	_, part := reportHTMLFigure(t, root, "c-participation")
	splits := testkit.HTMLNodes(part, func(n *html.Node) bool { return n.Data == "text" && testkit.HTMLHasClass(n, "split") })
	var got []string
	for _, s := range splits {
		got = append(got, testkit.HTMLTextOf(s))
	}
	want := []string{
		"on-site 94 (59%) · online 49 (31%) · unknown 15 (9%)",
		"on-site 47 (49%) · online 32 (33%) · unknown 17 (18%)",
		"on-site 1 (2%) · unknown 47 (98%)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("participation reads %q, want %q", got, want)
	}

	// Moderators and rapporteurs, in tables beside the speakers.
	stakeTable := testkit.HTMLNodes(root, func(n *html.Node) bool {
		return n.DataAtom == atom.Table && testkit.HTMLAttr(n, "id") == "t-stakeholder"
	})
	if len(stakeTable) != 1 {
		t.Fatal("no stakeholder table")
	}
	var media []string
	for _, tr := range testkit.HTMLNodes(stakeTable[0], testkit.HTMLElem(atom.Tr, "")) {
		if th := testkit.HTMLNodes(tr, testkit.HTMLElem(atom.Th, "")); len(th) > 0 && testkit.HTMLTextOf(th[0]) == "Media" {
			for _, td := range testkit.HTMLNodes(tr, testkit.HTMLElem(atom.Td, "")) {
				media = append(media, testkit.HTMLTextOf(td))
			}
		}
	}
	if !slices.Equal(media, []string{"–", "8 (8%)", "–"}) {
		t.Errorf("the Media row reads %q, want no speakers, 8 moderators (8%%), no rapporteurs", media)
	}

	// All 17 goals, the uncovered ones shown as such.
	_, sdgs := reportHTMLFigure(t, root, "c-sdgs")
	goals := reportHTMLRows(t, sdgs)
	if len(goals) != 17 {
		t.Fatalf("%d SDG rows, want 17", len(goals))
	}
	for g := 1; g <= 17; g++ {
		row := goals[g-1]
		if want := strconv.Itoa(g) + " " + vocab.SDGGoal(g); row.Label != want || vocab.SDGGoal(g) == "" {
			t.Errorf("SDG row %d is %q, want %q", g, row.Label, want)
		}
		n := r.SDGs.ByGoal[strconv.Itoa(g)]
		uncovered := slices.Contains(r.SDGs.UncoveredGoals, g)
		switch {
		case uncovered && (row.Value != "no session" || row.Width >= 0 || !strings.Contains(row.Class, "muted")):
			t.Errorf("goal %d is uncovered but reads %q (bar %.1f, class %q)", g, row.Value, row.Width, row.Class)
		case !uncovered && row.Value != fmt.Sprintf("%d · %d%%", n, pct(n, 48)):
			t.Errorf("goal %d reads %q, want %d sessions", g, row.Value, n)
		}
	}
	if !slices.Equal(r.SDGs.UncoveredGoals, []int{1, 2, 3, 6, 8, 11, 14, 15}) || goals[16].Value != "30 · 63%" {
		t.Errorf("uncovered goals %v, goal 17 %q", r.SDGs.UncoveredGoals, goals[16].Value)
	}

	// Room use per day: the chart and the table agree with the report.
	_, rooms := reportHTMLFigure(t, root, "c-rooms")
	roomRows := reportHTMLRows(t, rooms)
	if len(roomRows) != 7*2 {
		t.Errorf("%d room rows, want 7 rooms × 2 days", len(roomRows))
	}
	var track float64
	if tr := testkit.HTMLNodes(rooms, func(n *html.Node) bool { return n.Data == "rect" && testkit.HTMLHasClass(n, "track") }); len(tr) > 0 {
		track, _ = strconv.ParseFloat(testkit.HTMLAttr(tr[0], "width"), 64)
	}
	found := false
	for _, row := range roomRows {
		d, err := time.Parse("Mon 2 Jan 2006", row.Label)
		if err != nil {
			t.Fatalf("room row label %q: %v", row.Label, err)
		}
		rd := r.Rooms[row.Head].ByDay[d.Format(time.DateOnly)]
		if want := fmt.Sprintf("%.0f%% · %d session", rd.Utilisation*100, rd.Sessions); !strings.HasPrefix(row.Value, want) {
			t.Errorf("%s on %s reads %q, want %q", row.Head, row.Label, row.Value, want)
		}
		if math.Abs(row.Width-track*rd.Utilisation) > 0.2 {
			t.Errorf("%s on %s: bar %.1f of %.1f, want %.0f%%", row.Head, row.Label, row.Width, track, rd.Utilisation*100)
		}
		if row.Head == "Main Hall" && d.Format(time.DateOnly) == "2023-10-10" {
			found = row.Value == "69% · 5 sessions"
		}
	}
	if !found {
		t.Error("the chart does not show Main Hall at 69% on 10 October 2023")
	}
	var mainHall []string
	for _, tr := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.Tr, "")) {
		if th := testkit.HTMLNodes(tr, testkit.HTMLElem(atom.Th, "")); len(th) > 0 && testkit.HTMLTextOf(th[0]) == "Main Hall" {
			for _, td := range testkit.HTMLNodes(tr, testkit.HTMLElem(atom.Td, "")) {
				mainHall = append(mainHall, testkit.HTMLTextOf(td))
			}
		}
	}
	if !slices.Equal(mainHall, []string{"69%5 sessions · 375 min", "62%5 sessions · 360 min", "65%10 sessions · 735 min"}) {
		t.Errorf("the Main Hall row of the room table reads %q", mainHall)
	}

	// The sessions still owing their outcomes, every one of them.
	outcomes := testkit.HTMLNodes(root, func(n *html.Node) bool { return n.DataAtom == atom.Section && testkit.HTMLAttr(n, "id") == "outcomes" })
	var owing []string
	for _, li := range testkit.HTMLNodes(outcomes[0], testkit.HTMLElem(atom.Li, "")) {
		owing = append(owing, testkit.HTMLTextOf(li))
	}
	if len(owing) != 46 || !slices.Equal(owing, r.MissingOutcomes) {
		t.Errorf("the page lists %d sessions owing outcomes, want the report's %d", len(owing), len(r.MissingOutcomes))
	}
}

// reportHTMLHostile is a programme whose every name is markup, with
// genders, so that the gender chart shows too.
func reportHTMLHostile() *schedule.Programme {
	const bait = `<script>alert(1)</script>`
	at := func(d, h int) time.Time { return time.Date(2023, 10, d, h, 0, 0, 0, time.UTC) }
	person := func(name, group, gender string) schedule.Person {
		return schedule.Person{Name: name, Stakeholder: group, Region: "<i>region</i>", Participation: "<b>hybrid</b>", Gender: gender}
	}
	return &schedule.Programme{Sessions: []*schedule.Session{
		{ID: bait, Title: "t", Room: bait, Type: "<img src=x onerror=alert(1)>", Format: `"><svg onload=alert(1)>`, Theme: "<u>theme</u>",
			Start: at(10, 9), End: at(10, 10), SDGs: []string{"9.1"},
			Speakers: []schedule.Person{person("A", "<em>group</em>", "<s>gender</s>"), person("B", "<em>group</em>", "")}},
		{ID: "B & C", Title: "t", Room: "Hall", Start: at(11, 9), End: at(11, 11), Speakers: []schedule.Person{person("C", "Government", "female")}},
	}}
}

func TestReportHTMLEscaping(t *testing.T) {
	const bait = `<script>alert(1)</script>`
	r := reportHTMLCompute(t, reportHTMLHostile())
	o := Options{Title: bait + " & Forum", Now: reportHTMLNow}
	doc := reportHTMLRender(t, r, o)
	root := checkReportHTMLPage(t, doc)
	for _, bad := range []string{"<script", "<img", "<svg onload", "<b>", "<i>", "<em>", "<u>", "<s>"} {
		if strings.Contains(doc, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	if !strings.Contains(doc, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile room is not in the page as escaped text")
	}
	if title := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Title, "")); len(title) == 0 || testkit.HTMLTextOf(title[0]) != bait+" & Forum" {
		t.Error("<title> does not read as the given title")
	}
	// The hostile names read as text where they belong.
	_, rooms := reportHTMLFigure(t, root, "c-rooms")
	heads := testkit.HTMLNodes(rooms, reportHTMLTag("g", "head"))
	if len(heads) != 2 || !slices.ContainsFunc(heads, func(n *html.Node) bool { return testkit.HTMLTextOf(n) == bait }) {
		t.Errorf("the rooms chart does not name the room %q as text", bait)
	}
	for id, want := range map[string]string{"c-type": "<img src=x onerror=alert(1)>", "c-format": `"><svg onload=alert(1)>`, "c-theme": "<u>theme</u>", "c-stakeholder": "<em>group</em>", "c-gender": "<s>gender</s>"} {
		_, svg := reportHTMLFigure(t, root, id)
		rows := reportHTMLRows(t, svg)
		if !slices.ContainsFunc(rows, func(b reportHTMLBar) bool { return b.Label == want }) {
			t.Errorf("%s does not show %q as text: %+v", id, want, rows)
		}
	}
	// Genders, as the input tells them: 1 female, 1 hostile, 1 unknown.
	_, gender := reportHTMLFigure(t, root, "c-gender")
	var values []string
	for _, b := range reportHTMLRows(t, gender) {
		values = append(values, b.Label+" "+b.Value)
	}
	if !slices.Equal(values, []string{"<s>gender</s> 1 · 33%", "female 1 · 33%", "unknown 1 · 33%"}) {
		t.Errorf("the gender chart reads %q", values)
	}
	if len(testkit.HTMLNodes(root, func(n *html.Node) bool { return testkit.HTMLAttr(n, "id") == "t-gender" })) != 1 {
		t.Error("no gender table for moderators and rapporteurs")
	}
	_, part := reportHTMLFigure(t, root, "c-participation")
	if !strings.Contains(testkit.HTMLTextOf(part), "<b>hybrid</b> 3 (100%)") {
		t.Errorf("participation does not show the odd answer as text: %q", testkit.HTMLTextOf(part))
	}
	if reportHTMLRender(t, reportHTMLCompute(t, reportHTMLHostile()), o) != doc {
		t.Error("the same report gives different bytes")
	}
}

// TestReportHTMLEmpty: a programme with nothing in it still makes a page,
// with all 17 goals shown as uncovered and no empty charts.
func TestReportHTMLEmpty(t *testing.T) {
	r := reportHTMLCompute(t, &schedule.Programme{})
	doc := reportHTMLRender(t, r, Options{})
	root := checkReportHTMLPage(t, doc)
	text := testkit.HTMLTextOf(root)
	for _, want := range []string{"Programme report", "No sessions.", "No speakers.", "No session has a room.", "Every past session has its key takeaways"} {
		if !strings.Contains(text, want) {
			t.Errorf("the empty page lacks %q", want)
		}
	}
	if strings.Contains(text, "generated") {
		t.Error("a page without a time says when it was generated")
	}
	svgs := testkit.HTMLNodes(root, reportHTMLTag("svg", ""))
	if len(svgs) != 1 || testkit.HTMLAttr(svgs[0].Parent, "id") != "c-sdgs" {
		t.Errorf("the empty page draws %d charts, want only the SDGs", len(svgs))
	}
	rows := reportHTMLRows(t, svgs[0])
	if len(rows) != 17 || slices.ContainsFunc(rows, func(b reportHTMLBar) bool { return b.Value != "no session" }) {
		t.Errorf("the empty page's SDG chart: %+v", rows)
	}
}

// TestReportHTMLChromium renders the sample's report in headless
// Chromium: a screenshot and a PDF (the print style sheet) must come out,
// the PDF over several pages with the charts' words in it. The README's
// docs/report-html.png is the top of such a screenshot (1200 pixels wide,
// SOURCE_DATE_EPOCH=1697068800).
func TestReportHTMLChromium(t *testing.T) {
	testkit.SkipWithoutChromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(reportHTMLRender(t, reportHTMLSample(t), Options{Now: reportHTMLNow})), 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.Screenshot(t, dir, page, "1200,2400", 50)
	pdf, data := testkit.PrintPDF(t, dir, page, 30)
	if pages := testkit.PDFPages(data); pages < 3 || pages > 12 {
		t.Errorf("the PDF has %d pages, want the report on a few A4 pages (3 to 12)", pages)
	}
	// The charts print as text, not as pictures of text.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := string(out)
		for _, want := range []string{"Programme report", "Sessions per SDG goal", "17 Partnerships for the goals", "no session", "69% · 5 sessions", "on-site 94 (59%)", "WS #89"} {
			if !strings.Contains(text, want) {
				t.Errorf("the printed report lacks %q", want)
			}
		}
	}
}
