package formats

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/schedule"
)

// The pdf export's layout: everything is placed before anything is drawn,
// as a list of pages of drawing operations (pdfDoc), so that the table of
// contents knows the pages it points to, a grid block links to its
// session's entry in the booklet, and the tests can check where every
// block went (pdfDoc.grid) without reading a PDF back. pdf.go draws the
// list with fpdf. Lengths are in points; y grows downwards from the top
// of the page, as fpdf has it.

// Page geometry shared by every page.
const (
	pdfMargin       = 32.0 // left and right
	pdfHeaderBase   = 21.0 // baseline of the running header
	pdfHeaderRule   = 27.0
	pdfBodyTop      = 38.0
	pdfBottomMargin = 30.0
)

// Grid geometry (landscape pages).
const (
	pdfTimeColW   = 34.0
	pdfMinColW    = 104.0 // narrowest room column; more rooms go to another page
	pdfDayHeadH   = 22.0
	pdfPerMinute  = 1.0  // a slot's height to scale, before it grows for its text
	pdfMinRow     = 12.0 // a slot's least height
	pdfBlockPad   = 2.5
	pdfBlockTimeS = 6.5 // font sizes in a block
	pdfBlockTitle = 7.5
	pdfBlockSpkS  = 6.5
)

// Booklet geometry (portrait pages).
const (
	pdfBookMargin = 48.0
	pdfLabelW     = 92.0
)

// pdfRGB is a colour.
type pdfRGB struct{ r, g, b uint8 }

var (
	pdfBlack    = pdfRGB{25, 25, 25}
	pdfGrey     = pdfRGB{95, 95, 95}
	pdfRule     = pdfRGB{200, 200, 200}
	pdfHeadFill = pdfRGB{232, 232, 232}
	pdfStroke   = pdfRGB{125, 135, 145}
	// pdfTints fill the grid's blocks, one per session type.
	pdfTints = []pdfRGB{{221, 235, 247}, {226, 240, 217}, {255, 242, 204}, {248, 221, 230}, {232, 224, 245}, {252, 228, 214}, {220, 232, 232}}
)

type pdfOpKind uint8

const (
	pdfTextOp pdfOpKind = iota // text at x, baseline y
	pdfRectOp                  // box x, y, w, h
	pdfLineOp                  // from x, y to x+w, y+h
	pdfLinkOp                  // a clickable box x, y, w, h to target (or to sess's booklet entry)
)

// pdfOp is one drawing operation.
type pdfOp struct {
	kind       pdfOpKind
	x, y, w, h float64
	text       string
	bold       bool
	size       float64
	color      pdfRGB // text, line, box outline
	fill       pdfRGB // box
	style      string // box: "F", "D" or "FD"
	target     pdfTarget
	sess       *schedule.Session // link: the session's booklet entry, resolved after the booklet
}

// pdfTarget is a place a link goes to: a page (from 1) and a y on it.
type pdfTarget struct {
	page int
	y    float64
}

// pdfBookmark is an entry of the PDF's outline, on the page that has it.
type pdfBookmark struct {
	text  string
	level int
	y     float64
}

// pdfPage is one page: its orientation, what the running header says of
// it, and what is drawn on it.
type pdfPage struct {
	landscape bool
	section   string
	ops       []pdfOp
	marks     []pdfBookmark
}

// pdfPlaced is where a session went: its block in a day's grid, or its
// heading and first lines in the booklet. Pages count from 1.
type pdfPlaced struct {
	s              *schedule.Session
	day            string // YYYY-MM-DD, "" in the booklet's unscheduled part
	page           int
	x0, x1, y0, y1 float64
}

// pdfDoc is the laid-out programme.
type pdfDoc struct {
	pageW, pageH float64 // the paper, portrait
	title, dates string
	pages        []*pdfPage
	grid         []pdfPlaced
	booklet      []pdfPlaced
	// gridPages[i] are the pages of the grids of day i.
	gridPages [][]int
	// sign: the document is a room's door sign (pdf_sign.go), whose
	// entries are signs.
	sign  bool
	signs []pdfPlaced
}

// pdfMeasure is the width of s in the document's font.
type pdfMeasure func(s string, bold bool, size float64) float64

type pdfLayouter struct {
	doc     *pdfDoc
	measure pdfMeasure
	loc     *time.Location
	tints   map[string]pdfRGB
}

// bodyBottom is the lowest y of a page's content.
func (l *pdfLayouter) bodyBottom(landscape bool) float64 {
	if landscape {
		return l.doc.pageW - pdfBottomMargin
	}
	return l.doc.pageH - pdfBottomMargin
}

func (l *pdfLayouter) width(landscape bool) float64 {
	if landscape {
		return l.doc.pageH
	}
	return l.doc.pageW
}

func (l *pdfLayouter) newPage(landscape bool, section string) *pdfPage {
	pg := &pdfPage{landscape: landscape, section: section}
	l.doc.pages = append(l.doc.pages, pg)
	return pg
}

func (pg *pdfPage) text(x, y float64, s string, bold bool, size float64, c pdfRGB) {
	if s != "" {
		pg.ops = append(pg.ops, pdfOp{kind: pdfTextOp, x: x, y: y, text: s, bold: bold, size: size, color: c})
	}
}

func (pg *pdfPage) rect(x, y, w, h float64, style string, fill, stroke pdfRGB) {
	pg.ops = append(pg.ops, pdfOp{kind: pdfRectOp, x: x, y: y, w: w, h: h, style: style, fill: fill, color: stroke})
}

func (pg *pdfPage) line(x0, y0, x1, y1 float64, c pdfRGB) {
	pg.ops = append(pg.ops, pdfOp{kind: pdfLineOp, x: x0, y: y0, w: x1 - x0, h: y1 - y0, color: c})
}

// baseline is where text of size goes in a line box starting at top.
func pdfBaseline(top, size float64) float64 { return top + size*0.95 }

// pdfLineH is the height of a line of text of size.
func pdfLineH(size float64) float64 { return math.Round(size*1.28*100) / 100 }

// wrap breaks text into lines no wider than width: at spaces, a word
// wider than the line cut where it must; a newline starts a new line.
func (l *pdfLayouter) wrap(text string, bold bool, size, width float64) []string {
	var lines []string
	space := l.measure(" ", bold, size)
	for _, para := range strings.Split(text, "\n") {
		line, lineW := "", 0.0
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		for _, w := range words {
			ww := l.measure(w, bold, size)
			if line != "" && lineW+space+ww <= width {
				line, lineW = line+" "+w, lineW+space+ww
				continue
			}
			if line != "" {
				lines = append(lines, line)
				line, lineW = "", 0
			}
			for ww > width {
				head := l.cut(w, bold, size, width)
				lines = append(lines, head)
				w = w[len(head):]
				ww = l.measure(w, bold, size)
			}
			line, lineW = w, ww
		}
		lines = append(lines, line)
	}
	// Blank lines at the ends say nothing.
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	return lines
}

// cut is the longest start of w that fits width, at least one character.
func (l *pdfLayouter) cut(w string, bold bool, size, width float64) string {
	end, x := 0, 0.0
	for i, r := range w {
		cw := l.measure(string(r), bold, size)
		if x+cw > width && i > 0 {
			break
		}
		x += cw
		end = i + len(string(r))
	}
	return w[:end]
}

// ellipsize shortens s with "…" to fit width.
func (l *pdfLayouter) ellipsize(s string, bold bool, size, width float64) string {
	if l.measure(s, bold, size) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		t := strings.TrimRight(string(rs), " ") + "…"
		if l.measure(t, bold, size) <= width {
			return t
		}
	}
	return ""
}

// pdfDayLabel is a day as headings write it.
func pdfDayLabel(t time.Time) string { return t.Format("Monday 2 January 2006") }

// pdfLayout lays out the programme: the table of contents, a grid per
// day, then the booklet of every session.
func pdfLayout(p *schedule.Programme, o WriteOptions, pageW, pageH float64, measure pdfMeasure) *pdfDoc {
	loc := feed.Location(p, o.Loc)
	ss := slices.Clone(p.Sessions)
	schedule.Sort(ss)
	days := feed.Days(ss, loc)
	doc := &pdfDoc{pageW: pageW, pageH: pageH, title: pdfClean(textfmt.OneLine(feed.Title(p, o.Title)))}
	if len(days) > 0 || p.FirstDay != "" || p.LastDay != "" {
		first, last := feed.DateRange(p, days, o.Now, loc)
		doc.dates = htmlDateRange(first, last)
	}
	l := &pdfLayouter{doc: doc, measure: measure, loc: loc, tints: map[string]pdfRGB{}}
	var types []string
	for _, s := range ss {
		if !slices.Contains(types, s.Type) {
			types = append(types, s.Type)
		}
	}
	slices.Sort(types)
	for i, t := range types {
		l.tints[t] = pdfTints[i%len(pdfTints)]
	}

	// The body first, its pages counted from 1; the contents then go
	// before it and every page number moves by their count.
	var toc []pdfTOCEntry
	for i, d := range days {
		t := d.Start.In(loc)
		first := len(doc.pages) + 1
		l.gridDay(d, i == 0)
		doc.gridPages = append(doc.gridPages, nil)
		for n := first; n <= len(doc.pages); n++ {
			doc.gridPages[i] = append(doc.gridPages[i], n)
		}
		toc = append(toc, pdfTOCEntry{label: pdfDayLabel(t), grid: first})
	}
	var unscheduled []*schedule.Session
	for _, s := range ss {
		if !s.Scheduled() {
			unscheduled = append(unscheduled, s)
		}
	}
	for i, d := range days {
		toc[i].sessions = len(doc.pages) + 1
		l.bookletDay(d.Date, pdfDayLabel(d.Start.In(loc)), "Times in "+textfmt.ZoneLabel(d.Start.In(loc)), d.Sessions, i == 0)
	}
	if len(unscheduled) > 0 {
		toc = append(toc, pdfTOCEntry{label: "Not scheduled", sessions: len(doc.pages) + 1})
		l.bookletDay("", "Not scheduled", "", unscheduled, len(days) == 0)
	}
	if len(doc.pages) == 0 {
		// An empty programme is a page that says so.
		pg := l.newPage(false, "")
		pg.text(pdfBookMargin, pdfBaseline(pdfBodyTop+40, 11), "No sessions.", false, 11, pdfBlack)
	}

	stats := pdfStats(ss, days)
	body := doc.pages
	doc.pages = nil
	l.contents(p, toc, stats, 0) // counts the contents' pages
	shift := len(doc.pages)
	doc.pages = nil
	l.contents(p, toc, stats, shift)
	doc.pages = append(doc.pages, body...)

	at := map[*schedule.Session]pdfTarget{}
	for i := range doc.booklet {
		doc.booklet[i].page += shift
		at[doc.booklet[i].s] = pdfTarget{page: doc.booklet[i].page, y: doc.booklet[i].y0}
	}
	for i := range doc.grid {
		doc.grid[i].page += shift
	}
	for _, g := range doc.gridPages {
		for i := range g {
			g[i] += shift
		}
	}
	for _, pg := range body {
		for i := range pg.ops {
			if op := &pg.ops[i]; op.kind == pdfLinkOp && op.sess != nil {
				op.target = at[op.sess]
			}
		}
	}
	return doc
}

func pdfStats(ss []*schedule.Session, days []feed.Day) string {
	rooms := map[string]bool{}
	for _, s := range ss {
		if s.Room != "" {
			rooms[s.Room] = true
		}
	}
	stats := []string{htmlCount(len(ss), "session", "sessions")}
	if len(rooms) > 0 {
		stats = append(stats, htmlCount(len(rooms), "room", "rooms"))
	}
	if len(days) > 0 {
		stats = append(stats, htmlCount(len(days), "day", "days"))
	}
	return strings.Join(stats, " · ")
}

// pdfTOCEntry is a line of the contents: a day, the page of its grid
// and the page its sessions start on (0: none).
type pdfTOCEntry struct {
	label          string
	grid, sessions int
}

// contents lays out the table of contents, page numbers moved by shift.
func (l *pdfLayouter) contents(p *schedule.Programme, toc []pdfTOCEntry, stats string, shift int) {
	pg := l.newPage(false, "Contents")
	pg.marks = append(pg.marks, pdfBookmark{text: "Contents", level: 0, y: pdfBodyTop})
	W := l.doc.pageW
	x, right := pdfBookMargin, W-pdfBookMargin
	y := pdfBodyTop + 24
	for _, line := range l.wrap(l.doc.title, true, 20, right-x) {
		pg.text(x, pdfBaseline(y, 20), line, true, 20, pdfBlack)
		y += pdfLineH(20)
	}
	y += 4
	for _, t := range []struct {
		s    string
		size float64
		c    pdfRGB
	}{{l.doc.dates, 12, pdfBlack}, {pdfClean(textfmt.OneLine(p.Venue)), 10.5, pdfBlack}, {"Times in " + l.loc.String(), 9, pdfGrey}, {stats, 9, pdfGrey}} {
		if t.s == "" {
			continue
		}
		for _, line := range l.wrap(t.s, false, t.size, right-x) {
			pg.text(x, pdfBaseline(y, t.size), line, false, t.size, t.c)
			y += pdfLineH(t.size)
		}
	}
	y += 18
	colS, colG := right, right-64 // right edges of the page columns
	head := func(title string) {
		pg.text(x, pdfBaseline(y, 13), title, true, 13, pdfBlack)
		y += pdfLineH(13) + 6
		pg.text(x, pdfBaseline(y, 8.5), "Day", true, 8.5, pdfGrey)
		for _, c := range []struct {
			s string
			r float64
		}{{"Grid", colG}, {"Sessions", colS}} {
			pg.text(c.r-l.measure(c.s, true, 8.5), pdfBaseline(y, 8.5), c.s, true, 8.5, pdfGrey)
		}
		y += pdfLineH(8.5) + 3
		pg.line(x, y, right, y, pdfRule)
	}
	head("Contents")
	const rowH = 18.0
	bottom := l.bodyBottom(false)
	for _, e := range toc {
		if y+rowH > bottom {
			pg = l.newPage(false, "Contents")
			y = pdfBodyTop + 12
			head("Contents (continued)")
		}
		base := y + 12.5
		label := l.ellipsize(e.label, false, 10.5, colG-64-x)
		pg.text(x, base, label, false, 10.5, pdfBlack)
		if e.grid > 0 {
			pg.ops = append(pg.ops, pdfOp{kind: pdfLinkOp, x: x, y: y, w: colG - x, h: rowH, target: pdfTarget{page: e.grid + shift}})
		} else if e.sessions > 0 {
			pg.ops = append(pg.ops, pdfOp{kind: pdfLinkOp, x: x, y: y, w: colG - x, h: rowH, target: pdfTarget{page: e.sessions + shift}})
		}
		for _, c := range []struct {
			n int
			r float64
		}{{e.grid, colG}, {e.sessions, colS}} {
			if c.n == 0 {
				continue
			}
			s := strconv.Itoa(c.n + shift)
			w := l.measure(s, false, 10.5)
			pg.text(c.r-w, base, s, false, 10.5, pdfBlack)
			pg.ops = append(pg.ops, pdfOp{kind: pdfLinkOp, x: c.r - 40, y: y, w: 40, h: rowH, target: pdfTarget{page: c.n + shift}})
		}
		y += rowH
		pg.line(x, y, right, y, pdfRule)
	}
}

// pdfBlock is a session in a grid: its room column, its lane where
// sessions in one room overlap, the slots [from, to) it spans and its text.
type pdfBlock struct {
	s           *schedule.Session
	col         int
	lane, lanes int
	from, to    int
	time        string
	title, spk  []string
	need        float64
	x0, x1      float64
	textW       float64
}

// gridDay lays out a day's grid: its rooms in groups that fit across a
// page, each group's time slots in pages that no block straddles.
func (l *pdfLayouter) gridDay(d feed.Day, firstDay bool) {
	var rooms []string
	for _, s := range d.Sessions {
		if !slices.Contains(rooms, s.Room) {
			rooms = append(rooms, s.Room)
		}
	}
	slices.SortFunc(rooms, func(a, b string) int {
		if (a == "") != (b == "") { // sessions without a room go last
			if a == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	usable := l.width(true) - 2*pdfMargin - pdfTimeColW
	perPage := max(1, int(usable/pdfMinColW))
	groups := (len(rooms) + perPage - 1) / perPage
	per := (len(rooms) + groups - 1) / groups
	for g := 0; g < groups; g++ {
		from, to := g*per, min((g+1)*per, len(rooms))
		l.gridGroup(d, rooms, from, to, firstDay && g == 0, g == 0)
	}
}

// gridGroup lays out the rooms[from:to] of a day.
func (l *pdfLayouter) gridGroup(d feed.Day, allRooms []string, rfrom, rto int, firstDay, firstGroup bool) {
	rooms := allRooms[rfrom:rto]
	t0 := d.Start.In(l.loc)
	dayLabel := pdfDayLabel(t0)
	var ss []*schedule.Session
	for _, s := range d.Sessions {
		if slices.Contains(rooms, s.Room) {
			ss = append(ss, s)
		}
	}
	W := l.width(true)
	usable := W - 2*pdfMargin - pdfTimeColW
	gridX := pdfMargin + pdfTimeColW
	colW := usable / float64(len(rooms))

	// The room header, as tall as the longest name needs (three lines at most).
	labels := make([][]string, len(rooms))
	headLines := 1
	for i, r := range rooms {
		name := pdfClean(textfmt.OneLine(r))
		if r == "" {
			name = "No room"
		}
		labels[i] = l.wrap(name, true, 8, colW-6)
		if len(labels[i]) > 3 {
			labels[i] = labels[i][:3]
			labels[i][2] = l.ellipsize(labels[i][2]+"…", true, 8, colW-6)
		}
		headLines = max(headLines, len(labels[i]))
	}
	headH := float64(headLines)*pdfLineH(8) + 6

	// Slots: every start and end is a boundary, as in the html grid.
	hasEnd := func(s *schedule.Session) bool { return !s.End.IsZero() && s.End.After(s.Start) }
	var bounds []time.Time
	for _, s := range ss {
		for _, t := range []time.Time{s.Start, s.End} {
			if !t.IsZero() && (t.Equal(s.Start) || hasEnd(s)) && !slices.ContainsFunc(bounds, t.Equal) {
				bounds = append(bounds, t)
			}
		}
	}
	slices.SortFunc(bounds, time.Time.Compare)
	nrows := len(bounds) - 1
	if n := len(bounds); n > 0 && slices.ContainsFunc(ss, func(s *schedule.Session) bool { return s.Start.Equal(bounds[n-1]) }) {
		nrows = n
	}
	index := func(t time.Time) int {
		i, _ := slices.BinarySearchFunc(bounds, t, time.Time.Compare)
		return i
	}

	// Blocks, with lanes where sessions in one room overlap.
	blocks := make([]*pdfBlock, 0, len(ss))
	for c, room := range rooms {
		var cluster []*pdfBlock
		var laneEnd []int
		clusterEnd := -1
		flush := func() {
			for _, b := range cluster {
				b.lanes = len(laneEnd)
			}
			cluster, laneEnd = cluster[:0], laneEnd[:0]
		}
		for _, s := range ss {
			if s.Room != room {
				continue
			}
			b := &pdfBlock{s: s, col: c, from: index(s.Start)}
			b.to = b.from + 1
			if hasEnd(s) {
				b.to = max(index(s.End), b.to)
			}
			b.to = min(b.to, nrows)
			if b.from >= clusterEnd {
				flush()
			}
			b.lane = slices.IndexFunc(laneEnd, func(e int) bool { return e <= b.from })
			if b.lane < 0 {
				b.lane = len(laneEnd)
				laneEnd = append(laneEnd, 0)
			}
			laneEnd[b.lane] = b.to
			clusterEnd = max(clusterEnd, b.to)
			cluster = append(cluster, b)
			blocks = append(blocks, b)
		}
		flush()
	}

	dayHead := pdfDayHeadH
	gridTop := pdfBodyTop + dayHead + headH
	avail := l.bodyBottom(true) - gridTop
	lhTime, lhTitle, lhSpk := pdfLineH(pdfBlockTimeS), pdfLineH(pdfBlockTitle), pdfLineH(pdfBlockSpkS)
	for _, b := range blocks {
		laneW := colW / float64(b.lanes)
		b.x0 = gridX + float64(b.col)*colW + float64(b.lane)*laneW + 1.5
		b.x1 = b.x0 + laneW - 3
		b.textW = max(b.x1-b.x0-2*pdfBlockPad, 1)
		b.time = l.ellipsize(textfmt.TimeRange(b.s, l.loc), false, pdfBlockTimeS, b.textW)
		title := pdfClean(textfmt.OneLine(b.s.Title))
		if title == "" {
			title = "(untitled)"
		}
		b.title = l.wrap(title, true, pdfBlockTitle, b.textW)
		if names := pdfSpeakerNames(b.s); names != "" {
			b.spk = l.wrap(names, false, pdfBlockSpkS, b.textW)
		}
		need := 2*pdfBlockPad + lhTime + float64(min(max(len(b.title), 1), 4))*lhTitle
		if len(b.spk) > 0 {
			need += lhSpk
		}
		b.need = min(need, avail)
	}

	// Slot heights: to scale, then grown until every block holds its
	// text; pages end only at a boundary that no block crosses. When what
	// cannot be cut is taller than a page, the scale shrinks (down to the
	// text's own heights) before any block is squeezed below its text.
	cross := make([]bool, nrows+1)
	for _, b := range blocks {
		for k := b.from + 1; k < b.to; k++ {
			cross[k] = true
		}
	}
	var heights []float64
	var chunks []pdfChunk
	for _, scale := range []float64{1, 0.8, 0.65, 0.5, 0.4, 0.3, 0.2, 0.1, 0} {
		heights = l.slotHeights(bounds, nrows, blocks, scale*pdfPerMinute)
		var squeezed bool
		chunks, squeezed = pdfPaginate(heights, cross, avail)
		if !squeezed {
			break
		}
	}
	if len(chunks) == 0 {
		chunks = append(chunks, pdfChunk{0, 0})
	}

	var roomNote string
	if rfrom > 0 || rto < len(allRooms) {
		roomNote = "rooms " + strconv.Itoa(rfrom+1) + "–" + strconv.Itoa(rto) + " of " + strconv.Itoa(len(allRooms))
		if rto-rfrom == 1 {
			roomNote = "room " + strconv.Itoa(rfrom+1) + " of " + strconv.Itoa(len(allRooms))
		}
	}
	right := W - pdfMargin
	for ci, ch := range chunks {
		pg := l.newPage(true, dayLabel)
		page := len(l.doc.pages)
		if ci == 0 && firstGroup {
			if firstDay {
				pg.marks = append(pg.marks, pdfBookmark{text: "Grid by day", level: 0, y: pdfBodyTop})
			}
			pg.marks = append(pg.marks, pdfBookmark{text: dayLabel, level: 1, y: pdfBodyTop})
		}
		head := dayLabel
		if ci > 0 {
			head += " (continued)"
		}
		pg.text(pdfMargin, pdfBaseline(pdfBodyTop, 13), head, true, 13, pdfBlack)
		note := "Times in " + textfmt.ZoneLabel(t0)
		if roomNote != "" {
			note += " · " + roomNote
		}
		pg.text(right-l.measure(note, false, 8.5), pdfBaseline(pdfBodyTop+3, 8.5), note, false, 8.5, pdfGrey)

		// y of each boundary on this page.
		ys := make([]float64, ch.to-ch.from+1)
		ys[0] = gridTop
		for r := ch.from; r < ch.to; r++ {
			ys[r-ch.from+1] = ys[r-ch.from] + heights[r]
		}
		bottom := ys[len(ys)-1]
		headTop := gridTop - headH
		pg.rect(gridX, headTop, usable, headH, "F", pdfHeadFill, pdfRGB{})
		for i := range rooms {
			x := gridX + float64(i)*colW
			for j, line := range labels[i] {
				pg.text(x+3, pdfBaseline(headTop+3+float64(j)*pdfLineH(8), 8), line, true, 8, pdfBlack)
			}
		}
		for r := ch.from; r < ch.to; r++ {
			y := ys[r-ch.from]
			pg.line(pdfMargin, y, right, y, pdfRule)
			tl := bounds[r].In(l.loc).Format("15:04")
			pg.text(pdfMargin+1, pdfBaseline(y+1.5, 7), tl, false, 7, pdfGrey)
		}
		pg.line(pdfMargin, bottom, right, bottom, pdfRule)
		for i := 0; i <= len(rooms); i++ {
			x := gridX + float64(i)*colW
			pg.line(x, headTop, x, bottom, pdfRule)
		}
		for _, b := range blocks {
			if b.from < ch.from || b.from >= ch.to {
				continue
			}
			y0, y1 := ys[b.from-ch.from]+1, ys[b.to-ch.from]-1
			l.drawBlock(pg, b, y0, y1)
			l.doc.grid = append(l.doc.grid, pdfPlaced{s: b.s, day: d.Date, page: page, x0: b.x0, x1: b.x1, y0: y0, y1: y1})
		}
	}
}

// slotHeights are the heights of a grid's slots: perMinute to the
// minute, at least pdfMinRow, grown until every block holds its text.
func (l *pdfLayouter) slotHeights(bounds []time.Time, nrows int, blocks []*pdfBlock, perMinute float64) []float64 {
	heights := make([]float64, nrows)
	for r := range heights {
		minutes := 0.0
		if r+1 < len(bounds) {
			minutes = bounds[r+1].Sub(bounds[r]).Minutes()
		}
		heights[r] = max(minutes*perMinute, pdfMinRow)
	}
	byEnd := slices.Clone(blocks)
	slices.SortStableFunc(byEnd, func(a, b *pdfBlock) int { return a.to - b.to })
	for _, b := range byEnd {
		have := 0.0
		for r := b.from; r < b.to; r++ {
			have += heights[r]
		}
		if have < b.need {
			heights[b.to-1] += b.need - have
		}
	}
	return heights
}

// pdfChunk is the slots [from, to) of a grid that go on one page.
type pdfChunk struct{ from, to int }

// pdfPaginate splits slots of heights into pages of at most avail, each
// ending at a boundary k that no block crosses (cross[k] false). A run of
// slots that cannot be cut and is taller than avail shrinks to fit, and
// squeezed says so.
func pdfPaginate(heights []float64, cross []bool, avail float64) (chunks []pdfChunk, squeezed bool) {
	n := len(heights)
	for s := 0; s < n; {
		best, sum := -1, 0.0
		for k := s + 1; k <= n; k++ {
			sum += heights[k-1]
			if sum > avail+1e-6 {
				break
			}
			if k == n || !cross[k] {
				best = k
			}
		}
		if best < 0 {
			k, sum := s+1, heights[s]
			for k < n && cross[k] {
				sum += heights[k]
				k++
			}
			for r := s; r < k; r++ {
				heights[r] *= avail / sum
			}
			best, squeezed = k, true
		}
		chunks = append(chunks, pdfChunk{s, best})
		s = best
	}
	return chunks, squeezed
}

// drawBlock draws a session's block: its time, its title and its
// speakers, as many lines as the block holds.
func (l *pdfLayouter) drawBlock(pg *pdfPage, b *pdfBlock, y0, y1 float64) {
	pg.rect(b.x0, y0, b.x1-b.x0, y1-y0, "FD", l.tints[b.s.Type], pdfStroke)
	pg.ops = append(pg.ops, pdfOp{kind: pdfLinkOp, x: b.x0, y: y0, w: b.x1 - b.x0, h: y1 - y0, sess: b.s})
	x := b.x0 + pdfBlockPad
	y := y0 + pdfBlockPad
	limit := y1 - pdfBlockPad + 0.01
	put := func(s string, bold bool, size float64, c pdfRGB) bool {
		lh := pdfLineH(size)
		if y+lh > limit {
			return false
		}
		pg.text(x, pdfBaseline(y, size), s, bold, size, c)
		y += lh
		return true
	}
	if !put(b.time, false, pdfBlockTimeS, pdfGrey) {
		return
	}
	// As many lines of each as fit, the last one cut with "…" when more
	// were left out.
	for _, part := range []struct {
		lines []string
		bold  bool
		size  float64
	}{{b.title, true, pdfBlockTitle}, {b.spk, false, pdfBlockSpkS}} {
		n := min(int((limit-y)/pdfLineH(part.size)), len(part.lines))
		for i := 0; i < n; i++ {
			line := part.lines[i]
			if i == n-1 && n < len(part.lines) {
				line = l.ellipsize(line+"…", part.bold, part.size, b.textW)
			}
			put(line, part.bold, part.size, pdfBlack)
		}
		if n < len(part.lines) {
			return
		}
	}
}

// pdfSpeakerNames are a session's speakers' names, for its grid block.
func pdfSpeakerNames(s *schedule.Session) string {
	names := make([]string, 0, len(s.Speakers))
	for _, p := range s.Speakers {
		if n := pdfClean(textfmt.OneLine(p.Name)); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// pdfLine is a line of the booklet: its height and what it draws, y
// measured from the line's top. A gap is left out at the top of a page.
type pdfLine struct {
	h   float64
	ops []pdfOp
	gap bool
}

// bookletDay lays out the booklet's sessions of one day (or the
// unscheduled ones), from a new page, one after another: a session may
// run on to the next page, but its heading never leaves its first lines.
func (l *pdfLayouter) bookletDay(date, label, note string, ss []*schedule.Session, first bool) {
	pg := l.newPage(false, label)
	if first {
		pg.marks = append(pg.marks, pdfBookmark{text: "Sessions", level: 0, y: pdfBodyTop})
	}
	pg.marks = append(pg.marks, pdfBookmark{text: label, level: 1, y: pdfBodyTop})
	x, right := pdfBookMargin, l.doc.pageW-pdfBookMargin
	bottom := l.bodyBottom(false)
	top := pdfBodyTop + 6
	y := top
	pg.text(x, pdfBaseline(y, 16), label, true, 16, pdfBlack)
	y += pdfLineH(16) + 2
	if note != "" {
		pg.text(x, pdfBaseline(y, 9), note, false, 9, pdfGrey)
		y += pdfLineH(9)
	}
	y += 3
	pg.line(x, y, right, y, pdfBlack)
	y += 10
	for i, s := range ss {
		lines, keep := l.sessionLines(s, right-x)
		if i > 0 && y > top {
			if y+16 <= bottom {
				pg.line(x, y+6, right, y+6, pdfRule)
			}
			y += 16
		}
		keepH := 0.0
		for _, ln := range lines[:keep] {
			keepH += ln.h
		}
		if y+keepH > bottom {
			pg = l.newPage(false, label)
			y = top
		}
		l.doc.booklet = append(l.doc.booklet, pdfPlaced{s: s, day: date, page: len(l.doc.pages), x0: x, x1: right, y0: y, y1: y + keepH})
		for _, ln := range lines {
			if y+ln.h > bottom {
				pg = l.newPage(false, label)
				y = top
				if ln.gap {
					continue
				}
			}
			for _, op := range ln.ops {
				op.x += x
				op.y += y
				pg.ops = append(pg.ops, op)
			}
			y += ln.h
		}
	}
}

// sessionLines are a session's lines in the booklet, and how many of
// them make its heading (the title and the first lines after it).
func (l *pdfLayouter) sessionLines(s *schedule.Session, width float64) ([]pdfLine, int) {
	var lines []pdfLine
	text := func(size float64, bold bool, c pdfRGB, dx float64, str string) pdfOp {
		return pdfOp{kind: pdfTextOp, x: dx, y: pdfBaseline(0, size), text: str, bold: bold, size: size, color: c}
	}
	title := pdfClean(textfmt.OneLine(s.Title))
	if title == "" {
		title = "(untitled)"
	}
	for _, t := range l.wrap(title, true, 12.5, width) {
		lines = append(lines, pdfLine{h: pdfLineH(12.5), ops: []pdfOp{text(12.5, true, pdfBlack, 0, t)}})
	}
	titleLines := len(lines)
	lines = append(lines, pdfLine{h: 3})

	const factS, labelS = 9.0, 8.0
	fact := func(label, value string) {
		value = pdfClean(strings.TrimSpace(value))
		if value == "" {
			return
		}
		for i, v := range l.wrap(value, false, factS, width-pdfLabelW) {
			ln := pdfLine{h: pdfLineH(factS), ops: []pdfOp{text(factS, false, pdfBlack, pdfLabelW, v)}}
			if i == 0 && label != "" {
				ln.ops = append(ln.ops, text(labelS, true, pdfGrey, 0, label))
			}
			lines = append(lines, ln)
		}
	}
	if s.Scheduled() {
		st := s.Start.In(l.loc)
		fact("When", pdfDayLabel(st)+", "+textfmt.TimeRange(s, l.loc)+", "+textfmt.ZoneLabel(st))
	} else {
		fact("When", "Not scheduled")
	}
	fact("Room", textfmt.OneLine(s.Room))
	fact("Type", textfmt.OneLine(s.Type))
	format := textfmt.OneLine(s.Format)
	if s.DeclaredMinutes > 0 {
		format = strings.TrimPrefix(format+" - ", " - ") + strconv.Itoa(s.DeclaredMinutes) + " Min"
	}
	fact("Format", format)
	fact("Session", textfmt.OneLine(s.ID))
	people := func(label string, ps ...*schedule.Person) {
		for _, p := range ps {
			if p == nil || (p.Name == "" && p.Organization == "") {
				continue
			}
			fact(label, textfmt.OneLine(feed.DescribePerson(*p)))
			label = ""
		}
	}
	ptrs := func(ps []schedule.Person) []*schedule.Person {
		out := make([]*schedule.Person, len(ps))
		for i := range ps {
			out[i] = &ps[i]
		}
		return out
	}
	people("Organisers", ptrs(s.Organizers)...)
	people("Speakers", ptrs(s.Speakers)...)
	people("On-site moderator", s.OnsiteModerator)
	people("Online moderator", s.OnlineModerator)
	people("Rapporteur", s.Rapporteur)

	if desc := pdfClean(strings.TrimSpace(s.Description)); desc != "" {
		lines = append(lines, pdfLine{h: 5, gap: true})
		for _, t := range l.wrap(desc, false, 9.5, width) {
			lines = append(lines, pdfLine{h: pdfLineH(9.5), ops: []pdfOp{text(9.5, false, pdfBlack, 0, t)}})
		}
	}
	return lines, min(titleLines+3, len(lines)) // the title, the gap and two lines
}
