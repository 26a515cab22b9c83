package termtable

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/docket-forum/docket/internal/schedule"
)

// Columns prints how each column of the inputs was read (docket columns):
// per file and sheet, the header row, then each column's letter, header
// and the field it maps to, or that it is carried through as an extra.
func Columns(w io.Writer, cols []schedule.ColumnInfo) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	last := ""
	for _, c := range cols {
		where := c.File
		if c.Sheet != "" {
			where += ", sheet " + c.Sheet
		}
		if where != last {
			if last != "" {
				fmt.Fprintln(tw)
			}
			fmt.Fprintf(tw, "%s: header on row %d\n", where, c.HeaderRow)
			last = where
		}
		field := string(c.Field)
		if field == "" {
			field = "extra (kept as is)"
			if c.Unnamed {
				field = "extra (no header)"
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\t→ %s\n", c.Letter, c.Header, field)
	}
	return tw.Flush()
}
