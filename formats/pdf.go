package formats

import (
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
)

// The fonts of the document: DejaVu Sans, as its authors publish it.
var (
	//go:embed fonts/DejaVuSans.ttf
	pdfFontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	pdfFontBold []byte
)

// The pdf export: a printed programme. Page 1 is the table of contents
// (the event, its days, and for each day the page of its grid and of its
// sessions); then a landscape grid per day, rooms across and time down,
// a session a block spanning its time, never split across pages; then,
// in portrait, a booklet of every session with its time, room, type,
// persons and description. Every page has a running header with the
// event's title, its dates, the day and the page number.
//
// The text is real text in DejaVu Sans and DejaVu Sans Bold (fonts/,
// unmodified, embedded in the document as subsets; their licence is
// fonts/LICENSE-DejaVu), which cover Latin with every accent the IGF's
// names carry (Vietnamese included, which the Go fonts lack), Greek and
// Cyrillic; a character they lack is written as U+FFFD. The layout is in pdf_layout.go; this file measures with fpdf
// and draws what the layout placed.
//
// The output is a function of the input: the dates in the document are
// the export's time (WriteOptions.Now) or, without one, the programme's
// first day, and fpdf sorts its catalogues.

// Papers are the paper sizes the pdf export knows (WriteOptions.Paper).
var Papers = []string{"a4", "letter"}

// pdfPaper is a paper's portrait width and height in points.
func pdfPaper(name string) (w, h float64, err error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "a4":
		return 595.28, 841.89, nil
	case "letter":
		return 612, 792, nil
	}
	return 0, 0, fmt.Errorf("unknown paper %q (valid: %s)", name, strings.Join(Papers, ", "))
}

// CheckPaper reports whether name is a paper size the pdf export knows.
func CheckPaper(name string) error {
	_, _, err := pdfPaper(name)
	return err
}

// pdfFamily is the embedded font's family name in the document.
const pdfFamily = "DejaVuSans"

func writePDF(w io.Writer, p *schedule.Programme, o WriteOptions) error {
	pdf, doc, err := newPDFPlan(p, o)
	if err != nil {
		return err
	}
	if err := pdfRender(pdf, doc); err != nil {
		return err
	}
	return pdf.Output(w)
}

// newPDFPlan makes the document with its fonts and metadata and lays the
// programme out in it.
func newPDFPlan(p *schedule.Programme, o WriteOptions) (*fpdf.Fpdf, *pdfDoc, error) {
	pw, ph, err := pdfPaper(o.Paper)
	if err != nil {
		return nil, nil, err
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: pw, Ht: ph}})
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(pdfMargin, pdfBodyTop, pdfMargin)
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes(pdfFamily, "", pdfFontRegular)
	pdf.AddUTF8FontFromBytes(pdfFamily, "B", pdfFontBold)
	if err := pdf.Error(); err != nil {
		return nil, nil, fmt.Errorf("pdf: loading the font: %w", err)
	}
	measure := func(s string, bold bool, size float64) float64 {
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont(pdfFamily, style, size)
		return pdf.GetStringWidth(s)
	}
	var doc *pdfDoc
	if o.DoorSign != nil {
		doc = pdfSignLayout(p, o, pw, ph, measure)
	} else {
		doc = pdfLayout(p, o, pw, ph, measure)
	}

	stamp := o.Now
	if stamp.IsZero() {
		loc := feed.Location(p, o.Loc)
		stamp, _ = feed.DateRange(p, feed.Days(p.Sessions, loc), time.Time{}, loc)
	}
	stamp = stamp.UTC().Truncate(time.Second)
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetTitle(doc.title, true)
	switch {
	case doc.sign && doc.dates != "":
		pdf.SetSubject("Door sign, "+doc.dates, true)
	case doc.sign:
		pdf.SetSubject("Door sign", true)
	case doc.dates != "":
		pdf.SetSubject("Programme, "+doc.dates, true)
	}
	pdf.SetCreator("docket", true)
	pdf.SetProducer("docket (fpdf)", true)
	return pdf, doc, nil
}

// pdfRender draws the laid-out pages.
func pdfRender(pdf *fpdf.Fpdf, doc *pdfDoc) error {
	total := strconv.Itoa(len(doc.pages))
	var font struct {
		bold bool
		size float64
	}
	setFont := func(bold bool, size float64) {
		if font.bold == bold && font.size == size {
			return
		}
		font.bold, font.size = bold, size
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont(pdfFamily, style, size)
	}
	var color pdfRGB
	setText := func(c pdfRGB) {
		if c != color {
			color = c
			pdf.SetTextColor(int(c.r), int(c.g), int(c.b))
		}
	}
	for i, pg := range doc.pages {
		orient, w := "P", doc.pageW
		if pg.landscape {
			orient, w = "L", doc.pageH
		}
		pdf.AddPageFormat(orient, fpdf.SizeType{Wd: doc.pageW, Ht: doc.pageH})
		// AddPageFormat sets the font again: the next SetFont must not be skipped.
		font.size, color = 0, pdfRGB{}
		pdf.SetTextColor(0, 0, 0)
		pdf.SetLineWidth(0.5)

		// The running header: the event and its dates, the section and the
		// page; a door sign has a footer instead (pdf_sign.go).
		if !doc.sign {
			right := "Page " + strconv.Itoa(i+1) + " of " + total
			if pg.section != "" {
				right = pg.section + " · " + right
			}
			setFont(false, 8)
			setText(pdfGrey)
			rw := pdf.GetStringWidth(right)
			pdf.Text(w-pdfMargin-rw, pdfHeaderBase, right)
			left := doc.title
			if doc.dates != "" {
				left += " · " + doc.dates
			}
			left = pdfFit(pdf, left, w-2*pdfMargin-rw-16)
			pdf.Text(pdfMargin, pdfHeaderBase, left)
			pdf.SetDrawColor(int(pdfRule.r), int(pdfRule.g), int(pdfRule.b))
			pdf.Line(pdfMargin, pdfHeaderRule, w-pdfMargin, pdfHeaderRule)
		}

		for _, m := range pg.marks {
			setFont(false, 8)
			pdf.Bookmark(m.text, m.level, m.y)
		}
		for _, op := range pg.ops {
			switch op.kind {
			case pdfTextOp:
				setFont(op.bold, op.size)
				setText(op.color)
				pdf.Text(op.x, op.y, op.text)
			case pdfRectOp:
				pdf.SetFillColor(int(op.fill.r), int(op.fill.g), int(op.fill.b))
				pdf.SetDrawColor(int(op.color.r), int(op.color.g), int(op.color.b))
				pdf.Rect(op.x, op.y, op.w, op.h, op.style)
			case pdfLineOp:
				pdf.SetDrawColor(int(op.color.r), int(op.color.g), int(op.color.b))
				pdf.Line(op.x, op.y, op.x+op.w, op.y+op.h)
			case pdfLinkOp:
				if op.target.page > 0 {
					id := pdf.AddLink()
					pdf.SetLink(id, op.target.y, op.target.page)
					pdf.Link(op.x, op.y, op.w, op.h, id)
				}
			}
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// pdfFit shortens s with "…" to fit width in the current font.
func pdfFit(pdf *fpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		if t := strings.TrimRight(string(rs), " ") + "…"; pdf.GetStringWidth(t) <= width {
			return t
		}
	}
	return ""
}

// pdfGlyphs has a bit set for every character of the Basic Multilingual
// Plane that the fonts draw (Regular and Bold cover nearly the same
// ones; Regular decides).
var pdfGlyphs = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	f, err := sfnt.Parse(pdfFontRegular)
	if err != nil {
		panic("pdf: the Go font does not parse: " + err.Error())
	}
	var buf sfnt.Buffer
	for r := rune(0); r < 1<<16; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

// pdfClean makes user text printable in the document: invalid UTF-8, a
// control character and a character the font lacks become U+FFFD (fpdf
// writes only the Basic Multilingual Plane), CRLF a newline and a tab a
// space; newlines stay, for the layout to break lines at.
func pdfClean(s string) string {
	clean := true
	for _, r := range s {
		if r >= 0x7f || (r < 0x20 && r != '\n') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	glyphs := pdfGlyphs()
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x7f && r >= 0x20:
			return r
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return '\uFFFD'
		case !pdfHasGlyph(glyphs, r):
			return pdfNearest(glyphs, r)
		}
		return r
	}, s)
}

func pdfHasGlyph(glyphs *[1 << 16 / 64]uint64, r rune) bool {
	return r >= 0 && r < 1<<16 && glyphs[r/64]&(1<<(r%64)) != 0
}

// pdfNearest is the letter the font has that comes nearest r: r with as
// many of its accents as the font has a letter for, else U+FFFD: for a
// rare letter that DejaVu Sans lacks.
func pdfNearest(glyphs *[1 << 16 / 64]uint64, r rune) rune {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) < 2 || !pdfHasGlyph(glyphs, d[0]) {
		return '\uFFFD'
	}
	best := d[0]
	for i := 2; i <= len(d); i++ {
		c := []rune(norm.NFC.String(string(d[:i])))
		if len(c) == 1 && pdfHasGlyph(glyphs, c[0]) {
			best = c[0]
		}
	}
	return best
}
