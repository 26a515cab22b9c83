package formats

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/docket-forum/docket/internal/schedule"
)

// TableOptions says how to draw a schedule in a terminal. Writers never
// look at the terminal themselves; the command decides these.
type TableOptions struct {
	Width int            // total width to fit; 0 means 100
	ASCII bool           // +-| instead of box drawing
	Color bool           // bold day headings
	Loc   *time.Location // zone to show times in; nil = each session's own
}

func (o TableOptions) width() int {
	if o.Width <= 0 {
		return 100
	}
	return max(o.Width, 40)
}

func (o TableOptions) loc(s *schedule.Session) *time.Location {
	if o.Loc != nil {
		return o.Loc
	}
	return s.Location()
}

// boxTable is a table of fixed column widths, drawn with box-drawing
// characters or ASCII. Cells arrive wrapped (WrapText) and may hold
// several lines. It draws what tablewriter drew for docket's tables, a
// tenth as fast: a thousand-row schedule rendered in 50 ms there.
type boxTable struct {
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

func (o TableOptions) newTable(w io.Writer, widths []int) *boxTable {
	sym := boxLight
	if o.ASCII {
		sym = boxASCII
	}
	return &boxTable{w: w, widths: widths, sym: sym}
}

func (t *boxTable) Header(cells ...string) { t.header = cells }

func (t *boxTable) Append(cells []string) error {
	t.rows = append(t.rows, cells)
	return nil
}

// Render writes the table.
func (t *boxTable) Render() error {
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
				b.WriteString(strings.Repeat(" ", max(w-1-displayWidth(text), 0)))
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

func (o TableOptions) heading(w io.Writer, text string) {
	if o.Color {
		fmt.Fprintf(w, "\x1b[1m%s\x1b[0m\n", text)
	} else {
		fmt.Fprintln(w, text)
	}
}

// dayKey groups sessions by their day in the display zone.
type day struct {
	key      string
	label    string
	sessions []*schedule.Session
}

func groupDays(ss []*schedule.Session, o TableOptions) []day {
	var days []day
	for _, s := range ss {
		key, label := "unscheduled", "Not scheduled"
		if s.Scheduled() {
			t := s.Start.In(o.loc(s))
			key = t.Format("2006-01-02")
			label = t.Format("Monday 2 January 2006") + " · " + zoneLabel(t)
		}
		if len(days) == 0 || days[len(days)-1].key != key {
			days = append(days, day{key: key, label: label})
		}
		days[len(days)-1].sessions = append(days[len(days)-1].sessions, s)
	}
	return days
}

// zoneLabel names the zone of t: its IANA name and UTC offset.
func zoneLabel(t time.Time) string {
	name := t.Location().String()
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	utc := fmt.Sprintf("UTC%s%02d:%02d", sign, off/3600, off/60%60)
	if name == "UTC" {
		return "UTC"
	}
	return name + " (" + utc + ")"
}

func timeRange(s *schedule.Session, loc *time.Location) string {
	if !s.Scheduled() {
		return ""
	}
	st := s.Start.In(loc)
	r := st.Format("15:04")
	if !s.End.IsZero() {
		en := s.End.In(loc)
		if en.Format("2006-01-02") != st.Format("2006-01-02") {
			r += "–" + en.Format("Jan 2 15:04")
		} else {
			r += "–" + en.Format("15:04")
		}
	}
	return r
}

// RenderList prints sessions as one table per day, sorted by start.
func RenderList(w io.Writer, ss []*schedule.Session, o TableOptions) error {
	ss = slices.Clone(ss)
	schedule.Sort(ss)
	if len(ss) == 0 {
		return nil
	}
	widths := listWidths(ss, o)
	for i, d := range groupDays(ss, o) {
		if i > 0 {
			fmt.Fprintln(w)
		}
		o.heading(w, o.text(d.label))
		t := o.newTable(w, widths)
		t.Header("ID", "Time", "Room", "Type", "Title")
		for _, s := range d.sessions {
			cells := []string{s.ID, o.text(timeRange(s, o.loc(s))), s.Room, s.Type, oneLine(s.Title)}
			for c := range cells {
				cells[c] = WrapText(cells[c], widths[c]-2)
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
func listWidths(ss []*schedule.Session, o TableOptions) []int {
	const pad = 2
	need := []int{2, 11, 4, 4, 5}
	for _, s := range ss {
		for i, v := range []string{s.ID, timeRange(s, o.loc(s)), s.Room, s.Type, oneLine(s.Title)} {
			need[i] = max(need[i], displayWidth(v))
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

// WrapText breaks s into lines of at most width display columns, at
// spaces where it can and inside a word only when the word alone is wider.
func WrapText(s string, width int) string {
	if width < 1 || displayWidth(s) <= width {
		return s
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line, lw := "", 0
		for _, word := range strings.Fields(para) {
			ww := displayWidth(word)
			for ww > width {
				// A word wider than the column is cut, not dropped.
				if lw > 0 {
					lines = append(lines, line)
					line, lw = "", 0
				}
				head, rest := cutWidth(word, width)
				lines = append(lines, head)
				word, ww = rest, displayWidth(rest)
			}
			switch {
			case lw == 0:
				line, lw = word, ww
			case lw+1+ww <= width:
				line, lw = line+" "+word, lw+1+ww
			default:
				lines = append(lines, line)
				line, lw = word, ww
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// cutWidth splits s after at most width display columns.
func cutWidth(s string, width int) (string, string) {
	w := 0
	for i, r := range s {
		rw := displayWidth(string(r))
		if w+rw > width {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

// text makes a label plain ASCII when asked: en dashes and middle dots
// become hyphens.
func (o TableOptions) text(s string) string {
	if !o.ASCII {
		return s
	}
	return asciiPunct.Replace(s)
}

var asciiPunct = strings.NewReplacer("–", "-", "—", "-", "·", "-", "↓", "|")

func displayWidth(s string) int { return twwidth.Width(s) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// RenderGrid prints each day as a grid of time slots × rooms, the way a
// printed programme does. A session longer than one slot shows its id in
// the slots it continues into.
func RenderGrid(w io.Writer, ss []*schedule.Session, o TableOptions) error {
	ss = slices.Clone(ss)
	schedule.Sort(ss)
	for i, d := range groupDays(ss, o) {
		if d.key == "unscheduled" {
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		o.heading(w, o.text(d.label))
		if err := renderGridDay(w, d.sessions, o); err != nil {
			return err
		}
	}
	return nil
}

func renderGridDay(w io.Writer, ss []*schedule.Session, o TableOptions) error {
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
		header = append(header, WrapText(r, colW-2))
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
			text := WrapText(s.ID, colW-2) + "\n" + WrapText(oneLine(s.Title), colW-2)
			if !s.Start.Equal(slot) {
				text = WrapText(o.text("↓ ")+s.ID, colW-2)
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
