package main

// Programmes from other tools (issue 16): small lookalikes of what
// voctosched, Sched, Google Calendar, Outlook, conference websites,
// meetups, the c3voc workbook, pretalx and Sessionize write. Every file is
// invented (the real exports carry licences that forbid copying); each
// keeps the shape and the quirks of its tool. They are written to
// testdata/others/, and formats/others_test.go compares each with the
// programme it must give, testdata/others/<name>.want.json, which is
// written by hand, not by this program.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// otherFile is one fixture of testdata/others.
type otherFile struct {
	file  string // under testdata/others/
	what  string // the real-world case, for the README
	read  string // the options it is read with, for the README
	write func(path string)
}

var otherFiles = []otherFile{
	{"voctosched-hackwerk.csv", "A hacker event's CSV for voctosched: German/English headers (`Datum / Date`, `Dauer / Duration`, `Referent*innen / Speakers`), lengths as clocks (`0:30`, `1:30`, `00:45`, `01:30:00`), a late talk that ends after midnight, `Untertitel`, `Abstract` and `Beschreibung` side by side, speakers as nicknames (`fluffy, derpeter`, `Kiki & derpeter`) and full names, a trailing row of empty cells.", "`--tz Europe/Berlin`", writeVoctosched},
	{"sched-export.csv", "Sched's CSV export: `event_key`, `name`, `event_start`/`event_end` as `2025-10-02 09:00`, plural `event_type`s of the conference's own (`Keynotes`, `Workshops`, `Networking`, `Plenary`), HTML in `description`, `venue`, `speakers` as plain name lists (`Priyanka Desai, Tom Kowalczyk & Jess O'Brien`, `Kwame Mensah, PhD, Alicia Moreno`), `moderators`, and Sched's own columns (`active`, `event_subtype`, `seats`, `media_url`).", "`--tz America/Detroit`", writeSched},
	{"google-calendar.csv", "Google Calendar's import CSV (`Subject, Start Date, Start Time, End Date, End Time, All Day Event, Description, Location, Private`): dates month first (`04/09/2026`, every day 12 or less), times `09:00 AM`, an overnight hackathon ending on its End Date, an all-day row without times, a repeated `Coffee break`, no id column.", "`--tz America/Chicago`", writeGoogleCalendar},
	{"website-hackercon.csv", "A hacker conference website's schedule: `Day, Time, Room, Title, Speaker(s)`, heading rows (`Friday Sept 27 Afternoon`), day names `Thursday`, `fri`, `Fri.`, `Sat`, time ranges `18:00 – 19:00` in one column, `22:00 – 01:00` past midnight, no id column.", "`--tz America/New_York --event-days 2024-09-26..2024-09-28`", writeHackercon},
	{"website-sections.csv", "A community conference website's schedule where only the heading rows (`Friday, August 15`) say the day: rows below have a time range (`9:00am - 9:45am`, `7:00pm - 12:30am`) and no date, and there is no id column.", "`--tz America/Denver --event-days 2025-08-15..2025-08-16`", writeSections},
	{"neuro-agenda.csv", "A neuroscience meeting's agenda exported from Outlook in a European locale: every field quoted, Windows-1252, CRLF; `Subject`, `Start Date`/`End Date` day first (`10/06/2025`; only the closing day, `13/06/2025`, tells), `09:00:00` times, a satellite workshop the day before, a poster session over three days, Outlook's own columns (`All day event`, `Reminder on/off`, `Categories`, `Meeting Organizer`, `Show time as`).", "`--tz Europe/Lisbon`", writeNeuro},
	{"meetup.csv", "A meetup's one-day sheet of times alone: `time,talk,speaker`, ranges `18:30–19:00`, a last item with a start only, a speaker `TBA`.", "`--tz Europe/Amsterdam --event-days 2025-11-13`", writeMeetup},
	{"c3voc-workbook.xlsx", "A German event's workbook in the c3voc template's shape: a title row above the header `Raum, Datum, Beginn, Dauer, Titel, Untertitel, Referent:innen, Sprache, Track, Typ, Abstract, Beschreibung, Aufzeichnung, Links`, date cells `dd.mm.yyyy`, time cells for `Beginn` and for `Dauer` (`[h]:mm`; one typed as text, `01:30`), `Begrüßung` on both days, speakers joined by `,` and `und`, no id column.", "`--tz Europe/Berlin`", writeC3VOC},
	{"pretalx-export.csv", "pretalx's session CSV export: `ID` codes, `Title`, `Session type`, `Track`, `State`, `Abstract`, `Description`, `Duration`, `Language`, `Room`, `Start`/`End` in ISO 8601 with offsets, `Speaker IDs` and `Speaker names` one per line, and an accepted talk that is not scheduled yet.", "`--tz Europe/Zurich`", writePretalx},
	{"pretalx-talks.csv", "A website's talk list made from pretalx (snake_case, one talk a row): `submission_id`, `talk_title`, `subtitle`, `speaker_name` (`Lena Graf, Ömer Demir`), `start` without a zone, `duration` in ISO 8601 (`PT45M`, `PT1H30M`), `talk_format`, `abstract` and `description`.", "`--tz Europe/Vienna`", writePretalxTalks},
	{"sessionize-export.csv", "Sessionize's sessions export saved by US Excel as CSV UTF-8 (BOM, CRLF): `Session Id`, `Owner`, `Owner Email`, `Speakers` as name lists, `Scheduled At` as `5/15/2025 9:00`, `Scheduled Duration`, `Session format` with its length (`Session (45 min)`, `Panel discussion (60 min)`), `Level`, `Status`, service sessions without speakers.", "`--tz America/Chicago`", writeSessionize},
}

func writeOthers(dir string) {
	must(os.MkdirAll(dir, 0o755))
	for _, o := range otherFiles {
		o.write(filepath.Join(dir, o.file))
	}
}

func othersReadme() string {
	var b strings.Builder
	b.WriteString("\n## others/\n\n")
	b.WriteString("Programmes as other tools and events write them (issue 16): invented lookalikes, 5 to 12 sessions each, in the shape and with the quirks of their tool. Each must give the programme in its `<name>.want.json`, written and checked by hand, field by field (`formats/others_test.go`, which reads each file with its options through `ReadProgramme` and as `docket convert FILE - --to json` streams it). The want files are not generated: where docket gets a session wrong, the want keeps the right answer and the test names the session as a known failure.\n\n")
	b.WriteString("| fixture | real-world case | read with |\n|---|---|---|\n")
	for _, o := range otherFiles {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", o.file, o.what, o.read)
	}
	return b.String()
}

// ---- text files ----

// writeRows writes rows as Excel does (see encodeDelimited).
func writeRows(path string, rows [][]string, eol string) {
	writeFile(path, []byte(encodeDelimited(rows, ",", eol)))
}

// quoteAll writes every cell quoted, as Outlook does.
func quoteAll(rows [][]string, eol string) string {
	var b strings.Builder
	for _, r := range rows {
		for j, c := range r {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteString(eol)
	}
	return b.String()
}

func writeVoctosched(path string) {
	writeRows(path, [][]string{
		{"ID", "Datum / Date", "Start", "Dauer / Duration", "Raum / Room", "Titel / Title", "Untertitel / Subtitle", "Sprache / Language", "Track", "Typ / Type", "Abstract", "Beschreibung / Description", "Referent*innen / Speakers"},
		{"101", "2025-05-29", "18:00", "0:30", "Hauptbühne", "Eröffnung", "Willkommen im Hackwerk", "de", "Orga", "Talk", "Was euch die nächsten drei Tage erwartet.", "", "Orga-Team"},
		{"102", "2025-05-29", "18:45", "1:00", "Hauptbühne", "Mesh-Netze für alle", "Freifunk in der Kleinstadt", "de", "Netzwerk", "Talk", "Wie wir 40 Router auf Kirchtürme und Scheunen gebracht haben.", "Ein Erfahrungsbericht: Genehmigungen, Stromversorgung, Richtfunk – und was wir beim nächsten Mal anders machen.", "Anna Schmidt, Jonas Weber"},
		{"103", "2025-05-29", "20:00", "1:30", "Werkstatt", "Löten für Einsteiger*innen", "", "de", "Hardware", "Workshop", "Wir löten ein kleines Blinklicht.", "Material wird gestellt (5 € Spende erbeten).\nBitte eigene Lötkolben mitbringen, wenn vorhanden.", "Kiki & derpeter"},
		{"104", "2025-05-29", "23:30", "1:00", "Hauptbühne", "Lightning Talks", "", "en", "Community", "Lightning", "Five minutes each – sign up at the info desk.", "", ""},
		{"105", "2025-05-30", "11:00", "00:45", "Hauptbühne", "Reverse engineering a smart kettle", "What the firmware knows about your tea", "en", "Security", "Talk", "UART, a dumped flash and a cloud API that trusts everyone.", "", "fluffy, derpeter"},
		{"106", "2025-05-30", "14:00", "2:00", "Werkstatt", "Siebdruck: Shirts selber drucken", "", "de", "Kunst", "Workshop", "Bring dein eigenes Shirt mit.", "", "Mara Vogel / Tim Okafor"},
		{"107", "2025-05-30", "16:00", "0:45", "Hauptbühne", "Datenschutz im Verein", "DSGVO ohne Panik", "de", "Gesellschaft", "Talk", "Was kleine Vereine wirklich tun müssen.", "", "Dr. Ulrike Brandt"},
		{"108", "2025-05-31", "12:00", "01:30:00", "Hauptbühne", "Abschluss & Feedback", "", "de/en", "Orga", "Talk", "", "", "Orga-Team"},
		{"", "", "", "", "", "", "", "", "", "", "", "", ""},
	}, "\n")
}

func writeSched(path string) {
	writeRows(path, [][]string{
		{"event_key", "active", "name", "event_start", "event_end", "event_type", "event_subtype", "description", "venue", "speakers", "moderators", "seats", "media_url"},
		{"3f9c2a7e1b5d4c8e9a0b6d2f7e1c3a5b", "Y", "Registration & Breakfast", "2025-10-02 08:00", "2025-10-02 09:00", "Breaks", "", "", "Atrium", "", "", "", ""},
		{"8d2e4b6a0c1f3e5d7b9a2c4e6f8a0b1c", "Y", "Opening Keynote: Patching the Unpatchable", "2025-10-02 09:00", "2025-10-02 10:00", "Keynotes", "", "<p>Why the oldest systems in a factory are the hardest to fix, and what we can do anyway.</p>", "Ballroom A", "Dana Whitfield", "", "400", "https://example.org/slides/keynote-1.pdf"},
		{"b7c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9", "Y", "Threat Hunting with Open Source Tools", "2025-10-02 10:15", "2025-10-02 12:15", "Workshops", "Hands-on", "<p>Bring a laptop with 16 GB RAM.</p><p>VMs will be provided on USB.</p>", "Lab 2", "Marcus Ortega, Lena Fairbanks", "", "30", ""},
		{"e1f3a5c7e9b0d2f4a6c8e0b2d4f6a8c0", "Y", "Lunch", "2025-10-02 12:15", "2025-10-02 13:15", "Breaks", "", "", "Atrium", "", "", "", ""},
		{"c2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f1", "Y", "Lightning Talks", "2025-10-02 13:15", "2025-10-02 14:15", "Talks", "", "Five-minute talks from the community.", "Ballroom B", "Priyanka Desai, Tom Kowalczyk & Jess O'Brien", "Alan Greer", "250", ""},
		{"a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4", "Y", "Red Team Stories from the Rust Belt", "2025-10-02 14:30", "2025-10-02 15:20", "Talks", "", "", "Ballroom B", "Sarah-Jane McAllister", "", "250", ""},
		{"f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5", "Y", "Networking Reception", "2025-10-02 18:00", "2025-10-02 21:00", "Networking", "Sponsored", "Drinks and snacks, sponsored by our partners.", "Rooftop Terrace", "", "", "", ""},
		{"0a1b2c3d4e5f60718293a4b5c6d7e8f9", "Y", "Day 2 Keynote: Incident Response at Scale", "2025-10-03 09:00", "2025-10-03 10:00", "Keynotes", "", "", "Ballroom A", "Kwame Mensah, PhD, Alicia Moreno", "", "400", ""},
		{"5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "Y", "Closing Remarks & Prize Drawing", "2025-10-03 16:00", "2025-10-03 16:45", "Plenary", "", "", "Ballroom A", "", "Dana Whitfield", "400", ""},
	}, "\n")
}

func writeGoogleCalendar(path string) {
	writeRows(path, [][]string{
		{"Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event", "Description", "Location", "Private"},
		{"Welcome & Keynote: Libraries as Makerspaces", "04/09/2026", "09:00 AM", "04/09/2026", "10:00 AM", "False", "Opening remarks by the director, then our keynote.", "Auditorium", "False"},
		{"Coffee break", "04/09/2026", "10:00 AM", "04/09/2026", "10:30 AM", "False", "", "Lobby", "False"},
		{"Teaching Kids to Code with Scratch", "04/09/2026", "10:30 AM", "04/09/2026", "11:45 AM", "False", "Hands-on session.\nLaptops provided.", "Room 204, Main Library", "False"},
		{"Lunch (on your own)", "04/09/2026", "12:00 PM", "04/09/2026", "01:00 PM", "False", "", "", "False"},
		{"Coffee break", "04/09/2026", "03:00 PM", "04/09/2026", "03:15 PM", "False", "", "Lobby", "False"},
		{"Overnight Hackathon", "04/09/2026", "06:00 PM", "04/10/2026", "09:00 AM", "False", "Teams of up to four. Snacks all night.", "Innovation Lab", "False"},
		{"Exhibit hall open", "04/10/2026", "", "04/10/2026", "", "True", "Vendors and library systems.", "Exhibit Hall", "False"},
		{"Board meeting (staff only)", "04/10/2026", "12:30 PM", "04/10/2026", "02:00 PM", "False", "", "Boardroom", "True"},
		{"Hackathon Awards", "04/10/2026", "04:00 PM", "04/10/2026", "04:30 PM", "False", "", "Auditorium", "False"},
	}, "\r\n")
}

func writeHackercon(path string) {
	writeRows(path, [][]string{
		{"Day", "Time", "Room", "Title", "Speaker(s)"},
		{"Thursday Sept 26 Evening", "", "", "", ""},
		{"Thursday", "18:00 – 19:00", "Main Stage", "Badge Pickup & Welcome", ""},
		{"Thursday", "19:00 – 20:00", "Main Stage", "Keynote: Hacking the Mill Town", "Renata Kowalski"},
		{"Friday Sept 27 Morning", "", "", "", ""},
		{"fri", "09:00 – 09:50", "Main Stage", "Your Printer Is a Server", "Omar Haddad"},
		{"fri", "10:00 – 11:50", "Workshop Room", "Intro to Lockpicking", "Bea Lindgren, Carlos Ruiz"},
		{"Friday Sept 27 Afternoon", "", "", "", ""},
		{"Fri.", "13:00 – 13:50", "Main Stage", "SDR on a Shoestring", "Yuki Tanaka & Malik Johnson"},
		{"Fri.", "14:00 – 14:50", "Workshop Room", "Hardware Hacking 101", "Omar Haddad"},
		{"fri", "22:00 – 01:00", "Main Stage", "Hacker Karaoke", ""},
		{"Saturday Sept 28", "", "", "", ""},
		{"Sat", "10:00 – 10:50", "Main Stage", "Closing Ceremony & CTF Awards", "Renata Kowalski"},
	}, "\n")
}

func writeSections(path string) {
	writeRows(path, [][]string{
		{"Time", "Title", "Speaker", "Room", "Level"},
		{"Friday, August 15", "", "", "", ""},
		{"8:00am - 9:00am", "Registration & Coffee", "", "Lobby", ""},
		{"9:00am - 9:45am", "Keynote: Python in the Mountains", "Hannah Greywolf", "Main Hall", "All"},
		{"10:00am - 10:45am", "Typing Your Way Out of Trouble", "Luis Andrade", "Main Hall", "Intermediate"},
		{"10:00am - 11:30am", "Intro to Data Viz with Altair", "Mei Lin, Jordan Pike", "Room 101", "Beginner"},
		{"12:00pm - 1:00pm", "Lunch", "", "Lobby", ""},
		{"Saturday, August 16", "", "", "", ""},
		{"9:30am - 10:15am", "Packaging Without Tears", "Sam Okonkwo", "Main Hall", "Intermediate"},
		{"10:30am - 11:15am", "Lightning Talks", "", "Main Hall", "All"},
		{"7:00pm - 12:30am", "Sprint Night", "", "Room 101", ""},
	}, "\n")
}

func writeNeuro(path string) {
	text := quoteAll([][]string{
		{"Subject", "Start Date", "Start Time", "End Date", "End Time", "All day event", "Reminder on/off", "Categories", "Description", "Location", "Meeting Organizer", "Private", "Show time as"},
		{"Satellite Workshop: Glia in Circuit Function", "09/06/2025", "14:00:00", "09/06/2025", "18:00:00", "False", "False", "Satellite", "Pre-conference workshop; separate registration.", "Sala 2", "Inês Carvalho", "False", "2"},
		{"Opening Lecture: Dopamine and Decision", "10/06/2025", "09:00:00", "10/06/2025", "10:00:00", "False", "True", "Plenary", "Speaker: Jörg Bauer (Heidelberg)", "Auditório Principal", "Inês Carvalho", "False", "2"},
		{"Symposium S1: Cortical Oscillations", "10/06/2025", "10:30:00", "10/06/2025", "12:30:00", "False", "False", "Symposium", "Chair: Ana Sofia Lopes\r\nTalks: 4 × 25 min – discussion at the end", "Sala 1", "Inês Carvalho", "False", "2"},
		{"Poster Session A", "10/06/2025", "13:30:00", "12/06/2025", "18:00:00", "False", "False", "Posters", "Posters stay up for three days; authors present on Tuesday.", "Exhibition Hall", "Inês Carvalho", "False", "2"},
		{"Symposium S2: Synaptic Plasticity Across the Lifespan", "11/06/2025", "10:30:00", "11/06/2025", "12:30:00", "False", "False", "Symposium", "", "Sala 1", "Inês Carvalho", "False", "2"},
		{"Conference Dinner", "11/06/2025", "20:00:00", "11/06/2025", "23:30:00", "False", "False", "Social", "Buses leave from the venue at 19:30.", "Pátio da Galé", "Inês Carvalho", "False", "3"},
		{"Symposium S3: Computational Models of Memory", "12/06/2025", "10:30:00", "12/06/2025", "12:30:00", "False", "False", "Symposium", "", "Sala 1", "Inês Carvalho", "False", "2"},
		{"Closing Lecture & Awards", "13/06/2025", "11:00:00", "13/06/2025", "12:30:00", "False", "True", "Plenary", "", "Auditório Principal", "Inês Carvalho", "False", "2"},
	}, "\r\n")
	out, err := charmap.Windows1252.NewEncoder().String(text)
	must(err)
	writeFile(path, []byte(out))
}

func writeMeetup(path string) {
	writeRows(path, [][]string{
		{"time", "talk", "speaker"},
		{"18:00–18:30", "Doors open & pizza", ""},
		{"18:30–19:00", "Generics in practice", "Femke de Vries"},
		{"19:00–19:20", "Lightning: fuzzing your parser", "Bo Lindqvist & Sanne Bakker"},
		{"19:20–19:40", "Break", ""},
		{"19:40–20:20", "Profiling a slow CLI", "TBA"},
		{"20:20", "Drinks at the pub", ""},
	}, "\n")
}

func writePretalx(path string) {
	writeRows(path, [][]string{
		{"ID", "Title", "Session type", "Track", "State", "Abstract", "Description", "Duration", "Language", "Room", "Start", "End", "Speaker IDs", "Speaker names"},
		{"QZ8LMA", "Welcome to SwissPy", "Talk", "Community", "confirmed", "Housekeeping and the days ahead.", "", "15", "en", "Aula", "2025-06-12T09:00:00+02:00", "2025-06-12T09:15:00+02:00", "SPK4XA", "Nadia Keller"},
		{"H3RD9K", "Async all the way down", "Talk", "Core Python", "confirmed", "How asyncio schedules your coroutines, and why it matters.", "We build a tiny event loop from scratch, then compare it with asyncio's.", "30", "en", "Aula", "2025-06-12T09:30:00+02:00", "2025-06-12T10:00:00+02:00", "7YHPQ2\nMBX3TC", "Lukas Brunner\nChloé Favre"},
		{"W7TNVE", "Testing legacy Django apps", "Workshop (90 min)", "Web", "confirmed", "Characterisation tests first, refactoring second.", "Bring a laptop with Python 3.12 and Docker.", "90", "de", "Raum 2", "2025-06-12T10:30:00+02:00", "2025-06-12T12:00:00+02:00", "K2JD8S", "Reto Gerber"},
		{"N6VZUB", "Data pipelines with Polars", "Talk", "Data", "confirmed", "Lazy frames, streaming and the query optimiser.", "", "30", "en", "Aula", "2025-06-12T13:30:00+02:00", "2025-06-12T14:00:00+02:00", "RQ7M3E", "Aiko Sato"},
		{"C8KDWL", "Packaging in 2025", "Talk", "Core Python", "accepted", "pyproject.toml, wheels and what is left of setup.py.", "", "30", "en", "", "", "", "P9XYWA", "Tomás Ferreira"},
		{"J2MFXR", "Python bei den Bahnen", "Keynote", "Community", "confirmed", "Wie ein Bahnbetrieb mit Python plant.", "Fahrpläne, Umläufe und ein Solver, der nachts rechnet.", "45", "de", "Aula", "2025-06-13T09:00:00+02:00", "2025-06-13T09:45:00+02:00", "B4GHTN", "Martina Zollinger"},
		{"V4STYE", "Lightning talks", "Lightning talks", "Community", "confirmed", "", "", "45", "en", "Aula", "2025-06-13T16:00:00+02:00", "2025-06-13T16:45:00+02:00", "", ""},
	}, "\n")
}

func writePretalxTalks(path string) {
	writeRows(path, [][]string{
		{"submission_id", "talk_title", "subtitle", "speaker_name", "room", "start", "duration", "talk_format", "track", "language", "abstract", "description"},
		{"RWQ7KD", "Opening", "", "Sophie Wagner", "Hörsaal 1", "2025-10-16 09:00", "PT15M", "Talk", "", "de", "", ""},
		{"BPC3XF", "Geodaten ohne Schmerzen", "GeoPandas in der Verwaltung", "Lena Graf, Ömer Demir", "Hörsaal 1", "2025-10-16 09:30", "PT45M", "Talk", "Data", "de", "Wie eine Stadtverwaltung ihre Karten in Python pflegt.", "Von Shapefiles zu GeoParquet, mit einem Umweg über PostGIS."},
		{"TN8MZA", "Hands-on: Dashboards with Panel", "", "Dr. Sophie Wagner", "Seminarraum 3", "2025-10-16 10:30", "PT1H30M", "Workshop", "Visualisation", "en", "Build a dashboard from a notebook in ninety minutes.", ""},
		{"G5LJYE", "Type hints at scale", "What 200k lines taught us", "Mateo Rossi", "Hörsaal 1", "2025-10-16 13:00", "PT30M", "Talk", "Core", "en", "", "Gradual typing in a monorepo, mypy and pyright side by side."},
		{"KXV2HP", "Lightning talks", "", "", "Hörsaal 1", "2025-10-16 16:00", "PT45M", "Lightning talks", "", "en", "Sign up at the registration desk.", ""},
		{"DH4WQN", "Closing", "", "Sophie Wagner", "Hörsaal 1", "2025-10-16 16:45", "PT15M", "Talk", "", "de", "", ""},
	}, "\n")
}

func writeSessionize(path string) {
	text := encodeDelimited([][]string{
		{"Session Id", "Title", "Description", "Owner", "Owner Email", "Speakers", "Room", "Scheduled At", "Scheduled Duration", "Session format", "Track", "Level", "Language", "Status"},
		{"712301", "Keynote: Shipping Software in the Heartland", "What a decade of building for farmers taught us about reliability.", "Rachel Nguyen", "rachel.nguyen@example.com", "Rachel Nguyen", "Main Hall", "5/15/2025 9:00", "60", "Keynote (60 min)", "General", "Introductory and overview", "English", "Accepted"},
		{"712302", "Kubernetes Without the Tears", "Operators, Helm and the YAML you can delete.", "Derek Olsen", "derek.olsen@example.com", "Derek Olsen, Priya Shah", "Room A", "5/15/2025 10:15", "45", "Session (45 min)", "Cloud", "Intermediate", "English", "Accepted"},
		{"712303", "Hands-on: Building Accessible Forms", "Labels, errors and focus: we fix a real signup form together.", "Maria Gonzalez", "maria.gonzalez@example.com", "Maria Gonzalez", "Room B", "5/15/2025 10:15", "120", "Workshop (120 min)", "Web", "Introductory and overview", "English", "Accepted"},
		{"712304", "Lunch", "", "", "", "", "Main Hall", "5/15/2025 12:15", "60", "", "", "", "", "Accepted"},
		{"712305", "Event Sourcing in Practice", "Three years of an event-sourced billing system.", "Tobias Meyer", "tobias.meyer@example.com", "Tobias Meyer, Aisha Bello, Ken Watanabe", "Room A", "5/15/2025 13:30", "45", "Session (45 min)", "Architecture", "Advanced", "English", "Accepted"},
		{"712306", "Lightning Talks", "Five talks, five minutes each.", "", "", "", "Main Hall", "5/15/2025 16:00", "30", "Lightning talks (30 min)", "General", "Introductory and overview", "English", "Accepted"},
		{"712307", "Rust for the Curious Gopher", "Ownership explained to people who like goroutines.", "Sofia Marchetti", "sofia.marchetti@example.com", "Sofia Marchetti", "Room B", "5/16/2025 9:00", "45", "Session (45 min)", "Languages", "Intermediate", "English", "Accepted"},
		{"712308", "Panel: Hiring Juniors in 2025", "", "Jamal Carter", "jamal.carter@example.com", "Jamal Carter, Emily Park, Luis Ortega", "Main Hall", "5/16/2025 11:00", "60", "Panel discussion (60 min)", "Career", "Introductory and overview", "English", "Accepted"},
		{"712309", "Closing Remarks", "", "", "", "", "Main Hall", "5/16/2025 16:30", "15", "", "", "", "", "Accepted"},
	}, ",", "\r\n")
	writeFile(path, append([]byte("\xEF\xBB\xBF"), text...))
}

// ---- the c3voc workbook ----

// c3vocRow is one session of the c3voc workbook: dauer is minutes, or a
// text cell when dauerText is set.
type c3vocRow struct {
	raum, datum, beginn string
	dauer               int
	dauerText           string
	titel, untertitel   string
	referenten          string
	sprache, track, typ string
	abstract, beschr    string
	aufzeichnung, links string
}

var c3vocRows = []c3vocRow{
	{"Saal", "2025-09-20", "10:00", 15, "", "Begrüßung", "", "Orga", "de", "Orga", "Vortrag", "", "", "ja", ""},
	{"Saal", "2025-09-20", "10:30", 45, "", "Offene Daten im Rathaus", "Was Kommunen schon veröffentlichen", "Lea Hoffmann, Deniz Yılmaz", "de", "Gesellschaft", "Vortrag", "Haushalt, Baustellen, Ratsinformationen: ein Rundgang.", "Mit Beispielen aus drei Landkreisen und einer Liste von Portalen.", "ja", "https://example.org/offene-daten"},
	{"Werkstatt", "2025-09-20", "11:00", 120, "", "Repair-Café: Elektronik", "", "Jan-Ole Petersen und Mia Krüger", "de", "Hardware", "Workshop", "Bringt kaputte Geräte mit.", "", "nein", ""},
	{"Saal", "2025-09-20", "14:00", 0, "01:30", "Podium: Digitale Souveränität in der Schule", "", "Kiki", "de", "Bildung", "Podium", "Lehrkräfte, Eltern und ein Schulträger im Gespräch.", "", "ja", ""},
	{"Saal", "2025-09-20", "16:00", 30, "", "Tor-Relays betreiben", "Ein Praxisbericht", "Sven Aurich", "de", "Netzwerk", "Vortrag", "", "", "ja", ""},
	{"Saal", "2025-09-21", "10:00", 15, "", "Begrüßung", "", "Orga", "de", "Orga", "Vortrag", "", "", "ja", ""},
	{"Saal", "2025-09-21", "11:00", 45, "", "Keeping a hackerspace alive", "", "Priya Nair", "en", "Community", "Vortrag", "Rent, rules and the people who clean the fridge.", "", "ja", "https://example.org/hackerspace"},
	{"Werkstatt", "2025-09-21", "13:00", 60, "", "Straßenbahn-Modelle löten", "Für Kinder ab 10", "Mia Krüger", "de", "Hardware", "Workshop", "", "", "nein", ""},
	{"Saal", "2025-09-21", "17:00", 15, "", "Abschluss", "", "Orga", "de", "Orga", "Vortrag", "", "", "ja", ""},
}

func writeC3VOC(path string) {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Fahrplan"
	must(f.SetSheetName("Sheet1", sh))
	style := func(nf string) int {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &nf})
		must(err)
		return id
	}
	dateStyle, timeStyle, lenStyle := style("dd.mm.yyyy"), style("hh:mm"), style("[h]:mm")
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	must(err)
	must(f.SetCellStr(sh, "A1", "Kleinstadt-Hackertage 2025 – Fahrplan (Stand: 1. September, bitte nur gelbe Felder ändern)"))
	heads := []string{"Raum", "Datum", "Beginn", "Dauer", "Titel", "Untertitel", "Referent:innen", "Sprache", "Track", "Typ", "Abstract", "Beschreibung", "Aufzeichnung", "Links"}
	const top = 3
	for c, h := range heads {
		must(f.SetCellStr(sh, cellName(c+1, top), h))
	}
	must(f.SetCellStyle(sh, cellName(1, top), cellName(len(heads), top), bold))
	for i, s := range c3vocRows {
		r := top + 1 + i
		for c, v := range []string{s.raum, "", "", "", s.titel, s.untertitel, s.referenten, s.sprache, s.track, s.typ, s.abstract, s.beschr, s.aufzeichnung, s.links} {
			if v != "" {
				must(f.SetCellStr(sh, cellName(c+1, r), v))
			}
		}
		at := cellName(2, r)
		must(f.SetCellFloat(sh, at, excelSerial(s.datum), -1, 64))
		must(f.SetCellStyle(sh, at, at, dateStyle))
		m, ok := minutes(s.beginn)
		if !ok {
			panic("c3voc: beginn " + s.beginn)
		}
		at = cellName(3, r)
		must(f.SetCellFloat(sh, at, float64(m)/1440, -1, 64))
		must(f.SetCellStyle(sh, at, at, timeStyle))
		at = cellName(4, r)
		if s.dauerText != "" {
			must(f.SetCellStr(sh, at, s.dauerText))
		} else {
			must(f.SetCellFloat(sh, at, float64(s.dauer)/1440, -1, 64))
			must(f.SetCellStyle(sh, at, at, lenStyle))
		}
	}
	must(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: cellName(1, top+1), ActivePane: "bottomLeft"}))
	buf, err := f.WriteToBuffer()
	must(err)
	writeFile(path, buf.Bytes())
}
