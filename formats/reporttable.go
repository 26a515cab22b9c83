package formats

import (
	"io"

	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/formats/termtable"
)

// TODO(dedupe): the summary report (report.go) still draws its text
// tables through these; the terminal schedule moved to termtable. This
// file goes when report.go moves out of formats.

// TableOptions is what the summary report's text tables are drawn with.
// Terminal schedules take termtable.Options instead.
type TableOptions struct {
	ASCII bool // +-| instead of box drawing
}

func (o TableOptions) newTable(w io.Writer, widths []int) *boxTable {
	return termtable.NewTable(w, widths, o.ASCII)
}

type boxTable = termtable.Table

func displayWidth(s string) int { return textfmt.Width(s) }
