package schedule

import (
	"fmt"
	"strings"
)

// What the builder assumed where the file did not say, told once at the
// end of a sheet: as a warning on stderr for people, and, where it could
// be wrong and change the programme, as a finding that CI sees.

// monthFirstZones are the zones of the places that write dates month
// first (the United States and its territories, the Philippines): a
// programme in one of them reads 5/3/2019 as 3 May, unless the data shows
// otherwise.
var monthFirstZones = []string{
	"America/New_York", "America/Detroit", "America/Kentucky/", "America/Indiana/", "America/Chicago",
	"America/Menominee", "America/North_Dakota/", "America/Denver", "America/Boise", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla",
	"America/Yakutat", "America/Nome", "America/Adak", "America/Puerto_Rico", "Pacific/Honolulu",
	"Pacific/Guam", "Pacific/Saipan", "Pacific/Pago_Pago", "US/", "Asia/Manila", "EST5EDT", "CST6CDT",
	"MST7MDT", "PST8PDT",
}

// zoneDateOrder is the order slash dates are read in, until the data
// decides, for a programme in zone.
func zoneDateOrder(zone string) DateOrder {
	for _, z := range monthFirstZones {
		if zone == z || (strings.HasSuffix(z, "/") && strings.HasPrefix(zone, z)) {
			return MonthFirst
		}
	}
	return DayFirst
}

// tellGuesses warns about what the sheet did not say: the order of its
// slash dates, when no date decided it (also the finding ambiguous-date),
// and the zone of times written without one.
func (b *Builder) tellGuesses() {
	b.tellSections()
	if !b.decided && b.firstAmb != "" {
		other := MonthFirst
		if b.order == MonthFirst {
			other = DayFirst
		}
		why := b.orderWhy
		b.prog.Warnings = append(b.prog.Warnings, fmt.Sprintf(
			"%s: dates such as %s were read %s%s (%s); if they are %s, use input.date-order %s",
			b.where(0), b.firstAmb, b.order.words(), why, b.describeAmb(), other.words(), other.Code()))
		if b.ambAt != nil {
			b.problem(b.ambAt, RuleAmbiguousDate, b.ambField,
				fmt.Sprintf("%s could be day or month first, and no date in the file tells: read %s%s", b.firstAmb, b.order.words(), why),
				fmt.Sprintf("write dates as YYYY-MM-DD, or use input.date-order %s if they are %s", other.Code(), other.words()))
		}
	}
	if b.zoneless > 0 {
		b.prog.Warnings = append(b.prog.Warnings, fmt.Sprintf(
			"%s: %d %s times without a zone, read as UTC: give the programme's zone with event.timezone (e.g. Europe/Berlin) or a timezone column",
			b.where(0), b.zoneless, plural(b.zoneless, "session has", "sessions have")))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// words names the order in words: "day first" or "month first".
func (o DateOrder) words() string {
	if o == MonthFirst {
		return "month first"
	}
	return "day first"
}

// knownShape applies what a file's known shape says that its data may
// not: Google Calendar's import CSV (Subject, Start Date, Start Time...)
// writes its dates month first, whatever the zone.
func (b *Builder) knownShape() {
	if b.decided {
		return
	}
	has := map[string]bool{}
	for _, c := range b.cols {
		has[NormalizeHeader(c.header)] = true
	}
	if has["subject"] && has["startdate"] && (has["starttime"] || has["alldayevent"]) {
		b.order, b.orderWhy = MonthFirst, " as Google Calendar writes them"
		b.note("the header is Google Calendar's import CSV (Subject, Start Date, Start Time), whose dates are month first")
	}
}
