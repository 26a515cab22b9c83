package formats

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// Lookalikes of the documents other tools write, cut to their first
// bytes: what decides their format. Written for these tests after the
// public examples of each tool; none is copied.
const (
	pretalxScheduleJSON = `{
  "$schema": "https://c3voc.de/schedule/schema.json",
  "generator": {"name": "pretalx", "version": "2025.1.0"},
  "schedule": {"version": "0.7", "base_url": "https://cfp.example.org/democon/schedule/",
    "conference": {"acronym": "democon", "title": "DemoCon", "start": "2026-03-14"`
	frabScheduleJSON = `{"schedule":{"version":"1.0","conference":{"acronym":"camp","title":"Camp","days":[{"index":0,"date":"2026-08-01","rooms":{"Stage":[{"id":1,"guid":"2a1f`
	frabXML          = "<?xml version='1.0' encoding='utf-8' ?>\n<!-- Made with love by pretalx v2026.2.1. -->\n<schedule>\n    <generator name=\"pretalx\" version=\"2026.2.1\" />\n    <version>0.4</version>\n    <conference>\n        <title>Hack Camp</title>"
	icsCalendar      = "\ufeffBEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nBEGIN:VEVENT\r\n"
	sessionizeAll    = `{"sessions":[{"id":"123456","title":"Keynote","description":null,"startsAt":"2026-05-04T09:00:00","endsAt":"2026-05-04T10:00:00","isServiceSession":false,"speakers":["9f1c"],"roomId":1}],"speakers":[{"id":"9f1c","fullName":"Bo Chen"}],"rooms":[{"id":1,"name":"Hall A"}]}`
	sessionizeView   = `[{"groupId":null,"groupName":"All","sessions":[{"id":"123456","title":"Keynote","startsAt":"2026-05-04T09:00:00"}]}]`
	indicoTimetable  = `{"count": 1, "additionalInfo": {}, "_type": "HTTPAPIResult", "complete": true, "url": "https://indico.example.org/export/timetable/42.json", "ts": 1767225600, "results": {"42": {"20260601": {"c0": {"_type": "ContribSchedEntry", "title": "Welcome"`
	indicoEvent      = `{"count": 1, "additionalInfo": {}, "_type": "HTTPAPIResult", "url": "https://indico.example.org/export/event/317.json?detail=contributions", "results": [{"_type": "Conference", "title": "Workshop", "timezone": "Europe/Zurich", "contributions": [{"id": "5", "friendly_id": 5`
	pretalxAPI       = `{"count":31,"next":"https://pretalx.example.org/api/events/democon/talks/?page=2","previous":null,"results":[{"code":"ABCDEF","title":"On Feeds"`
	htmlPage         = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Programme</title></head>"
	excel2003XML     = `<?xml version="1.0"?>` + "\n" + `<?mso-application progid="Excel.Sheet"?>` + "\n" + `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">`
	otherXML         = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>`
	otherJSON        = `{"name": "my-package", "version": "1.0.0", "dependencies": {}}`
	docketJSON       = "{\n  \"programme\": {\n    \"name\": \"IGF 2023\",\n    \"timezone\": \"Asia/Tokyo\"\n  },\n  \"sessions\": ["
	docketSessions   = "{\n  \"sessions\": [\n    {\n      \"id\": \"MAIN-1\",\n      \"title\": \"Opening\",\n      \"type\": \"Opening Ceremony\",\n      \"format\": \"\"\n    }\n  ]\n}\n"
	docketNDJSON     = `{"id":"MAIN-1","title":"Opening Ceremony","type":"Opening Ceremony","format":"","declared_minutes":null}` + "\n"
	odsHead          = "PK\x03\x04\x14\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
)

// TestDetect: an input's format is told by its content whatever its name,
// by its name only for plain text, and what docket does not read is
// refused with what it is.
func TestDetect(t *testing.T) {
	cases := []struct {
		name, file, head string
		format           string // the format read, or "" when refused
		refusal          string // part of the refusal
	}{
		{"docket json", "programme.json", docketJSON, "json", ""},
		{"docket json named csv", "programme.csv", docketJSON, "json", ""},
		{"docket json from stdin", "<stdin>", docketSessions, "json", ""},
		{"ndjson named json", "programme.json", docketNDJSON, "ndjson", ""},
		{"ndjson from a pipe", "/dev/fd/63", docketNDJSON, "ndjson", ""},
		{"csv", "programme.csv", "id,title,date\nA,T,2023-10-11\n", "csv", ""},
		{"csv without a name", "<stdin>", "id;title\nA;T\n", "csv", ""},
		{"tsv by name", "programme.tsv", "id\ttitle\nA\tT\n", "tsv", ""},
		{"workbook", "programme.xlsx", "PK\x03\x04\x14\x00\x06\x00", "xlsx", ""},
		{"workbook without a name", "<stdin>", "PK\x03\x04\x14\x00\x06\x00", "xlsx", ""},
		{"pretalx schedule.json", "schedule.json", pretalxScheduleJSON, "schedule-json", ""},
		{"frab schedule.json", "feed.json", frabScheduleJSON, "schedule-json", ""},
		{"frab schedule.xml", "schedule.xml", frabXML, "frab", ""},
		{"frab xml named csv", "schedule.csv", frabXML, "frab", ""},
		{"ics", "calendar.ics", icsCalendar, "ics", ""},
		{"ics without a name", "<stdin>", icsCalendar, "ics", ""},
		{"ics named csv", "calendar.csv", icsCalendar, "ics", ""},
		{"ics by name alone", "calendar.ics", "VERSION:2.0\r\n", "ics", ""},
		{"sessionize all data", "sessionize.json", sessionizeAll, "sessionize", ""},
		{"sessionize sessions view", "sessions.json", sessionizeView, "sessionize", ""},
		{"sessionize from stdin", "<stdin>", sessionizeAll, "sessionize", ""},
		{"indico timetable", "timetable.json", indicoTimetable, "indico", ""},
		{"indico event", "317.json", indicoEvent, "indico", ""},
		{"pretalx api", "talks.json", pretalxAPI, "", "this is a page of the pretalx API"},
		{"html", "programme.html", htmlPage, "", "this is an HTML page, not a programme docket reads"},
		{"html named csv", "programme.csv", htmlPage, "", "this is an HTML page"},
		{"excel 2003 xml", "programme.xml", excel2003XML, "", "Excel 2003 XML spreadsheet"},
		{"other xml", "feed.xml", otherXML, "", "this is an XML document whose root element is <rss>"},
		{"other json", "package.json", otherJSON, "", `this is a JSON document with the keys "name", "version", "dependencies"`},
		{"pdf", "programme.pdf", "%PDF-1.7\n", "", "this is a PDF document"},
		{"ods by content", "programme.xlsx", odsHead, "", "OpenDocument spreadsheet"},
		{"xls", "old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", "", "legacy Excel 97-2003"},
		{"docx", "notes.docx", "PK\x03\x04\x14\x00\x06\x00", "", "docket cannot read .docx files"},
		{"markdown", "notes.md", "# Notes\n", "", "docket writes markdown but does not read it"},
		{"csv named xlsx", "programme.xlsx", "id,title\n", "", "it is not a zip file"},
		{"csv with a bracketed header", "export.csv", "[Session ID],[Title]\nA,T\n", "csv", ""},
		{"csv with a braced header", "<stdin>", "{id};{title}\nA;T\n", "csv", ""},
		{"csv with markup in its header", "<stdin>", "<b>Title</b>,Room\nT,Hall\n", "csv", ""},
		{"xml without a declaration", "feed", "<rss version=\"2.0\">\n<channel><title>News, today</title>", "", "root element is <rss>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := detect([]byte(c.head), c.file)
			switch {
			case c.format != "" && (err != nil || f.Name != c.format):
				t.Errorf("detect = %v, %v; want %s", f, err, c.format)
			case c.format == "" && (err == nil || !strings.Contains(err.Error(), c.refusal)):
				t.Errorf("detect = %v, %v; want a refusal with %q", f, err, c.refusal)
			}
		})
	}
}

// TestOwnScheduleJSONReadsBack: docket's own schedule-json export read
// back was an empty programme with no error, then refused; it is read,
// whatever its name.
func TestOwnScheduleJSONReadsBack(t *testing.T) {
	data, err := os.ReadFile("../testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	p := mustRead(t, "sample.csv", data)
	var feed bytes.Buffer
	if err := scheduleJSONFormat.Write(&feed, p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"feed.json", "feed", "<stdin>"} {
		back, err := ReadProgramme(Input{Name: name, R: bytes.NewReader(feed.Bytes())}, ReadOptions{})
		if err != nil || len(back.Sessions) != len(p.Sessions) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// FuzzDetect: telling a format never panics, on any bytes and name.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{pretalxScheduleJSON, frabXML, icsCalendar, sessionizeAll, sessionizeView, indicoTimetable, indicoEvent, htmlPage, excel2003XML, docketJSON, docketNDJSON, odsHead, "<", "{", "[{", "\ufeff", "<?xml", "<!--"} {
		f.Add([]byte(s), "in.json")
	}
	f.Fuzz(func(t *testing.T, head []byte, name string) {
		detect(head, name)
	})
}
