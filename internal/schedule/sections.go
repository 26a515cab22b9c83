package schedule

import (
	"fmt"
	"regexp"
	"strings"
)

// Programme sheets made for people carry rows that are not sessions: a
// day's heading ("Friday Sept 27 Afternoon"), a track's name, a total.
// Read as sessions they were rows without start or title. A row with one
// cell that reads as a heading is skipped, and the skipped rows are named
// in one warning, so that nothing is dropped unseen. A heading that names
// a day gives it to the rows below that have none.

// headingWords are the words of headings: days, months, parts of a day,
// totals, in the languages programmes are written in.
var headingWords = regexp.MustCompile(`(?i)^(?:.*\b)?(?:` +
	`mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|` +
	`montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|` +
	`lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|segunda|terça|terca|quarta|quinta|sexta|` +
	`jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december|` +
	`morning|afternoon|evening|day\s*\d+|tag\s*\d+|jour\s*\d+|d[ií]a\s*\d+|total|totals|subtotal` +
	`)\b`)

// sectionRow reports whether r, a data row, is a heading rather than a
// session, and its text: one cell only, no time read from it, and a
// heading's words or a trailing colon.
func (b *Builder) sectionRow(r Row) (string, bool) {
	text, col := "", -1
	for i, c := range r.Cells {
		if c = trim(c); c != "" {
			if col >= 0 {
				return "", false
			}
			text, col = c, i
		}
	}
	if col < 0 || len(strings.Fields(text)) > 8 {
		return "", false
	}
	if col < len(b.cols) && b.cols[col].time {
		if _, err := ParseStampOrder(text, b.order); err == nil {
			return "", false // a time alone: a session missing the rest
		}
		return text, true // words in the time column: a heading
	}
	if strings.HasSuffix(text, ":") || headingWords.MatchString(text) {
		return text, true
	}
	return "", false
}

// skipSection skips r when it is a heading, remembering it for the
// warning, and the day it names for the rows below it.
func (b *Builder) skipSection(r Row) bool {
	text, ok := b.sectionRow(r)
	if ok {
		b.sections = append(b.sections, fmt.Sprintf("%d (%q)", r.Num, text))
		if d, ok := b.headingDay(text); ok {
			b.sectionDay = d
		}
	}
	return ok
}

// headingDay is the day a heading names: a date ("Saturday, 16 August
// 2025"), or, with the event's days, a day name or "Day 2" at its start
// ("Friday, August 15", "Friday Sept 27 Afternoon", "Day 2: Workshops").
// A heading that names no day ("Afternoon", "Track B") leaves the day of
// the heading above.
func (b *Builder) headingDay(text string) (Date, bool) {
	text = strings.TrimRight(strings.TrimSpace(text), ":.")
	if d, err := ParseDateOrder(text, b.order); err == nil {
		return d, true
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == ':' || r == '\t' })
	for n := min(2, len(words)); n >= 1; n-- {
		if d, named, err := b.dayOfEvent(strings.Join(words[:n], " ")); named && err == nil {
			return d, true
		}
	}
	return Date{}, false
}

// dayFromHeading gives a row without a date the day of the heading above
// it: on a sheet made for people, the day is often said only there.
func (b *Builder) dayFromHeading(cells *cellMap) {
	if !b.sectionDay.IsZero() && cells.v[nDate] == "" {
		cells.set(FieldDate, b.sectionDay.String())
	}
}

// onlyHeadings is the error of a file whose every row below the header
// read as a heading: its rows would all be lost.
func (b *Builder) onlyHeadings() error {
	shown := b.sections
	more := ""
	if len(shown) > 5 {
		shown, more = shown[:5], fmt.Sprintf(" and %d more", len(b.sections)-5)
	}
	return fmt.Errorf("%s: no sessions: every row below the header reads as a heading (%s %s%s); is the header row the right one? docket columns shows how the file was read, and a mapping file (input.map) names its columns",
		b.where(0), plural(len(b.sections), "row", "rows"), strings.Join(shown, ", "), more)
}

// tellSections warns once about the rows skipped as headings.
func (b *Builder) tellSections() {
	if len(b.sections) == 0 {
		return
	}
	shown := b.sections
	more := ""
	if len(shown) > 5 {
		shown, more = shown[:5], fmt.Sprintf(" and %d more", len(b.sections)-5)
	}
	b.prog.Warnings = append(b.prog.Warnings, fmt.Sprintf("%s: %s %s%s %s a heading, not a session, and %s skipped",
		b.where(0), plural(len(b.sections), "row", "rows"), strings.Join(shown, ", "), more,
		plural(len(b.sections), "reads as", "read as"), plural(len(b.sections), "was", "were")))
}
