package formats

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/docket-forum/docket/internal/schedule"
)

// Reading a frab schedule.xml as frab, pretalx, voctosched, wafer and
// docket write it. Real exports fail the c3voc XSD in small ways (pretalx's
// empty feedback_url and answers, voctosched's dates without an offset):
// the reader takes what it can use and leaves validation to xmllint.

type frabInSchedule struct {
	Generator struct {
		Name string `xml:"name,attr"`
	} `xml:"generator"`
	Version    string `xml:"version"`
	Conference struct {
		Title        string `xml:"title"`
		Acronym      string `xml:"acronym"`
		Start        string `xml:"start"`
		End          string `xml:"end"`
		TimeZoneName string `xml:"time_zone_name"`
		Venue        string `xml:"venue"`
	} `xml:"conference"`
	Days []struct {
		Date  string `xml:"date,attr"`
		Rooms []struct {
			Name   string        `xml:"name,attr"`
			Events []frabInEvent `xml:"event"`
		} `xml:"room"`
	} `xml:"day"`
}

type frabInEvent struct {
	ID          string `xml:"id,attr"`
	GUID        string `xml:"guid,attr"`
	Code        string `xml:"code,attr"`
	Room        string `xml:"room"`
	Title       string `xml:"title"`
	Subtitle    string `xml:"subtitle"`
	Type        string `xml:"type"`
	Date        string `xml:"date"`
	Start       string `xml:"start"`
	Duration    string `xml:"duration"`
	Abstract    string `xml:"abstract"`
	Description string `xml:"description"`
	Slug        string `xml:"slug"`
	Track       string `xml:"track"`
	Language    string `xml:"language"`
	URL         string `xml:"url"`
	Persons     []struct {
		ID   string `xml:"id,attr"`
		Code string `xml:"code,attr"`
		Name string `xml:",chardata"`
	} `xml:"persons>person"`
	Links []struct {
		Href  string `xml:"href,attr"`
		Title string `xml:",chardata"`
	} `xml:"links>link"`
	Attachments []struct {
		Href  string `xml:"href,attr"`
		Title string `xml:",chardata"`
	} `xml:"attachments>attachment"`
	Recording struct {
		Optout string `xml:"optout"`
	} `xml:"recording"`
}

func readFrab(in Input, opts ReadOptions) (*schedule.Programme, error) {
	rc, err := open(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer rc.Close()
	l := opts.Limits.WithDefaults()
	guard := &xmlGuard{r: bufio.NewReaderSize(rc, 64<<10), max: l.RowBytes(), l: l}
	dec := xml.NewDecoder(guard)
	dec.CharsetReader = charset.NewReaderLabel
	var doc frabInSchedule
	if err := dec.Decode(&doc); err != nil {
		if guard.err != nil {
			return nil, &InputError{File: in.Name, Err: guard.err}
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			err = fmt.Errorf("not well-formed XML at line %d: %s", se.Line, se.Msg)
		} else if err == io.EOF {
			err = errors.New("the file is empty")
		}
		return nil, &InputError{File: in.Name, Err: err}
	}
	prog := &schedule.Programme{Name: strings.TrimSpace(doc.Conference.Title), Venue: strings.TrimSpace(doc.Conference.Venue), Version: strings.TrimSpace(doc.Version)}
	prog.FirstDay, prog.LastDay = dateOnly(doc.Conference.Start), dateOnly(doc.Conference.End)
	r := newFeedReader(in.Name, prog, strings.TrimSpace(doc.Conference.TimeZoneName), opts, strings.EqualFold(doc.Generator.Name, "docket"))
	for _, d := range doc.Days {
		for _, room := range d.Rooms {
			for i := range room.Events {
				x := &room.Events[i]
				e := feedEvent{ID: x.ID, GUID: x.GUID, Code: x.Code, Slug: x.Slug, Title: x.Title, Subtitle: x.Subtitle,
					Type: x.Type, Track: x.Track, Language: x.Language, Abstract: x.Abstract, Description: x.Description,
					URL: x.URL, Room: firstOf(x.Room, room.Name), Date: x.Date, Start: x.Start, Duration: x.Duration, DayDate: dateOnly(d.Date)}
				for _, p := range x.Persons {
					e.Persons = append(e.Persons, feedPerson{ID: firstOf(p.ID, p.Code), Name: p.Name})
				}
				for _, k := range x.Links {
					e.Links = append(e.Links, feedLink{URL: k.Href, Title: k.Title})
				}
				for _, k := range x.Attachments {
					e.Attachments = append(e.Attachments, feedLink{URL: k.Href, Title: k.Title})
				}
				if v := strings.TrimSpace(x.Recording.Optout); v != "" {
					e.DoNotRecordSet, e.DoNotRecord = true, v == "true" || v == "1"
				}
				s, err := r.session(&e)
				if err != nil {
					return nil, &InputError{File: in.Name, Err: err}
				}
				prog.Sessions = append(prog.Sessions, s)
			}
		}
	}
	if len(prog.Sessions) == 0 && len(doc.Days) == 0 {
		return nil, &InputError{File: in.Name, Err: errors.New("the schedule.xml has no <day> with events: is it a frab schedule?")}
	}
	r.finish()
	return prog, nil
}

// firstOf is the first of vs that is not blank.
func firstOf(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// dateOnly is the YYYY-MM-DD of a date or date-time, or "".
func dateOnly(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' {
		return v[:10]
	}
	return ""
}

// xmlGuard bounds what the XML decoder keeps: encoding/xml holds a whole
// text or tag in memory before it hands it over, so a run of bytes
// without markup (or a tag) longer than max stops the reading there.
// Values past the cell limit are refused after decoding, by the event.
type xmlGuard struct {
	r      io.Reader
	max    int
	l      Limits
	run    int
	offset int64
	err    error
}

func (g *xmlGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i, c := range p[:n] {
		if c == '<' || c == '>' {
			g.run = 0
			continue
		}
		if g.run++; g.run > g.max {
			e := g.l.Row(fmt.Sprintf("byte %d", g.offset+int64(i)+1))
			e.What = "text between two tags"
			g.err = e
			return 0, g.err
		}
	}
	g.offset += int64(n)
	return n, err
}
