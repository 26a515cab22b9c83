package summaryview

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/xlstyle"
	"github.com/docket-forum/docket/internal/summary"
	"github.com/docket-forum/docket/internal/vocab"
)

// The sheets of the xlsx report, in order.
const (
	reportSummarySheet  = "Summary"
	reportSessionsSheet = "Sessions"
	reportPeopleSheet   = "Speakers"
	reportSDGSheet      = "SDGs"
	reportRoomsSheet    = "Rooms"
	reportOutcomesSheet = "Outcomes"
)

// reportSheets are the sheets of the xlsx report, in order.
var reportSheets = []string{reportSummarySheet, reportSessionsSheet, reportPeopleSheet, reportSDGSheet, reportRoomsSheet, reportOutcomesSheet}

// Chart sizes in pixels. Rows are 20 pixels high (excelize's default of
// 15 points): charts stacked in one column are placed a row more than
// their height apart, so they never overlap.
const (
	reportChartWidth  = 560
	reportChartHeight = 300
)

// writeXLSX writes the report as a workbook with native charts: one
// sheet per section, numbers as numbers, shares as percentages, and the
// charts beside the cells they draw, so organizers can keep working in
// Excel. The sheets are small, so they are written in excelize's normal
// mode (a streamed sheet silently loses its charts).
func writeXLSX(w io.Writer, r *summary.Report, o Options) error {
	f := excelize.NewFile()
	defer f.Close()
	b, err := newReportBook(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", reportSheets[0]); err != nil {
		return err
	}
	for _, s := range reportSheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	b.summarySheet(r, o)
	b.sessionsSheet(r)
	b.peopleSheet(r)
	b.sdgSheet(r)
	b.roomsSheet(r)
	b.outcomesSheet(r)
	if err := b.capacitySheet(r); err != nil {
		return err
	}
	b.finish()
	if b.err != nil {
		return b.err
	}
	title := o.Title
	if title == "" {
		title = "Programme report"
	}
	props := &excelize.DocProperties{Title: title, Creator: "docket", LastModifiedBy: "docket"}
	if !o.Now.IsZero() {
		props.Created = o.Now.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return xlstyle.WriteTo(w, f)
}

// reportBook writes the report's cells, keeping the first error and the
// width each column needs.
type reportBook struct {
	f                                                  *excelize.File
	header, group, title, pct, dateTime, caption, note int
	widths                                             map[string]map[int]int
	err                                                error
}

func newReportBook(f *excelize.File) (*reportBook, error) {
	st, err := xlstyle.New(f)
	if err != nil {
		return nil, err
	}
	b := &reportBook{f: f, dateTime: st.DateTime, widths: map[string]map[int]int{}}
	// A font without a name is shown in whatever the client picks
	// (LibreOffice: a serif), so the report's fonts name the default one.
	font := func(fnt excelize.Font) *excelize.Font {
		fnt.Family, fnt.Size = "Calibri", cmp.Or(fnt.Size, 11)
		return &fnt
	}
	pct := "0.0%"
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&b.header, &excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}},
		{&b.group, &excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&b.pct, &excelize.Style{CustomNumFmt: &pct}},
		{&b.title, &excelize.Style{Font: font(excelize.Font{Bold: true, Size: 16})}},
		{&b.caption, &excelize.Style{Font: font(excelize.Font{Bold: true, Size: 12})}},
		{&b.note, &excelize.Style{Font: font(excelize.Font{Italic: true, Color: "595959"}), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	} {
		if *s.id, err = f.NewStyle(s.style); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func xlsxCell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// xlsxRange is an absolute reference to a range for a chart: Sheet!$A$2:$A$9.
func xlsxRange(sheet string, col1, row1, col2, row2 int) string {
	a, _ := excelize.CoordinatesToCellName(col1, row1, true)
	ref := xlsxSheetRef(sheet) + "!" + a
	if col2 != col1 || row2 != row1 {
		z, _ := excelize.CoordinatesToCellName(col2, row2, true)
		ref += ":" + z
	}
	return ref
}

// xlsxSheetRef quotes a sheet name for a reference when it needs it.
func xlsxSheetRef(sheet string) string {
	if strings.IndexFunc(sheet, func(r rune) bool {
		return !(r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
	}) < 0 {
		return sheet
	}
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}

func (b *reportBook) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *reportBook) measure(sheet string, col, width int) {
	if b.widths[sheet] == nil {
		b.widths[sheet] = map[int]int{}
	}
	b.widths[sheet][col] = max(b.widths[sheet][col], width)
}

// str writes text as a string cell: a value from the input that begins
// with "=" stays text and never becomes a formula.
func (b *reportBook) str(sheet string, col, row int, v string, style int) {
	if b.err != nil {
		return
	}
	cell := xlsxCell(col, row)
	b.fail(b.f.SetCellStr(sheet, cell, v))
	if style != 0 {
		b.fail(b.f.SetCellStyle(sheet, cell, cell, style))
	}
	// Titles, captions and notes run on over the empty cells beside
	// them: they do not widen their column.
	if style != b.title && style != b.caption && style != b.note {
		b.measure(sheet, col, xlstyle.CellWidth(v))
	}
}

func (b *reportBook) count(sheet string, col, row, n int) {
	if b.err != nil {
		return
	}
	b.fail(b.f.SetCellInt(sheet, xlsxCell(col, row), int64(n)))
	b.measure(sheet, col, len(strconv.Itoa(n))+2)
}

func (b *reportBook) number(sheet string, col, row int, v float64, style int) {
	if b.err != nil {
		return
	}
	cell := xlsxCell(col, row)
	b.fail(b.f.SetCellFloat(sheet, cell, v, -1, 64))
	if style != 0 {
		b.fail(b.f.SetCellStyle(sheet, cell, cell, style))
	}
	b.measure(sheet, col, 9)
}

// share writes n over total as a percentage; nothing when total is 0.
func (b *reportBook) share(sheet string, col, row, n, total int) {
	if total > 0 {
		b.number(sheet, col, row, float64(n)/float64(total), b.pct)
	}
}

// headerRow writes a row of styled headers from col onwards.
func (b *reportBook) headerRow(sheet string, col, row int, heads ...string) {
	for i, h := range heads {
		b.str(sheet, col+i, row, h, b.header)
	}
}

// freeze keeps the first rows and cols in view.
func (b *reportBook) freeze(sheet string, cols, rows int) {
	if b.err != nil {
		return
	}
	pane := "bottomLeft"
	switch {
	case cols > 0 && rows > 0:
		pane = "bottomRight"
	case cols > 0:
		pane = "topRight"
	}
	b.fail(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: xlsxCell(cols+1, rows+1), ActivePane: pane}))
}

// finish sizes every written column to its longest value, within reason,
// and prints each sheet landscape, one page wide, charts included.
func (b *reportBook) finish() {
	landscape, one, any := "landscape", 1, 0
	for _, sheet := range reportSheets {
		if b.err != nil {
			return
		}
		b.fail(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: xlsxBool(true)}))
		b.fail(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}))
		cols := b.widths[sheet]
		for _, c := range slices.Sorted(maps.Keys(cols)) {
			if b.err != nil {
				return
			}
			name, _ := excelize.ColumnNumberToName(c)
			b.fail(b.f.SetColWidth(sheet, name, name, float64(min(max(cols[c], 3), 50))))
		}
	}
}

// chart adds a chart with a title at cell. Bar charts get one colour per
// series, gridlines and, with one series, no legend; pies show shares.
func (b *reportBook) chart(sheet, cell, title string, height int, c *excelize.Chart) {
	if b.err != nil {
		return
	}
	c.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}}
	c.Dimension = excelize.ChartDimension{Width: reportChartWidth, Height: uint(height)}
	c.Format.AltText = title
	// excelize's axis labels are a very light grey: hard to read, and
	// lost when printed.
	c.XAxis.Font = excelize.Font{Color: "595959"}
	c.YAxis.Font = excelize.Font{Color: "595959"}
	if c.Legend.Position == "" {
		c.Legend.Position = "bottom"
	}
	switch c.Type {
	case excelize.Pie, excelize.Doughnut:
		c.PlotArea.ShowPercent = true
		c.Legend.Position = "right"
		if c.Type == excelize.Doughnut {
			c.HoleSize = 50
		}
	case excelize.Bar, excelize.Col:
		c.VaryColors = xlsxBool(false)
		c.YAxis.MajorGridLines = true
		c.PlotArea.ShowVal = true
		c.PlotArea.NumFmt = c.YAxis.NumFmt
		if len(c.Series) == 1 {
			c.Legend.Position = "none"
		}
		// Horizontal bars list the first category at the bottom unless
		// the category axis is reversed.
		c.XAxis.ReverseOrder = c.Type == excelize.Bar
	}
	b.fail(b.f.AddChart(sheet, cell, c))
}

func xlsxBool(v bool) *bool { return &v }

// reportBarHeight is the height of a bar chart of n bars: enough for
// their labels, at least reportChartHeight.
func reportBarHeight(n int) int { return max(reportChartHeight, 80+n*22) }

// summarySheet: the title, when the report was made and the totals.
func (b *reportBook) summarySheet(r *summary.Report, o Options) {
	const sh = reportSummarySheet
	title := o.Title
	if title == "" {
		title = "Programme report"
	}
	b.str(sh, 1, 1, title, b.title)
	if b.err == nil {
		b.fail(b.f.SetRowHeight(sh, 1, 24))
	}
	if !o.Now.IsZero() {
		b.str(sh, 1, 2, "Generated ("+o.Now.Format("MST")+")", 0)
		if b.err == nil {
			b.fail(b.f.SetCellValue(sh, "B2", o.Now))
			b.fail(b.f.SetCellStyle(sh, "B2", "B2", b.dateTime))
			b.measure(sh, 2, 18)
		}
	}
	goals := make([]string, len(r.SDGs.UncoveredGoals))
	for i, g := range r.SDGs.UncoveredGoals {
		goals[i] = strconv.Itoa(g)
	}
	days := slices.Sorted(maps.Keys(r.Sessions.ByDay))
	rows := []struct {
		what  string
		n     float64
		notes string
	}{
		{"Sessions", float64(r.Sessions.Total), ""},
		{"Scheduled hours", r.Sessions.Hours, ""},
		{"Days", float64(len(days)), strings.Join(days, ", ")},
		{"Rooms", float64(len(r.Rooms)), ""},
		{"Speaker appearances", float64(r.Speakers.Appearances), ""},
		{"Unique speakers", float64(r.Speakers.Unique), "each person once, however many sessions"},
		{"Moderator appearances", float64(r.Moderators.Appearances), ""},
		{"Unique moderators", float64(r.Moderators.Unique), ""},
		{"Rapporteur appearances", float64(r.Rapporteurs.Appearances), ""},
		{"Unique rapporteurs", float64(r.Rapporteurs.Unique), ""},
		{"Sessions with speakers from one stakeholder group", float64(len(r.Speakers.SingleStakeholder)), "listed on the Speakers sheet"},
		{"Sessions with speakers from one regional group", float64(len(r.Speakers.SingleRegion)), "listed on the Speakers sheet"},
		{"SDG goals no session names", float64(len(r.SDGs.UncoveredGoals)), strings.Join(goals, ", ")},
		{"Past sessions owing outcomes", float64(len(r.MissingOutcomes)), "key takeaways, call to action or report: see the Outcomes sheet"},
	}
	b.headerRow(sh, 1, 4, "Measure", "Value", "Notes")
	for i, row := range rows {
		b.str(sh, 1, 5+i, row.what, 0)
		b.number(sh, 2, 5+i, row.n, 0)
		if row.notes != "" {
			b.str(sh, 3, 5+i, row.notes, 0)
		}
	}
	b.freeze(sh, 0, 4)
}

// sessionsSheet: sessions by day, type, format and theme, side by side
// under one frozen header row.
func (b *reportBook) sessionsSheet(r *summary.Report) {
	const sh = reportSessionsSheet
	days := sortedCounts(r.Sessions.ByDay)
	slices.SortFunc(days, func(a, b countRow) int { return strings.Compare(a.key, b.key) })
	tables := []struct {
		head string
		rows []countRow
	}{
		{"Day", days},
		{"Type", sortedCounts(r.Sessions.ByType)},
		{"Format", sortedCounts(r.Sessions.ByFormat)},
		{"Theme", sortedCounts(r.Sessions.ByTheme)},
	}
	for i, t := range tables {
		col := 1 + i*4
		b.headerRow(sh, col, 1, t.head, "Sessions", "Share")
		for j, row := range t.rows {
			b.str(sh, col, 2+j, row.key, 0)
			b.count(sh, col+1, 2+j, row.n)
			b.share(sh, col+2, 2+j, row.n, r.Sessions.Total)
		}
		b.measure(sh, col+3, 3)
	}
	b.freeze(sh, 0, 1)
}

// peopleSheet: speakers, moderators and rapporteurs side by side, by
// stakeholder group, region, participation and gender; the sessions whose
// speakers share one group or region; charts of the speakers' balance.
func (b *reportBook) peopleSheet(r *summary.Report) {
	const sh = reportPeopleSheet
	people := []struct {
		name string
		p    summary.People
	}{{"Speakers", r.Speakers.People}, {"Moderators", r.Moderators}, {"Rapporteurs", r.Rapporteurs}}
	b.headerRow(sh, 1, 1, "People", "Speakers", "", "Moderators", "", "Rapporteurs", "")
	b.str(sh, 1, 2, "Appearances", 0)
	b.str(sh, 1, 3, "Unique people", 0)
	for i, c := range people {
		b.count(sh, 2+2*i, 2, c.p.Appearances)
		b.count(sh, 2+2*i, 3, c.p.Unique)
	}
	type dim struct {
		head, chart string
		typ         excelize.ChartType
		get         func(summary.People) map[string]int
	}
	dims := []dim{
		{"Stakeholder group", "Speakers by stakeholder group", excelize.Bar, func(p summary.People) map[string]int { return p.ByStakeholder }},
		{"Regional group", "Speakers by regional group", excelize.Bar, func(p summary.People) map[string]int { return p.ByRegion }},
		{"Participation", "Speakers by participation", excelize.Doughnut, func(p summary.People) map[string]int { return p.ByParticipation }},
	}
	if r.Speakers.ByGender != nil || r.Moderators.ByGender != nil || r.Rapporteurs.ByGender != nil {
		dims = append(dims, dim{"Gender", "Speakers by gender", excelize.Pie, func(p summary.People) map[string]int { return p.ByGender }})
	}
	row, chartRow := 5, 1
	for _, d := range dims {
		b.headerRow(sh, 1, row, d.head, "Speakers", "Share", "Moderators", "Share", "Rapporteurs", "Share")
		keys := map[string]bool{}
		for _, c := range people {
			for k := range d.get(c.p) {
				keys[k] = true
			}
		}
		sp, mo, ra := d.get(r.Speakers.People), d.get(r.Moderators), d.get(r.Rapporteurs)
		order := slices.Collect(maps.Keys(keys))
		slices.SortFunc(order, func(a, b string) int {
			// The unknown last; then most speakers, moderators,
			// rapporteurs first; then by name.
			return cmp.Or(
				cmp.Compare(xlsxUnknownLast(a), xlsxUnknownLast(b)),
				cmp.Compare(sp[b], sp[a]), cmp.Compare(mo[b], mo[a]), cmp.Compare(ra[b], ra[a]),
				strings.Compare(a, b))
		})
		first := row + 1
		for j, k := range order {
			b.str(sh, 1, first+j, k, 0)
			for i, c := range people {
				if m := d.get(c.p); m != nil {
					b.count(sh, 2+2*i, first+j, m[k])
					b.share(sh, 3+2*i, first+j, m[k], c.p.Unique)
				}
			}
		}
		last := first + len(order) - 1
		if len(order) > 0 && len(sp) > 0 {
			height := reportChartHeight
			if d.typ == excelize.Bar {
				height = reportBarHeight(len(order))
			}
			b.chart(sh, xlsxCell(9, chartRow), d.chart, height, &excelize.Chart{Type: d.typ, Series: []excelize.ChartSeries{{
				Name:       xlsxRange(sh, 2, row, 2, row),
				Categories: xlsxRange(sh, 1, first, 1, last),
				Values:     xlsxRange(sh, 2, first, 2, last),
			}}})
			chartRow += (height+19)/20 + 1
		}
		row = last + 3
	}
	lists := []struct {
		head string
		ids  []string
	}{
		{"Sessions whose speakers all come from one stakeholder group", r.Speakers.SingleStakeholder},
		{"Sessions whose speakers all come from one regional group", r.Speakers.SingleRegion},
	}
	for _, l := range lists {
		b.str(sh, 1, row, fmt.Sprintf("%s (%d)", l.head, len(l.ids)), b.caption)
		row++
		if len(l.ids) == 0 {
			b.str(sh, 1, row, "none", 0)
			row++
		}
		for _, id := range l.ids {
			b.str(sh, 1, row, id, 0)
			row++
		}
		row++
	}
	// The busiest people and organisations, numbers as numbers.
	for _, t := range []struct {
		head   string
		counts []summary.Count
	}{{"Busiest people", r.BusiestPeople}, {"Busiest organisations", r.BusiestOrganizations}} {
		b.headerRow(sh, 1, row, t.head, "Sessions")
		row++
		for _, c := range t.counts {
			b.str(sh, 1, row, c.Name, 0)
			b.count(sh, 2, row, c.Count)
			row++
		}
		row++
	}
}

// capacitySheet, when the programme's rooms give capacities: each room's
// capacity, its largest expected attendance over it, and the sessions
// expecting more than it holds. A sheet of its own, after the others.
func (b *reportBook) capacitySheet(r *summary.Report) error {
	const sh = "Capacity"
	rooms := slices.Sorted(maps.Keys(r.Rooms))
	rooms = slices.DeleteFunc(rooms, func(n string) bool { return r.Rooms[n].Capacity == 0 })
	if len(rooms) == 0 {
		return nil
	}
	if _, err := b.f.NewSheet(sh); err != nil {
		return err
	}
	b.headerRow(sh, 1, 1, "Room", "Capacity", "Largest expected", "Over capacity")
	for i, n := range rooms {
		room := r.Rooms[n]
		b.str(sh, 1, 2+i, n, 0)
		b.count(sh, 2, 2+i, room.Capacity)
		b.share(sh, 3, 2+i, int(room.Fill*1000+0.5), 1000)
		b.str(sh, 4, 2+i, strings.Join(room.OverCapacity, ", "), 0)
	}
	return nil
}

func xlsxUnknownLast(k string) int {
	if k == "(unknown)" {
		return 1
	}
	return 0
}

// sdgSheet: the 17 goals with their sessions, the targets named, and a
// chart of the goals.
func (b *reportBook) sdgSheet(r *summary.Report) {
	const sh = reportSDGSheet
	b.headerRow(sh, 1, 1, "Goal", "Sessions", "Share of sessions")
	for g := 1; g <= 17; g++ {
		n := r.SDGs.ByGoal[strconv.Itoa(g)]
		b.str(sh, 1, 1+g, strconv.Itoa(g)+" "+vocab.SDGGoal(g), 0)
		b.count(sh, 2, 1+g, n)
		b.share(sh, 3, 1+g, n, r.Sessions.Total)
	}
	// A goal no session names stands out, and keeps standing out as
	// organizers edit the counts.
	if b.err == nil {
		red, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
		b.fail(err)
		if err == nil {
			b.fail(b.f.SetConditionalFormat(sh, "B2:B18", []excelize.ConditionalFormatOptions{{Type: "cell", Criteria: "==", Value: "0", Format: &red}}))
		}
	}
	b.headerRow(sh, 5, 1, "Target", "Sessions", "Share of sessions")
	targets := slices.SortedFunc(maps.Keys(r.SDGs.ByTarget), xlsxCompareTargets)
	for i, t := range targets {
		// "16.10" is a target, not the number 16.1.
		b.str(sh, 5, 2+i, t, 0)
		b.count(sh, 6, 2+i, r.SDGs.ByTarget[t])
		b.share(sh, 7, 2+i, r.SDGs.ByTarget[t], r.Sessions.Total)
	}
	b.measure(sh, 4, 3)
	b.measure(sh, 8, 3)
	if r.Sessions.Total == 0 {
		b.freeze(sh, 0, 1)
		return
	}
	b.chart(sh, "I1", "Sessions per SDG goal", reportBarHeight(17), &excelize.Chart{Type: excelize.Bar, Series: []excelize.ChartSeries{{
		Name:       xlsxRange(sh, 2, 1, 2, 1),
		Categories: xlsxRange(sh, 1, 2, 1, 18),
		Values:     xlsxRange(sh, 2, 2, 2, 18),
	}}})
	b.freeze(sh, 0, 1)
}

// xlsxCompareTargets orders SDG targets by goal, then numbered targets by
// number before lettered ones: 16.2, 16.10, 16.a.
func xlsxCompareTargets(a, b string) int {
	ga, ta, _ := strings.Cut(a, ".")
	gb, tb, _ := strings.Cut(b, ".")
	na, errA := strconv.Atoi(ga)
	nb, errB := strconv.Atoi(gb)
	if errA == nil && errB == nil && na != nb {
		return cmp.Compare(na, nb)
	}
	ia, errA := strconv.Atoi(ta)
	ib, errB := strconv.Atoi(tb)
	switch {
	case errA == nil && errB == nil:
		return cmp.Compare(ia, ib)
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// roomsSheet: room × day, with sessions, minutes and utilisation per day
// and over all days, and a chart of utilisation with one series per day.
func (b *reportBook) roomsSheet(r *summary.Report) {
	const sh = reportRoomsSheet
	rooms := slices.Sorted(maps.Keys(r.Rooms))
	days := slices.Sorted(maps.Keys(r.Sessions.ByDay))
	groups := append(slices.Clone(days), "All days")
	b.str(sh, 1, 1, "Room", b.header)
	b.str(sh, 1, 2, "", b.header)
	if b.err == nil {
		b.fail(b.f.MergeCell(sh, "A1", "A2"))
	}
	for i, g := range groups {
		col := 2 + 3*i
		b.str(sh, col, 1, g, b.group)
		b.headerRow(sh, col+1, 1, "", "")
		if b.err == nil {
			b.fail(b.f.MergeCell(sh, xlsxCell(col, 1), xlsxCell(col+2, 1)))
		}
		b.headerRow(sh, col, 2, "Sessions", "Minutes", "Utilisation")
		for j, name := range rooms {
			room := r.Rooms[name]
			rd := summary.RoomDay{Sessions: room.Sessions, Minutes: room.Minutes, Utilisation: room.Utilisation}
			if i < len(days) {
				rd = room.ByDay[g]
			}
			b.count(sh, col, 3+j, rd.Sessions)
			b.count(sh, col+1, 3+j, rd.Minutes)
			b.number(sh, col+2, 3+j, rd.Utilisation, b.pct)
			b.measure(sh, col+2, 12)
		}
	}
	for j, name := range rooms {
		b.str(sh, 1, 3+j, name, 0)
	}
	lastCol := 1 + 3*len(groups)
	// The note wraps within the table's width, clear of the chart.
	noteRow := 4 + len(rooms)
	b.str(sh, 1, noteRow, "Utilisation: booked minutes over the minutes from the day's first start to its last end anywhere in the venue.", b.note)
	if b.err == nil {
		b.fail(b.f.MergeCell(sh, xlsxCell(1, noteRow), xlsxCell(lastCol, noteRow)))
		b.fail(b.f.SetRowHeight(sh, noteRow, 30))
	}
	b.freeze(sh, 1, 2)
	if len(rooms) == 0 || len(days) == 0 {
		return
	}
	var series []excelize.ChartSeries
	last := 2 + len(rooms)
	for i := range days {
		col := 2 + 3*i
		series = append(series, excelize.ChartSeries{
			Name:       xlsxRange(sh, col, 1, col, 1),
			Categories: xlsxRange(sh, 1, 3, 1, last),
			Values:     xlsxRange(sh, col+2, 3, col+2, last),
		})
	}
	// Below the table when it is wide, else beside it.
	cell := xlsxCell(lastCol+2, 1)
	if lastCol > 10 {
		cell = xlsxCell(1, last+4)
	}
	b.chart(sh, cell, "Room utilisation by day", reportBarHeight(len(rooms)*len(days)), &excelize.Chart{
		Type:   excelize.Bar,
		Series: series,
		YAxis:  excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Minimum: new(float64)},
	})
}

// outcomesSheet: the past sessions that still owe key takeaways, call to
// action or report.
func (b *reportBook) outcomesSheet(r *summary.Report) {
	const sh = reportOutcomesSheet
	b.headerRow(sh, 1, 1, "Session owing key takeaways, call to action or report")
	if len(r.MissingOutcomes) == 0 {
		b.str(sh, 1, 2, "Every past session has its key takeaways, call to action and report.", 0)
	}
	for i, id := range r.MissingOutcomes {
		b.str(sh, 1, 2+i, id, 0)
	}
	b.freeze(sh, 0, 1)
}
