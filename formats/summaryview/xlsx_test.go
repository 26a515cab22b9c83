package summaryview

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/summary"
	"github.com/docket-forum/docket/internal/vocab"
)

// xlsxSampleReport computes the sample's report as internal/summary's tests
// do: days in Tokyo, outcomes owed by 12 October 2023.
func xlsxSampleReport(t *testing.T) *summary.Report {
	t.Helper()
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	p := readSample(t)
	return summary.Compute(p, tokyo, time.Date(2023, 10, 12, 0, 0, 0, 0, time.UTC))
}

var xlsxReportOptions = Options{Title: "IGF 2023", Now: time.Date(2023, 10, 12, 9, 30, 0, 0, time.UTC)}

func writeXLSXReport(t *testing.T, r *summary.Report, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "xlsx", r, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openXLSXReport(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func xlsxCellName(t *testing.T, col, row int) string {
	t.Helper()
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// xlsxFindRow is the first row (1-based) whose cell in col (1-based)
// shows want.
func xlsxFindRow(t *testing.T, f *excelize.File, sheet string, col int, want string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if len(row) >= col && row[col-1] == want {
			return i + 1
		}
	}
	t.Fatalf("sheet %s: no %q in column %d", sheet, want, col)
	return 0
}

// xlsxFindCol is the first column (1-based) whose cell in row shows want.
func xlsxFindCol(t *testing.T, f *excelize.File, sheet string, row int, want string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) >= row {
		if i := slices.Index(rows[row-1], want); i >= 0 {
			return i + 1
		}
	}
	t.Fatalf("sheet %s: no %q in row %d", sheet, want, row)
	return 0
}

// xlsxNumber reads a cell that must hold a number, not text.
func xlsxNumber(t *testing.T, f *excelize.File, sheet string, col, row int) float64 {
	t.Helper()
	cell := xlsxCellName(t, col, row)
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// excelize writes numbers without a type, which means a number.
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s = %q is stored as %v, not as a number", sheet, cell, v, typ)
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Errorf("%s!%s = %q: %v", sheet, cell, v, err)
	}
	return n
}

// xlsxIsPercent reports whether a cell shows its number as a percentage.
func xlsxIsPercent(t *testing.T, f *excelize.File, sheet string, col, row int) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, xlsxCellName(t, col, row))
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.NumFmt == 9 || st.NumFmt == 10 || st.CustomNumFmt != nil && strings.HasSuffix(*st.CustomNumFmt, "%")
}

// TestXLSXReportSample reads the sample's workbook back: the sheets, and
// numbers (as numbers) where organizers look for them, matching the hand
// counts of internal/summary's tests.
func TestXLSXReportSample(t *testing.T) {
	r := xlsxSampleReport(t)
	f := openXLSXReport(t, writeXLSXReport(t, r, xlsxReportOptions))

	if got, want := f.GetSheetList(), []string{"Summary", "Sessions", "Speakers", "SDGs", "Rooms", "Outcomes"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}

	// Summary: the title, when, and the totals.
	if v, _ := f.GetCellValue("Summary", "A1"); v != "IGF 2023" {
		t.Errorf("Summary!A1 = %q, want the title", v)
	}
	// 2023-10-12 09:30 is serial 45211 + 9.5/24.
	if v := xlsxNumber(t, f, "Summary", 2, 2); math.Abs(v-(45211+9.5/24)) > 1e-6 {
		t.Errorf("generated = %v, want the serial of 2023-10-12 09:30", v)
	}
	if v, _ := f.GetCellValue("Summary", "B2"); v != "2023-10-12 09:30" {
		t.Errorf("generated shows as %q", v)
	}
	for what, want := range map[string]float64{
		"Sessions":                     48,
		"Scheduled hours":              58,
		"Speaker appearances":          161,
		"Unique speakers":              158,
		"Unique moderators":            96,
		"Unique rapporteurs":           48,
		"SDG goals no session names":   8,
		"Past sessions owing outcomes": float64(len(r.MissingOutcomes)),
	} {
		row := xlsxFindRow(t, f, "Summary", 1, what)
		if got := xlsxNumber(t, f, "Summary", 2, row); got != want {
			t.Errorf("Summary: %s = %v, want %v", what, got, want)
		}
	}

	// Sessions: counts and shares by day and type.
	row := xlsxFindRow(t, f, "Sessions", 1, "2023-10-10")
	if got := xlsxNumber(t, f, "Sessions", 2, row); got != 26 {
		t.Errorf("sessions on 10 October = %v, want 26", got)
	}
	col := xlsxFindCol(t, f, "Sessions", 1, "Type")
	row = xlsxFindRow(t, f, "Sessions", col, "Workshop")
	if got := xlsxNumber(t, f, "Sessions", col+1, row); got != 14 {
		t.Errorf("workshops = %v, want 14", got)
	}
	if got := xlsxNumber(t, f, "Sessions", col+2, row); math.Abs(got-14.0/48) > 1e-9 {
		t.Errorf("workshops' share = %v, want 14/48", got)
	}
	if !xlsxIsPercent(t, f, "Sessions", col+2, row) {
		t.Error("the workshops' share is not shown as a percentage")
	}

	// Speakers: people counted once, by group, for each capacity.
	row = xlsxFindRow(t, f, "Speakers", 1, "Unique people")
	for name, want := range map[string]float64{"Speakers": 158, "Moderators": 96, "Rapporteurs": 48} {
		col := xlsxFindCol(t, f, "Speakers", 1, name)
		if got := xlsxNumber(t, f, "Speakers", col, row); got != want {
			t.Errorf("unique %s = %v, want %v", strings.ToLower(name), got, want)
		}
	}
	row = xlsxFindRow(t, f, "Speakers", 1, "Civil Society")
	if got := xlsxNumber(t, f, "Speakers", 2, row); got != 32 {
		t.Errorf("speakers from civil society = %v, want 32", got)
	}
	if !xlsxIsPercent(t, f, "Speakers", 3, row) {
		t.Error("the share of speakers from civil society is not a percentage")
	}
	// The single-region sessions come after the tables (MAIN-1 is one).
	if xlsxFindRow(t, f, "Speakers", 1, "MAIN-1") < xlsxFindRow(t, f, "Speakers", 1, "Participation") {
		t.Error("MAIN-1 is not listed with the single-region sessions")
	}

	// SDGs: all 17 goals by name, and targets as text, not numbers.
	for g := 1; g <= 17; g++ {
		row := xlsxFindRow(t, f, "SDGs", 1, strconv.Itoa(g)+" "+vocab.SDGGoal(g))
		if got, want := xlsxNumber(t, f, "SDGs", 2, row), float64(r.SDGs.ByGoal[strconv.Itoa(g)]); got != want {
			t.Errorf("goal %d: %v sessions, want %v", g, got, want)
		}
	}
	col = xlsxFindCol(t, f, "SDGs", 1, "Target")
	row = xlsxFindRow(t, f, "SDGs", col, "16.10")
	if got := xlsxNumber(t, f, "SDGs", col+1, row); got != 8 {
		t.Errorf("target 16.10: %v sessions, want 8", got)
	}
	if typ, _ := f.GetCellType("SDGs", xlsxCellName(t, col, row)); typ != excelize.CellTypeSharedString {
		t.Errorf("target 16.10 is stored as %v, not as text", typ)
	}

	// Rooms: room × day, utilisation a real percentage.
	row = xlsxFindRow(t, f, "Rooms", 1, "Main Hall")
	day := xlsxFindCol(t, f, "Rooms", 1, "2023-10-10")
	for i, want := range []float64{5, 375, 0.694} {
		if got := xlsxNumber(t, f, "Rooms", day+i, row); got != want {
			t.Errorf("Main Hall on 10 October, column %d = %v, want %v", day+i, got, want)
		}
	}
	if !xlsxIsPercent(t, f, "Rooms", day+2, row) {
		t.Error("utilisation is not shown as a percentage")
	}
	if v, _ := f.GetCellValue("Rooms", xlsxCellName(t, day+2, row)); v != "69.4%" {
		t.Errorf("Main Hall's utilisation on 10 October shows as %q, want 69.4%%", v)
	}
	all := xlsxFindCol(t, f, "Rooms", 1, "All days")
	if got := xlsxNumber(t, f, "Rooms", all+1, row); got != 735 {
		t.Errorf("Main Hall's minutes over all days = %v, want 735", got)
	}

	// Outcomes: the sessions, in order.
	if len(r.MissingOutcomes) == 0 {
		t.Fatal("no session of the sample owes outcomes: the check below checks nothing")
	}
	rows, err := f.GetRows("Outcomes")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, row := range rows[1:] {
		ids = append(ids, row[0])
	}
	if !slices.Equal(ids, r.MissingOutcomes) {
		t.Errorf("Outcomes lists %q, want %q", ids, r.MissingOutcomes)
	}

	// The header rows of the long tables stay in view.
	for _, sheet := range []string{"Summary", "Sessions", "SDGs", "Rooms", "Outcomes"} {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit == 0 {
			t.Errorf("sheet %s: no frozen header row", sheet)
		}
	}
	// Columns are sized to their contents.
	if w, _ := f.GetColWidth("Speakers", "A"); w < float64(len("Western European and Others Group")) {
		t.Errorf("Speakers!A is %v wide, too narrow for the regions", w)
	}
}

// xlsxChart is a chart as the workbook's parts tell it, found by following
// the relationships from each sheet to its drawing and on to the chart.
type xlsxChart struct {
	Sheet, Part, Title string
	// Kind is the chart element (barChart, pieChart, doughnutChart); Dir
	// is a bar chart's direction (bar, col).
	Kind, Dir string
	Series    []xlsxChartSeries
	// From and To are the anchor's corner cells, 0-based column and row.
	From, To [2]int
}

type xlsxChartSeries struct{ Name, Categories, Values string }

type xlsxRels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xlsxAnchor struct {
	From struct {
		Col int `xml:"col"`
		Row int `xml:"row"`
	} `xml:"from"`
	To struct {
		Col int `xml:"col"`
		Row int `xml:"row"`
	} `xml:"to"`
	Chart struct {
		RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"graphicFrame>graphic>graphicData>chart"`
}

type xlsxChartSpace struct {
	Title []string `xml:"chart>title>tx>rich>p>r>t"`
	Plot  struct {
		Charts []struct {
			XMLName xml.Name
			BarDir  struct {
				Val string `xml:"val,attr"`
			} `xml:"barDir"`
			Ser []struct {
				Name   string `xml:"tx>strRef>f"`
				Cat    string `xml:"cat>strRef>f"`
				CatNum string `xml:"cat>numRef>f"`
				Val    string `xml:"val>numRef>f"`
			} `xml:"ser"`
		} `xml:",any"`
	} `xml:"chart>plotArea"`
}

func xlsxCharts(t *testing.T, data []byte) []xlsxChart {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string, v any) bool {
		t.Helper()
		rc, err := zr.Open(name)
		if err != nil {
			return false
		}
		defer rc.Close()
		if err := xml.NewDecoder(rc).Decode(v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return true
	}
	// target resolves the relationship id of part to the part it names.
	target := func(part, id string) string {
		t.Helper()
		var rs xlsxRels
		relsPart := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
		if !read(relsPart, &rs) {
			t.Fatalf("%s is missing", relsPart)
		}
		for _, r := range rs.Rel {
			if r.ID == id {
				return path.Join(path.Dir(part), r.Target)
			}
		}
		t.Fatalf("%s: no relationship %s", relsPart, id)
		return ""
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if !read("xl/workbook.xml", &wb) {
		t.Fatal("no xl/workbook.xml")
	}
	var charts []xlsxChart
	for _, s := range wb.Sheets {
		sheetPart := target("xl/workbook.xml", s.RID)
		var ws struct {
			Drawing []struct {
				RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			} `xml:"drawing"`
		}
		if !read(sheetPart, &ws) {
			t.Fatalf("sheet %s: %s is missing", s.Name, sheetPart)
		}
		for _, d := range ws.Drawing {
			drawingPart := target(sheetPart, d.RID)
			var dr struct {
				Anchors []xlsxAnchor `xml:"twoCellAnchor"`
			}
			if !read(drawingPart, &dr) {
				t.Fatalf("sheet %s: %s is missing", s.Name, drawingPart)
			}
			for _, a := range dr.Anchors {
				if a.Chart.RID == "" {
					continue
				}
				c := xlsxChart{Sheet: s.Name, Part: target(drawingPart, a.Chart.RID),
					From: [2]int{a.From.Col, a.From.Row}, To: [2]int{a.To.Col, a.To.Row}}
				var cs xlsxChartSpace
				if !read(c.Part, &cs) {
					t.Fatalf("sheet %s: %s is missing", s.Name, c.Part)
				}
				c.Title = strings.Join(cs.Title, "")
				for _, p := range cs.Plot.Charts {
					if !strings.HasSuffix(p.XMLName.Local, "Chart") {
						continue
					}
					c.Kind, c.Dir = p.XMLName.Local, p.BarDir.Val
					for _, ser := range p.Ser {
						c.Series = append(c.Series, xlsxChartSeries{Name: ser.Name, Categories: ser.Cat + ser.CatNum, Values: ser.Val})
					}
				}
				charts = append(charts, c)
			}
		}
	}
	return charts
}

// xlsxRangeCells reads the cells a chart's reference names, in order.
func xlsxRangeCells(t *testing.T, f *excelize.File, ref string) []string {
	t.Helper()
	sheet, cells, ok := strings.Cut(strings.ReplaceAll(ref, "$", ""), "!")
	if !ok {
		t.Fatalf("reference %q names no sheet", ref)
	}
	sheet = strings.Trim(sheet, "'")
	first, last, ok := strings.Cut(cells, ":")
	if !ok {
		last = first
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(first)
	c2, r2, err2 := excelize.CellNameToCoordinates(last)
	if err1 != nil || err2 != nil || (c1 != c2 && r1 != r2) {
		t.Fatalf("reference %q is not a row or a column", ref)
	}
	var out []string
	for c := c1; c <= c2; c++ {
		for r := r1; r <= r2; r++ {
			v, err := f.GetCellValue(sheet, xlsxCellName(t, c, r), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
	}
	return out
}

// xlsxSeriesData is what a series draws: category → value.
func xlsxSeriesData(t *testing.T, f *excelize.File, s xlsxChartSeries) map[string]float64 {
	t.Helper()
	cats, vals := xlsxRangeCells(t, f, s.Categories), xlsxRangeCells(t, f, s.Values)
	if len(cats) != len(vals) || len(cats) == 0 {
		t.Fatalf("series %s: %d categories (%s), %d values (%s)", s.Name, len(cats), s.Categories, len(vals), s.Values)
	}
	out := map[string]float64{}
	for i, c := range cats {
		n, err := strconv.ParseFloat(vals[i], 64)
		if err != nil {
			t.Errorf("series %s: %q for %q is no number", s.Name, vals[i], c)
		}
		out[c] = n
	}
	return out
}

// xlsxSameData compares what a series draws with what the report says;
// a category the series draws as 0 may be missing from the report.
func xlsxSameData[N int | float64](t *testing.T, what string, got map[string]float64, want map[string]N) {
	t.Helper()
	for k, n := range want {
		if v, ok := got[k]; !ok || v != float64(n) {
			t.Errorf("%s: %q is drawn as %v (drawn: %t), want %v", what, k, v, ok, n)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok && v != 0 {
			t.Errorf("%s: draws %q = %v, which the report does not have", what, k, v)
		}
	}
}

// xlsxChartsClear checks that no chart covers a cell with a value, a
// merged cell, or another chart.
func xlsxChartsClear(t *testing.T, f *excelize.File, charts []xlsxChart) {
	t.Helper()
	inside := func(c xlsxChart, col, row int) bool {
		return col >= c.From[0] && col <= c.To[0] && row >= c.From[1] && row <= c.To[1]
	}
	for i, c := range charts {
		if c.Title == "" {
			t.Errorf("sheet %s: chart %s has no title", c.Sheet, c.Part)
		}
		rows, err := f.GetRows(c.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col, v := range row {
				if v != "" && inside(c, col, r) {
					t.Errorf("sheet %s: chart %q covers %s (%q)", c.Sheet, c.Title, xlsxCellName(t, col+1, r+1), v)
				}
			}
		}
		merged, err := f.GetMergeCells(c.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range merged {
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			if c1-1 <= c.To[0] && c2-1 >= c.From[0] && r1-1 <= c.To[1] && r2-1 >= c.From[1] {
				t.Errorf("sheet %s: chart %q covers the merged cells %s:%s", c.Sheet, c.Title, m.GetStartAxis(), m.GetEndAxis())
			}
		}
		for _, d := range charts[i+1:] {
			if d.Sheet == c.Sheet && c.From[0] <= d.To[0] && d.From[0] <= c.To[0] && c.From[1] <= d.To[1] && d.From[1] <= c.To[1] {
				t.Errorf("sheet %s: charts %q and %q overlap", c.Sheet, c.Title, d.Title)
			}
		}
	}
}

// TestXLSXReportCharts: the native charts are in the workbook's parts,
// where each sheet's drawing says, with titles, drawing the report's
// numbers from the cells, clear of the tables and of each other.
func TestXLSXReportCharts(t *testing.T) {
	r := xlsxSampleReport(t)
	data := writeXLSXReport(t, r, xlsxReportOptions)
	f := openXLSXReport(t, data)
	charts := xlsxCharts(t, data)

	type want struct{ sheet, kind, dir string }
	wants := map[string]want{
		"Speakers by stakeholder group": {"Speakers", "barChart", "bar"},
		"Speakers by regional group":    {"Speakers", "barChart", "bar"},
		"Speakers by participation":     {"Speakers", "doughnutChart", ""},
		"Sessions per SDG goal":         {"SDGs", "barChart", "bar"},
		"Room utilisation by day":       {"Rooms", "barChart", "bar"},
	}
	var titles []string
	for _, c := range charts {
		titles = append(titles, c.Title)
		w, ok := wants[c.Title]
		if !ok {
			continue
		}
		if got := (want{c.Sheet, c.Kind, c.Dir}); got != w {
			t.Errorf("chart %q is %+v, want %+v", c.Title, got, w)
		}
		if len(c.Series) == 0 {
			t.Errorf("chart %q has no series", c.Title)
			continue
		}
		s := c.Series[0]
		switch c.Title {
		case "Speakers by stakeholder group":
			xlsxSameData(t, c.Title, xlsxSeriesData(t, f, s), r.Speakers.ByStakeholder)
		case "Speakers by regional group":
			xlsxSameData(t, c.Title, xlsxSeriesData(t, f, s), r.Speakers.ByRegion)
		case "Speakers by participation":
			xlsxSameData(t, c.Title, xlsxSeriesData(t, f, s), r.Speakers.ByParticipation)
		case "Sessions per SDG goal":
			goals := map[string]int{}
			for g := 1; g <= 17; g++ {
				goals[strconv.Itoa(g)+" "+vocab.SDGGoal(g)] = r.SDGs.ByGoal[strconv.Itoa(g)]
			}
			data := xlsxSeriesData(t, f, s)
			if len(data) != 17 {
				t.Errorf("the SDG chart draws %d goals, want 17", len(data))
			}
			xlsxSameData(t, c.Title, data, goals)
			if s.Values != "SDGs!$B$2:$B$18" || s.Categories != "SDGs!$A$2:$A$18" {
				t.Errorf("the SDG chart draws %s over %s", s.Values, s.Categories)
			}
		case "Room utilisation by day":
			// One series per day, named by the day.
			var days []string
			for _, s := range c.Series {
				day := xlsxRangeCells(t, f, s.Name)[0]
				days = append(days, day)
				want := map[string]float64{}
				for name, room := range r.Rooms {
					if rd, ok := room.ByDay[day]; ok {
						want[name] = rd.Utilisation
					}
				}
				xlsxSameData(t, c.Title+" "+day, xlsxSeriesData(t, f, s), want)
			}
			if !slices.Equal(days, []string{"2023-10-10", "2023-10-11"}) {
				t.Errorf("the room chart's series are %q, want one per day", days)
			}
			if got := []string{c.Series[0].Values, c.Series[1].Values}; !slices.Equal(got, []string{"Rooms!$D$3:$D$9", "Rooms!$G$3:$G$9"}) {
				t.Errorf("the room chart draws %q", got)
			}
		}
	}
	slices.Sort(titles)
	wantTitles := []string{"Room utilisation by day", "Sessions per SDG goal", "Speakers by participation", "Speakers by regional group", "Speakers by stakeholder group"}
	if !slices.Equal(titles, wantTitles) {
		t.Errorf("charts %q, want %q", titles, wantTitles)
	}
	xlsxChartsClear(t, f, charts)
}

// TestXLSXReportGender: a gender column adds a table and a pie; the
// capacities the input tells no gender of are left blank, not 0.
func TestXLSXReportGender(t *testing.T) {
	r := xlsxSampleReport(t)
	r.Speakers.ByGender = map[string]int{"female": 80, "male": 70, "(unknown)": 8}
	data := writeXLSXReport(t, r, xlsxReportOptions)
	f := openXLSXReport(t, data)
	row := xlsxFindRow(t, f, "Speakers", 1, "female")
	if got := xlsxNumber(t, f, "Speakers", 2, row); got != 80 {
		t.Errorf("female speakers = %v, want 80", got)
	}
	if v, _ := f.GetCellValue("Speakers", xlsxCellName(t, 4, row)); v != "" {
		t.Errorf("female moderators = %q, want a blank cell", v)
	}
	charts := xlsxCharts(t, data)
	found := false
	for _, c := range charts {
		if c.Title == "Speakers by gender" {
			found = true
			if c.Kind != "pieChart" || c.Sheet != "Speakers" {
				t.Errorf("the gender chart is a %s on %s", c.Kind, c.Sheet)
			}
			xlsxSameData(t, c.Title, xlsxSeriesData(t, f, c.Series[0]), r.Speakers.ByGender)
		}
	}
	if !found {
		t.Error("no gender chart")
	}
	xlsxChartsClear(t, f, charts)
}

// TestXLSXReportTextStaysText: names from the input that look like
// formulas are stored as text, and the workbook has no formula at all.
func TestXLSXReportTextStaysText(t *testing.T) {
	r := xlsxSampleReport(t)
	room := `=HYPERLINK("http://example.com/x","click me")`
	r.Rooms[room] = summary.Room{Sessions: 1, Minutes: 60, Utilisation: 0.05,
		ByDay: map[string]summary.RoomDay{"2023-10-10": {Sessions: 1, Minutes: 60, Utilisation: 0.111}}}
	r.Sessions.ByTheme["=1+1"] = 1
	r.Sessions.ByType["@SUM(A1:A2)"] = 1
	r.Speakers.ByStakeholder["+2+3"] = 1
	r.MissingOutcomes = append(r.MissingOutcomes, "=cmd|' /C calc'!A0")
	o := xlsxReportOptions
	o.Title = "-1+1"
	data := writeXLSXReport(t, r, o)
	f := openXLSXReport(t, data)

	for _, s := range []struct{ sheet, text string }{
		{"Rooms", room}, {"Sessions", "=1+1"}, {"Sessions", "@SUM(A1:A2)"}, {"Speakers", "+2+3"},
		{"Outcomes", "=cmd|' /C calc'!A0"}, {"Summary", "-1+1"},
	} {
		rows, err := f.GetRows(s.sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for r, row := range rows {
			for c, v := range row {
				if v != s.text {
					continue
				}
				found = true
				cell := xlsxCellName(t, c+1, r+1)
				if typ, _ := f.GetCellType(s.sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s = %q is stored as %v, not as text", s.sheet, cell, v, typ)
				}
				if formula, _ := f.GetCellFormula(s.sheet, cell); formula != "" {
					t.Errorf("%s!%s is the formula %q", s.sheet, cell, formula)
				}
			}
		}
		if !found {
			t.Errorf("sheet %s: %q is not written as it is", s.sheet, s.text)
		}
	}
	// No sheet holds a formula (<f>): every value is written as a value.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}
	// The hostile room is drawn as a room like any other.
	for _, c := range xlsxCharts(t, data) {
		if c.Title == "Room utilisation by day" {
			if cats := xlsxRangeCells(t, f, c.Series[0].Categories); !slices.Contains(cats, room) {
				t.Errorf("the room chart's rooms %q lack %q", cats, room)
			}
		}
	}
}

// TestXLSXReportDeterministic: the same report gives the same bytes.
func TestXLSXReportDeterministic(t *testing.T) {
	r := xlsxSampleReport(t)
	a := writeXLSXReport(t, r, xlsxReportOptions)
	for range 3 {
		if b := writeXLSXReport(t, r, xlsxReportOptions); !bytes.Equal(a, b) {
			t.Fatal("two workbooks of the same report differ")
		}
	}
}

// TestXLSXReportEmpty: a programme without sessions still makes a
// workbook, without charts of nothing.
func TestXLSXReportEmpty(t *testing.T) {
	r := summary.Compute(&schedule.Programme{}, time.UTC, time.Date(2023, 10, 12, 0, 0, 0, 0, time.UTC))
	data := writeXLSXReport(t, r, Options{})
	f := openXLSXReport(t, data)
	if got := len(f.GetSheetList()); got != 6 {
		t.Errorf("%d sheets, want 6", got)
	}
	if v, _ := f.GetCellValue("Summary", "A1"); v != "Programme report" {
		t.Errorf("Summary!A1 = %q, want the default title", v)
	}
	for _, c := range xlsxCharts(t, data) {
		t.Errorf("an empty report has the chart %q on %s", c.Title, c.Sheet)
	}
	if v, _ := f.GetCellValue("Outcomes", "A2"); !strings.HasPrefix(v, "Every past session") {
		t.Errorf("Outcomes!A2 = %q", v)
	}
}

// TestXLSXReportOpenpyxl loads the workbook in a real client, openpyxl
// (Debian package python3-openpyxl), which reads the charts back with
// their titles and references and the cells with their types and formats.
// Skipped where /usr/bin/python3 cannot import openpyxl.
func TestXLSXReportOpenpyxl(t *testing.T) {
	const python = "/usr/bin/python3"
	if out, err := exec.Command(python, "-c", "import openpyxl").CombinedOutput(); err != nil {
		t.Skipf("%s cannot import openpyxl (apt-get install python3-openpyxl): %v %s", python, err, out)
	}
	r := xlsxSampleReport(t)
	room := `=HYPERLINK("http://example.com/x","click me")`
	r.Rooms[room] = summary.Room{Sessions: 1, Minutes: 60, Utilisation: 0.05,
		ByDay: map[string]summary.RoomDay{"2023-10-10": {Sessions: 1, Minutes: 60, Utilisation: 0.111}}}
	data := writeXLSXReport(t, r, xlsxReportOptions)
	f := openXLSXReport(t, data)
	file := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	sessions := "Summary!B" + strconv.Itoa(xlsxFindRow(t, f, "Summary", 1, "Sessions"))
	hall := xlsxFindRow(t, f, "Rooms", 1, "Main Hall")
	util := "Rooms!" + xlsxCellName(t, xlsxFindCol(t, f, "Rooms", 1, "2023-10-10")+2, hall)
	hostile := "Rooms!A" + strconv.Itoa(xlsxFindRow(t, f, "Rooms", 1, room))

	cmd := exec.Command(python, filepath.Join("testdata", "xlsx_openpyxl.py"), file, sessions, util, hostile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, stderr.String())
	}
	var got struct {
		Version string
		Sheets  []string
		Charts  map[string][]struct {
			Kind, Title string
			Series      []struct{ Name, Categories, Values string }
		}
		Cells map[string]struct {
			Value  any
			Type   string
			Format string
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	t.Logf("openpyxl %s", got.Version)
	if want := []string{"Summary", "Sessions", "Speakers", "SDGs", "Rooms", "Outcomes"}; !slices.Equal(got.Sheets, want) {
		t.Errorf("openpyxl sees the sheets %q, want %q", got.Sheets, want)
	}
	wantCharts := map[string][]string{
		"Speakers": {"BarChart Speakers by stakeholder group", "BarChart Speakers by regional group", "DoughnutChart Speakers by participation"},
		"SDGs":     {"BarChart Sessions per SDG goal"},
		"Rooms":    {"BarChart Room utilisation by day"},
	}
	for _, sheet := range got.Sheets {
		var charts []string
		for _, c := range got.Charts[sheet] {
			charts = append(charts, c.Kind+" "+c.Title)
			for _, s := range c.Series {
				if !strings.HasPrefix(s.Values, sheet+"!") || !strings.HasPrefix(s.Categories, sheet+"!") {
					t.Errorf("openpyxl: chart %q on %s draws %s over %s", c.Title, sheet, s.Values, s.Categories)
				}
			}
		}
		if !slices.Equal(charts, wantCharts[sheet]) {
			t.Errorf("openpyxl sees on %s the charts %q, want %q", sheet, charts, wantCharts[sheet])
		}
	}
	if rooms := got.Charts["Rooms"]; len(rooms) == 1 && len(rooms[0].Series) != 2 {
		t.Errorf("openpyxl sees %d series in the room chart, want one per day", len(rooms[0].Series))
	}
	if c := got.Cells[sessions]; c.Value != 48.0 || c.Type != "n" {
		t.Errorf("openpyxl reads %s as %v (%s), want the number 48", sessions, c.Value, c.Type)
	}
	if c := got.Cells[util]; c.Value != 0.694 || c.Type != "n" || !strings.HasSuffix(c.Format, "%") {
		t.Errorf("openpyxl reads %s as %v (%s, format %q), want 0.694 as a percentage", util, c.Value, c.Type, c.Format)
	}
	if c := got.Cells[hostile]; c.Value != room || c.Type != "s" {
		t.Errorf("openpyxl reads %s as %v (%s), want the text %q", hostile, c.Value, c.Type, room)
	}
}

// TestXLSXReportCapacity: the rooms' capacities get a sheet of their own
// when the programme's rooms give them, with the session over capacity.
func TestXLSXReportCapacity(t *testing.T) {
	at := time.Date(2023, 10, 11, 9, 0, 0, 0, time.UTC)
	p := &schedule.Programme{
		Sessions: []*schedule.Session{{ID: "A", Room: "Room A", Start: at, End: at.Add(time.Hour),
			Extra: []schedule.Extra{{Name: "Expected attendance", Value: "81"}}}},
		Rooms: []schedule.RoomInfo{{Name: "Room A", Capacity: 80}},
	}
	var out bytes.Buffer
	if err := Write(&out, "xlsx", summary.Compute(p, time.UTC, at), Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	capacity, _ := f.GetCellValue("Capacity", "B2")
	over, _ := f.GetCellValue("Capacity", "D2")
	if capacity != "80" || over != "A" {
		t.Errorf("Capacity sheet: B2 %q, D2 %q (sheets %v)", capacity, over, f.GetSheetList())
	}
}
