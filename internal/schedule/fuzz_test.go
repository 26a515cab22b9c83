package schedule

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/docket-forum/docket/internal/vocab"
)

// Seeds from the reference page and the sample programmes.
var personSeeds = []string{
	"Valeriya Ionan, Deputy Minister for Eurointegration, Ministry of Digital Transformation of Ukraine, Government, Eastern European Group (virtual)",
	"Pramod Varma, Individual capacity, Civil society, Asia-Pacific Group (virtual)",
	"Mark Irura, Intergovernmental Organization, African Group (on-site)",
	"4. \u00a0Adriana Groh, Co-Founder Sovereign Tech Fund, Civil society, Western European and Others Group (on-site)",
	"Aishwarya Salvi, GIZ ([email\u00a0protected])",
	"Aishwarya Salvi, GIZ (aishwarya.salvi@giz.de)",
	"Torge Wolters, GIZ",
	"1. Heiko Wildner, BMDV, Government 2. Aishwarya Salvi, GIZ, Government 3. Tina Schams, GIZ, Government 4. Philipp Schulte, BMDV",
	"Jane Doe, Director, Acme Foundation, Civil Socity, Westeros Group",
	"Ana Pérez, Professor, Universidad de la República, Montevideo, Academia, GRULAC (online)",
	"Aïcha Diallo, Senior Researcher, Digital Rights Foundation Senegal, Civil Society, African Group (online) (aicha.diallo@example.org)",
	"Jane Doe <jane@example.org> [remote]",
	"• Jane Doe, CS, WEOG",
	"Jane Doe, Gov; John Roe, Academia\nAnn Poe (in person)",
	"1) A 2) B 3) C",
	"",
}

// roundTrips reports whether a field can be written by FormatPerson and read
// back: trimmed, and free of the separators of the packed form.
func roundTrips(s string) bool {
	return s == strings.TrimSpace(s) && !strings.ContainsAny(s, ",;|()[]<>\n\r")
}

func FuzzParsePerson(f *testing.F) {
	for i, s := range personSeeds {
		p := ParsePerson(s)
		f.Add(s, p.Name, p.Role, p.Organization, p.Stakeholder, p.Region, uint8(i), p.Email)
	}
	f.Add("x", "Jane Doe", "", "", "CS", "WEOG", uint8(1), "")
	f.Add("x", "Jane Doe", "GIZ", "", "", "", uint8(0), "[email protected]")
	f.Add("x", "", "", "", "", "", uint8(2), "")
	f.Fuzz(func(t *testing.T, raw, name, role, org, stake, region string, part uint8, email string) {
		// Any text: no panic, and what comes back is trimmed and free of
		// the separators ParsePersons splits at.
		p := ParsePerson(raw)
		for _, v := range []string{p.Name, p.Role, p.Organization, p.Stakeholder, p.Region, p.Email} {
			if v != strings.TrimSpace(v) && utf8.ValidString(v) {
				t.Errorf("ParsePerson(%q) has an untrimmed field %q: %+v", raw, v, p)
			}
		}
		if p.Participation != "" && p.Participation != Online && p.Participation != Onsite {
			t.Errorf("ParsePerson(%q).Participation = %q", raw, p.Participation)
		}

		// FormatPerson then ParsePerson gives the person back, with the
		// stakeholder and region in their canonical names.
		for _, v := range []string{name, role, org, stake, region, email} {
			if !roundTrips(v) {
				return
			}
		}
		if stripListMarker(name) != name {
			return // "1. Jane" is read as a numbered "Jane"
		}
		if email != "" && !looksLikeEmail(email) {
			return
		}
		in := Person{Name: name, Role: role, Organization: org, Stakeholder: stake, Region: region, Email: email,
			Participation: []string{"", Online, Onsite}[part%3]}
		want := in
		want.Stakeholder = vocab.Stakeholders().Canonical(stake)
		want.Region = vocab.Regions().Canonical(region)
		s := FormatPerson(in)
		if stripListMarker(s) != s {
			return // a name "*" before " (on-site)" reads as a bullet
		}
		if got := ParsePerson(s); got != want {
			t.Fatalf("ParsePerson(FormatPerson(p)) with FormatPerson(p) = %q:%s", s, personDiff(got, want))
		}
		// And as a packed cell, unless it starts a numbered list.
		if strings.HasPrefix(s, "1.") || strings.HasPrefix(s, "1)") {
			return
		}
		var wantList []Person
		if want != (Person{}) {
			wantList = []Person{want}
		}
		if got := ParsePersons(s); personsDiff(got, wantList) != "" {
			t.Fatalf("ParsePersons(%q):%s", s, personsDiff(got, wantList))
		}
	})
}

func FuzzParsePersons(f *testing.F) {
	for _, s := range personSeeds {
		f.Add(s)
	}
	f.Add("Jane Doe, GIZ\r\nJohn Roe, BMDV;Ann Poe")
	f.Add(" ; \n ")
	f.Fuzz(func(t *testing.T, cell string) {
		ps := ParsePersons(cell)
		if d := personsDiff(ps, parsePersonsReference(cell)); d != "" {
			t.Errorf("ParsePersons(%q) differs from the plain split:%s", cell, d)
		}
		for i, p := range ps {
			if p == (Person{}) {
				t.Errorf("ParsePersons(%q)[%d] is an empty person", cell, i)
			}
			for _, v := range []string{p.Name, p.Role, p.Organization, p.Stakeholder, p.Region, p.Email} {
				if strings.ContainsAny(v, ";\n\r") {
					t.Errorf("ParsePersons(%q)[%d] has a separator in %q", cell, i, v)
				}
			}
		}
		// Reading what docket writes gives back the same persons: packed
		// cells are a contract (DESIGN.md). A name that itself looks like
		// a list marker ("0)", "1. 2.") is read as one; that is the price
		// of numbered lists and not checked here.
		for _, p := range ps {
			line := strings.TrimSpace(FormatPerson(p))
			if stripListMarker(line) != line || strings.HasPrefix(line, "1.") || strings.HasPrefix(line, "1)") {
				return
			}
		}
		again := ParsePersons(FormatPersons(ps))
		if d := personsDiff(again, ps); d != "" {
			t.Errorf("ParsePersons(FormatPersons(ParsePersons(%q))) with FormatPersons = %q:%s", cell, FormatPersons(ps), d)
		}
	})
}

// parsePersonsReference is ParsePersons as first written: split into
// lines, then numbered items, then persons, one slice at each step.
func parsePersonsReference(cell string) []Person {
	var lines []string
	if !strings.ContainsAny(cell, "\n\r;") && strings.Contains(cell, "|") {
		lines = splitPipes(cell)
	}
	if lines == nil {
		lines = strings.FieldsFunc(cell, func(r rune) bool { return r == '\n' || r == '\r' || r == ';' })
	}
	var out []Person
	for _, line := range lines {
		items := []string{strings.TrimSpace(line)}
		if strings.HasPrefix(items[0], "1.") || strings.HasPrefix(items[0], "1)") {
			items = splitNumbered(items[0])
		}
		for _, item := range items {
			if p := ParsePerson(item); p != (Person{}) {
				out = append(out, p)
			}
		}
	}
	return out
}

var stampSeeds = []string{
	"Wednesday, 11th October, 2023 (08:45 UTC)",
	"Wednesday, 11th October, 2023 (09:45 UTC)",
	"2023-10-11",
	"2023-10-11 17:45",
	"2023-10-11T17:45:00+09:00",
	"2023-10-11T08:45:00Z",
	"11.10.2023",
	"11/10/2023 5:45 PM",
	"11 Oct 2023",
	"October 11, 2023",
	"17:45",
	"5:45 p.m.",
	"17h45",
	"24:00",
	"08:45 UTC+05:30",
	"08:45 GMT-3",
	"45210.73958",
	"",
}

// checkClock fails when c is no time of day.
func checkClock(t *testing.T, what string, c Clock) {
	t.Helper()
	if c.Hour < 0 || c.Hour > 24 || c.Min < 0 || c.Min > 59 || c.Sec < 0 || c.Sec > 59 || (c.Hour == 24 && (c.Min != 0 || c.Sec != 0)) {
		t.Fatalf("%s: clock %+v is out of range", what, c)
	}
}

// checkDate fails when d is set but no calendar day.
func checkDate(t *testing.T, what string, d Date) {
	t.Helper()
	if d.IsZero() {
		return
	}
	n := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if n.Year() != d.Year || n.Month() != d.Month || n.Day() != d.Day || d.Year < 1 || d.Year > 9999 {
		t.Fatalf("%s: date %#v is not a calendar day", what, d)
	}
}

func FuzzParseStamp(f *testing.F) {
	for _, s := range stampSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := ParseStamp(s)
		if err != nil {
			return
		}
		what := fmt.Sprintf("ParseStamp(%q)", s)
		checkClock(t, what, st.Clock)
		checkDate(t, what, st.Date)
		if st.Date.IsZero() && !st.HasTime {
			t.Fatalf("%s = %+v says neither a day nor a time", what, st)
		}
		if !st.HasTime && st.Clock != (Clock{}) {
			t.Fatalf("%s = %+v has a clock but no time", what, st)
		}
		if st.Zone != nil {
			at, ok := st.In(time.UTC, Date{2023, 10, 11})
			if !ok {
				t.Fatalf("%s.In gave no instant", what)
			}
			if _, off := at.Zone(); off < -15*3600 || off > 15*3600 || off%60 != 0 {
				t.Fatalf("%s: offset %d s is no zone offset", what, off)
			}
			return
		}
		// Zone-less stamps read back from their canonical form.
		var canon string
		switch {
		case !st.Date.IsZero() && st.HasTime:
			canon = fmt.Sprintf("%s %02d:%02d:%02d", st.Date, st.Clock.Hour, st.Clock.Min, st.Clock.Sec)
		case st.HasTime:
			canon = fmt.Sprintf("%02d:%02d:%02d", st.Clock.Hour, st.Clock.Min, st.Clock.Sec)
		default:
			canon = st.Date.String()
		}
		back, err := ParseStamp(canon)
		if err != nil || back.Date != st.Date || back.Clock != st.Clock || back.HasTime != st.HasTime || back.Zone != nil {
			t.Fatalf("%s = %+v, but ParseStamp(%q) = %+v, %v", what, st, canon, back, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range stampSeeds {
		f.Add(s)
	}
	f.Add("2024-02-29")
	f.Add("29.02.2023")
	f.Add("0000-01-01")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		what := fmt.Sprintf("ParseDate(%q)", s)
		if d.IsZero() {
			t.Fatalf("%s = %#v, an unset date, without an error", what, d)
		}
		checkDate(t, what, d)
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("%s = %v, but ParseDate(%q) = %v, %v", what, d, d.String(), back, err)
		}
	})
}

func FuzzParseClock(f *testing.F) {
	for _, s := range stampSeeds {
		f.Add(s)
	}
	f.Add("12 am")
	f.Add("12:30 A.M.")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			return
		}
		what := fmt.Sprintf("ParseClock(%q)", s)
		checkClock(t, what, c)
		canon := fmt.Sprintf("%02d:%02d:%02d", c.Hour, c.Min, c.Sec)
		if back, err := ParseClock(canon); err != nil || back != c {
			t.Fatalf("%s = %+v, but ParseClock(%q) = %+v, %v", what, c, canon, back, err)
		}
	})
}

func FuzzSplitRange(f *testing.F) {
	f.Add("Wednesday, 11th October, 2023 (08:45 UTC) - Wednesday, 11th October, 2023 (09:45 UTC)", "", uint8(8), uint8(45), uint8(9), uint8(45))
	f.Add("17:45", "18:45", uint8(17), uint8(45), uint8(18), uint8(45))
	f.Add("2023-10-11 23:00", "01:00", uint8(23), uint8(0), uint8(1), uint8(0))
	f.Add("5:45 PM", "6:45 PM", uint8(0), uint8(0), uint8(24), uint8(0))
	f.Add("17:45 to 18:45", "x", uint8(9), uint8(5), uint8(10), uint8(5))
	f.Fuzz(func(t *testing.T, a, b string, h1, m1, h2, m2 uint8) {
		// Any text: no panic, and the ends are trimmed parts of it.
		for _, s := range []string{a, b, a + "-" + b} {
			from, to, ok := SplitRange(s)
			if !ok {
				if from != "" || to != "" {
					t.Fatalf("SplitRange(%q) = %q, %q, false", s, from, to)
				}
				continue
			}
			if from != strings.TrimSpace(from) || to != strings.TrimSpace(to) || !strings.Contains(s, from) || !strings.Contains(s, to) || len(from)+len(to) >= len(s) {
				t.Fatalf("SplitRange(%q) = %q, %q", s, from, to)
			}
		}
		// Two ends joined by " - " come apart again when the first end
		// holds no separator of its own.
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if a != "" && b != "" && !strings.Contains(a+" ", " - ") && !strings.Contains(a+" ", " -") {
			s := a + " - " + b
			if from, to, ok := SplitRange(s); !ok || from != a || to != b {
				t.Fatalf("SplitRange(%q) = %q, %q, %v, want %q, %q", s, from, to, ok, a, b)
			}
		}
		// "HH:MM-HH:MM" with a bare hyphen splits into its two clocks.
		c1 := fmt.Sprintf("%d:%02d", h1%24, m1%60)
		c2 := fmt.Sprintf("%02d:%02d", h2%25, m2%60)
		if h2%25 == 24 {
			c2 = "24:00"
		}
		s := c1 + "-" + c2
		from, to, ok := SplitRange(s)
		if !ok || from != c1 || to != c2 {
			t.Fatalf("SplitRange(%q) = %q, %q, %v", s, from, to, ok)
		}
		if _, err := ParseClock(from); err != nil {
			t.Fatalf("SplitRange(%q) gave %q: %v", s, from, err)
		}
	})
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"60", "60 min", "90 Min", "1h30", "1.5 h", "1,5 hours", "2H15MIN", "0h0", "99999", "100000", "45m", "", "soon"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseMinutes(s)
		if err != nil {
			if n != 0 {
				t.Fatalf("ParseMinutes(%q) = %d with error %v", s, n, err)
			}
			return
		}
		if n <= 0 || n >= 100000 {
			t.Fatalf("ParseMinutes(%q) = %d, outside 1..99999", s, n)
		}
		if back, err := ParseMinutes(fmt.Sprint(n)); err != nil || back != n {
			t.Fatalf("ParseMinutes(%q) = %d, but ParseMinutes(%d) = %d, %v", s, n, n, back, err)
		}
	})
}

func FuzzFromSerial(f *testing.F) {
	for _, v := range []float64{0, 0.5, 0.7395833333333334, 1, 59, 60, 61, 45210, 45210.73958, 43748.364583333336, 2958465.99999, 2958466, -1} {
		f.Add(v, false)
		f.Add(v, true)
	}
	f.Fuzz(func(t *testing.T, v float64, date1904 bool) {
		st, err := FromSerial(v, date1904)
		if err != nil {
			return
		}
		what := fmt.Sprintf("FromSerial(%v, %v)", v, date1904)
		checkClock(t, what, st.Clock)
		checkDate(t, what, st.Date)
		if st.Clock.Hour == 24 {
			t.Fatalf("%s gave 24:00", what)
		}
		if v >= 61 && !date1904 {
			back := ToSerial(st.Date, st.Clock)
			if math.Abs(back-v) > 0.5/86400+1e-9*math.Abs(v) {
				t.Fatalf("%s = %v %+v, ToSerial gives %v", what, st.Date, st.Clock, back)
			}
		}
	})
}

func FuzzSplitFormat(f *testing.F) {
	for _, s := range []string{"Panel - 60 Min", "Round Table - 90 Min", "Panel (60 min)", "Panel: 90'", "Break-out Group Discussions - 90 Min", "Panel", "Panel 60 Min", ""} {
		f.Add(s, uint16(60))
	}
	f.Add("Birds of a Feather (BoF)", uint16(30))
	f.Fuzz(func(t *testing.T, s string, n uint16) {
		format, minutes := SplitFormat(s)
		if minutes < 0 || format != strings.TrimSpace(format) || len(format) > len(s) {
			t.Fatalf("SplitFormat(%q) = %q, %d", s, format, minutes)
		}
		// ("Panel - 0 Min" declares 0, which is no length: see the report.)
		if m := reFormatLength.FindStringSubmatch(strings.TrimSpace(s)); minutes == 0 && format != strings.TrimSpace(s) && (m == nil || strings.Trim(m[2], "0") != "") {
			t.Fatalf("SplitFormat(%q) = %q, 0: a text without a length must come back whole", s, format)
		}
		// "<format> - <n> Min" gives the format and n back.
		name := strings.TrimSpace(s)
		if name == "" || n == 0 || !utf8.ValidString(name) {
			return
		}
		packed := fmt.Sprintf("%s - %d Min", name, n)
		if gf, gm := SplitFormat(packed); gf != name || gm != int(n) {
			t.Fatalf("SplitFormat(%q) = %q, %d, want %q, %d", packed, gf, gm, name, n)
		}
	})
}

func FuzzParseSDGs(f *testing.F) {
	for _, s := range []string{"9.1\n16.6\n16.7\n17.17\n17.6\n17.8", "9.1; 16.6", "SDG 9.1, SDG 16.6", "SDG9.1", "Targets: 14.a", "SDG #9.1", "• SDG 9.1: Develop quality", ""} {
		f.Add(s, uint8(0), uint8(1), uint8(2))
	}
	targets := vocab.SDGTargets().Terms
	f.Fuzz(func(t *testing.T, s string, i, j, k uint8) {
		for _, code := range ParseSDGs(s) {
			if code == "" || strings.ContainsAny(code, ";,\n\r \t|•") || strings.HasPrefix(code, "#") || strings.HasSuffix(code, ":") || strings.HasSuffix(code, ".") {
				t.Fatalf("ParseSDGs(%q) gave %q", s, code)
			}
			if utf8.ValidString(s) && !utf8.ValidString(code) {
				t.Fatalf("ParseSDGs(%q) gave invalid UTF-8 %q", s, code)
			}
		}
		// Real targets, written the ways organizers write them, come back.
		a, b := targets[int(i)%len(targets)].Name, targets[int(j)%len(targets)].Name
		prefixes := []string{"", "SDG ", "SDG", "sdg ", "SDG: ", "SDG #", "Target ", "SDG target "}
		seps := []string{"; ", ", ", "\n", " ", " | ", "\r\n", " • "}
		p := prefixes[int(k)%len(prefixes)]
		cell := p + a + seps[int(k/8)%len(seps)] + p + strings.ToUpper(b) + "."
		if got, want := ParseSDGs(cell), []string{a, b}; !slices.Equal(got, want) {
			t.Fatalf("ParseSDGs(%q) = %q, want %q", cell, got, want)
		}
	})
}

func FuzzNormalizeHeader(f *testing.F) {
	for _, s := range []string{"Session ID", "Session #", "session_no.", "Start time (local)", "Venue", "Onsite Moderator", "Issue(s)", "IGF Sub-theme", "Größe", "\ufeffid", ""} {
		f.Add(s)
	}
	for _, c := range Columns {
		f.Add(string(c))
	}
	f.Fuzz(func(t *testing.T, h string) {
		n := NormalizeHeader(h)
		for _, r := range n {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				t.Fatalf("NormalizeHeader(%q) = %q holds %q", h, n, r)
			}
		}
		if again := NormalizeHeader(n); again != n {
			t.Fatalf("NormalizeHeader is not idempotent: %q -> %q -> %q", h, n, again)
		}
		// A header whose folded form names a field names that field; one
		// that does not may still name a field by a part ("Room/Venue").
		f1, ok1 := FieldForHeader(h)
		f2, ok2 := FieldForHeader(n)
		if ok2 && (f1 != f2 || !ok1) {
			t.Fatalf("FieldForHeader(%q) = %q, %v but FieldForHeader(%q) = %q, %v", h, f1, ok1, n, f2, ok2)
		}
		if ok1 && f1 != FieldDuration && !slices.Contains(Columns, f1) {
			t.Fatalf("FieldForHeader(%q) = %q, no column of the contract", h, f1)
		}
		if !ok1 && f1 != "" {
			t.Fatalf("FieldForHeader(%q) = %q, false", h, f1)
		}
		// Case, spacing and punctuation do not matter for ASCII headers.
		if isASCII(h) {
			for _, v := range []string{strings.ToUpper(h), " " + strings.ReplaceAll(h, " ", "_") + ": ", strings.ReplaceAll(h, " ", "-")} {
				if f3, ok3 := FieldForHeader(v); f3 != f1 || ok3 != ok1 {
					t.Fatalf("FieldForHeader(%q) = %q but FieldForHeader(%q) = %q", h, f1, v, f3)
				}
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// reSlashIn is what SlashDate finds: a slash date inside a longer cell
// ("10/11/2023 17:45").
var reSlashIn = regexp.MustCompile(`(?:^|[\s,(])(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b`)

func FuzzSlashDate(f *testing.F) {
	for _, s := range []string{"10/11/2023 17:45", "2023-10-11", "1-2-2023", "x 11/10/20235", "(3/4/2024)", "123/10/2023", "a,1/1/1999_", "11/10/2023,12/1/2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := SlashDate(s)
		m := reSlashIn.FindStringSubmatch(s)
		if ok != (m != nil) || (ok && (a != atoi(m[1]) || b != atoi(m[2]))) {
			t.Errorf("SlashDate(%q) = %d, %d, %v; the expression finds %q", s, a, b, ok, m)
		}
	})
}

// formatPersonReference is FormatPerson as first written, with strings.
func formatPersonReference(p Person) string {
	var b strings.Builder
	bracketEnd := strings.HasSuffix(p.Name, ")") || strings.HasSuffix(p.Name, "]") || strings.HasSuffix(p.Name, ">")
	if p.Role == "" && p.Organization == "" && p.Stakeholder == "" && p.Region == "" && !bracketEnd {
		b.WriteString(p.Name)
	} else {
		b.WriteString(strings.TrimRight(strings.Join([]string{p.Name, p.Role, p.Organization, p.Stakeholder, p.Region}, ", "), " "))
	}
	switch p.Participation {
	case Online:
		b.WriteString(" (online)")
	case Onsite:
		b.WriteString(" (on-site)")
	}
	if p.Email != "" {
		b.WriteString(" (" + p.Email + ")")
	}
	return b.String()
}

// FuzzFormatPersons: the appending writer writes what the first one did.
func FuzzFormatPersons(f *testing.F) {
	f.Add("Jane Doe", "Director", "GIZ", "Government", "WEOG", "online", "j@x.org", uint8(1))
	f.Add("A (x)", "", "", "", " ", "", "", uint8(2))
	f.Add("Pipe | Name", "", "", "", "", "onsite", "", uint8(1))
	f.Fuzz(func(t *testing.T, name, role, org, st, reg, part, email string, n uint8) {
		p := Person{Name: name, Role: role, Organization: org, Stakeholder: st, Region: reg, Participation: part, Email: email}
		if got, want := FormatPerson(p), formatPersonReference(p); got != want {
			t.Errorf("FormatPerson(%+v) = %q, want %q", p, got, want)
		}
		ps := make([]Person, n%4)
		for i := range ps {
			ps[i] = p
		}
		lines := make([]string, len(ps))
		for i := range ps {
			lines[i] = formatPersonReference(ps[i])
		}
		want := strings.Join(lines, "\n")
		if len(lines) == 1 && strings.Contains(lines[0], "|") {
			want += ";"
		}
		if got := FormatPersons(ps); got != want {
			t.Errorf("FormatPersons = %q, want %q", got, want)
		}
	})
}
