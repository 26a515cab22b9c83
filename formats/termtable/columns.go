package termtable

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/docket-forum/docket/internal/safe"
	"github.com/docket-forum/docket/internal/schedule"
)

// Columns prints how each column of the inputs was read (docket columns):
// per file and sheet, the header row, then each column's letter, header
// and the field it maps to, or that it is carried through as an extra.
func Columns(w io.Writer, cols []schedule.ColumnInfo) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	last := ""
	for _, c := range cols {
		where := sheetOf(c)
		if where != last {
			if last != "" {
				fmt.Fprintln(tw)
			}
			fmt.Fprintf(tw, "%s: header on row %d\n", safe.Terminal(where), c.HeaderRow)
			last = where
		}
		field := string(c.Field)
		if field == "" {
			field = "extra (kept as is)"
			if c.Unnamed {
				field = "extra (no header)"
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\t→ %s\n", c.Letter, safe.Terminal(c.Header), field)
	}
	return tw.Flush()
}

// SuggestMap writes a mapping file (the --map format, "header: field" per
// line) that reads the inputs as docket read them, for a user to edit: a
// column docket guessed or carries as an extra is one line to change.
func SuggestMap(w io.Writer, cols []schedule.ColumnInfo) error {
	fmt.Fprintln(w, "# How docket read these columns, as a mapping file: edit a line, and give")
	fmt.Fprintln(w, "# docket this file as its mapping. \"extra\" keeps a column as it is, under its header.")
	last := ""
	for _, c := range cols {
		where := sheetOf(c)
		if where != last {
			fmt.Fprintf(w, "\n# %s\n", where)
			last = where
		}
		if c.Unnamed {
			continue // a column without a header cannot be named
		}
		field := string(c.Field)
		if field == "" {
			field = "extra"
		}
		h := c.Header
		if strings.ContainsAny(h, ":#\"'") || strings.TrimSpace(h) != h {
			h = `"` + strings.ReplaceAll(h, `"`, `'`) + `"`
		}
		fmt.Fprintf(w, "%s: %s\n", h, field)
	}
	return nil
}

// sheetOf names the file and sheet a column is in.
func sheetOf(c schedule.ColumnInfo) string {
	if c.Sheet != "" {
		return c.File + ", sheet " + c.Sheet
	}
	return c.File
}
