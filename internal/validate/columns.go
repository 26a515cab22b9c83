package validate

import (
	"fmt"
	"strings"

	"github.com/docket-forum/docket/internal/schedule"
)

// A required field that no column of a sheet gives is missing from every
// row: it is reported once, at the sheet's header, naming the columns docket
// did not recognise and the mapping line that would read one of them,
// instead of burying the file's real findings under one per row.

// sheetField is a field of one sheet.
type sheetField struct {
	file, sheet string
	field       schedule.Field
}

// noColumn reports whether s's sheet has no column for f (nor for the
// fields that stand in for it). The row's finding, made by report, then
// waits: at the end it is told once at the header when the programme shows
// the sheet has no such column, and on its row otherwise.
func (c *Checker) noColumn(s *schedule.Session, f schedule.Field, report func(), also ...schedule.Field) bool {
	for _, g := range append([]schedule.Field{f}, also...) {
		if _, ok := s.Cols[g]; ok {
			return false
		}
	}
	if c.missingCols == nil {
		c.missingCols = map[sheetField][]Finding{}
	}
	n := len(c.out)
	report()
	k := sheetField{s.Src.File, s.Src.Sheet, f}
	c.missingCols[k] = append(c.missingCols[k], c.out[n:]...)
	c.out = c.out[:n]
	return true
}

// columnFindings reports, at the header of each sheet of p, the required
// fields that no column gave.
func (c *Checker) columnFindings(p *schedule.Programme) {
	type sheet struct{ file, name string }
	seen := map[sheet]bool{}
	for _, col := range p.Columns {
		sh := sheet{col.File, col.Sheet}
		if seen[sh] {
			continue
		}
		seen[sh] = true
		for _, f := range []schedule.Field{schedule.FieldID, schedule.FieldTitle, schedule.FieldStart, schedule.FieldEnd, schedule.FieldRoom} {
			k := sheetField{col.File, col.Sheet, f}
			n := len(c.missingCols[k])
			if n == 0 {
				continue
			}
			delete(c.missingCols, k)
			var unknown []string
			for _, o := range p.Columns {
				if o.File == col.File && o.Sheet == col.Sheet && o.Field == "" && !o.Unnamed {
					unknown = append(unknown, o.Header)
				}
			}
			msg := fmt.Sprintf("no column is read as the %s, so %d %s none", f, n, plural(n, "session has", "sessions have"))
			hint := fmt.Sprintf("name the column that holds it in a mapping file (input.map), a line such as \"Column: %s\"", f)
			if len(unknown) > 0 {
				msg += fmt.Sprintf("; columns docket did not recognise: %s", quoteAll(unknown, 6))
				hint = fmt.Sprintf("if %q holds it, map it with the line \"%s: %s\" in a mapping file (input.map)", unknown[0], unknown[0], f)
			}
			c.add(schedule.RuleMissingField, schedule.Source{File: col.File, Sheet: col.Sheet, Row: col.HeaderRow}, "", "", msg, hint)
		}
	}
}

// flushMissing tells on their rows the findings of sheets whose columns
// no programme described.
func (c *Checker) flushMissing() {
	for _, fs := range c.missingCols {
		c.out = append(c.out, fs...)
	}
	c.missingCols = nil
}

// quoteAll quotes the first n of vs.
func quoteAll(vs []string, n int) string {
	var b strings.Builder
	for i, v := range vs {
		if i == n {
			fmt.Fprintf(&b, " and %d more", len(vs)-n)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", v)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// required reports a required field f that s lacks: on its row, or once
// at the header when its sheet has no column for f (see noColumn).
func (c *Checker) required(s *schedule.Session, f schedule.Field, msg, hint string, also ...schedule.Field) {
	report := func() { c.at(s, schedule.RuleMissingField, f, msg, hint) }
	if !c.noColumn(s, f, report, also...) {
		report()
	}
}
