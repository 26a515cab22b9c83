// Package template writes the organiser template: a blank workbook that
// partners fill in and docket reads back. It is a starting point for a
// programme, not a programme format, so it stands apart from package
// formats; what it must agree with is the reader, which the tests check
// by reading a filled-in template.
package template

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/xlstyle"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// templateRows is how many rows of the template carry drop-downs.
const templateRows = 500

// The sheets of the template, named as docket's own workbook export names
// them, so that a filled-in template reads like an exported programme.
const (
	sessionsSheet     = "Sessions"
	speakersSheet     = "Speakers"
	roomsSheet        = "Rooms"
	availabilitySheet = "Availability"
)

// Write writes a blank organizer workbook: the canonical columns
// on a Sessions sheet, a Speakers sheet (one row per person), instructions,
// and drop-downs for type, format, stakeholder group, regional group,
// participation and SDG targets, so that partners make fewer mistakes at
// the source. The lists live on a hidden Lists sheet, since Excel limits
// an inline list to 255 characters.
func Write(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := xlstyle.New(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", "Instructions"); err != nil {
		return err
	}
	lines := []string{
		"How to fill in this programme",
		"",
		"Sessions: one row per session. id, title, date, start, end and room are required.",
		"date is a date cell (YYYY-MM-DD); start and end are times (HH:MM) in the timezone column's zone (an IANA name such as Asia/Tokyo).",
		"type, format, SDG targets: pick from the drop-downs. Several SDG targets go in one cell, separated by \"; \".",
		"organizers, speakers: one person per line (Alt+Enter), written \"Name, Role, Organisation, Stakeholder group, Regional group (online)\".",
		"Or list persons on the Speakers sheet: one row per person with the session id, where the drop-downs help.",
		"Columns you add are kept as they are. An \"Expected attendance\" column (a number) and a \"Needs\" column (e.g. interpretation, streaming) are checked against the Rooms sheet.",
		"Rooms (optional): one row per room with its capacity, its features (e.g. interpretation, streaming) and whether it is shared (hosts several sessions at once, such as an exhibition area).",
		"Availability (optional): who (a person's or a room's name), from and to (date and time, e.g. 2023-10-11 09:00, in the programme's zone) and status: unavailable, or available (then only those times).",
		"Check the file with: docket validate programme.xlsx",
	}
	for i, l := range lines {
		if err := f.SetCellStr("Instructions", fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	f.SetCellStyle("Instructions", "A1", "A1", bold)
	f.SetColWidth("Instructions", "A", "A", 120)

	// The lists.
	lists := map[string][]string{}
	for _, t := range vocab.Types().Terms {
		lists["type"] = append(lists["type"], t.Name)
	}
	for _, t := range vocab.Formats().Terms {
		lists["format"] = append(lists["format"], t.Name)
	}
	for _, t := range vocab.Stakeholders().Terms {
		lists["stakeholder"] = append(lists["stakeholder"], t.Name)
	}
	for _, t := range vocab.Regions().Terms {
		lists["region"] = append(lists["region"], t.Name)
	}
	for _, t := range vocab.SDGTargets().Terms {
		lists["sdgs"] = append(lists["sdgs"], t.Name)
	}
	lists["participation"] = []string{"on-site", "online"}
	order := []string{"type", "format", "stakeholder", "region", "sdgs", "participation"}
	if _, err := f.NewSheet("Lists"); err != nil {
		return err
	}
	ref := map[string]string{}
	for c, name := range order {
		col, _ := excelize.ColumnNumberToName(c + 1)
		f.SetCellStr("Lists", col+"1", name)
		for r, v := range lists[name] {
			// Text cells: "9.1" must stay the text 9.1, not the number.
			f.SetCellStr("Lists", fmt.Sprintf("%s%d", col, r+2), v)
		}
		ref[name] = fmt.Sprintf("Lists!$%s$2:$%s$%d", col, col, len(lists[name])+1)
	}
	f.SetSheetVisible("Lists", false)

	drop := func(sheet, col, list string) error {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
		dv.SetSqrefDropList(ref[list])
		// Several SDG targets go in one cell: a warning, not a refusal.
		if list == "sdgs" {
			dv.SetError(excelize.DataValidationErrorStyleWarning, "SDG target", "Pick a target; several go in one cell separated by \"; \".")
		}
		return f.AddDataValidation(sheet, dv)
	}

	// Sessions: the canonical columns.
	if _, err := f.NewSheet(sessionsSheet); err != nil {
		return err
	}
	row := make([]any, len(schedule.Columns))
	for i, c := range schedule.Columns {
		row[i] = string(c)
	}
	f.SetSheetRow(sessionsSheet, "A1", &row)
	last, _ := excelize.CoordinatesToCellName(len(row), 1)
	f.SetCellStyle(sessionsSheet, "A1", last, st.Header)
	for i, c := range schedule.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := 16.0
		switch c {
		case schedule.FieldTitle, schedule.FieldDescription, schedule.FieldSpeakers, schedule.FieldOrganizers:
			width = 40
		}
		f.SetColWidth(sessionsSheet, col, col, width)
		lastCell := fmt.Sprintf("%s%d", col, templateRows+1)
		switch c {
		case schedule.FieldType, schedule.FieldFormat, schedule.FieldSDGs:
			if err := drop(sessionsSheet, col, string(c)); err != nil {
				return err
			}
		case schedule.FieldDate:
			f.SetCellStyle(sessionsSheet, col+"2", lastCell, st.Date)
		case schedule.FieldStart, schedule.FieldEnd:
			f.SetCellStyle(sessionsSheet, col+"2", lastCell, st.Time)
		}
	}
	f.SetPanes(sessionsSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	// Speakers: one row per person.
	if _, err := f.NewSheet(speakersSheet); err != nil {
		return err
	}
	prow := make([]any, len(schedule.PersonColumns))
	for i, h := range schedule.PersonColumns {
		prow[i] = h
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(speakersSheet, col, col, 20)
		switch h {
		case "stakeholder", "region", "participation":
			if err := drop(speakersSheet, col, h); err != nil {
				return err
			}
		case "appears_as":
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
			if err := dv.SetDropList([]string{"speaker", "organizer", "onsite_moderator", "online_moderator", "rapporteur"}); err != nil {
				return err
			}
			if err := f.AddDataValidation(speakersSheet, dv); err != nil {
				return err
			}
		}
	}
	f.SetSheetRow(speakersSheet, "A1", &prow)
	plast, _ := excelize.CoordinatesToCellName(len(prow), 1)
	f.SetCellStyle(speakersSheet, "A1", plast, st.Header)
	f.SetPanes(speakersSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	// Rooms and Availability: what validate checks sessions against.
	side := func(sheet string, heads []string, widths []float64) error {
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		hrow := make([]any, len(heads))
		for i, h := range heads {
			hrow[i] = h
			col, _ := excelize.ColumnNumberToName(i + 1)
			f.SetColWidth(sheet, col, col, widths[i])
		}
		f.SetSheetRow(sheet, "A1", &hrow)
		hlast, _ := excelize.CoordinatesToCellName(len(hrow), 1)
		f.SetCellStyle(sheet, "A1", hlast, st.Header)
		return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	choice := func(sheet, col string, values ...string) error {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
		if err := dv.SetDropList(values); err != nil {
			return err
		}
		return f.AddDataValidation(sheet, dv)
	}
	if err := side(roomsSheet, []string{"name", "capacity", "features", "shared"}, []float64{24, 10, 36, 10}); err != nil {
		return err
	}
	if err := choice(roomsSheet, "D", "no", "yes"); err != nil {
		return err
	}
	if err := side(availabilitySheet, []string{"who", "from", "to", "status"}, []float64{28, 18, 18, 14}); err != nil {
		return err
	}
	f.SetCellStyle(availabilitySheet, "B2", fmt.Sprintf("C%d", templateRows+1), st.DateTime)
	if err := choice(availabilitySheet, "D", "unavailable", "available"); err != nil {
		return err
	}

	if idx, err := f.GetSheetIndex(sessionsSheet); err == nil {
		f.SetActiveSheet(idx)
	}
	return xlstyle.WriteTo(w, f)
}
