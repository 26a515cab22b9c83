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
// become hyphens. It is for docket's own words (headings, times), never
// for text from the data, which is shown as it is.
func (o Options) text(s string) string {
	if !o.ASCII {
		return s
	}
	return asciiPunct.Replace(s)
}

var asciiPunct = strings.NewReplacer("–", "-", "—", "-", "·", "-")

// continued is the mark before the id of a session in a slot it
// continues into: an arrow on a terminal, and in ASCII two dots, since a
// "|" there reads as a border.
func (o Options) continued() string {
	if o.ASCII {
		return ".. "
	}
	return "↓ "
}

// The grid's geometry: a time column of five characters, padding of one
// space either side of a cell, and a border between cells and at each end.
const (
	gridTimeW   = 5 + 2
	gridFixed   = 1 + gridTimeW + 1 // left border, time column, its border
	gridPad     = 2 + 1             // a room's padding and its right border
	gridMinCell = 8                 // a room column narrower than this is unreadable
	gridMaxWord = 20                // a word longer than this is broken rather than widen every column
)

// MinGridWidth is the narrowest width a grid can be drawn in: the time
// column and one room.
const MinGridWidth = gridFixed + gridMinCell + gridPad

// NarrowError says that the width is too narrow for even one room per
// grid. RenderGrid returns it before writing anything.
type NarrowError struct {
	Width, Need int
}

func (e *NarrowError) Error() string {
	return fmt.Sprintf("the grid needs at least %d columns, not %d", e.Need, e.Width)
}

// gridWidth is the width the grid must fit: the terminal's exactly (the
// list's floor of 40 columns would overflow a narrower one), or 100 when
// it is unknown, as for the list.
func (o Options) gridWidth() int {
	if o.Width <= 0 {
		return 100
	}
	return o.Width
}

// RenderGrid prints each day as a grid of time slots × rooms, the way a
// printed programme does. A session longer than one slot shows its id in
// the slots it continues into. Each room's column is at least as wide as
// the longest word in it (up to 20 columns), so words are broken only
// when they are wider than that; when the day's rooms do not fit the
// width side by side, they are split over several grids, one after
// another, each with the time column and a title naming its rooms. When
// not even one room fits, RenderGrid returns a *NarrowError and writes
// nothing.
func RenderGrid(w io.Writer, ss []*schedule.Session, o Options) error {
	if width := o.gridWidth(); width < MinGridWidth {
		return &NarrowError{Width: width, Need: MinGridWidth}
	}
	ss = slices.Clone(ss)
	schedule.Sort(ss)
	var b strings.Builder
	first := true
	for _, d := range textfmt.GroupDays(ss, o.Loc) {
		if d.Key == "unscheduled" {
			continue
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		o.heading(&b, textfmt.Wrap(o.text(d.Label), o.gridWidth()))
		renderGridDay(&b, d.Sessions, o)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// gridLayout splits n rooms whose cells need at least need columns of
// text into grids that fit width: how many rooms each grid has, and the
// text width of every room column (the same in all of the day's grids).
func gridLayout(n, need, width int) (sizes []int, cell int) {
	avail := width - gridFixed
	per := max(avail/(need+gridPad), 1)
	parts := (n + per - 1) / per
	for i := range parts {
		k := n / parts
		if i < n%parts {
			k++
		}
		sizes = append(sizes, k)
	}
	most := (n + parts - 1) / parts
	return sizes, avail/most - gridPad
}

func renderGridDay(w io.Writer, ss []*schedule.Session, o Options) {
	var rooms []string
	var slots []time.Time
	need := gridMinCell
	for _, s := range ss {
		if !slices.Contains(rooms, s.Room) {
			rooms = append(rooms, s.Room)
		}
		for _, t := range []time.Time{s.Start, s.End} {
			if !t.IsZero() && !slices.ContainsFunc(slots, t.Equal) {
				slots = append(slots, t)
			}
		}
		for _, text := range []string{s.Room, s.ID, s.Title} {
			for _, word := range strings.Fields(safe.Terminal(text)) {
				need = max(need, min(textfmt.Width(word), gridMaxWord))
			}
		}
	}
	slices.Sort(rooms)
	slices.SortFunc(slots, time.Time.Compare)
	// The last end starts no slot, unless a session starts then too.
	if n := len(slots); n > 1 && !slices.ContainsFunc(ss, func(s *schedule.Session) bool { return s.Start.Equal(slots[n-1]) }) {
		slots = slots[:n-1]
	}
	sizes, cell := gridLayout(len(rooms), need, o.gridWidth())
	from := 0
	for i, k := range sizes {
		part := rooms[from : from+k]
		if len(sizes) > 1 {
			// Say which rooms this grid shows, and on later grids which
			// day it continues.
			title := fmt.Sprintf("Rooms %d–%d of %d", from+1, from+k, len(rooms))
			if k == 1 {
				title = fmt.Sprintf("Room %d of %d", from+1, len(rooms))
			}
			var units []string
			if i > 0 {
				fmt.Fprintln(w)
				units = append(units, ss[0].Start.In(o.loc(ss[0])).Format("Monday 2 January 2006")+",")
				title = "r" + title[1:]
			}
			units = append(units, o.text(title)+":")
			for j, r := range part {
				name := safe.Terminal(r)
				if j < len(part)-1 {
					name += ","
				}
				units = append(units, name)
			}
			fmt.Fprintln(w, wrapUnits(units, o.gridWidth()))
		}
		renderGridPart(w, ss, part, slots, cell, o)
		from += k
	}
}

// wrapUnits joins units with spaces into lines of at most width columns,
// breaking inside a unit (at its spaces, as Wrap does) only when it does
// not fit on a line of its own: a grid's title keeps each room's name
// whole where it can.
func wrapUnits(units []string, width int) string {
	var lines []string
	line := ""
	for _, u := range units {
		switch {
		case line == "":
			line = u
		case textfmt.Width(line)+1+textfmt.Width(u) <= width:
			line += " " + u
		default:
			lines = append(lines, line)
			line = u
		}
		if textfmt.Width(line) > width {
			wrapped := strings.Split(textfmt.Wrap(line, width), "\n")
			lines = append(lines, wrapped[:len(wrapped)-1]...)
			line = wrapped[len(wrapped)-1]
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// renderGridPart draws the grid of one day's slots for some of its rooms.
func renderGridPart(w io.Writer, ss []*schedule.Session, rooms []string, slots []time.Time, cell int, o Options) {
	widths := []int{gridTimeW}
	for range rooms {
		widths = append(widths, cell+2)
	}
	t := o.newTable(w, widths)
	header := []string{"Time"}
	for _, r := range rooms {
		header = append(header, textfmt.Wrap(safe.Terminal(r), cell))
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
			if c == 0 {
				continue // in another of the day's grids
			}
			text := textfmt.Wrap(safe.Terminal(s.ID), cell) + "\n" + textfmt.Wrap(safe.Terminal(textfmt.OneLine(s.Title)), cell)
			if !s.Start.Equal(slot) {
				text = textfmt.Wrap(o.continued()+safe.Terminal(s.ID), cell)
			}
			if row[c] != "" {
				text = row[c] + "\n" + text
			}
			row[c] = text
			any = true
		}
		if any {
			t.Append(row)
		}
	}
	t.Render()
}
