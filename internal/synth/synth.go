// Package synth writes realistic synthetic programmes of any size, for
// benchmarks: the rows the peer measurements in issue 7 used, as CSV and as
// an Excel-like workbook.
//
// A row is about 1 KB: id, title, type, format, date, start, end, timezone,
// room, theme, speakers packed as "Name, Role, Org, Stakeholder, Region
// (online)" and separated by "; ", moderator, moderator_email, rapporteur,
// SDG targets ("9.1; 16.6") and a description of 200 to 600 characters,
// about 8% of them with a paragraph break. Types, stakeholder groups,
// regional groups and SDG targets come from the vocabularies; some persons
// use an alias (GRULAC, CSO) that a reader must map back.
//
// The programme is plausible: five days of an IGF edition (the seed picks
// which), sessions between 09:00 and 18:30 with lengths their type allows,
// as many rooms as the row count needs, with free slots, no room booked
// twice at once and nobody in two rooms at once (each room draws its
// people from its own roster of ten). Ids are unique.
//
// Output depends only on the row count and the seed. Rows are written as
// they are made; memory holds the schedule (about 30 bytes a session) and,
// for XLSX, the strings that repeat (names, titles, rooms): 66 MiB peak for a
// million CSV rows, 175 MiB for a million XLSX rows.
package synth

import (
	"bufio"
	"encoding/csv"
	"io"
	"time"
)

// excelEpoch is day 0 of Excel's 1900 date system, as serials count it.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// WriteCSV writes a programme of n sessions, made from seed, as CSV: a
// header row (Columns) and one row per session, dates as YYYY-MM-DD and
// times as HH:MM, cells quoted where they need it.
func WriteCSV(w io.Writer, n int, seed int64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	g := newGenerator(n, seed)
	var x row
	for i := range g.len() {
		g.row(i, &x)
		if err := cw.Write(x.cells[:]); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
