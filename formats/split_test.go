package formats

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html/atom"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

// splitSession is a session for the split tests: start "" is unscheduled.
func splitSession(id, room, typ, start string) *schedule.Session {
	s := &schedule.Session{ID: id, Title: "Title of " + id, Room: room, Type: typ, Timezone: "Asia/Tokyo"}
	if start != "" {
		t, err := time.Parse(time.RFC3339, start)
		if err != nil {
			panic(err)
		}
		s.Start, s.End = t, t.Add(time.Hour)
	}
	return s
}

func person(name string) schedule.Person { return schedule.Person{Name: name} }
func personPtr(name string) *schedule.Person {
	p := person(name)
	return &p
}

// splitProgramme: sessions in two zones' days, rooms and types with and
// without names, people in every role, one person in two roles of one
// session, one spelt two ways, and a session naming no one.
func splitProgramme() *schedule.Programme {
	a := splitSession("WS 1", "Main Hall", "Workshop", "2023-10-10T01:00:00Z")   // 10:00 in Tokyo
	b := splitSession("OF 2", "main hall", "Open Forum", "2023-10-10T16:00:00Z") // 01:00 on the 11th in Tokyo
	c := splitSession("LT 3", "", "", "2023-10-11T03:00:00Z")
	d := splitSession("NS 4", "Room K", "Workshop", "")
	e := splitSession("X 5", "Room K", "Workshop", "2023-10-11T05:00:00Z")
	a.Speakers = []schedule.Person{person("Ana Lima"), person("Bo Chen")}
	a.Organizers = []schedule.Person{person("Ana Lima")}
	a.OnsiteModerator = personPtr("Cara Diaz")
	b.OnlineModerator = personPtr("ána  lima")
	b.Rapporteur = personPtr("Bo Chen")
	c.Organizers = []schedule.Person{person("Dee Evans")}
	d.Speakers = []schedule.Person{person("Bo Chen")}
	// e names no one.
	return &schedule.Programme{Name: "IGF 2023", Timezone: "Asia/Tokyo", Sessions: []*schedule.Session{e, d, c, b, a}}
}

// splitView is a part as the tests compare it.
type splitView struct {
	Name, Title string
	IDs         []string
}

func viewParts(parts []Part) []splitView {
	var out []splitView
	for _, pt := range parts {
		v := splitView{Name: pt.Name, Title: pt.Title}
		for _, s := range pt.Sessions {
			v.IDs = append(v.IDs, s.ID)
		}
		out = append(out, v)
	}
	return out
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		by   string
		loc  *time.Location
		want []splitView
	}{
		{"person", nil, []splitView{
			{"Ana Lima", "Ana Lima (Speaker: WS 1; Online moderator: OF 2; Organizer: WS 1)", []string{"WS 1", "OF 2"}},
			{"Bo Chen", "Bo Chen (Speaker: WS 1, NS 4; Rapporteur: OF 2)", []string{"WS 1", "OF 2", "NS 4"}},
			{"Cara Diaz", "Cara Diaz (On-site moderator: WS 1)", []string{"WS 1"}},
			{"Dee Evans", "Dee Evans (Organizer: LT 3)", []string{"LT 3"}},
		}},
		{"room", nil, []splitView{
			{"Main Hall", "Main Hall", []string{"WS 1", "OF 2"}},
			{"Room K", "Room K", []string{"X 5", "NS 4"}},
			{"(no room)", "(no room)", []string{"LT 3"}},
		}},
		// The programme's zone: OF 2 at 16:00 UTC is on the 11th in Tokyo.
		{"day", nil, []splitView{
			{"2023-10-10", "Tuesday 10 October 2023", []string{"WS 1"}},
			{"2023-10-11", "Wednesday 11 October 2023", []string{"OF 2", "LT 3", "X 5"}},
			{"(not scheduled)", "Not scheduled", []string{"NS 4"}},
		}},
		// --show-tz UTC: it is on the 10th.
		{"day", time.UTC, []splitView{
			{"2023-10-10", "Tuesday 10 October 2023", []string{"WS 1", "OF 2"}},
			{"2023-10-11", "Wednesday 11 October 2023", []string{"LT 3", "X 5"}},
			{"(not scheduled)", "Not scheduled", []string{"NS 4"}},
		}},
		{"type", nil, []splitView{
			{"Open Forum", "Open Forum", []string{"OF 2"}},
			{"Workshop", "Workshop", []string{"WS 1", "X 5", "NS 4"}},
			{"(no type)", "(no type)", []string{"LT 3"}},
		}},
	} {
		name := tc.by
		if tc.loc != nil {
			name += "/" + tc.loc.String()
		}
		t.Run(name, func(t *testing.T) {
			parts, err := Split(splitProgramme(), tc.by, tc.loc)
			if err != nil {
				t.Fatal(err)
			}
			got := viewParts(parts)
			if !slices.EqualFunc(got, tc.want, func(a, b splitView) bool {
				return a.Name == b.Name && a.Title == b.Title && slices.Equal(a.IDs, b.IDs)
			}) {
				t.Errorf("parts:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
	if _, err := Split(splitProgramme(), "speaker", nil); err == nil {
		t.Error("split by speaker: no error")
	}
}

func TestSplitPersonRoles(t *testing.T) {
	parts, _ := Split(splitProgramme(), "person", nil)
	ana := parts[0]
	roles := map[string][]string{}
	for s, r := range ana.Roles {
		roles[s.ID] = r
	}
	if !slices.Equal(roles["WS 1"], []string{"Speaker", "Organizer"}) || !slices.Equal(roles["OF 2"], []string{"Online moderator"}) {
		t.Errorf("Ana Lima's roles: %v", roles)
	}
	// The file is the person's id as frab writes it, after the name.
	ids := feed.PersonIDs(splitProgramme().Sessions)
	if want := "ana-lima-" + strconv.Itoa(ids["ana lima"]); ana.Stem != want {
		t.Errorf("Ana Lima's file: %s, want %s", ana.Stem, want)
	}
	// An organizer (not in the feeds' persons) gets an id all the same.
	if dee := parts[3]; !regexp.MustCompile(`^dee-evans-[1-9][0-9]{5}$`).MatchString(dee.Stem) {
		t.Errorf("Dee Evans' file: %s", dee.Stem)
	}
}

// TestSplitFileNames: hostile and clashing names give safe, unique file
// names, none of them the index's.
func TestSplitFileNames(t *testing.T) {
	rooms := []struct{ room, want string }{
		{"../../etc", "etc"},
		{"CON", "room-con"},
		{"nul", "room-nul"},
		{"..", ""},
		{"a/b\\c", "a-b-c"},
		{"Index", "index-2"},
		{"Room A", "room-a"},
		{"Room.A", "room-a-2"},
		{strings.Repeat("long name ", 30), ""},
		{"会議室", ""},
		{"", "no-room"},
	}
	p := &schedule.Programme{Timezone: "UTC"}
	for i, r := range rooms {
		p.Sessions = append(p.Sessions, splitSession("S"+strconv.Itoa(i), r.room, "", "2023-10-10T01:00:00Z"))
	}
	parts, err := Split(p, "room", nil)
	if err != nil {
		t.Fatal(err)
	}
	byRoom := map[string]string{}
	seen := map[string]bool{}
	safe := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, pt := range parts {
		if !safe.MatchString(pt.Stem) || len(pt.Stem) > 80 || seen[pt.Stem] || pt.Stem == "index" || pageReservedNames[pt.Stem] {
			t.Errorf("room %q: unsafe or repeated file name %q", pt.Name, pt.Stem)
		}
		seen[pt.Stem] = true
		byRoom[pt.Sessions[0].Room] = pt.Stem
	}
	for _, r := range rooms {
		if r.want != "" && byRoom[r.room] != r.want {
			t.Errorf("room %q: file %q, want %q", r.room, byRoom[r.room], r.want)
		}
	}
	// Names with nothing to slug are numbered from the name, not from
	// their place among the others.
	for _, r := range []string{"..", "会議室"} {
		if !regexp.MustCompile(`^room-[1-9][0-9]{5}$`).MatchString(byRoom[r]) {
			t.Errorf("room %q: file %q", r, byRoom[r])
		}
	}
	if long := byRoom[rooms[8].room]; !strings.HasPrefix(long, "long-name-long-name") || len(long) > 80 {
		t.Errorf("a long room name gives %q", long)
	}
}

// TestSplitPersonFileNamesAreStable: adding people, or a person's second
// session, leaves everyone's file name as it was.
func TestSplitPersonFileNamesAreStable(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	stems := func(p *schedule.Programme) map[string]string {
		parts, err := Split(p, "person", nil)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, pt := range parts {
			out[pt.Key] = pt.Stem
		}
		return out
	}
	before := stems(p)
	more := *p
	more.Sessions = slices.Clone(p.Sessions)
	extra := splitSession("NEW-9", "Main Hall", "Workshop", "2023-10-11T06:00:00Z")
	for _, n := range []string{"Zoë Adams", "Aaron Aal", "Ana Lima", "Mia Wong", "Omar Haddad", "Li Wei"} {
		extra.Speakers = append(extra.Speakers, person(n))
	}
	extra.Rapporteur = personPtr(p.Sessions[0].Speakers[0].Name)
	more.Sessions = append(more.Sessions, extra)
	after := stems(&more)
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: file %s became %s", k, v, after[k])
		}
	}
	if len(after) <= len(before) {
		t.Errorf("no one was added: %d, %d", len(before), len(after))
	}
}

// icsUIDs are the UIDs of a calendar's events.
func icsUIDs(t *testing.T, cal string) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(cal, "\r\n ", ""), "\r\n") {
		if uid, ok := strings.CutPrefix(l, "UID:"); ok {
			out = append(out, uid)
		}
	}
	return out
}

// TestWriteSplitICSKeepsUIDs: a person's calendar has the full calendar's
// UIDs for that person's sessions (the acronym is the programme's, not
// the file's title), every session naming someone is in some calendar,
// and each calendar is named after its person.
func TestWriteSplitICSKeepsUIDs(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	for _, o := range []WriteOptions{{Now: exportTime}, {Now: exportTime, Title: "IGF 2023"}, {Now: exportTime, Acronym: "igf2023"}} {
		full := renderWith(t, "ics", p, o)
		fullUIDs := icsUIDs(t, full)
		dir := filepath.Join(t.TempDir(), "people")
		paths, err := WriteSplit(dir, icsFormat, p, "person", o)
		if err != nil {
			t.Fatal(err)
		}
		parts, _ := Split(p, "person", nil)
		if len(paths) != len(parts)+1 || filepath.Base(paths[len(paths)-1]) != "index.md" {
			t.Fatalf("%d files for %d people, the last %s", len(paths), len(parts), paths[len(paths)-1])
		}
		union := map[string]bool{}
		for i, pt := range parts {
			b, err := os.ReadFile(paths[i])
			if err != nil {
				t.Fatal(err)
			}
			cal := strings.ReplaceAll(string(b), "\r\n ", "")
			if want := "X-WR-CALNAME:" + icsText(feed.Title(p, o.Title)+" — "+pt.Title) + "\r\n"; !strings.Contains(cal, want) {
				t.Errorf("%s: no %q", paths[i], want)
			}
			uids := icsUIDs(t, cal)
			if len(uids) != len(pt.Sessions) {
				t.Errorf("%s: %d events for %d sessions", paths[i], len(uids), len(pt.Sessions))
			}
			for _, u := range uids {
				if !slices.Contains(fullUIDs, u) {
					t.Errorf("%s: UID %s is not in the full calendar", paths[i], u)
				}
				union[u] = true
			}
		}
		withPeople := 0
		for _, s := range p.Sessions {
			for range s.Roles {
				withPeople++
				break
			}
		}
		if len(union) != withPeople || len(fullUIDs) != len(p.Sessions) {
			t.Errorf("%+v: the person calendars hold %d events, want the %d sessions naming someone (of %d)", o, len(union), withPeople, len(fullUIDs))
		}
	}
}

// TestWriteSplitICSParsesInARealParser hands every person's calendar to
// python3-icalendar, as TestICSParsesInARealParser does the full one.
func TestWriteSplitICSParsesInARealParser(t *testing.T) {
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import icalendar").Run() != nil {
		t.Skip("python3-icalendar is not installed (.ci/run installs it)")
	}
	p := readFile(t, sampleCSV, ReadOptions{})
	dir := filepath.Join(t.TempDir(), "people")
	if _, err := WriteSplit(dir, icsFormat, p, "person", WriteOptions{Now: exportTime}); err != nil {
		t.Fatal(err)
	}
	script := `import sys, glob, icalendar
n, uids = 0, set()
for f in glob.glob(sys.argv[1] + '/*.ics'):
    cal = icalendar.Calendar.from_ical(open(f, 'rb').read())
    assert str(cal['X-WR-CALNAME']).startswith('Programme — '), f
    evs = cal.walk('VEVENT')
    assert evs, f
    n += 1
    uids |= {str(e['UID']) for e in evs}
print(n, len(uids))`
	res, err := exec.Command(py, "-c", script, dir).CombinedOutput()
	parts, _ := Split(p, "person", nil)
	if want := strconv.Itoa(len(parts)) + " " + strconv.Itoa(len(p.Sessions)); err != nil || strings.TrimSpace(string(res)) != want {
		t.Errorf("python3-icalendar: %v\n got: %s\nwant: %s", err, res, want)
	}
}

// TestWriteSplitHTMLRooms: each room's page is a whole, valid page of
// that room's sessions, titled with the room, and the index links to
// every page.
func TestWriteSplitHTMLRooms(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	dir := filepath.Join(t.TempDir(), "rooms")
	paths, err := WriteSplit(dir, htmlFormat, p, "room", WriteOptions{Title: "IGF 2023"})
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := Split(p, "room", nil)
	for i, pt := range parts {
		b, _ := os.ReadFile(paths[i])
		q := *p
		q.Sessions = pt.Sessions
		root := checkHTMLPage(t, &q, string(b))
		titles := testkit.HTMLNodes(root, testkit.HTMLElem(atom.Title, ""))
		if len(titles) != 1 || testkit.HTMLTextOf(titles[0]) != "IGF 2023 — "+pt.Name {
			t.Errorf("%s: title %v", paths[i], titles)
		}
	}
	index := paths[len(paths)-1]
	if filepath.Base(index) != "index.html" {
		t.Fatalf("the index is %s", index)
	}
	b, _ := os.ReadFile(index)
	root := testkit.ParseHTML(t, string(b))
	var links []string
	for _, a := range testkit.HTMLNodes(root, testkit.HTMLElem(atom.A, "")) {
		links = append(links, filepath.Join(dir, testkit.HTMLAttr(a, "href")))
	}
	if !slices.Equal(links, paths[:len(paths)-1]) {
		t.Errorf("the index links to %v, want %v", links, paths[:len(paths)-1])
	}
}

// TestWriteSplitEveryFormat: every format docket writes can be split, and
// what can be read back holds the part's sessions.
func TestWriteSplitEveryFormat(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	parts, _ := Split(p, "day", nil)
	for _, name := range Writable() {
		t.Run(name, func(t *testing.T) {
			f, _ := Lookup(name)
			dir := filepath.Join(t.TempDir(), "days")
			paths, err := WriteSplit(dir, f, p, "day", WriteOptions{Now: exportTime})
			if err != nil {
				t.Fatal(err)
			}
			if len(paths) != len(parts)+1 {
				t.Fatalf("%d files for %d days", len(paths), len(parts))
			}
			for i, pt := range parts {
				if want := pt.Stem + SplitExt(f, WriteOptions{}); filepath.Base(paths[i]) != want {
					t.Errorf("file %s, want %s", paths[i], want)
				}
				if f.Read == nil {
					if st, err := os.Stat(paths[i]); err != nil || st.Size() == 0 {
						t.Errorf("%s: %v, empty", paths[i], err)
					}
					continue
				}
				back, err := ReadProgramme(Input{Name: paths[i], Path: paths[i]}, ReadOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if len(back.Sessions) != len(pt.Sessions) {
					t.Errorf("%s holds %d sessions, want %d", paths[i], len(back.Sessions), len(pt.Sessions))
				}
			}
		})
	}
}

// TestWriteSplitFolder: a split folder is replaced whole on a re-export
// (the same names), a folder holding other files is refused, and with
// --previous unchanged parts cancel nothing.
func TestWriteSplitFolder(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	dir := filepath.Join(t.TempDir(), "types")
	first, err := WriteSplit(dir, icsFormat, p, "type", WriteOptions{Now: exportTime, Previous: p})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range first {
		if b, _ := os.ReadFile(path); strings.Contains(string(b), "CANCELLED") {
			t.Errorf("%s cancels an event of another part", path)
		}
	}
	again, err := WriteSplit(dir, icsFormat, p, "type", WriteOptions{Now: exportTime})
	if err != nil || !slices.Equal(first, again) {
		t.Errorf("re-export: %v\n got %v\nwant %v", err, again, first)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, err := WriteSplit(dir, icsFormat, p, "type", WriteOptions{}); err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("a folder with notes.txt: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Error("notes.txt was changed")
	}
}
