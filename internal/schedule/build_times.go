package schedule

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Reading a session's times: the date order of slash dates, decided from
// the data; ranges, lengths and the hours the clocks skip or repeat.

// readTimes reads a session's times once its slash dates, if any, have
// been looked at. The problems of a session whose dates may yet be read
// the other way wait with it (pendingTimes.problems).
func (b *Builder) readTimes(s *Session, cells *cellMap) {
	b.dayFromHeading(cells)
	n := len(b.pending)
	b.dateOrder(s, cells)
	if len(b.pending) > n {
		b.hold = &b.pending[len(b.pending)-1].problems
		defer func() { b.hold = nil }()
	}
	b.times(s, cells)
}

// dateOrder looks at the slash dates of a row before its times are read:
// the first that only one order can read decides the order for the file,
// and rows read before that are read again if it is month first.
func (b *Builder) dateOrder(s *Session, cells *cellMap) {
	if b.decided {
		return
	}
	for _, f := range []Field{FieldDate, FieldStart, FieldEnd, FieldEndDate} {
		x, y, ok := SlashDate(cells.get(f))
		if !ok {
			continue
		}
		switch {
		case x > 12 && y <= 12:
			b.decide(DayFirst, s, cells.get(f))
			return
		case y > 12 && x <= 12:
			b.decide(MonthFirst, s, cells.get(f))
			return
		case f == FieldEndDate:
			if o, ok := b.endDateOrder(cells.get(FieldDate), x, y); ok {
				b.decideNote(o, s, fmt.Sprintf("the end date %s on row %d is the start date %s only when read that way",
					strings.TrimSpace(cells.get(f)), s.Src.Row, strings.TrimSpace(cells.get(FieldDate))))
				return
			}
		}
		if b.firstAmb == "" {
			b.firstAmb = strings.TrimSpace(cells.get(f))
			b.ambAt, b.ambField = s, f
		}
		b.pending = append(b.pending, pendingTimes{s: s, cells: cells.clone()})
		return
	}
}

func (b *Builder) decide(o DateOrder, s *Session, example string) {
	b.decideNote(o, s, fmt.Sprintf("%s on row %d can only be read that way", strings.TrimSpace(example), s.Src.Row))
}

// endDateOrder decides the order of an end date x/y/yyyy that either order
// could read from a start date written otherwise (2026-04-09, as docket's
// own CSV writes it beside Google Calendar's End Date 04/09/2026): most
// sessions end on the day they start, so the order that makes the end date
// the start date is the file's. ok is false when neither or both do.
func (b *Builder) endDateOrder(startDate string, x, y int) (DateOrder, bool) {
	if _, _, slash := SlashDate(startDate); slash || x == y {
		return DayFirst, false
	}
	d, err := ParseDate(startDate)
	if n, ferr := strconv.ParseFloat(startDate, 64); ferr == nil && b.opts.Serials && n >= minSerial {
		st, serr := FromSerial(n, b.opts.Date1904)
		d, err = st.Date, serr // a workbook's date cell
	}
	if err != nil {
		return DayFirst, false
	}
	switch m, day := int(d.Month), d.Day; {
	case x == m && y == day:
		return MonthFirst, true
	case x == day && y == m:
		return DayFirst, true
	}
	return DayFirst, false
}

// decideNote settles the date order, telling why, and reads again the
// sessions read the other way while it was not known.
func (b *Builder) decideNote(o DateOrder, s *Session, why string) {
	before := b.order
	b.order, b.decided = o, true
	b.prog.Notes = append(b.prog.Notes, fmt.Sprintf("%s: dates read %s: %s", b.where(0), o, why))
	if o != before {
		b.rereading = true
		defer func() { b.rereading = false }()
		for _, p := range b.pending {
			p.s.Start, p.s.End = time.Time{}, time.Time{}
			for _, f := range []Field{FieldDate, FieldStart, FieldEnd, FieldEndDate} {
				delete(p.s.Raw, f)
			}
			b.times(p.s, &p.cells)
		}
		b.pending = nil
	}
	b.releasePending()
}

// releasePending adds the problems of the sessions still waiting for the
// date order (read day first) to the programme, and stops the wait.
func (b *Builder) releasePending() {
	for _, p := range b.pending {
		b.prog.Problems = append(b.prog.Problems, p.problems...)
	}
	b.pending = nil
}

func (b *Builder) describeAmb() string {
	d, err := ParseDateOrder(b.firstAmb, b.order)
	if err != nil {
		if st, err := ParseStampOrder(b.firstAmb, b.order); err == nil {
			d = st.Date
		}
	}
	if d.IsZero() {
		return "no date in the file tells"
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format("2 January 2006") + "; no date in the file tells"
}

// gap reports a wall-clock time that does not exist in its zone (the hour
// skipped when clocks go forward): time.Date silently moves it an hour on.
// day is the date the stamp was placed on.
func (b *Builder) gap(s *Session, f Field, st Stamp, day Date, t time.Time) bool {
	if st.Zone != nil {
		return false // a fixed offset has no gaps
	}
	if !st.Date.IsZero() {
		day = st.Date
	}
	// Compare wall clocks as if in UTC, where every time exists; 24:00 is
	// the next day's 00:00 on both sides.
	want := time.Date(day.Year, day.Month, day.Day, st.Clock.Hour, st.Clock.Min, st.Clock.Sec, 0, time.UTC)
	y, mo, d := t.Date()
	h, m, sec := t.Clock()
	if time.Date(y, mo, d, h, m, sec, 0, time.UTC).Equal(want) {
		return false
	}
	b.problem(s, RuleBadTime, f, fmt.Sprintf("%s %02d:%02d does not exist on %s in %s (the clocks go forward)",
		f, st.Clock.Hour, st.Clock.Min, day, t.Location()), "")
	return true
}

// twice reports a wall-clock time that happens twice in its zone (the
// hour repeated when clocks go back). time.Date picks one of the two, and
// not the same one in every zone (CET in Berlin, EDT in New York), so the
// finding says which was read and how to write the other.
func (b *Builder) twice(s *Session, f Field, st Stamp, t time.Time) {
	if st.Zone != nil {
		return // written with its offset: one instant
	}
	// Only a time within hours of a change of offset can be one of two:
	// one lookup settles nearly every time.
	near := func(b time.Time) bool { return !b.IsZero() && t.Sub(b).Abs() < 3*time.Hour }
	if from, to := t.ZoneBounds(); !near(from) && !near(to) {
		return
	}
	_, off := t.Zone()
	for _, d := range []time.Duration{-12 * time.Hour, 12 * time.Hour} {
		_, other := t.Add(d).Zone()
		if other == off {
			continue
		}
		alt := t.Add(time.Duration(off-other) * time.Second)
		const wall = "2006-01-02 15:04:05"
		if alt.Equal(t) || alt.Format(wall) != t.Format(wall) {
			continue
		}
		b.problem(s, RuleAmbiguousTime, f, fmt.Sprintf("%s %s happens twice on %s in %s (the clocks go back): read as %s, not %s",
			f, t.Format("15:04"), t.Format("2006-01-02"), t.Location(), t.Format("15:04 MST (-07:00)"), alt.Format("15:04 MST (-07:00)")),
			"to mean the other, write the time with its offset, e.g. "+alt.Format("2006-01-02T15:04-07:00"))
		return
	}
}

// times sets Timezone, Start and End from the date, start, end, timezone
// and duration cells, recording a bad-time problem for what it cannot read.
func (b *Builder) times(s *Session, cells *cellMap) {
	loc := b.loc
	if tz := cells.v[nTimezone]; tz != "" {
		l, err := LoadLocation(tz)
		if err != nil {
			b.problem(s, RuleBadTime, FieldTimezone, err.Error(), "")
			s.keepRaw(FieldTimezone, tz)
		} else {
			loc = l
		}
	}
	s.Timezone = loc.String()
	zoneless := b.opts.Timezone == "" && cells.v[nTimezone] == ""

	stamp := func(f Field) (Stamp, bool) {
		v := cells.get(f)
		if v == "" {
			return Stamp{}, false
		}
		if b.opts.Serials {
			if n, err := strconv.ParseFloat(v, 64); err == nil && (n < 1 || n >= minSerial) {
				st, err := FromSerial(n, b.opts.Date1904)
				if err != nil {
					b.problem(s, RuleBadTime, f, fmt.Sprintf("%s %s", f, err), "")
					return Stamp{}, false
				}
				return st, true
			}
		}
		st, err := ParseStampOrder(v, b.order)
		if err != nil {
			b.problem(s, RuleBadTime, f, fmt.Sprintf("%s %s", f, err), "")
			return Stamp{}, false
		}
		return st, true
	}

	var day Date
	if d, named, err := b.dayOfEvent(cells.v[nDate]); named {
		if err != nil {
			b.problem(s, RuleBadTime, FieldDate, "date "+err.Error(), "")
			s.keepRaw(FieldDate, cells.v[nDate])
			cells.set(FieldDate, "") // told once: not read again as a date
		} else {
			cells.set(FieldDate, d.String())
		}
	}
	if d, ok := stamp(FieldDate); ok {
		day = d.Date
		if d.Date.IsZero() {
			b.problem(s, RuleBadTime, FieldDate, fmt.Sprintf("date %q has no day", cells.v[nDate]), "write the date as YYYY-MM-DD")
		}
	}
	// A range in the start column ("17:45-18:45", the IGF web form) when
	// there is no end.
	if cells.v[nEnd] == "" {
		if a, z, ok := SplitRange(cells.v[nStart]); ok {
			a, z = RangeEnds(a, z)
			if _, err := ParseStampOrder(a, b.order); err == nil {
				cells.set(FieldStart, a)
				cells.set(FieldEnd, z)
				s.SetColumn(FieldEnd, s.Column(FieldStart))
			}
		}
	}
	st, okStart := stamp(FieldStart)
	if okStart && zoneless && st.Zone == nil && !b.rereading {
		b.zoneless++
	}
	if okStart {
		if day.IsZero() {
			day = st.Date
		}
		if one, ok := b.oneDay(); ok && day.IsZero() && cells.v[nDate] == "" {
			day = one // a sheet of times alone, for a one-day event
		}
		t, ok := st.In(loc, day)
		if ok && b.gap(s, FieldStart, st, day, t) {
			ok = false
		} else if !ok {
			b.problem(s, RuleBadTime, FieldStart, fmt.Sprintf("start %s has no date", cells.v[nStart]), "add a date column or write the start as YYYY-MM-DD HH:MM")
		} else {
			s.Start = t.In(loc)
			b.twice(s, FieldStart, st, s.Start)
		}
	}
	if !okStart && cells.v[nStart] == "" && cells.v[nEnd] == "" && !day.IsZero() && isYes(cells.v[nAllDay]) {
		// An all-day event without times (Google Calendar's All Day
		// Event): the whole of its days, from the midnight that begins
		// its date to the one that ends its end date.
		last := day
		if ed, ok := stamp(FieldEndDate); ok && !ed.Date.IsZero() && ed.Date.String() >= day.String() {
			last = ed.Date
		}
		s.Start = time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, loc)
		s.End = time.Date(last.Year, last.Month, last.Day+1, 0, 0, 0, 0, loc)
		return
	}
	en, okEnd := stamp(FieldEnd)
	if okEnd && !s.Start.IsZero() {
		// The end's day is the start's day in the session's zone unless
		// it says otherwise.
		sd := s.Start
		if en.Zone != nil {
			sd = s.Start.In(en.Zone)
		}
		endDay := Date{sd.Year(), sd.Month(), sd.Day()}
		ownDay := false // an end date column says the day
		if ed, ok := stamp(FieldEndDate); ok && !ed.Date.IsZero() {
			endDay, ownDay = ed.Date, true
		}
		t, _ := en.In(loc, endDay)
		b.gap(s, FieldEnd, en, endDay, t)
		if en.Date.IsZero() && !ownDay && t.Before(s.Start) && !t.Equal(s.Start) && s.Start.Sub(t) > 0 {
			// 23:00-01:00 ends the next day; a short backwards range
			// is a typo that end-before-start reports.
			if s.Start.Sub(t) > 12*time.Hour {
				t = t.AddDate(0, 0, 1)
			}
		}
		s.End = t.In(loc)
		b.twice(s, FieldEnd, en, s.End)
	}
	if !okEnd && !s.Start.IsZero() {
		if v := cells.v[nDuration]; v != "" {
			n, err := b.length(v)
			if err != nil {
				b.problem(s, RuleBadTime, FieldDuration, "duration "+err.Error(), "write the length in minutes, e.g. 90")
			} else {
				s.End = s.Start.Add(time.Duration(n) * time.Minute)
			}
		}
	}
	if s.Start.IsZero() {
		s.keepRaw(FieldDate, cells.v[nDate])
		s.keepRaw(FieldStart, cells.v[nStart])
	}
	if s.End.IsZero() {
		s.keepRaw(FieldEnd, cells.v[nEnd])
	}
}

// length reads a length cell (ParseMinutes). In a workbook, a length typed
// as a time ("0:45", which a spreadsheet turns into a time cell formatted
// [h]:mm or h:mm) is stored as a fraction of a day, 0.03125: it is read as
// that many minutes of the day.
func (b *Builder) length(v string) (int, error) {
	n, err := ParseMinutes(v)
	if err == nil || !b.opts.Serials {
		return n, err
	}
	if f, ferr := strconv.ParseFloat(v, 64); ferr == nil && f > 0 && f < 1 {
		if m := int(math.Round(f * 1440)); m > 0 {
			return m, nil
		}
	}
	return 0, err
}

// isYes reports whether a cell says yes: True (as calendars write it),
// yes, x, 1, ja, oui, sí, sim.
func isYes(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "y", "x", "1", "ja", "wahr", "oui", "vrai", "sí", "si", "sim", "verdadero":
		return true
	}
	return false
}
