// Package termtable draws a schedule for a terminal: a list of sessions
// per day, or a grid of time slots × rooms per day, in box drawing or
// plain ASCII, fitted to the terminal's width. It never looks at the
// terminal itself (the command decides the Options), so its output is a
// function of its input and can be pinned by golden files.
package termtable

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/safe"
	"github.com/docket-forum/docket/internal/schedule"
)

// Options says how to draw a schedule in a terminal.
type Options struct {
	Width int            // total width to fit; 0 means 100
	ASCII bool           // +-| instead of box drawing
	Color bool           // bold day headings
	Loc   *time.Location // zone to show times in; nil = each session's own
}

func (o Options) width() int {
	if o.Width <= 0 {
		return 100
	}
	return max(o.Width, 40)
}

func (o Options) loc(s *schedule.Session) *time.Location {
	return textfmt.SessionLocation(s, o.Loc)
}

// Table is a table of fixed column widths, drawn with box-drawing
// characters or ASCII. Cells arrive wrapped (WrapText) and may hold
// several lines. It draws what tablewriter drew for docket's tables, a
// tenth as fast: a thousand-row schedule rendered in 50 ms there.
type Table struct {
	w      io.Writer
	widths []int
	sym    boxSymbols
	header []string
	rows   [][]string
}

// boxSymbols: horizontal, vertical, then the corners and joints, top row
// (left, middle, right), middle row and bottom row.
type boxSymbols struct {
	h, v                   string
	tl, tm, tr, ml, mm, mr string
	bl, bm, br             string
}

var (
	boxLight = boxSymbols{"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"}
	boxASCII = boxSymbols{"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+"}
)

// NewTable starts a table on w with the given column widths (padding
// included), in ASCII when ascii is set: pipes and files may not show box
// drawing, and a table the reader cannot see is no table.
func NewTable(w io.Writer, widths []int, ascii bool) *Table {
	sym := boxLight
	if ascii {
		sym = boxASCII
	}
	return &Table{w: w, widths: widths, sym: sym}
}

func (o Options) newTable(w io.Writer, widths []int) *Table {
	return NewTable(w, widths, o.ASCII)
}

// Header sets the heading row, which is ruled off from the rows.
func (t *Table) Header(cells ...string) { t.header = cells }

// Append adds a row. It keeps tablewriter's signature, whose callers
// check the error; it never fails, since nothing is written before Render.
func (t *Table) Append(cells []string) error {
	t.rows = append(t.rows, cells)
	return nil
}

// Render writes the table in one write, so a slow terminal or pipe costs
// one call however many rows there are.
func (t *Table) Render() error {
	var b strings.Builder
	rule := func(l, m, r string) {
		b.WriteString(l)
		for i, w := range t.widths {
			if i > 0 {
				b.WriteString(m)
			}
			b.WriteString(strings.Repeat(t.sym.h, w))
		}
		b.WriteString(r)
		b.WriteByte('\n')
	}
	row := func(cells []string) {
		lines := make([][]string, len(t.widths))
		n := 1
		for i := range t.widths {
			if i < len(cells) {
				lines[i] = strings.Split(cells[i], "\n")
				n = max(n, len(lines[i]))
			}
		}
		for l := range n {
			b.WriteString(t.sym.v)
			for i, w := range t.widths {
				if i > 0 {
					b.WriteString(t.sym.v)
				}
				text := ""
				if l < len(lines[i]) {
					text = lines[i][l]
				}
				b.WriteByte(' ')
				b.WriteString(text)
				b.WriteString(strings.Repeat(" ", max(w-1-textfmt.Width(text), 0)))
			}
			b.WriteString(t.sym.v)
			b.WriteByte('\n')
		}
	}
	rule(t.sym.tl, t.sym.tm, t.sym.tr)
	if t.header != nil {
		row(t.header)
		rule(t.sym.ml, t.sym.mm, t.sym.mr)
	}
	for _, r := range t.rows {
		row(r)
	}
	rule(t.sym.bl, t.sym.bm, t.sym.br)
	_, err := io.WriteString(t.w, b.String())
	return err
}

func (o Options) heading(w io.Writer, text string) {
	if o.Color {
		fmt.Fprintf(w, "\x1b[1m%s\x1b[0m\n", text)
	} else {
		fmt.Fprintln(w, text)
	}
}

// RenderList prints sessions as one table per day, sorted by start.
func RenderList(w io.Writer, ss []*schedule.Session, o Options) error {
	ss = slices.Clone(ss)
	schedule.Sort(ss)
	if len(ss) == 0 {
		return nil
	}
	widths := listWidths(ss, o)
	for i, d := range textfmt.GroupDays(ss, o.Loc) {
		if i > 0 {
			fmt.Fprintln(w)
		}
		o.heading(w, o.text(d.Label))
		t := o.newTable(w, widths)
		t.Header("ID", "Time", "Room", "Type", "Title")
		for _, s := range d.Sessions {
			cells := []string{s.ID, o.text(textfmt.TimeRange(s, o.loc(s))), s.Room, s.Type, textfmt.OneLine(s.Title)}
			for c := range cells {
				// Nothing from the data acts on the terminal (safe.Terminal).
				cells[c] = textfmt.Wrap(safe.Terminal(cells[c]), widths[c]-2)
			}
			if err := t.Append(cells); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	return nil
}

// listWidths fits the columns to the width: each column takes what it
// needs, then the widest of id, room and type give way until the title has
// room, never below a readable minimum.
func listWidths(ss []*schedule.Session, o Options) []int {
	const pad = 2
	need := []int{2, 11, 4, 4, 5}
	for _, s := range ss {
		for i, v := range []string{s.ID, textfmt.TimeRange(s, o.loc(s)), s.Room, s.Type, textfmt.OneLine(s.Title)} {
			need[i] = max(need[i], textfmt.Width(v))
		}
	}
	floor := []int{8, need[1], 8, 8, 16}
	total := func() int {
		t := 1 // left border
		for _, n := range need {
			t += n + pad + 1
		}
		return t
	}
	// Give way in stages: the title first, down to a comfortable width,
	// then the widest of id, room and type, each stage a little tighter.
	stages := []struct{ title, other int }{{40, 18}, {30, 14}, {floor[4], 8}}
	for _, st := range stages {
		if over := total() - o.width(); over > 0 && need[4] > st.title {
			need[4] = max(st.title, need[4]-over)
		}
		for total() > o.width() {
			widest := -1
			for _, i := range []int{0, 2, 3} {
				if need[i] > st.other && (widest < 0 || need[i] > need[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			need[widest]--
		}
	}
	widths := make([]int, len(need))
	for i, n := range need {
		widths[i] = n + pad
	}
	return widths
}

// WrapText breaks s into lines of at most width terminal columns, at
// spaces where it can, for text printed outside a table (a rule's
// documentation) to wrap the way the tables' cells do.
func WrapText(s string, width int) string { return textfmt.Wrap(s, width) }

// text makes a label plain ASCII when asked: en dashes and middle dots
// become hyphens.
func (o Options) text(s string) string {
	if !o.ASCII {
		return s
	}
	return asciiPunct.Replace(s)
}

var asciiPunct = strings.NewReplacer("–", "-", "—", "-", "·", "-", "↓", "|")

// RenderGrid prints each day as a grid of time slots × rooms, the way a
// printed programme does. A session longer than one slot shows its id in
// the slots it continues into.
func RenderGrid(w io.Writer, ss []*schedule.Session, o Options) error {
	ss = slices.Clone(ss)
	schedule.Sort(ss)
	for i, d := range textfmt.GroupDays(ss, o.Loc) {
		if d.Key == "unscheduled" {
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		o.heading(w, o.text(d.Label))
		if err := renderGridDay(w, d.Sessions, o); err != nil {
			return err
		}
	}
	return nil
}

func renderGridDay(w io.Writer, ss []*schedule.Session, o Options) error {
	var rooms []string
	var slots []time.Time
	for _, s := range ss {
		if !slices.Contains(rooms, s.Room) {
			rooms = append(rooms, s.Room)
		}
		for _, t := range []time.Time{s.Start, s.End} {
			if !t.IsZero() && !slices.ContainsFunc(slots, t.Equal) {
				slots = append(slots, t)
			}
		}
	}
	slices.Sort(rooms)
	slices.SortFunc(slots, time.Time.Compare)
	// The last end starts no slot, unless a session starts then too.
	if n := len(slots); n > 1 && !slices.ContainsFunc(ss, func(s *schedule.Session) bool { return s.Start.Equal(slots[n-1]) }) {
		slots = slots[:n-1]
	}
	timeW := 7
	colW := max((o.width()-timeW-2-len(rooms))/max(len(rooms), 1), 14)
	widths := []int{timeW}
	for range rooms {
		widths = append(widths, colW)
	}
	t := o.newTable(w, widths)
	header := []string{"Time"}
	for _, r := range rooms {
		header = append(header, textfmt.Wrap(safe.Terminal(r), colW-2))
	}
	t.Header(header...)
	for _, slot := range slots {
		row := make([]string, len(rooms)+1)
		row[0] = slot.In(o.loc(ss[0])).Format("15:04")
		any := false
		for _, s := range ss {
			if s.Start.After(slot) || (!s.End.IsZero() && !s.End.After(slot)) || (s.End.IsZero() && !s.Start.Equal(slot)) {
				continue
			}
			c := slices.Index(rooms, s.Room) + 1
			text := textfmt.Wrap(safe.Terminal(s.ID), colW-2) + "\n" + textfmt.Wrap(safe.Terminal(textfmt.OneLine(s.Title)), colW-2)
			if !s.Start.Equal(slot) {
				text = textfmt.Wrap(o.text("↓ ")+safe.Terminal(s.ID), colW-2)
			}
			if row[c] != "" {
				text = row[c] + "\n" + text
			}
			row[c] = text
			any = true
		}
		if !any {
			continue
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}
