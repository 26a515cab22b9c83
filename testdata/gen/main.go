// Command gen writes the sample programme fixtures of docket into testdata/:
//
//	sample.csv           a tidy two-day IGF 2023-like programme (Kyoto, Asia/Tokyo)
//	sample.xlsx          the same programme as a workbook: "Sessions" with real
//	                     date/time cells and a "Speakers" sheet, one row per speaker
//	faults.csv           rows of sample.csv with one planted fault per session
//	faults-expected.tsv  the findings that `docket validate` must report on faults.csv
//	messy/               messy twins of sample.csv, one real-world case each (messy.go)
//	others/              programmes as other tools write them (others.go); their
//	                     .want.json files are written by hand, not here
//	README.md            what each fixture demonstrates
//
// Run it from the module root with `go run ./testdata/gen`. The fixtures are
// committed; the program is deterministic (no map iteration, no clock, no
// randomness), so running it again gives byte-identical files. Before writing,
// it checks its own output: no room or person overlaps in the sample, every
// declared length equal to end - start, every session type present, and the
// planted faults producing exactly the expected overlaps.
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

var header = []string{
	"id", "title", "type", "format", "declared_minutes", "date", "start", "end", "timezone",
	"room", "theme", "subtheme", "description", "policy_questions", "expected_outcomes",
	"organizers", "speakers", "onsite_moderator", "online_moderator", "rapporteur", "sdgs",
	"key_takeaways", "call_to_action", "report", "tags", "language", "url",
	"Interpretation", "Capacity",
}

// Person is one person as packed in an IGF cell.
type Person struct {
	Name, Role, Org, Stakeholder, Region string
	Part                                 string // as written: online, virtual, on-site, onsite or ""
	Email                                string
	canon                                string // canonical stakeholder (for the generator only)
}

// String packs the person in the positional IGF form:
// Name, Role, Organisation, Stakeholder, Region (participation) (email).
func (p Person) String() string {
	if p.Name == "" {
		return ""
	}
	var parts []string
	for _, s := range []string{p.Name, p.Role, p.Org, p.Stakeholder, p.Region} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	out := strings.Join(parts, ", ")
	if p.Part != "" {
		out += " (" + p.Part + ")"
	}
	if p.Email != "" {
		out += " (" + p.Email + ")"
	}
	return out
}

// participation normalises the written participation for the Speakers sheet.
func (p Person) participation() string {
	switch p.Part {
	case "online", "virtual":
		return "online"
	case "on-site", "onsite":
		return "onsite"
	case "":
		return ""
	}
	panic("participation " + p.Part)
}

// Session is one row of the programme.
type Session struct {
	ID, Title, Type, Format, Declared, Date, Start, End, TZ, Room   string
	Theme, Subtheme, Description, PolicyQuestions, ExpectedOutcomes string
	Organizers, Speakers                                            []Person
	OnsiteMod, OnlineMod, Rapporteur                                Person
	SDGs, Takeaways, CTA, Report, Tags, Lang, URL                   string
	Interp, Capacity                                                string
	OrgSep, SpkSep                                                  string
}

func joinPersons(ps []Person, sep string) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, sep)
}

func (s Session) row() []string {
	return []string{
		s.ID, s.Title, s.Type, s.Format, s.Declared, s.Date, s.Start, s.End, s.TZ,
		s.Room, s.Theme, s.Subtheme, s.Description, s.PolicyQuestions, s.ExpectedOutcomes,
		joinPersons(s.Organizers, s.OrgSep), joinPersons(s.Speakers, s.SpkSep),
		s.OnsiteMod.String(), s.OnlineMod.String(), s.Rapporteur.String(), s.SDGs,
		s.Takeaways, s.CTA, s.Report, s.Tags, s.Lang, s.URL,
		s.Interp, s.Capacity,
	}
}

func (s Session) persons() []Person {
	ps := append([]Person{}, s.Organizers...)
	ps = append(ps, s.Speakers...)
	for _, p := range []Person{s.OnsiteMod, s.OnlineMod, s.Rapporteur} {
		if p.Name != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// ---- generated people ----

type peopleGen struct {
	n          int             // people generated so far
	perCulture []int           // next index per culture
	used       map[string]bool // names taken (lookups only, never iterated)
	aliasCount map[string]int
	regCount   map[string]int
}

func newPeopleGen() *peopleGen {
	g := &peopleGen{perCulture: make([]int, len(cultures)), used: map[string]bool{}, aliasCount: map[string]int{}, regCount: map[string]int{}}
	for _, k := range []string{"jose", "lan", "soren", "ana", "kofi", "tevita"} {
		g.used[nameKey(fixedPerson(k).Name)] = true
	}
	for _, p := range append(append([]Person{}, seedOrganizers...), seedSpeakers...) {
		g.used[nameKey(p.Name)] = true
	}
	for _, n := range []string{"Torge Wolters", "José Núñez", "Ana Silva"} {
		g.used[nameKey(n)] = true
	}
	return g
}

func (g *peopleGen) name(ci int) string {
	c := cultures[ci]
	for {
		j := g.perCulture[ci]
		g.perCulture[ci]++
		giv := c.given[j%len(c.given)]
		fam := c.family[(j+j/len(c.given))%len(c.family)]
		n := giv + " " + fam
		if c.familyFirst {
			n = fam + " " + giv
		}
		if !g.used[nameKey(n)] {
			g.used[nameKey(n)] = true
			return n
		}
		if j > len(c.given)*len(c.family)*2 {
			panic("culture exhausted")
		}
	}
}

// person makes a new person of the canonical stakeholder group stake; part is
// the participation to write ("-" = choose by rotation).
func (g *peopleGen) person(stake, part string) Person {
	k := g.n
	g.n++
	ci := (k * 5) % len(cultures) // 5 is coprime with len(cultures)
	c := cultures[ci]
	p := Person{Name: g.name(ci), canon: stake}
	roles := rolesFor(stake)
	orgs := orgsFor(stake, c)
	p.Role = roles[k%len(roles)]
	p.Org = orgs[(k/3)%len(orgs)]

	g.aliasCount[stake]++
	p.Stakeholder = stake
	if g.aliasCount[stake]%6 == 0 {
		p.Stakeholder = stakeholderAlias(stake)
	}

	region := c.region
	if stake == "Intergovernmental Organization" && g.aliasCount[stake]%2 == 1 {
		region = rgIGO
	}
	g.regCount[region]++
	p.Region = region
	switch {
	case region == rgWE && g.regCount[region]%3 == 1:
		p.Region = "WEOG"
	case region == rgLA && g.regCount[region]%3 == 1:
		p.Region = "GRULAC"
	}

	if part == "-" {
		part = []string{"on-site", "on-site", "online", "on-site", "onsite", "virtual", "on-site", "", "online"}[k%9]
	}
	p.Part = part
	if k%5 == 2 {
		local := strings.ReplaceAll(strings.ToLower(fold(p.Name)), " ", ".")
		local = strings.ReplaceAll(local, "'", "")
		dom := "example.org"
		switch stake {
		case "Private Sector", "Media":
			dom = "example.com"
		case "Technical Community":
			dom = "example.net"
		}
		p.Email = local + "@" + dom
	}
	return p
}

var folder = strings.NewReplacer(asciiFold...)

func fold(s string) string {
	out := folder.Replace(s)
	for _, r := range out {
		if r > 127 {
			panic(fmt.Sprintf("fold: no ASCII for %q in %q", r, s))
		}
	}
	return out
}

// nameKey compares names as a careful reader would: case, accents and
// whitespace do not matter.
func nameKey(n string) string {
	return strings.Join(strings.Fields(strings.ToLower(fold(n))), " ")
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(fold(s)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// ---- the programme ----

func buildSample() []Session {
	g := newPeopleGen()
	var out []Session
	for i, sp := range specs {
		if sp.seed {
			out = append(out, seedSession())
			continue
		}
		info := subtheme(sp.sub)
		s := Session{
			ID: sp.id, Title: sp.title, Type: sp.typ, Format: sp.format, Declared: sp.decl,
			Date: days[sp.day], Start: sp.start, End: sp.end, TZ: "Asia/Tokyo", Room: sp.room,
			Theme: info.issues[i%2], Subtheme: sp.sub, Description: sp.desc, PolicyQuestions: sp.q,
			Lang: "English", OrgSep: "\n", SpkSep: "\n", Report: sp.report,
		}
		ceremony := sp.typ == "Opening Ceremony" || sp.typ == "Closing Ceremony"
		if ceremony {
			s.Theme = overallTheme
		}
		if sp.lang != "" {
			s.Lang = sp.lang
		}
		if sp.orgSemi {
			s.OrgSep = "; "
		}
		if sp.spkSemi {
			s.SpkSep = "; "
		}
		if !ceremony && i%6 != 5 {
			s.ExpectedOutcomes = expectedOutcomesPool[i%len(expectedOutcomesPool)]
		}
		if !ceremony && i%3 != 2 {
			s.Takeaways = info.takeaways
		}
		if !ceremony && i%2 == 0 {
			s.CTA = info.cta
		}
		if i%4 != 3 {
			s.Tags = info.tags
		}
		if !ceremony {
			// 2 to 4 targets, a window that moves with the session.
			n := 2 + i%3
			if n > len(info.sdgs) {
				n = len(info.sdgs)
			}
			var t []string
			for k := 0; k < n; k++ {
				t = append(t, info.sdgs[(i+k)%len(info.sdgs)])
			}
			s.SDGs = strings.Join(t, "; ")
		}
		if strings.Contains(sp.id, "#") && i%4 != 1 {
			s.URL = "https://www.intgovforum.org/en/content/igf-2023-" + slug(sp.id) + "-" + slug(sp.title)
		}
		s.Interp = sp.interp
		if sp.interp == "" && sp.room == roomMain {
			s.Interp = "EN/FR/ES"
		}
		if i%5 != 4 {
			s.Capacity = roomCapacity(sp.room)
		}

		// People: organizers, then speakers with distinct stakeholder groups
		// (fixed people first), then moderators and rapporteur.
		for k := 0; k < sp.nOrg; k++ {
			p := g.person(coreStakeholders[(i+2*k)%5], "")
			if i%7 == 3 { // a few organizers in the short "Name, Organisation, Stakeholder, Region" form
				p.Role = ""
			}
			s.Organizers = append(s.Organizers, p)
		}
		taken := map[string]bool{}
		for _, key := range sp.fixedSpk {
			p := fixedPerson(key)
			s.Speakers = append(s.Speakers, p)
			taken[p.canon] = true
		}
		for k, off := 0, 0; k < sp.nSpk; off++ {
			stake := coreStakeholders[(i+off)%5]
			if taken[stake] {
				continue
			}
			taken[stake] = true
			s.Speakers = append(s.Speakers, g.person(stake, "-"))
			k++
		}
		s.OnsiteMod = g.person(coreStakeholders[(i+3)%5], []string{"on-site", "onsite", "on-site"}[i%3])
		if i%6 == 1 {
			s.OnlineMod = g.person("Media", "online")
		} else {
			s.OnlineMod = g.person(coreStakeholders[(i+1)%5], []string{"online", "virtual", ""}[i%3])
		}
		if sp.rap != "" {
			s.Rapporteur = fixedPerson(sp.rap)
		} else {
			s.Rapporteur = g.person(coreStakeholders[(i+4)%5], "")
		}
		out = append(out, s)
	}
	return out
}

// ---- faults ----

type finding struct {
	rule    string
	row     int
	column  string
	session string
}

func findByID(ss []Session, id string) Session {
	for _, s := range ss {
		if s.ID == id {
			// copy the slices so that edits do not leak into the sample
			s.Organizers = append([]Person{}, s.Organizers...)
			s.Speakers = append([]Person{}, s.Speakers...)
			return s
		}
	}
	panic("no session " + id)
}

func buildFaults(sample []Session) ([]Session, []finding) {
	var rows []Session
	var want []finding
	add := func(s Session) int { rows = append(rows, s); return len(rows) + 1 } // header is row 1

	add(findByID(sample, "Open Forum #168")) // early row with multi-line cells
	add(findByID(sample, "WS #446"))         // José Núñez speaks here (11:00-12:30, Room B-1)
	add(findByID(sample, "WS #220"))         // first of the duplicate id

	s := findByID(sample, "Open Forum #77") // 11:30-12:30, Room K: overlaps WS #446
	jose := fixedPerson("jose")
	jose.Name = "jose  nunez"
	s.Speakers = append(s.Speakers, jose)
	want = append(want, finding{"person-overlap", add(s), "speakers", s.ID})

	add(findByID(sample, "Town Hall #93")) // 13:00-14:30, WS 5 – Room B-2

	s = findByID(sample, "WS #137") // 13:30-15:00, moved into Town Hall #93's room
	s.Room = roomB2
	want = append(want, finding{"room-overlap", add(s), "room", s.ID})

	s = findByID(sample, "MAIN-3")
	s.Start = "25:61"
	s.Format, s.Declared = "Panel", "" // no declared length, so only bad-time applies
	want = append(want, finding{"bad-time", add(s), "start", s.ID})

	s = findByID(sample, "WS #251") // Room K 13:30-15:00, does not overlap WS #220
	s.ID = "WS #220"
	want = append(want, finding{"duplicate-id", add(s), "id", s.ID})

	s = findByID(sample, "LA-1") // 15:30-16:00 -> ends 15:00
	s.End = "15:00"
	s.Format, s.Declared = "Flash Session", ""
	want = append(want, finding{"end-before-start", add(s), "end", s.ID})

	s = findByID(sample, "WS #175")
	s.SDGs = "9.c; 18.1; 16.11"
	r := add(s)
	want = append(want, finding{"bad-sdg", r, "sdgs", s.ID}, finding{"bad-sdg", r, "sdgs", s.ID})

	s = findByID(sample, "WS #89") // the misspelt group is on its Civil Society speaker
	k := -1
	for i, p := range s.Speakers {
		if p.canon == "Civil Society" {
			k = i
		}
	}
	if k < 0 || s.Speakers[k].Role == "" || s.Speakers[k].Org == "" || s.Speakers[k].Region == "" {
		panic("WS #89 has no 5-part Civil Society speaker")
	}
	s.Speakers[k].Stakeholder = "Civil Socity"
	want = append(want, finding{"unknown-stakeholder", add(s), "speakers", s.ID})

	s = findByID(sample, "NRI-1")
	if s.OnsiteMod.Role == "" || s.OnsiteMod.Org == "" {
		panic("NRI-1 onsite moderator is not a 5-part person")
	}
	s.OnsiteMod.Region = "Westeros Group"
	want = append(want, finding{"unknown-region", add(s), "onsite_moderator", s.ID})

	s = findByID(sample, "Networking Session #14")
	s.Title = ""
	want = append(want, finding{"missing-field", add(s), "title", s.ID})

	s = findByID(sample, "WS #57")
	s.Room = ""
	want = append(want, finding{"missing-field", add(s), "room", s.ID})

	sort.SliceStable(want, func(a, b int) bool {
		if want[a].row != want[b].row {
			return want[a].row < want[b].row
		}
		return want[a].rule < want[b].rule
	})
	return rows, want
}

// ---- self-checks ----

func minutes(hhmm string) (int, bool) {
	if len(hhmm) != 5 || hhmm[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(hhmm[:2])
	m, err2 := strconv.Atoi(hhmm[3:])
	if err1 != nil || err2 != nil || h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

func declared(s Session) (int, bool) {
	if s.Declared != "" {
		n, err := strconv.Atoi(s.Declared)
		must(err)
		return n, true
	}
	if i := strings.LastIndex(s.Format, " - "); i >= 0 {
		n, err := strconv.Atoi(strings.TrimSuffix(s.Format[i+3:], " Min"))
		must(err)
		return n, true
	}
	return 0, false
}

type span struct {
	idx        int
	date       string
	start, end int
}

func spanOf(i int, s Session) (span, bool) {
	a, ok1 := minutes(s.Start)
	b, ok2 := minutes(s.End)
	if !ok1 || !ok2 || b <= a {
		return span{}, false
	}
	return span{i, s.Date, a, b}, true
}

func overlap(a, b span) bool { return a.date == b.date && a.start < b.end && b.start < a.end }

// overlaps returns the row indexes (0-based) of the later session of every
// overlapping pair, per room and per person.
func overlaps(ss []Session) (room, person []int) {
	for j := range ss {
		sj, ok := spanOf(j, ss[j])
		if !ok {
			continue
		}
		roomHit, personHit := false, false
		for i := 0; i < j; i++ {
			si, ok := spanOf(i, ss[i])
			if !ok || !overlap(si, sj) {
				continue
			}
			if ss[i].Room != "" && ss[i].Room == ss[j].Room {
				roomHit = true
			}
			for _, p := range ss[i].persons() {
				for _, q := range ss[j].persons() {
					if nameKey(p.Name) == nameKey(q.Name) {
						personHit = true
					}
				}
			}
		}
		if roomHit {
			room = append(room, j)
		}
		if personHit {
			person = append(person, j)
		}
	}
	return
}

func checkSample(ss []Session) {
	room, person := overlaps(ss)
	if len(room) > 0 || len(person) > 0 {
		panic(fmt.Sprintf("sample has overlaps: room %v person %v", room, person))
	}
	types := map[string]bool{}
	seen := map[string]bool{}
	count := map[string]int{}
	for _, s := range ss {
		if seen[s.ID] {
			panic("duplicate id " + s.ID)
		}
		seen[s.ID] = true
		types[s.Type] = true
		if s.Title == "" || s.Room == "" || s.Start == "" || s.End == "" {
			panic("incomplete session " + s.ID)
		}
		a, _ := minutes(s.Start)
		b, _ := minutes(s.End)
		if a < 9*60 || b > 19*60 || b <= a {
			panic("bad time " + s.ID)
		}
		if d, ok := declared(s); ok && d != b-a {
			panic(fmt.Sprintf("%s: declared %d, scheduled %d", s.ID, d, b-a))
		}
		if len(s.Speakers) < 2 {
			panic("fewer than 2 speakers: " + s.ID)
		}
		groups := map[string]bool{}
		for _, p := range s.Speakers {
			groups[p.canon] = true
		}
		if len(groups) < 2 {
			panic("single-stakeholder session " + s.ID)
		}
		for _, p := range s.persons() {
			if strings.Contains(p.Org, ",") && (p.Role == "" || p.Stakeholder == "" || p.Region == "") {
				panic("comma in organisation of a short person: " + p.Name)
			}
			count[nameKey(p.Name)]++
		}
	}
	// every kind=type row of shared/domain/session_types.csv, canonical or alias
	for _, t := range [][]string{
		{"Workshop", "WS"}, {"Open Forum", "OF"}, {"Town Hall"}, {"Lightning Talk", "Lightning Talks"},
		{"Networking Session"}, {"Launch / Award"}, {"Dynamic Coalition Session", "DC"}, {"Main Session"},
		{"High-Level Session"}, {"Parliamentary Track"}, {"NRI Session"}, {"Day 0 Event"},
		{"Best Practice Forum"}, {"Policy Network"}, {"Opening Ceremony"}, {"Closing Ceremony"},
		{"Open Mic / Taking Stock"}, {"Newcomers Session"}, {"Leadership Panel Session"},
	} {
		ok := false
		for _, n := range t {
			ok = ok || types[n]
		}
		if !ok {
			panic("session type missing: " + t[0])
		}
	}
	for _, k := range []string{"jose", "lan", "soren", "ana"} {
		if n := count[nameKey(fixedPerson(k).Name)]; n != 2 {
			panic(fmt.Sprintf("%s appears %d times", k, n))
		}
	}
}

func checkFaults(rows []Session, want []finding) {
	room, person := overlaps(rows)
	var gotRoom, gotPerson, wantRoom, wantPerson []int
	for _, j := range room {
		gotRoom = append(gotRoom, j+2)
	}
	for _, j := range person {
		gotPerson = append(gotPerson, j+2)
	}
	for _, f := range want {
		switch f.rule {
		case "room-overlap":
			wantRoom = append(wantRoom, f.row)
		case "person-overlap":
			wantPerson = append(wantPerson, f.row)
		}
	}
	if fmt.Sprint(gotRoom) != fmt.Sprint(wantRoom) || fmt.Sprint(gotPerson) != fmt.Sprint(wantPerson) {
		panic(fmt.Sprintf("faults overlaps: room %v (want %v), person %v (want %v)", gotRoom, wantRoom, gotPerson, wantPerson))
	}
}

// ---- writers ----

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func writeCSV(path string, ss []Session) {
	var b strings.Builder
	w := csv.NewWriter(&b)
	must(w.Write(header))
	for _, s := range ss {
		must(w.Write(s.row()))
	}
	w.Flush()
	must(w.Error())
	must(os.WriteFile(path, []byte(b.String()), 0o644))
}

func writeExpected(path string, want []finding) {
	var b strings.Builder
	b.WriteString("rule\trow\tcolumn\tsession\n")
	for _, f := range want {
		fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", f.rule, f.row, f.column, f.session)
	}
	must(os.WriteFile(path, []byte(b.String()), 0o644))
}

// excelSerial is the 1900-system serial number of a YYYY-MM-DD date.
func excelSerial(date string) float64 {
	y, err := strconv.Atoi(date[:4])
	must(err)
	m, err := strconv.Atoi(date[5:7])
	must(err)
	d, err := strconv.Atoi(date[8:10])
	must(err)
	// days from civil (Howard Hinnant), then shift to 1899-12-30
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468 // days since 1970-01-01
	return float64(days + 25569)
}

func writeXLSX(path string, ss []Session) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet, spk = "Sessions", "Speakers"
	must(f.SetSheetName("Sheet1", sheet))
	_, err := f.NewSheet(spk)
	must(err)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	must(err)
	dateFmt, timeFmt := "yyyy-mm-dd", "hh:mm"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	must(err)
	timeStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &timeFmt})
	must(err)

	cell := func(col, row int) string {
		c, err := excelize.CoordinatesToCellName(col, row)
		must(err)
		return c
	}

	var cols []int // indexes into header, without speakers
	for i, h := range header {
		if h != "speakers" {
			cols = append(cols, i)
		}
	}
	for c, i := range cols {
		must(f.SetCellStr(sheet, cell(c+1, 1), header[i]))
	}
	must(f.SetCellStyle(sheet, "A1", cell(len(cols), 1), bold))
	for r, s := range ss {
		row := s.row()
		for c, i := range cols {
			at, v := cell(c+1, r+2), row[i]
			if v == "" {
				continue
			}
			switch header[i] {
			case "date":
				must(f.SetCellFloat(sheet, at, excelSerial(v), -1, 64))
				must(f.SetCellStyle(sheet, at, at, dateStyle))
			case "start", "end":
				m, ok := minutes(v)
				if !ok {
					panic("xlsx time " + v)
				}
				must(f.SetCellFloat(sheet, at, float64(m)/1440, -1, 64))
				must(f.SetCellStyle(sheet, at, at, timeStyle))
			case "declared_minutes":
				n, err := strconv.Atoi(v)
				must(err)
				must(f.SetCellInt(sheet, at, int64(n)))
			default:
				must(f.SetCellStr(sheet, at, v))
			}
		}
	}
	must(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))

	spkHeader := []string{"session_id", "name", "role", "organization", "stakeholder", "region", "participation", "email"}
	for c, h := range spkHeader {
		must(f.SetCellStr(spk, cell(c+1, 1), h))
	}
	must(f.SetCellStyle(spk, "A1", cell(len(spkHeader), 1), bold))
	r := 2
	for _, s := range ss {
		for _, p := range s.Speakers {
			for c, v := range []string{s.ID, p.Name, p.Role, p.Org, p.Stakeholder, p.Region, p.participation(), p.Email} {
				if v != "" {
					must(f.SetCellStr(spk, cell(c+1, r), v))
				}
			}
			r++
		}
	}
	must(f.SetPanes(spk, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	must(err)
	must(os.WriteFile(path, buf.Bytes(), 0o644))
}

func main() {
	dir := "testdata"
	if _, err := os.Stat(filepath.Join(dir, "gen", "main.go")); err != nil {
		fmt.Fprintln(os.Stderr, "gen: run from the module root: go run ./testdata/gen")
		os.Exit(2)
	}
	sample := buildSample()
	checkSample(sample)
	faults, want := buildFaults(sample)
	checkFaults(faults, want)

	writeCSV(filepath.Join(dir, "sample.csv"), sample)
	writeXLSX(filepath.Join(dir, "sample.xlsx"), sample)
	writeCSV(filepath.Join(dir, "faults.csv"), faults)
	writeExpected(filepath.Join(dir, "faults-expected.tsv"), want)
	writeMessy(filepath.Join(dir, "messy"), sample)
	writeOthers(filepath.Join(dir, "others"))
	must(os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme+messyReadme(sample)+othersReadme()), 0o644))

	nspk := 0
	for _, s := range sample {
		nspk += len(s.Speakers)
	}
	keep, _ := cp1252Subset(sample)
	fmt.Printf("gen: %d sessions, %d speakers, %d fault rows, %d expected findings, %d messy twins (Windows-1252: %d sessions), %d files of other tools\n", len(sample), nspk, len(faults), len(want), len(twins), len(keep), len(otherFiles))
}

const readme = "# testdata\n\n" +
	"| fixture | what it demonstrates |\n" +
	"|---|---|\n" +
	"| `sample.csv` | A tidy two-day programme of an IGF 2023-like forum in Kyoto (10–11 October 2023, `Asia/Tokyo`): 48 sessions in 7 rooms, every IGF session type (a few written as aliases such as `WS`, `OF`), canonical snake_case header plus two unknown columns (`Interpretation`, `Capacity`) that must survive a round trip. Persons are packed in the positional IGF form, one per line or `; `-separated, with 4-, 5- and 6-part variants and stakeholder/region aliases. Open Forum #168 reproduces the seed session page field by field. Validates clean: no overlaps, every declared length equals end − start. |\n" +
	"| `sample.xlsx` | The same programme as a workbook: sheet `Sessions` (no `speakers` column; real date cells `yyyy-mm-dd`, real time-of-day cells `hh:mm`, numeric `declared_minutes`, bold frozen header) and sheet `Speakers`, one row per speaker joined by `session_id`, participation normalised to `online`/`onsite`. |\n" +
	"| `faults.csv` | 14 rows of `sample.csv` with one planted fault per session (duplicate id, unreadable time, end before start, room overlap, person overlap written `José Núñez` / `jose  nunez`, bad SDG targets, unknown stakeholder `Civil Socity`, unknown region `Westeros Group`, empty title, empty room). Multi-line cells make spreadsheet rows differ from text lines. |\n" +
	"| `faults-expected.tsv` | The findings `docket validate` must report on `faults.csv`: rule, spreadsheet row (header = row 1), canonical column, session id. Pairs are reported on their later row; `bad-sdg` once per bad target. |\n" +
	"| `gen/` | The generator of all of these fixtures and of `messy/` and `others/` below, except `messy/openpyxl.xlsx` and the `others/*.want.json` files. |\n\n" +
	"The fixtures are committed. To regenerate them (deterministic, byte-identical output), run from the module root:\n\n" +
	"```\ngo run ./testdata/gen\n```\n\n" +
	"Do not edit the fixtures by hand; change `gen/` and regenerate.\n"
