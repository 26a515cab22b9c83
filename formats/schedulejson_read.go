package formats

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/docket-forum/docket/internal/schedule"
)

// Reading a c3voc schedule.json as pretalx, frab, voctosched and docket
// publish it: {"schedule": {"conference": {"days": [{"rooms": {name:
// [events]}}]}}}. Keys beyond the schema's (pretalx's answers, a
// generator's own) are passed over.

type sjInDocument struct {
	Generator struct {
		Name string `json:"name"`
	} `json:"generator"`
	Schedule *struct {
		Version    string `json:"version"`
		Conference struct {
			Acronym      string `json:"acronym"`
			Title        string `json:"title"`
			Start        string `json:"start"`
			End          string `json:"end"`
			TimeZoneName string `json:"time_zone_name"`
			Days         []struct {
				Date  string                 `json:"date"`
				Rooms map[string][]sjInEvent `json:"rooms"`
			} `json:"days"`
		} `json:"conference"`
	} `json:"schedule"`
}

type sjInEvent struct {
	ID          json.RawMessage `json:"id"` // a number, or a string in some generators
	GUID        string          `json:"guid"`
	Code        string          `json:"code"`
	Date        string          `json:"date"`
	Start       string          `json:"start"`
	End         string          `json:"end"`
	Duration    string          `json:"duration"`
	Room        string          `json:"room"`
	Slug        string          `json:"slug"`
	URL         string          `json:"url"`
	Title       string          `json:"title"`
	Subtitle    *string         `json:"subtitle"`
	Track       json.RawMessage `json:"track"` // a name, null, or an object in drafts
	Type        *string         `json:"type"`
	Language    *string         `json:"language"`
	Abstract    *string         `json:"abstract"`
	Description *string         `json:"description"`
	DoNotRecord *bool           `json:"do_not_record"`
	Persons     []struct {
		ID         json.RawMessage `json:"id"`
		Code       string          `json:"code"`
		Name       string          `json:"name"`
		PublicName string          `json:"public_name"`
	} `json:"persons"`
	Links       []sjInLink `json:"links"`
	Attachments []sjInLink `json:"attachments"`
}

type sjInLink struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// sjEventDepth is the depth of an event object: {schedule {conference
// {days [{rooms {name [{event.
const sjEventDepth = 8

func readScheduleJSON(in Input, opts ReadOptions) (*schedule.Programme, error) {
	rc, err := open(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer rc.Close()
	guard := newJSONGuard(bufio.NewReaderSize(rc, 64<<10), opts.Limits.WithDefaults(), sjEventDepth)
	var doc sjInDocument
	if err := json.NewDecoder(guard).Decode(&doc); err != nil {
		var ge *jsonGuardError
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &ge):
			err = ge.err
		case err == io.EOF:
			err = errors.New("the file is empty")
		case err == io.ErrUnexpectedEOF:
			err = errors.New("the JSON ends in the middle (is the file cut short?)")
		case errors.As(err, &se):
			err = fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, err)
		case errors.As(err, &te):
			err = fmt.Errorf("%s should be %s, not %s", te.Field, te.Type, te.Value)
		}
		return nil, &InputError{File: in.Name, Err: err}
	}
	if doc.Schedule == nil {
		return nil, &InputError{File: in.Name, Err: errors.New(`expected {"schedule": {"conference": ...}}, as pretalx and frab publish schedule.json`)}
	}
	c := doc.Schedule.Conference
	prog := &schedule.Programme{Name: strings.TrimSpace(c.Title), FirstDay: dateOnly(c.Start), LastDay: dateOnly(c.End), Version: strings.TrimSpace(doc.Schedule.Version)}
	r := newFeedReader(in.Name, prog, strings.TrimSpace(c.TimeZoneName), opts, strings.EqualFold(doc.Generator.Name, "docket"))
	for _, d := range c.Days {
		for _, room := range slices.Sorted(maps.Keys(d.Rooms)) {
			for i := range d.Rooms[room] {
				x := &d.Rooms[room][i]
				e := feedEvent{ID: jsonID(x.ID), GUID: x.GUID, Code: x.Code, Slug: x.Slug, Title: x.Title,
					Subtitle: deref(x.Subtitle), Type: deref(x.Type), Track: sjTrack(x.Track), Language: deref(x.Language),
					Abstract: deref(x.Abstract), Description: deref(x.Description), URL: x.URL,
					Room: firstOf(x.Room, room), Date: x.Date, Start: x.Start, Duration: x.Duration, End: x.End, DayDate: dateOnly(d.Date)}
				for _, p := range x.Persons {
					e.Persons = append(e.Persons, feedPerson{ID: firstOf(jsonID(p.ID), p.Code), Name: firstOf(p.PublicName, p.Name)})
				}
				for _, k := range x.Links {
					e.Links = append(e.Links, feedLink(k))
				}
				for _, k := range x.Attachments {
					e.Attachments = append(e.Attachments, feedLink(k))
				}
				if x.DoNotRecord != nil {
					e.DoNotRecordSet, e.DoNotRecord = true, *x.DoNotRecord
				}
				s, err := r.session(&e)
				if err != nil {
					return nil, &InputError{File: in.Name, Err: err}
				}
				prog.Sessions = append(prog.Sessions, s)
			}
		}
	}
	r.finish()
	return prog, nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// jsonID is an id given as a number or a string, as text.
func jsonID(raw json.RawMessage) string {
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String()
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	return ""
}

// sjTrack is a track given as its name, or as an object with a name.
func sjTrack(raw json.RawMessage) string {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	var o struct{ Name, Slug string }
	if err := json.Unmarshal(raw, &o); err == nil {
		return firstOf(o.Name, o.Slug)
	}
	return ""
}
