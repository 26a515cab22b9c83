package formats

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

var exportTime = time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)

func renderWith(t *testing.T, name string, p *schedule.Programme, o WriteOptions) string {
	t.Helper()
	f, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b, p, o); err != nil {
		t.Fatalf("writing %s: %v", name, err)
	}
	return b.String()
}

func TestICSGolden(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	out := renderWith(t, "ics", p, WriteOptions{Now: exportTime, Title: "IGF 2023", Acronym: "igf2023"})
	testkit.Golden(t, "testdata/golden/sample.ics", []byte(out))
}

// TestICSRules checks RFC 5545's syntax rules directly: real parsers are
// lenient about them.
func TestICSRules(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	p.Sessions[0].Title = `<script>alert(1)</script> & "x"; a, b \ c` + "\nsecond line"
	out := renderWith(t, "ics", p, WriteOptions{Now: exportTime})
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Error("the calendar must end with END:VCALENDAR and CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, `SUMMARY:MAIN-1: <script>alert(1)</script> & "x"\; a\, b \\ c\nsecond line`+"\r\n") {
		t.Errorf("TEXT escaping is wrong:\n%s", unfolded[:600])
	}
	events := strings.Count(unfolded, "BEGIN:VEVENT\r\n")
	for _, prop := range []string{"UID:", "DTSTAMP:", "DTSTART:", "DTEND:", "SUMMARY:"} {
		if n := strings.Count(unfolded, "\r\n"+prop); n != events {
			t.Errorf("%s appears %d times for %d events", prop, n, events)
		}
	}
	// Stable UIDs: the same programme gives the same UIDs.
	again := renderWith(t, "ics", p, WriteOptions{Now: exportTime.Add(time.Hour)})
	uids := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				out = append(out, l)
			}
		}
		return out
	}
	if strings.Join(uids(out), "|") != strings.Join(uids(again), "|") {
		t.Error("UIDs change between exports")
	}
	// Open Forum #168's UID under the acronym made from the sample's name,
	// written out: calendars update the event they have by it, so it is a
	// contract that must not change between docket versions.
	if !strings.Contains(unfolded, "\r\nUID:c4b93c63-2e79-5d0d-9887-dcad847be98b@docket\r\n") {
		t.Error("Open Forum #168 lost its UID c4b93c63-2e79-5d0d-9887-dcad847be98b@docket")
	}
}

// TestICSParsesInARealParser hands the calendar to Debian's
// python3-icalendar (installed by .ci/run).
func TestICSParsesInARealParser(t *testing.T) {
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import icalendar").Run() != nil {
		t.Skip("python3-icalendar is not installed (.ci/run installs it)")
	}
	p := readFile(t, sampleCSV, ReadOptions{})
	path := filepath.Join(t.TempDir(), "sample.ics")
	os.WriteFile(path, []byte(renderWith(t, "ics", p, WriteOptions{Now: exportTime})), 0o644)
	script := `import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
evs = [e for e in cal.walk('VEVENT')]
of = [e for e in evs if str(e['SUMMARY']).startswith('Open Forum #168')][0]
print(len(evs), of.decoded('DTSTART').isoformat(), of.decoded('DTEND').isoformat(), str(of['LOCATION']), 'Valeriya Ionan' in str(of['DESCRIPTION']))`
	res, err := exec.Command(py, "-c", script, path).CombinedOutput()
	want := "48 2023-10-11T08:45:00+00:00 2023-10-11T09:45:00+00:00 WS 7 – Room K True"
	if err != nil || strings.TrimSpace(string(res)) != want {
		t.Errorf("python3-icalendar: %v\n got: %s\nwant: %s", err, res, want)
	}
}

// TestICSDuplicateIDsGetDistinctUIDs: two sessions with one id gave two
// events one UID, and calendars kept only one of them.
func TestICSDuplicateIDsGetDistinctUIDs(t *testing.T) {
	p := mustRead(t, "d.csv", []byte("id,title,date,start,end,room,timezone\n"+
		"WS1,One,2026-08-01,10:00,11:00,Hall,UTC\nWS1,Two,2026-08-01,12:00,13:00,Hall,UTC\n"))
	var out bytes.Buffer
	if err := icsFormat.Write(&out, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	uids := map[string]bool{}
	for _, l := range strings.Split(out.String(), "\r\n") {
		if strings.HasPrefix(l, "UID:") {
			if uids[l] {
				t.Errorf("UID repeated: %s", l)
			}
			uids[l] = true
		}
	}
	if len(uids) != 2 {
		t.Errorf("%d UIDs", len(uids))
	}
}

// TestICSLineSeparators: U+2028, U+2029 and NEL in a description are
// written as line breaks: raw, node-ical dropped the whole description.
func TestICSLineSeparators(t *testing.T) {
	p := mustRead(t, "l.csv", []byte("id,title,date,start,end,room,timezone,description\n"+
		"S1,One,2026-08-01,10:00,11:00,Hall,UTC,\"a\u2028b\u2029c\u0085d\"\n"))
	var out bytes.Buffer
	if err := icsFormat.Write(&out, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `DESCRIPTION:a\nb\nc\nd`) || strings.ContainsAny(out.String(), "\u2028\u2029\u0085") {
		t.Errorf("not written as line breaks:\n%s", out.String())
	}
}
