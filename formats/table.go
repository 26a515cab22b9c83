package formats

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

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

func (o TableOptions) newTable(w io.Writer, widths []int) *tablewriter.Table {
	style := tw.StyleLight
	if o.ASCII {
		style = tw.StyleASCII
	}
	m := tw.NewMapper[int, int]()
	for i, wd := range widths {
		m.Set(i, wd)
	}
	return tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(style)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithColumnWidths(m),
	)
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
		o.heading(w, d.label)
		t := o.newTable(w, widths)
		t.Header("ID", "Time", "Room", "Type", "Title")
		for _, s := range d.sessions {
			if err := t.Append([]string{s.ID, timeRange(s, o.loc(s)), s.Room, s.Type, oneLine(s.Title)}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	return nil
}

// listWidths fits the columns to the width: short columns take what they
// need up to a cap, the title gets the rest.
func listWidths(ss []*schedule.Session, o TableOptions) []int {
	const pad = 2
	need := []int{2, 11, 4, 4}
	caps := []int{24, 19, 24, 20}
	for _, s := range ss {
		for i, v := range []string{s.ID, timeRange(s, o.loc(s)), s.Room, s.Type} {
			need[i] = max(need[i], displayWidth(v))
		}
	}
	widths := make([]int, 5)
	used := 1 // left border
	for i := range need {
		widths[i] = min(need[i], caps[i]) + pad
		used += widths[i] + 1
	}
	title := 5
	for _, s := range ss {
		title = max(title, displayWidth(s.Title))
	}
	widths[4] = max(min(title+pad, o.width()-used-1), 20)
	return widths
}

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
		o.heading(w, d.label)
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
	if len(slots) > 1 {
		slots = slots[:len(slots)-1] // the last end starts no slot
	}
	timeW := 7
	colW := max((o.width()-timeW-2-len(rooms))/max(len(rooms), 1), 12)
	widths := []int{timeW}
	for range rooms {
		widths = append(widths, colW)
	}
	t := o.newTable(w, widths)
	header := []string{"Time"}
	for _, r := range rooms {
		header = append(header, r)
	}
	t.Header(header)
	for _, slot := range slots {
		row := make([]string, len(rooms)+1)
		row[0] = slot.In(o.loc(ss[0])).Format("15:04")
		any := false
		for _, s := range ss {
			if s.Start.After(slot) || (!s.End.IsZero() && !s.End.After(slot)) || (s.End.IsZero() && !s.Start.Equal(slot)) {
				continue
			}
			c := slices.Index(rooms, s.Room) + 1
			text := s.ID + "\n" + oneLine(s.Title)
			if !s.Start.Equal(slot) {
				text = "↓ " + s.ID
				if o.ASCII {
					text = "| " + s.ID
				}
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
