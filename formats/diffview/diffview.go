// Package diffview says what changed between two versions of a programme
// (schedule.Diff): as text for people, grouped by day; as the JSON of the
// "Programme changes" contract; as Markdown for a pull request or a job
// summary; as CSV, one row per changed field; and as the list of the
// people whose own schedule changed.
package diffview

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/safe"
	"github.com/docket-forum/docket/internal/schedule"
)

// Formats are the formats Write writes.
var Formats = []string{"text", "json", "markdown", "csv"}

// Report is a diff with what it compared.
type Report struct {
	OldFile, NewFile         string
	OldSessions, NewSessions int
	Changes                  []schedule.Change
}

// Counts are the changes by kind.
func (r *Report) Counts() map[string]int {
	c := map[string]int{schedule.ChangeAdded: 0, schedule.ChangeRemoved: 0, schedule.ChangeMoved: 0, schedule.ChangeChanged: 0}
	for _, ch := range r.Changes {
		c[ch.Kind]++
	}
	return c
}

// Options say how a report is shown.
type Options struct {
	// Loc is the zone times are shown in; nil shows each session's own.
	Loc *time.Location
	// ByPerson lists the people whose schedule changed instead of the
	// sessions.
	ByPerson bool
}

// Write writes r in format (one of Formats).
func Write(w io.Writer, format string, r *Report, o Options) error {
	if o.ByPerson {
		return writePersons(w, format, r, o)
	}
	switch format {
	case "text", "markdown":
		bw := bufio.NewWriter(w)
		writeText(bw, r, o, format == "markdown")
		return bw.Flush()
	case "json":
		return writeJSON(w, r)
	case "csv":
		return writeCSV(w, r, o)
	}
	return fmt.Errorf("unknown diff format %q (valid: %s)", format, strings.Join(Formats, ", "))
}

// show is a field's value for people: a time in the zone shown, persons by
// name, lists joined; "" for none.
func show(v any, loc *time.Location) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return fmt.Sprint(x)
	case time.Time:
		if loc != nil {
			x = x.In(loc)
		}
		return x.Format("2006-01-02 15:04")
	case []string:
		return strings.Join(x, ", ")
	case schedule.Person:
		return personLine(x)
	case []schedule.Person:
		var names []string
		for _, p := range x {
			names = append(names, personLine(p))
		}
		return strings.Join(names, "; ")
	}
	return fmt.Sprint(v)
}

func personLine(p schedule.Person) string {
	s := p.Name
	var more []string
	for _, v := range []string{p.Role, p.Organization} {
		if v != "" {
			more = append(more, v)
		}
	}
	if len(more) > 0 {
		s += " (" + strings.Join(more, ", ") + ")"
	}
	if p.Email != "" {
		s += " <" + p.Email + ">"
	}
	return s
}

// when is a session's time for people: day and start–end in the zone.
func when(s *schedule.Session, loc *time.Location) (day, clock string) {
	if s.Start.IsZero() {
		return "not scheduled", ""
	}
	st, en := s.Start, s.End
	if loc != nil {
		st, en = st.In(loc), en.In(loc)
	}
	day = st.Format("Monday 2 January 2006")
	clock = st.Format("15:04")
	if !en.IsZero() {
		clock += "–" + en.Format("15:04")
	}
	return day, clock
}

// summary is the counts in a sentence.
func summary(r *Report) string {
	c := r.Counts()
	if len(r.Changes) == 0 {
		return fmt.Sprintf("no changes (%d sessions)", r.NewSessions)
	}
	var parts []string
	for _, k := range []string{schedule.ChangeAdded, schedule.ChangeRemoved, schedule.ChangeMoved, schedule.ChangeChanged} {
		if c[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[k], k))
		}
	}
	return fmt.Sprintf("%s (%d sessions before, %d after)", strings.Join(parts, ", "), r.OldSessions, r.NewSessions)
}

// writeText writes the changes grouped by day, each with the fields that
// changed; md writes the same as Markdown, escaped.
func writeText(w *bufio.Writer, r *Report, o Options, md bool) {
	txt := func(s string) string {
		if md {
			return textfmt.MarkdownText(textfmt.OneLine(s))
		}
		return safe.Terminal(s)
	}
	if md {
		fmt.Fprintf(w, "## Programme changes: %s → %s\n\n", txt(r.OldFile), txt(r.NewFile))
		fmt.Fprintf(w, "%s\n", summary(r))
	} else {
		fmt.Fprintf(w, "%s → %s: %s\n", txt(r.OldFile), txt(r.NewFile), summary(r))
	}
	lastDay := ""
	for _, c := range r.Changes {
		s := c.Session()
		day, clock := when(s, o.Loc)
		if day != lastDay {
			if md {
				fmt.Fprintf(w, "\n### %s\n\n", day)
			} else {
				fmt.Fprintf(w, "\n%s\n", day)
			}
			lastDay = day
		}
		head := fmt.Sprintf("%-8s %s  %s  %s", c.Kind, clock, txt(s.ID), txt(s.Title))
		if s.Room != "" {
			head += "  (" + txt(s.Room) + ")"
		}
		if md {
			head = fmt.Sprintf("- **%s** %s %s: %s", c.Kind, clock, txt(s.ID), txt(s.Title))
			if s.Room != "" {
				head += " (" + txt(s.Room) + ")"
			}
		}
		fmt.Fprintln(w, strings.TrimRight(head, " "))
		for _, f := range c.Fields {
			old, new := show(f.Old, o.Loc), show(f.New, o.Loc)
			if f.Field == "description" || f.Field == "abstract" || len(old)+len(new) > 160 {
				old, new = clip(old), clip(new)
			}
			if md {
				fmt.Fprintf(w, "  - %s: %s → %s\n", txt(f.Field), orNone(txt(old), md), orNone(txt(new), md))
			} else {
				fmt.Fprintf(w, "           %s: %s → %s\n", txt(f.Field), orNone(txt(old), md), orNone(txt(new), md))
			}
		}
	}
}

func orNone(s string, md bool) string {
	if s == "" {
		if md {
			return "*(none)*"
		}
		return "(none)"
	}
	return s
}

// clip shortens a long text to its first line, at most 60 characters.
func clip(s string) string {
	s = textfmt.OneLine(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// jsonPerson is a person as the canonical JSON writes it.
type jsonPerson struct {
	Name          string `json:"name"`
	Role          string `json:"role"`
	Organization  string `json:"organization"`
	Stakeholder   string `json:"stakeholder"`
	Region        string `json:"region"`
	Participation string `json:"participation"`
	Email         string `json:"email"`
	Gender        string `json:"gender,omitempty"`
}

func toJSONPerson(p schedule.Person) jsonPerson {
	return jsonPerson{p.Name, p.Role, p.Organization, p.Stakeholder, p.Region, p.Participation, p.Email, p.Gender}
}

// jsonValue is a value as the canonical JSON writes it.
func jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.Format(time.RFC3339)
	case schedule.Person:
		return toJSONPerson(x)
	case []schedule.Person:
		out := make([]jsonPerson, len(x))
		for i, p := range x {
			out[i] = toJSONPerson(p)
		}
		return out
	}
	return v
}

type jsonSide struct {
	File     string `json:"file"`
	Sessions int    `json:"sessions"`
}

type jsonOldNew struct {
	Old any `json:"old"`
	New any `json:"new"`
}

// jsonFields keeps the fields in the order of the change (the canonical
// order, then the extra fields).
type jsonFields []schedule.FieldChange

func (f jsonFields) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, c := range f {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(c.Field)
		v, err := json.Marshal(jsonOldNew{jsonValue(c.Old), jsonValue(c.New)})
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

type jsonChange struct {
	Change string     `json:"change"`
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Fields jsonFields `json:"fields"`
}

// jsonCounts keeps the contract's order: added, removed, moved, changed.
type jsonCounts struct {
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Moved   int `json:"moved"`
	Changed int `json:"changed"`
}

// writeJSON writes the "Programme changes" contract of DESIGN.md, a
// change at a time: two programmes that differ throughout give hundreds
// of megabytes, which are never held whole.
func writeJSON(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	member := func(prefix string, v any) error {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		bw.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
		return nil
	}
	bw.WriteString("{\n  \"old\": ")
	member("  ", jsonSide{r.OldFile, r.OldSessions})
	bw.WriteString(",\n  \"new\": ")
	member("  ", jsonSide{r.NewFile, r.NewSessions})
	bw.WriteString(",\n  \"changes\": [")
	for i, c := range r.Changes {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		s := c.Session()
		if err := member("    ", jsonChange{Change: c.Kind, ID: s.ID, Title: s.Title, Fields: jsonFields(c.Fields)}); err != nil {
			return err
		}
	}
	if len(r.Changes) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n  \"counts\": ")
	n := r.Counts()
	member("  ", jsonCounts{n[schedule.ChangeAdded], n[schedule.ChangeRemoved], n[schedule.ChangeMoved], n[schedule.ChangeChanged]})
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeCSV writes one row per changed field (one per added or removed
// session), for a spreadsheet.
func writeCSV(w io.Writer, r *Report, o Options) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"change", "id", "title", "day", "time", "room", "field", "old", "new"})
	for _, c := range r.Changes {
		s := c.Session()
		day, clock := when(s, o.Loc)
		row := []string{c.Kind, neutral(s.ID), neutral(s.Title), day, clock, neutral(s.Room)}
		if len(c.Fields) == 0 {
			cw.Write(append(row, "", "", ""))
		}
		for _, f := range c.Fields {
			cw.Write(append(slices.Clone(row), f.Field, neutral(show(f.Old, o.Loc)), neutral(show(f.New, o.Loc))))
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutral keeps a spreadsheet from running a cell as a formula, as the
// canonical CSV writer does.
func neutral(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
