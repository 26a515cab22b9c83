package formats

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/synth"
)

func writePDFBytes(t testing.TB, p *schedule.Programme, o WriteOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writePDF(&b, p, o); err != nil {
		t.Fatalf("writing pdf: %v", err)
	}
	return b.Bytes()
}

// TestPDFDeterministic: the same programme gives the same bytes, with the
// export's time and without one.
func TestPDFDeterministic(t *testing.T) {
	for _, o := range []WriteOptions{{Now: exportTime}, {}, {Paper: "letter"}} {
		a := writePDFBytes(t, readFile(t, sampleCSV, ReadOptions{}), o)
		b := writePDFBytes(t, readFile(t, sampleCSV, ReadOptions{}), o)
		if !bytes.HasPrefix(a, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(a), []byte("%%EOF")) {
			t.Fatalf("not a PDF: %.40q … %.40q", a, a[max(0, len(a)-40):])
		}
		if !bytes.Equal(a, b) {
			t.Errorf("two writes of the sample (%+v) differ (%d and %d bytes)", o, len(a), len(b))
		}
	}
	// The render through the registry is the same writer.
	if got := render(t, "pdf", readFile(t, sampleCSV, ReadOptions{})); got != string(writePDFBytes(t, readFile(t, sampleCSV, ReadOptions{}), WriteOptions{})) {
		t.Error("the pdf format's Write is not writePDF")
	}
}

func TestPDFPaper(t *testing.T) {
	for _, ok := range []string{"", "a4", "A4", "letter"} {
		if err := CheckPaper(ok); err != nil {
			t.Errorf("CheckPaper(%q): %v", ok, err)
		}
	}
	if err := CheckPaper("a3"); err == nil || !strings.Contains(err.Error(), "a4, letter") {
		t.Errorf("CheckPaper(a3) = %v, want an error naming the valid papers", err)
	}
	var b bytes.Buffer
	if err := writePDF(&b, readFile(t, sampleCSV, ReadOptions{}), WriteOptions{Paper: "tabloid"}); err == nil {
		t.Error("an unknown paper was written")
	}
}

// longDayCSV is a programme that stresses the grid: a day of twenty
// hours in one room, a six-hour session beside it, clashing sessions in
// a third room, and fourteen rooms on the next day.
func longDayCSV(t *testing.T) string {
	var b strings.Builder
	b.WriteString("id,title,date,start,end,timezone,room,speakers\n")
	n := 0
	row := func(date, start, end, room, title string) {
		n++
		fmt.Fprintf(&b, "L-%d,%s,%s,%s,%s,Europe/Berlin,%s,Speaker %d\n", n, title, date, start, end, room, n)
	}
	for h := 2; h < 22; h++ {
		for _, m := range []string{"00", "30"} {
			end := fmt.Sprintf("%02d:%02d", h, map[string]int{"00": 30, "30": 60}[m])
			if m == "30" {
				end = fmt.Sprintf("%02d:00", h+1)
			}
			row("2024-05-06", fmt.Sprintf("%02d:%s", h, m), end, "Hall A", "Half hour at "+strconv.Itoa(h)+m+" with a title long enough to wrap over several lines of its block")
		}
	}
	row("2024-05-06", "08:00", "14:00", "Hall B", "Six hours")
	row("2024-05-06", "09:00", "11:00", "Hall C", "Clash one")
	row("2024-05-06", "10:00", "12:00", "Hall C", "Clash two")
	row("2024-05-06", "10:30", "10:45", "Hall C", "Clash three")
	for r := 1; r <= 14; r++ {
		row("2024-05-07", "09:00", "10:00", fmt.Sprintf("Room %02d", r), "Morning in room "+strconv.Itoa(r))
		row("2024-05-07", "10:15", "12:00", fmt.Sprintf("Room %02d", r), "Late morning in room "+strconv.Itoa(r))
	}
	path := filepath.Join(t.TempDir(), "long.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func synthCSV(t *testing.T, n int) string {
	path := filepath.Join(t.TempDir(), "synth.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.WriteCSV(f, n, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPDFLayoutPlacesEveryBlockWhole checks the layout's placements: every
// scheduled session has one block in its day's grid, on a landscape page
// of that day, inside the page's body and no taller than it; every session
// has its heading and first lines on one portrait page of the booklet.
func TestPDFLayoutPlacesEveryBlockWhole(t *testing.T) {
	cases := map[string]string{"sample": sampleCSV, "long day": longDayCSV(t), "synthetic": synthCSV(t, 300)}
	for name, path := range cases {
		for _, paper := range []string{"a4", "letter"} {
			t.Run(name+"/"+paper, func(t *testing.T) {
				p := readFile(t, path, ReadOptions{})
				_, doc, err := newPDFPlan(p, WriteOptions{Now: exportTime, Paper: paper})
				if err != nil {
					t.Fatal(err)
				}
				checkPDFPlan(t, p, doc)
			})
		}
	}
}

func checkPDFPlan(t *testing.T, p *schedule.Programme, doc *pdfDoc) {
	t.Helper()
	pageOf := func(n int) *pdfPage {
		if n < 1 || n > len(doc.pages) {
			t.Fatalf("page %d of %d", n, len(doc.pages))
		}
		return doc.pages[n-1]
	}
	loc := feed.Location(p, nil)
	gridCount := map[*schedule.Session]int{}
	for _, b := range doc.grid {
		gridCount[b.s]++
		pg := pageOf(b.page)
		bottom := doc.pageW - pdfBottomMargin
		if !pg.landscape {
			t.Errorf("%s: block on portrait page %d", b.s.ID, b.page)
		}
		if b.y0 < pdfBodyTop || b.y1 > bottom+1e-6 || b.y1 <= b.y0 || b.y1-b.y0 > bottom-pdfBodyTop {
			t.Errorf("%s: block y %.1f–%.1f on page %d is not within the body %.1f–%.1f", b.s.ID, b.y0, b.y1, b.page, pdfBodyTop, bottom)
		}
		if b.x0 < pdfMargin || b.x1 > doc.pageH-pdfMargin || b.x1 <= b.x0 {
			t.Errorf("%s: block x %.1f–%.1f outside the page", b.s.ID, b.x0, b.x1)
		}
		if want := b.s.Start.In(loc).Format("2006-01-02"); b.day != want {
			t.Errorf("%s: in the grid of %s, starts on %s", b.s.ID, b.day, want)
		}
		if !strings.HasPrefix(pg.section, b.s.Start.In(loc).Format("Monday 2 January 2006")) {
			t.Errorf("%s: on page %d of %q", b.s.ID, b.page, pg.section)
		}
	}
	bookCount := map[*schedule.Session]int{}
	for _, b := range doc.booklet {
		bookCount[b.s]++
		pg := pageOf(b.page)
		if pg.landscape || b.y0 < pdfBodyTop || b.y1 > doc.pageH-pdfBottomMargin+1e-6 || b.y1 <= b.y0 {
			t.Errorf("%s: booklet heading %.1f–%.1f on page %d (landscape %v) leaves the body", b.s.ID, b.y0, b.y1, b.page, pg.landscape)
		}
	}
	scheduled := 0
	for _, s := range p.Sessions {
		if s.Scheduled() {
			scheduled++
			if gridCount[s] != 1 {
				t.Errorf("%s: placed %d times in the grids, want once", s.ID, gridCount[s])
			}
		}
		if bookCount[s] != 1 {
			t.Errorf("%s: %d times in the booklet, want once", s.ID, bookCount[s])
		}
	}
	if len(doc.grid) != scheduled {
		t.Errorf("%d blocks for %d scheduled sessions", len(doc.grid), scheduled)
	}
	// Two blocks on one page never overlap.
	for i, a := range doc.grid {
		for _, b := range doc.grid[i+1:] {
			if a.page == b.page && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				t.Errorf("blocks %s and %s overlap on page %d", a.s.ID, b.s.ID, a.page)
			}
		}
	}
}

// TestPDFCleanKeepsScripts: Latin with accents (Vietnamese too), Greek and
// Cyrillic are in the font and stay as they are; what the font lacks becomes its
// nearest letter or U+FFFD, never a character fpdf cannot write.
func TestPDFCleanKeepsScripts(t *testing.T) {
	for in, want := range map[string]string{
		"Ελληνικά Кириллица Núñez": "Ελληνικά Кириллица Núñez",
		"Łódź, Ærøskøbing, ăąćđ":   "Łódź, Ærøskøbing, ăąćđ",
		"Trần Thị Hoa":             "Trần Thị Hoa", // Vietnamese, which the Go fonts lacked
		"tab\there\r\nline":        "tab here\nline",
		"emoji 😀 and 中文":           "emoji \uFFFD and \uFFFD\uFFFD",
		"bad \xff byte":            "bad \uFFFD byte",
	} {
		if got := pdfClean(in); got != want {
			t.Errorf("pdfClean(%q) = %q, want %q", in, got, want)
		}
	}
}

// pdfClient runs a poppler or qpdf tool, skipping the test when it is not
// installed.
func pdfClient(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (apt-get install poppler-utils qpdf)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func writePDFFile(t *testing.T, p *schedule.Programme, o WriteOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "programme.pdf")
	if err := os.WriteFile(path, writePDFBytes(t, p, o), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var spaces = regexp.MustCompile(`\s+`)

// TestPDFRealClients reads the sample's PDF with qpdf and poppler: the
// file checks, every title, speaker and room is text in it, the fonts are
// embedded, and the pages have the paper's size.
func TestPDFRealClients(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	path := writePDFFile(t, p, WriteOptions{Now: exportTime})
	t.Run("qpdf", func(t *testing.T) {
		out := pdfClient(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	})
	t.Run("pdftotext", func(t *testing.T) {
		text := spaces.ReplaceAllString(pdfClient(t, "pdftotext", "-enc", "UTF-8", path, "-"), " ")
		for _, s := range p.Sessions {
			want := []string{s.Title, s.Room}
			for _, sp := range s.Speakers {
				want = append(want, sp.Name)
			}
			for _, w := range want {
				// As the document writes it: one line, in the font's letters.
				if w = spaces.ReplaceAllString(pdfClean(strings.TrimSpace(w)), " "); w != "" && !strings.Contains(text, w) {
					t.Errorf("pdftotext lacks %q (session %s)", w, s.ID)
				}
			}
		}
	})
	t.Run("pdffonts", func(t *testing.T) {
		out := pdfClient(t, "pdffonts", path)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 4 {
			t.Fatalf("pdffonts lists no two fonts:\n%s", out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			if len(f) < 7 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", l)
			}
		}
	})
	for _, paper := range []struct {
		name string
		w, h string
	}{{"a4", "595.28", "841.89"}, {"letter", "612", "792"}} {
		t.Run("pdfinfo/"+paper.name, func(t *testing.T) {
			path := writePDFFile(t, p, WriteOptions{Now: exportTime, Paper: paper.name})
			_, doc, err := newPDFPlan(p, WriteOptions{Now: exportTime, Paper: paper.name})
			if err != nil {
				t.Fatal(err)
			}
			out := pdfClient(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(len(doc.pages)), path)
			sizes := regexp.MustCompile(`Page +(\d+) size: +([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(out, -1)
			if len(sizes) != len(doc.pages) {
				t.Fatalf("pdfinfo shows %d page sizes for %d pages:\n%s", len(sizes), len(doc.pages), out)
			}
			for _, m := range sizes {
				n, _ := strconv.Atoi(m[1])
				want := paper.w + " x " + paper.h
				if doc.pages[n-1].landscape {
					want = paper.h + " x " + paper.w
				}
				if got := m[2] + " x " + m[3]; got != want {
					t.Errorf("page %d is %s pts, want %s", n, got, want)
				}
			}
			if !doc.pages[doc.gridPages[0][0]-1].landscape || doc.pages[0].landscape {
				t.Error("the contents should be portrait and the grids landscape")
			}
		})
	}
}

// TestPDFScriptsAreText: Greek, Cyrillic and accented Latin come back
// from pdftotext as written.
func TestPDFScriptsAreText(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	const words = "Ελληνικά Кириллица Núñez"
	p.Sessions[0].Title = words
	p.Sessions[1].Speakers[0].Name = "Ελένη Παπαδοπούλου"
	text := spaces.ReplaceAllString(pdfClient(t, "pdftotext", "-enc", "UTF-8", writePDFFile(t, p, WriteOptions{}), "-"), " ")
	for _, w := range []string{words, "Ελένη Παπαδοπούλου"} {
		if !strings.Contains(text, w) {
			t.Errorf("pdftotext lacks %q", w)
		}
	}
}

// BenchmarkPDF writes a 1,000-session programme as a PDF.
func BenchmarkPDF(b *testing.B) {
	p, err := ReadProgramme(Input{Name: "big.csv", Path: bigCSV(b, 1000)}, ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var out bytes.Buffer
		if err := writePDF(&out, p, WriteOptions{Now: exportTime}); err != nil {
			b.Fatal(err)
		}
		size = out.Len()
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB/pdf")
}
