package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// Reading the JSON contract back makes docket's own json and ndjson
// outputs inputs again (a programme kept as JSON in a repository, say).
// The sessions' "row" in findings is their position in the file.

type jsonInPerson struct {
	Name          string `json:"name"`
	Role          string `json:"role"`
	Organization  string `json:"organization"`
	Stakeholder   string `json:"stakeholder"`
	Region        string `json:"region"`
	Participation string `json:"participation"`
	Email         string `json:"email"`
	Gender        string `json:"gender"`
}

type jsonInSession struct {
	ID               string          `json:"id"`
	Title            string          `json:"title"`
	Type             string          `json:"type"`
	Format           string          `json:"format"`
	DeclaredMinutes  *int            `json:"declared_minutes"`
	Start            *string         `json:"start"`
	End              *string         `json:"end"`
	Timezone         string          `json:"timezone"`
	Room             string          `json:"room"`
	Theme            string          `json:"theme"`
	Subtheme         string          `json:"subtheme"`
	Description      string          `json:"description"`
	PolicyQuestions  string          `json:"policy_questions"`
	ExpectedOutcomes string          `json:"expected_outcomes"`
	Organizers       []jsonInPerson  `json:"organizers"`
	Speakers         []jsonInPerson  `json:"speakers"`
	OnsiteModerator  *jsonInPerson   `json:"onsite_moderator"`
	OnlineModerator  *jsonInPerson   `json:"online_moderator"`
	Rapporteur       *jsonInPerson   `json:"rapporteur"`
	SDGs             []string        `json:"sdgs"`
	KeyTakeaways     string          `json:"key_takeaways"`
	CallToAction     string          `json:"call_to_action"`
	Report           string          `json:"report"`
	Tags             []string        `json:"tags"`
	Language         string          `json:"language"`
	URL              string          `json:"url"`
	Subtitle         string          `json:"subtitle"`
	Abstract         string          `json:"abstract"`
	Extra            json.RawMessage `json:"extra"`
}

func readJSON(in Input, opts ReadOptions, lines bool) (prog *schedule.Programme, err error) {
	rc, err := open(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer rc.Close()
	prog = &schedule.Programme{}
	fail := func(n int, err error) (*schedule.Programme, error) {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var ge *jsonGuardError
		switch {
		case errors.As(err, &ge):
			return nil, &InputError{File: in.Name, Err: ge.err}
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			err = errors.New("the JSON ends in the middle (is the file cut short?)")
		case errors.As(err, &se):
			err = fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, err)
		case errors.As(err, &te):
			err = fmt.Errorf("field %q should be %s, not %s", te.Field, te.Type, te.Value)
		}
		if n > 0 {
			return nil, &InputError{File: in.Name, Err: fmt.Errorf("session %d: %w", n, err)}
		}
		return nil, &InputError{File: in.Name, Err: err}
	}
	rowDepth := 3 // {"sessions": [{...}]}
	if lines {
		rowDepth = 1
	}
	guard := newJSONGuard(bufio.NewReaderSize(rc, 64<<10), opts.Limits.WithDefaults(), rowDepth)
	dec := json.NewDecoder(guard)
	extraSeen := map[string]bool{}
	n := 0
	next := func() error {
		var js jsonInSession
		if err := dec.Decode(&js); err != nil {
			return err
		}
		n++
		s, err := fromJSON(&js, in.Name, n, prog, opts, extraSeen)
		if err != nil {
			return err
		}
		prog.Sessions = append(prog.Sessions, s)
		return nil
	}
	if lines {
		for dec.More() {
			if err := next(); err != nil {
				return fail(n+1, err)
			}
		}
	} else {
		if err := expectDelim(dec, '{'); err != nil {
			return fail(0, fmt.Errorf(`expected {"programme": ..., "sessions": [...]}: %w`, err))
		}
		// A document without "sessions" is not an empty programme but not
		// docket's JSON at all: refused, not read as nothing.
		sawSessions := false
		defer func() {
			if err == nil && !sawSessions {
				prog, err = nil, &InputError{File: in.Name, Err: errors.New(`expected {"programme": ..., "sessions": [...]}, but there is no "sessions" array`)}
			}
		}()
		for dec.More() {
			key, err := objectKey(dec)
			if err != nil {
				return fail(0, err)
			}
			switch key {
			case "programme":
				var meta struct {
					Name, Timezone, Venue string
					FirstDay              string `json:"first_day"`
					LastDay               string `json:"last_day"`
				}
				if err := dec.Decode(&meta); err != nil {
					return fail(0, err)
				}
				prog.Name, prog.Venue, prog.Timezone = meta.Name, meta.Venue, meta.Timezone
				prog.FirstDay, prog.LastDay = meta.FirstDay, meta.LastDay
			case "sessions":
				sawSessions = true
				if err := expectDelim(dec, '['); err != nil {
					return fail(0, fmt.Errorf(`"sessions" should be an array: %w`, err))
				}
				for dec.More() {
					if err := next(); err != nil {
						return fail(n+1, err)
					}
				}
				if err := expectDelim(dec, ']'); err != nil {
					return fail(0, err)
				}
			default:
				// Passed over token by token: a value kept whole could be
				// as large as the file.
				if err := skipValue(dec); err != nil {
					return fail(0, err)
				}
			}
		}
		// The document ends with its object: what follows would be a
		// second document read as nothing.
		if guard.err == nil {
			if err := expectDelim(dec, '}'); err != nil {
				return fail(0, err)
			}
			if _, err := dec.Token(); err != io.EOF {
				return fail(0, errors.New("there is more after the programme's closing }: is it two files in one?"))
			}
		}
	}
	// dec.More reports false on a failed read: the guard's stop is no end.
	if guard.err != nil {
		return fail(0, guard.err)
	}
	if opts.Timezone != "" {
		prog.Timezone = opts.Timezone
	}
	if prog.Timezone == "" {
		prog.Timezone = schedule.CommonZone(prog.Sessions)
	}
	return prog, nil
}

// skipValue reads past the next value.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// objectKey reads the next key of an object opened with Token.
func objectKey(dec *json.Decoder) (string, error) {
	t, err := dec.Token()
	if err != nil {
		return "", err
	}
	k, ok := t.(string)
	if !ok {
		return "", fmt.Errorf("expected a key, found %v", t)
	}
	return k, nil
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return errors.New("the file is empty")
		}
		return err
	}
	if t != d {
		return fmt.Errorf("found %v", t)
	}
	return nil
}

func fromJSON(js *jsonInSession, file string, n int, prog *schedule.Programme, opts ReadOptions, extraSeen map[string]bool) (*schedule.Session, error) {
	s := &schedule.Session{
		// Types and formats as docket wrote them: the IGF's in its words,
		// another programme's in its own (a conference's Workshops stay
		// Workshops).
		ID: js.ID, Title: js.Title, Type: js.Type, Format: js.Format,
		Timezone: js.Timezone, Room: js.Room, Theme: js.Theme, Subtheme: js.Subtheme,
		Description: js.Description, PolicyQuestions: js.PolicyQuestions, ExpectedOutcomes: js.ExpectedOutcomes,
		Organizers: persons(js.Organizers), Speakers: persons(js.Speakers),
		OnsiteModerator: optInPerson(js.OnsiteModerator), OnlineModerator: optInPerson(js.OnlineModerator),
		Rapporteur: optInPerson(js.Rapporteur), SDGs: js.SDGs,
		KeyTakeaways: js.KeyTakeaways, CallToAction: js.CallToAction, Report: js.Report,
		Tags: js.Tags, Language: js.Language, URL: js.URL, Subtitle: js.Subtitle, Abstract: js.Abstract,
		Src: schedule.Source{File: file, Row: n},
	}
	if js.DeclaredMinutes != nil {
		s.DeclaredMinutes = *js.DeclaredMinutes
	}
	if s.Timezone == "" {
		s.Timezone = opts.Timezone
	}
	loc := time.UTC
	if s.Timezone != "" {
		l, err := schedule.LoadLocation(s.Timezone)
		if err != nil {
			prog.Problems = append(prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: s.Src, Column: "timezone", Session: s.ID, Message: err.Error()})
			s.Timezone = ""
		} else {
			loc = l
		}
	}
	if s.Timezone == "" {
		s.Timezone = "UTC"
	}
	for _, t := range []struct {
		name string
		v    *string
		dst  *time.Time
	}{{"start", js.Start, &s.Start}, {"end", js.End, &s.End}} {
		if t.v == nil || *t.v == "" {
			continue
		}
		v, err := time.Parse(time.RFC3339, *t.v)
		if err != nil {
			prog.Problems = append(prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: s.Src, Column: t.name, Session: s.ID,
				Message: fmt.Sprintf("%s %q is not an RFC 3339 time such as 2023-10-11T17:45:00+09:00", t.name, *t.v)})
			continue
		}
		*t.dst = v.In(loc)
	}
	if len(js.Extra) > 0 && string(js.Extra) != "null" {
		extra, err := orderedObject(js.Extra)
		if err != nil {
			return nil, fmt.Errorf(`"extra" should be an object of strings: %w`, err)
		}
		for _, e := range extra {
			s.Extra = append(s.Extra, e)
			// A set, not a search of the list: 200,000 keys took 42 s.
			if !extraSeen[e.Name] {
				extraSeen[e.Name] = true
				prog.ExtraColumns = append(prog.ExtraColumns, e.Name)
			}
		}
	}
	return s, nil
}

// orderedObject decodes a flat JSON object of strings keeping key order,
// which is the extra columns' order.
func orderedObject(raw json.RawMessage) ([]schedule.Extra, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var out []schedule.Extra
	for dec.More() {
		k, err := objectKey(dec)
		if err != nil {
			return nil, err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case nil:
		default:
			b, _ := json.Marshal(x)
			s = string(b)
		}
		out = append(out, schedule.Extra{Name: k, Value: s})
	}
	return out, nil
}

func persons(in []jsonInPerson) []schedule.Person {
	var out []schedule.Person
	for _, p := range in {
		out = append(out, toPerson(p))
	}
	return out
}

func optInPerson(p *jsonInPerson) *schedule.Person {
	if p == nil {
		return nil
	}
	q := toPerson(*p)
	return &q
}

func toPerson(p jsonInPerson) schedule.Person {
	return schedule.Person{
		Name: p.Name, Role: p.Role, Organization: p.Organization,
		Stakeholder:   vocab.Stakeholders().Canonical(p.Stakeholder),
		Region:        vocab.Regions().Canonical(p.Region),
		Participation: schedule.ParseParticipation(p.Participation),
		Email:         p.Email,
		Gender:        schedule.ParseGender(p.Gender),
	}
}

// readDocketJSON reads docket's JSON: {"programme": ..., "sessions": [...]}.
func readDocketJSON(in Input, o ReadOptions) (*schedule.Programme, error) {
	return readJSON(in, o, false)
}

// readNDJSON reads docket's NDJSON: one session object per line.
func readNDJSON(in Input, o ReadOptions) (*schedule.Programme, error) {
	return readJSON(in, o, true)
}
