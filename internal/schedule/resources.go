package schedule

// Rooms and availability: what a Rooms sheet says of each room (its
// capacity, its features, whether it hosts several sessions at once) and
// what an Availability sheet says of when a person or a room can be used.
// validate checks the sessions against them (over-capacity,
// missing-equipment, person-unavailable, room-unavailable).

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// RoomInfo is what is known of a room.
type RoomInfo struct {
	Name     string
	Capacity int // 0 when not given
	Features []string
	// Shared says the room hosts several sessions at once (an exhibition
	// hall, a booth area): room-overlap leaves it alone.
	Shared bool
	Src    Source
}

// Window is a time when a person or a room (Who) is unavailable or, when
// Available, the only times the person or room is available. From is
// inclusive and To exclusive: a window ending at 10:00 does not touch a
// session starting at 10:00.
type Window struct {
	Who       string
	From, To  time.Time
	Available bool
	Src       Source
	// Where names the window in a finding: "Availability row 4", or
	// "docket.toml availability 2".
	Where string
}

// Resource sheet columns.
const (
	rcName     = "name"
	rcCapacity = "capacity"
	rcFeatures = "features"
	rcShared   = "shared"
	acWho      = "who"
	acFrom     = "from"
	acTo       = "to"
	acStatus   = "status"
)

var roomAliases = map[string]string{
	"name": rcName, "room": rcName, "roomname": rcName, "venue": rcName, "space": rcName,
	"capacity": rcCapacity, "seats": rcCapacity, "maxcapacity": rcCapacity, "size": rcCapacity,
	"features": rcFeatures, "equipment": rcFeatures, "facilities": rcFeatures,
	"shared": rcShared, "sharedroom": rcShared,
}

var availabilityAliases = map[string]string{
	"who": acWho, "name": acWho, "person": acWho, "room": acWho, "speaker": acWho,
	"from": acFrom, "start": acFrom, "begin": acFrom, "since": acFrom,
	"to": acTo, "end": acTo, "until": acTo, "till": acTo,
	"status": acStatus, "availability": acStatus, "type": acStatus,
}

// IsRoomSheetName reports whether a sheet's name says it lists rooms.
func IsRoomSheetName(name string) bool {
	switch NormalizeHeader(name) {
	case "rooms", "venues", "spaces":
		return true
	}
	return false
}

// IsAttendanceHeader reports whether an extra column's header names a
// session's expected attendance ("Expected attendance", "Expected
// audience"; "Attendance" alone is the participation field's).
func IsAttendanceHeader(header string) bool {
	switch NormalizeHeader(header) {
	case "expectedattendance", "expectedattendees", "expectedaudience", "expectedparticipants", "estimatedattendance", "audiencesize":
		return true
	}
	return false
}

// ExpectedAttendance is a session's expected attendance from its extra
// columns, and whether it gives one that is a number.
func ExpectedAttendance(s *Session) (int, bool) {
	for _, e := range s.Extra {
		if IsAttendanceHeader(e.Name) {
			if n, err := ParseCount(strings.TrimSpace(e.Value)); err == nil {
				return n, true
			}
		}
	}
	return 0, false
}

// IsAvailabilitySheetName reports whether a sheet's name says it lists
// when persons and rooms are available.
func IsAvailabilitySheetName(name string) bool {
	switch NormalizeHeader(name) {
	case "availability", "availabilities", "unavailability", "unavailable":
		return true
	}
	return false
}

// IsSideSheetName reports whether a sheet is joined to the sessions (a
// person, room or availability sheet) rather than read as sessions.
func IsSideSheetName(name string) bool {
	return IsPersonSheetName(name) || IsRoomSheetName(name) || IsAvailabilitySheetName(name)
}

// SplitList splits a list of features or needs written as
// "interpretation, streaming" (commas, semicolons or line breaks).
func SplitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// ParseYesNo reads yes/no, true/false, 1/0, x and empty (no).
func ParseYesNo(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "x", "shared":
		return true, nil
	case "no", "n", "false", "0", "":
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no", s)
}

// ParseStatus reads an availability status: "unavailable" (the default,
// when empty) or "available".
func ParseStatus(s string) (available bool, err error) {
	switch NormalizeHeader(s) {
	case "", "unavailable", "notavailable", "busy", "blocked", "closed", "no":
		return false, nil
	case "available", "free", "open", "yes":
		return true, nil
	}
	return false, fmt.Errorf("status %q is neither unavailable nor available", s)
}

// ParseWindowTime reads a window's from (end false) or to (end true) in
// loc: a date and time ("2023-10-11 09:00"); a date alone is the start of
// that day as a from and the end of it as a to.
func ParseWindowTime(s string, end bool, loc *time.Location) (time.Time, error) {
	st, err := ParseStamp(s)
	if err != nil {
		return time.Time{}, err
	}
	if st.Date.IsZero() {
		return time.Time{}, fmt.Errorf("%q has no date (write e.g. 2023-10-11 09:00)", s)
	}
	t, _ := st.In(loc, Date{})
	if !st.HasTime && end {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}

// sideSheet reads the header of a side sheet and returns a getter of a
// row's cells by column key and the header texts by key.
type sideSheet struct {
	idx    map[string]int
	header map[string]string
}

func (h *sideSheet) get(r Row, k string) string {
	i, ok := h.idx[k]
	if !ok || i >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[i])
}

func readSideHeader(r Row, aliases map[string]string) *sideSheet {
	h := &sideSheet{idx: map[string]int{}, header: map[string]string{}}
	for i, c := range r.Cells {
		if k, ok := aliases[NormalizeHeader(c)]; ok {
			if _, seen := h.idx[k]; !seen {
				h.idx[k] = i
				h.header[k] = strings.TrimSpace(c)
			}
		}
	}
	return h
}

// sheetRows calls row for each non-blank row after the header, which
// must name the columns need lists.
func sheetRows(rows Rows, opts Options, aliases map[string]string, need []string, what string, row func(*sideSheet, Row, Source)) error {
	var h *sideSheet
	for {
		r, err := rows.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(r.Cells) {
			continue
		}
		if h == nil {
			h = readSideHeader(r, aliases)
			for _, k := range need {
				if _, ok := h.idx[k]; !ok {
					return fmt.Errorf("%s:%s:%d: %s needs a %s column", opts.File, opts.Sheet, r.Num, what, k)
				}
			}
			continue
		}
		row(h, r, Source{File: opts.File, Sheet: opts.Sheet, Row: r.Num, Line: r.Line})
	}
}

// ReadRooms reads a Rooms sheet (name, capacity, features, shared) into
// prog.Rooms. Values it cannot read are problems: a capacity under
// over-capacity, a shared under room-overlap.
func ReadRooms(prog *Programme, rows Rows, opts Options) error {
	return sheetRows(rows, opts, roomAliases, []string{rcName}, "a Rooms sheet", func(h *sideSheet, r Row, src Source) {
		room := RoomInfo{Name: h.get(r, rcName), Features: SplitList(h.get(r, rcFeatures)), Src: src}
		if room.Name == "" {
			return
		}
		if c := h.get(r, rcCapacity); c != "" {
			n, err := ParseCount(c)
			if err != nil {
				prog.Problems = append(prog.Problems, Problem{Rule: RuleOverCapacity, Src: src, Column: h.header[rcCapacity],
					Message: fmt.Sprintf("%s: capacity %q is not a number of seats", room.Name, c), Hint: "write the number of seats, e.g. 120"})
			}
			room.Capacity = n
		}
		shared, err := ParseYesNo(h.get(r, rcShared))
		if err != nil {
			prog.Problems = append(prog.Problems, Problem{Rule: RuleRoomOverlap, Src: src, Column: h.header[rcShared],
				Message: fmt.Sprintf("%s: shared %s; the room is taken as not shared", room.Name, err), Hint: "write yes or no"})
		}
		room.Shared = shared
		prog.Rooms = append(prog.Rooms, room)
	})
}

// ParseCount reads a whole number of persons or seats (Excel may write
// 120 as "120.0"; thousands separators are allowed).
func ParseCount(s string) (int, error) {
	s = strings.NewReplacer(",", "", "_", "", " ", "").Replace(strings.TrimSpace(s))
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return n, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f == float64(int(f)) && f < 1e9 {
		return int(f), nil
	}
	return 0, fmt.Errorf("%q is not a number", s)
}

// ReadAvailability reads an Availability sheet (who, from, to, status)
// into prog.Availability, its times in the programme's zone (opts'
// Timezone when the programme has none). A time that cannot be read is a
// bad-time problem; a status, a person-unavailable one.
func ReadAvailability(prog *Programme, rows Rows, opts Options) error {
	loc := time.UTC
	if z := prog.Timezone; z != "" {
		if l, err := LoadLocation(z); err == nil {
			loc = l
		}
	} else if opts.Timezone != "" {
		if l, err := LoadLocation(opts.Timezone); err == nil {
			loc = l
		}
	}
	return sheetRows(rows, opts, availabilityAliases, []string{acWho, acFrom, acTo}, "an Availability sheet", func(h *sideSheet, r Row, src Source) {
		w := Window{Who: h.get(r, acWho), Src: src, Where: fmt.Sprintf("%s row %d", opts.Sheet, r.Num)}
		if w.Who == "" {
			return
		}
		ok := true
		for _, k := range []string{acFrom, acTo} {
			v := h.get(r, k)
			t, err := windowCell(v, k == acTo, loc, opts)
			if err != nil {
				prog.Problems = append(prog.Problems, Problem{Rule: RuleBadTime, Src: src, Column: h.header[k],
					Message: fmt.Sprintf("%s: %s %q cannot be read: %v", w.Who, k, v, err), Hint: "write a date and time, e.g. 2023-10-11 09:00"})
				ok = false
				continue
			}
			if k == acFrom {
				w.From = t
			} else {
				w.To = t
			}
		}
		if !ok {
			return
		}
		if !w.To.After(w.From) {
			prog.Problems = append(prog.Problems, Problem{Rule: RuleBadTime, Src: src, Column: h.header[acTo],
				Message: fmt.Sprintf("%s: the window ends (%s) before it starts (%s)", w.Who, h.get(r, acTo), h.get(r, acFrom))})
			return
		}
		av, err := ParseStatus(h.get(r, acStatus))
		if err != nil {
			prog.Problems = append(prog.Problems, Problem{Rule: RulePersonUnavailable, Src: src, Column: h.header[acStatus],
				Message: fmt.Sprintf("%s: %v; the row is not used", w.Who, err), Hint: "write unavailable or available"})
			return
		}
		w.Available = av
		prog.Availability = append(prog.Availability, w)
	})
}

// windowCell reads a from or to cell: text, or in a workbook an Excel
// serial.
func windowCell(v string, end bool, loc *time.Location, opts Options) (time.Time, error) {
	if v == "" {
		return time.Time{}, fmt.Errorf("empty")
	}
	if opts.Serials {
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			st, err := FromSerial(n, opts.Date1904)
			if err != nil {
				return time.Time{}, err
			}
			v = st.String()
		}
	}
	return ParseWindowTime(v, end, loc)
}
