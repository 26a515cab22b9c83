package formats

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/docket-forum/docket/internal/schedule"
)

// fuzzRead reads data as a file named name and checks what any reader must
// guarantee: no panic, an *InputError naming the file on failure, and a
// programme that every writer can write on success.
func fuzzRead(t *testing.T, name string, data []byte) {
	p, err := ReadProgramme(Input{Name: name, R: bytes.NewReader(data)}, ReadOptions{})
	checkRead(t, name, p, err)
	// Again within small limits, so that the fuzzer reaches the paths
	// that stop an input while it is scanned.
	p, err = ReadProgramme(Input{Name: name, R: bytes.NewReader(data)}, ReadOptions{Limits: fuzzLimits})
	checkRead(t, name, p, err)
}

// fuzzLimits are limits small enough for fuzzed inputs to pass them.
var fuzzLimits = Limits{CellBytes: 48, Columns: 6, SharedStrings: 8, MergedCells: 20, UnzipBytes: 64 << 10}

func checkRead(t *testing.T, name string, p *schedule.Programme, err error) {
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) || ie.File != name {
			t.Fatalf("error %v (%T) is not an InputError for %s", err, err, name)
		}
		return
	}
	for _, f := range All() {
		if f.Write == nil {
			continue
		}
		var b bytes.Buffer
		if err := f.Write(&b, p, WriteOptions{}); err != nil {
			t.Fatalf("writing what was read as %s: %v", f.Name, err)
		}
	}
}

// fuzzReadAs reads data as a file with that name on disk, so that the
// extension chooses the reader.
func fuzzReadAs(t *testing.T, name string, data []byte) {
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := ReadProgramme(Input{Name: name, Path: path}, ReadOptions{})
	checkRead(t, name, p, err)
	p, err = ReadProgramme(Input{Name: name, Path: path}, ReadOptions{Limits: fuzzLimits})
	checkRead(t, name, p, err)
}

func FuzzReadCSV(f *testing.F) {
	for _, p := range []string{sampleCSV, "../testdata/faults.csv"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"id,title,date,start,end,room\nA,T,2023-10-11,09:00,10:00,R\n",
		"id;title;start\n1;\"multi\nline\";2023-10-11 09:00\n",
		"\xef\xbb\xbfSession ID\tTitle\tStart time\n1\tx\t5:45 PM\n",
		"\xff\xfei\x00d\x00,\x00t\x00i\x00t\x00l\x00e\x00\n\x00",
		"id,title,start,end\nA,\"unterminated,09:00,10:00\n",
		"title,id\n,,,,,,,,\n\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "fuzz.csv", data) })
}

func FuzzReadXLSX(f *testing.F) {
	if data, err := os.ReadFile(sampleXLSX); err == nil {
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, zipMagic) {
			data = append(append([]byte{}, zipMagic...), data...)
		}
		fuzzRead(t, "fuzz.xlsx", data)
	})
}

func FuzzReadJSON(f *testing.F) {
	for _, s := range []string{
		`{"programme": {"timezone": "Asia/Tokyo"}, "sessions": [{"id": "A", "title": "T", "start": "2023-10-11T09:00:00+09:00", "end": "2023-10-11T10:00:00+09:00", "speakers": [{"name": "Ana", "stakeholder": "CS", "region": "WEOG", "participation": "virtual"}], "extra": {"Notes": "x", "n": 5}}]}`,
		`{"id":"A","title":"T","sdgs":["9.1"],"onsite_moderator":{"name":"B"}}` + "\n" + `{"id":"B"}`,
		`{"sessions": [{"id": 5}]}`,
		`{"sessions": [`,
		`{"programme": null, "sessions": null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReadAs(t, "fuzz.json", data) })
}

// FuzzReadFeeds reads frab schedule.xml and c3voc schedule.json: the
// feeds in the corpus and docket's own, cut and changed.
func FuzzReadFeeds(f *testing.F) {
	for _, name := range []string{"pretalx-schedule.xml", "voctosched-schedule.xml", "pretalx-feed.json", "frab-schedule.json"} {
		if data, err := os.ReadFile(filepath.Join(othersDir, name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<schedule><generator name="docket"/><conference><time_zone_name>Asia/Tokyo</time_zone_name></conference><day date="2023-10-11"><room name="R"><event id="1"><date>2023-10-11T09:00:00+09:00</date><duration>1:00</duration><description>x

Session: A
Speaker: Ana, Chair (Civil Society; online)

Key takeaways:
y</description><persons><person id="2">Ana</person></persons></event></room></day></schedule>`))
	f.Add([]byte(`{"generator":{"name":"docket"},"schedule":{"conference":{"days":[{"date":"2023-10-11","rooms":{"R":[{"id":"7","date":"2023-10-11T09:00","start":"09:00","duration":"PT1H","track":{"name":"T"},"persons":[{"id":3,"public_name":"P"}]}]}}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "fuzz.feed", data)
	})
}

func FuzzReadICS(f *testing.F) {
	if data, err := os.ReadFile("../testdata/others/outlook-retreat.ics"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Asia/Tokyo\r\nBEGIN:VEVENT\r\nUID:a@b\r\nSUMMARY:T\\, x\r\n y\r\nDTSTART:20231011T090000Z\r\nDURATION:PT1H30M\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Z\nBEGIN:STANDARD\nDTSTART:16010101T000000\nTZOFFSETTO:+0530\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nEND:VTIMEZONE\nBEGIN:VEVENT\nDTSTART;TZID=\"Z\":20231011T090000\nDTEND;VALUE=DATE:20231012\nEND:VEVENT\n",
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20231011\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n",
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nBEGIN:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"BEGIN:VCALENDAR\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReadAs(t, "fuzz.ics", data) })
}

func FuzzReadSessionize(f *testing.F) {
	for _, p := range []string{"../testdata/others/sessionize-all.json", "../testdata/others/sessionize-sessions.json"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		sessionizeAll,
		sessionizeView,
		`{"sessions":[{"id":"1","startsAt":"2026-05-04T09:00:00","endsAt":null,"categoryItems":[1,"2"],"questionAnswers":[{"questionId":3,"answerValue":4}],"roomId":"9"}],"categories":[{"id":1,"title":"Format","items":[{"id":1,"name":"Talk (30 min)"}]}],"questions":[{"id":3,"question":"Q"}],"rooms":[{"id":9,"name":"R"}]}`,
		`[{"groupId":1,"groupName":"G","sessions":[{"id":"1","speakers":[{"id":"a","name":"A"}],"categories":[{"name":"Track","categoryItems":[{"id":1,"name":"T"}]}]}]}]`,
		`[{"id":"a","fullName":"A","tagLine":"x at y","sessions":[]}]`,
		`{"sessions":[{"id":{"x":1},"isServiceSession":"yes"}],"speakers":null}`,
		"\xef\xbb\xbf" + `{"sessions":[`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReadAs(t, "fuzz.json", data) })
}

func FuzzReadIndico(f *testing.F) {
	for _, p := range []string{"../testdata/others/indico-event.json", "../testdata/others/indico-timetable.json"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		indicoTimetable,
		indicoEvent,
		`{"_type":"HTTPAPIResult","results":[{"timezone":"Europe/Zurich","contributions":[{"friendly_id":1.5,"startDate":{"date":"2026-01-01","time":"25:00:00","tz":"UTC"},"duration":"x","type":{"name":"T"},"session":[1],"description":"<p>a<br>b</p>&amp;"}]}]}`,
		`{"_type":"HTTPAPIResult","results":{"1":{"20260101":{"s1":{"entryType":"Session","entries":{"c1":{"entryType":"Contribution","entries":{"b1":{"_type":"BreakTimeSchEntry"}}}}}}}}}`,
		`{"_type":"HTTPAPIResult","results":null}`,
		`{"_type":"HTTPAPIResult","results":[{"contributions":[{"speakers":[{"fullName":"A, B"}],"primaryauthors":[{"fullName":", "}]}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReadAs(t, "fuzz.json", data) })
}
