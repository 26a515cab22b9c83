package formats

import (
	"slices"
	"strconv"
	"strings"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/schedule"
)

// The pdf export as a door sign (WriteOptions.DoorSign, which the split
// export by room sets): for a room, one portrait page per day it has
// sessions on, the room's name very large at the top, the day, then each
// session of the day in large type: its time, its title in bold and its
// speakers on a smaller line. A day whose sessions do not fit one page at
// the largest type is set smaller, down to a floor, and past the floor
// goes on to another page; a session's entry is never split across pages.
// Sessions without a time come last, on a page of their own. Every page
// has a footer with the event's title and the page number.

// Door sign geometry.
const (
	pdfSignMargin   = 48.0
	pdfSignTop      = 40.0
	pdfSignRoomMax  = 54.0 // the room's name, at most two lines...
	pdfSignRoomMin  = 28.0 // ...set smaller down to this before it is cut
	pdfSignDayS     = 22.0
	pdfSignNoteS    = 10.0
	pdfSignFooterS  = 10.0
	pdfSignFootRule = 46.0 // the footer's rule, from the bottom of the page
	pdfSignFootBase = 30.0 // the footer's baseline, from the bottom
	pdfSignTitleMax = 6    // lines of a title, the last cut with "…"
	pdfSignSpkMax   = 3    // lines of the speakers
	pdfSignTimeMaxW = 0.36 // of the width: a wider time goes on two lines
)

// pdfSignSizes are the sizes a day's entries are tried at, largest first:
// the last is the floor, past which the day goes on to another page.
var pdfSignSizes = []float64{24, 22, 20, 18, 16, 14}

// pdfSignSpeakerSize is the speakers' size beside a title of size.
func pdfSignSpeakerSize(size float64) float64 { return max(size*0.6, 9) }

// pdfSignEntry is a session on a door sign, laid out at one size.
type pdfSignEntry struct {
	s            *schedule.Session
	size         float64
	time         []string
	title, spk   []string
	timeW, textX float64 // the time column's width; the title's x from the left margin
	h            float64
}

// pdfSignLayout lays out p as the door sign of o.DoorSign's room.
func pdfSignLayout(p *schedule.Programme, o WriteOptions, pageW, pageH float64, measure pdfMeasure) *pdfDoc {
	loc := feed.Location(p, o.Loc)
	ss := slices.Clone(p.Sessions)
	schedule.Sort(ss)
	days := feed.Days(ss, loc)
	doc := &pdfDoc{pageW: pageW, pageH: pageH, sign: true, title: pdfClean(textfmt.OneLine(feed.Title(p, o.Title)))}
	if len(days) > 0 || p.FirstDay != "" || p.LastDay != "" {
		first, last := feed.DateRange(p, days, o.Now, loc)
		doc.dates = htmlDateRange(first, last)
	}
	l := &pdfLayouter{doc: doc, measure: measure, loc: loc}
	room := pdfClean(textfmt.OneLine(o.DoorSign.Room))
	if room == "" {
		room = "No room"
	}
	event := pdfClean(textfmt.OneLine(o.DoorSign.Event))
	x, right := pdfSignMargin, pageW-pdfSignMargin
	width := right - x

	// The room's name: the largest size that holds it in two lines
	// without cutting a word, else the least, cut after two lines.
	roomSize := pdfSignRoomMin
	for size := pdfSignRoomMax; size > pdfSignRoomMin; size -= 2 {
		if lines := l.wrap(room, true, size, width); len(lines) <= 2 && !pdfCutsWord(room, lines) {
			roomSize = size
			break
		}
	}
	roomLines := l.wrap(room, true, roomSize, width)
	if len(roomLines) > 2 {
		roomLines = roomLines[:2]
		roomLines[1] = l.ellipsize(roomLines[1]+"…", true, roomSize, width)
	}

	// head starts a page of a day: the room, the day and its zone, a rule;
	// it returns the page and the y its entries start at.
	head := func(label, note string, cont bool) (*pdfPage, float64) {
		pg := l.newPage(false, label)
		y := pdfSignTop
		for _, line := range roomLines {
			pg.text(x, pdfBaseline(y, roomSize), line, true, roomSize, pdfBlack)
			y += pdfLineH(roomSize)
		}
		y += 8
		day := label
		if cont {
			day += " (continued)"
		}
		for _, line := range l.wrap(day, true, pdfSignDayS, width) {
			pg.text(x, pdfBaseline(y, pdfSignDayS), line, true, pdfSignDayS, pdfBlack)
			y += pdfLineH(pdfSignDayS)
		}
		if note != "" {
			y += 2
			pg.text(x, pdfBaseline(y, pdfSignNoteS), note, false, pdfSignNoteS, pdfGrey)
			y += pdfLineH(pdfSignNoteS)
		}
		y += 8
		pg.rect(x, y, width, 2, "F", pdfBlack, pdfRGB{})
		return pg, y + 2 + 14
	}
	bottom := pageH - pdfSignFootRule - 10

	type signDay struct {
		date, label, note string
		ss                []*schedule.Session
	}
	var sdays []signDay
	for _, d := range days {
		t := d.Start.In(loc)
		sdays = append(sdays, signDay{d.Date, pdfDayLabel(t), "Times in " + textfmt.ZoneLabel(t), d.Sessions})
	}
	var unscheduled []*schedule.Session
	for _, s := range ss {
		if !s.Scheduled() {
			unscheduled = append(unscheduled, s)
		}
	}
	if len(unscheduled) > 0 {
		sdays = append(sdays, signDay{"", "Not scheduled", "", unscheduled})
	}

	for _, d := range sdays {
		pg, top := head(d.label, d.note, false)
		pg.marks = append(pg.marks, pdfBookmark{text: d.label, level: 0, y: 0})
		// The largest size at which the day fits its page, else the floor.
		var entries []pdfSignEntry
		for _, size := range pdfSignSizes {
			entries = l.signEntries(d.ss, size, width)
			if pdfSignHeight(entries) <= bottom-top+1e-6 {
				break
			}
		}
		y := top
		for i, e := range entries {
			gap := pdfSignGap(e.size)
			if i > 0 {
				if y+gap+e.h > bottom+1e-6 {
					pg, y = head(d.label, d.note, true)
				} else {
					pg.line(x, y+gap/2, right, y+gap/2, pdfRule)
					y += gap
				}
			}
			l.signEntry(pg, e, x, y)
			l.doc.signs = append(l.doc.signs, pdfPlaced{s: e.s, day: d.date, page: len(doc.pages), x0: x, x1: right, y0: y, y1: y + e.h})
			y += e.h
		}
	}
	if len(doc.pages) == 0 {
		head("No sessions", "", false)
	}

	// The footer: the event, and the page.
	total := strconv.Itoa(len(doc.pages))
	for i, pg := range doc.pages {
		rule := pageH - pdfSignFootRule
		pg.line(x, rule, right, rule, pdfRule)
		num := "Page " + strconv.Itoa(i+1) + " of " + total
		nw := l.measure(num, false, pdfSignFooterS)
		base := pageH - pdfSignFootBase
		pg.text(right-nw, base, num, false, pdfSignFooterS, pdfGrey)
		pg.text(x, base, l.ellipsize(event, false, pdfSignFooterS, width-nw-16), false, pdfSignFooterS, pdfGrey)
	}
	return doc
}

// pdfCutsWord reports whether wrapping text into lines cut a word.
func pdfCutsWord(text string, lines []string) bool {
	for _, line := range lines {
		for _, w := range strings.Fields(line) {
			if !slices.Contains(strings.Fields(text), w) {
				return true
			}
		}
	}
	return false
}

// pdfSignGap is the space between two entries of size.
func pdfSignGap(size float64) float64 { return size * 0.8 }

// pdfSignHeight is the height of entries one after another.
func pdfSignHeight(entries []pdfSignEntry) float64 {
	h := 0.0
	for i, e := range entries {
		if i > 0 {
			h += pdfSignGap(e.size)
		}
		h += e.h
	}
	return h
}

// signEntries lays out sessions at size in width: a time column as wide
// as the widest time (at most pdfSignTimeMaxW of the width), then the
// title and the speakers.
func (l *pdfLayouter) signEntries(ss []*schedule.Session, size, width float64) []pdfSignEntry {
	spkS := pdfSignSpeakerSize(size)
	maxTime := width * pdfSignTimeMaxW
	entries := make([]pdfSignEntry, len(ss))
	timeW := 0.0
	for i, s := range ss {
		e := pdfSignEntry{s: s, size: size}
		if tr := textfmt.TimeRange(s, l.loc); tr != "" {
			e.time = []string{tr}
			if l.measure(tr, true, size) > maxTime {
				// 09:00– / Oct 11 01:00
				start, end, _ := strings.Cut(tr, "–")
				e.time = []string{start + "–", l.ellipsize(end, true, size, maxTime)}
			}
		}
		for _, t := range e.time {
			timeW = max(timeW, l.measure(t, true, size))
		}
		entries[i] = e
	}
	textX := 0.0
	if timeW > 0 {
		textX = timeW + size*0.8
	}
	textW := width - textX
	for i := range entries {
		e := &entries[i]
		e.timeW, e.textX = timeW, textX
		title := pdfClean(textfmt.OneLine(e.s.Title))
		if title == "" {
			title = "(untitled)"
		}
		e.title = pdfCap(l, l.wrap(title, true, size, textW), pdfSignTitleMax, true, size, textW)
		if names := pdfSpeakerNames(e.s); names != "" {
			e.spk = pdfCap(l, l.wrap(names, false, spkS, textW), pdfSignSpkMax, false, spkS, textW)
		}
		text := float64(len(e.title)) * pdfLineH(size)
		if len(e.spk) > 0 {
			text += 3 + float64(len(e.spk))*pdfLineH(spkS)
		}
		e.h = max(text, float64(len(e.time))*pdfLineH(size))
	}
	return entries
}

// pdfCap keeps at most n lines, the last cut with "…" when more were left.
func pdfCap(l *pdfLayouter, lines []string, n int, bold bool, size, width float64) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] = l.ellipsize(lines[n-1]+"…", bold, size, width)
	return lines
}

// signEntry draws an entry with its top at x, y.
func (l *pdfLayouter) signEntry(pg *pdfPage, e pdfSignEntry, x, y float64) {
	for i, t := range e.time {
		pg.text(x, pdfBaseline(y+float64(i)*pdfLineH(e.size), e.size), t, true, e.size, pdfBlack)
	}
	tx := x + e.textX
	for _, t := range e.title {
		pg.text(tx, pdfBaseline(y, e.size), t, true, e.size, pdfBlack)
		y += pdfLineH(e.size)
	}
	if len(e.spk) > 0 {
		y += 3
		spkS := pdfSignSpeakerSize(e.size)
		for _, t := range e.spk {
			pg.text(tx, pdfBaseline(y, spkS), t, false, spkS, pdfGrey)
			y += pdfLineH(spkS)
		}
	}
}
