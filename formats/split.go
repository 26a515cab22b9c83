package formats

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
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
)

// The split export (export --split-by): one file per person, room, day or
// type, each holding only that part's sessions in any format docket
// writes, and an index naming every file, written as one folder (see
// WriteFolder).

// SplitKeys are what a programme can be split by.
var SplitKeys = []string{"person", "room", "day", "type"}

// SplitTitleSep joins the programme's title and a part's in each file's
// title: "IGF 2023 — Main Hall".
const SplitTitleSep = " — "

// Part is one file of a split programme.
type Part struct {
	// Key is what the sessions share: a person's or room's or type's
	// folded name, a day's YYYY-MM-DD; "" for the sessions that have no
	// room, no type or no time.
	Key string
	// Name is what the part holds, for the index: the person's name, the
	// room, the day (YYYY-MM-DD), the type, or "(no room)", "(no type)",
	// "(not scheduled)".
	Name string
	// Title is the part in its file's title: for a person the name and
	// the roles ("Ana Lima (Speaker: WS #101; Rapporteur: OF #168)"), for
	// a day its date in words, else Name.
	Title string
	// Stem is the file name without its extension: safe and unique by
	// PageFileName's rules; for a person the slugged name and the
	// person's id ("ana-lima-521541"), so that it stays the same while
	// the name does. A room or type whose name has no ASCII letter or
	// digit is "room-" or "type-" and a number from the name.
	Stem string
	// Sessions are the part's sessions, sorted by start.
	Sessions []*schedule.Session
	// Roles are, for a person, the person's roles in each session
	// ("Speaker", "Online moderator"...); nil for the other keys.
	Roles map[*schedule.Session][]string
}

// splitIndex is the index file's name without its extension: no part
// takes it.
const splitIndex = "index"

// splitRole is a field persons are named in, and what a person named
// there is.
type splitRole struct {
	field schedule.Field
	label string
}

// splitRoles name the fields persons are named in, in the order a
// person's roles are told: on stage first.
var splitRoles = []splitRole{
	{schedule.FieldSpeakers, "Speaker"},
	{schedule.FieldOnsiteModerator, "On-site moderator"},
	{schedule.FieldOnlineModerator, "Online moderator"},
	{schedule.FieldRapporteur, "Rapporteur"},
	{schedule.FieldOrganizers, "Organizer"},
}

func splitRoleLabel(f schedule.Field) string {
	for _, r := range splitRoles {
		if r.field == f {
			return r.label
		}
	}
	return string(f)
}

// Split groups p's sessions by by (one of SplitKeys):
//
//   - person: one part per person a session names in any role (speaker,
//     on-site or online moderator, rapporteur, organizer), by folded name
//     as --speaker matches them, with the person's roles; sessions that
//     name no one are in no part.
//   - room: one part per room (by folded name), then "(no room)".
//   - day: one part per day in loc (nil: the programme's zone, as the feeds
//     have it), then "(not scheduled)".
//   - type: one part per session type (by folded name), then "(no type)".
//
// Parts come in order of their key (people and rooms by name, days by
// date), the sessions without a key last; each part's sessions are sorted.
func Split(p *schedule.Programme, by string, loc *time.Location) ([]Part, error) {
	if !slices.Contains(SplitKeys, by) {
		return nil, fmt.Errorf("cannot split by %q: split by one of %s", by, strings.Join(SplitKeys, ", "))
	}
	loc = feed.Location(p, loc)
	ss := slices.Clone(p.Sessions)
	schedule.Sort(ss)
	var parts []*Part
	index := map[string]*Part{}
	var rest *Part // the sessions without a key
	add := func(key, name string, s *schedule.Session) *Part {
		pt := index[key]
		if pt == nil {
			pt = &Part{Key: key, Name: name, Title: name}
			index[key] = pt
			parts = append(parts, pt)
		}
		if n := len(pt.Sessions); n == 0 || pt.Sessions[n-1] != s {
			pt.Sessions = append(pt.Sessions, s)
		}
		return pt
	}
	byName := func(s *schedule.Session, value, none string) {
		name := textfmt.OneLine(value)
		key := schedule.PersonKey(name)
		if key == "" {
			if rest == nil {
				rest = &Part{Name: none, Title: none}
			}
			rest.Sessions = append(rest.Sessions, s)
			return
		}
		add(key, name, s)
	}
	for _, s := range ss {
		switch by {
		case "person":
			for f, person := range s.Roles {
				name := textfmt.OneLine(person.Name)
				key := schedule.PersonKey(name)
				if key == "" {
					continue
				}
				pt := add(key, name, s)
				if pt.Roles == nil {
					pt.Roles = map[*schedule.Session][]string{}
				}
				if l := splitRoleLabel(f); !slices.Contains(pt.Roles[s], l) {
					pt.Roles[s] = append(pt.Roles[s], l)
				}
			}
		case "room":
			byName(s, s.Room, "(no room)")
		case "type":
			byName(s, s.Type, "(no type)")
		case "day":
			if !s.Scheduled() {
				if rest == nil {
					rest = &Part{Name: "(not scheduled)", Title: "Not scheduled"}
				}
				rest.Sessions = append(rest.Sessions, s)
				continue
			}
			t := s.Start.In(loc)
			pt := add(t.Format(time.DateOnly), t.Format(time.DateOnly), s)
			pt.Title = t.Format("Monday 2 January 2006")
		}
	}
	for _, pt := range parts {
		for _, roles := range pt.Roles {
			slices.SortFunc(roles, func(a, b string) int {
				return cmp.Compare(slices.IndexFunc(splitRoles, func(r splitRole) bool { return r.label == a }),
					slices.IndexFunc(splitRoles, func(r splitRole) bool { return r.label == b }))
			})
		}
	}
	slices.SortStableFunc(parts, func(a, b *Part) int { return cmp.Compare(a.Key, b.Key) })
	if rest != nil {
		parts = append(parts, rest)
	}
	var ids map[string]int
	if by == "person" {
		ids = feed.AllPersonIDs(p.Sessions)
	}
	used := map[string]bool{splitIndex: true}
	out := make([]Part, len(parts))
	for i, pt := range parts {
		stem := feed.Slugify(pt.Name, "-")
		switch {
		case by == "person":
			id := "-" + strconv.Itoa(ids[pt.Key])
			if stem == "" {
				stem = "person"
			}
			stem = pageTruncate(stem, pageNameMax-len(id)) + id
			pt.Title = pt.Name + splitRoleSummary(pt)
		case pt.Key == "":
			stem = map[string]string{"room": "no-room", "type": "no-type", "day": "unscheduled"}[by]
		case stem == "":
			// A name with no letter or digit of ASCII ("会議室", ".."): a
			// number from the name, the same in every export.
			h := fnv.New32a()
			h.Write([]byte(pt.Key))
			stem = by + "-" + strconv.Itoa(int(h.Sum32()%900000)+100000)
		}
		pt.Stem = safeFileName(stem, by, "", used)
		out[i] = *pt
	}
	return out, nil
}

// splitTitleMax bounds the roles told in a person's title, in bytes:
// beyond it they are counted rather than listed.
const splitTitleMax = 120

// splitRoleSummary is " (Speaker: WS #101, OF #168; Rapporteur: MAIN-3)",
// or with too many sessions to list " (Speaker in 7 sessions; ...)".
func splitRoleSummary(pt *Part) string {
	listed, counted := splitRoleLists(pt)
	if s := strings.Join(listed, "; "); len(s) <= splitTitleMax {
		return " (" + s + ")"
	}
	return " (" + strings.Join(counted, "; ") + ")"
}

// splitRoleLists tell a person's roles, one entry per role: with the
// sessions named ("Speaker: WS #101, OF #168") and counted ("Speaker in 2
// sessions").
func splitRoleLists(pt *Part) (listed, counted []string) {
	for _, r := range splitRoles {
		var names []string
		for _, s := range pt.Sessions {
			if slices.Contains(pt.Roles[s], r.label) {
				names = append(names, splitSessionName(s))
			}
		}
		if len(names) == 0 {
			continue
		}
		listed = append(listed, r.label+": "+strings.Join(names, ", "))
		counted = append(counted, r.label+" in "+splitSessions(len(names)))
	}
	return listed, counted
}

// splitSessions is "1 session", "2 sessions".
func splitSessions(n int) string {
	if n == 1 {
		return "1 session"
	}
	return strconv.Itoa(n) + " sessions"
}

// splitSessionName names a session in a title or the index: its id, else
// its title.
func splitSessionName(s *schedule.Session) string {
	if id := textfmt.OneLine(s.ID); id != "" {
		return id
	}
	if t := textfmt.OneLine(s.Title); t != "" {
		return t
	}
	return "untitled session"
}

// SplitExt is the extension (with the dot) of the files a split export
// writes in format f: the format's first, or for pages the one o.As
// chooses.
func SplitExt(f *Format, o WriteOptions) string {
	if f == pageFormat {
		return PageOptions{As: o.As}.Ext()
	}
	if len(f.Extensions) == 0 {
		return ""
	}
	return f.Extensions[0]
}

// splitIndexName is the index's file name: index.html beside HTML files,
// else index.md.
func splitIndexName(ext string) string {
	if ext == ".html" {
		return splitIndex + ".html"
	}
	return splitIndex + ".md"
}

// WriteSplit writes p split by by (see Split) into the folder dir, one
// file per part in format f named by the part's Stem, and an index
// (index.html with HTML files, else index.md) listing every file with what
// it holds; it returns the paths written, the index last. Each file's title
// is the programme's and the part's, joined by SplitTitleSep; the acronym
// stays the programme's (o.Acronym, else made from its title), so that an
// event has the same UID (iCalendar) and GUID (frab, schedule.json) in a
// part as in the whole. With o.Previous each part is compared with the
// same part of the previous programme. In pdf a room's file is the sign
// for its door (WriteOptions.DoorSign), not a printed programme; the
// sessions without a room keep the programme's layout.
//
// The folder is replaced whole (WriteFolder); one holding anything but
// files with f's extensions and the index is refused.
func WriteSplit(dir string, f *Format, p *schedule.Programme, by string, o WriteOptions) ([]string, error) {
	if f.Write == nil {
		return nil, fmt.Errorf("docket cannot write %s", f.Name)
	}
	loc := feed.Location(p, o.Loc)
	parts, err := Split(p, by, loc)
	if err != nil {
		return nil, err
	}
	var before map[string][]*schedule.Session
	if o.Previous != nil {
		prev, err := Split(o.Previous, by, loc)
		if err != nil {
			return nil, err
		}
		before = make(map[string][]*schedule.Session, len(prev))
		for _, pt := range prev {
			before[pt.Key] = pt.Sessions
		}
	}
	full := feed.Title(p, o.Title)
	if o.Acronym == "" {
		o.Acronym = feed.Acronym("", full)
	}
	ext := SplitExt(f, o)
	indexName := splitIndexName(ext)
	owned := func(e fs.DirEntry) bool {
		x := strings.ToLower(filepath.Ext(e.Name()))
		return e.Type().IsRegular() && (x == ext || slices.Contains(f.Extensions, x) || e.Name() == indexName)
	}
	var names []string
	err = WriteFolder(dir, owned, func(tmp string) error {
		write := func(name string, fn func(io.Writer) error) error {
			if err := writeNew(filepath.Join(tmp, name), fn); err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err // the temporary folder's name says nothing to the user
				}
				return fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
			}
			names = append(names, name)
			return nil
		}
		for _, pt := range parts {
			q := *p
			q.Sessions = pt.Sessions
			wo := o
			wo.Title = full + SplitTitleSep + pt.Title
			if f == pdfFormat && by == "room" && pt.Key != "" {
				// A room's PDF is the sign for its door, not a programme.
				wo.DoorSign = &DoorSign{Room: pt.Name, Event: full}
			}
			if o.Previous != nil {
				prev := *o.Previous
				prev.Sessions = before[pt.Key]
				wo.Previous = &prev
			}
			if err := write(pt.Stem+ext, func(w io.Writer) error { return f.Write(w, &q, wo) }); err != nil {
				return err
			}
		}
		return write(indexName, func(w io.Writer) error { return writeSplitIndex(w, p, parts, by, full, ext, indexName, loc) })
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

// splitIndexRow is one file in the index.
type splitIndexRow struct {
	File, Name, Holds string
}

// splitIndexView is the index before rendering.
type splitIndexView struct {
	Title, Intro, Column, Note string
	Rows                       []splitIndexRow
}

func newSplitIndexView(p *schedule.Programme, parts []Part, by, full, ext string, loc *time.Location) splitIndexView {
	v := splitIndexView{Title: full + SplitTitleSep + "by " + by}
	what := map[string]string{
		"person": "one file per person a session names (speaker, moderator, rapporteur or organizer), holding that person's sessions",
		"room":   "one file per room, holding its sessions",
		"day":    "one file per day in " + loc.String() + ", holding its sessions",
		"type":   "one file per session type, holding its sessions",
	}[by]
	files := strconv.Itoa(len(parts)) + " files"
	if len(parts) == 1 {
		files = "1 file"
	}
	v.Intro = files + ": " + what + "."
	v.Column = strings.ToUpper(by[:1]) + by[1:]
	inSome := map[*schedule.Session]bool{}
	for _, pt := range parts {
		row := splitIndexRow{File: pt.Stem + ext, Name: pt.Name}
		if by == "person" {
			listed, _ := splitRoleLists(&pt)
			row.Holds = strings.Join(listed, "; ")
		} else {
			row.Holds = splitSessions(len(pt.Sessions))
		}
		for _, s := range pt.Sessions {
			inSome[s] = true
		}
		v.Rows = append(v.Rows, row)
	}
	if left := len(p.Sessions) - len(inSome); left > 0 {
		v.Note = strconv.Itoa(left) + " sessions name no one and are in no file."
		if left == 1 {
			v.Note = "1 session names no one and is in no file."
		}
	}
	return v
}

// writeSplitIndex writes the index of a split folder: Markdown, or an
// HTML page when the files are HTML. File names are slugs, safe in a link
// as they are; every other value is escaped.
func writeSplitIndex(w io.Writer, p *schedule.Programme, parts []Part, by, full, ext, name string, loc *time.Location) error {
	v := newSplitIndexView(p, parts, by, full, ext, loc)
	bw := bufio.NewWriter(w)
	if strings.HasSuffix(name, ".html") {
		v.Title = textfmt.HTMLClean(v.Title)
		for i := range v.Rows {
			v.Rows[i].Name = textfmt.HTMLClean(v.Rows[i].Name)
			v.Rows[i].Holds = textfmt.HTMLClean(v.Rows[i].Holds)
		}
		if err := splitIndexTemplate.Execute(bw, v); err != nil {
			return err
		}
		return bw.Flush()
	}
	fmt.Fprintf(bw, "# %s\n\n%s\n\n", textfmt.MarkdownText(v.Title), textfmt.MarkdownText(v.Intro))
	fmt.Fprintf(bw, "| File | %s | Sessions |\n|---|---|---|\n", v.Column)
	for _, r := range v.Rows {
		fmt.Fprintf(bw, "| [%s](%s) | %s | %s |\n", r.File, r.File, textfmt.MarkdownCell(r.Name), textfmt.MarkdownCell(r.Holds))
	}
	if v.Note != "" {
		fmt.Fprintf(bw, "\n%s\n", v.Note)
	}
	return bw.Flush()
}

// splitIndexTemplate renders the index as a small self-contained page.
var splitIndexTemplate = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; line-height: 1.5; color: #1d1d1f; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
a { color: #0b57d0; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Intro}}</p>
<table class="index">
<thead><tr><th>File</th><th>{{.Column}}</th><th>Sessions</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td><a href="{{.File}}">{{.File}}</a></td><td>{{.Name}}</td><td>{{.Holds}}</td></tr>
{{end}}</tbody>
</table>
{{with .Note}}<p>{{.}}</p>
{{end}}</body>
</html>
`))
