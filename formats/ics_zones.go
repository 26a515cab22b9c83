package formats

// The zones of an iCalendar file: a TZID's wall times read in the IANA
// zone it names, in a VTIMEZONE's own rules, or in Windows' zone names.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

// wallIn is the wall time w (read in UTC) in loc.
func wallIn(w time.Time, loc *time.Location) time.Time {
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc)
}

// inZone reads the wall time w in the zone tzid names: an IANA zone it
// names, or the offsets of its VTIMEZONE. zone is the IANA name the
// session is shown in.
func (r *icsResolver) inZone(w time.Time, tzid string, p *icsProp, s *schedule.Session) (time.Time, string, bool) {
	loc, name, how := r.knownZone(tzid)
	if loc != nil {
		if how != "" && !r.zoneNotes[tzid] {
			r.zoneNotes[tzid] = true
			r.prog.Notes = append(r.prog.Notes, fmt.Sprintf("%s: the zone TZID=%s was read as %s (%s)", r.in.Name, icsClip(tzid, 80), name, how))
		}
		return wallIn(w, loc), name, true
	}
	z := r.cal.zones[strings.Trim(strings.TrimSpace(tzid), `"`)]
	if z == nil {
		r.problem(s, p.name, fmt.Sprintf("%s's zone TZID=%s is no time zone docket knows and the calendar has no VTIMEZONE for it: the time was read as %s", p.name, icsClip(tzid, 80), r.zoneWords()))
		return time.Time{}, "", false
	}
	offset, std, exact, ok := z.offsetAt(w)
	if !ok {
		r.problem(s, p.name, fmt.Sprintf("%s's zone TZID=%s is no time zone docket knows and its VTIMEZONE gives no offset: the time was read as %s", p.name, icsClip(tzid, 80), r.zoneWords()))
		return time.Time{}, "", false
	}
	t := w.Add(-time.Duration(offset) * time.Second)
	// Shown in the programme's zone when one is known, else the fixed
	// zone of the standard offset (the same for summer and winter).
	shown := r.zoneName
	if shown == "" {
		shown = fixedZoneName(std)
	}
	loc, err := schedule.LoadLocation(shown)
	if err != nil {
		loc, shown = time.UTC, "UTC"
	}
	msg := fmt.Sprintf("%s's zone TZID=%s is no IANA time zone: the time was read with the offset its VTIMEZONE gives (UTC%s) and is shown in %s; give the programme's zone with event.timezone if that is not it",
		p.name, icsClip(tzid, 80), formatOffset(offset), shown)
	if !exact {
		// Only the standard offset was understood: in summer the time may
		// be an hour off.
		r.problem(s, p.name, msg+" (its summer-time rules were not understood, so the standard offset was used)")
	} else if !r.zoneNotes[tzid] {
		r.zoneNotes[tzid] = true
		r.prog.Warnings = append(r.prog.Warnings, r.in.Name+": "+msg)
	}
	return t.In(loc), shown, true
}

// zoneWords names the zone floating times are read in.
func (r *icsResolver) zoneWords() string {
	if r.zoneName == "" {
		return "UTC"
	}
	return "in " + r.zoneName
}

// fixedZoneName is the IANA name of a whole-hour offset (Etc/GMT-2 is
// UTC+2), else UTC.
func fixedZoneName(offset int) string {
	if offset == 0 || offset%3600 != 0 || offset > 14*3600 || offset < -12*3600 {
		return "UTC"
	}
	h := offset / 3600
	if h > 0 {
		return fmt.Sprintf("Etc/GMT-%d", h)
	}
	return fmt.Sprintf("Etc/GMT+%d", -h)
}

func formatOffset(offset int) string {
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	return fmt.Sprintf("%c%02d:%02d", sign, offset/3600, offset/60%60)
}

// offsetAt is the zone's UTC offset at wall time w: the observance whose
// latest onset is at or before w; std is its standard offset. exact is
// false when the zone has summer time whose rules were not understood,
// and the standard offset is given.
func (z *icsZone) offsetAt(w time.Time) (offset, std int, exact, ok bool) {
	var so *icsObservance
	for i := range z.obs {
		if z.obs[i].toSet && (so == nil || !z.obs[i].daylight && so.daylight) {
			so = &z.obs[i]
		}
	}
	if so == nil {
		return 0, 0, false, false
	}
	std = so.to
	var best time.Time
	found, understood := false, true
	for i := range z.obs {
		o := &z.obs[i]
		if !o.toSet {
			continue
		}
		onset, known := o.lastOnset(w)
		if !known {
			understood = false
			continue
		}
		if !onset.IsZero() && (!found || onset.After(best)) {
			best, offset, found = onset, o.to, true
		}
	}
	if !understood || !found {
		return std, std, len(z.obs) == 1, true
	}
	return offset, std, true, true
}

// lastOnset is the observance's latest onset at or before w (wall times),
// zero when it has none yet; known is false for a rule it cannot follow.
func (o *icsObservance) lastOnset(w time.Time) (time.Time, bool) {
	start, err := time.ParseInLocation("20060102T150405", strings.TrimRight(o.start, "Zz"), time.UTC)
	if err != nil {
		return time.Time{}, false
	}
	if o.rrule == "" {
		if start.After(w) {
			return time.Time{}, true
		}
		return start, true
	}
	rule := map[string]string{}
	for part := range strings.SplitSeq(strings.ToUpper(o.rrule), ";") {
		k, v, _ := strings.Cut(part, "=")
		rule[k] = v
	}
	month, err := strconv.Atoi(rule["BYMONTH"])
	if rule["FREQ"] != "YEARLY" || err != nil || month < 1 || month > 12 {
		return time.Time{}, false
	}
	nth, weekday, ok := parseByDay(rule["BYDAY"])
	if !ok {
		return time.Time{}, false
	}
	for year := w.Year(); year >= w.Year()-1; year-- {
		if year < start.Year() {
			break
		}
		d := nthWeekday(year, time.Month(month), nth, weekday)
		onset := time.Date(year, time.Month(month), d, start.Hour(), start.Minute(), start.Second(), 0, time.UTC)
		if !onset.After(w) {
			return onset, true
		}
	}
	return time.Time{}, true
}

// parseByDay reads BYDAY=-1SU or 2SU: which weekday of the month.
func parseByDay(v string) (int, time.Weekday, bool) {
	if len(v) < 3 {
		return 0, 0, false
	}
	days := map[string]time.Weekday{"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday, "TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday}
	wd, ok := days[v[len(v)-2:]]
	if !ok {
		return 0, 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(v[:len(v)-2], "+"))
	if err != nil || n == 0 || n < -5 || n > 5 {
		return 0, 0, false
	}
	return n, wd, true
}

// nthWeekday is the day of the month of its nth weekday (-1: the last).
func nthWeekday(year int, month time.Month, n int, wd time.Weekday) int {
	if n > 0 {
		first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
		d := 1 + (int(wd)-int(first.Weekday())+7)%7 + 7*(n-1)
		if last := daysIn(year, month); d > last {
			d -= 7
		}
		return d
	}
	last := daysIn(year, month)
	lastDay := time.Date(year, month, last, 0, 0, 0, 0, time.UTC)
	d := last - (int(lastDay.Weekday())-int(wd)+7)%7 + 7*(n+1)
	if d < 1 {
		d += 7
	}
	return d
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// windowsZones maps the common Windows zone names (as Outlook and
// Exchange write them in TZID) to IANA zones, after CLDR's windowsZones
// for the territory 001. Keys are lower case.
var windowsZones = map[string]string{
	"dateline standard time":          "Etc/GMT+12",
	"utc-11":                          "Etc/GMT+11",
	"hawaiian standard time":          "Pacific/Honolulu",
	"alaskan standard time":           "America/Anchorage",
	"pacific standard time (mexico)":  "America/Tijuana",
	"pacific standard time":           "America/Los_Angeles",
	"us mountain standard time":       "America/Phoenix",
	"mountain standard time (mexico)": "America/Mazatlan",
	"mountain standard time":          "America/Denver",
	"central america standard time":   "America/Guatemala",
	"central standard time":           "America/Chicago",
	"central standard time (mexico)":  "America/Mexico_City",
	"canada central standard time":    "America/Regina",
	"sa pacific standard time":        "America/Bogota",
	"eastern standard time (mexico)":  "America/Cancun",
	"eastern standard time":           "America/New_York",
	"venezuela standard time":         "America/Caracas",
	"paraguay standard time":          "America/Asuncion",
	"atlantic standard time":          "America/Halifax",
	"sa western standard time":        "America/La_Paz",
	"pacific sa standard time":        "America/Santiago",
	"newfoundland standard time":      "America/St_Johns",
	"e. south america standard time":  "America/Sao_Paulo",
	"sa eastern standard time":        "America/Cayenne",
	"argentina standard time":         "America/Argentina/Buenos_Aires",
	"montevideo standard time":        "America/Montevideo",
	"utc-02":                          "Etc/GMT+2",
	"azores standard time":            "Atlantic/Azores",
	"cape verde standard time":        "Atlantic/Cape_Verde",
	"utc":                             "UTC",
	"coordinated universal time":      "UTC",
	"gmt standard time":               "Europe/London",
	"greenwich standard time":         "Atlantic/Reykjavik",
	"morocco standard time":           "Africa/Casablanca",
	"w. europe standard time":         "Europe/Berlin",
	"central europe standard time":    "Europe/Budapest",
	"romance standard time":           "Europe/Paris",
	"central european standard time":  "Europe/Warsaw",
	"w. central africa standard time": "Africa/Lagos",
	"jordan standard time":            "Asia/Amman",
	"gtb standard time":               "Europe/Bucharest",
	"middle east standard time":       "Asia/Beirut",
	"egypt standard time":             "Africa/Cairo",
	"e. europe standard time":         "Europe/Chisinau",
	"south africa standard time":      "Africa/Johannesburg",
	"fle standard time":               "Europe/Kiev",
	"israel standard time":            "Asia/Jerusalem",
	"namibia standard time":           "Africa/Windhoek",
	"turkey standard time":            "Europe/Istanbul",
	"arabic standard time":            "Asia/Baghdad",
	"arab standard time":              "Asia/Riyadh",
	"russian standard time":           "Europe/Moscow",
	"e. africa standard time":         "Africa/Nairobi",
	"iran standard time":              "Asia/Tehran",
	"arabian standard time":           "Asia/Dubai",
	"azerbaijan standard time":        "Asia/Baku",
	"georgian standard time":          "Asia/Tbilisi",
	"caucasus standard time":          "Asia/Yerevan",
	"afghanistan standard time":       "Asia/Kabul",
	"west asia standard time":         "Asia/Tashkent",
	"pakistan standard time":          "Asia/Karachi",
	"india standard time":             "Asia/Kolkata",
	"sri lanka standard time":         "Asia/Colombo",
	"nepal standard time":             "Asia/Kathmandu",
	"central asia standard time":      "Asia/Almaty",
	"bangladesh standard time":        "Asia/Dhaka",
	"myanmar standard time":           "Asia/Yangon",
	"se asia standard time":           "Asia/Bangkok",
	"china standard time":             "Asia/Shanghai",
	"singapore standard time":         "Asia/Singapore",
	"w. australia standard time":      "Australia/Perth",
	"taipei standard time":            "Asia/Taipei",
	"tokyo standard time":             "Asia/Tokyo",
	"korea standard time":             "Asia/Seoul",
	"cen. australia standard time":    "Australia/Adelaide",
	"aus central standard time":       "Australia/Darwin",
	"e. australia standard time":      "Australia/Brisbane",
	"aus eastern standard time":       "Australia/Sydney",
	"new zealand standard time":       "Pacific/Auckland",
	"fiji standard time":              "Pacific/Fiji",
	"utc+12":                          "Etc/GMT-12",
	"tonga standard time":             "Pacific/Tongatapu",
	"samoa standard time":             "Pacific/Apia",
}
