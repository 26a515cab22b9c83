package formats

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/docket-forum/docket/formats/internal/xlstyle"
	"github.com/docket-forum/docket/internal/schedule"
)

const (
	sessionsSheet = "Sessions"
	speakersSheet = "Speakers"
)

// Excel's limits: a cell holds at most 32,767 characters.
const maxCellChars = 32767

// xlsxMaxRows is the most rows an Excel sheet holds (a variable, so that
// a test need not write a million sessions).
var xlsxMaxRows = 1_048_576

// writeXLSX writes the canonical workbook with excelize's StreamWriter:
// the normal mode kept every cell and style call in memory (100,000
// sessions took over a minute and 6 GB).
func writeXLSX(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	if n := len(p.Sessions) + 1; n > xlsxMaxRows {
		// excelize failed with "cannot convert cell "" to coordinates".
		return fmt.Errorf("an Excel sheet holds at most %d rows, and the programme has %d sessions: write CSV, TSV or NDJSON instead", xlsxMaxRows, len(p.Sessions))
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sessionsSheet); err != nil {
		return err
	}
	st, err := xlstyle.New(f)
	if err != nil {
		return err
	}
	header := canonicalHeader(p.ExtraColumns)
	col := map[schedule.Field]int{}
	for i, c := range schedule.Columns {
		col[c] = i
	}
	// Widths must be set before the first row is streamed, so the records
	// are made once to measure and once to write.
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = utf8.RuneCountInString(h) + 2
	}
	for _, s := range p.Sessions {
		for i, v := range canonicalRecord(s, p.ExtraColumns) {
			widths[i] = max(widths[i], xlstyle.CellWidth(v))
		}
	}
	widths[col[schedule.FieldDate]] = 12
	widths[col[schedule.FieldStart]] = 8
	widths[col[schedule.FieldEnd]] = 8

	sw, err := startSheet(f, sessionsSheet, header, widths, st.Header)
	if err != nil {
		return err
	}
	for r, s := range p.Sessions {
		rec := canonicalRecord(s, p.ExtraColumns)
		row := make([]any, len(rec))
		for i, v := range rec {
			if utf8.RuneCountInString(v) > maxCellChars {
				return fmt.Errorf("session %s, column %s: %d characters is more than Excel's limit of %d", s.ID, header[i], utf8.RuneCountInString(v), maxCellChars)
			}
			if v != "" {
				// A string value is always a text cell: a title that begins
				// with "=" never becomes a formula.
				row[i] = excelize.Cell{StyleID: st.Text, Value: v}
			}
		}
		// Real date and time cells, so that Excel sorts and filters them.
		if s.Scheduled() {
			start := s.Start.In(s.Location())
			day := schedule.Date{Year: start.Year(), Month: start.Month(), Day: start.Day()}
			row[col[schedule.FieldDate]] = excelize.Cell{StyleID: st.Date, Value: schedule.ToSerial(day, schedule.Clock{})}
			row[col[schedule.FieldStart]] = excelize.Cell{StyleID: st.Time, Value: schedule.ToSerial(schedule.Date{}, clockOf(start))}
			if !s.End.IsZero() {
				en := s.End.In(s.Location())
				endDay := schedule.Date{Year: en.Year(), Month: en.Month(), Day: en.Day()}
				v, style := schedule.ToSerial(schedule.Date{}, clockOf(en)), st.Time
				if endDay != day {
					v, style = schedule.ToSerial(endDay, clockOf(en)), st.DateTime
				}
				row[col[schedule.FieldEnd]] = excelize.Cell{StyleID: style, Value: v}
			}
		}
		if s.DeclaredMinutes > 0 {
			row[col[schedule.FieldDeclaredMinutes]] = s.DeclaredMinutes
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := finishSheet(sw, sessionsSheet, len(header), len(p.Sessions)+1); err != nil {
		return err
	}
	if err := writeSpeakers(f, p, st.Header); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return xlstyle.WriteTo(w, f)
}

func clockOf(t interface{ Clock() (int, int, int) }) schedule.Clock {
	h, m, s := t.Clock()
	return schedule.Clock{Hour: h, Min: m, Sec: s}
}

// startSheet opens a streamed sheet with its column widths, a frozen bold
// header row, in that order (the StreamWriter wants widths and panes
// before rows).
func startSheet(f *excelize.File, sheet string, header []string, widths []int, headerStyle int) (*excelize.StreamWriter, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(w, 6), 60))); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{StyleID: headerStyle, Value: h}
	}
	return sw, sw.SetRow("A1", row)
}

// finishSheet adds filter buttons (as a table: a streamed sheet cannot
// take an autofilter) and flushes.
func finishSheet(sw *excelize.StreamWriter, sheet string, cols, rows int) error {
	last, _ := excelize.CoordinatesToCellName(cols, max(rows, 2))
	noStripes := false
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: sheet, StyleName: "TableStyleLight1", ShowRowStripes: &noStripes}); err != nil {
		return err
	}
	return sw.Flush()
}

// writeSpeakers adds the Speakers sheet: one row per person and role, for
// organizers who filter and count people in Excel.
func writeSpeakers(f *excelize.File, p *schedule.Programme, headerStyle int) error {
	if _, err := f.NewSheet(speakersSheet); err != nil {
		return err
	}
	var rows [][]string
	widths := make([]int, len(schedule.PersonColumns))
	for i, h := range schedule.PersonColumns {
		widths[i] = len(h) + 2
	}
	for _, s := range p.Sessions {
		for field, person := range s.Roles {
			vals := []string{s.ID, schedule.AppearsAs(field), person.Name, person.Role, person.Organization,
				person.Stakeholder, person.Region, person.Participation, person.Email, person.Gender}
			for i, v := range vals {
				widths[i] = max(widths[i], xlstyle.CellWidth(v))
			}
			rows = append(rows, vals)
		}
	}
	sw, err := startSheet(f, speakersSheet, schedule.PersonColumns, widths, headerStyle)
	if err != nil {
		return err
	}
	for r, vals := range rows {
		row := make([]any, len(vals))
		for i, v := range vals {
			if v != "" {
				row[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return finishSheet(sw, speakersSheet, len(schedule.PersonColumns), len(rows)+1)
}
