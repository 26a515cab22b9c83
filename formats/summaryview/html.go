package summaryview

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/summary"
	"github.com/docket-forum/docket/internal/vocab"
)

// The html report: one self-contained page (inline CSS, no scripts, no
// fetches) with the programme's numbers and charts drawn as inline SVG.
// reportView lays every chart out here, in Go, as numbers and strings;
// the template (templates/report.tmpl) only prints them, and html/template
// escapes every piece of user text. Maps are read in a fixed order, so the
// same report gives the same bytes.

//go:embed templates/report.tmpl
var reportTemplateText string

var reportTemplate = template.Must(template.New("report").Parse(reportTemplateText))

// writeHTML writes the report as one self-contained HTML page.
func writeHTML(w io.Writer, r *summary.Report, o Options) error {
	return reportTemplate.Execute(w, newReportView(r, o))
}

// reportView is everything the report page shows.
type reportView struct {
	Title        string
	Generated    string // "12 October 2023"; empty when unknown
	GeneratedISO string
	Figures      []reportFigure
	Generator    string

	SessionCharts []*svgBars // by day, type, format, theme
	SpeakerCharts []*svgBars // by stakeholder group, region, gender
	Participation *svgStack
	SingleGroup   reportIDList
	SingleRegion  reportIDList
	Compare       []reportTable // speakers, moderators and rapporteurs side by side
	Busiest       []reportTable // the busiest people and organisations
	SDGs          *svgBars
	SDGSummary    string
	Targets       []reportChip
	Rooms         *svgBars
	RoomTable     reportTable
	CapacityTable *reportTable // when the programme's rooms give capacities
	Missing       reportIDList
	NoSessions    bool
}

// reportFigure is one of the key figures under the title.
type reportFigure struct{ Value, Label, Note string }

type reportIDList struct {
	Text string
	IDs  []string
}

type reportChip struct{ Name, Count string }

// reportTable is a plain table: a caption, column heads, rows of cells.
type reportTable struct {
	ID      string
	Caption string
	Head    []string
	Rows    []reportRow
	Note    string
}

type reportRow struct {
	Head  string
	Muted bool
	Cells []reportCell
}

type reportCell struct {
	Text  string
	Sub   string // a second, smaller line
	Class string // a heat class for room use
}

// svgBars is a horizontal bar chart: a label column (labels wrap onto
// more lines), a bar on a track, and the value written after the bar.
// Rows may be headings that group the bars below them.
type svgBars struct {
	ID, Title, Desc string
	W, H            int
	Ticks           []svgTick
	Rows            []svgRow
}

type svgTick struct {
	X, Y1, Y2, TY string
	Text          string
}

type svgRow struct {
	Head   bool
	Class  string
	Labels []svgText
	Track  svgRect
	Bar    svgRect // W "" when the value is 0
	Value  svgText
}

type svgText struct{ X, Y, Text string }

type svgRect struct{ X, Y, W, H string }

// svgStack is a chart of 100% stacked bars, one per capacity, each with
// its numbers written under it.
type svgStack struct {
	ID, Title, Desc string
	W, H            int
	Legend          []svgLegend
	Rows            []svgStackRow
}

type svgLegend struct {
	Class  string
	Swatch svgRect
	Label  svgText
}

type svgStackRow struct {
	Labels []svgText
	Segs   []svgSeg
	Frame  svgRect
	Note   svgText
}

type svgSeg struct {
	Class  string
	Rect   svgRect
	Inside svgText // the share, when it fits
}

func newReportView(r *summary.Report, o Options) reportView {
	v := reportView{Title: textfmt.HTMLClean(strings.TrimSpace(o.Title)), Generator: "docket", NoSessions: r.Sessions.Total == 0}
	if v.Title == "" {
		v.Title = "Programme report"
	}
	if !o.Now.IsZero() {
		v.Generated = o.Now.Format("2 January 2006")
		v.GeneratedISO = o.Now.Format(time.DateOnly)
	}
	days := slices.Sorted(mapKeys(r.Sessions.ByDay))
	covered := 17 - len(r.SDGs.UncoveredGoals)

	hours := strconv.FormatFloat(r.Sessions.Hours, 'f', -1, 64)
	v.Figures = []reportFigure{
		{strconv.Itoa(r.Sessions.Total), reportPlural(r.Sessions.Total, "session", "sessions"), hours + " scheduled hours"},
		{strconv.Itoa(len(days)), reportPlural(len(days), "day", "days"), reportPlural(len(r.Rooms), "1 room", strconv.Itoa(len(r.Rooms))+" rooms")},
		{strconv.Itoa(r.Speakers.Unique), reportPlural(r.Speakers.Unique, "speaker", "speakers"), reportPlural(r.Speakers.Appearances, "1 appearance", strconv.Itoa(r.Speakers.Appearances)+" appearances")},
		{strconv.Itoa(r.Moderators.Unique), reportPlural(r.Moderators.Unique, "moderator", "moderators"), strconv.Itoa(r.Rapporteurs.Unique) + " " + reportPlural(r.Rapporteurs.Unique, "rapporteur", "rapporteurs")},
		{strconv.Itoa(covered) + " of 17", "SDGs covered", reportPlural(len(r.SDGs.ByTarget), "1 target named", strconv.Itoa(len(r.SDGs.ByTarget))+" targets named")},
		{strconv.Itoa(len(r.MissingOutcomes)), "owing outcomes", "past sessions without a full report"},
	}

	// Sessions.
	const half = 560
	n := r.Sessions.Total
	var byDay []barItem
	for _, d := range days {
		byDay = append(byDay, countItem(reportDay(d, false), r.Sessions.ByDay[d], n, "session", "sessions"))
	}
	for _, c := range []struct {
		id, title string
		items     []barItem
	}{
		{"c-day", "Sessions by day", byDay},
		{"c-type", "Sessions by type", countItems(r.Sessions.ByType, n, "session", "sessions")},
		{"c-format", "Sessions by format", countItems(r.Sessions.ByFormat, n, "session", "sessions")},
		{"c-theme", "Sessions by theme", countItems(r.Sessions.ByTheme, n, "session", "sessions")},
	} {
		if len(c.items) > 0 {
			v.SessionCharts = append(v.SessionCharts, newBars(c.id, c.title, fmt.Sprintf("%d sessions.", n), half, c.items, 0, false))
		}
	}

	// Speakers.
	sp := r.Speakers.People
	if sp.Unique > 0 {
		who := fmt.Sprintf("%d speakers, each counted once.", sp.Unique)
		v.SpeakerCharts = append(v.SpeakerCharts,
			newBars("c-stakeholder", "Speakers by stakeholder group", who, half, countItems(sp.ByStakeholder, sp.Unique, "speaker", "speakers"), 0, false),
			newBars("c-region", "Speakers by regional group", who, half, countItems(sp.ByRegion, sp.Unique, "speaker", "speakers"), 0, false))
		if sp.ByGender != nil {
			v.SpeakerCharts = append(v.SpeakerCharts, newBars("c-gender", "Speakers by gender", who, half, countItems(sp.ByGender, sp.Unique, "speaker", "speakers"), 0, false))
		}
	}
	capacities := []reportCapacity{{"Speakers", sp}, {"Moderators", r.Moderators}, {"Rapporteurs", r.Rapporteurs}}
	v.Participation = newParticipation(capacities)
	if k := len(r.Speakers.SingleStakeholder); k > 0 {
		v.SingleGroup = reportIDList{reportPlural(k, "1 session has", strconv.Itoa(k)+" sessions have") + " speakers all from one stakeholder group:", cleanAll(r.Speakers.SingleStakeholder)}
	}
	if k := len(r.Speakers.SingleRegion); k > 0 {
		v.SingleRegion = reportIDList{reportPlural(k, "1 session has", strconv.Itoa(k)+" sessions have") + " speakers all from one regional group:", cleanAll(r.Speakers.SingleRegion)}
	}
	if sp.Unique+r.Moderators.Unique+r.Rapporteurs.Unique > 0 {
		v.Compare = append(v.Compare,
			compareTable("t-stakeholder", "Stakeholder groups", "Stakeholder group", capacities, func(p summary.People) map[string]int { return p.ByStakeholder }),
			compareTable("t-region", "Regional groups", "Regional group", capacities, func(p summary.People) map[string]int { return p.ByRegion }),
			compareTable("t-participation", "Participation", "Participation", capacities, func(p summary.People) map[string]int { return p.ByParticipation }))
	}
	if sp.ByGender != nil || r.Moderators.ByGender != nil || r.Rapporteurs.ByGender != nil {
		v.Compare = append(v.Compare, compareTable("t-gender", "Gender", "Gender", capacities, func(p summary.People) map[string]int { return p.ByGender }))
	}

	// SDGs: every goal, the uncovered ones shown as such.
	var goals []barItem
	for g := 1; g <= 17; g++ {
		k := r.SDGs.ByGoal[strconv.Itoa(g)]
		it := countItem(strconv.Itoa(g)+" "+vocab.SDGGoal(g), k, n, "session", "sessions")
		if k == 0 {
			it.Value, it.Sentence, it.Muted = "no session", strconv.Itoa(g)+" "+vocab.SDGGoal(g)+": no session", true
		}
		goals = append(goals, it)
	}
	v.SDGs = newBars("c-sdgs", "Sessions per SDG goal", fmt.Sprintf("Sessions naming a target of each of the 17 goals; %d of 17 goals covered.", covered), 760, goals, 0, false)
	if len(r.SDGs.UncoveredGoals) == 0 {
		v.SDGSummary = "Every goal is named by at least one session."
	} else {
		var names []string
		for _, g := range r.SDGs.UncoveredGoals {
			names = append(names, strconv.Itoa(g)+" "+vocab.SDGGoal(g))
		}
		v.SDGSummary = reportPlural(len(names), "No session names goal ", "No session names goals ") + strings.Join(names, ", ") + "."
	}
	targets := slices.SortedFunc(mapKeys(r.SDGs.ByTarget), compareTargets)
	for _, t := range targets {
		v.Targets = append(v.Targets, reportChip{textfmt.HTMLClean(t), strconv.Itoa(r.SDGs.ByTarget[t])})
	}

	// Rooms.
	rooms := slices.Sorted(mapKeys(r.Rooms))
	var roomItems []barItem
	for _, name := range rooms {
		room := r.Rooms[name]
		roomLabel := textfmt.HTMLClean(name)
		roomItems = append(roomItems, barItem{Label: roomLabel, Head: true})
		rowDays := days
		if len(rowDays) == 0 {
			rowDays = []string{""}
		}
		for i, d := range rowDays {
			rd, ok := room.ByDay[d]
			label := reportDay(d, false)
			if d == "" {
				label, rd, ok = "all days", summary.RoomDay{Sessions: room.Sessions, Minutes: room.Minutes, Utilisation: room.Utilisation}, true
			}
			it := barItem{Label: label, V: rd.Utilisation, Class: "d" + strconv.Itoa(i%4)}
			it.Value = fmt.Sprintf("%s · %s", percent(rd.Utilisation), reportPlural(rd.Sessions, "1 session", strconv.Itoa(rd.Sessions)+" sessions"))
			if !ok {
				it.Value, it.Muted = "0% · no session", true
			}
			it.Sentence = roomLabel + ", " + label + ": " + it.Value
			roomItems = append(roomItems, it)
		}
	}
	if len(rooms) > 0 {
		v.Rooms = newBars("c-rooms", "Room utilisation by day", "Booked minutes over the venue's open hours of each day (from its first start to its last end anywhere).", 760, roomItems, 1, true)
		v.RoomTable = roomTable(r, rooms, days)
		t := reportTable{ID: "t-capacity", Caption: "Capacity", Head: []string{"room", "capacity", "largest expected", "over capacity"}}
		for _, name := range rooms {
			room := r.Rooms[name]
			if room.Capacity == 0 {
				continue
			}
			t.Rows = append(t.Rows, reportRow{Head: textfmt.HTMLClean(name), Cells: []reportCell{
				{Text: strconv.Itoa(room.Capacity)}, {Text: strconv.Itoa(int(room.Fill*100+0.5)) + "%"},
				{Text: strings.Join(cleanAll(room.OverCapacity), ", ")}}})
		}
		if len(t.Rows) > 0 {
			v.CapacityTable = &t
		}
	}

	for _, b := range []struct {
		id, caption, head string
		counts            []summary.Count
	}{{"t-busiest-people", "Busiest people", "person", r.BusiestPeople}, {"t-busiest-orgs", "Busiest organisations", "organisation", r.BusiestOrganizations}} {
		if len(b.counts) == 0 {
			continue
		}
		t := reportTable{ID: b.id, Caption: b.caption, Head: []string{b.head, "sessions"}}
		for _, c := range b.counts {
			t.Rows = append(t.Rows, reportRow{Head: textfmt.HTMLClean(c.Name), Cells: []reportCell{{Text: strconv.Itoa(c.Count)}}})
		}
		v.Busiest = append(v.Busiest, t)
	}

	if k := len(r.MissingOutcomes); k > 0 {
		v.Missing = reportIDList{reportPlural(k, "1 past session lacks", strconv.Itoa(k)+" past sessions lack") + " key takeaways, call to action or report:", cleanAll(r.MissingOutcomes)}
	}
	return v
}

type reportCapacity struct {
	Name   string
	People summary.People
}

// barItem is one row of a bar chart before layout.
type barItem struct {
	Label    string
	Head     bool    // a heading over the rows below
	V        float64 // the bar's length, in the chart's scale
	Value    string  // written after the bar
	Sentence string  // the row for a screen reader
	Class    string
	Muted    bool
}

func countItem(label string, k, of int, one, many string) barItem {
	value := fmt.Sprintf("%d · %d%%", k, pct(k, of))
	return barItem{Label: label, V: float64(k), Value: value,
		Sentence: fmt.Sprintf("%s: %s (%d%%)", label, reportPlural(k, "1 "+one, strconv.Itoa(k)+" "+many), pct(k, of))}
}

// countItems orders a count map by count, then name, with the rows for
// no value ("(none)", "(unknown)") last.
func countItems(m map[string]int, of int, one, many string) []barItem {
	rows := sortedCounts(m)
	slices.SortStableFunc(rows, func(a, b countRow) int { return compareBool(isNoValue(a.key), isNoValue(b.key)) })
	var out []barItem
	for _, c := range rows {
		it := countItem(reportLabel(c.key), c.n, of, one, many)
		it.Muted = isNoValue(c.key)
		out = append(out, it)
	}
	return out
}

func isNoValue(k string) bool { return k == "(none)" || k == "(unknown)" || k == "" }

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// reportLabel reads a group's key for people: "onsite" is "on-site",
// "(unknown)" is "unknown".
func reportLabel(k string) string {
	switch k {
	case "(none)":
		return "none"
	case "(unknown)", "":
		return "unknown"
	}
	return textfmt.Participation(k)
}

// reportDay reads a YYYY-MM-DD key as "Tue 10 Oct 2023" (long: "Tuesday
// 10 October 2023").
func reportDay(d string, long bool) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return textfmt.HTMLClean(d)
	}
	if long {
		return t.Format("Monday 2 January 2006")
	}
	return t.Format("Mon 2 Jan 2006")
}

func percent(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }

func reportPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = textfmt.HTMLClean(s)
	}
	return out
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// compareTargets orders SDG targets as the goals do: 2.1 before 10.1,
// 9.5 before 9.a, 17.2 before 17.17.
func compareTargets(a, b string) int {
	split := func(s string) (int, string) {
		g, t, _ := strings.Cut(s, ".")
		n, err := strconv.Atoi(g)
		if err != nil {
			n = 1 << 30
		}
		return n, t
	}
	ga, ta := split(a)
	gb, tb := split(b)
	if ga != gb {
		return ga - gb
	}
	na, ea := strconv.Atoi(ta)
	nb, eb := strconv.Atoi(tb)
	switch {
	case ea == nil && eb == nil && na != nb:
		return na - nb
	case (ea == nil) != (eb == nil):
		if ea == nil {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// Chart geometry, in the SVG's user units (CSS pixels at full size).
const (
	svgFont    = 13.0 // the labels' font size (set in the style sheet)
	svgLine    = 16.0 // a label line
	svgBarH    = 14.0
	svgRowPad  = 8.0
	svgGap     = 10.0
	svgTickTop = 20.0
)

// textWidth estimates how wide s is set at size px in a sans-serif font:
// measured on DejaVu Sans, the widest of the usual system fonts, so that
// labels laid out for it fit in the others too.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("ijlI|!.,:;'’ ·", r):
			w += 0.32
		case strings.ContainsRune("frt()[]-–", r):
			w += 0.42
		case strings.ContainsRune("mwMW@%", r):
			w += 0.95
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			w += 1.0
		case unicode.IsUpper(r):
			w += 0.7
		case unicode.IsDigit(r):
			w += 0.64
		default:
			w += 0.6
		}
	}
	return w * size * 1.03
}

// wrapText breaks s into lines no wider than width, at spaces where it
// can and inside a word longer than a line.
func wrapText(s string, width, size float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+word, size) <= width {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for textWidth(word, size) > width {
			rs := []rune(word)
			k := 1
			for k < len(rs) && textWidth(string(rs[:k+1]), size) <= width {
				k++
			}
			lines = append(lines, string(rs[:k]))
			word = string(rs[k:])
		}
		line = word
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// num writes a coordinate with at most one decimal.
func num(f float64) string { return strconv.FormatFloat(float64(int(f*10+0.5))/10, 'f', -1, 64) }

// newBars lays out a bar chart width wide. Bars are scaled to scale (the
// largest value when 0); with ticks the chart has a percentage axis.
func newBars(id, title, intro string, width int, items []barItem, scale float64, ticks bool) *svgBars {
	c := &svgBars{ID: id, Title: title, W: width}
	W := float64(width)
	labelW, valueW, indent := 0.0, 0.0, 0.0
	for _, it := range items {
		if it.Head {
			indent = 12
		}
	}
	for _, it := range items {
		if !it.Head {
			labelW = max(labelW, indent+textWidth(it.Label, svgFont))
			valueW = max(valueW, textWidth(it.Value, svgFont))
		}
		scale = max(scale, it.V)
	}
	labelW = min(labelW, W*0.4) + 2
	valueW += 4
	barX := labelW + svgGap
	barW := W - barX - svgGap - valueW
	y := 4.0
	if ticks {
		y = svgTickTop + 2
	}
	top := y
	var sentences []string
	for _, it := range items {
		var row svgRow
		if it.Head {
			row.Head = true
			lines := wrapText(it.Label, W, svgFont)
			y += 6
			for i, l := range lines {
				row.Labels = append(row.Labels, svgText{X: "0", Y: num(y + svgLine*float64(i) + svgFont), Text: l})
			}
			y += svgLine*float64(len(lines)) + 2
			c.Rows = append(c.Rows, row)
			sentences = append(sentences, it.Label+".")
			continue
		}
		lines := wrapText(it.Label, labelW-indent, svgFont)
		h := max(svgLine*float64(len(lines)), svgBarH) + svgRowPad
		first := y + svgRowPad/2 + (h-svgRowPad-svgLine*float64(len(lines)))/2 + svgFont - 1
		for i, l := range lines {
			row.Labels = append(row.Labels, svgText{X: num(indent), Y: num(first + svgLine*float64(i)), Text: l})
		}
		barY := y + (h-svgBarH)/2
		// A percentage chart draws the whole scale behind each bar; a
		// count chart only shows an empty row as such.
		if ticks || (it.V == 0 && it.Muted) {
			row.Track = svgRect{X: num(barX), Y: num(barY), W: num(barW), H: num(svgBarH)}
		}
		length := 0.0
		if scale > 0 {
			length = barW * it.V / scale
		}
		if it.V > 0 {
			row.Bar = svgRect{X: num(barX), Y: num(barY), W: num(max(length, 2)), H: num(svgBarH)}
		}
		// The value follows its bar, or, on a percentage chart, stands in
		// a column after the scale.
		valueX := barX + length + 6
		if ticks {
			valueX = barX + barW + svgGap
		}
		row.Value = svgText{X: num(valueX), Y: num(barY + svgBarH/2 + svgFont*0.35), Text: it.Value}
		row.Class = it.Class
		if it.Muted {
			row.Class = strings.TrimSpace(row.Class + " muted")
		}
		sentences = append(sentences, it.Sentence+".")
		c.Rows = append(c.Rows, row)
		y += h
	}
	if ticks {
		for _, f := range []float64{0, .25, .5, .75, 1} {
			x := barX + barW*f
			c.Ticks = append(c.Ticks, svgTick{X: num(x), Y1: num(top - 2), Y2: num(y), TY: num(svgTickTop - 8), Text: strconv.Itoa(int(f*100)) + "%"})
		}
	}
	c.H = int(y + 4.5)
	c.Desc = strings.TrimSpace(intro + " " + strings.Join(sentences, " "))
	return c
}

// participationOrder puts on-site, online and other answers first and
// the unknown last.
func participationOrder(a, b string) int {
	rank := func(k string) int {
		switch k {
		case schedule.Onsite:
			return 0
		case schedule.Online:
			return 1
		case "(unknown)", "":
			return 3
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(a, b)
}

func participationClass(k string) string {
	switch k {
	case schedule.Onsite:
		return "p-onsite"
	case schedule.Online:
		return "p-online"
	case "(unknown)", "":
		return "p-unknown"
	}
	return "p-other"
}

// newParticipation draws who joins on site and who online: a 100% bar per
// capacity, its shares inside where they fit and its counts written under.
func newParticipation(caps []reportCapacity) *svgStack {
	keys := map[string]bool{}
	for _, c := range caps {
		for k := range c.People.ByParticipation {
			keys[k] = true
		}
	}
	if len(keys) == 0 {
		return nil
	}
	order := slices.SortedFunc(mapKeys(keys), participationOrder)
	const width = 760.0
	s := &svgStack{ID: "c-participation", Title: "On-site and online participation", W: width}
	// The legend, in one line (or more when it does not fit).
	x, y := 0.0, 4.0
	for _, k := range order {
		label := reportLabel(k)
		w := 14 + 6 + textWidth(label, svgFont) + 20
		if x > 0 && x+w > width {
			x, y = 0, y+svgLine+4
		}
		s.Legend = append(s.Legend, svgLegend{Class: participationClass(k),
			Swatch: svgRect{X: num(x), Y: num(y + 1), W: "14", H: "14"},
			Label:  svgText{X: num(x + 20), Y: num(y + svgFont), Text: label}})
		x += w
	}
	y += svgLine + 12
	labelW := 0.0
	for _, c := range caps {
		labelW = max(labelW, textWidth(c.Name, svgFont)*1.25, textWidth(reportPlural(c.People.Unique, "1 person", strconv.Itoa(c.People.Unique)+" people"), svgFont))
	}
	barX := labelW + 2 + svgGap
	barW := width - barX
	const barH = 22.0
	var sentences []string
	for _, c := range caps {
		p := c.People
		if p.Unique == 0 {
			continue
		}
		row := svgStackRow{Labels: []svgText{
			{X: "0", Y: num(y + svgFont), Text: c.Name},
			{X: "0", Y: num(y + svgFont + svgLine), Text: reportPlural(p.Unique, "1 person", strconv.Itoa(p.Unique)+" people")},
		}}
		row.Frame = svgRect{X: num(barX), Y: num(y), W: num(barW), H: num(barH)}
		at := 0
		var notes []string
		for _, k := range order {
			n := p.ByParticipation[k]
			if n == 0 {
				continue
			}
			x0 := barX + barW*float64(at)/float64(p.Unique)
			x1 := barX + barW*float64(at+n)/float64(p.Unique)
			at += n
			share := strconv.Itoa(pct(n, p.Unique)) + "%"
			seg := svgSeg{Class: participationClass(k), Rect: svgRect{X: num(x0), Y: num(y), W: num(x1 - x0), H: num(barH)}}
			if x1-x0 >= textWidth(share, svgFont)+8 {
				seg.Inside = svgText{X: num((x0 + x1) / 2), Y: num(y + barH/2 + svgFont*0.35), Text: share}
			}
			row.Segs = append(row.Segs, seg)
			notes = append(notes, fmt.Sprintf("%s %d (%s)", reportLabel(k), n, share))
		}
		row.Note = svgText{X: num(barX), Y: num(y + barH + 4 + svgFont), Text: strings.Join(notes, " · ")}
		sentences = append(sentences, c.Name+": "+strings.Join(notes, ", ")+".")
		s.Rows = append(s.Rows, row)
		y += barH + 4 + svgLine + 14
	}
	s.H = int(y)
	s.Desc = "Each person counted once. " + strings.Join(sentences, " ")
	return s
}

// compareTable sets the speakers, moderators and rapporteurs of each
// group side by side: counts and shares of the people of each capacity.
func compareTable(id, caption, head string, caps []reportCapacity, of func(summary.People) map[string]int) reportTable {
	t := reportTable{ID: id, Caption: caption, Head: []string{head}}
	total := map[string]int{}
	for _, c := range caps {
		t.Head = append(t.Head, c.Name)
		for k, n := range of(c.People) {
			total[k] += n
		}
	}
	// Groups in the order of the speakers' counts (then of everyone's),
	// the people of no group last; participation in its own order.
	first := of(caps[0].People)
	rows := sortedCounts(total)
	slices.SortStableFunc(rows, func(a, b countRow) int {
		if id == "t-participation" {
			return participationOrder(a.key, b.key)
		}
		if c := compareBool(isNoValue(a.key), isNoValue(b.key)); c != 0 {
			return c
		}
		return first[b.key] - first[a.key]
	})
	for _, row := range rows {
		tr := reportRow{Head: reportLabel(row.key), Muted: isNoValue(row.key)}
		for _, c := range caps {
			n := of(c.People)[row.key]
			cell := "–"
			if n > 0 {
				cell = fmt.Sprintf("%d (%d%%)", n, pct(n, c.People.Unique))
			}
			tr.Cells = append(tr.Cells, reportCell{Text: cell})
		}
		t.Rows = append(t.Rows, tr)
	}
	return t
}

// roomTable is the heat table of room use: a row per room, a column per
// day and one for all days, each cell its utilisation, sessions and
// booked minutes.
func roomTable(r *summary.Report, rooms, days []string) reportTable {
	t := reportTable{ID: "t-rooms", Caption: "Room use per day", Head: []string{"Room"}}
	for _, d := range days {
		t.Head = append(t.Head, reportDay(d, false))
	}
	t.Head = append(t.Head, "All days")
	cell := func(rd summary.RoomDay, ok bool) reportCell {
		if !ok || rd.Sessions == 0 {
			return reportCell{Text: "–", Class: "h0"}
		}
		return reportCell{
			Text:  percent(rd.Utilisation),
			Sub:   fmt.Sprintf("%s · %d min", reportPlural(rd.Sessions, "1 session", strconv.Itoa(rd.Sessions)+" sessions"), rd.Minutes),
			Class: "h" + strconv.Itoa(min(int(rd.Utilisation*5), 4)+1),
		}
	}
	for _, name := range rooms {
		room := r.Rooms[name]
		tr := reportRow{Head: textfmt.HTMLClean(name)}
		for _, d := range days {
			rd, ok := room.ByDay[d]
			tr.Cells = append(tr.Cells, cell(rd, ok))
		}
		tr.Cells = append(tr.Cells, cell(summary.RoomDay{Sessions: room.Sessions, Minutes: room.Minutes, Utilisation: room.Utilisation}, true))
		t.Rows = append(t.Rows, tr)
	}
	t.Note = "Utilisation is the booked minutes over the venue's open minutes: per day, from the day's first start to its last end in any room."
	return t
}
