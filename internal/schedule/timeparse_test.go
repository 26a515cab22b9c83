package schedule

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // hermetic: zones do not depend on the machine's zoneinfo
)

func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr string // substring of the error; "" for none
	}{
		{in: "2023-10-11", want: Date{2023, time.October, 11}},
		{in: " 2023-10-11 ", want: Date{2023, time.October, 11}},
		{in: "2023/10/11", want: Date{2023, time.October, 11}},
		{in: "2023.10.11", want: Date{2023, time.October, 11}},
		{in: "2023-1-5", want: Date{2023, time.January, 5}},
		{in: "11.10.2023", want: Date{2023, time.October, 11}},
		{in: "11/10/2023", want: Date{2023, time.October, 11}}, // day first
		{in: "1/2/2024", want: Date{2024, time.February, 1}},
		{in: "Wednesday, 11th October, 2023", want: Date{2023, time.October, 11}},
		{in: "Wednesday, 11th October 2023", want: Date{2023, time.October, 11}},
		{in: "Wed 11 Oct 2023", want: Date{2023, time.October, 11}},
		{in: "Wed., 11 Oct 2023", want: Date{2023, time.October, 11}},
		{in: "11 Oct 2023", want: Date{2023, time.October, 11}},
		{in: "11 October 2023", want: Date{2023, time.October, 11}},
		{in: "11  october   2023", want: Date{2023, time.October, 11}},
		{in: "October 11, 2023", want: Date{2023, time.October, 11}},
		{in: "Oct 11 2023", want: Date{2023, time.October, 11}},
		{in: "1st October 2023", want: Date{2023, time.October, 1}},
		{in: "2nd October 2023", want: Date{2023, time.October, 2}},
		{in: "3rd October 2023", want: Date{2023, time.October, 3}},
		{in: "August 22nd, 2024", want: Date{2024, time.August, 22}},
		{in: "2024-02-29", want: Date{2024, time.February, 29}},
		{in: "2023-02-29", wantErr: "February has no day 29"},
		{in: "31/04/2023", wantErr: "April has no day 31"},
		{in: "2023-13-01", wantErr: "is not a date"},
		{in: "2023-00-10", wantErr: "is not a date"},
		{in: "2023-10-00", wantErr: "is not a date"},
		{in: "32.10.2023", wantErr: "is not a date"},
		{in: "10/11", wantErr: "is not a date"},
		{in: "2023-10-11 17:45", wantErr: "is not a date"},
		{in: "tomorrow", wantErr: "is not a date"},
		{in: "0000-01-01", wantErr: "is not a date"}, // year 0 is the unset Date
		{in: "1 January 0000", wantErr: "is not a date"},
		{in: "", wantErr: "is not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			checkErr(t, fmt.Sprintf("ParseDate(%q)", tt.in), err, tt.wantErr)
			if err == nil && got != tt.want {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func checkErr(t *testing.T, call string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", call, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want one containing %q", call, want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("%s: error %q, want one containing %q", call, err, want)
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{2023, time.October, 11}, "2023-10-11"},
		{Date{999, time.January, 2}, "0999-01-02"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
	if !(Date{}).IsZero() || (Date{2023, 1, 1}).IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in      string
		want    Clock
		wantErr bool
	}{
		{in: "17:45", want: Clock{17, 45, 0}},
		{in: " 17:45 ", want: Clock{17, 45, 0}},
		{in: "08:45", want: Clock{8, 45, 0}},
		{in: "8:45", want: Clock{8, 45, 0}},
		{in: "17:45:30", want: Clock{17, 45, 30}},
		{in: "17h45", want: Clock{17, 45, 0}},
		{in: "17.45", want: Clock{17, 45, 0}},
		{in: "5:45 PM", want: Clock{17, 45, 0}},
		{in: "5:45pm", want: Clock{17, 45, 0}},
		{in: "5:45 p.m.", want: Clock{17, 45, 0}},
		{in: "5 pm", want: Clock{17, 0, 0}},
		{in: "9 AM", want: Clock{9, 0, 0}},
		{in: "12 pm", want: Clock{12, 0, 0}},
		{in: "12 am", want: Clock{0, 0, 0}},
		{in: "12:30 a.m.", want: Clock{0, 30, 0}},
		{in: "00:00", want: Clock{0, 0, 0}},
		{in: "23:59:59", want: Clock{23, 59, 59}},
		{in: "24:00", want: Clock{24, 0, 0}},
		{in: "24:01", wantErr: true},
		{in: "25:00", wantErr: true},
		{in: "17:60", wantErr: true},
		{in: "17:45:60", wantErr: true},
		{in: "13 pm", wantErr: true},
		{in: "0 am", wantErr: true},
		{in: "17", wantErr: true}, // a bare number is no time
		{in: "1745", wantErr: true},
		{in: "17:5", wantErr: true},
		{in: "abc", wantErr: true},
		{in: "", wantErr: true},
		{in: "17:45 UTC", wantErr: true}, // zones are ParseStamp's business
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseClock(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if err == nil && got != tt.want {
				t.Errorf("ParseClock(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseStamp(t *testing.T) {
	tokyo := mustLoc(t, "Asia/Tokyo")
	day := Date{2023, time.October, 11}
	type want struct {
		date    Date
		clock   Clock
		hasTime bool
		offset  int  // seconds east of UTC when zoned
		zoned   bool // the text named its own zone
	}
	tests := []struct {
		in      string
		want    want
		wantErr bool
	}{
		{in: "2023-10-11", want: want{date: day}},
		{in: "17:45", want: want{clock: Clock{17, 45, 0}, hasTime: true}},
		{in: "5:45 PM", want: want{clock: Clock{17, 45, 0}, hasTime: true}},
		{in: "2023-10-11 17:45", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true}},
		{in: "2023-10-11  17:45:30", want: want{date: day, clock: Clock{17, 45, 30}, hasTime: true}},
		{in: "2023-10-11T17:45", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true}},
		{in: "11.10.2023 17:45", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true}},
		{in: "11 October 2023 5:45 PM", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true}},
		{in: "Wednesday, 11th October, 2023 08:45", want: want{date: day, clock: Clock{8, 45, 0}, hasTime: true}},
		{in: "2023-10-11T08:45:00Z", want: want{date: day, clock: Clock{8, 45, 0}, hasTime: true, zoned: true}},
		{in: "2023-10-11T17:45:00+09:00", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true, offset: 9 * 3600, zoned: true}},
		{in: "2023-10-11T17:45+09:00", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true, offset: 9 * 3600, zoned: true}},
		{in: "2023-10-11 17:45:00-03:00", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true, offset: -3 * 3600, zoned: true}},
		{in: "2023-10-11 17:45Z", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true, zoned: true}},
		{in: "Wednesday, 11th October, 2023 (08:45 UTC)", want: want{date: day, clock: Clock{8, 45, 0}, hasTime: true, zoned: true}},
		{in: "Wednesday,  11th October, 2023 (08:45 UTC)", want: want{date: day, clock: Clock{8, 45, 0}, hasTime: true, zoned: true}},
		{in: "(08:45 UTC)", want: want{clock: Clock{8, 45, 0}, hasTime: true, zoned: true}},
		{in: "08:45 UTC", want: want{clock: Clock{8, 45, 0}, hasTime: true, zoned: true}},
		{in: "08:45 GMT", want: want{clock: Clock{8, 45, 0}, hasTime: true, zoned: true}},
		{in: "08:45 utc", want: want{clock: Clock{8, 45, 0}, hasTime: true, zoned: true}},
		{in: "17:45 GMT+9", want: want{clock: Clock{17, 45, 0}, hasTime: true, offset: 9 * 3600, zoned: true}},
		{in: "17:45 UTC+05:30", want: want{clock: Clock{17, 45, 0}, hasTime: true, offset: 5*3600 + 30*60, zoned: true}},
		{in: "17:45 UTC-3", want: want{clock: Clock{17, 45, 0}, hasTime: true, offset: -3 * 3600, zoned: true}},
		{in: "2023-10-11 17:45 UTC+9", want: want{date: day, clock: Clock{17, 45, 0}, hasTime: true, offset: 9 * 3600, zoned: true}},
		{in: "17:45 JST", wantErr: true}, // abbreviations are ambiguous
		{in: "17:45 UTC+15", wantErr: true},
		{in: "17:45 UTC+5:75", wantErr: true},
		{in: "17:45 UTC+-5", wantErr: true},
		{in: "", wantErr: true},
		{in: "   ", wantErr: true},
		{in: "TBD", wantErr: true},
		{in: "2023-10-11 25:00", wantErr: true},
		{in: "2023-02-30 10:00", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseStamp(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseStamp(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if got.Date != tt.want.date || got.Clock != tt.want.clock || got.HasTime != tt.want.hasTime || (got.Zone != nil) != tt.want.zoned {
				t.Errorf("ParseStamp(%q) = {date %v clock %+v hasTime %v zoned %v}, want {date %v clock %+v hasTime %v zoned %v}",
					tt.in, got.Date, got.Clock, got.HasTime, got.Zone != nil, tt.want.date, tt.want.clock, tt.want.hasTime, tt.want.zoned)
			}
			if got.Zone != nil {
				at, ok := got.In(tokyo, day)
				if !ok {
					t.Fatalf("ParseStamp(%q).In gave no instant", tt.in)
				}
				if _, off := at.Zone(); off != tt.want.offset {
					t.Errorf("ParseStamp(%q): offset %d s, want %d s", tt.in, off, tt.want.offset)
				}
			}
		})
	}
}

func TestStampIn(t *testing.T) {
	tokyo := mustLoc(t, "Asia/Tokyo")
	day := Date{2023, time.October, 11}
	tests := []struct {
		name   string
		s      Stamp
		loc    *time.Location
		day    Date
		want   time.Time
		wantOK bool
	}{
		{"clock takes the day", Stamp{Clock: Clock{17, 45, 0}, HasTime: true}, tokyo, day, time.Date(2023, 10, 11, 8, 45, 0, 0, time.UTC), true},
		{"own date wins", Stamp{Date: Date{2023, 10, 12}, Clock: Clock{9, 0, 0}, HasTime: true}, tokyo, day, time.Date(2023, 10, 12, 0, 0, 0, 0, time.UTC), true},
		{"own zone wins", Stamp{Clock: Clock{8, 45, 0}, HasTime: true, Zone: time.UTC}, tokyo, day, time.Date(2023, 10, 11, 8, 45, 0, 0, time.UTC), true},
		{"no day", Stamp{Clock: Clock{8, 45, 0}, HasTime: true}, tokyo, Date{}, time.Time{}, false},
		{"24:00 is the next midnight", Stamp{Clock: Clock{24, 0, 0}, HasTime: true}, time.UTC, day, time.Date(2023, 10, 12, 0, 0, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.s.In(tt.loc, tt.day)
			if ok != tt.wantOK || !got.Equal(tt.want) {
				t.Errorf("In = %v, %v, want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestFromSerial(t *testing.T) {
	tests := []struct {
		name     string
		serial   float64
		date1904 bool
		date     Date
		clock    Clock
		hasTime  bool
		wantErr  bool
	}{
		{name: "date", serial: 45210, date: Date{2023, 10, 11}},
		{name: "date and time", serial: 45210.739583333336, date: Date{2023, 10, 11}, clock: Clock{17, 45, 0}, hasTime: true},
		{name: "date and time as written by a reader, rounded to the second", serial: 45210.73958, date: Date{2023, 10, 11}, clock: Clock{17, 45, 0}, hasTime: true},
		{name: "date and time that is a second short", serial: 45210.739571759, date: Date{2023, 10, 11}, clock: Clock{17, 44, 59}, hasTime: true},
		{name: "time only", serial: 0.7395833333333334, clock: Clock{17, 45, 0}, hasTime: true},
		{name: "time 08:45", serial: 0.3645833333333333, clock: Clock{8, 45, 0}, hasTime: true},
		{name: "midnight alone", serial: 0, hasTime: true},
		{name: "rounds up to the next day", serial: 45210.999999999, date: Date{2023, 10, 12}},
		{name: "1900-01-01", serial: 1, date: Date{1900, 1, 1}},
		{name: "1900-02-28", serial: 59, date: Date{1900, 2, 28}},
		{name: "Excel's 1900-02-29", serial: 60, date: Date{1900, 3, 1}},
		{name: "1900-03-01", serial: 61, date: Date{1900, 3, 1}},
		{name: "last day", serial: 2958465, date: Date{9999, 12, 31}},
		{name: "1904 date", serial: 43748, date1904: true, date: Date{2023, 10, 11}},
		{name: "1904 date and time", serial: 43748.364583333336, date1904: true, date: Date{2023, 10, 11}, clock: Clock{8, 45, 0}, hasTime: true},
		{name: "1904 time only", serial: 0.5, date1904: true, clock: Clock{12, 0, 0}, hasTime: true},
		{name: "negative", serial: -1, wantErr: true},
		{name: "past 9999", serial: 2958466, wantErr: true},
		{name: "huge", serial: 1e300, wantErr: true},
		{name: "1904 last day", serial: 2957003, date1904: true, date: Date{9999, 12, 31}},
		{name: "1904 past 9999", serial: 2957004, date1904: true, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromSerial(tt.serial, tt.date1904)
			if (err != nil) != tt.wantErr {
				t.Fatalf("FromSerial(%v, %v) error = %v, wantErr %v (got %+v)", tt.serial, tt.date1904, err, tt.wantErr, got)
			}
			if err != nil {
				return
			}
			if got.Date != tt.date || got.Clock != tt.clock || got.HasTime != tt.hasTime || got.Zone != nil {
				t.Errorf("FromSerial(%v, %v) = %v %+v hasTime %v zone %v, want %v %+v hasTime %v", tt.serial, tt.date1904,
					got.Date, got.Clock, got.HasTime, got.Zone, tt.date, tt.clock, tt.hasTime)
			}
		})
	}
}

func TestFromSerialNaN(t *testing.T) {
	nan := 0.0
	nan = nan / nan
	if _, err := FromSerial(nan, false); err == nil {
		t.Error("FromSerial(NaN) gave no error")
	}
}

func TestToSerial(t *testing.T) {
	tests := []struct {
		d    Date
		c    Clock
		want float64
	}{
		{Date{2023, 10, 11}, Clock{}, 45210},
		{Date{2023, 10, 11}, Clock{17, 45, 0}, 45210 + 17.75/24},
		{Date{}, Clock{8, 45, 0}, 8.75 / 24},
		{Date{1900, 3, 1}, Clock{}, 61},
	}
	for _, tt := range tests {
		if got := ToSerial(tt.d, tt.c); got != tt.want {
			t.Errorf("ToSerial(%v, %+v) = %v, want %v", tt.d, tt.c, got, tt.want)
		}
	}
	// Round trip over a range of days and times.
	for _, d := range []Date{{1900, 3, 1}, {1999, 12, 31}, {2023, 10, 11}, {2024, 2, 29}, {9999, 12, 31}} {
		for _, c := range []Clock{{}, {0, 0, 1}, {8, 45, 0}, {17, 45, 0}, {23, 59, 59}} {
			st, err := FromSerial(ToSerial(d, c), false)
			if err != nil || st.Date != d || st.Clock != c {
				t.Errorf("FromSerial(ToSerial(%v, %+v)) = %v %+v, %v", d, c, st.Date, st.Clock, err)
			}
		}
	}
}

func TestSplitRange(t *testing.T) {
	tests := []struct {
		in       string
		from, to string
		ok       bool
	}{
		{"17:45-18:45", "17:45", "18:45", true},
		{"17:45 - 18:45", "17:45", "18:45", true},
		{"17:45 – 18:45", "17:45", "18:45", true},
		{"17:45 — 18:45", "17:45", "18:45", true},
		{"17:45–18:45", "17:45", "18:45", true},
		{"17:45 to 18:45", "17:45", "18:45", true},
		{"5:45 PM-6:45 PM", "5:45 PM", "6:45 PM", true},
		{" 17:45 -18:45 ", "17:45", "18:45", true},
		{
			"Wednesday, 11th October, 2023 (08:45 UTC) - Wednesday, 11th October, 2023 (09:45 UTC)",
			"Wednesday, 11th October, 2023 (08:45 UTC)", "Wednesday, 11th October, 2023 (09:45 UTC)", true,
		},
		{"2023-10-11 17:45 - 2023-10-11 18:45", "2023-10-11 17:45", "2023-10-11 18:45", true},
		{"2023-10-11", "", "", false},
		{"17:45", "", "", false},
		{"10-11", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		from, to, ok := SplitRange(tt.in)
		if from != tt.from || to != tt.to || ok != tt.ok {
			t.Errorf("SplitRange(%q) = %q, %q, %v, want %q, %q, %v", tt.in, from, to, ok, tt.from, tt.to, tt.ok)
		}
	}
}

func TestParseMinutes(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{in: "60", want: 60},
		{in: " 90 ", want: 90},
		{in: "60 min", want: 60},
		{in: "60 Min", want: 60},
		{in: "60min.", want: 60},
		{in: "90 mins", want: 90},
		{in: "90 minutes", want: 90},
		{in: "1 minute", want: 1},
		{in: "45m", want: 45},
		{in: "1h", want: 60},
		{in: "1 hour", want: 60},
		{in: "2 hours", want: 120},
		{in: "1.5 h", want: 90},
		{in: "1,5 h", want: 90},
		{in: "1.5 hrs", want: 90},
		{in: "1h30", want: 90},
		{in: "1 h 30 min", want: 90},
		{in: "1h30m", want: 90},
		{in: "2H15MIN", want: 135},
		{in: "1:30", want: 90},
		{in: "01:30", want: 90},
		{in: "0:45", want: 45},
		{in: "01:30:00", want: 90},
		{in: "12:00", want: 720},
		{in: "PT1H30M", want: 90},
		{in: "pt90m", want: 90},
		{in: "PT2H", want: 120},
		{in: "PT45M0S", want: 45},
		{in: "0:00", wantErr: true},
		{in: "1:30:15", wantErr: true},
		{in: "1:75", wantErr: true},
		{in: "PT", wantErr: true},
		{in: "PT0M", wantErr: true},
		{in: "P1D", wantErr: true},
		{in: "0", wantErr: true},
		{in: "0 min", wantErr: true},
		{in: "0h0", wantErr: true},
		{in: "0h00", wantErr: true},
		{in: "99999999999999999999h1", wantErr: true},
		{in: "2000h1", wantErr: true},
		{in: "100000", wantErr: true},
		{in: "1.25", wantErr: true},
		{in: "-5", wantErr: true},
		{in: "abc", wantErr: true},
		{in: "60 sec", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseMinutes(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseMinutes(%q) = %d, %v, wantErr %v", tt.in, got, err, tt.wantErr)
			}
			if err == nil && got != tt.want {
				t.Errorf("ParseMinutes(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitFormat(t *testing.T) {
	tests := []struct {
		in      string
		format  string
		minutes int
	}{
		{"Panel - 60 Min", "Panel", 60},
		{"Round Table - 90 Min", "Round Table", 90},
		{"  Panel -  60 Min  ", "Panel", 60},
		{"Panel – 60 min", "Panel", 60},
		{"Panel — 60 minutes", "Panel", 60},
		{"Panel - 1 minute", "Panel", 1},
		{"Panel (60 min)", "Panel", 60},
		{"Panel, 60 mins", "Panel", 60},
		{"Panel: 90'", "Panel", 90},
		{"Panel - 60’", "Panel", 60},
		{"Panel - 60 Min.", "Panel", 60},
		{"Break-out Group Discussions - 90 Min", "Break-out Group Discussions", 90},
		{"Birds of a Feather (BoF) - 60 Min", "Birds of a Feather (BoF)", 60},
		{"Panel", "Panel", 0},
		{"Break-out Group\nDiscussions - 90 Min", "Break-out Group\nDiscussions", 90}, // a wrapped cell
		{"Panel\n- 60 Min", "Panel", 60},
		{"Panel - 0 Min", "Panel", 0},       // a zero length is no length
		{"Panel 60 Min", "Panel 60 Min", 0}, // no separator, no split
		{"Panel - 60", "Panel - 60", 0},     // no unit, no split
		{"", "", 0},
	}
	for _, tt := range tests {
		format, minutes := SplitFormat(tt.in)
		if format != tt.format || minutes != tt.minutes {
			t.Errorf("SplitFormat(%q) = %q, %d, want %q, %d", tt.in, format, minutes, tt.format, tt.minutes)
		}
	}
}

func TestParseSDGs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"9.1; 16.6", []string{"9.1", "16.6"}},
		{"9.1\n16.6\n16.7\n17.17\n17.6\n17.8", []string{"9.1", "16.6", "16.7", "17.17", "17.6", "17.8"}}, // the seed
		{"9.1, 16.6,16.7", []string{"9.1", "16.6", "16.7"}},
		{"9.1 16.6\t16.7", []string{"9.1", "16.6", "16.7"}},
		{"9.1 | 16.6", []string{"9.1", "16.6"}},
		{"• 9.1 • 16.6", []string{"9.1", "16.6"}},
		{"SDG 9.1, SDG 16.6", []string{"9.1", "16.6"}},
		{"SDG9.1;SDG16.6", []string{"9.1", "16.6"}},
		{"sdg 9.1", []string{"9.1"}},
		{"SDG: 9.1", []string{"9.1"}},
		{"SDG:9.1", []string{"9.1"}},
		{"SDG #9.1", []string{"9.1"}},
		{"SDG#9.1", []string{"9.1"}},
		{"SDGs: 9.1; 16.6", []string{"9.1", "16.6"}},
		{"Target 14.A", []string{"14.a"}},
		{"Targets: 14.a", []string{"14.a"}},
		{"9.1.", []string{"9.1"}},
		{"SDG 9.1: Develop", []string{"9.1", "develop"}}, // text is kept for bad-sdg to report
		{"16.11", []string{"16.11"}},                     // no target, but kept for bad-sdg
		{"9.1\r\n16.6\r\n", []string{"9.1", "16.6"}},
		{"SDG", nil},
		{"SDGs", nil},
		{"", nil},
		{" ; , ", nil},
	}
	for _, tt := range tests {
		if got := ParseSDGs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("ParseSDGs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoadLocation(t *testing.T) {
	tests := []struct {
		name    string
		wantErr bool
	}{
		{"Asia/Tokyo", false},
		{"Europe/Berlin", false},
		{"UTC", false},
		{"", true},
		{"Local", true},
		{"local", true},
		{"JST", true},
		{"Mars/Olympus", true},
	}
	for _, tt := range tests {
		loc, err := LoadLocation(tt.name)
		if (err != nil) != tt.wantErr {
			t.Errorf("LoadLocation(%q) = %v, %v, wantErr %v", tt.name, loc, err, tt.wantErr)
		}
		if err == nil && loc.String() != tt.name {
			t.Errorf("LoadLocation(%q).String() = %q", tt.name, loc)
		}
	}
	// Cached: the same pointer twice.
	a, _ := LoadLocation("Asia/Tokyo")
	b, _ := LoadLocation("Asia/Tokyo")
	if a != b {
		t.Error("LoadLocation does not cache")
	}
}

// TestFastStamp: the fast path reads what the general parser reads, and
// leaves alone what it would refuse or read otherwise.
func TestFastStamp(t *testing.T) {
	for _, s := range []string{
		"2023-10-10", "2024-02-29", "2023-02-29", "0000-01-01", "2023-13-01", "2023-00-10", "2023-10-32",
		"09:00", "9:05", "23:59", "24:00", "12:60", "1:5", "009:00", "ab:cd", "2023-1-10", "20231010",
	} {
		fast, ok := fastStamp(s)
		slow, err := parseStamp(s, DayFirst)
		if ok && (err != nil || fast != slow) {
			t.Errorf("%q: fast %+v, general %+v (%v)", s, fast, slow, err)
		}
	}
}

func FuzzFastStamp(f *testing.F) {
	f.Add("2023-10-10")
	f.Add("09:00")
	f.Fuzz(func(t *testing.T, s string) {
		if fast, ok := fastStamp(s); ok {
			if slow, err := parseStamp(s, DayFirst); err != nil || fast != slow {
				t.Errorf("%q: fast %+v, general %+v (%v)", s, fast, slow, err)
			}
		}
	})
}

func TestRangeEnds(t *testing.T) {
	for in, want := range map[[2]string][2]string{
		{"9", "10:30am"}:      {"9:00 am", "10:30am"},
		{"11", "1pm"}:         {"11:00 am", "1pm"},
		{"2", "3pm"}:          {"2:00 pm", "3pm"},
		{"9:00", "10:30 AM"}:  {"9:00 am", "10:30 AM"},
		{"9am", "10:30am"}:    {"9am", "10:30am"},
		{"17:45", "18:45"}:    {"17:45", "18:45"},
		{"10", "11"}:          {"10:00", "11:00"},
		{"11:30", "12:30 pm"}: {"11:30 am", "12:30 pm"},
	} {
		a, z := RangeEnds(in[0], in[1])
		if a != want[0] || z != want[1] {
			t.Errorf("RangeEnds(%q, %q) = %q, %q; want %q, %q", in[0], in[1], a, z, want[0], want[1])
		}
	}
}
