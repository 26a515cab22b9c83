package diffview

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/internal/safe"
	"github.com/docket-forum/docket/internal/schedule"
)

// A person's part in a change of their own schedule.
const (
	personAdded   = "added"   // now in a session they were not in
	personRemoved = "removed" // no longer in a session (or it was removed)
	personMoved   = "moved"   // a session of theirs moved
)

// PersonChange is one session of a person's that changed for them.
type PersonChange struct {
	Change  string
	Session *schedule.Session // as it is now, or as it was when removed
	Old     *schedule.Session // before, for a moved session
}

// PersonChanges is a person whose schedule changed, with the sessions.
type PersonChanges struct {
	Name, Email string
	Sessions    []PersonChange
}

// onStage are the persons whose schedule a session is: its speakers,
// moderators and rapporteur (organisers need not attend).
func onStage(s *schedule.Session) map[string]schedule.Person {
	out := map[string]schedule.Person{}
	if s == nil {
		return out
	}
	add := func(p *schedule.Person) {
		if p != nil && p.Name != "" {
			if _, ok := out[schedule.PersonKey(p.Name)]; !ok {
				out[schedule.PersonKey(p.Name)] = *p
			}
		}
	}
	for i := range s.Speakers {
		add(&s.Speakers[i])
	}
	add(s.OnsiteModerator)
	add(s.OnlineModerator)
	add(s.Rapporteur)
	return out
}

// ByPerson lists the people whose own schedule changed: added to or
// removed from a session, or a session of theirs moved, by name.
func ByPerson(changes []schedule.Change) []PersonChanges {
	byKey := map[string]*PersonChanges{}
	note := func(p schedule.Person, pc PersonChange) {
		k := schedule.PersonKey(p.Name)
		if byKey[k] == nil {
			byKey[k] = &PersonChanges{Name: p.Name}
		}
		if byKey[k].Email == "" {
			byKey[k].Email = p.Email
		}
		byKey[k].Sessions = append(byKey[k].Sessions, pc)
	}
	for _, c := range changes {
		before, after := onStage(c.Old), onStage(c.New)
		for k, p := range after {
			_, was := before[k]
			switch {
			case !was:
				note(p, PersonChange{Change: personAdded, Session: c.New})
			case c.Kind == schedule.ChangeMoved:
				note(p, PersonChange{Change: personMoved, Session: c.New, Old: c.Old})
			}
		}
		for k, p := range before {
			if _, is := after[k]; !is {
				note(p, PersonChange{Change: personRemoved, Session: c.Old})
			}
		}
	}
	out := make([]PersonChanges, 0, len(byKey))
	for _, p := range byKey {
		slices.SortStableFunc(p.Sessions, func(a, b PersonChange) int { return a.Session.Start.Compare(b.Session.Start) })
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b PersonChanges) int {
		return strings.Compare(schedule.PersonKey(a.Name), schedule.PersonKey(b.Name))
	})
	return out
}

// place is a session's day, time and room for people.
func place(s *schedule.Session, loc *time.Location) string {
	day, clock := when(s, loc)
	out := day
	if clock != "" {
		out += " " + clock
	}
	if s.Room != "" {
		out += ", " + s.Room
	}
	return out
}

func writePersons(w io.Writer, format string, r *Report, o Options) error {
	people := ByPerson(r.Changes)
	switch format {
	case "json":
		type session struct {
			Change string  `json:"change"`
			ID     string  `json:"id"`
			Title  string  `json:"title"`
			Start  *string `json:"start"`
			End    *string `json:"end"`
			Room   string  `json:"room"`
			Was    *string `json:"was,omitempty"`
		}
		type person struct {
			Name     string    `json:"name"`
			Email    string    `json:"email"`
			Sessions []session `json:"sessions"`
		}
		stamp := func(t time.Time) *string {
			if t.IsZero() {
				return nil
			}
			v := t.Format(time.RFC3339)
			return &v
		}
		out := struct {
			Old     jsonSide `json:"old"`
			New     jsonSide `json:"new"`
			Persons []person `json:"persons"`
		}{jsonSide{r.OldFile, r.OldSessions}, jsonSide{r.NewFile, r.NewSessions}, []person{}}
		for _, p := range people {
			jp := person{Name: p.Name, Email: p.Email}
			for _, pc := range p.Sessions {
				s := pc.Session
				js := session{Change: pc.Change, ID: s.ID, Title: s.Title, Start: stamp(s.Start), End: stamp(s.End), Room: s.Room}
				if pc.Old != nil {
					was := place(pc.Old, o.Loc)
					js.Was = &was
				}
				jp.Sessions = append(jp.Sessions, js)
			}
			out.Persons = append(out.Persons, jp)
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"name", "email", "change", "id", "title", "when", "was"})
		for _, p := range people {
			for _, pc := range p.Sessions {
				was := ""
				if pc.Old != nil {
					was = place(pc.Old, o.Loc)
				}
				cw.Write([]string{neutral(p.Name), neutral(p.Email), pc.Change, neutral(pc.Session.ID), neutral(pc.Session.Title), place(pc.Session, o.Loc), was})
			}
		}
		cw.Flush()
		return cw.Error()
	case "text", "markdown":
		md := format == "markdown"
		txt := func(s string) string {
			if md {
				return textfmt.MarkdownText(textfmt.OneLine(s))
			}
			return safe.Terminal(s)
		}
		bw := bufio.NewWriter(w)
		if md {
			fmt.Fprintf(bw, "## People whose schedule changed: %s → %s\n\n%d people\n", txt(r.OldFile), txt(r.NewFile), len(people))
		} else {
			fmt.Fprintf(bw, "%s → %s: %d people whose schedule changed\n", txt(r.OldFile), txt(r.NewFile), len(people))
		}
		for _, p := range people {
			name := txt(p.Name)
			if p.Email != "" {
				name += " <" + txt(p.Email) + ">"
			}
			if md {
				fmt.Fprintf(bw, "\n### %s\n\n", name)
			} else {
				fmt.Fprintf(bw, "\n%s\n", name)
			}
			for _, pc := range p.Sessions {
				line := fmt.Sprintf("%s %s %s: %s", pc.Change, txt(pc.Session.ID), txt(pc.Session.Title), txt(place(pc.Session, o.Loc)))
				if pc.Old != nil {
					line += " (was " + txt(place(pc.Old, o.Loc)) + ")"
				}
				if md {
					fmt.Fprintf(bw, "- %s\n", line)
				} else {
					fmt.Fprintf(bw, "  %s\n", line)
				}
			}
		}
		return bw.Flush()
	}
	return fmt.Errorf("unknown diff format %q (valid: %s)", format, strings.Join(Formats, ", "))
}
