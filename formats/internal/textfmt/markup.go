package textfmt

import (
	"strings"
	"unicode"

	"github.com/docket-forum/docket/internal/schedule"
)

// markdownEscaper makes user text inert in GitHub Markdown: no links,
// emphasis, HTML or table breaks can come from a title or a room's name.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`, "&", "&amp;",
)

// MarkdownText is s escaped for GitHub Markdown, its control characters
// made U+FFFD as HTMLClean makes them: Markdown is read in terminals
// too, where an escape sequence from a cell would act.
func MarkdownText(s string) string { return markdownEscaper.Replace(HTMLClean(s)) }

// MarkdownCell is text for a Markdown table cell: line breaks become
// <br>, which GitHub renders inside a cell, instead of ending the row.
func MarkdownCell(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = MarkdownText(strings.TrimSpace(l))
	}
	return strings.Join(lines, "<br>")
}

// HTMLClean makes user text safe to print as HTML text (html/template
// escapes it; this removes what no escaping can represent): invalid UTF-8
// and control characters other than line breaks and tabs become U+FFFD,
// CRLF becomes LF.
func HTMLClean(s string) string {
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

// Participation is how a page writes a participation value: "on-site",
// "online", or the value as the input gave it.
func Participation(p string) string {
	switch p {
	case schedule.Onsite:
		return "on-site"
	case schedule.Online:
		return "online"
	}
	return HTMLClean(p)
}
