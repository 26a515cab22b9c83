// Package summaryview renders the programme summary that docket report
// shows, computed by internal/summary: text and Markdown tables, JSON, a
// self-contained HTML page of charts and an Excel workbook with native
// charts. It renders a summary, not a programme, so it stands apart from
// package formats, and it keeps its own table of output extensions for
// the same reason.
package summaryview

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/textfmt"
	"github.com/docket-forum/docket/formats/termtable"
	"github.com/docket-forum/docket/internal/safe"
	"github.com/docket-forum/docket/internal/summary"
	"github.com/docket-forum/docket/internal/vocab"
)

// Formats are the formats of `docket report`, in the order help lists
// them.
var Formats = []string{"text", "json", "markdown", "html", "xlsx"}

// Options say how to render a summary; the command decides each one, as
// renderers never look at the terminal themselves.
type Options struct {
	// Title names the programme in the HTML and XLSX reports.
	Title string
	// Now is when the report was made (SOURCE_DATE_EPOCH when set), shown
	// in the HTML and XLSX reports.
	Now time.Time
	// ASCII draws the text report's tables with + - | and its bars with #
	// (in a pipe) instead of box-drawing characters and blocks (on a
	// terminal).
	ASCII bool
}

// Binary reports whether a format is not text, so that the command can
// refuse to write it to a terminal.
func Binary(format string) bool { return format == "xlsx" }

// FormatForPath is the format an output file's extension asks for, so
// that `-o report.html` needs no --format; false when the extension names
// none (the command then keeps its default).
func FormatForPath(path string) (string, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return "html", true
	case ".xlsx":
		return "xlsx", true
	case ".json":
		return "json", true
	case ".md", ".markdown":
		return "markdown", true
	}
	return "", false
}

// Write writes r in the named format (one of Formats).
func Write(w io.Writer, format string, r *summary.Report, o Options) error {
	switch format {
	case "html":
		return writeHTML(w, r, o)
	case "xlsx":
		return writeXLSX(w, r, o)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "text", "markdown":
		return writeTables(w, r, format == "markdown", o)
	}
	return fmt.Errorf("unknown report format %q (valid: %s)", format, strings.Join(Formats, ", "))
}

type countRow struct {
	key string
	n   int
}

// sortedCounts orders a count map by count, then name.
func sortedCounts(m map[string]int) []countRow {
	rows := make([]countRow, 0, len(m))
	for k, n := range m {
		rows = append(rows, countRow{k, n})
	}
	slices.SortFunc(rows, func(a, b countRow) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.key, b.key)
	})
	return rows
}

// bar draws n out of total as a small bar of up to 20 blocks, or of up
// to 20 "#" in ASCII: a pipe gets plain ASCII, as it gets the tables.
func bar(n, total int, ascii bool) string {
	if total == 0 {
		return ""
	}
	block := "█"
	if ascii {
		block = "#"
	}
	return strings.Repeat(block, (n*20+total-1)/total)
}

// writeTables writes the summary as text tables (box drawing, or ASCII
// in a pipe) or as Markdown, section by section.
func writeTables(w io.Writer, r *summary.Report, md bool, o Options) error {
	section := func(title string) {
		if md {
			fmt.Fprintf(w, "## %s\n\n", title)
		} else {
			fmt.Fprintf(w, "%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
		}
	}
	table := func(head string, rows []countRow, total int) {
		if md {
			fmt.Fprintf(w, "| %s | count | share |\n|---|---:|---:|\n", textfmt.MarkdownText(head))
			for _, r := range rows {
				fmt.Fprintf(w, "| %s | %d | %d%% |\n", textfmt.MarkdownCell(r.key), r.n, pct(r.n, total))
			}
			fmt.Fprintln(w)
			return
		}
		width := textfmt.Width(head)
		for _, r := range rows {
			width = max(width, textfmt.Width(safe.Terminal(r.key)))
		}
		t := termtable.NewTable(w, []int{width + 2, 7, 7, 22}, o.ASCII)
		t.Header(head, "count", "share", "")
		for _, r := range rows {
			t.Append([]string{safe.Terminal(r.key), fmt.Sprintf("%5d", r.n), fmt.Sprintf("%4d%%", pct(r.n, total)), bar(r.n, total, o.ASCII)})
		}
		t.Render()
		fmt.Fprintln(w)
	}
	// list joins session ids from the data: escaped for Markdown (an id
	// such as "[x](javascript:...)" is no link), shown safely in a terminal.
	list := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			if md {
				out[i] = textfmt.MarkdownText(textfmt.OneLine(id))
			} else {
				out[i] = safe.Terminal(id)
			}
		}
		return strings.Join(out, ", ")
	}
	if md {
		fmt.Fprint(w, "# Programme report\n\n")
	}
	section("Sessions")
	fmt.Fprintf(w, "%d sessions, %s scheduled hours\n\n", r.Sessions.Total, strconv.FormatFloat(r.Sessions.Hours, 'f', -1, 64))
	days := sortedCounts(r.Sessions.ByDay)
	slices.SortFunc(days, func(a, b countRow) int { return strings.Compare(a.key, b.key) })
	table("day", days, r.Sessions.Total)
	table("type", sortedCounts(r.Sessions.ByType), r.Sessions.Total)
	table("format", sortedCounts(r.Sessions.ByFormat), r.Sessions.Total)
	table("theme", sortedCounts(r.Sessions.ByTheme), r.Sessions.Total)

	people := func(title string, p summary.People) {
		section(title)
		fmt.Fprintf(w, "%d appearances by %d people\n\n", p.Appearances, p.Unique)
		if p.Appearances == 0 {
			return
		}
		table("stakeholder group", sortedCounts(p.ByStakeholder), p.Unique)
		table("regional group", sortedCounts(p.ByRegion), p.Unique)
		table("participation", sortedCounts(p.ByParticipation), p.Unique)
		if p.ByGender != nil {
			table("gender", sortedCounts(p.ByGender), p.Unique)
		}
	}
	people("Speakers", r.Speakers.People)
	if n := len(r.Speakers.SingleStakeholder); n > 0 {
		fmt.Fprintf(w, "Sessions whose speakers are all from one stakeholder group: %s\n\n", list(r.Speakers.SingleStakeholder))
	}
	if n := len(r.Speakers.SingleRegion); n > 0 {
		fmt.Fprintf(w, "Sessions whose speakers are all from one regional group: %s\n\n", list(r.Speakers.SingleRegion))
	}
	people("Moderators", r.Moderators)
	people("Rapporteurs", r.Rapporteurs)

	section("Busiest")
	busy := func(head string, cs []summary.Count) {
		rows := make([]countRow, len(cs))
		for i, c := range cs {
			rows[i] = countRow{c.Name, c.Count}
		}
		if len(rows) == 0 {
			fmt.Fprintf(w, "No %s named.\n\n", head)
			return
		}
		table(head, rows, r.Sessions.Total)
	}
	busy("person", r.BusiestPeople)
	busy("organisation", r.BusiestOrganizations)

	section("SDGs")
	goals := make([]countRow, 0, 17)
	for g := 1; g <= 17; g++ {
		k := strconv.Itoa(g)
		goals = append(goals, countRow{k + " " + vocab.SDGGoal(g), r.SDGs.ByGoal[k]})
	}
	table("goal", goals, r.Sessions.Total)
	if len(r.SDGs.UncoveredGoals) > 0 {
		var names []string
		for _, g := range r.SDGs.UncoveredGoals {
			names = append(names, strconv.Itoa(g))
		}
		fmt.Fprintf(w, "Goals no session names: %s\n\n", strings.Join(names, ", "))
	}

	section("Rooms")
	names := make([]string, 0, len(r.Rooms))
	for n := range r.Rooms {
		names = append(names, n)
	}
	slices.Sort(names)
	days = days[:0]
	for d := range r.Sessions.ByDay {
		days = append(days, countRow{key: d})
	}
	slices.SortFunc(days, func(a, b countRow) int { return strings.Compare(a.key, b.key) })
	width := len("room")
	for _, n := range names {
		width = max(width, textfmt.Width(safe.Terminal(n)))
	}
	var rt *termtable.Table
	if md {
		fmt.Fprint(w, "| room | day | sessions | minutes | utilisation |\n|---|---|---:|---:|---:|\n")
	} else {
		rt = termtable.NewTable(w, []int{width + 2, 12, 10, 9, 13, 22}, o.ASCII)
		rt.Header("room", "day", "sessions", "minutes", "utilisation", "")
	}
	line := func(room, day string, sessions, minutes int, util float64) {
		if md {
			fmt.Fprintf(w, "| %s | %s | %d | %d | %.0f%% |\n", textfmt.MarkdownCell(room), day, sessions, minutes, util*100)
			return
		}
		rt.Append([]string{safe.Terminal(room), day, fmt.Sprintf("%8d", sessions), fmt.Sprintf("%7d", minutes), fmt.Sprintf("%10.0f%%", util*100), bar(int(util*100+0.5), 100, o.ASCII)})
	}
	for _, n := range names {
		room := r.Rooms[n]
		line(n, "all days", room.Sessions, room.Minutes, room.Utilisation)
		if len(days) > 1 {
			for _, d := range days {
				if rd, ok := room.ByDay[d.key]; ok {
					line("", d.key, rd.Sessions, rd.Minutes, rd.Utilisation)
				}
			}
		}
	}
	if rt != nil {
		rt.Render()
	}
	fmt.Fprintln(w)
	// Capacity, when the programme's rooms give it.
	var capRows []countRow
	var over []string
	for _, n := range names {
		room := r.Rooms[n]
		if room.Capacity > 0 {
			capRows = append(capRows, countRow{n, room.Capacity})
			for _, id := range room.OverCapacity {
				over = append(over, id+" ("+n+")")
			}
		}
	}
	if len(capRows) > 0 {
		if md {
			fmt.Fprint(w, "| room | capacity | largest expected |\n|---|---:|---:|\n")
			for _, c := range capRows {
				fmt.Fprintf(w, "| %s | %d | %.0f%% |\n", textfmt.MarkdownCell(c.key), c.n, r.Rooms[c.key].Fill*100)
			}
		} else {
			for _, c := range capRows {
				fmt.Fprintf(w, "%s: capacity %d, largest expected attendance %.0f%% of it\n", safe.Terminal(c.key), c.n, r.Rooms[c.key].Fill*100)
			}
		}
		fmt.Fprintln(w)
		if len(over) > 0 {
			fmt.Fprintf(w, "Sessions expecting more than their room holds: %s\n\n", list(over))
		}
	}
	section("Outcomes")
	if len(r.MissingOutcomes) == 0 {
		fmt.Fprint(w, "Every past session has its key takeaways, call to action and report.\n")
	} else {
		fmt.Fprintf(w, "%d past sessions lack key takeaways, call to action or report: %s\n", len(r.MissingOutcomes), list(r.MissingOutcomes))
	}
	return nil
}

func pct(n, total int) int {
	if total == 0 {
		return 0
	}
	return (n*100 + total/2) / total
}
