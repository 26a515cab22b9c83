package schedule

import (
	"fmt"
	"slices"
	"strings"
)

// A column whose header no alias names is read from its content, in the
// rows read ahead (decideForms): a column of date-times is the start (or
// the end, beside a start), of lengths the duration, of names the
// speakers, of short unique codes the id, of long text the description.
// Only fields no other column gives are inferred, and each decision is a
// note with its reason ("content: 48 of 48 cells are date-times"), so that
// `docket columns --verbose` shows it and `--suggest` writes it down.

// inferShare is the share of a column's filled cells that must show a
// kind for the column to be read as it.
const inferShare = 0.8

// inferColumns reads the fields of unknown columns from rows.
func (b *Builder) inferColumns(rows []Row) {
	has := func(f Field) bool {
		return slices.ContainsFunc(b.cols, func(c column) bool { return c.field == f })
	}
	// "Session" is an id by its header, but a column of titles in a sheet
	// with no title column.
	if !has(FieldTitle) {
		for i, c := range b.cols {
			if c.field == FieldID && NormalizeHeader(c.header) == "session" {
				if n, of := count(rows, i, looksLikeTitle); of > 0 && float64(n) >= inferShare*float64(of) {
					b.remap(i, FieldTitle, fmt.Sprintf("content: %d of %d cells are titles, not codes", n, of))
				}
			}
		}
	}
	for i, c := range b.cols {
		if c.field != "" || c.unnamed {
			continue
		}
		for _, k := range []struct {
			field Field
			ok    func(string) bool
			what  string
			when  func() bool
		}{
			{FieldStart, b.isDateTime, "date-times", func() bool { return !has(FieldStart) && !has(FieldDate) }},
			{FieldEnd, b.isDateTime, "date-times", func() bool { return has(FieldStart) && !has(FieldEnd) && !has(FieldDuration) }},
			{FieldDuration, isLength, "lengths", func() bool { return has(FieldStart) && !has(FieldEnd) && !has(FieldDuration) }},
			{FieldSpeakers, looksLikeNames, "names", func() bool { return !has(FieldSpeakers) }},
			{FieldID, looksLikeCode, "short codes", func() bool { return !has(FieldID) }},
			{FieldDescription, isLongText, "long text", func() bool { return !has(FieldDescription) }},
		} {
			if !k.when() {
				continue
			}
			n, of := count(rows, i, k.ok)
			if of < 2 || float64(n) < inferShare*float64(of) {
				continue
			}
			if k.field == FieldID && !unique(rows, i) {
				continue
			}
			if k.field == FieldSpeakers && distinct(rows, i) < 2 {
				continue // one name on every row: the calendar's owner, not a speaker
			}
			b.remap(i, k.field, fmt.Sprintf("content: %d of %d cells are %s", n, of, k.what))
			break
		}
	}
}

// remap reads column i as field f from now on, and says why.
func (b *Builder) remap(i int, f Field, why string) {
	c := &b.cols[i]
	if c.field == "" {
		b.extras = slices.DeleteFunc(b.extras, func(h string) bool { return h == c.header })
		b.prog.ExtraColumns = slices.DeleteFunc(b.prog.ExtraColumns, func(h string) bool { return h == c.header })
	}
	num, ok := fieldNumbers[f]
	if !ok {
		num = -1
	}
	c.field, c.num, c.short = f, num, shortFields[f]
	c.time = f == FieldDate || f == FieldStart || f == FieldEnd || f == FieldTimezone || f == FieldDuration || f == FieldEndDate
	if inputOnly(f) {
		b.extras = append(b.extras, c.header)
		b.prog.ExtraColumns = appendMissing(b.prog.ExtraColumns, []string{c.header})
	}
	for g, h := range b.colsOf {
		if h == c.header {
			delete(b.colsOf, g)
		}
	}
	if _, ok := b.colsOf[f]; !ok {
		b.colsOf[f] = c.header
	}
	b.note(fmt.Sprintf("column %s (%s) is read as %s: %s", ColumnName(i), c.header, f, why))
}

// count returns how many of column i's filled cells in rows satisfy ok,
// and how many are filled.
func count(rows []Row, i int, ok func(string) bool) (n, of int) {
	for _, r := range rows {
		if i >= len(r.Cells) {
			continue
		}
		v := trim(r.Cells[i])
		if v == "" {
			continue
		}
		of++
		if ok(v) {
			n++
		}
	}
	return n, of
}

// unique reports whether column i's filled cells differ from each other.
func unique(rows []Row, i int) bool {
	seen := map[string]bool{}
	for _, r := range rows {
		if i < len(r.Cells) {
			if v := trim(r.Cells[i]); v != "" {
				if seen[v] {
					return false
				}
				seen[v] = true
			}
		}
	}
	return true
}

// isDateTime reports whether v is a date with a time.
func (b *Builder) isDateTime(v string) bool {
	st, err := ParseStampOrder(v, b.order)
	return err == nil && !st.Date.IsZero() && st.HasTime
}

// isLength reports whether v is a length written as one (1:30, 90 min,
// PT1H30M), not a bare number, which could be anything.
func isLength(v string) bool {
	if _, err := ParseMinutes(v); err != nil {
		return false
	}
	return strings.ContainsAny(v, ":hHmMP")
}

// looksLikeNames reports whether v is one or more personal names.
func looksLikeNames(v string) bool {
	parts := splitNames(v)
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !nameLike(p) {
			return false
		}
	}
	return true
}

// looksLikeCode reports whether v is an id: short, one word.
func looksLikeCode(v string) bool {
	return len(v) <= 16 && !strings.ContainsAny(v, " \t\n")
}

// looksLikeTitle reports whether v reads as a title rather than a code.
func looksLikeTitle(v string) bool {
	return len(strings.Fields(v)) >= 2 && len(v) > 12
}

// isLongText reports whether v is a paragraph.
func isLongText(v string) bool {
	return len(v) >= 120 && len(strings.Fields(v)) >= 15
}

// distinct counts column i's different filled values.
func distinct(rows []Row, i int) int {
	seen := map[string]bool{}
	for _, r := range rows {
		if i < len(r.Cells) {
			if v := trim(r.Cells[i]); v != "" {
				seen[v] = true
			}
		}
	}
	return len(seen)
}
