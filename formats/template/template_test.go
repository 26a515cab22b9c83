package template_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/formats/template"
	"github.com/docket-forum/docket/internal/validate"
)

// TestTemplate reads the template's drop-downs back with excelize, fills
// in a session as a partner would, and checks it reads and validates
// cleanly. Reading it back takes docket's own reader, in package formats,
// which package template must not import: hence an external test.
func TestTemplate(t *testing.T) {
	var b bytes.Buffer
	if err := template.Write(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Instructions,Lists,Sessions,Speakers,Rooms,Availability" {
		t.Errorf("sheets = %s", got)
	}
	lists := map[string]string{}
	for _, sheet := range []string{"Sessions", "Speakers"} {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			lists[sheet+"!"+strings.SplitN(dv.Sqref, ":", 2)[0]] = dv.Formula1
		}
	}
	for cell, want := range map[string]string{
		"Sessions!C2": "Lists!$A$2:$A$20",  // type: 19 session types
		"Sessions!D2": "Lists!$B$2:$B$9",   // format
		"Sessions!U2": "Lists!$E$2:$E$170", // 169 SDG targets
		"Speakers!F2": "Lists!$C$2:$C$7",   // stakeholder groups
		"Speakers!G2": "Lists!$D$2:$D$7",   // regional groups
		"Speakers!H2": "Lists!$F$2:$F$3",   // participation
	} {
		if got := lists[cell]; !strings.Contains(got, want) {
			t.Errorf("drop-down at %s = %q, want %q", cell, got, want)
		}
	}
	if v, _ := f.GetCellValue("Lists", "E2"); v != "1.1" {
		t.Errorf("first SDG target = %q", v)
	}
	if len(lists) != 7 {
		t.Errorf("%d drop-downs: %v", len(lists), lists)
	}

	// Fill in one session and one speaker, as a partner would, and read it.
	vals := map[string]any{"A2": "WS #1", "B2": "Opening the forum", "C2": "Workshop", "D2": "Panel", "E2": 60,
		"F2": 45210.0, "G2": 0.375, "H2": 0.416666666666667, "I2": "Asia/Tokyo", "J2": "Main Hall", "R2": "Ana Lima, Chair, UN, Intergovernmental Organization, GRULAC (on-site)", "U2": "9.1; 16.6"}
	for cell, v := range vals {
		if err := f.SetCellValue("Sessions", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for cell, v := range map[string]string{"A2": "WS #1", "B2": "speaker", "C2": "Ben Ode", "F2": "Civil Society", "G2": "African Group", "H2": "online"} {
		f.SetCellStr("Speakers", cell, v)
	}
	f.SetCellStr("Speakers", "B3", "speaker")
	f.SetCellStr("Speakers", "A3", "WS #1")
	f.SetCellStr("Speakers", "C3", "Cem Ak")
	f.SetCellStr("Speakers", "F3", "Private Sector")
	f.SetCellStr("Speakers", "G3", "WEOG")
	// A third: the IGF's workshop criteria ask for three (too-few-speakers).
	for cell, v := range map[string]string{"A4": "WS #1", "B4": "speaker", "C4": "Dina Eze", "F4": "Government", "G4": "Asia-Pacific Group"} {
		f.SetCellStr("Speakers", cell, v)
	}
	// A room, and a window when the speaker is away (not at the session).
	for cell, v := range map[string]string{"A2": "Main Hall", "C2": "interpretation, streaming", "D2": "no"} {
		f.SetCellStr("Rooms", cell, v)
	}
	f.SetCellInt("Rooms", "B2", 300)
	for cell, v := range map[string]string{"A2": "Ben Ode", "B2": "2023-10-12 09:00", "C2": "2023-10-12 18:00", "D2": "unavailable"} {
		f.SetCellStr("Availability", cell, v)
	}
	path := filepath.Join(t.TempDir(), "filled.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, err := formats.ReadProgramme(formats.Input{Name: filepath.Base(path), Path: path}, formats.ReadOptions{})
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	if len(p.Sessions) != 1 || len(p.Sessions[0].Speakers) != 3 || p.Sessions[0].Start.Format("2006-01-02 15:04 MST") != "2023-10-11 09:00 JST" {
		t.Fatalf("read back: %+v", p.Sessions)
	}
	if len(p.Rooms) != 1 || p.Rooms[0].Capacity != 300 || len(p.Availability) != 1 {
		t.Errorf("rooms %+v, availability %+v", p.Rooms, p.Availability)
	}
	if fs := validate.Run(p, validate.Options{}); len(fs) != 0 {
		t.Errorf("a filled-in template should validate cleanly: %+v", fs)
	}
}
