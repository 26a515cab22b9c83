package formats

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/schedule"
)

// The html export: one self-contained page (inline CSS, no scripts, no
// fetches) with, per day, a grid of rooms × time slots and a list of the
// sessions, then a detail card per session with every field of an IGF
// session page. The template (templates/html.tmpl) only prints what
// htmlView prepared; html/template escapes every piece of user text.

//go:embed templates/html.tmpl
var htmlTemplateText string

var htmlTemplate = template.Must(template.New("html").Parse(htmlTemplateText))

func writeHTML(w io.Writer, p *schedule.Programme, o WriteOptions) error {
	return htmlTemplate.Execute(w, newHTMLView(p, o))
}

// htmlView is everything the template shows, as display strings.
type htmlView struct {
	Title     string
	Dates     string
	Venue     string
	Zone      string // "Times in Asia/Tokyo (UTC+09:00)"
	Stats     string
	Days      []htmlViewDay
	Cards     []htmlViewCard
	Generator string
}

// htmlViewDay is one day: its grid and its list. The unscheduled
// sessions form a last "day" with a list and no grid.
type htmlViewDay struct {
	Anchor string
	Label  string // "Tuesday 10 October 2023"
	Short  string // "Tue 10 Oct", for the navigation
	Zone   string
	Rooms  []string
	Rows   []htmlViewRow
	// MinWidth keeps the grid's columns readable on a narrow screen
	// (the grid then scrolls sideways).
	MinWidth string
	List     []htmlViewItem
}

// htmlViewRow is one time slot of a grid: the cells that start in it,
// one per room not covered by a session from an earlier slot.
type htmlViewRow struct {
	Time   string
	Height string
	Cells  []htmlViewCell
}

type htmlViewCell struct {
	Free     bool
	Span     int // rows
	Sessions []htmlViewItem
}

// htmlViewItem is a session in a grid cell or a list.
type htmlViewItem struct {
	Anchor, ID, Title, Time, Room, Type, Speakers string
}

// htmlViewCard is a session's detail card.
type htmlViewCard struct {
	Anchor, DayAnchor string
	ID, Title         string
	Facts             []htmlViewFact
	SDGs, Tags        []string
	URL               string // http(s) only
	URLText           string // a URL that is no http(s) link, as text
	Texts             []htmlViewText
	People            []htmlViewPeople
	Closing           []htmlViewText
}

type htmlViewFact struct{ Name, Value string }

type htmlViewText struct{ Title, Text string }

type htmlViewPeople struct {
	Title   string
	Persons []htmlViewPerson
}

type htmlViewPerson struct {
	Name, Detail, Groups, Participation string
}

func newHTMLView(p *schedule.Programme, o WriteOptions) htmlView {
	loc := feed.Location(p, o.Loc)
	ss := slices.Clone(p.Sessions)
	schedule.Sort(ss)
	anchors := htmlAnchors(ss)
	days := feed.Days(ss, loc)

	v := htmlView{
		Title:     textfmt.HTMLClean(feed.Title(p, o.Title)),
		Venue:     textfmt.HTMLClean(p.Venue),
		Generator: "docket",
	}
	if len(days) > 0 || p.FirstDay != "" || p.LastDay != "" {
		first, last := feed.DateRange(p, days, o.Now, loc)
		v.Dates = htmlDateRange(first, last)
	}
	v.Zone = "Times in " + htmlZoneName(loc, days)

	rooms := map[string]bool{}
	dayOf := map[*schedule.Session]string{}
	for _, d := range days {
		t := d.Start.In(loc)
		vd := htmlViewDay{
			Anchor: "d-" + d.Date,
			Label:  t.Format("Monday 2 January 2006"),
			Short:  t.Format("Mon 2 Jan"),
			Zone:   "Times in " + textfmt.ZoneLabel(t),
		}
		vd.Rooms, vd.Rows = htmlGrid(d.Sessions, loc, anchors)
		vd.MinWidth = fmt.Sprintf("%drem", 5+9*len(vd.Rooms))
		for _, s := range d.Sessions {
			vd.List = append(vd.List, htmlItem(s, loc, anchors))
			rooms[s.Room] = true
			dayOf[s] = vd.Anchor
		}
		v.Days = append(v.Days, vd)
	}
	var unscheduled []htmlViewItem
	for _, s := range ss {
		if !s.Scheduled() {
			unscheduled = append(unscheduled, htmlItem(s, loc, anchors))
			dayOf[s] = "d-unscheduled"
		}
	}
	if len(unscheduled) > 0 {
		v.Days = append(v.Days, htmlViewDay{Anchor: "d-unscheduled", Label: "Not scheduled", Short: "Not scheduled", List: unscheduled})
	}

	stats := []string{htmlCount(len(ss), "session", "sessions")}
	delete(rooms, "")
	if len(rooms) > 0 {
		stats = append(stats, htmlCount(len(rooms), "room", "rooms"))
	}
	if len(days) > 0 {
		stats = append(stats, htmlCount(len(days), "day", "days"))
	}
	v.Stats = strings.Join(stats, " · ")

	for _, s := range ss {
		v.Cards = append(v.Cards, htmlCard(s, p.ExtraColumns, loc, anchors[s], dayOf[s]))
	}
	return v
}

// htmlAnchors gives each session an element id: "s-" and the slug of its
// id, unique within the page (a repeated or unsluggable id gets a number).
func htmlAnchors(ss []*schedule.Session) map[*schedule.Session]string {
	out := make(map[*schedule.Session]string, len(ss))
	used := map[string]bool{}
	for i, s := range ss {
		base := feed.Slugify(s.ID, "-")
		if base == "" {
			base = strconv.Itoa(i + 1)
		}
		a := "s-" + base
		for n := 2; used[a]; n++ {
			a = "s-" + base + "-" + strconv.Itoa(n)
		}
		used[a] = true
		out[s] = a
	}
	return out
}

func htmlCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// htmlDateRange writes "10–11 October 2023", "30 September – 2 October
// 2023" or "10 October 2023".
func htmlDateRange(first, last time.Time) string {
	switch {
	case first.Equal(last):
		return first.Format("2 January 2006")
	case first.Year() == last.Year() && first.Month() == last.Month():
		return first.Format("2") + "–" + last.Format("2 January 2006")
	case first.Year() == last.Year():
		return first.Format("2 January") + " – " + last.Format("2 January 2006")
	}
	return first.Format("2 January 2006") + " – " + last.Format("2 January 2006")
}

// htmlZoneName names the display zone with its UTC offsets on the
// programme's days: "Asia/Tokyo (UTC+09:00)", "Europe/Berlin (UTC+02:00,
// UTC+01:00)" across a change of clocks, "UTC".
func htmlZoneName(loc *time.Location, days []feed.Day) string {
	if loc.String() == "UTC" {
		return "UTC"
	}
	var offsets []string
	for _, d := range days {
		l := textfmt.ZoneLabel(d.Start.In(loc))
		if i := strings.LastIndex(l, "("); i >= 0 {
			l = strings.Trim(l[i:], "()")
		}
		if !slices.Contains(offsets, l) {
			offsets = append(offsets, l)
		}
	}
	if len(offsets) == 0 {
		return textfmt.ZoneLabel(time.Unix(0, 0).In(loc))
	}
	return loc.String() + " (" + strings.Join(offsets, ", ") + ")"
}

func htmlSpeakers(s *schedule.Session) string {
	names := make([]string, 0, len(s.Speakers))
	for _, p := range s.Speakers {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	return textfmt.HTMLClean(strings.Join(names, ", "))
}

func htmlItem(s *schedule.Session, loc *time.Location, anchors map[*schedule.Session]string) htmlViewItem {
	title := s.Title
	if strings.TrimSpace(title) == "" {
		title = "(untitled)"
	}
	return htmlViewItem{
		Anchor:   anchors[s],
		ID:       textfmt.HTMLClean(s.ID),
		Title:    textfmt.HTMLClean(textfmt.OneLine(title)),
		Time:     textfmt.TimeRange(s, loc),
		Room:     textfmt.HTMLClean(s.Room),
		Type:     textfmt.HTMLClean(s.Type),
		Speakers: htmlSpeakers(s),
	}
}

// htmlGrid lays a day out as rows of time slots × rooms. Every start and
// end is a slot boundary; a session spans the slots from its start to its
// end (rowspan). Sessions that overlap in one room share a cell spanning
// them all, so a clash shows instead of breaking the table.
func htmlGrid(ss []*schedule.Session, loc *time.Location, anchors map[*schedule.Session]string) ([]string, []htmlViewRow) {
	var rooms []string
	var bounds []time.Time
	hasEnd := func(s *schedule.Session) bool { return !s.End.IsZero() && s.End.After(s.Start) }
	for _, s := range ss {
		if !slices.Contains(rooms, s.Room) {
			rooms = append(rooms, s.Room)
		}
		for _, t := range []time.Time{s.Start, s.End} {
			if !t.IsZero() && (t.Equal(s.Start) || hasEnd(s)) && !slices.ContainsFunc(bounds, t.Equal) {
				bounds = append(bounds, t)
			}
		}
	}
	slices.SortFunc(rooms, func(a, b string) int {
		// Sessions without a room go last.
		if (a == "") != (b == "") {
			if a == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	slices.SortFunc(bounds, time.Time.Compare)
	// The last boundary starts a slot only when a session starts there.
	nrows := len(bounds) - 1
	if n := len(bounds); n > 0 && slices.ContainsFunc(ss, func(s *schedule.Session) bool { return s.Start.Equal(bounds[n-1]) }) {
		nrows = n
	}
	index := func(t time.Time) int { return slices.IndexFunc(bounds, t.Equal) }

	type span struct {
		from, to int // rows [from, to)
		ss       []*schedule.Session
	}
	cells := make([][]*span, nrows) // cells[row][room]: the span starting there
	covered := make([][]bool, nrows)
	for r := range cells {
		cells[r] = make([]*span, len(rooms))
		covered[r] = make([]bool, len(rooms))
	}
	for c, room := range rooms {
		var spans []*span
		for _, s := range ss { // sorted by start
			if s.Room != room {
				continue
			}
			from, to := index(s.Start), index(s.Start)+1
			if hasEnd(s) {
				to = max(index(s.End), to)
			}
			to = min(to, nrows)
			if n := len(spans); n > 0 && from < spans[n-1].to {
				spans[n-1].to = max(spans[n-1].to, to)
				spans[n-1].ss = append(spans[n-1].ss, s)
				continue
			}
			spans = append(spans, &span{from: from, to: to, ss: []*schedule.Session{s}})
		}
		for _, sp := range spans {
			cells[sp.from][c] = sp
			for r := sp.from; r < sp.to; r++ {
				covered[r][c] = true
			}
		}
	}

	labels := make([]string, len(rooms))
	for i, r := range rooms {
		labels[i] = textfmt.HTMLClean(r)
		if r == "" {
			labels[i] = "No room"
		}
	}
	var rows []htmlViewRow
	var day string
	for r := 0; r < nrows; r++ {
		t := bounds[r].In(loc)
		row := htmlViewRow{Time: t.Format("15:04")}
		if r == 0 {
			day = t.Format(time.DateOnly)
		} else if d := t.Format(time.DateOnly); d != day {
			row.Time += " (" + t.Format("Jan 2") + ")"
		}
		minutes := 0
		if r+1 < len(bounds) {
			minutes = int(bounds[r+1].Sub(bounds[r]) / time.Minute)
		}
		// Slots are drawn to scale (a tenth of a rem a minute), with a
		// floor for a line of text; content taller than that grows a row.
		row.Height = fmt.Sprintf("%.1frem", max(float64(minutes)/10, 1.6))
		for c := range rooms {
			switch sp := cells[r][c]; {
			case sp != nil:
				cell := htmlViewCell{Span: sp.to - sp.from}
				for _, s := range sp.ss {
					cell.Sessions = append(cell.Sessions, htmlItem(s, loc, anchors))
				}
				row.Cells = append(row.Cells, cell)
			case !covered[r][c]:
				row.Cells = append(row.Cells, htmlViewCell{Free: true, Span: 1})
			}
		}
		rows = append(rows, row)
	}
	return labels, rows
}

func htmlPerson(p schedule.Person) htmlViewPerson {
	join := func(sep string, vs ...string) string {
		var out []string
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		return textfmt.HTMLClean(strings.Join(out, sep))
	}
	// The e-mail address stays out: the page is meant to be published.
	v := htmlViewPerson{
		Name:          textfmt.HTMLClean(p.Name),
		Detail:        join(", ", p.Role, p.Organization),
		Groups:        join(" · ", p.Stakeholder, p.Region),
		Participation: textfmt.Participation(p.Participation),
	}
	if v.Name == "" {
		v.Name, v.Detail = v.Detail, ""
	}
	return v
}

// htmlRawTime says what the time cells held when they could not be read.
func htmlRawTime(s *schedule.Session) string {
	var parts []string
	for _, f := range []schedule.Field{schedule.FieldDate, schedule.FieldStart, schedule.FieldEnd, schedule.FieldDuration, schedule.FieldTimezone} {
		if v := strings.TrimSpace(s.Raw[f]); v != "" {
			parts = append(parts, s.Column(f)+": "+v)
		}
	}
	return strings.Join(parts, "; ")
}

func htmlCard(s *schedule.Session, extras []string, loc *time.Location, anchor, dayAnchor string) htmlViewCard {
	title := s.Title
	if strings.TrimSpace(title) == "" {
		title = "(untitled)"
	}
	c := htmlViewCard{Anchor: anchor, DayAnchor: dayAnchor, ID: textfmt.HTMLClean(s.ID), Title: textfmt.HTMLClean(textfmt.OneLine(title))}
	add := func(name, value string) {
		if v := strings.TrimSpace(value); v != "" {
			c.Facts = append(c.Facts, htmlViewFact{Name: name, Value: textfmt.HTMLClean(v)})
		}
	}
	if s.Scheduled() {
		st := s.Start.In(loc)
		when := st.Format("Monday 2 January 2006") + ", " + textfmt.TimeRange(s, loc) + " " + textfmt.ZoneLabel(st)
		if loc.String() != "UTC" {
			when += " · " + textfmt.TimeRange(s, time.UTC) + " UTC"
		}
		add("Time", when)
	} else {
		when := "Not scheduled"
		if raw := htmlRawTime(s); raw != "" {
			when += " (" + raw + ")"
		}
		add("Time", when)
	}
	add("Room", s.Room)
	add("Theme", s.Theme)
	add("Subtheme", s.Subtheme)
	add("Type", s.Type)
	format := s.Format
	if s.DeclaredMinutes > 0 {
		format = strings.TrimPrefix(format+" - ", " - ") + fmt.Sprintf("%d Min", s.DeclaredMinutes)
	}
	add("Format", format)
	add("Language", s.Language)
	for _, e := range extras {
		add(e, s.ExtraValue(e))
	}
	for _, g := range s.SDGs {
		if g = strings.TrimSpace(g); g != "" {
			c.SDGs = append(c.SDGs, textfmt.HTMLClean(g))
		}
	}
	for _, t := range s.Tags {
		if t = strings.TrimSpace(t); t != "" {
			c.Tags = append(c.Tags, textfmt.HTMLClean(t))
		}
	}
	if u := feed.HTTPURL(s.URL); u != "" {
		c.URL = u
	} else {
		c.URLText = textfmt.HTMLClean(strings.TrimSpace(s.URL))
	}
	text := func(list *[]htmlViewText, title, v string) {
		if v = strings.TrimSpace(textfmt.HTMLClean(v)); v != "" {
			*list = append(*list, htmlViewText{Title: title, Text: v})
		}
	}
	text(&c.Texts, "Subtitle", s.Subtitle)
	text(&c.Texts, "Abstract", s.Abstract)
	text(&c.Texts, "Description", s.Description)
	text(&c.Texts, "Policy questions", s.PolicyQuestions)
	text(&c.Texts, "Expected outcomes", s.ExpectedOutcomes)
	people := func(title string, ps ...*schedule.Person) {
		g := htmlViewPeople{Title: title}
		for _, p := range ps {
			if p != nil && (p.Name != "" || p.Organization != "") {
				g.Persons = append(g.Persons, htmlPerson(*p))
			}
		}
		if len(g.Persons) > 0 {
			c.People = append(c.People, g)
		}
	}
	ptrs := func(ps []schedule.Person) []*schedule.Person {
		out := make([]*schedule.Person, len(ps))
		for i := range ps {
			out[i] = &ps[i]
		}
		return out
	}
	people("Organizers", ptrs(s.Organizers)...)
	people("Speakers", ptrs(s.Speakers)...)
	people("On-site moderator", s.OnsiteModerator)
	people("Online moderator", s.OnlineModerator)
	people("Rapporteur", s.Rapporteur)
	text(&c.Closing, "Key takeaways", s.KeyTakeaways)
	text(&c.Closing, "Call to action", s.CallToAction)
	text(&c.Closing, "Session report", s.Report)
	return c
}
