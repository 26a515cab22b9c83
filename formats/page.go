package formats

import (
	"bufio"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// The page export: one page per session in the layout of the IGF's own
// session pages (../shared/seed/): Time, Room, Issue(s), the format line,
// Description, Organizers, Speakers, the moderators, Rapporteur, SDGs,
// Key Takeaways, Call to Action and Session Report, as Markdown or as a
// small self-contained HTML page. Both renderings come from one list of
// sections (pageSections), so they cannot disagree on order or content.

// PageOptions says how to write session pages.
type PageOptions struct {
	// As is "markdown" (the default, also "" or "md") or "html".
	As string
	// Loc is the zone the local time after the UTC time is shown in; nil
	// is the programme's zone (WritePages, WritePageStream) or the
	// session's own (WritePage).
	Loc *time.Location
	// Title names the document holding every page (WritePageStream with
	// html); empty takes the programme's name.
	Title string
}

// PageKinds are the values PageOptions.As accepts.
var PageKinds = []string{"markdown", "html"}

// kind returns "markdown" or "html", or an error for anything else.
func (o PageOptions) kind() (string, error) {
	switch strings.ToLower(strings.TrimSpace(o.As)) {
	case "", "markdown", "md":
		return "markdown", nil
	case "html", "htm":
		return "html", nil
	}
	return "", fmt.Errorf("output.as must be markdown or html, not %q", o.As)
}

// PageKindFor settles how pages are written: as ("" lets the file's
// extension decide, else "markdown", "md" or "html") against the
// extension of file, one .md or .html file ("" for a stream).
func PageKindFor(as, file string) (string, error) {
	kind, err := PageOptions{As: as}.kind()
	if err != nil {
		return "", err
	}
	if file == "" {
		return kind, nil
	}
	var byExt string
	switch strings.ToLower(filepath.Ext(file)) {
	case ".md", ".markdown":
		byExt = "markdown"
	case ".html", ".htm":
		byExt = "html"
	default:
		return "", fmt.Errorf("output.format page writes a folder or one .md or .html file, not %s", file)
	}
	if strings.TrimSpace(as) != "" && kind != byExt {
		return "", fmt.Errorf("output.as %s contradicts the extension of %s", kind, file)
	}
	return byExt, nil
}

// Ext is the file extension (with the dot) of pages written with o.
func (o PageOptions) Ext() string {
	if k, _ := o.kind(); k == "html" {
		return ".html"
	}
	return ".md"
}

// forProgramme fills in the programme's zone when o has none.
func (o PageOptions) forProgramme(p *schedule.Programme) PageOptions {
	if o.Loc == nil {
		if loc, err := schedule.LoadLocation(p.Timezone); err == nil {
			o.Loc = loc
		}
	}
	return o
}

// pageSection is one section of a page: a heading (none for the format
// line, as on the seed page) and either a text block or a list.
type pageSection struct {
	Title   string
	Text    string
	Items   []string
	Ordered bool
}

// pageView is a session page before rendering.
type pageView struct {
	Heading  string
	URL      string // http(s) only
	Lang     string
	Sections []pageSection
}

func newPageView(s *schedule.Session, o PageOptions) pageView {
	v := pageView{Heading: textfmt.OneLine(s.ID + " " + s.Title), URL: feed.HTTPURL(s.URL), Lang: feed.Language(s.Language)}
	if v.Heading == "" {
		v.Heading = "Session"
	}
	if v.Lang == "" {
		v.Lang = "en"
	}
	text := func(title, t string) {
		if t = strings.TrimSpace(t); t != "" {
			v.Sections = append(v.Sections, pageSection{Title: title, Text: t})
		}
	}
	list := func(title string, ordered bool, items []string) {
		if len(items) > 0 {
			v.Sections = append(v.Sections, pageSection{Title: title, Items: items, Ordered: ordered})
		}
	}
	persons := func(ps []schedule.Person) []string {
		var out []string
		for _, p := range ps {
			if l := pagePerson(p); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	person := func(p *schedule.Person) string {
		if p == nil {
			return ""
		}
		return pagePerson(*p)
	}
	text("Time", pageTime(s, o.Loc))
	text("Room", textfmt.OneLine(s.Room))
	var issues []string
	for _, t := range []string{s.Theme, s.Subtheme} {
		if t = textfmt.OneLine(t); t != "" {
			issues = append(issues, t)
		}
	}
	text("Issue(s)", strings.Join(issues, "\n"))
	text("", pageFormatLine(s))
	text("Subtitle", s.Subtitle)
	text("Abstract", s.Abstract)
	text("Description", s.Description)
	text("Policy questions", s.PolicyQuestions)
	text("Expected outcomes", s.ExpectedOutcomes)
	list("Organizers", true, persons(s.Organizers))
	list("Speakers", true, persons(s.Speakers))
	text("Onsite Moderator", person(s.OnsiteModerator))
	text("Online Moderator", person(s.OnlineModerator))
	text("Rapporteur", person(s.Rapporteur))
	var sdgs []string
	for _, code := range s.SDGs {
		code = textfmt.OneLine(code)
		if code == "" {
			continue
		}
		if t := vocab.SDGTargets().Get(code); t != nil && t.Title != "" {
			code += ": " + t.Title
		}
		sdgs = append(sdgs, code)
	}
	list("SDGs", false, sdgs)
	text("Key Takeaways", s.KeyTakeaways)
	text("Call to Action", s.CallToAction)
	text("Session Report", s.Report)
	return v
}

// pagePerson is a person as the seed page lists them: "Name, Role,
// Organisation, Stakeholder, Region (online|on-site)". E-mail addresses
// are left out: pages are published.
func pagePerson(p schedule.Person) string {
	var parts []string
	for _, v := range []string{p.Name, p.Role, p.Organization, p.Stakeholder, p.Region} {
		if v = textfmt.OneLine(v); v != "" {
			parts = append(parts, v)
		}
	}
	s := strings.Join(parts, ", ")
	switch p.Participation {
	case schedule.Online:
		s += " (online)"
	case schedule.Onsite:
		s += " (on-site)"
	}
	return strings.TrimSpace(s)
}

// pageFormatLine is the seed's "Panel - 60 Min": the format (else the
// type) and the declared length (else the scheduled one).
func pageFormatLine(s *schedule.Session) string {
	name := textfmt.OneLine(s.Format)
	if name == "" {
		name = textfmt.OneLine(s.Type)
	}
	m := s.DeclaredMinutes
	if m <= 0 {
		m = s.Minutes()
	}
	if m > 0 {
		return strings.TrimPrefix(name+" - "+strconv.Itoa(m)+" Min", " - ")
	}
	return name
}

// pageTime is the seed's "Wednesday, 11th October, 2023 (08:45 UTC) -
// Wednesday, 11th October, 2023 (09:45 UTC)", followed by the local time
// in loc (the session's zone when nil): "(17:45–18:45 Asia/Tokyo)".
func pageTime(s *schedule.Session, loc *time.Location) string {
	if !s.Scheduled() {
		return ""
	}
	utc := func(t time.Time) string {
		t = t.UTC()
		return fmt.Sprintf("%s, %s %s, %d (%s UTC)", t.Weekday(), pageOrdinal(t.Day()), t.Month(), t.Year(), t.Format("15:04"))
	}
	out := utc(s.Start)
	if !s.End.IsZero() {
		out += " - " + utc(s.End)
	}
	if loc == nil {
		loc = s.Location()
	}
	if name := loc.String(); name != "UTC" && name != "" {
		st := s.Start.In(loc)
		local := textfmt.TimeRange(s, loc)
		if st.Format(time.DateOnly) != s.Start.UTC().Format(time.DateOnly) {
			// The local day is not the UTC day: say which.
			local = fmt.Sprintf("%s, %s %s, %s", st.Weekday(), pageOrdinal(st.Day()), st.Month(), local)
		}
		out += " (" + local + " " + name + ")"
	}
	return out
}

// pageOrdinal is 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st...
func pageOrdinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// WritePage writes one session's page.
func WritePage(w io.Writer, s *schedule.Session, o PageOptions) error {
	kind, err := o.kind()
	if err != nil {
		return err
	}
	v := newPageView(s, o)
	bw := bufio.NewWriter(w)
	if kind == "html" {
		err = pageTemplate.ExecuteTemplate(bw, "doc", pageDoc{Title: v.Heading, Lang: v.Lang, Pages: []pageView{v}})
	} else {
		writePageMarkdown(bw, v)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// WritePageStream writes every session's page into one stream, sorted
// by start: Markdown pages separated by a horizontal rule, or one HTML
// document with the pages separated by <hr>. It is what "-o -" and a
// single output file get.
func WritePageStream(w io.Writer, p *schedule.Programme, o PageOptions) error {
	kind, err := o.kind()
	if err != nil {
		return err
	}
	o = o.forProgramme(p)
	ss := slices.Clone(p.Sessions)
	schedule.Sort(ss)
	bw := bufio.NewWriter(w)
	if kind == "html" {
		doc := pageDoc{Title: feed.Title(p, o.Title), Lang: "en"}
		for _, s := range ss {
			doc.Pages = append(doc.Pages, newPageView(s, o))
		}
		if err := pageTemplate.ExecuteTemplate(bw, "doc", doc); err != nil {
			return err
		}
		return bw.Flush()
	}
	for i, s := range ss {
		if i > 0 {
			bw.WriteString("\n---\n\n")
		}
		writePageMarkdown(bw, newPageView(s, o))
	}
	return bw.Flush()
}

// WritePages writes one page per session into the folder dir, named by
// PageFileName, and returns the paths written, in programme order. The
// folder is replaced whole, as a file is: the pages are written into a
// temporary folder beside it, which takes its place only when every page
// is written, so that a re-export (a filtered one, one that fills the
// disk) leaves the complete old set or the complete new one, never a mix.
// A folder that holds anything but pages is refused (see WriteFolder).
func WritePages(dir string, p *schedule.Programme, o PageOptions) ([]string, error) {
	if _, err := o.kind(); err != nil {
		return nil, err
	}
	o = o.forProgramme(p)
	ss := slices.Clone(p.Sessions)
	schedule.Sort(ss)
	var names []string
	err := WriteFolder(dir, isPageFile, func(tmp string) error {
		used := map[string]bool{}
		for _, s := range ss {
			name := PageFileName(s, o.Ext(), used)
			if err := writeNew(filepath.Join(tmp, name), func(w io.Writer) error { return WritePage(w, s, o) }); err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err // the temporary folder's name says nothing to the user
				}
				return fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
			}
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	return paths, nil
}

// isPageFile reports whether a folder's entry is a page docket writes:
// a Markdown or HTML file.
func isPageFile(e fs.DirEntry) bool {
	ext := strings.ToLower(filepath.Ext(e.Name()))
	return e.Type().IsRegular() && (ext == ".md" || ext == ".html")
}

// pageNameMax bounds a page's file name before the extension, in bytes.
const pageNameMax = 80

// pageReservedNames are the device names Windows refuses as file names,
// with any extension.
var pageReservedNames = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

// PageFileName is a safe file name for s's page: the session id and
// title folded to lower-case ASCII letters, digits and hyphens (so no
// dots, slashes or "..": it cannot leave the folder), at most 80
// characters before ext, "session-N" when nothing is left (N counting
// the names used so far), and unique among used (case-insensitively):
// -2, -3... are appended. The name is recorded in used.
func PageFileName(s *schedule.Session, ext string, used map[string]bool) string {
	ext = feed.Slugify(ext, "")
	if ext != "" {
		ext = "." + ext
	}
	return safeFileName(feed.Slugify(s.ID+" "+s.Title, "-"), "session", ext, used)
}

// safeFileName makes a slug (lower-case ASCII letters, digits and
// hyphens, as feed.Slugify folds them) a file name by PageFileName's
// rules: "kind-N" when it is empty, "kind-" before a name Windows
// reserves, at most 80 bytes before ext, and unique among used with -2,
// -3... appended. The name, with ext (a dot and more, or ""), is recorded
// in used.
func safeFileName(stem, kind, ext string, used map[string]bool) string {
	if stem == "" {
		stem = kind + "-" + strconv.Itoa(len(used)+1)
	}
	if pageReservedNames[stem] {
		stem = kind + "-" + stem
	}
	name := pageTruncate(stem, pageNameMax)
	for n := 2; used[strings.ToLower(name+ext)]; n++ {
		suffix := "-" + strconv.Itoa(n)
		name = pageTruncate(stem, pageNameMax-len(suffix)) + suffix
	}
	used[strings.ToLower(name+ext)] = true
	return name + ext
}

// pageTruncate cuts a hyphenated slug to at most n bytes, at a hyphen
// when one is near the end, with no hyphen left at either end.
func pageTruncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}

// writePageMarkdown renders a page as GitHub Markdown, ending in one
// newline; all user text goes through mdText or mdBlock.
func writePageMarkdown(w *bufio.Writer, v pageView) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", textfmt.MarkdownText(v.Heading))
	if v.URL != "" {
		// feed.HTTPURL admits no spaces, quotes or angle brackets, so the URL
		// cannot end the autolink.
		fmt.Fprintf(&b, "<%s>\n\n", v.URL)
	}
	for _, sec := range v.Sections {
		if sec.Title != "" {
			fmt.Fprintf(&b, "## %s\n\n", textfmt.MarkdownText(sec.Title))
		}
		if sec.Text != "" {
			fmt.Fprintf(&b, "%s\n\n", mdBlock(sec.Text))
		}
		for i, it := range sec.Items {
			if sec.Ordered {
				fmt.Fprintf(&b, "%d. %s\n", i+1, textfmt.MarkdownText(it))
			} else {
				fmt.Fprintf(&b, "- %s\n", textfmt.MarkdownText(it))
			}
		}
		if len(sec.Items) > 0 {
			b.WriteString("\n")
		}
	}
	w.WriteString(strings.TrimRight(b.String(), "\n") + "\n")
}

// pageDoc is an HTML document holding one or more pages.
type pageDoc struct {
	Title string
	Lang  string
	Pages []pageView
}

// pageTemplate renders pages as HTML. html/template escapes every value
// for its context; the URL is an http(s) URL already (and would be
// neutralised by the template otherwise). No scripts, no fetches: the CSS
// is inline.
var pageTemplate = template.Must(template.New("page").Parse(`{{define "doc"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; line-height: 1.5; color: #1d1d1f; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: #55595f; margin: 1.5rem 0 .25rem; }
.text { white-space: pre-line; overflow-wrap: anywhere; margin: 0 0 .75rem; }
.format { font-weight: 600; }
ol, ul { margin: 0 0 .75rem; padding-left: 1.5rem; }
a { color: #0b57d0; }
hr { border: 0; border-top: 1px solid #ccc; margin: 3rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  hr { border: 0; margin: 0; break-after: page; }
  a { color: inherit; }
  .url a::after { content: " (" attr(href) ")"; }
}
</style>
</head>
<body>
{{range $i, $p := .Pages}}{{if $i}}<hr>
{{end}}{{template "session" $p}}{{end}}</body>
</html>
{{end}}{{define "session"}}<article class="session" lang="{{.Lang}}">
<h1>{{.Heading}}</h1>
{{with .URL}}<p class="url"><a href="{{.}}">{{.}}</a></p>
{{end}}{{range .Sections}}<section>
{{if .Title}}<h2>{{.Title}}</h2>
{{end}}{{if .Text}}<div class="text{{if not .Title}} format{{end}}">{{.Text}}</div>
{{end}}{{if .Items}}{{if .Ordered}}<ol>
{{range .Items}}<li>{{.}}</li>
{{end}}</ol>
{{else}}<ul>
{{range .Items}}<li>{{.}}</li>
{{end}}</ul>
{{end}}{{end}}</section>
{{end}}</article>
{{end}}`))
