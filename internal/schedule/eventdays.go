package schedule

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Sheets written for one event name their days as the people there do:
// "Friday", "fri", "Day 2", or not at all (a one-day meetup's sheet of
// times). With the event's days (event.days), those are dates.

// dayNames are the weekdays as programmes write them, folded to lower
// case without a trailing dot.
var dayNames = map[string]time.Weekday{}

func init() {
	for wd, names := range [7]string{
		"sunday sun su sonntag so dimanche dim domingo dom",
		"monday mon mo montag lundi lun lunes segunda seg",
		"tuesday tue tues tu dienstag di mardi mar martes terça terca ter",
		"wednesday wed we mittwoch mi mercredi mer miércoles miercoles mié mie quarta qua",
		"thursday thu thur thurs th donnerstag do jeudi jeu jueves jue quinta qui",
		"friday fri fr freitag vendredi ven viernes vie sexta sex",
		"saturday sat sa samstag samedi sam sábado sabado sáb sab",
	} {
		for _, n := range strings.Fields(names) {
			dayNames[n] = time.Weekday(wd)
		}
	}
}

// reDayN is "Day 2", "Tag 2", "Jour 2", "Día 2", "D2".
var reDayN = regexp.MustCompile(`(?i)^(?:day|tag|jour|d[ií]a|dia|d)\s*(\d{1,2})$`)

// eventDays are the event's days, or nil when the options name none.
func (b *Builder) eventDays() []Date {
	if b.opts.FirstDay == "" {
		return nil
	}
	first, err1 := ParseDate(b.opts.FirstDay)
	last, err2 := ParseDate(cmp.Or(b.opts.LastDay, b.opts.FirstDay))
	if err1 != nil || err2 != nil {
		return nil
	}
	var days []Date
	t := time.Date(first.Year, first.Month, first.Day, 12, 0, 0, 0, time.UTC)
	end := time.Date(last.Year, last.Month, last.Day, 12, 0, 0, 0, time.UTC)
	for ; !t.After(end) && len(days) < 366; t = t.AddDate(0, 0, 1) {
		days = append(days, Date{t.Year(), t.Month(), t.Day()})
	}
	return days
}

// dayOfEvent reads a date cell that names a day of the event ("Friday",
// "fri.", "Day 2") as its date. ok is false for a cell that names no day;
// err says why a day name is no day of the event.
func (b *Builder) dayOfEvent(v string) (d Date, ok bool, err error) {
	key := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(v)), ".")
	wd, isName := dayNames[key]
	m := reDayN.FindStringSubmatch(key)
	if !isName && m == nil {
		return Date{}, false, nil
	}
	days := b.eventDays()
	if days == nil {
		return Date{}, true, fmt.Errorf("%q names a day of the event, but the event's days are not known: give them with event.days (e.g. 2023-10-08..2023-10-12)", v)
	}
	if m != nil {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > len(days) {
			return Date{}, true, fmt.Errorf("%q is not a day of the event (%s..%s, %d days)", v, days[0], days[len(days)-1], len(days))
		}
		return days[n-1], true, nil
	}
	var found []Date
	for _, d := range days {
		if time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday() == wd {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 1:
		return found[0], true, nil
	case 0:
		return Date{}, true, fmt.Errorf("%q is no day of the event (%s..%s)", v, days[0], days[len(days)-1])
	}
	return Date{}, true, fmt.Errorf("%q is %d days of the event (%s..%s): write the date", v, len(found), days[0], days[len(days)-1])
}

// oneDay is the day of a one-day event, for a sheet of times alone.
func (b *Builder) oneDay() (Date, bool) {
	if days := b.eventDays(); len(days) == 1 {
		return days[0], true
	}
	return Date{}, false
}
