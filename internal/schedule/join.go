package schedule

import (
	"fmt"
	"io"
	"strings"

	"github.com/docket-forum/docket/internal/vocab"
)

// Person sheet columns: a Speakers sheet or file has one row per person and
// a column naming the session.
const (
	pcSession       = "session_id"
	pcAppearsAs     = "appears_as"
	pcName          = "name"
	pcRole          = "role"
	pcOrganization  = "organization"
	pcStakeholder   = "stakeholder"
	pcRegion        = "region"
	pcParticipation = "participation"
	pcEmail         = "email"
	pcGender        = "gender"
)

// PersonColumns is the column order of the Speakers sheet docket writes.
var PersonColumns = []string{pcSession, pcAppearsAs, pcName, pcRole, pcOrganization, pcStakeholder, pcRegion, pcParticipation, pcEmail, pcGender}

var personAliases = map[string]string{
	"sessionid": pcSession, "session": pcSession, "id": pcSession, "sessionno": pcSession, "sessionnumber": pcSession, "sessioncode": pcSession,
	"appearsas": pcAppearsAs, "as": pcAppearsAs, "capacity": pcAppearsAs, "function": pcAppearsAs, "part": pcAppearsAs, "sessionrole": pcAppearsAs,
	"name": pcName, "fullname": pcName, "speaker": pcName, "speakername": pcName, "person": pcName,
	"role": pcRole, "title": pcRole, "position": pcRole, "jobtitle": pcRole,
	"organization": pcOrganization, "organisation": pcOrganization, "affiliation": pcOrganization, "org": pcOrganization, "institution": pcOrganization,
	"stakeholder": pcStakeholder, "stakeholdergroup": pcStakeholder, "sector": pcStakeholder,
	"region": pcRegion, "regionalgroup": pcRegion, "unregionalgroup": pcRegion,
	"participation": pcParticipation, "attendance": pcParticipation, "mode": pcParticipation, "onsiteonline": pcParticipation,
	"email": pcEmail, "emailaddress": pcEmail, "mail": pcEmail,
	"gender": pcGender, "sex": pcGender,
}

// IsPersonSheetName reports whether a sheet's name says it lists persons.
func IsPersonSheetName(name string) bool {
	switch NormalizeHeader(name) {
	case "speakers", "speaker", "persons", "people", "participants", "panelists", "panellists", "presenters":
		return true
	}
	return false
}

// JoinPersons reads a person sheet and adds each person to the session its
// row names, in the role its appears_as column gives (speaker by default).
// A session whose own row already lists persons of that role keeps them:
// docket's own XLSX export writes both, and reading it back must not
// double them.
func JoinPersons(prog *Programme, rows Rows, opts Options) error {
	// Persons already in a session (from packed cells of its own row) are
	// not added again: docket's own XLSX export writes both forms. The key
	// is the session id, the field and the folded name, so that a repeated
	// id still finds the person on whichever session has it.
	byID := make(map[string]*Session, len(prog.Sessions))
	type key struct {
		id   string
		f    Field
		name string
	}
	had := map[key]bool{}
	for _, s := range prog.Sessions {
		if _, dup := byID[s.ID]; !dup {
			byID[s.ID] = s
		}
		for f, p := range s.Roles {
			had[key{s.ID, f, PersonKey(p.Name)}] = true
		}
	}
	var idx map[string]int
	var cols *PersonSheetColumns
	where := opts.File + ":" + opts.Sheet
	for {
		r, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if blank(r.Cells) {
			continue
		}
		if idx == nil {
			idx = map[string]int{}
			for i, c := range r.Cells {
				if k, ok := personAliases[NormalizeHeader(c)]; ok {
					if _, seen := idx[k]; !seen {
						idx[k] = i
					}
				}
			}
			_, hasSession := idx[pcSession]
			_, hasName := idx[pcName]
			if !hasSession || !hasName {
				return fmt.Errorf("%s:%d: a person sheet needs a session id column and a name column", where, r.Num)
			}
			header := func(k string) string {
				if i, ok := idx[k]; ok {
					return strings.TrimSpace(r.Cells[i])
				}
				return ""
			}
			cols = &PersonSheetColumns{Name: header(pcName), Email: header(pcEmail), Stakeholder: header(pcStakeholder), Region: header(pcRegion)}
			continue
		}
		get := func(k string) string {
			i, ok := idx[k]
			if !ok || i >= len(r.Cells) {
				return ""
			}
			return strings.TrimSpace(r.Cells[i])
		}
		p := Person{
			Name: get(pcName), Role: get(pcRole), Organization: get(pcOrganization),
			Stakeholder: get(pcStakeholder), Region: get(pcRegion), Email: get(pcEmail),
		}
		p.Participation = ParseParticipation(get(pcParticipation))
		p.Gender = ParseGender(get(pcGender))
		p.Stakeholder = vocab.Stakeholders().Canonical(p.Stakeholder)
		p.Region = vocab.Regions().Canonical(p.Region)
		src := Source{File: opts.File, Sheet: opts.Sheet, Row: r.Num, Line: r.Line}
		id := get(pcSession)
		s := byID[id]
		if s == nil {
			prog.Problems = append(prog.Problems, Problem{
				Rule: RuleUnknownSession, Src: src, Column: pcSession, Session: id,
				Message: fmt.Sprintf("%s is listed for session %q, which the programme does not have", p.Name, id),
			})
			continue
		}
		f := appearsAs(get(pcAppearsAs))
		k := key{id, f, PersonKey(p.Name)}
		if had[k] || p.Name == "" && p == (Person{}) {
			continue
		}
		had[k] = true
		joined := func(f Field, i int) {
			s.Joined = append(s.Joined, JoinedPerson{Field: f, Index: i, Src: src, Cols: cols})
		}
		one := func(slot **Person) {
			if *slot == nil {
				*slot = &p
				joined(f, 0)
				return
			}
			// The model has one person in this role; a second is kept
			// in an extra column, as for a packed cell.
			name := string(f) + " (more)"
			prev := s.ExtraValue(name)
			if prev != "" {
				prev += "\n"
			}
			setExtra(s, name, prev+FormatPerson(p))
			prog.ExtraColumns = appendMissing(prog.ExtraColumns, []string{name})
			prog.Problems = append(prog.Problems, Problem{
				Rule: RuleExtraPerson, Src: src, Column: pcName, Session: id,
				Message: fmt.Sprintf("%s is a second %s of session %q; kept in the extra column %q", p.Name, strings.ReplaceAll(string(f), "_", " "), id, name),
			})
		}
		switch f {
		case FieldOrganizers:
			joined(FieldOrganizers, len(s.Organizers))
			s.Organizers = append(s.Organizers, p)
		case FieldOnsiteModerator:
			one(&s.OnsiteModerator)
		case FieldOnlineModerator:
			one(&s.OnlineModerator)
		case FieldRapporteur:
			one(&s.Rapporteur)
		default:
			joined(FieldSpeakers, len(s.Speakers))
			s.Speakers = append(s.Speakers, p)
		}
		if _, ok := s.Cols[f]; !ok {
			s.SetColumn(f, opts.Sheet)
		}
	}
	return nil
}

// setExtra sets the extra column name of s.
func setExtra(s *Session, name, value string) {
	for i := range s.Extra {
		if s.Extra[i].Name == name {
			s.Extra[i].Value = value
			return
		}
	}
	s.Extra = append(s.Extra, Extra{Name: name, Value: value})
}

// appearsAs maps the role a person sheet gives to the session field.
func appearsAs(v string) Field {
	switch NormalizeHeader(v) {
	case "organizer", "organiser", "organizers", "organisers":
		return FieldOrganizers
	case "moderator", "onsitemoderator", "chair":
		return FieldOnsiteModerator
	case "onlinemoderator", "remotemoderator":
		return FieldOnlineModerator
	case "rapporteur":
		return FieldRapporteur
	}
	return FieldSpeakers
}

// AppearsAs is the appears_as value docket writes for a field.
func AppearsAs(f Field) string {
	switch f {
	case FieldOrganizers:
		return "organizer"
	case FieldOnsiteModerator:
		return "onsite_moderator"
	case FieldOnlineModerator:
		return "online_moderator"
	case FieldRapporteur:
		return "rapporteur"
	}
	return "speaker"
}
