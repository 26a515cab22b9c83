package schedule

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without a zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Clock is a time of day.
type Clock struct{ Hour, Min, Sec int }

// Stamp is what one date or time cell says: a day, a time of day, or both,
// and possibly an absolute instant when the text named a zone or offset.
type Stamp struct {
	Date    Date
	Clock   Clock
	HasTime bool
	// Zone is set when the text named its own zone or offset
	// ("2023-10-11T08:45:00Z", "08:45 UTC"); it overrides the session's.
	Zone *time.Location
}

// In returns the instant of s in loc, taking the day from day when s has
// none. It reports false when there is no day to use.
func (s Stamp) In(loc *time.Location, day Date) (time.Time, bool) {
	if s.Zone != nil {
		loc = s.Zone
	}
	d := s.Date
	if d.IsZero() {
		d = day
	}
	if d.IsZero() {
		return time.Time{}, false
	}
	return time.Date(d.Year, d.Month, d.Day, s.Clock.Hour, s.Clock.Min, s.Clock.Sec, 0, loc), true
}

// String writes the stamp as YYYY-MM-DD, HH:MM or YYYY-MM-DD HH:MM
// (seconds only when there are some).
func (s Stamp) String() string {
	clock := fmt.Sprintf("%02d:%02d", s.Clock.Hour, s.Clock.Min)
	if s.Clock.Sec != 0 {
		clock += fmt.Sprintf(":%02d", s.Clock.Sec)
	}
	switch {
	case s.Date.IsZero():
		return clock
	case !s.HasTime:
		return s.Date.String()
	}
	return s.Date.String() + " " + clock
}

// FromSerial reads an Excel serial number: whole days since the epoch of
// the workbook's date system, the fraction being the time of day. Serials
// below 1 are a time of day alone.
func FromSerial(serial float64, date1904 bool) (Stamp, error) {
	if math.IsNaN(serial) || serial < 0 || serial >= 2958466 { // after 9999-12-31
		return Stamp{}, fmt.Errorf("%v is not a date or time", serial)
	}
	days := math.Floor(serial)
	// Round to the second: Excel stores 17:45 as 0.73958333…, which is a
	// few nanoseconds off.
	secs := int(math.Round((serial - days) * 86400))
	if secs == 86400 {
		days++
		secs = 0
	}
	st := Stamp{Clock: Clock{secs / 3600, secs / 60 % 60, secs % 60}, HasTime: secs != 0 || days == 0}
	if days >= 1 {
		epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if date1904 {
			epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
		} else if days < 61 {
			// Excel counts a 29 February 1900 that never was.
			days++
		}
		t := epoch.AddDate(0, 0, int(days))
		if t.Year() > 9999 { // the 1904 system ends four years later
			return Stamp{}, fmt.Errorf("%v is not a date or time", serial)
		}
		st.Date = Date{t.Year(), t.Month(), t.Day()}
	}
	return st, nil
}

// ToSerial is the inverse of FromSerial for the 1900 date system.
func ToSerial(d Date, c Clock) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	var days float64
	if !d.IsZero() {
		// Whole seconds, not a time.Duration: that saturates after 292 years.
		days = float64((time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix() - epoch.Unix()) / 86400)
	}
	return days + float64(c.Hour*3600+c.Min*60+c.Sec)/86400
}

var (
	reISODate   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	reDMYDate   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	reSlashDate = regexp.MustCompile(`^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$`)
	reClock     = regexp.MustCompile(`^(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*(?i:(am|pm|a\.m\.|p\.m\.))?$`)
	reZoneParen = regexp.MustCompile(`^(.*?)\s*\(\s*([^()]+?)\s*\)$`)
	reOrdinal   = regexp.MustCompile(`(\d)(?i:st|nd|rd|th)\b`)
	reWeekday   = regexp.MustCompile(`^(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`)
)

var dateLayouts = []string{"2 January 2006", "2 Jan 2006", "January 2 2006", "Jan 2 2006", "2 January, 2006", "January 2, 2006", "Jan 2, 2006"}

// ParseDate reads a day written as text: 2023-10-11, 11.10.2023,
// 11/10/2023 (day first), "Wednesday, 11th October, 2023", "11 Oct 2023".
func ParseDate(s string) (Date, error) { return ParseDateOrder(s, DayFirst) }

// DateOrder says how to read 11/10/2023: day first (most of the world) or
// month first (the United States).
type DateOrder int

// Date orders.
const (
	DayFirst DateOrder = iota
	MonthFirst
)

// Code is the order's setting value: "dmy" or "mdy".
func (o DateOrder) Code() string {
	if o == MonthFirst {
		return "mdy"
	}
	return "dmy"
}

func (o DateOrder) String() string {
	if o == MonthFirst {
		return "month first (mdy)"
	}
	return "day first (dmy)"
}

// SlashDate finds a date written with slashes or hyphens and a four-digit
// year in s ("10/11/2023", "5-3-2024 09:00") and returns its first two
// numbers, whose order is ambiguous.
func SlashDate(s string) (a, b int, ok bool) {
	// By hand, not by expression: it runs on every row of a file of ISO
	// dates, where nothing decides the date order. FuzzSlashDate checks it
	// against the expression.
	for p := 0; p < len(s); p++ {
		if p > 0 {
			switch s[p-1] {
			case ' ', '\t', '\n', '\f', '\r', ',', '(':
			default:
				continue
			}
		}
		x, i := readDigits(s, p, 2)
		if i == p || i == len(s) || (s[i] != '/' && s[i] != '-') {
			continue
		}
		y, j := readDigits(s, i+1, 2)
		if j == i+1 || j == len(s) || (s[j] != '/' && s[j] != '-') {
			continue
		}
		if _, k := readDigits(s, j+1, 4); k != j+5 || (k < len(s) && isWordByte(s[k])) {
			continue
		}
		return x, y, true
	}
	return 0, 0, false
}

// readDigits reads up to most ASCII digits of s from i: their value and the
// index after them.
func readDigits(s string, i, most int) (n, end int) {
	for end = i; end < len(s) && end-i < most && s[end] >= '0' && s[end] <= '9'; end++ {
		n = n*10 + int(s[end]-'0')
	}
	return n, end
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// ParseDateOrder is ParseDate reading slash dates in the given order;
// dotted dates (11.10.2023) are always day first.
func ParseDateOrder(s string, order DateOrder) (Date, error) {
	s = strings.TrimSpace(s)
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), s)
	}
	if m := reDMYDate.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[3]), atoi(m[2]), atoi(m[1]), s)
	}
	if m := reSlashDate.FindStringSubmatch(s); m != nil {
		if order == MonthFirst {
			return mkDate(atoi(m[3]), atoi(m[1]), atoi(m[2]), s)
		}
		return mkDate(atoi(m[3]), atoi(m[2]), atoi(m[1]), s)
	}
	t := reWeekday.ReplaceAllString(s, "")
	t = reOrdinal.ReplaceAllString(t, "$1")
	t = strings.Join(strings.Fields(t), " ")
	for _, l := range dateLayouts {
		if d, err := time.Parse(l, t); err == nil && d.Year() >= 1 {
			return Date{d.Year(), d.Month(), d.Day()}, nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date (write it as YYYY-MM-DD)", s)
}

func mkDate(y, m, d int, s string) (Date, error) {
	// Year 0 is the zero Date, which means no date.
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, fmt.Errorf("%q is not a date (write it as YYYY-MM-DD)", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, fmt.Errorf("%q is not a date: %s has no day %d", s, time.Month(m), d)
	}
	return Date{y, time.Month(m), d}, nil
}

// ParseClock reads a time of day: 17:45, 17:45:00, 5:45 PM, 17h45, 17.45.
func ParseClock(s string) (Clock, error) {
	s = strings.TrimSpace(s)
	m := reClock.FindStringSubmatch(s)
	if m == nil || (m[2] == "" && m[4] == "") {
		return Clock{}, fmt.Errorf("%q is not a time of day (write it as HH:MM)", s)
	}
	h, mi, sec := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if ampm := strings.ToLower(strings.ReplaceAll(m[4], ".", "")); ampm != "" {
		if h < 1 || h > 12 {
			return Clock{}, fmt.Errorf("%q is not a time of day", s)
		}
		if ampm == "pm" && h != 12 {
			h += 12
		} else if ampm == "am" && h == 12 {
			h = 0
		}
	}
	if h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi > 0 || sec > 0)) {
		return Clock{}, fmt.Errorf("%q is not a time of day (hours 0-23, minutes 0-59)", s)
	}
	return Clock{h, mi, sec}, nil
}

var instantLayouts = []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04Z07:00"}

// ParseStamp reads a cell that holds a date, a time, or both: anything
// ParseDate or ParseClock reads, "2023-10-11 17:45", RFC 3339 with an
// offset, and the IGF form "Wednesday, 11th October, 2023 (08:45 UTC)".
func ParseStamp(s string) (Stamp, error) { return ParseStampOrder(s, DayFirst) }

// ParseStampOrder is ParseStamp reading slash dates in the given order.
func ParseStampOrder(s string, order DateOrder) (Stamp, error) {
	if st, ok := fastStamp(s); ok {
		return st, nil
	}
	return parseStamp(s, order)
}

func parseStamp(s string, order DateOrder) (Stamp, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return Stamp{}, fmt.Errorf("empty")
	}
	for _, l := range instantLayouts {
		if t, err := time.Parse(l, s); err == nil {
			// time.Parse takes any offset up to ±99:59 and year 0; no
			// zone on Earth is beyond ±14:00.
			if _, off := t.Zone(); off > 14*3600 || off < -14*3600 || t.Year() < 1 {
				return Stamp{}, fmt.Errorf("%q is not a real date and time (offsets run from -14:00 to +14:00)", s)
			}
			return stampAt(t), nil
		}
	}
	// A zone in brackets or after the time: "(08:45 UTC)", "17:45 JST" is
	// not read (abbreviations are ambiguous); UTC and GMT offsets are.
	var zone *time.Location
	body := s
	if m := reZoneParen.FindStringSubmatch(s); m != nil {
		body = strings.TrimSpace(m[1] + " " + m[2])
	}
	if f := strings.Fields(body); len(f) > 1 {
		if loc := fixedZone(f[len(f)-1]); loc != nil {
			zone = loc
			body = strings.Join(f[:len(f)-1], " ")
		}
	}
	st, err := parseLocal(body, order)
	if err != nil {
		return Stamp{}, fmt.Errorf("%q is not a date or time (write YYYY-MM-DD and HH:MM)", s)
	}
	st.Zone = zone
	return st, nil
}

// fastStamp reads the two forms nearly every machine-made file uses,
// YYYY-MM-DD and HH:MM, without the general parser's allocations; any
// other text, or a value out of range, is left to it (and its errors).
func fastStamp(s string) (Stamp, bool) {
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s[:4], 4, 4) && digits(s[5:7], 2, 2) && digits(s[8:], 2, 2):
		y, m, d := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
		if y < 1 || m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			return Stamp{}, false
		}
		return Stamp{Date: Date{y, time.Month(m), d}}, true
	case (len(s) == 5 || len(s) == 4) && s[len(s)-3] == ':' && digits(s[:len(s)-3], 1, 2) && digits(s[len(s)-2:], 2, 2):
		h, m := atoi(s[:len(s)-3]), atoi(s[len(s)-2:])
		if h > 23 || m > 59 {
			return Stamp{}, false
		}
		return Stamp{Clock: Clock{h, m, 0}, HasTime: true}, true
	}
	return Stamp{}, false
}

func stampAt(t time.Time) Stamp {
	return Stamp{Date: Date{t.Year(), t.Month(), t.Day()}, Clock: Clock{t.Hour(), t.Minute(), t.Second()}, HasTime: true, Zone: t.Location()}
}

// parseLocal reads a date, a clock, or "date clock" / "dateTclock".
func parseLocal(s string, order DateOrder) (Stamp, error) {
	if c, err := ParseClock(s); err == nil {
		return Stamp{Clock: c, HasTime: true}, nil
	}
	if d, err := ParseDateOrder(s, order); err == nil {
		return Stamp{Date: d}, nil
	}
	if i := strings.IndexByte(s, 'T'); i == 10 {
		s = s[:10] + " " + s[11:]
	}
	// Try every split point between a date part and a clock part, from the
	// right: the clock ("5:45 PM") is at most two words.
	f := strings.Fields(strings.ReplaceAll(s, ",", ", "))
	for k := len(f) - 1; k >= 1 && k >= len(f)-2; k-- {
		d, err1 := ParseDateOrder(strings.TrimSuffix(strings.Join(f[:k], " "), ","), order)
		c, err2 := ParseClock(strings.Join(f[k:], " "))
		if err1 == nil && err2 == nil {
			return Stamp{Date: d, Clock: c, HasTime: true}, nil
		}
	}
	return Stamp{}, fmt.Errorf("not a date or time")
}

func fixedZone(s string) *time.Location {
	switch strings.ToUpper(s) {
	case "UTC", "GMT", "Z":
		return time.UTC
	}
	for _, p := range []string{"UTC", "GMT"} {
		if rest, ok := strings.CutPrefix(strings.ToUpper(s), p); ok && len(rest) > 1 && (rest[0] == '+' || rest[0] == '-') {
			sign := 1
			if rest[0] == '-' {
				sign = -1
			}
			h, m, ok := strings.Cut(rest[1:], ":")
			if !digits(h, 1, 2) || (ok && !digits(m, 2, 2)) {
				return nil
			}
			hh, mm := atoi(h), 0
			if ok {
				mm = atoi(m)
			}
			if hh > 14 || mm > 59 {
				return nil
			}
			return time.FixedZone(s, sign*(hh*3600+mm*60))
		}
	}
	return nil
}

// SplitRange splits a cell holding a time range ("17:45-18:45", "Wednesday,
// 11th October, 2023 (08:45 UTC) - Wednesday, 11th October, 2023 (09:45
// UTC)") into its two ends. It reports false when s is no range.
func SplitRange(s string) (from, to string, ok bool) {
	for _, sep := range []string{" - ", " – ", " — ", " to ", "–", "—"} {
		if a, b, found := strings.Cut(s, sep); found {
			return strings.TrimSpace(a), strings.TrimSpace(b), true
		}
	}
	// "17:45-18:45" with a bare hyphen; a date such as 2023-10-11 has
	// hyphens too, so only split when both sides are clocks.
	if a, b, found := strings.Cut(s, "-"); found {
		if _, err := ParseClock(a); err == nil {
			if _, err := ParseClock(b); err == nil {
				return strings.TrimSpace(a), strings.TrimSpace(b), true
			}
		}
	}
	return "", "", false
}

var reMinutes = regexp.MustCompile(`^(?i)(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hour|hours|min|mins|minute|minutes|m)?\.?$`)
var reHourMin = regexp.MustCompile(`^(?i)(\d+)\s*h\s*(\d+)\s*(?:m|min|mins)?$`)

// reClockLength is a length written as a clock, the frab and voctosched
// convention: "1:30", "01:30", "01:30:00" (seconds must be zero).
var reClockLength = regexp.MustCompile(`^(\d{1,3}):([0-5]\d)(?::(00))?$`)

// reISOLength is an ISO 8601 duration of hours and minutes: "PT1H30M",
// "PT90M", "PT2H" (what iCalendar and schema.org write).
var reISOLength = regexp.MustCompile(`^(?i)PT(?:(\d{1,4})H)?(?:(\d{1,5})M)?(?:0+S)?$`)

// ParseMinutes reads a length: "60", "60 min", "1h30", "1.5 h", "90 Min",
// "1:30", "01:30:00", "PT1H30M".
func ParseMinutes(s string) (int, error) {
	s = strings.TrimSpace(s)
	if m := reClockLength.FindStringSubmatch(s); m != nil {
		if v := atoi(m[1])*60 + atoi(m[2]); v > 0 {
			return v, nil
		}
		return 0, fmt.Errorf("%q is not a length in minutes", s)
	}
	if m := reISOLength.FindStringSubmatch(s); m != nil && (m[1] != "" || m[2] != "") {
		if v := atoi(m[1])*60 + atoi(m[2]); v > 0 && v < 100000 {
			return v, nil
		}
		return 0, fmt.Errorf("%q is not a length in minutes", s)
	}
	if m := reHourMin.FindStringSubmatch(s); m != nil {
		if len(m[1]) <= 4 && len(m[2]) <= 4 {
			if v := atoi(m[1])*60 + atoi(m[2]); v > 0 && v < 100000 {
				return v, nil
			}
		}
		return 0, fmt.Errorf("%q is not a length in minutes", s)
	}
	if m := reMinutes.FindStringSubmatch(s); m != nil {
		v, err := strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64)
		if err == nil {
			if u := strings.ToLower(m[2]); u != "" && u[0] == 'h' {
				v *= 60
			}
			if v > 0 && v < 100000 && v == math.Trunc(v) {
				return int(v), nil
			}
		}
	}
	return 0, fmt.Errorf("%q is not a length in minutes", s)
}

// (?s): a wrapped cell ("Break-out Group\nDiscussions - 90 Min") has line
// breaks in the format.
var reFormatLength = regexp.MustCompile(`(?s)^(.*?)\s*[-–—:(,]\s*(\d+)\s*(?i:min|mins|minutes|minute|’|')\)?\.?\s*$`)

// SplitFormat splits the IGF format text "Panel - 60 Min" into the format
// and the declared length; a text without a length comes back whole.
func SplitFormat(s string) (format string, minutes int) {
	s = strings.TrimSpace(s)
	if m := reFormatLength.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), atoi(m[2])
	}
	return s, 0
}

// digits reports whether s is lo to hi ASCII digits.
func digits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var (
	reBareHour = regexp.MustCompile(`^\d{1,2}$`)
	reAmPm     = regexp.MustCompile(`(?i)\s*([ap])\.?m\.?$`)
)

// RangeEnds completes the two ends of a time range written as people write
// them: "9 to 10:30am" has the hour alone and the am on one side only.
// A bare hour gets its minutes; an end's am or pm goes to a start without
// one, unless that puts the start after the end ("11 - 1pm" is 11 am).
func RangeEnds(from, to string) (string, string) {
	if reBareHour.MatchString(from) {
		from += ":00"
	}
	if m := reAmPm.FindStringSubmatch(to); m != nil && reAmPm.FindStringSubmatch(from) == nil {
		if _, err := ParseClock(from); err == nil {
			end, err1 := ParseClock(to)
			with, err2 := ParseClock(from + " " + m[1] + "m")
			switch {
			case err1 != nil || err2 != nil:
			case with.Hour*60+with.Min <= end.Hour*60+end.Min:
				from += " " + strings.ToLower(m[1]) + "m"
			case strings.EqualFold(m[1], "p"):
				from += " am"
			}
		}
	}
	if reBareHour.MatchString(to) {
		to += ":00"
	}
	return from, to
}
