package formats

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/internal/schedule"
)

// icsDoc makes a calendar of lines joined by CRLF.
func icsDoc(lines ...string) string {
	return strings.Join(lines, "\r\n") + "\r\n"
}

// icsEvents wraps events' lines in a calendar.
func icsEvents(head []string, events ...[]string) string {
	lines := append([]string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN"}, head...)
	for _, e := range events {
		lines = append(lines, "BEGIN:VEVENT")
		lines = append(lines, e...)
		lines = append(lines, "END:VEVENT")
	}
	return icsDoc(append(lines, "END:VCALENDAR")...)
}

func readICSText(data string, o ReadOptions) (*schedule.Programme, error) {
	return ReadProgramme(Input{Name: "cal.ics", R: bytes.NewReader([]byte(data))}, o)
}

// TestReadICS: each way a calendar writes an event reads as the session
// it means.
func TestReadICS(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	at := func(loc *time.Location, y int, mo time.Month, d, h, mi int) time.Time {
		return time.Date(y, mo, d, h, mi, 0, 0, loc)
	}
	myZone := []string{
		"BEGIN:VTIMEZONE", "TZID:My Office Zone",
		"BEGIN:STANDARD", "DTSTART:16011028T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
		"BEGIN:DAYLIGHT", "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
		"END:VTIMEZONE",
	}
	cases := []struct {
		name string
		data string
		opts ReadOptions
		want schedule.Session // the fields compared: ID, Title, Description, Room, URL, Type, Start, End, Timezone
		// warning and problem are parts of a warning and of a problem's
		// message the programme must have ("" for none at all).
		warning, problem string
	}{
		{
			name: "folding",
			data: icsEvents(nil, []string{"UID:a1@example.org", "SUMMARY:A title that was fo", " lded twice, once wi", "\tth a tab", "DTSTART:20261014T070000Z"}),
			want: schedule.Session{ID: "a1", Title: "A title that was folded twice, once with a tab", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
		{
			name: "folding inside a UTF-8 character",
			data: icsEvents(nil, []string{"UID:a2", "SUMMARY:Caf\xc3", " \xa9 talk", "DTSTART:20261014T070000Z"}),
			want: schedule.Session{ID: "a2", Title: "Café talk", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
		{
			name: "escapes",
			data: icsEvents(nil, []string{"UID:e1", `SUMMARY:Rock\, paper\; scissors`, `DESCRIPTION:One\ntwo\Nthree \\ four\, five`, `LOCATION:Hall A\, level 2`, "DTSTART:20261014T070000Z"}),
			want: schedule.Session{ID: "e1", Title: "Rock, paper; scissors", Description: "One\ntwo\nthree \\ four, five", Room: "Hall A, level 2", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
		{
			name: "parameters, quoted with ; and : inside",
			data: icsEvents(nil, []string{"UID:p1", `SUMMARY;LANGUAGE=en:Params`, `LOCATION;ALTREP="https://example.org/map;x=1:2":Room 1`, `DTSTART;VALUE=DATE-TIME;TZID="Europe/Berlin":20261014T090000`, `DTEND;TZID=Europe/Berlin:20261014T100000`}),
			want: schedule.Session{ID: "p1", Title: "Params", Room: "Room 1", Start: at(berlin, 2026, 10, 14, 9, 0), End: at(berlin, 2026, 10, 14, 10, 0), Timezone: "Europe/Berlin"},
		},
		{
			name: "a prefixed TZID with its VTIMEZONE",
			data: icsEvents([]string{"BEGIN:VTIMEZONE", "TZID:/citadel.org/20070103_1/Europe/Berlin", "BEGIN:STANDARD", "DTSTART:16011028T030000", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"},
				[]string{"UID:z1", "SUMMARY:Prefixed", "DTSTART;TZID=/citadel.org/20070103_1/Europe/Berlin:20260714T090000", "DURATION:PT45M"}),
			want: schedule.Session{ID: "z1", Title: "Prefixed", Start: at(berlin, 2026, 7, 14, 9, 0), End: at(berlin, 2026, 7, 14, 9, 45), Timezone: "Europe/Berlin"},
		},
		{
			name: "a custom zone read from its VTIMEZONE's rules, in summer",
			data: icsEvents(myZone, []string{"UID:z2", "SUMMARY:Custom", "DTSTART;TZID=My Office Zone:20260714T090000", "DTEND;TZID=My Office Zone:20260714T100000"}),
			want: schedule.Session{ID: "z2", Title: "Custom", Start: at(time.FixedZone("", 2*3600), 2026, 7, 14, 9, 0), End: at(time.FixedZone("", 2*3600), 2026, 7, 14, 10, 0), Timezone: "Etc/GMT-1"},
			// Shown in the standard offset's fixed zone: the instants are right.
			warning: "TZID=My Office Zone is no IANA time zone: the time was read with the offset its VTIMEZONE gives (UTC+02:00)",
		},
		{
			name:    "a custom zone in winter, shown in the option's zone",
			data:    icsEvents(myZone, []string{"UID:z3", "SUMMARY:Custom", "DTSTART;TZID=My Office Zone:20261214T090000"}),
			opts:    ReadOptions{Timezone: "Europe/Berlin"},
			want:    schedule.Session{ID: "z3", Title: "Custom", Start: at(berlin, 2026, 12, 14, 9, 0), Timezone: "Europe/Berlin"},
			warning: "(UTC+01:00) and is shown in Europe/Berlin",
		},
		{
			name: "a Windows zone name",
			data: icsEvents(nil, []string{"UID:w1", "SUMMARY:Outlook", "DTSTART;TZID=W. Europe Standard Time:20261014T090000", "DTEND;TZID=W. Europe Standard Time:20261014T103000"}),
			want: schedule.Session{ID: "w1", Title: "Outlook", Start: at(berlin, 2026, 10, 14, 9, 0), End: at(berlin, 2026, 10, 14, 10, 30), Timezone: "Europe/Berlin"},
		},
		{
			name:    "an unknown TZID without a VTIMEZONE",
			data:    icsEvents(nil, []string{"UID:u1", "SUMMARY:Nowhere", "DTSTART;TZID=Atlantis Standard Time:20261014T090000"}),
			opts:    ReadOptions{Timezone: "Asia/Tokyo"},
			want:    schedule.Session{ID: "u1", Title: "Nowhere", Start: at(tokyo, 2026, 10, 14, 9, 0), Timezone: "Asia/Tokyo"},
			problem: "TZID=Atlantis Standard Time is no time zone docket knows and the calendar has no VTIMEZONE for it: the time was read as in Asia/Tokyo",
		},
		{
			name: "UTC shown in the calendar's zone",
			data: icsEvents([]string{"X-WR-CALNAME:Team", "X-WR-TIMEZONE:Asia/Tokyo"}, []string{"UID:u2@google.com", "SUMMARY:UTC", "DTSTART:20261014T000000Z", "DTEND:20261014T010000Z"}),
			want: schedule.Session{ID: "u2", Title: "UTC", Start: at(tokyo, 2026, 10, 14, 9, 0), End: at(tokyo, 2026, 10, 14, 10, 0), Timezone: "Asia/Tokyo"},
		},
		{
			name:    "floating without a zone",
			data:    icsEvents(nil, []string{"UID:f1", "SUMMARY:Floating", "DTSTART:20261014T090000", "DTEND:20261014T100000"}),
			want:    schedule.Session{ID: "f1", Title: "Floating", Start: at(time.UTC, 2026, 10, 14, 9, 0), End: at(time.UTC, 2026, 10, 14, 10, 0), Timezone: "UTC"},
			warning: "1 event has times without a zone (floating), read as UTC",
		},
		{
			name: "floating in the option's zone",
			data: icsEvents([]string{"X-WR-TIMEZONE:Asia/Tokyo"}, []string{"UID:f2", "SUMMARY:Floating", "DTSTART:20261014T090000"}),
			opts: ReadOptions{Timezone: "Europe/Berlin"},
			want: schedule.Session{ID: "f2", Title: "Floating", Start: at(berlin, 2026, 10, 14, 9, 0), Timezone: "Europe/Berlin"},
		},
		{
			name: "floating in X-WR-TIMEZONE",
			data: icsEvents([]string{"X-WR-TIMEZONE:Asia/Tokyo"}, []string{"UID:f3", "SUMMARY:Floating", "DTSTART:20261014T090000"}),
			want: schedule.Session{ID: "f3", Title: "Floating", Start: at(tokyo, 2026, 10, 14, 9, 0), Timezone: "Asia/Tokyo"},
		},
		{
			name: "all day, two days, end exclusive",
			data: icsEvents(nil, []string{"UID:d1", "SUMMARY:Poster days", "DTSTART;VALUE=DATE:20261014", "DTEND;VALUE=DATE:20261016"}),
			opts: ReadOptions{Timezone: "Europe/Berlin"},
			want: schedule.Session{ID: "d1", Title: "Poster days", Start: at(berlin, 2026, 10, 14, 0, 0), End: at(berlin, 2026, 10, 16, 0, 0), Timezone: "Europe/Berlin"},
		},
		{
			name: "all day without an end lasts the day",
			data: icsEvents(nil, []string{"UID:d2", "SUMMARY:Arrival", "DTSTART;VALUE=DATE:20261025"}),
			opts: ReadOptions{Timezone: "Europe/Berlin"},
			want: schedule.Session{ID: "d2", Title: "Arrival", Start: at(berlin, 2026, 10, 25, 0, 0), End: at(berlin, 2026, 10, 26, 0, 0), Timezone: "Europe/Berlin"},
		},
		{
			name: "DURATION of hours and minutes",
			data: icsEvents(nil, []string{"UID:r1", "SUMMARY:Long", "DTSTART:20261014T070000Z", "DURATION:PT1H30M"}),
			want: schedule.Session{ID: "r1", Title: "Long", Start: at(time.UTC, 2026, 10, 14, 7, 0), End: at(time.UTC, 2026, 10, 14, 8, 30), Timezone: "UTC"},
		},
		{
			name: "DURATION of a day",
			data: icsEvents(nil, []string{"UID:r2", "SUMMARY:Day", "DTSTART;VALUE=DATE:20261014", "DURATION:P1D"}),
			opts: ReadOptions{Timezone: "Asia/Tokyo"},
			want: schedule.Session{ID: "r2", Title: "Day", Start: at(tokyo, 2026, 10, 14, 0, 0), End: at(tokyo, 2026, 10, 15, 0, 0), Timezone: "Asia/Tokyo"},
		},
		{
			name:    "a DURATION that is none",
			data:    icsEvents(nil, []string{"UID:r3", "SUMMARY:Odd", "DTSTART:20261014T070000Z", "DURATION:1 hour"}),
			want:    schedule.Session{ID: "r3", Title: "Odd", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
			problem: `DURATION "1 hour" is not a length`,
		},
		{
			name:    "a start that is no time",
			data:    icsEvents(nil, []string{"UID:r4", "SUMMARY:Odd", "DTSTART:tomorrow at nine"}),
			want:    schedule.Session{ID: "r4", Title: "Odd", Timezone: "UTC"},
			problem: `DTSTART "tomorrow at nine" is not a time`,
		},
		{
			name: "no end",
			data: icsEvents(nil, []string{"UID:n1", "SUMMARY:Open end", "DTSTART:20261014T070000Z"}),
			want: schedule.Session{ID: "n1", Title: "Open end", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
		{
			name: "a VALARM inside the event, and a VTODO beside it",
			data: icsDoc("BEGIN:VCALENDAR", "VERSION:2.0",
				"BEGIN:VTODO", "UID:todo", "SUMMARY:Buy milk", "END:VTODO",
				"BEGIN:VEVENT", "UID:v1", "SUMMARY:With alarm",
				"BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "SUMMARY:Alarm", "TRIGGER:-PT15M", "END:VALARM",
				"DESCRIPTION:The event's own", "DTSTART:20261014T070000Z", "END:VEVENT",
				"END:VCALENDAR"),
			want: schedule.Session{ID: "v1", Title: "With alarm", Description: "The event's own", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
		{
			name: "LF line ends, no END:VCALENDAR",
			data: "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:l1\nSUMMARY:Unix\n  lines\nDTSTART:20261014T070000Z\nEND:VEVENT\n",
			want: schedule.Session{ID: "l1", Title: "Unix lines", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
		{
			name: "U+2028 and U+2029 in text are no line ends",
			data: icsEvents(nil, []string{"UID:s1", "SUMMARY:Line\u2028separated", "DESCRIPTION:Para\u2029graph", "DTSTART:20261014T070000Z"}),
			want: schedule.Session{ID: "s1", Title: "Line\u2028separated", Description: "Para\u2029graph", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
		{
			name: "categories, URL, a BOM and lower-case names",
			data: "\ufeff" + icsEvents(nil, []string{"uid:c1@host", "summary:Cats", "categories:Talk,Security", "CATEGORIES:Beginner", "url;value=uri:https://example.org/c1", "dtstart:20261014t070000z"}),
			want: schedule.Session{ID: "c1", Title: "Cats", Type: "Talk", URL: "https://example.org/c1", Start: at(time.UTC, 2026, 10, 14, 7, 0), Timezone: "UTC"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := readICSText(c.data, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Sessions) != 1 {
				t.Fatalf("%d sessions, want 1", len(p.Sessions))
			}
			s, w := p.Sessions[0], c.want
			for _, f := range []struct{ name, got, want string }{
				{"id", s.ID, w.ID}, {"title", s.Title, w.Title}, {"description", s.Description, w.Description},
				{"room", s.Room, w.Room}, {"url", s.URL, w.URL}, {"type", s.Type, w.Type}, {"timezone", s.Timezone, w.Timezone},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if !s.Start.Equal(w.Start) || !s.End.Equal(w.End) {
				t.Errorf("times %v – %v, want %v – %v", s.Start, s.End, w.Start, w.End)
			}
			if !s.Start.IsZero() && s.Start.Location().String() != s.Timezone {
				t.Errorf("start is in %s, not in the session's zone %s", s.Start.Location(), s.Timezone)
			}
			checkMessages(t, "warning", p.Warnings, c.warning)
			var problems []string
			for _, pr := range p.Problems {
				if pr.Rule != schedule.RuleBadTime || pr.Session != s.ID {
					t.Errorf("problem %+v: want bad-time on %s", pr, s.ID)
				}
				problems = append(problems, pr.Message)
			}
			checkMessages(t, "problem", problems, c.problem)
		})
	}
}

// checkMessages: msgs has one containing want, or none at all when want
// is "".
func checkMessages(t *testing.T, what string, msgs []string, want string) {
	t.Helper()
	if want == "" {
		if len(msgs) > 0 {
			t.Errorf("%ss %q, want none", what, msgs)
		}
		return
	}
	for _, m := range msgs {
		if strings.Contains(m, want) {
			return
		}
	}
	t.Errorf("%ss %q, want one with %q", what, msgs, want)
}

// TestReadICSLineEnds: CRLF and LF give the same programme.
func TestReadICSLineEnds(t *testing.T) {
	crlf := icsEvents([]string{"X-WR-CALNAME:Ends"}, []string{"UID:1", "SUMMARY:Folded su", " mmary", `DESCRIPTION:a\nb`, "DTSTART:20261014T070000Z"},
		[]string{"UID:2", "SUMMARY:Two", "DTSTART;VALUE=DATE:20261015"})
	lf := strings.ReplaceAll(crlf, "\r\n", "\n")
	a, err := readICSText(crlf, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := readICSText(lf, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if x, y := render(t, "json", a), render(t, "json", b); x != y {
		t.Errorf("CRLF and LF differ:\n%s\n%s", x, y)
	}
	if a.Name != "Ends" || len(a.Sessions) != 2 {
		t.Errorf("name %q, %d sessions", a.Name, len(a.Sessions))
	}
}

// TestReadICSRefused: what is no programme of single sessions is refused
// with an InputError saying what to do.
func TestReadICSRefused(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"rrule", icsEvents(nil, []string{"UID:s", "SUMMARY:Standup", "DTSTART:20261014T070000Z", "RRULE:FREQ=WEEKLY;COUNT=10"}),
			`event "Standup" (line 8) repeats (RRULE:FREQ=WEEKLY;COUNT=10): docket reads programmes of single sessions; expand the series`},
		{"rdate", icsEvents(nil, []string{"UID:s", "DTSTART:20261014T070000Z", "RDATE:20261021T070000Z"}),
			`event 1 (line 7) repeats (RDATE:20261021T070000Z)`},
		{"no events", icsEvents([]string{"X-WR-CALNAME:Empty"}), "the calendar has no events"},
		{"only a todo", icsDoc("BEGIN:VCALENDAR", "BEGIN:VTODO", "UID:t", "END:VTODO", "END:VCALENDAR"), "the calendar has no events"},
		{"cut short", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Half", "ends inside event 1 (BEGIN:VEVENT on line 2 has no END:VEVENT): is the file cut short?"},
		{"no calendar", "UID:x\r\nSUMMARY:y\r\n", "there is no BEGIN:VCALENDAR"},
		{"another component first", "BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n", "starts with BEGIN:VCARD, not BEGIN:VCALENDAR"},
		{"too deep", "BEGIN:VCALENDAR\r\n" + strings.Repeat("BEGIN:X\r\n", 40), "nest deeper than 32 levels"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadProgramme(Input{Name: "cal.ics", R: strings.NewReader(c.data)}, ReadOptions{})
			var ie *InputError
			if err == nil || !errors.As(err, &ie) || ie.File != "cal.ics" || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want an InputError with %q", err, c.want)
			}
		})
	}
}

// TestReadICSLimits: a value past the cell limit and a line past the row
// limit are refused while the file is scanned, naming the setting.
func TestReadICSLimits(t *testing.T) {
	small := Limits{CellBytes: 64}
	long := strings.Repeat("x", 65)
	cases := []struct {
		name, data string
		l          Limits
		want       string
	}{
		{"a long summary", icsEvents(nil, []string{"UID:1", "SUMMARY:" + long, "DTSTART:20261014T070000Z"}), small, "line 6 (SUMMARY): the cell (65 bytes) is larger than the limit of 64 bytes"},
		{"a long summary folded", icsEvents(nil, []string{"UID:1", "SUMMARY:" + long[:40], " " + long[40:], "DTSTART:20261014T070000Z"}), small, "line 6 (SUMMARY): the cell (65 bytes)"},
		{"many categories", icsEvents(nil, []string{"UID:1", "CATEGORIES:" + strings.Repeat("a,", 10) + "a"}), Limits{Columns: 10}, "number of categories is larger than the limit of 10 columns"},
		{"a line past the row limit", icsEvents(nil, []string{"UID:1", "X-BLOB:" + strings.Repeat("y", 16<<20+1)}), small, "line 6: the line's text is larger than the limit of 16777216 bytes"},
		{"a folded line past the row limit", icsEvents(nil, []string{"UID:1", "X-BLOB:" + strings.Repeat("y", 8<<20), " " + strings.Repeat("y", 8<<20)}), small, "line 7: the line's text is larger"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readICSText(c.data, ReadOptions{Limits: c.l})
			var le *limits.Error
			if err == nil || !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want a limits error with %q", err, c.want)
			}
		})
	}
	// An attachment docket does not keep may be larger than a cell.
	p, err := readICSText(icsEvents(nil, []string{"UID:1", "SUMMARY:With attachment", "ATTACH;ENCODING=BASE64;VALUE=BINARY:" + strings.Repeat("QUFB", 100), "DTSTART:20261014T070000Z"}), ReadOptions{Limits: small})
	if err != nil || len(p.Sessions) != 1 {
		t.Errorf("an attachment past the cell limit: %v", err)
	}
}

// TestWindowsZonesLoad: every Windows zone name maps to a zone this
// system knows.
func TestWindowsZonesLoad(t *testing.T) {
	for win, iana := range windowsZones {
		if _, err := schedule.LoadLocation(iana); err != nil {
			t.Errorf("%s: %v", win, err)
		}
	}
}

// TestICSRoundTrip: docket's own calendar reads back as the sessions it
// was written from: ids, titles, times, rooms, descriptions and URLs.
func TestICSRoundTrip(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	for _, o := range []WriteOptions{{}, {Title: "IGF 2023"}, {Title: "IGF 2023", Acronym: "igf"}} {
		out := renderWith(t, "ics", p, o)
		back, err := readICSText(out, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var want []*schedule.Session
		for _, s := range p.Sessions {
			if s.Scheduled() {
				want = append(want, s)
			}
		}
		schedule.Sort(want)
		if len(back.Sessions) != len(want) {
			t.Fatalf("%d sessions back, want %d", len(back.Sessions), len(want))
		}
		if back.Timezone != p.Timezone {
			t.Errorf("timezone %q, want %q", back.Timezone, p.Timezone)
		}
		for i, s := range want {
			g := back.Sessions[i]
			for _, f := range []struct{ name, got, want string }{
				{"id", g.ID, s.ID}, {"title", g.Title, s.Title}, {"room", g.Room, s.Room},
				{"description", g.Description, strings.TrimSpace(s.Description)}, {"url", g.URL, s.URL},
				{"type", g.Type, s.Type}, {"theme", g.Theme, s.Theme}, {"timezone", g.Timezone, s.Timezone},
			} {
				if f.got != f.want {
					t.Errorf("%+v: session %s: %s = %q, want %q", o, s.ID, f.name, f.got, f.want)
				}
			}
			if !g.Start.Equal(s.Start) || !g.End.Equal(s.End) {
				t.Errorf("session %s: %v – %v, want %v – %v", s.ID, g.Start, g.End, s.Start, s.End)
			}
		}
		if len(back.Problems) > 0 || len(back.Warnings) > 0 {
			t.Errorf("problems %v, warnings %v", back.Problems, back.Warnings)
		}
	}
}

// TestICSRoundTripEdges: a session without an id, a title with ": ", a
// description with a paragraph that looks like docket's details.
func TestICSRoundTripEdges(t *testing.T) {
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	start := time.Date(2026, 10, 14, 9, 0, 0, 0, tokyo)
	p := &schedule.Programme{Name: "Edge Conf", Timezone: "Asia/Tokyo", Sessions: []*schedule.Session{
		{Title: "Keynote: the future", Start: start, End: start.Add(time.Hour), Timezone: "Asia/Tokyo"},
		{ID: "T-2", Title: "Q&A: ask us", Description: "First.\n\nSecond paragraph.", Start: start.Add(2 * time.Hour), Timezone: "Asia/Tokyo", DeclaredMinutes: 30,
			Speakers: []schedule.Person{{Name: "Ana Lima", Organization: "Org"}}},
	}}
	back, err := readICSText(renderWith(t, "ics", p, WriteOptions{}), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := back.Sessions[0], back.Sessions[1]
	if a.ID != "" || a.Title != "Keynote: the future" {
		t.Errorf("no id: %q %q", a.ID, a.Title)
	}
	if b.ID != "T-2" || b.Title != "Q&A: ask us" || b.Description != "First.\n\nSecond paragraph." || !b.End.Equal(start.Add(150*time.Minute)) {
		t.Errorf("T-2: %q %q %q %v", b.ID, b.Title, b.Description, b.End)
	}
	// What docket put after the description is read back into its
	// fields, as from the feeds.
	if len(b.Speakers) != 1 || b.Speakers[0].Name != "Ana Lima" {
		t.Errorf("speakers = %+v", b.Speakers)
	}
}

// TestReadICSDatesInTheCalendarsZone: an all-day event's dates, written
// without a zone beside events in one TZID (as Outlook writes them), are
// read in that zone, not UTC.
func TestReadICSDatesInTheCalendarsZone(t *testing.T) {
	data := icsEvents(nil,
		[]string{"UID:1", "SUMMARY:Talk", "DTSTART;TZID=W. Europe Standard Time:20250610T090000"},
		[]string{"UID:2", "SUMMARY:Posters", "DTSTART;VALUE=DATE:20250610", "DTEND;VALUE=DATE:20250612"})
	p, err := readICSText(data, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := p.Sessions[1]
	if s.Timezone != "Europe/Berlin" || s.Start.Format(time.RFC3339) != "2025-06-10T00:00:00+02:00" || s.End.Format(time.RFC3339) != "2025-06-12T00:00:00+02:00" {
		t.Errorf("posters: %s %v – %v", s.Timezone, s.Start, s.End)
	}
	if len(p.Warnings) > 0 || p.Timezone != "Europe/Berlin" {
		t.Errorf("warnings %q, zone %s", p.Warnings, p.Timezone)
	}
}
