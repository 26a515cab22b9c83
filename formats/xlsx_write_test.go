package formats

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXExtraDateColumns: a date cell in a column docket has no field
// for comes out as a date, not as Excel's serial number; plain numbers stay
// numbers.
func TestXLSXExtraDateColumns(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"id", "title", "date", "start", "end", "room", "Registration deadline", "Capacity", "Door opens"},
		{"A1", "Opening", 45210.0, 0.375, 0.4166666666666667, "Hall", 45199.0, 120, 0.3541666666666667},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	dateFmt, timeFmt := "dd/mm/yyyy", "h:mm AM/PM"
	ds, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	ts, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &timeFmt})
	f.SetCellStyle("Sheet1", "G2", "G2", ds)
	f.SetCellStyle("Sheet1", "I2", "I2", ts)
	path := filepath.Join(t.TempDir(), "extras.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p := readFile(t, path, ReadOptions{Timezone: "Asia/Tokyo"})
	s := p.Sessions[0]
	for name, want := range map[string]string{"Registration deadline": "2023-09-30", "Capacity": "120", "Door opens": "08:30"} {
		if got := s.ExtraValue(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if got := s.Start.Format("2006-01-02 15:04 MST"); got != "2023-10-11 09:00 JST" {
		t.Errorf("start = %s", got)
	}
}

// TestXLSXIsPleasantToOpen reads docket's workbook back with excelize: a
// frozen bold header, wrapped text, real date and time cells, a Speakers
// sheet, and a title that looks like a formula stays text.
func TestXLSXIsPleasantToOpen(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	p.Sessions[0].Title = "=HYPERLINK(\"http://evil.example\",\"click\")"
	path := filepath.Join(t.TempDir(), "out.xlsx")
	f0, _ := Lookup("xlsx")
	if err := WriteFile(path, func(w io.Writer) error { return f0.Write(w, p, WriteOptions{}) }); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Sessions" || got[1] != "Speakers" {
		t.Errorf("sheets = %v", got)
	}
	if formula, _ := f.GetCellFormula("Sessions", "B2"); formula != "" {
		t.Errorf("a title became the formula %q", formula)
	}
	if v, _ := f.GetCellValue("Sessions", "B2"); !strings.HasPrefix(v, "=HYPERLINK") {
		t.Errorf("B2 = %q", v)
	}
	panes, _ := f.GetPanes("Sessions")
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
	for cell, want := range map[string]string{"F2": "yyyy-mm-dd", "G2": "hh:mm"} {
		id, _ := f.GetCellStyle("Sessions", cell)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != want {
			t.Errorf("%s is not a real date/time cell", cell)
		}
	}
	id, _ := f.GetCellStyle("Sessions", "M2")
	if st, _ := f.GetStyle(id); st.Alignment == nil || !st.Alignment.WrapText {
		t.Error("long text is not wrapped")
	}
	rows, _ := f.GetRows("Speakers")
	if len(rows) < 100 || rows[0][0] != "session_id" {
		t.Errorf("Speakers sheet: %d rows", len(rows))
	}
}

// TestXLSXTooManyRows: past Excel's row limit the export says so and what
// to write instead, instead of excelize's "cannot convert cell".
func TestXLSXTooManyRows(t *testing.T) {
	defer func(n int) { xlsxMaxRows = n }(xlsxMaxRows)
	xlsxMaxRows = 3
	p := mustRead(t, "s.csv", []byte("id,title\nA,One\nB,Two\nC,Three\n"))
	err := writeXLSX(io.Discard, p, WriteOptions{})
	if err == nil || !strings.Contains(err.Error(), "an Excel sheet holds at most 3 rows, and the programme has 3 sessions: write CSV, TSV or NDJSON instead") {
		t.Errorf("err = %v", err)
	}
}
