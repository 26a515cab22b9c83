package formats

import (
	"path/filepath"
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
