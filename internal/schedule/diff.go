package schedule

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// What changed between two versions of a programme: sessions matched by
// id, or, when an id changed, by title and place; each pair compared
// field by field. It knows no format: the renderers (formats/diffview)
// say it as text, JSON, Markdown or CSV.

// Change kinds, as the "Programme changes" contract names them.
const (
	ChangeAdded   = "added"
	ChangeRemoved = "removed"
	ChangeMoved   = "moved"   // start, end or room changed (and maybe more)
	ChangeChanged = "changed" // any other field changed
)

// FieldChange is one field of a session, before and after. Old and New
// are the field's values as the canonical JSON writes them: a string, a
// list of strings, a person or a list of persons, a time (RFC 3339), a
// number or nil.
type FieldChange struct {
	Field    string
	Old, New any
}

// Change is one session that was added, removed, moved or changed.
type Change struct {
	Kind     string
	Old, New *Session // nil for an added (Old) or removed (New) session
	Fields   []FieldChange
}

// Session is the session as it is now, or as it was when removed.
func (c *Change) Session() *Session {
	if c.New != nil {
		return c.New
	}
	return c.Old
}

// Diff matches the sessions of old and new and returns what changed, in
// the order of the programme: by start (a removed session at its old
// start), then id. Sessions are matched by id (exactly, then ignoring
// case); the sessions left are matched by title and place (start and
// room), then by a title only one session on each side has: a session
// whose id changed is a change of its id, never a removal and an
// addition.
func Diff(old, new []*Session) []Change {
	matched := make(map[*Session]*Session, len(new)) // new -> old
	taken := make(map[*Session]bool, len(old))
	match := func(key func(*Session) string, unique bool) {
		byKey := map[string][]*Session{}
		for _, o := range old {
			if !taken[o] {
				if k := key(o); k != "" {
					byKey[k] = append(byKey[k], o)
				}
			}
		}
		count := map[string]int{}
		if unique {
			for _, n := range new {
				if matched[n] == nil {
					count[key(n)]++
				}
			}
		}
		for _, n := range new {
			if matched[n] != nil {
				continue
			}
			k := key(n)
			os := byKey[k]
			if k == "" || len(os) == 0 || (unique && (len(os) != 1 || count[k] != 1)) {
				continue
			}
			matched[n], taken[os[0]] = os[0], true
			byKey[k] = os[1:]
		}
	}
	match(func(s *Session) string { return s.ID }, false)
	match(func(s *Session) string { return strings.ToLower(s.ID) }, false)
	match(func(s *Session) string {
		if s.Start.IsZero() {
			return ""
		}
		return titleKey(s.Title) + "\x00" + s.Start.UTC().Format(time.RFC3339) + "\x00" + titleKey(s.Room)
	}, false)
	match(func(s *Session) string { return titleKey(s.Title) }, true)

	var out []Change
	for _, n := range new {
		o := matched[n]
		if o == nil {
			out = append(out, Change{Kind: ChangeAdded, New: n})
			continue
		}
		fields := CompareSessions(o, n)
		if len(fields) == 0 {
			continue
		}
		kind := ChangeChanged
		for _, f := range fields {
			if f.Field == "start" || f.Field == "end" || f.Field == "room" {
				kind = ChangeMoved
			}
		}
		out = append(out, Change{Kind: kind, Old: o, New: n, Fields: fields})
	}
	for _, o := range old {
		if !taken[o] {
			out = append(out, Change{Kind: ChangeRemoved, Old: o})
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		sa, sb := a.Session(), b.Session()
		if c := sa.Start.Compare(sb.Start); c != 0 {
			return c
		}
		return cmp.Compare(sa.ID, sb.ID)
	})
	return out
}

// titleKey is text as a match compares it: case and spacing aside.
func titleKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// diffText is text as a comparison sees it: spaces at either end and runs
// of spaces inside are no change (a spreadsheet adds and drops them
// unseen); a change of case is one (people read it).
func diffText(s string) string {
	if !strings.ContainsAny(s, " \t\r\n\u00a0") {
		return s
	}
	lines := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// diffField is one field of the canonical JSON: its value as the diff
// compares it, and (when that differs) as the session has it, which is
// what a change shows.
type diffField struct {
	name  string
	value func(*Session) any
	raw   func(*Session) any // nil: value
}

func textField(name string, get func(*Session) string) diffField {
	return diffField{name, func(s *Session) any { return diffText(get(s)) }, func(s *Session) any { return nullIfEmpty(get(s)) }}
}

func personsField(name string, get func(*Session) []Person) diffField {
	return diffField{name, func(s *Session) any {
		ps := get(s)
		if len(ps) == 0 {
			return nil
		}
		out := make([]Person, len(ps))
		for i, p := range ps {
			out[i] = diffPerson(p)
		}
		return out
	}, func(s *Session) any {
		if ps := get(s); len(ps) > 0 {
			return ps
		}
		return nil
	}}
}

func personField(name string, get func(*Session) *Person) diffField {
	return diffField{name, func(s *Session) any {
		if p := get(s); p != nil {
			return diffPerson(*p)
		}
		return nil
	}, func(s *Session) any {
		if p := get(s); p != nil {
			return *p
		}
		return nil
	}}
}

// diffPerson is a person as compared: text fields as diffText sees them;
// a source's person id is no change people see.
func diffPerson(p Person) Person {
	return Person{Name: diffText(p.Name), Role: diffText(p.Role), Organization: diffText(p.Organization),
		Stakeholder: p.Stakeholder, Region: p.Region, Participation: p.Participation, Email: strings.TrimSpace(p.Email), Gender: p.Gender}
}

func listField(name string, get func(*Session) []string) diffField {
	return diffField{name, func(s *Session) any {
		var out []string
		for _, v := range get(s) {
			if v = diffText(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}, func(s *Session) any { return get(s) }}
}

// diffFields are the canonical JSON's fields in its order (DESIGN.md),
// the times as instants: the same time written in two zones is no change.
var diffFields = []diffField{
	textField("id", func(s *Session) string { return s.ID }),
	textField("title", func(s *Session) string { return s.Title }),
	textField("type", func(s *Session) string { return s.Type }),
	textField("format", func(s *Session) string { return s.Format }),
	{"declared_minutes", func(s *Session) any {
		if s.DeclaredMinutes == 0 {
			return nil
		}
		return s.DeclaredMinutes
	}, nil},
	{"start", func(s *Session) any { return instant(s.Start) }, func(s *Session) any { return ownTime(s.Start) }},
	{"end", func(s *Session) any { return instant(s.End) }, func(s *Session) any { return ownTime(s.End) }},
	textField("room", func(s *Session) string { return s.Room }),
	textField("theme", func(s *Session) string { return s.Theme }),
	textField("subtheme", func(s *Session) string { return s.Subtheme }),
	textField("description", func(s *Session) string { return s.Description }),
	textField("policy_questions", func(s *Session) string { return s.PolicyQuestions }),
	textField("expected_outcomes", func(s *Session) string { return s.ExpectedOutcomes }),
	personsField("organizers", func(s *Session) []Person { return s.Organizers }),
	personsField("speakers", func(s *Session) []Person { return s.Speakers }),
	personField("onsite_moderator", func(s *Session) *Person { return s.OnsiteModerator }),
	personField("online_moderator", func(s *Session) *Person { return s.OnlineModerator }),
	personField("rapporteur", func(s *Session) *Person { return s.Rapporteur }),
	listField("sdgs", func(s *Session) []string { return s.SDGs }),
	textField("key_takeaways", func(s *Session) string { return s.KeyTakeaways }),
	textField("call_to_action", func(s *Session) string { return s.CallToAction }),
	textField("report", func(s *Session) string { return s.Report }),
	listField("tags", func(s *Session) []string { return s.Tags }),
	textField("language", func(s *Session) string { return s.Language }),
	textField("url", func(s *Session) string { return s.URL }),
	textField("subtitle", func(s *Session) string { return s.Subtitle }),
	textField("abstract", func(s *Session) string { return s.Abstract }),
}

// ownTime is a time in its session's zone, nil when there is none.
func ownTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// instant is a time as compared: the instant, nil when there is none.
func instant(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// CompareSessions lists the fields in which two versions of a session
// differ, in the canonical order, then the extra fields by name (a field
// one version has and the other lacks is a change only when it holds
// text). Times are compared as instants; text as diffText sees it. Old
// and New hold the versions' own values (times in their zones, text as
// written).
func CompareSessions(o, n *Session) []FieldChange {
	var out []FieldChange
	for _, f := range diffFields {
		if !equalValues(f.value(o), f.value(n)) {
			raw := f.raw
			if raw == nil {
				raw = f.value
			}
			out = append(out, FieldChange{Field: f.name, Old: raw(o), New: raw(n)})
		}
	}
	names := map[string]bool{}
	var order []string
	for _, s := range []*Session{o, n} {
		for _, e := range s.Extra {
			if !names[e.Name] {
				names[e.Name] = true
				order = append(order, e.Name)
			}
		}
	}
	for _, name := range order {
		ov, nv := o.ExtraValue(name), n.ExtraValue(name)
		if diffText(ov) != diffText(nv) {
			out = append(out, FieldChange{Field: name, Old: nullIfEmpty(ov), New: nullIfEmpty(nv)})
		}
	}
	return out
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func equalValues(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil || isEmpty(b)
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case string:
		y, ok := b.(string)
		if b == nil {
			return x == ""
		}
		return ok && x == y
	case int:
		y, ok := b.(int)
		return ok && x == y
	case []string:
		if b == nil {
			return len(x) == 0
		}
		y, ok := b.([]string)
		return ok && slices.Equal(x, y)
	case Person:
		y, ok := b.(Person)
		return ok && x == y
	case []Person:
		if b == nil {
			return len(x) == 0
		}
		y, ok := b.([]Person)
		return ok && slices.Equal(x, y)
	}
	return false
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case string:
		return x == ""
	case []string:
		return len(x) == 0
	case []Person:
		return len(x) == 0
	}
	return false
}
