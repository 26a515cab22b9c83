package formats

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/schedule"
)

// mdBlock is a paragraph block: each line kept, escaped, with a Markdown
// hard break.
func mdBlock(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = textfmt.MarkdownText(strings.TrimRight(l, " \r"))
	}
	return strings.Join(lines, "  \n")
}

// mdAnchor is the id GitHub gives a heading, so the tables can link to the
// session sections.
func mdAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ' || r == '-':
			b.WriteRune('-')
		case r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || r > 127 && !strings.ContainsRune("–—’‘“”·", r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func writeMarkdown(w io.Writer, p *schedule.Programme, o WriteOptions) error {
	bw := bufio.NewWriter(w)
	ss := slices.Clone(p.Sessions)
	schedule.Sort(ss)
	title := feed.Title(p, o.Title)
	fmt.Fprintf(bw, "# %s\n\n", textfmt.MarkdownText(title))
	loc := o.Loc
	if loc == nil {
		if l, err := schedule.LoadLocation(p.Timezone); err == nil {
			loc = l
		}
	}
	heading := func(s *schedule.Session) string {
		if s.Title == "" {
			return s.ID
		}
		return s.ID + " — " + s.Title
	}
	for _, d := range textfmt.GroupDays(ss, loc) {
		fmt.Fprintf(bw, "## %s\n\n", textfmt.MarkdownText(d.Label))
		bw.WriteString("| Time | Room | Session | Type | Speakers |\n|---|---|---|---|---|\n")
		for _, s := range d.Sessions {
			names := make([]string, 0, len(s.Speakers))
			for _, sp := range s.Speakers {
				names = append(names, sp.Name)
			}
			fmt.Fprintf(bw, "| %s | %s | [%s](#%s) | %s | %s |\n",
				textfmt.TimeRange(s, textfmt.SessionLocation(s, loc)), textfmt.MarkdownCell(s.Room), textfmt.MarkdownCell(heading(s)), mdAnchor(heading(s)),
				textfmt.MarkdownCell(s.Type), textfmt.MarkdownCell(strings.Join(names, ", ")))
		}
		bw.WriteString("\n")
	}
	bw.WriteString("## Sessions\n\n")
	for _, s := range ss {
		writeMarkdownSession(bw, s, heading(s), p.ExtraColumns)
	}
	return bw.Flush()
}

func writeMarkdownSession(bw *bufio.Writer, s *schedule.Session, heading string, extras []string) {
	fmt.Fprintf(bw, "### %s\n\n", textfmt.MarkdownText(heading))
	facts := [][2]string{}
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			facts = append(facts, [2]string{k, v})
		}
	}
	if s.Scheduled() {
		st := s.Start.In(s.Location())
		add("Time", st.Format("Monday 2 January 2006")+", "+textfmt.TimeRange(s, s.Location())+" "+textfmt.ZoneLabel(st))
	}
	add("Room", s.Room)
	kind := s.Type
	if s.Format != "" {
		kind = strings.TrimPrefix(kind+" · "+s.Format, " · ")
	}
	if s.DeclaredMinutes > 0 {
		kind += fmt.Sprintf(" (%d min)", s.DeclaredMinutes)
	}
	add("Type", kind)
	add("Theme", s.Theme)
	add("Subtheme", s.Subtheme)
	add("SDG targets", strings.Join(s.SDGs, ", "))
	add("Tags", strings.Join(s.Tags, ", "))
	add("Language", s.Language)
	for _, e := range extras {
		add(e, s.ExtraValue(e))
	}
	for _, f := range facts {
		fmt.Fprintf(bw, "- **%s:** %s\n", textfmt.MarkdownText(f[0]), textfmt.MarkdownCell(f[1]))
	}
	if s.URL != "" {
		// Linked only when it is an http(s) address, with nothing in it
		// that ends the link or the line; anything else (javascript:, a
		// value with line breaks) is shown as text.
		if u := feed.HTTPURL(s.URL); u != "" {
			fmt.Fprintf(bw, "- **Page:** <%s>\n", u)
		} else {
			fmt.Fprintf(bw, "- **Page:** %s\n", textfmt.MarkdownText(textfmt.OneLine(s.URL)))
		}
	}
	if len(facts) > 0 || s.URL != "" {
		bw.WriteString("\n")
	}
	for _, sec := range []struct {
		title string
		text  string
	}{
		{"Subtitle", s.Subtitle},
		{"Abstract", s.Abstract},
		{"Description", s.Description},
		{"Policy questions", s.PolicyQuestions},
		{"Expected outcomes", s.ExpectedOutcomes},
	} {
		if sec.text != "" {
			fmt.Fprintf(bw, "#### %s\n\n%s\n\n", sec.title, mdBlock(sec.text))
		}
	}
	persons := func(title string, ps ...schedule.Person) {
		if len(ps) == 0 {
			return
		}
		fmt.Fprintf(bw, "#### %s\n\n", title)
		for _, p := range ps {
			fmt.Fprintf(bw, "- %s\n", textfmt.MarkdownText(feed.DescribePerson(p)))
		}
		bw.WriteString("\n")
	}
	one := func(p *schedule.Person) []schedule.Person {
		if p == nil {
			return nil
		}
		return []schedule.Person{*p}
	}
	persons("Organizers", s.Organizers...)
	persons("Speakers", s.Speakers...)
	persons("On-site moderator", one(s.OnsiteModerator)...)
	persons("Online moderator", one(s.OnlineModerator)...)
	persons("Rapporteur", one(s.Rapporteur)...)
	for _, sec := range []struct {
		title string
		text  string
	}{
		{"Key takeaways", s.KeyTakeaways},
		{"Call to action", s.CallToAction},
		{"Session report", s.Report},
	} {
		if sec.text != "" {
			fmt.Fprintf(bw, "#### %s\n\n%s\n\n", sec.title, mdBlock(sec.text))
		}
	}
}
