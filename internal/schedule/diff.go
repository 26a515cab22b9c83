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
	matched := Match(old, new)
	taken := make(map[*Session]bool, len(matched))
	for _, o := range matched {
		taken[o] = true
	}
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

// Match pairs the sessions of two versions as Diff does: it returns, for
// each session of new that has one, its session in old.
func Match(old, new []*Session) map[*Session]*Session {
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
	return matched
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

// diffField is one field of the canonical JSON: whether two versions
// hold the same value, and the value as a version has it, which is what a
// change shows.
type diffField struct {
	name  string
	equal func(o, n *Session) bool
	raw   func(*Session) any
}

// languageKey is a language as compared: English however a sheet or a
// feed writes it ("English", "en", "eng", "en-GB") is one language.
func languageKey(l string) string {
	v := strings.ToLower(strings.TrimSpace(l))
	if v == "english" || v == "eng" || strings.HasPrefix(v, "en-") || strings.HasPrefix(v, "en_") {
		return "en"
	}
	return v
}

// sameText compares text as diffText sees it, the common case (equal as
// written) without a copy.
func sameText(a, b string) bool { return a == b || diffText(a) == diffText(b) }

func textField(name string, get func(*Session) string) diffField {
	return diffField{name, func(o, n *Session) bool { return sameText(get(o), get(n)) },
		func(s *Session) any { return nullIfEmpty(get(s)) }}
}

// samePerson compares persons as people see them: text as diffText sees
// it; a source's person id is no change.
func samePerson(a, b Person) bool {
	a.ID, b.ID = "", ""
	if a == b {
		return true
	}
	return sameText(a.Name, b.Name) && sameText(a.Role, b.Role) && sameText(a.Organization, b.Organization) &&
		a.Stakeholder == b.Stakeholder && a.Region == b.Region && a.Participation == b.Participation &&
		strings.TrimSpace(a.Email) == strings.TrimSpace(b.Email) && a.Gender == b.Gender
}

func personsField(name string, get func(*Session) []Person) diffField {
	return diffField{name, func(o, n *Session) bool { return slices.EqualFunc(get(o), get(n), samePerson) },
		func(s *Session) any {
			if ps := get(s); len(ps) > 0 {
				return ps
			}
			return nil
		}}
}

func personField(name string, get func(*Session) *Person) diffField {
	return diffField{name, func(o, n *Session) bool {
		a, b := get(o), get(n)
		if a == nil || b == nil {
			return (a == nil || *a == Person{}) && (b == nil || *b == Person{})
		}
		return samePerson(*a, *b)
	}, func(s *Session) any {
		if p := get(s); p != nil {
			return *p
		}
		return nil
	}}
}

// listField compares lists of text without their empty items.
func listField(name string, get func(*Session) []string) diffField {
	clean := func(vs []string) []string {
		var out []string
		for _, v := range vs {
			if v = diffText(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	return diffField{name, func(o, n *Session) bool {
		a, b := get(o), get(n)
		return slices.Equal(a, b) || slices.Equal(clean(a), clean(b))
	}, func(s *Session) any {
		if vs := get(s); len(vs) > 0 {
			return vs
		}
		return nil
	}}
}

// timeField compares instants: the same time in another zone is no change.
func timeField(name string, get func(*Session) time.Time) diffField {
	return diffField{name, func(o, n *Session) bool { return get(o).Equal(get(n)) }, func(s *Session) any {
		if t := get(s); !t.IsZero() {
			return t
		}
		return nil
	}}
}

// diffFields are the canonical JSON's fields in its order (DESIGN.md).
var diffFields = []diffField{
	textField("id", func(s *Session) string { return s.ID }),
	textField("title", func(s *Session) string { return s.Title }),
	textField("type", func(s *Session) string { return s.Type }),
	textField("format", func(s *Session) string { return s.Format }),
	{"declared_minutes", func(o, n *Session) bool { return o.DeclaredMinutes == n.DeclaredMinutes }, func(s *Session) any {
		if s.DeclaredMinutes == 0 {
			return nil
		}
		return s.DeclaredMinutes
	}},
	timeField("start", func(s *Session) time.Time { return s.Start }),
	timeField("end", func(s *Session) time.Time { return s.End }),
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
	{"language", func(o, n *Session) bool { return languageKey(o.Language) == languageKey(n.Language) },
		func(s *Session) any { return nullIfEmpty(s.Language) }},
	textField("url", func(s *Session) string { return s.URL }),
	textField("subtitle", func(s *Session) string { return s.Subtitle }),
	textField("abstract", func(s *Session) string { return s.Abstract }),
}

// CompareSessions lists the fields in which two versions of a session
// differ, in the canonical order, then the extra fields by name (a field
// one version has and the other lacks is a change only when it holds
// text). Times are compared as instants; text as diffText sees it. Old
// and New hold the versions' own values (times in their zones, text as
// written).
func CompareSessions(o, n *Session) []FieldChange {
	var out []FieldChange
	for i := range diffFields {
		if f := &diffFields[i]; !f.equal(o, n) {
			out = append(out, FieldChange{Field: f.name, Old: f.raw(o), New: f.raw(n)})
		}
	}
	if len(o.Extra) == 0 && len(n.Extra) == 0 {
		return out
	}
	if slices.Equal(o.Extra, n.Extra) {
		return out
	}
	names := map[string]bool{}
	var order []string
	for _, s := range []*Session{o, n} {
		for _, e := range s.Extra {
			if !names[e.Name] && !bookkeeping[e.Name] {
				names[e.Name] = true
				order = append(order, e.Name)
			}
		}
	}
	for _, name := range order {
		ov, nv := o.ExtraValue(name), n.ExtraValue(name)
		if !sameText(ov, nv) {
			out = append(out, FieldChange{Field: name, Old: nullIfEmpty(ov), New: nullIfEmpty(nv)})
		}
	}
	return out
}

// bookkeeping are the extra fields the feed readers keep to write a feed
// again (its GUIDs, slugs, codes, UIDs, revisions): how a feed knows a
// session, not what people see of it. A programme from a sheet has none,
// so they are no change.
var bookkeeping = map[string]bool{"guid": true, "slug": true, "code": true, "uid": true, "sequence": true, "last_modified": true}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
