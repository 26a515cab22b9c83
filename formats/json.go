package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

var jsonFormat = &Format{
	Name:        "json",
	Extensions:  []string{".json"},
	Description: `canonical records for scripts: {"programme": {...}, "sessions": [...]}`,
	Write:       writeJSON,
}

var ndjsonFormat = &Format{
	Name:        "ndjson",
	Aliases:     []string{"jsonl", "jsonlines"},
	Extensions:  []string{".ndjson", ".jsonl"},
	Description: "one canonical session object per line",
	Write:       writeNDJSON,
}

func init() {
	register(jsonFormat)
	register(ndjsonFormat)
}

// jsonPerson is a person in the JSON contract.
type jsonPerson struct {
	Name          string `json:"name"`
	Role          string `json:"role"`
	Organization  string `json:"organization"`
	Stakeholder   string `json:"stakeholder"`
	Region        string `json:"region"`
	Participation string `json:"participation"`
	Email         string `json:"email"`
}

// jsonSession is a session in the JSON contract; the field order is the
// documented one.
type jsonSession struct {
	ID               string       `json:"id"`
	Title            string       `json:"title"`
	Type             string       `json:"type"`
	Format           string       `json:"format"`
	DeclaredMinutes  *int         `json:"declared_minutes"`
	Start            *string      `json:"start"`
	End              *string      `json:"end"`
	Timezone         string       `json:"timezone"`
	Room             string       `json:"room"`
	Theme            string       `json:"theme"`
	Subtheme         string       `json:"subtheme"`
	Description      string       `json:"description"`
	PolicyQuestions  string       `json:"policy_questions"`
	ExpectedOutcomes string       `json:"expected_outcomes"`
	Organizers       []jsonPerson `json:"organizers"`
	Speakers         []jsonPerson `json:"speakers"`
	OnsiteModerator  *jsonPerson  `json:"onsite_moderator"`
	OnlineModerator  *jsonPerson  `json:"online_moderator"`
	Rapporteur       *jsonPerson  `json:"rapporteur"`
	SDGs             []string     `json:"sdgs"`
	KeyTakeaways     string       `json:"key_takeaways"`
	CallToAction     string       `json:"call_to_action"`
	Report           string       `json:"report"`
	Tags             []string     `json:"tags"`
	Language         string       `json:"language"`
	URL              string       `json:"url"`
	Extra            orderedExtra `json:"extra"`
}

type jsonProgramme struct {
	Name     string `json:"name"`
	Timezone string `json:"timezone"`
	FirstDay string `json:"first_day"`
	LastDay  string `json:"last_day"`
	Venue    string `json:"venue"`
}

// orderedExtra marshals extra columns as an object in input column order.
type orderedExtra []schedule.Extra

func (o orderedExtra) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalNoEscape(e.Name)
		if err != nil {
			return nil, err
		}
		v, err := marshalNoEscape(e.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func toJSONPerson(p schedule.Person) jsonPerson {
	return jsonPerson(p)
}

func toJSONPersons(ps []schedule.Person) []jsonPerson {
	out := make([]jsonPerson, len(ps))
	for i, p := range ps {
		out[i] = toJSONPerson(p)
	}
	return out
}

func optPerson(p *schedule.Person) *jsonPerson {
	if p == nil {
		return nil
	}
	j := toJSONPerson(*p)
	return &j
}

func rfc3339(t time.Time, loc *time.Location) *string {
	if t.IsZero() {
		return nil
	}
	s := t.In(loc).Format(time.RFC3339)
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func toJSONSession(s *schedule.Session, extras []string) jsonSession {
	loc := s.Location()
	j := jsonSession{
		ID: s.ID, Title: s.Title, Type: s.Type, Format: s.Format,
		Start: rfc3339(s.Start, loc), End: rfc3339(s.End, loc), Timezone: s.Timezone,
		Room: s.Room, Theme: s.Theme, Subtheme: s.Subtheme, Description: s.Description,
		PolicyQuestions: s.PolicyQuestions, ExpectedOutcomes: s.ExpectedOutcomes,
		Organizers: toJSONPersons(s.Organizers), Speakers: toJSONPersons(s.Speakers),
		OnsiteModerator: optPerson(s.OnsiteModerator), OnlineModerator: optPerson(s.OnlineModerator),
		Rapporteur: optPerson(s.Rapporteur), SDGs: nonNil(s.SDGs),
		KeyTakeaways: s.KeyTakeaways, CallToAction: s.CallToAction, Report: s.Report,
		Tags: nonNil(s.Tags), Language: s.Language, URL: s.URL,
	}
	if s.DeclaredMinutes > 0 {
		n := s.DeclaredMinutes
		j.DeclaredMinutes = &n
	}
	// Every extra column of the programme appears on every session, empty
	// where the row had nothing, so records have one shape.
	j.Extra = make(orderedExtra, len(extras))
	for i, e := range extras {
		j.Extra[i] = schedule.Extra{Name: e, Value: s.ExtraValue(e)}
	}
	return j
}

func programmeMeta(p *schedule.Programme) jsonProgramme {
	first, last := p.FirstDay, p.LastDay
	if first == "" || last == "" {
		f, l := schedule.DayRange(p.Sessions)
		first, last = cmpOr(first, f), cmpOr(last, l)
	}
	return jsonProgramme{Name: p.Name, Timezone: p.Timezone, FirstDay: first, LastDay: last, Venue: p.Venue}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func writeJSON(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	bw := bufio.NewWriter(w)
	meta, err := marshalIndent(programmeMeta(p), "  ")
	if err != nil {
		return err
	}
	bw.WriteString("{\n  \"programme\": ")
	bw.Write(meta)
	bw.WriteString(",\n  \"sessions\": [")
	// Sessions are encoded one at a time so that a large programme is
	// never held twice in memory as JSON.
	for i, s := range p.Sessions {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		b, err := marshalIndent(toJSONSession(s, p.ExtraColumns), "    ")
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	if len(p.Sessions) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

func marshalIndent(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func writeNDJSON(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, s := range p.Sessions {
		if err := enc.Encode(toJSONSession(s, p.ExtraColumns)); err != nil {
			return err
		}
	}
	return bw.Flush()
}
