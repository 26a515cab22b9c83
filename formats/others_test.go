package formats

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docket-forum/docket/formats/internal/testkit"
)

// othersDir holds programmes as other tools write them (issue 16),
// written by testdata/gen (others.go), and beside each the programme it
// must give, <name>.want.json, written and checked by hand.
const othersDir = "../testdata/others"

// otherCases lists every file in othersDir and the options it is read
// with (what `docket convert FILE - --to json` is given).
var otherCases = []struct {
	file string
	opts ReadOptions
	// knownWrong names the sessions (by their id in the want file) that
	// docket does not read as the want says, and why. They are compared
	// and reported as skipped, so that a fix shows; every other session
	// and the programme must match. The want keeps the right answer.
	knownWrong map[string]string
}{
	{file: "voctosched-hackwerk.csv", opts: ReadOptions{Timezone: "Europe/Berlin"}},
	{file: "sched-export.csv", opts: ReadOptions{Timezone: "America/Detroit"}},
	{file: "google-calendar.csv", opts: ReadOptions{Timezone: "America/Chicago"}},
	{file: "website-hackercon.csv", opts: ReadOptions{Timezone: "America/New_York", FirstDay: "2024-09-26", LastDay: "2024-09-28"}},
	{file: "website-sections.csv", opts: ReadOptions{Timezone: "America/Denver", FirstDay: "2025-08-15", LastDay: "2025-08-16"}},
	{file: "neuro-agenda.csv", opts: ReadOptions{Timezone: "Europe/Lisbon"}},
	{file: "meetup.csv", opts: ReadOptions{Timezone: "Europe/Amsterdam", FirstDay: "2025-11-13", LastDay: "2025-11-13"}},
	{file: "c3voc-workbook.xlsx", opts: ReadOptions{Timezone: "Europe/Berlin"}},
	{file: "pretalx-export.csv", opts: ReadOptions{Timezone: "Europe/Zurich"}},
	{file: "pretalx-talks.csv", opts: ReadOptions{Timezone: "Europe/Vienna"}},
	{file: "sessionize-export.csv", opts: ReadOptions{Timezone: "America/Chicago"}},
	{file: "pretalx-schedule.xml"},
	{file: "pretalx-feed.json"},
	{file: "frab-schedule.json"},
	{file: "voctosched-schedule.xml", opts: ReadOptions{Timezone: "Europe/Berlin"}},
	{file: "google-calendar-export.ics"},
	{file: "pretalx-calendar.ics"},
	{file: "outlook-retreat.ics"},
	{file: "sched-feed.ics", opts: ReadOptions{Timezone: "America/Detroit"}},
	{file: "sessionize-all.json", opts: ReadOptions{Timezone: "America/Winnipeg"}},
	{file: "sessionize-sessions.json", opts: ReadOptions{Timezone: "Asia/Tokyo"}},
	{file: "indico-event.json"},
	{file: "indico-timetable.json"},
}

// otherWantPath is the want file of an input file.
func otherWantPath(file string) string {
	return filepath.Join(othersDir, strings.TrimSuffix(file, filepath.Ext(file))+".want.json")
}

// updatingGolden reports whether the test runs with -update (testkit's flag).
func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestOtherToolsGiveTheirProgramme: every file of another tool gives the
// programme its want file says, field by field, read whole
// (ReadProgramme) and streamed as docket convert streams it; written in
// each canonical format, it reads back the same.
func TestOtherToolsGiveTheirProgramme(t *testing.T) {
	t.Run("every file has a case and a want", func(t *testing.T) {
		entries, err := os.ReadDir(othersDir)
		if err != nil {
			t.Fatal(err)
		}
		var files, listed []string
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".want.json") {
				files = append(files, e.Name())
			}
		}
		for _, c := range otherCases {
			listed = append(listed, c.file)
			if _, err := os.Stat(otherWantPath(c.file)); err != nil {
				t.Errorf("%s has no want file: %v", c.file, err)
			}
		}
		slices.Sort(listed)
		if !slices.Equal(files, listed) {
			t.Errorf("files in %s: %v\ncases: %v", othersDir, files, listed)
		}
	})

	for _, c := range otherCases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(othersDir, c.file)
			p := readFile(t, path, c.opts)
			got := render(t, "json", p)

			// docket convert FILE - --to json streams: the same JSON.
			var streamed bytes.Buffer
			if _, err := Stream(Input{Name: c.file, Path: path}, c.opts, jsonFormat, &streamed, WriteOptions{}); err != nil {
				t.Fatalf("streaming: %v", err)
			}
			if streamed.String() != got {
				t.Errorf("streamed JSON differs from the programme read whole:\n%s", testkit.FirstDiff(got, streamed.String()))
			}

			// What docket writes reads back as the same programme. The
			// flat formats have no place for the programme's name, venue
			// and days (a feed's conference): they are left out of the
			// comparison for them.
			flat := *p
			flat.Name, flat.Venue, flat.FirstDay, flat.LastDay = "", "", "", ""
			gotFlat := render(t, "json", &flat)
			for _, name := range []string{"csv", "xlsx", "json", "ndjson"} {
				f, _ := Lookup(name)
				back := filepath.Join(t.TempDir(), "programme"+f.Extensions[0])
				if err := WriteFile(back, func(w io.Writer) error { return f.Write(w, p, WriteOptions{}) }); err != nil {
					t.Fatal(err)
				}
				want := got
				if name != "json" {
					want = gotFlat
				}
				if again := render(t, "json", readFile(t, back, ReadOptions{})); again != want {
					report := t.Errorf
					if len(c.knownWrong) > 0 {
						report = t.Logf // a programme read wrongly need not survive
					}
					report("written as %s and read back, the programme changed:\n%s", name, testkit.FirstDiff(want, again))
				}
			}

			if updatingGolden() {
				if len(c.knownWrong) > 0 {
					t.Fatalf("%s has known-wrong sessions: -update would write docket's wrong answers into it; edit it by hand", otherWantPath(c.file))
				}
				testkit.Golden(t, otherWantPath(c.file), []byte(got))
				return
			}
			wantText, err := os.ReadFile(otherWantPath(c.file))
			if err != nil {
				t.Fatal(err)
			}
			compareWant(t, string(wantText), got, c.knownWrong, problemsNote(p))
			if len(c.knownWrong) == 0 && !t.Failed() {
				// Field by field found nothing: the bytes (key order,
				// layout) must be the same too.
				testkit.Golden(t, otherWantPath(c.file), []byte(got))
			}
		})
	}
}

// jsonProgramme is the canonical JSON with each session kept whole.
type jsonProgramme struct {
	Programme map[string]json.RawMessage `json:"programme"`
	Sessions  []json.RawMessage          `json:"sessions"`
}

// compareWant compares the canonical JSON got with want: the
// programme object and each session, field by field. Sessions named in
// knownWrong are compared in subtests that skip, saying why and what
// differs, or fail once docket gets them right (so that the entry is
// removed with the fix).
func compareWant(t *testing.T, want, got string, knownWrong map[string]string, note string) {
	t.Helper()
	var w, g jsonProgramme
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want file: %v", err)
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("docket's JSON: %v", err)
	}
	for _, d := range diffFields(w.Programme, g.Programme) {
		t.Errorf("programme: %s", d)
	}
	if len(w.Sessions) != len(g.Sessions) {
		t.Errorf("%d sessions, want %d", len(g.Sessions), len(w.Sessions))
	}
	seen := map[string]bool{}
	for i := range min(len(w.Sessions), len(g.Sessions)) {
		var ws, gs map[string]json.RawMessage
		if err := json.Unmarshal(w.Sessions[i], &ws); err != nil {
			t.Fatalf("want session %d: %v", i+1, err)
		}
		if err := json.Unmarshal(g.Sessions[i], &gs); err != nil {
			t.Fatalf("session %d: %v", i+1, err)
		}
		var id string
		_ = json.Unmarshal(ws["id"], &id)
		diffs := diffFields(ws, gs)
		if why, ok := knownWrong[id]; ok {
			seen[id] = true
			t.Run(id, func(t *testing.T) {
				if len(diffs) == 0 {
					t.Errorf("known wrong (%s), but docket now gives the want: remove it from knownWrong", why)
					return
				}
				t.Skipf("known wrong: %s\n%s", why, strings.Join(diffs, "\n"))
			})
			continue
		}
		for _, d := range diffs {
			t.Errorf("session %d (%s): %s", i+1, id, d)
		}
	}
	for id := range knownWrong {
		if !seen[id] {
			t.Errorf("knownWrong names %q, which is no session of the want file", id)
		}
	}
	if t.Failed() && note != "" {
		t.Log(note)
	}
}

// diffFields lists the fields of two JSON objects that differ, in the
// want's order, then the fields only got has.
func diffFields(want, got map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		g, ok := got[k]
		if !ok {
			out = append(out, k+": missing, want "+compactJSON(want[k]))
			continue
		}
		if compactJSON(want[k]) != compactJSON(g) {
			out = append(out, k+": got "+compactJSON(g)+", want "+compactJSON(want[k]))
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			out = append(out, k+": not in the want file, got "+compactJSON(g))
		}
	}
	return out
}

// compactJSON is a JSON value on one line, for messages and comparison.
func compactJSON(v json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, v); err != nil {
		return string(v)
	}
	return b.String()
}
