package summaryview

import (
	"io"
	"strings"
	"unicode"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/docket-forum/docket/internal/schedule"
)

// The helpers in this file are private copies of package formats' own, so
// that this package need not import formats; the terminal tables and text
// helpers are moving to packages of their own at the same time, and the
// copies go once those land.

// TODO(dedupe): same as formats' boxTable (table.go), drawn the same way:
// a table of fixed column widths with box-drawing characters or ASCII,
// cells holding one or more lines.
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

// TODO(dedupe): same as formats' TableOptions.newTable (table.go), which
// only reads the ASCII option.
func newBoxTable(w io.Writer, ascii bool, widths []int) *boxTable {
	sym := boxLight
	if ascii {
		sym = boxASCII
	}
	return &boxTable{w: w, widths: widths, sym: sym}
}

// Header sets the table's head row, drawn above a rule.
func (t *boxTable) Header(cells ...string) { t.header = cells }

// Append adds a row; the error is always nil, kept so that the copy has
// formats' signature.
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

// TODO(dedupe): same as formats' displayWidth (table.go).
func displayWidth(s string) int { return twwidth.Width(s) }

// TODO(dedupe): same as formats' mdEscaper (markdown.go). It makes user
// text inert in GitHub Markdown: no links, emphasis, HTML or table breaks
// can come from a room's name.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`, "&", "&amp;",
)

// TODO(dedupe): same as formats' mdText (markdown.go).
func mdText(s string) string { return mdEscaper.Replace(s) }

// TODO(dedupe): same as formats' mdCell (markdown.go). Line breaks
// become <br>, which GitHub renders inside a cell, instead of ending the
// row.
func mdCell(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = mdText(strings.TrimSpace(l))
	}
	return strings.Join(lines, "<br>")
}

// TODO(dedupe): same as formats' htmlClean (html.go). It makes user text
// safe to print as HTML text (html/template escapes it; this removes what
// no escaping can represent): invalid UTF-8 and control characters other
// than line breaks and tabs become U+FFFD, CRLF becomes LF.
func htmlClean(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return '\uFFFD'
		}
		return r
	}, s)
}

// TODO(dedupe): same as formats' htmlParticipation (html.go): how a page
// writes a participation value.
func htmlParticipation(p string) string {
	switch p {
	case schedule.Onsite:
		return "on-site"
	case schedule.Online:
		return "online"
	}
	return htmlClean(p)
}
