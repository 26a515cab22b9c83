package commands

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/internal/validate"
)

// resourceSessions has one clean session and one planted violation of
// each rule of rooms and availability (and two booths of a shared room
// that overlap, which is fine).
var resourceSessions = [][]any{
	{"Session ID", "Title", "Type", "Date", "Start", "End", "Room", "Speakers", "On-site moderator", "Expected attendance", "Needs"},
	{"S1", "Clean", "Workshop", "2023-10-11", "09:00", "10:00", "Room A", "Ana Lima, Chair, Org, Gov, GRULAC; Ben Ode, Lead, Org, Civil Society, African Group", "Cara Diaz", 80, "streaming"},
	{"S2", "Too big", "Workshop", "2023-10-11", "10:00", "11:00", "Room A", "Dan Eze, X, Org, Gov, GRULAC; Eva Fox, Y, Org, Civil Society, WEOG", "Cara Diaz", 81, ""},
	{"S3", "No booth", "Workshop", "2023-10-11", "11:00", "12:00", "Room A", "Fay Gul, X, Org, Gov, GRULAC; Gil Hu, Y, Org, Civil Society, WEOG", "Cara Diaz", "", "interpretation, streaming"},
	{"S4", "Busy speaker", "Workshop", "2023-10-11", "13:00", "14:00", "Room A", "Ivo Jax, X, Org, Gov, GRULAC; Kim Lo, Y, Org, Civil Society, WEOG", "Cara Diaz", "", ""},
	{"S5", "Closed room", "Workshop", "2023-10-11", "09:00", "10:00", "Room B", "Lu Ma, X, Org, Gov, GRULAC; Mo Ng, Y, Org, Civil Society, WEOG", "Nia Oh", "", ""},
	{"S6", "Booth 1", "Workshop", "2023-10-11", "09:00", "10:00", "Village", "Oli Pa, X, Org, Gov, GRULAC; Pia Qu, Y, Org, Civil Society, WEOG", "Ray Su", "", ""},
	{"S7", "Booth 2", "Workshop", "2023-10-11", "09:30", "10:30", "Village", "Sam Ty, X, Org, Gov, GRULAC; Tia Uv, Y, Org, Civil Society, WEOG", "Uma Vo", "", ""},
	{"S8", "Late moderator", "Workshop", "2023-10-11", "14:00", "15:00", "Room A", "Vic Wu, X, Org, Gov, GRULAC; Wes Xi, Y, Org, Civil Society, WEOG", "Cara Diaz", "", ""},
}

// TestRoomsAndAvailabilityWorkbook: a workbook's Rooms and Availability
// sheets are joined, not read as sessions, and each planted violation is
// found at its session's row and column.
func TestRoomsAndAvailabilityWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sheets := map[string][][]any{
		"Sessions": resourceSessions,
		"Rooms": {
			{"Name", "Capacity", "Features", "Shared"},
			{"Room A", 80, "Streaming", "no"},
			{"Village", "", "", "yes"},
		},
		"Availability": {
			{"Who", "From", "To", "Status"},
			{"Ivo Jax", "2023-10-11 12:00", "2023-10-11 13:30", "unavailable"},
			{"room b", 45210.333333333336, 45210.395833333336, ""}, // 08:00 to 09:30 as Excel date-times
			{"Cara Diaz", "2023-10-11 09:00", "2023-10-11 14:00", "available"},
			{"Kim Lo", "2023-10-11 14:00", "2023-10-11 15:00", ""}, // touches S4's end: fine
		},
	}
	f.SetSheetName("Sheet1", "Sessions")
	f.NewSheet("Rooms")
	f.NewSheet("Availability")
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm")})
	if err != nil {
		t.Fatal(err)
	}
	for name, rows := range sheets {
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.SetCellStyle("Availability", "B3", "C3", style)
	path := filepath.Join(t.TempDir(), "rooms.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	// Its sessions are IGF workshops of two speakers: too-few-speakers (the
	// igf profile's three) is another test's.
	out, stderr, code := run(t, "", "validate", path, "--tz", "Asia/Tokyo", "--format", "json", "--ignore", "too-few-speakers")
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := strings.Join([]string{
		"3\tExpected attendance\twarning\tover-capacity\texpected attendance 81 is above the capacity of Room A (80)",
		"4\tNeeds\terror\tmissing-equipment\tthe session needs interpretation, which Room A lacks (it has Streaming)",
		"5\tSpeakers\terror\tperson-unavailable\tIvo Jax is unavailable 12:00-13:30 on 2023-10-11 (Availability row 2), and the session is 13:00-14:00 on 2023-10-11",
		"6\tRoom\terror\troom-unavailable\tRoom B is unavailable 08:00-09:30 on 2023-10-11 (Availability row 3), and the session is 09:00-10:00 on 2023-10-11",
		"9\tOn-site moderator\terror\tperson-unavailable\tCara Diaz is available only at the times given (Availability row 4), and the session is 14:00-15:00 on 2023-10-11, outside them",
	}, "\n")
	if got := briefJSON(t, out); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s\n(output: %s)", got, want, out)
	}
}

func ptr[T any](v T) *T { return &v }

// briefJSON keeps the row, column, severity, rule and message of each
// finding of validate's JSON, a line each.
func briefJSON(t *testing.T, out string) string {
	t.Helper()
	var doc struct{ Findings []validate.Finding }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var b []string
	for _, f := range doc.Findings {
		b = append(b, fmt.Sprintf("%d\t%s\t%s\t%s\t%s", f.Row, f.Column, f.Severity, f.Rule, f.Message))
	}
	return strings.Join(b, "\n")
}
