package main

// Messy twins of the sample: the same programme as organizers really send it
// (issue 3). Each twin shows one real-world case and must convert to the
// same canonical JSON as sample.csv (formats/messy_test.go says how each is
// read). They are written to testdata/messy/; openpyxl.xlsx there is written
// by openpyxl_twin.py, not by this program.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// twin is one messy fixture.
type twin struct {
	file  string // under testdata/messy/
	what  string // the real-world case, for the README
	read  string // how the test reads it, for the README
	write func(path string, ss []Session)
}

var twins = []twin{
	// ---- text files ----
	{"semicolon.csv", "European Excel's \"CSV UTF-8\" save: `;` between cells (so the `; `-joined persons, SDGs and tags are quoted), UTF-8 with a BOM.", "", writeSemicolon},
	{"unicode-text.txt", "Excel's \"Unicode Text\" save: UTF-16 LE with a BOM, tab-separated, CRLF, extension `.txt`.", "", writeUnicodeText},
	{"windows-1252.csv", "Excel on Windows' plain \"CSV\" save: Windows-1252 bytes (`é` is 0xE9, `–` 0x96, `’` 0x92), CRLF. Only the sessions whose every cell Windows-1252 can hold (%d of %d; the others have names such as `Nguyễn`, `Paweł`, `Đorđević`).", "compared with the tidy sample reduced to the same session ids", writeCP1252},
	{"crlf-padding.csv", "A hand-edited export: CRLF line ends, stray spaces around values and header names (outside quotes where the cell needs none, inside them where it does), three empty columns at the end of every row, and trailing rows of empty cells and blank lines.", "", writePadding},
	{"header-aliases.csv", "Headers as organizers name them (`Session #`, `Session Title`, `Day`, `Begins`, `Ends`, `Venue`, `Issue(s)`, `Sub-theme`, `Moderator`, `Online Moderator`, `Panelists`, `Organisers`, `SDG targets`, `Keywords`, `Link`, `Time zone`...) in another column order.", "", writeHeaderAliases},
	{"dates-dotted.csv", "Dates written `11.10.2023` (German and Nordic style).", "", func(p string, ss []Session) { writeDates(p, ss, "02.01.2006", false) }},
	{"dates-us.csv", "A US-style file: dates `10/11/2023` are month first. Every day of the programme is 12 or less, so only the option can tell.", "`DateOrder: \"mdy\"` (`--date-order mdy`)", func(p string, ss []Session) { writeDates(p, ss, "01/02/2006", false) }},
	{"dates-dayfirst.csv", "Dates `11/10/2023`, day first, read without an option. The programme's own days (10 and 11) fit either order, so nothing in the date columns can decide it; the only days above 12 are in a `Last updated` column as organizers keep one (`28/09/2023 14:05`), an extra column. Deciding the order from the date columns themselves needs a programme with a day above 12, which this one does not have (internal/schedule tests that).", "`Last updated` is a twin-only extra column: checked to be read as an extra, then left out of the comparison", func(p string, ss []Session) { writeDates(p, ss, "02/01/2006", true) }},
	{"times-12h.csv", "Times `9:00 AM`, `12:00 PM`, `5:45 PM`.", "", writeTimes12h},
	{"igf-web-form.csv", "The IGF web form's one `Time` column, `Wednesday, 11th October, 2023 (08:45 UTC) - Wednesday, 11th October, 2023 (09:45 UTC)`, and no date, start, end or timezone columns.", "`Timezone: \"Asia/Tokyo\"`", writeWebForm},
	{"duration.csv", "A `Duration` column (`60`, `90 min`, `1h30`, `1h`, `20 min`) instead of the end time.", "`Duration` is kept as an extra column (nothing read is lost): checked, then left out of the comparison", writeDuration},
	{"persons-numbered.csv", "Organizers and speakers as numbered lists: alternately inline (`1. Name, ... 2. Name, ...` in one line) and one numbered person per line.", "", func(p string, ss []Session) { writePersons(p, ss, "numbered") }},
	{"persons-pipe.csv", "Organizers and speakers separated by a pipe with spaces (`A \\| B \\| C`).", "", func(p string, ss []Session) { writePersons(p, ss, "pipe") }},
	{"vocab-aliases.csv", "Every region as its abbreviation (`AG`, `APG`, `EEG`, `GRULAC`, `WEOG`) and every stakeholder group as an alias (`Gov`, `CS`, `Private sector`, `Tech community`, `IGO`), in 3-, 4-, 5- and 6-part persons.", "", writeVocabAliases},
	{"sdgs-prefixed.csv", "SDG targets alternately as `SDG 9.1, SDG 16.6` and one per line.", "", writeSDGs},

	// ---- workbooks (excelize) ----
	{"title-rows.xlsx", "A title row, a blank row, a notes row and another blank row above the header (header on row 5); numeric `Capacity` cells.", "", writeTitleRows},
	{"cover-sheet.xlsx", "A cover sheet `Instructions` first (a two-column table explaining each column) and the sessions on the second sheet, `Programme`, which must be chosen because it looks like sessions.", "", writeCoverSheet},
	{"merged-dates.xlsx", "The date in the first column merged over each day's rows (excelize MergeCell): only the top cell of a day holds the date.", "", writeMergedDates},
	{"datetime-cells.xlsx", "`Start` and `End` as date-time cells (one serial holds date and time, format `dd/mm/yyyy hh:mm`) and no date or timezone column.", "`Timezone: \"Asia/Tokyo\"`", writeDateTimeCells},
	{"time-cells.xlsx", "Time-only cells formatted `h:mm AM/PM` with the date in another column further right (a date cell formatted `dddd, d mmmm yyyy`).", "", writeTimeCells},
	{"date1904.xlsx", "The 1904 date system (Excel for Mac's old default): `date1904` set in the workbook, date serials counted from 1904-01-01.", "", writeDate1904},
	{"formulas.xlsx", "Formulas with cached values, as Excel saves them: the date `=A2` repeated from the row above within a day, the end as start + length (`=B3+90/1440`), `declared_minutes` as `=ROUND((C3-B3)*1440,0)` where the sample has one. Written with excelize's StreamWriter, which stores a formula and its typed cached value together (`SetCellFormula` would mark the cached value as a string).", "", writeFormulas},
	{"hidden-rows.xlsx", "Every fifth session row hidden and the `description` column hidden: hidden rows and columns are data too.", "", writeHidden},
	{"macro.xlsm", "A macro-enabled workbook (`.xlsm` content type, no macros inside), otherwise the tidy layout.", "", writeXLSM},
}

// openpyxlTwin is committed, not generated here (README only).
const openpyxlTwin = "| `openpyxl.xlsx` | A workbook written by openpyxl (`gen/openpyxl_twin.py`, not by `go run ./testdata/gen`; run `/usr/bin/python3 testdata/gen/openpyxl_twin.py` with Debian's python3-openpyxl after regenerating `sample.csv`): sheet `Programme 2023`, a title row above the header, real `datetime.date`/`datetime.time` cells, integer lengths and capacities, every string an inline string (`t=\"inlineStr\"`) and every number typed `t=\"n\"`. Not byte-reproducible (the zip stores the time of the run). | |\n"

func writeMessy(dir string, ss []Session) {
	must(os.MkdirAll(dir, 0o755))
	for _, t := range twins {
		t.write(filepath.Join(dir, t.file), ss)
	}
}

func messyReadme(ss []Session) string {
	var b strings.Builder
	b.WriteString("\n## messy/\n\n")
	b.WriteString("Messy twins of `sample.csv` (issue 3): each shows one way organizers really send a programme, and each must convert to the same canonical JSON as `sample.csv` (`formats/messy_test.go`; sessions read in `Asia/Tokyo`, from a `timezone` column or the option).\n\n")
	b.WriteString("| fixture | real-world case | read with |\n|---|---|---|\n")
	keep, _ := cp1252Subset(ss)
	for _, t := range twins {
		what := t.what
		if strings.Contains(what, "%d") {
			what = fmt.Sprintf(what, len(keep), len(ss))
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", t.file, what, t.read)
	}
	b.WriteString(openpyxlTwin)
	return b.String()
}

// ---- values of a session ----

func col(s Session, name string) string {
	row := s.row()
	for i, h := range header {
		if h == name {
			return row[i]
		}
	}
	panic("no column " + name)
}

// table is the sample as rows of cells under the canonical header, each
// cell made by cell (nil: the canonical value).
func table(ss []Session, heads []string, cell func(i int, s Session, head string) string) [][]string {
	out := [][]string{heads}
	for i, s := range ss {
		r := make([]string, len(heads))
		for j, h := range heads {
			if cell != nil {
				r[j] = cell(i, s, h)
			} else {
				r[j] = col(s, h)
			}
		}
		out = append(out, r)
	}
	return out
}

func without(heads []string, drop ...string) []string {
	var out []string
	for _, h := range heads {
		keep := true
		for _, d := range drop {
			keep = keep && h != d
		}
		if keep {
			out = append(out, h)
		}
	}
	return out
}

func replaceHead(heads []string, old string, with ...string) []string {
	var out []string
	for _, h := range heads {
		if h == old {
			out = append(out, with...)
		} else {
			out = append(out, h)
		}
	}
	return out
}

// date parses the sample's YYYY-MM-DD (and HH:MM) in Kyoto time.
var jst = time.FixedZone("JST", 9*3600)

func at(date, hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", date+" "+hhmm, jst)
	must(err)
	return t
}

func minutesOf(s Session) int {
	a, ok1 := minutes(s.Start)
	b, ok2 := minutes(s.End)
	if !ok1 || !ok2 {
		panic("times of " + s.ID)
	}
	return b - a
}

// ---- CSV writing ----

// encodeDelimited writes rows as Excel does: a cell is quoted when it holds
// the delimiter, a quote or a line break (line breaks inside a cell stay LF);
// rows end with eol.
func encodeDelimited(rows [][]string, comma, eol string) string {
	var b strings.Builder
	for _, r := range rows {
		for j, c := range r {
			if j > 0 {
				b.WriteString(comma)
			}
			b.WriteString(quoteIfNeeded(c, comma))
		}
		b.WriteString(eol)
	}
	return b.String()
}

func quoteIfNeeded(c, comma string) string {
	if strings.Contains(c, comma) || strings.ContainsAny(c, "\"\r\n") {
		return `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
	}
	return c
}

func writeFile(path string, data []byte) { must(os.WriteFile(path, data, 0o644)) }

func writeSemicolon(path string, ss []Session) {
	text := encodeDelimited(table(ss, header, nil), ";", "\r\n")
	writeFile(path, append([]byte("\xEF\xBB\xBF"), text...))
}

func writeUnicodeText(path string, ss []Session) {
	text := encodeDelimited(table(ss, header, nil), "\t", "\r\n")
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	out, err := enc.Bytes([]byte(text))
	must(err)
	if out[0] != 0xFF || out[1] != 0xFE {
		panic("no UTF-16 LE BOM")
	}
	writeFile(path, out)
}

// cp1252Subset returns the sessions whose every cell Windows-1252 can
// encode, and the ids of the others.
func cp1252Subset(ss []Session) (keep []Session, dropped []string) {
	enc := charmap.Windows1252.NewEncoder()
	for _, s := range ss {
		ok := true
		for _, c := range s.row() {
			if _, err := enc.String(c); err != nil {
				ok = false
			}
		}
		if ok {
			keep = append(keep, s)
		} else {
			dropped = append(dropped, s.ID)
		}
	}
	return keep, dropped
}

func writeCP1252(path string, ss []Session) {
	keep, _ := cp1252Subset(ss)
	if len(keep) < len(ss)/3 {
		panic(fmt.Sprintf("only %d sessions fit Windows-1252", len(keep)))
	}
	text := encodeDelimited(table(keep, header, nil), ",", "\r\n")
	out, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	must(err)
	if !strings.Contains(string(out), "\xe9") || !strings.Contains(string(out), "\x96") {
		panic("the Windows-1252 twin has no é or – to show")
	}
	writeFile(path, out)
}

func writePadding(path string, ss []Session) {
	rows := table(ss, header, nil)
	var b strings.Builder
	k := 0
	for _, r := range rows {
		for j, c := range r {
			if j > 0 {
				b.WriteString(",")
			}
			k++
			pad := []string{"", " ", "  ", "", "   "}[k%5]
			if c == "" {
				pad = ""
			}
			if strings.ContainsAny(c, ",\"\r\n") || (c != "" && pad != "" && k%3 == 0) {
				// quoted: the spaces are inside the quotes
				b.WriteString(`"` + pad + strings.ReplaceAll(c, `"`, `""`) + pad + `"`)
			} else {
				b.WriteString(pad + c + pad)
			}
		}
		b.WriteString(",,,\r\n") // three empty columns
	}
	empty := strings.Repeat(",", len(header)+2)
	b.WriteString(empty + "\r\n" + empty + "\r\n\r\n" + empty + "\r\n\r\n")
	writeFile(path, []byte(b.String()))
}

var aliasHeads = map[string]string{
	"id": "Session #", "title": "Session Title", "type": "Session Type", "format": "Session Format",
	"declared_minutes": "Declared length", "date": "Day", "start": "Begins", "end": "Ends",
	"timezone": "Time zone", "room": "Venue", "theme": "Issue(s)", "subtheme": "Sub-theme",
	"description": "Session Description", "policy_questions": "Policy Question(s)",
	"expected_outcomes": "Expected Outcomes", "organizers": "Organisers", "speakers": "Panelists",
	"onsite_moderator": "Moderator", "online_moderator": "Online Moderator", "rapporteur": "Rapporteur",
	"sdgs": "SDG targets", "key_takeaways": "Key Takeaways", "call_to_action": "Call to Action",
	"report": "Session Report", "tags": "Keywords", "language": "Language", "url": "Link",
	"Interpretation": "Interpretation", "Capacity": "Capacity",
}

func writeHeaderAliases(path string, ss []Session) {
	// Another order; the two unknown columns keep their relative order, as
	// the JSON writes extras in input order.
	order := []string{"date", "start", "end", "room", "id", "title", "type", "format", "declared_minutes",
		"theme", "subtheme", "onsite_moderator", "online_moderator", "speakers", "organizers", "rapporteur",
		"description", "policy_questions", "expected_outcomes", "sdgs", "Interpretation", "key_takeaways",
		"call_to_action", "report", "tags", "language", "url", "timezone", "Capacity"}
	if len(order) != len(header) {
		panic("header-aliases: order misses a column")
	}
	rows := table(ss, order, nil)
	for j, h := range rows[0] {
		rows[0][j] = aliasHeads[h]
	}
	writeFile(path, []byte(encodeDelimited(rows, ",", "\n")))
}

func writeDates(path string, ss []Session, layout string, lastUpdated bool) {
	heads := header
	if lastUpdated {
		heads = append(append([]string{}, header...), "Last updated")
	}
	rows := table(ss, heads, func(i int, s Session, h string) string {
		switch h {
		case "date":
			return at(s.Date, "00:00").Format(layout)
		case "Last updated":
			// September 2023, days 1 to 29, some above 12
			d := time.Date(2023, 9, 1+(i*11)%29, 14, 5+i%50, 0, 0, jst)
			return d.Format("02/01/2006 15:04")
		}
		return col(s, h)
	})
	writeFile(path, []byte(encodeDelimited(rows, ",", "\n")))
}

func clock12(hhmm string) string {
	t, err := time.Parse("15:04", hhmm)
	must(err)
	return t.Format("3:04 PM")
}

func writeTimes12h(path string, ss []Session) {
	rows := table(ss, header, func(i int, s Session, h string) string {
		switch h {
		case "start", "end":
			return clock12(col(s, h))
		}
		return col(s, h)
	})
	writeFile(path, []byte(encodeDelimited(rows, ",", "\n")))
}

func ordinal(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return strconv.Itoa(n) + suf
}

// igfForm writes an instant as the IGF session page does, in UTC:
// "Wednesday, 11th October, 2023 (08:45 UTC)".
func igfForm(t time.Time) string {
	u := t.UTC()
	return fmt.Sprintf("%s, %s %s, %d (%s UTC)", u.Weekday(), ordinal(u.Day()), u.Month(), u.Year(), u.Format("15:04"))
}

func writeWebForm(path string, ss []Session) {
	heads := without(replaceHead(header, "date", "Time"), "start", "end", "timezone")
	rows := table(ss, heads, func(i int, s Session, h string) string {
		if h == "Time" {
			return igfForm(at(s.Date, s.Start)) + " - " + igfForm(at(s.Date, s.End))
		}
		return col(s, h)
	})
	if got := rows[1+indexOf(ss, "Open Forum #168")][indexOfHead(heads, "Time")]; got != "Wednesday, 11th October, 2023 (08:45 UTC) - Wednesday, 11th October, 2023 (09:45 UTC)" {
		panic("web form of OF168: " + got)
	}
	writeFile(path, []byte(encodeDelimited(rows, ",", "\n")))
}

func indexOf(ss []Session, id string) int {
	for i, s := range ss {
		if s.ID == id {
			return i
		}
	}
	panic(id)
}

func indexOfHead(heads []string, h string) int {
	for i, x := range heads {
		if x == h {
			return i
		}
	}
	panic(h)
}

func durationText(i, m int) string {
	switch {
	case i%3 == 0:
		return strconv.Itoa(m)
	case i%3 == 1 || m < 60:
		return strconv.Itoa(m) + " min"
	case m%60 == 0:
		return strconv.Itoa(m/60) + "h"
	}
	return fmt.Sprintf("%dh%02d", m/60, m%60)
}

func writeDuration(path string, ss []Session) {
	heads := replaceHead(header, "end", "Duration")
	rows := table(ss, heads, func(i int, s Session, h string) string {
		if h == "Duration" {
			return durationText(i, minutesOf(s))
		}
		return col(s, h)
	})
	writeFile(path, []byte(encodeDelimited(rows, ",", "\n")))
}

func numbered(ps []Person, inline bool) string {
	items := make([]string, len(ps))
	for i, p := range ps {
		items[i] = fmt.Sprintf("%d. %s", i+1, p)
	}
	if inline {
		return strings.Join(items, " ")
	}
	return strings.Join(items, "\n")
}

func writePersons(path string, ss []Session, style string) {
	rows := table(ss, header, func(i int, s Session, h string) string {
		var ps []Person
		switch h {
		case "organizers":
			ps = s.Organizers
		case "speakers":
			ps = s.Speakers
		default:
			return col(s, h)
		}
		if style == "pipe" {
			return joinPersons(ps, " | ")
		}
		return numbered(ps, i%2 == 0)
	})
	writeFile(path, []byte(encodeDelimited(rows, ",", "\n")))
}

var regionAbbr = map[string]string{
	rgAF: "AG", rgAP: "APG", rgEE: "EEG", rgLA: "GRULAC", "GRULAC": "GRULAC", rgWE: "WEOG", "WEOG": "WEOG",
	rgIGO: rgIGO, "": "",
}

var stakeAlias = map[string]string{
	"Government": "Gov", "Gov": "Gov",
	"Civil Society": "CS", "Civil society": "CS",
	"Private Sector": "Private sector", "Private sector": "Private sector",
	"Technical Community": "Tech community", "Tech community": "Tech community",
	"Intergovernmental Organization": "IGO",
	"Media":                          "Media", "": "",
}

func aliased(p Person) Person {
	r, ok1 := regionAbbr[p.Region]
	st, ok2 := stakeAlias[p.Stakeholder]
	if !ok1 || !ok2 {
		panic(fmt.Sprintf("vocab-aliases: no alias for %q / %q", p.Region, p.Stakeholder))
	}
	p.Region, p.Stakeholder = r, st
	return p
}

func aliasedAll(ps []Person) []Person {
	out := make([]Person, len(ps))
	for i, p := range ps {
		out[i] = aliased(p)
	}
	return out
}

func writeVocabAliases(path string, ss []Session) {
	var out []Session
	for _, s := range ss {
		s.Organizers, s.Speakers = aliasedAll(s.Organizers), aliasedAll(s.Speakers)
		s.OnsiteMod, s.OnlineMod, s.Rapporteur = aliased(s.OnsiteMod), aliased(s.OnlineMod), aliased(s.Rapporteur)
		out = append(out, s)
	}
	writeFile(path, []byte(encodeDelimited(table(out, header, nil), ",", "\n")))
}

func writeSDGs(path string, ss []Session) {
	rows := table(ss, header, func(i int, s Session, h string) string {
		if h != "sdgs" || s.SDGs == "" {
			return col(s, h)
		}
		t := strings.Split(s.SDGs, "; ")
		if i%2 == 0 {
			for k := range t {
				t[k] = "SDG " + t[k]
			}
			return strings.Join(t, ", ")
		}
		return strings.Join(t, "\n")
	})
	writeFile(path, []byte(encodeDelimited(rows, ",", "\n")))
}

// ---- workbooks ----

// book is a workbook being written with excelize.
type book struct {
	f      *excelize.File
	styles map[string]int
	d1904  bool
}

func newBook(numFmts map[string]string) *book {
	b := &book{f: excelize.NewFile(), styles: map[string]int{}}
	bold, err := b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	must(err)
	b.styles["bold"] = bold
	wrap, err := b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	must(err)
	b.styles["text"] = wrap
	// fixed order, so that style ids do not depend on map iteration
	for _, k := range []string{"date", "time", "datetime", "longdate"} {
		if nf, ok := numFmts[k]; ok {
			id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &nf, Alignment: &excelize.Alignment{Vertical: "top"}})
			must(err)
			b.styles[k] = id
		}
	}
	return b
}

func cellName(c, r int) string {
	n, err := excelize.CoordinatesToCellName(c, r)
	must(err)
	return n
}

// serial is the serial number of a YYYY-MM-DD date in the book's system.
func (b *book) serial(date string) float64 {
	if b.d1904 {
		return excelSerial(date) - 1462
	}
	return excelSerial(date)
}

// put writes one value of session s under canonical column h at cell at:
// real date and time cells, numbers for lengths and capacities.
func (b *book) put(sheet, at, h string, s Session) {
	f := b.f
	v := col(s, h)
	if v == "" {
		return
	}
	switch h {
	case "date":
		must(f.SetCellFloat(sheet, at, b.serial(v), -1, 64))
		must(f.SetCellStyle(sheet, at, at, b.styles["date"]))
	case "start", "end":
		m, ok := minutes(v)
		if !ok {
			panic("xlsx time " + v)
		}
		must(f.SetCellFloat(sheet, at, float64(m)/1440, -1, 64))
		must(f.SetCellStyle(sheet, at, at, b.styles["time"]))
	case "declared_minutes", "Capacity":
		n, err := strconv.Atoi(v)
		must(err)
		must(f.SetCellInt(sheet, at, int64(n)))
	default:
		must(f.SetCellStr(sheet, at, v))
		if strings.Contains(v, "\n") {
			must(f.SetCellStyle(sheet, at, at, b.styles["text"]))
		}
	}
}

// sessions writes the header heads on row top and one row per session
// below it; custom, when it returns true, has written the cell itself.
func (b *book) sessions(sheet string, top int, heads []string, ss []Session, custom func(at, h string, i int, s Session) bool) {
	for c, h := range heads {
		must(b.f.SetCellStr(sheet, cellName(c+1, top), h))
	}
	must(b.f.SetCellStyle(sheet, cellName(1, top), cellName(len(heads), top), b.styles["bold"]))
	for i, s := range ss {
		for c, h := range heads {
			at := cellName(c+1, top+1+i)
			if custom != nil && custom(at, h, i, s) {
				continue
			}
			b.put(sheet, at, h, s)
		}
	}
}

func (b *book) save(path string) {
	defer b.f.Close()
	if strings.HasSuffix(path, ".xlsm") {
		// WriteTo takes the content type from the path's extension.
		b.f.Path = path
	}
	var buf strings.Builder
	_, err := b.f.WriteTo(&buf)
	must(err)
	writeFile(path, []byte(buf.String()))
}

var tidyFmts = map[string]string{"date": "yyyy-mm-dd", "time": "hh:mm"}

func writeTitleRows(path string, ss []Session) {
	b := newBook(tidyFmts)
	const sh = "Sessions"
	must(b.f.SetSheetName("Sheet1", sh))
	must(b.f.SetCellStr(sh, "A1", "IGF 2023 Kyoto – Programme of sessions (draft, 28 September 2023)"))
	must(b.f.SetCellStyle(sh, "A1", "A1", b.styles["bold"]))
	must(b.f.SetCellStr(sh, "A3", "Notes:"))
	must(b.f.SetCellStr(sh, "B3", "All times are Kyoto time (JST, UTC+9). Rooms may still change; check with the secretariat before printing."))
	b.sessions(sh, 5, header, ss, nil)
	b.save(path)
}

func writeCoverSheet(path string, ss []Session) {
	b := newBook(tidyFmts)
	const cover, sh = "Instructions", "Programme"
	must(b.f.SetSheetName("Sheet1", cover))
	_, err := b.f.NewSheet(sh)
	must(err)
	lines := [][2]string{
		{"How to fill in the programme", ""},
		{"", ""},
		{"Column", "What to enter"},
		{"id", "The session number given by the secretariat, e.g. WS #446 or Open Forum #168."},
		{"title", "The title as it should appear on the website."},
		{"date", "The day of the session (10 or 11 October 2023)."},
		{"start / end", "Kyoto time, HH:MM."},
		{"organizers, speakers", "One person per line: Name, Role, Organisation, Stakeholder group, Regional group (online or on-site)."},
		{"", ""},
		{"Send the file to the secretariat by 29 September 2023.", ""},
	}
	for r, l := range lines {
		for c, v := range l {
			if v != "" {
				must(b.f.SetCellStr(cover, cellName(c+1, r+1), v))
			}
		}
	}
	b.sessions(sh, 1, header, ss, nil)
	b.f.SetActiveSheet(0)
	b.save(path)
}

func writeMergedDates(path string, ss []Session) {
	b := newBook(tidyFmts)
	const sh = "Sessions"
	must(b.f.SetSheetName("Sheet1", sh))
	heads := append([]string{"date"}, without(header, "date")...)
	first := map[string]int{} // date -> first row
	last := map[string]int{}
	b.sessions(sh, 1, heads, ss, func(at, h string, i int, s Session) bool {
		if h != "date" {
			return false
		}
		r := i + 2
		if i > 0 && ss[i-1].Date != s.Date && first[s.Date] > 0 {
			panic("merged-dates: the days are not contiguous")
		}
		if _, ok := first[s.Date]; !ok {
			first[s.Date] = r
			return false // the top cell of the day keeps the value
		}
		last[s.Date] = r
		return true // the covered cells stay empty
	})
	center, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Vertical: "center"}})
	must(err)
	for _, d := range days { // days in order, not map order
		if last[d] <= first[d] {
			panic("merged-dates: a day with one session")
		}
		must(b.f.MergeCell(sh, cellName(1, first[d]), cellName(1, last[d])))
		must(b.f.SetCellStyle(sh, cellName(1, first[d]), cellName(1, first[d]), center))
	}
	b.save(path)
}

func ptr[T any](v T) *T { return &v }

func writeDateTimeCells(path string, ss []Session) {
	b := newBook(map[string]string{"datetime": "dd/mm/yyyy hh:mm"})
	const sh = "Sessions"
	must(b.f.SetSheetName("Sheet1", sh))
	heads := replaceHead(without(header, "date", "timezone"), "start", "Start")
	heads = replaceHead(heads, "end", "End")
	b.sessions(sh, 1, heads, ss, func(at, h string, i int, s Session) bool {
		var hhmm string
		switch h {
		case "Start":
			hhmm = s.Start
		case "End":
			hhmm = s.End
		default:
			return false
		}
		m, _ := minutes(hhmm)
		must(b.f.SetCellFloat(sh, at, b.serial(s.Date)+float64(m)/1440, -1, 64))
		must(b.f.SetCellStyle(sh, at, at, b.styles["datetime"]))
		return true
	})
	b.save(path)
}

func writeTimeCells(path string, ss []Session) {
	b := newBook(map[string]string{"time": "h:mm AM/PM", "longdate": "dddd, d mmmm yyyy"})
	const sh = "Sessions"
	must(b.f.SetSheetName("Sheet1", sh))
	// start and end early, the date after the room
	heads := without(header, "date", "start", "end")
	heads = append([]string{heads[0], heads[1], "start", "end"}, heads[2:]...)
	heads = replaceHead(heads, "room", "room", "date")
	b.sessions(sh, 1, heads, ss, func(at, h string, i int, s Session) bool {
		if h != "date" {
			return false
		}
		must(b.f.SetCellFloat(sh, at, b.serial(s.Date), -1, 64))
		must(b.f.SetCellStyle(sh, at, at, b.styles["longdate"]))
		return true
	})
	b.save(path)
}

func writeDate1904(path string, ss []Session) {
	b := newBook(map[string]string{"date": "d mmm yyyy", "time": "hh:mm"})
	b.d1904 = true
	must(b.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}))
	const sh = "Sessions"
	must(b.f.SetSheetName("Sheet1", sh))
	b.sessions(sh, 1, header, ss, nil)
	if v, _ := b.f.GetCellValue(sh, "F2", excelize.Options{RawCellValue: true}); v != strconv.Itoa(int(excelSerial(days[0])-1462)) {
		panic("date1904: F2 = " + v)
	}
	b.save(path)
}

// writeFormulas streams the sheet: only the StreamWriter writes a formula
// together with a typed cached value (<c><f>B2+60/1440</f><v>0.4166…</v></c>).
func writeFormulas(path string, ss []Session) {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Sessions"
	must(f.SetSheetName("Sheet1", sh))
	dateS, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	must(err)
	timeS, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("hh:mm")})
	must(err)
	boldS, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	must(err)
	sw, err := f.NewStreamWriter(sh)
	must(err)
	heads := append([]string{"date", "start", "end", "declared_minutes"}, without(header, "date", "start", "end", "declared_minutes")...)
	row := make([]any, len(heads))
	for c, h := range heads {
		row[c] = excelize.Cell{StyleID: boldS, Value: h}
	}
	must(sw.SetRow("A1", row))
	for i, s := range ss {
		r := i + 2
		row := make([]any, len(heads))
		a, _ := minutes(s.Start)
		z, _ := minutes(s.End)
		for c, h := range heads {
			v := col(s, h)
			switch h {
			case "date":
				cell := excelize.Cell{StyleID: dateS, Value: excelSerial(v)}
				if i > 0 && ss[i-1].Date == s.Date {
					cell.Formula = fmt.Sprintf("A%d", r-1)
				}
				row[c] = cell
			case "start":
				row[c] = excelize.Cell{StyleID: timeS, Value: float64(a) / 1440}
			case "end":
				row[c] = excelize.Cell{StyleID: timeS, Value: float64(z) / 1440, Formula: fmt.Sprintf("B%d+%d/1440", r, z-a)}
			case "declared_minutes":
				// the sample declares some lengths only in the format text;
				// an empty cell stays empty
				if v != "" {
					n, err := strconv.Atoi(v)
					must(err)
					row[c] = excelize.Cell{Value: n, Formula: fmt.Sprintf("ROUND((C%d-B%d)*1440,0)", r, r)}
				}
			default:
				if v != "" {
					row[c] = v
				}
			}
		}
		must(sw.SetRow(cellName(1, r), row))
	}
	must(sw.Flush())
	var buf strings.Builder
	_, err = f.WriteTo(&buf)
	must(err)
	writeFile(path, []byte(buf.String()))
	checkFormulas(path)
}

// checkFormulas reads the twin back: the formulas are there and so are
// their cached values, as numbers.
func checkFormulas(path string) {
	f, err := excelize.OpenFile(path)
	must(err)
	defer f.Close()
	form, err := f.GetCellFormula("Sessions", "C2")
	must(err)
	v, err := f.GetCellValue("Sessions", "C2", excelize.Options{RawCellValue: true})
	must(err)
	typ, err := f.GetCellType("Sessions", "C2")
	must(err)
	if form == "" || v == "" || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
		panic(fmt.Sprintf("formulas: C2 formula %q cached %q type %v", form, v, typ))
	}
}

func writeHidden(path string, ss []Session) {
	b := newBook(tidyFmts)
	const sh = "Sessions"
	must(b.f.SetSheetName("Sheet1", sh))
	b.sessions(sh, 1, header, ss, nil)
	for i := range ss {
		if i%5 == 4 {
			must(b.f.SetRowVisible(sh, i+2, false))
		}
	}
	c, err := excelize.ColumnNumberToName(indexOfHead(header, "description") + 1)
	must(err)
	must(b.f.SetColVisible(sh, c, false))
	b.save(path)
}

func writeXLSM(path string, ss []Session) {
	b := newBook(tidyFmts)
	const sh = "Sessions"
	must(b.f.SetSheetName("Sheet1", sh))
	b.sessions(sh, 1, header, ss, nil)
	b.save(path)
}
