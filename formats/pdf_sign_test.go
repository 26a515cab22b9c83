package formats

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
)

// busyRoomCSV is one room with a short day (three sessions), a day of n
// sessions with long titles and many speakers, and a session without a
// time.
func busyRoomCSV(t *testing.T, n int) string {
	var b strings.Builder
	b.WriteString("id,title,date,start,end,timezone,room,speakers\n")
	for i := range 3 {
		fmt.Fprintf(&b, "Q-%d,Quiet %d,2024-05-06,%02d:00,%02d:45,Europe/Berlin,Hall A,Speaker %d\n", i, i, 9+i, 9+i, i)
	}
	for i := range n {
		h, m := 8+i/4, (i%4)*15
		fmt.Fprintf(&b, "B-%d,Busy session %d with a title long enough to wrap over two lines of the sign,2024-05-07,%02d:%02d,%02d:%02d,Europe/Berlin,Hall A,\"Ana Lima %d\nBo Chen\nCara Diaz\nDee Evans\"\n", i, i, h, m, h, m+14, i)
	}
	b.WriteString("U-1,Sometime,,,,Europe/Berlin,Hall A,\n")
	path := filepath.Join(t.TempDir(), "busy.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// signPlan lays out the door sign of each room of p.
func signPlans(t *testing.T, p *schedule.Programme, paper string) map[string]*pdfDoc {
	t.Helper()
	parts, err := Split(p, "room", nil)
	if err != nil {
		t.Fatal(err)
	}
	plans := map[string]*pdfDoc{}
	for _, pt := range parts {
		q := *p
		q.Sessions = pt.Sessions
		_, doc, err := newPDFPlan(&q, WriteOptions{Now: exportTime, Paper: paper, Title: "IGF — " + pt.Name, DoorSign: &DoorSign{Room: pt.Name, Event: "IGF"}})
		if err != nil {
			t.Fatal(err)
		}
		checkSignPlan(t, &q, pt.Name, doc)
		plans[pt.Name] = doc
	}
	return plans
}

// checkSignPlan: every session of the room is on the sign once, on a
// portrait page of its day, its entry whole within the page's body and
// its text within its entry; entries do not overlap; the room's name is
// at the top of every page, and the footer names the event.
func checkSignPlan(t *testing.T, p *schedule.Programme, room string, doc *pdfDoc) {
	t.Helper()
	if !doc.sign {
		t.Fatal("not a door sign")
	}
	loc := feed.Location(p, nil)
	count := map[*schedule.Session]int{}
	bottom := doc.pageH - pdfSignFootRule
	for i, e := range doc.signs {
		count[e.s]++
		if e.page < 1 || e.page > len(doc.pages) {
			t.Fatalf("%s on page %d of %d", e.s.ID, e.page, len(doc.pages))
		}
		pg := doc.pages[e.page-1]
		want := "Not scheduled"
		if e.s.Scheduled() {
			want = pdfDayLabel(e.s.Start.In(loc))
		}
		if pg.section != want || pg.landscape {
			t.Errorf("%s: on page %d of %q (landscape %v), want %q", e.s.ID, e.page, pg.section, pg.landscape, want)
		}
		if e.y0 < pdfSignTop || e.y1 > bottom || e.y1 <= e.y0 {
			t.Errorf("%s: entry %.1f–%.1f leaves the body (to %.1f) of page %d", e.s.ID, e.y0, e.y1, bottom, e.page)
		}
		for _, f := range doc.signs[i+1:] {
			if f.page == e.page && f.y0 < e.y1 && e.y0 < f.y1 {
				t.Errorf("entries %s and %s overlap on page %d", e.s.ID, f.s.ID, e.page)
			}
		}
	}
	for _, s := range p.Sessions {
		if count[s] != 1 {
			t.Errorf("%s: %d times on the sign, want once", s.ID, count[s])
		}
	}
	for n, pg := range doc.pages {
		var top string
		var footer bool
		for _, op := range pg.ops {
			if op.kind != pdfTextOp {
				continue
			}
			if op.size >= pdfSignRoomMin {
				top += op.text + " "
			}
			if op.text == "IGF" && op.y > bottom {
				footer = true
			}
			// Text below the header is in one entry of this page or the footer.
			if op.y < doc.signs[0].y0 || op.y > bottom {
				continue
			}
			in := 0
			for _, e := range doc.signs {
				if e.page == n+1 && op.y > e.y0 && op.y <= e.y1+1e-6 {
					in++
				}
			}
			if in != 1 {
				t.Errorf("page %d: %q at y %.1f is in %d entries", n+1, op.text, op.y, in)
			}
		}
		if strings.TrimSpace(top) != room {
			t.Errorf("page %d: the top says %q, want %q", n+1, top, room)
		}
		if !footer {
			t.Errorf("page %d: no footer naming the event", n+1)
		}
	}
}

// TestPDFSignLayout: the sample's rooms each get a page a day at the
// largest type; a busy day is set smaller and then continues on another
// page, a quiet one keeps the largest type; sessions without a time get
// a page of their own.
func TestPDFSignLayout(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		p := readFile(t, sampleCSV, ReadOptions{})
		for room, doc := range signPlans(t, p, paper) {
			parts, _ := Split(p, "room", nil)
			for _, pt := range parts {
				if pt.Name == room {
					if days := len(feed.Days(pt.Sessions, feed.Location(p, nil))); len(doc.pages) != days {
						t.Errorf("%s (%s): %d pages for %d days", room, paper, len(doc.pages), days)
					}
				}
			}
		}
	}
	sizes := func(doc *pdfDoc, page int) map[float64]bool {
		out := map[float64]bool{}
		for _, e := range doc.signs {
			if e.page == page {
				for _, op := range doc.pages[page-1].ops {
					if op.kind == pdfTextOp && op.bold && op.y > e.y0 && op.y <= e.y1 {
						out[op.size] = true
					}
				}
			}
		}
		return out
	}
	for _, c := range []struct {
		n     int
		pages int     // for the busy day (0: more than one)
		size  float64 // its title size
	}{{8, 1, 0}, {30, 0, pdfSignSizes[len(pdfSignSizes)-1]}} {
		p := readFile(t, busyRoomCSV(t, c.n), ReadOptions{})
		doc := signPlans(t, p, "a4")["Hall A"]
		sections := map[string]int{}
		for _, pg := range doc.pages {
			sections[pg.section]++
		}
		if busy := sections["Tuesday 7 May 2024"]; sections["Monday 6 May 2024"] != 1 || sections["Not scheduled"] != 1 || (c.pages > 0 && busy != c.pages) || (c.pages == 0 && busy < 2) {
			t.Errorf("%d busy sessions: pages by day %v, want the busy day on %d", c.n, sections, c.pages)
		}
		if s := sizes(doc, 1); !s[pdfSignSizes[0]] || len(s) != 1 {
			t.Errorf("the quiet day's sizes %v, want %v", s, pdfSignSizes[0])
		}
		busy := sizes(doc, 2)
		if len(busy) != 1 || busy[pdfSignSizes[0]] || (c.size != 0 && !busy[c.size]) {
			t.Errorf("%d busy sessions: sizes %v, want one smaller than %v (%v)", c.n, busy, pdfSignSizes[0], c.size)
		}
		var heads []string
		for _, pg := range doc.pages {
			for _, op := range pg.ops {
				if op.kind == pdfTextOp && op.size == pdfSignDayS {
					heads = append(heads, op.text)
				}
			}
		}
		if c.pages != 1 && (heads[1] != "Tuesday 7 May 2024" || heads[2] != "Tuesday 7 May 2024 (continued)") {
			t.Errorf("day headings %q", heads)
		}
	}
}

// TestPDFSignSplitRealClients: --split-by room --format pdf writes a door
// sign per room that qpdf checks, whose text poppler reads, with a page
// per day the room has sessions on.
func TestPDFSignSplitRealClients(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	dir := filepath.Join(t.TempDir(), "rooms")
	paths, err := WriteSplit(dir, pdfFormat, p, "room", WriteOptions{Now: exportTime})
	if err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(t.TempDir(), "again")
	if _, err := WriteSplit(again, pdfFormat, p, "room", WriteOptions{Now: exportTime}); err != nil {
		t.Fatal(err)
	}
	parts, _ := Split(p, "room", nil)
	if len(paths) != len(parts)+1 {
		t.Fatalf("%d files for %d rooms", len(paths), len(parts))
	}
	for i, pt := range parts {
		path := paths[i]
		a, _ := os.ReadFile(path)
		b, _ := os.ReadFile(filepath.Join(again, filepath.Base(path)))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s: two writes differ, or empty", path)
		}
		if out := pdfClient(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check %s:\n%s", path, out)
		}
		info := pdfClient(t, "pdfinfo", path)
		m := regexp.MustCompile(`Pages: +(\d+)`).FindStringSubmatch(info)
		days := len(feed.Days(pt.Sessions, feed.Location(p, nil)))
		if m == nil || m[1] != strconv.Itoa(days) {
			t.Errorf("%s: pdfinfo %v pages, want %d (a page per day)", path, m, days)
		}
		if !strings.Contains(info, "Door sign") {
			t.Errorf("%s: the subject is not a door sign:\n%s", path, info)
		}
		text := spaces.ReplaceAllString(pdfClient(t, "pdftotext", "-enc", "UTF-8", path, "-"), " ")
		want := []string{pt.Name, "Programme"}
		for _, s := range pt.Sessions {
			want = append(want, pdfClean(s.Title), s.Start.In(feed.Location(p, nil)).Format("15:04"))
			for _, sp := range s.Speakers {
				want = append(want, pdfClean(sp.Name))
			}
		}
		if filepath.Base(path) == "main-hall.pdf" {
			want = append(want, "Main Hall", "Opening Ceremony", "09:00")
		}
		for _, w := range want {
			if w = spaces.ReplaceAllString(strings.TrimSpace(w), " "); !strings.Contains(text, w) {
				t.Errorf("%s: pdftotext lacks %q", filepath.Base(path), w)
			}
		}
	}
}
