// Package schedule holds docket's domain model (a programme of sessions and
// the persons in them) and turns the rows of an organizer's spreadsheet into
// that model: header mapping, time parsing and person parsing live here.
// It knows nothing of CSV or Excel; readers in package formats hand it rows.
package schedule

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Programme is a forum's or conference's programme: its sessions and the
// event's metadata.
type Programme struct {
	Name     string
	Timezone string // default IANA zone for times written without one
	FirstDay string // YYYY-MM-DD, empty when unknown
	LastDay  string
	Venue    string
	// Version is a feed's version as it was read (a frab schedule.xml's or
	// schedule.json's), which an export with --previous continues.
	Version string
	// Profile is the set of rules the programme is checked with: ProfileIGF
	// (the IGF's vocabularies and norms) or ProfileGeneric; "" (a programme
	// read from docket's JSON) is checked as the IGF's.
	Profile  string
	Sessions []*Session
	// ExtraColumns lists, in input order, the headers of columns that have no
	// field in the model. Writers emit them after the canonical columns.
	ExtraColumns []string
	// Columns says how each input column was read: its header and the
	// field it maps to ("" for an extra), per file and sheet.
	Columns []ColumnInfo
	// Notes are the reader's decisions worth telling with --verbose:
	// the encoding, delimiter, sheet and date order it assumed.
	Notes []string
	// Warnings are guesses a user should check, told unless --quiet: a
	// date order nothing in the file decided, for one.
	Warnings []string
	// Problems are the values the reader could not interpret (bad times,
	// for instance); validation reports them as findings.
	Problems []Problem
	// Rooms and Availability are what a Rooms and an Availability sheet
	// (or the settings file) say of the rooms and of when persons and
	// rooms can be used (resources.go); validation checks the sessions
	// against them.
	Rooms        []RoomInfo
	Availability []Window
}

// Session is one programme item.
type Session struct {
	ID               string
	Title            string
	Type             string
	Format           string
	DeclaredMinutes  int // 0 when not declared
	Start, End       time.Time
	Timezone         string // IANA name the session's times are shown in
	Room             string
	Theme            string
	Subtheme         string
	Description      string
	PolicyQuestions  string
	ExpectedOutcomes string
	Organizers       []Person
	Speakers         []Person
	OnsiteModerator  *Person
	OnlineModerator  *Person
	Rapporteur       *Person
	SDGs             []string
	KeyTakeaways     string
	CallToAction     string
	Report           string
	Tags             []string
	Language         string
	URL              string
	// Subtitle and Abstract are what frab, pretalx and voctosched carry
	// beside the description (added after the first release: last in the
	// contracts).
	Subtitle string
	Abstract string
	Extra    []Extra
	// Raw keeps, by field, what a date, time, length or zone cell said when
	// it could not be read, so that converting a file loses nothing: the
	// canonical CSV and XLSX writers put it back in its column.
	Raw map[Field]string

	// Src is where the session's row was read.
	Src Source
	// Cols maps a field to the header text of the column it came from, so
	// that findings can name the column. Sessions of one sheet share it:
	// change it with SetColumn.
	Cols       map[Field]string
	colsShared bool
	// Joined says where the persons a person sheet added were read, so
	// that findings about them point at that sheet's row, not this one.
	Joined []JoinedPerson
}

// JoinedPerson is a person of a session that a person sheet (a Speakers
// sheet) added: its field, its place in that field's list (0 for a field
// of one person), the sheet row it was read from and the sheet's headers.
type JoinedPerson struct {
	Field Field
	Index int
	Src   Source
	Cols  *PersonSheetColumns
}

// PersonSheetColumns are the headers of a person sheet's columns ("" for a
// column the sheet does not have).
type PersonSheetColumns struct {
	Name, Email, Stakeholder, Region string
}

// JoinedFrom returns where person p, one of the session's persons in
// field f, was read, when a person sheet added it.
func (s *Session) JoinedFrom(f Field, p *Person) (JoinedPerson, bool) {
	for _, j := range s.Joined {
		if j.Field != f {
			continue
		}
		var q *Person
		switch f {
		case FieldOrganizers:
			q = elem(s.Organizers, j.Index)
		case FieldSpeakers:
			q = elem(s.Speakers, j.Index)
		case FieldOnsiteModerator:
			q = s.OnsiteModerator
		case FieldOnlineModerator:
			q = s.OnlineModerator
		case FieldRapporteur:
			q = s.Rapporteur
		}
		if q == p {
			return j, true
		}
	}
	return JoinedPerson{}, false
}

func elem(ps []Person, i int) *Person {
	if i < 0 || i >= len(ps) {
		return nil
	}
	return &ps[i]
}

// SetColumn records that field f came from the column with header h,
// copying the map first if it is shared with other sessions.
func (s *Session) SetColumn(f Field, h string) {
	if s.colsShared || s.Cols == nil {
		m := make(map[Field]string, len(s.Cols)+1)
		for k, v := range s.Cols {
			m[k] = v
		}
		s.Cols, s.colsShared = m, false
	}
	s.Cols[f] = h
}

// ColumnInfo is how one input column was read.
type ColumnInfo struct {
	File, Sheet string
	HeaderRow   int
	Letter      string // spreadsheet column letters
	Header      string // header text ("column K" when the cell was empty)
	Field       Field  // "" when kept as an extra
	Unnamed     bool
}

// Extra is the value of an input column that has no field in the model.
type Extra struct {
	Name  string
	Value string
}

// Person is a speaker, organizer, moderator or rapporteur.
type Person struct {
	Name          string
	Role          string
	Organization  string
	Stakeholder   string // canonical vocabulary name when recognised, else as written
	Region        string // likewise
	Participation string // "onsite", "online" or ""
	Email         string
	Gender        string // "female", "male", "non-binary", as written, or "" (optional)
	// ID is the source's id of the person (a frab or pretalx person's),
	// or "": feeds written again keep it. The packed CSV form has no
	// place for it.
	ID string
}

// Participation values.
const (
	Onsite = "onsite"
	Online = "online"
)

// Scheduled reports whether the session has a start time.
func (s *Session) Scheduled() bool { return !s.Start.IsZero() }

// Location returns the session's time zone (UTC when it has none or an
// unknown one).
func (s *Session) Location() *time.Location {
	if s.Timezone != "" {
		if loc, err := LoadLocation(s.Timezone); err == nil {
			return loc
		}
	}
	return time.UTC
}

// Minutes returns the scheduled length in minutes, or 0.
func (s *Session) Minutes() int {
	if s.Start.IsZero() || s.End.IsZero() {
		return 0
	}
	return int(s.End.Sub(s.Start) / time.Minute)
}

// Column returns the header text of the column field f came from, or the
// canonical name when the field was not read from a column.
func (s *Session) Column(f Field) string {
	if c, ok := s.Cols[f]; ok {
		return c
	}
	return string(f)
}

// Roles iterates over every person of the session with the field they
// appear in.
func (s *Session) Roles(yield func(Field, *Person) bool) {
	for i := range s.Organizers {
		if !yield(FieldOrganizers, &s.Organizers[i]) {
			return
		}
	}
	for i := range s.Speakers {
		if !yield(FieldSpeakers, &s.Speakers[i]) {
			return
		}
	}
	for _, p := range []struct {
		f Field
		p *Person
	}{{FieldOnsiteModerator, s.OnsiteModerator}, {FieldOnlineModerator, s.OnlineModerator}, {FieldRapporteur, s.Rapporteur}} {
		if p.p != nil && !yield(p.f, p.p) {
			return
		}
	}
}

// Source is the place a value was read from.
type Source struct {
	File  string
	Sheet string // empty for text files
	Row   int    // 1-based, as the spreadsheet shows it
	// Line is the text line the row starts on, for text files (what a
	// diff of the file shows); 0 for workbooks.
	Line int
}

// Problem is a value the reader could not interpret. Validation turns it
// into a finding under Rule.
type Problem struct {
	Rule    string
	Src     Source
	Column  string
	Session string
	Message string
	Hint    string
}

var locCache sync.Map // zone name -> *time.Location

// LoadLocation is time.LoadLocation with a cache: a programme names the same
// zone on every row, and loading one reads the zoneinfo database.
func LoadLocation(name string) (*time.Location, error) {
	if loc, ok := locCache.Load(name); ok {
		return loc.(*time.Location), nil
	}
	if name == "" || strings.EqualFold(name, "local") {
		// time.LoadLocation("") is UTC and "Local" is the machine's zone;
		// neither is a programme's zone.
		return nil, fmt.Errorf("unknown time zone %q", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (use an IANA name such as Europe/Berlin or Asia/Tokyo)", name)
	}
	locCache.Store(name, loc)
	return loc, nil
}

// ExtraValue returns the value of the extra column named name.
func (s *Session) ExtraValue(name string) string {
	for _, e := range s.Extra {
		if e.Name == name {
			return e.Value
		}
	}
	return ""
}

// Merge adds the sessions, problems and extra columns of q to p: one
// programme read from several files.
func (p *Programme) Merge(q *Programme) {
	if q.Profile != ProfileGeneric {
		p.Profile = q.Profile // one IGF file makes the whole programme IGF's
	}
	p.Sessions = append(p.Sessions, q.Sessions...)
	p.Problems = append(p.Problems, q.Problems...)
	p.ExtraColumns = appendMissing(p.ExtraColumns, q.ExtraColumns)
	p.Columns = append(p.Columns, q.Columns...)
	p.Notes = append(p.Notes, q.Notes...)
	p.Warnings = append(p.Warnings, q.Warnings...)
	p.Rooms = append(p.Rooms, q.Rooms...)
	p.Availability = append(p.Availability, q.Availability...)
}
