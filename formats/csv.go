package formats

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/docket-forum/docket/internal/schedule"
)

// The CSV and TSV contract shared by their reader and writer: the
// canonical columns and values, and formula neutralising.

// neutralize makes a cell that a spreadsheet would run as a formula inert,
// as OWASP recommends for CSV injection: a leading = + - @ tab or CR gets
// a ' before it, which spreadsheets hide and readers (docket's too) drop.
func neutralize(v string) string {
	if v != "" && strings.IndexByte(formulaLead, v[0]) >= 0 {
		return "'" + v
	}
	return v
}

// unneutralize drops the ' that neutralize (or another careful tool) put
// before a formula-like cell.
func unneutralize(v string) string {
	if len(v) > 1 && v[0] == '\'' && strings.IndexByte(formulaLead, v[1]) >= 0 {
		return v[1:]
	}
	return v
}

// Canonical values of a session in the CSV/XLSX contract, by column.
func canonicalRecord(s *schedule.Session, extras []string) []string {
	rec := make([]string, 0, len(schedule.Columns)+len(extras))
	loc := s.Location()
	var date, start, end string
	if s.Scheduled() {
		st := s.Start.In(loc)
		date, start = st.Format("2006-01-02"), st.Format("15:04")
		if !s.End.IsZero() {
			en := s.End.In(loc)
			end = en.Format("15:04")
			if en.Format("2006-01-02") != date {
				end = en.Format("2006-01-02 15:04")
			}
		}
	}
	person := func(p *schedule.Person) string {
		if p == nil {
			return ""
		}
		return schedule.FormatPersons([]schedule.Person{*p})
	}
	for _, f := range schedule.Columns {
		v := s.Raw[f] // what could not be read goes back as it was written
		switch f {
		case schedule.FieldID:
			v = s.ID
		case schedule.FieldTitle:
			v = s.Title
		case schedule.FieldType:
			v = s.Type
		case schedule.FieldFormat:
			v = s.Format
		case schedule.FieldDeclaredMinutes:
			if s.DeclaredMinutes > 0 && v == "" {
				v = strconv.Itoa(s.DeclaredMinutes)
			}
		case schedule.FieldDate:
			v = cmp.Or(date, v)
		case schedule.FieldStart:
			v = cmp.Or(start, v)
		case schedule.FieldEnd:
			v = cmp.Or(end, v)
		case schedule.FieldTimezone:
			v = cmp.Or(v, s.Timezone)
		case schedule.FieldRoom:
			v = s.Room
		case schedule.FieldTheme:
			v = s.Theme
		case schedule.FieldSubtheme:
			v = s.Subtheme
		case schedule.FieldDescription:
			v = s.Description
		case schedule.FieldPolicyQuestions:
			v = s.PolicyQuestions
		case schedule.FieldExpectedOutcomes:
			v = s.ExpectedOutcomes
		case schedule.FieldOrganizers:
			v = schedule.FormatPersons(s.Organizers)
		case schedule.FieldSpeakers:
			v = schedule.FormatPersons(s.Speakers)
		case schedule.FieldOnsiteModerator:
			v = person(s.OnsiteModerator)
		case schedule.FieldOnlineModerator:
			v = person(s.OnlineModerator)
		case schedule.FieldRapporteur:
			v = person(s.Rapporteur)
		case schedule.FieldSDGs:
			v = strings.Join(s.SDGs, "; ")
		case schedule.FieldKeyTakeaways:
			v = s.KeyTakeaways
		case schedule.FieldCallToAction:
			v = s.CallToAction
		case schedule.FieldReport:
			v = s.Report
		case schedule.FieldTags:
			v = strings.Join(s.Tags, "; ")
		case schedule.FieldLanguage:
			v = s.Language
		case schedule.FieldURL:
			v = s.URL
		case schedule.FieldSubtitle:
			v = s.Subtitle
		case schedule.FieldAbstract:
			v = s.Abstract
		}
		rec = append(rec, v)
	}
	for _, e := range extras {
		rec = append(rec, s.ExtraValue(e))
	}
	return rec
}

func canonicalHeader(extras []string) []string {
	h := make([]string, 0, len(schedule.Columns)+len(extras))
	for _, f := range schedule.Columns {
		h = append(h, string(f))
	}
	return append(h, extras...)
}
