package commands

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

func init() { time.Local = time.UTC }

const (
	sample = "../testdata/sample.csv"
	faults = "../testdata/faults.csv"
)

// run calls Main in-process with buffers, as main.go calls it with the
// process's streams.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Setenv("COLUMNS", "120")
	var out, errb bytes.Buffer
	code = Main(append([]string{"docket"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestExitCodesAndStreams(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string // regexp the output must match ("" = must be empty)
		stderr string // regexp ("" = must be empty)
	}{
		{"table", []string{"table", sample}, 0, `Open Forum #168`, ""},
		{"table flags after file", []string{"table", sample, "--day", "2023-10-11", "--room", "Room K"}, 0, `(?s)Wednesday 11 October 2023.*Open Forum #168`, ""},
		{"table flags before file", []string{"table", "--day", "2023-10-11", "--room", "Room K", sample}, 0, `(?s)Wednesday 11 October 2023.*Open Forum #168`, ""},
		{"table no match", []string{"table", sample, "--room", "Nowhere"}, 0, ``, `no room name contains "Nowhere"; rooms in the programme: Main Hall, `},
		{"table no match together", []string{"table", sample, "--type", "Town Hall", "--room", "Main Hall"}, 0, ``, `^docket: no sessions match\n$`},
		{"table type typo", []string{"table", sample, "--type", "Worksop"}, 0, ``, `^docket: no session has type "Worksop": did you mean Workshop\?\n$`},
		{"table no match quiet", []string{"table", sample, "--type", "Worksop", "-q"}, 0, ``, ``},
		{"table grid", []string{"table", sample, "--view", "grid", "--day", "2023-10-11"}, 0, `(?s)Time.*WS 7 – Room.*Open Forum`, ""},
		{"table bad view", []string{"table", sample, "--view", "tiles"}, 2, ``, `--view must be one of list, grid, not "tiles"`},
		{"table bad day", []string{"table", sample, "--day", "someday"}, 2, ``, `--day: "someday" is not a date`},
		{"table bad tz", []string{"table", sample, "--tz", "Mars/Base"}, 2, ``, `--tz: unknown time zone "Mars/Base"`},
		{"table no file", []string{"table"}, 2, ``, `table needs a FILE`},
		{"validate clean", []string{"validate", sample}, 0, `0 errors, 0 warnings in 48 sessions`, ""},
		{"validate faults", []string{"validate", faults}, 1, `(?m)^WS #137  .*faults.csv row 7\n  .*faults.csv:7:room: error: WS 5 – Room B-2 is booked by Town Hall #93 \(row 6\)`, ""},
		{"validate json", []string{"validate", "--format", "json", faults}, 1, `"rule": "room-overlap"`, ""},
		{"validate ignore", []string{"validate", faults, "--ignore", "room-overlap", "--ignore", "person-overlap"}, 1, `7 errors`, ""},
		{"validate unknown rule", []string{"validate", faults, "--ignore", "room-overlaps"}, 2, ``, `unknown rule "room-overlaps"`},
		{"validate bad format", []string{"validate", faults, "--format", "xml"}, 2, ``, `--format must be one of text, json, github, junit, not "xml"`},
		{"missing file", []string{"validate", "nope.csv"}, 3, ``, `^docket: nope.csv: no such file\n$`},
		{"convert to stdout", []string{"convert", sample, "-", "--to", "ndjson"}, 0, `^\{"id":"MAIN-1"`, ""},
		{"convert needs --to", []string{"convert", sample, "-"}, 2, ``, `needs --to FORMAT`},
		{"convert same file", []string{"convert", sample, sample}, 2, ``, `refusing to overwrite the input`},
		{"convert to contradicts", []string{"convert", sample, filepath.Join(dir, "x.json"), "--to", "csv"}, 2, ``, `--to csv contradicts the extension`},
		{"convert unknown ext", []string{"convert", sample, filepath.Join(dir, "x.docx")}, 2, ``, `unknown file extension ".docx"`},
		{"convert unknown format", []string{"convert", sample, "-", "--to", "docx"}, 2, ``, `unknown format "docx" \(valid: csv, .*ics, json, markdown, ndjson, .*xlsx\)`},
		{"unknown command", []string{"exprt"}, 2, ``, `unknown command "exprt"`},
		{"typo command", []string{"tabel", sample}, 2, ``, `did you mean "table"\?`},
		{"unknown flag", []string{"table", sample, "--colour"}, 2, ``, `unknown flag --colour`},
		{"rules", []string{"rules"}, 0, `room-overlap +error +two sessions in one room`, ""},
		{"rules one", []string{"rules", "person-overlap"}, 0, `"jose nunez" are one\s+person`, ""},
		{"rules unknown", []string{"rules", "room-overlaps"}, 2, ``, `did you mean "room-overlap"`},
		{"version", []string{"--version"}, 0, `docket version`, ""},
		{"help", []string{"--help"}, 0, `convert`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := run(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit code = %d, want %d\nstderr: %s", code, c.code, errs)
			}
			check := func(stream, got, want string) {
				if want == "" {
					if got != "" {
						t.Errorf("%s should be empty, got:\n%s", stream, got)
					}
					return
				}
				if !regexp.MustCompile(want).MatchString(got) {
					t.Errorf("%s does not match %q:\n%s", stream, want, got)
				}
			}
			check("stdout", out, c.stdout)
			check("stderr", errs, c.stderr)
		})
	}
}

// TestFlagsAnywhere checks that a flag gives the same output wherever it
// is typed.
func TestFlagsAnywhere(t *testing.T) {
	a, _, _ := run(t, "", "table", "--show-tz", "Europe/Berlin", "--day", "2023-10-11", sample)
	b, _, _ := run(t, "", "table", sample, "--show-tz", "Europe/Berlin", "--day", "2023-10-11")
	c, _, _ := run(t, "", "table", "--show-tz=Europe/Berlin", sample, "--day=2023-10-11")
	if a != b || a != c || a == "" {
		t.Errorf("outputs differ:\n%s\n---\n%s\n---\n%s", a, b, c)
	}
	if !strings.Contains(a, "10:45-11:45") {
		t.Errorf("OF168 should start 10:45 in Berlin:\n%s", a)
	}
}

func TestValidateJSONContract(t *testing.T) {
	out, _, code := run(t, "", "validate", faults, "--format", "json")
	if code != 1 {
		t.Fatalf("exit code %d, want 1", code)
	}
	var rep struct {
		Findings []map[string]any `json:"findings"`
		Errors   int              `json:"errors"`
		Warnings int              `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	keys := []string{"rule", "severity", "file", "sheet", "row", "column", "session", "message", "hint"}
	for _, f := range rep.Findings {
		if len(f) != len(keys) {
			t.Errorf("finding has keys %v, want exactly %v", f, keys)
		}
		for _, k := range keys {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
	}
	// Every planted fault is found at its spreadsheet row and column, and
	// nothing else is an error.
	want := readExpected(t, "../testdata/faults-expected.tsv")
	var got []string
	for _, f := range rep.Findings {
		if f["severity"] == "error" || f["rule"] == "unknown-stakeholder" || f["rule"] == "unknown-region" {
			got = append(got, f["rule"].(string)+" "+strconv.Itoa(int(f["row"].(float64)))+" "+f["column"].(string)+" "+f["session"].(string))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Errors != 9 {
		t.Errorf("errors = %d, want 9", rep.Errors)
	}
}

func readExpected(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		out = append(out, strings.ReplaceAll(sc.Text(), "\t", " "))
	}
	return out
}

func TestConvertWritesFilesAndReadsStdin(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"csv", "tsv", "json", "ndjson", "xlsx", "md"} {
		out := filepath.Join(dir, "programme."+ext)
		_, errs, code := run(t, "", "convert", sample, out)
		if code != 0 {
			t.Fatalf("convert to %s: exit %d: %s", ext, code, errs)
		}
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", out, err)
		}
	}
	// The workbook docket wrote reads back as the same programme, also
	// through standard input.
	want, _, _ := run(t, "", "convert", sample, "-", "--to", "json")
	data, _ := os.ReadFile(filepath.Join(dir, "programme.xlsx"))
	got, errs, code := run(t, string(data), "convert", "-", "-", "--to", "json")
	if code != 0 || got != want {
		t.Errorf("xlsx via stdin: exit %d %s\n%.300s", code, errs, got)
	}
	csvData, _ := os.ReadFile(sample)
	got, _, _ = run(t, string(csvData), "convert", "-", "-", "--to", "json")
	if got != want {
		t.Error("csv via stdin differs")
	}
}

func TestTZFlag(t *testing.T) {
	in := "id,title,date,start,end,room\nA1,Opening,2023-10-11,09:00,10:00,Hall\n"
	out, _, code := run(t, in, "convert", "-", "-", "--to", "ndjson", "--tz", "Asia/Tokyo")
	if code != 0 || !strings.Contains(out, `"start":"2023-10-11T09:00:00+09:00"`) || !strings.Contains(out, `"timezone":"Asia/Tokyo"`) {
		t.Errorf("--tz not applied: %s", out)
	}
	out, _, _ = run(t, in, "convert", "-", "-", "--to", "ndjson")
	if !strings.Contains(out, `"start":"2023-10-11T09:00:00Z"`) {
		t.Errorf("without --tz times are UTC: %s", out)
	}
	// A timezone column wins over --tz for its rows.
	in2 := "id,title,date,start,end,room,timezone\nA1,Opening,2023-10-11,09:00,10:00,Hall,Europe/Oslo\n"
	out, _, _ = run(t, in2, "convert", "-", "-", "--to", "ndjson", "--tz", "Asia/Tokyo")
	if !strings.Contains(out, `"start":"2023-10-11T09:00:00+02:00"`) {
		t.Errorf("the timezone column should win: %s", out)
	}
}

func TestWarnsAboutUnreadableValues(t *testing.T) {
	in := "id,title,date,start,end,room\nA1,Opening,2023-10-11,9 o'clock,10:00,Hall\n"
	out, errs, code := run(t, in, "convert", "-", "-", "--to", "csv")
	if code != 0 || !strings.Contains(errs, "1 value could not be read") || !strings.HasPrefix(out, "id,title") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	_, errs, _ = run(t, in, "convert", "-", "-", "--to", "csv", "--quiet")
	if errs != "" {
		t.Errorf("--quiet should silence warnings: %q", errs)
	}
}

func TestFriendlierMessages(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"table", sample, "--dya", "2023-10-11"}, 2, "unknown flag --dya: did you mean --day?"},
		{[]string{"convert", sample, "-", "--to", "json", "-v"}, 2, "unknown flag -v: did you mean --verbose?"},
		{[]string{"table", sample, "-d", "2023-10-11"}, 2, "unknown flag -d: did you mean --day or --date-order?"},
		{[]string{"table", sample, "--tz", "asia/tokyo"}, 2, `--tz: unknown time zone "asia/tokyo": did you mean Asia/Tokyo?`},
		{[]string{"export", sample, "--format", "ics", "--show-tz", "Tokio"}, 2, `--show-tz: unknown time zone "Tokio": did you mean Asia/Tokyo?`},
		{[]string{"table", sample, "--sheet", "Nope"}, 0, `warning: --sheet "Nope" applies only to workbooks (.xlsx); it was not used for ` + sample},
		{[]string{"table", sample, "--speaker", "Jose Nunes"}, 0, `no session names "Jose Nunes": did you mean José Núñez?`},
		{[]string{"export", sample, "--format", "ics", "--room", "Roon K"}, 0, `no room name contains "Roon K": did you mean WS 7 – Room K?`},
		{[]string{"convert", sample}, 2, "convert needs IN and OUT"},
		{[]string{"convert", sample, filepath.Join(dir, "no", "such", "out.csv")}, 4, "there is no folder " + filepath.Join(dir, "no", "such")},
		{[]string{"table", writeFile(t, dir, "notes.md", "# notes")}, 3, "docket writes markdown but does not read it"},
		{[]string{"table", writeFile(t, dir, "report.pdf", "%PDF-1.7")}, 3, "this is a PDF document, not a programme docket reads"},
		{[]string{"table", writeFile(t, dir, "header-only.csv", "id,title,start,room\n")}, 0, "header-only.csv has no sessions"},
	}
	for _, c := range cases {
		_, errs, code := run(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("docket %s: exit %d, stderr %q; want %d and %q", strings.Join(c.args, " "), code, errs, c.code, c.want)
		}
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestTableUsesOneZone: rows in other zones are shown in the programme's
// zone, so the day heading and the times agree.
func TestTableUsesOneZone(t *testing.T) {
	in := "id,title,date,start,end,room,timezone\nA,Riyadh,2024-12-15,09:00,10:00,R1,Asia/Riyadh\nB,Zurich,2024-12-15,09:00,10:00,R2,Europe/Zurich\nC,Riyadh 2,2024-12-15,11:00,12:00,R1,Asia/Riyadh\n"
	out, _, code := run(t, in, "table", "-", "--ascii")
	if code != 0 || !strings.Contains(out, "Asia/Riyadh (UTC+03:00)") || !strings.Contains(out, "| B  | 11:00-12:00") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestColumnsVerboseAndReaderFlags(t *testing.T) {
	out, errs, code := run(t, "", "columns", sample)
	if code != 0 || !strings.Contains(out, "sample.csv: header on row 1") || !regexp.MustCompile(`AC +Capacity +→ extra`).MatchString(out) || errs != "" {
		t.Errorf("columns: exit %d\n%s\n%s", code, out, errs)
	}
	_, errs, _ = run(t, "", "table", sample, "--verbose")
	if !strings.Contains(errs, "sample.csv: read as UTF-8, delimiter comma (detected)") {
		t.Errorf("--verbose: %q", errs)
	}
	_, errs, code = run(t, "", "table", sample, "--date-order", "ymd")
	if code != 2 || !strings.Contains(errs, "--date-order must be one of dmy, mdy, not \"ymd\"") {
		t.Errorf("bad --date-order: %d %q", code, errs)
	}
	in := "id,title,date,start,end,room\nA,One,10/11/2023,09:00,10:00,Hall\n"
	out, errs, _ = run(t, in, "convert", "-", "-", "--to", "csv")
	if !strings.Contains(errs, "warning: <stdin>: dates such as 10/11/2023 were read day first") || !strings.Contains(out, "2023-11-10") {
		t.Errorf("ambiguous dates: %q", errs)
	}
	out, errs, _ = run(t, in, "convert", "-", "-", "--to", "csv", "--date-order", "mdy", "--tz", "UTC")
	if errs != "" || !strings.Contains(out, "2023-10-11") {
		t.Errorf("--date-order mdy: %q", errs)
	}
}

func TestExport(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1800000000")
	out, errs, code := run(t, "", "export", sample, "--format", "ics", "--day", "2023-10-11", "--room", "Room K", "--title", "IGF 2023")
	if code != 0 || errs != "" || strings.Count(out, "BEGIN:VEVENT") != 5 || !strings.Contains(out, "X-WR-CALNAME:IGF 2023") || !strings.Contains(out, "DTSTAMP:20270115T080000Z") {
		t.Errorf("export ics: exit %d %q\n%.400s", code, errs, out)
	}
	again, _, _ := run(t, "", "export", sample, "--format", "ics", "--day", "2023-10-11", "--room", "Room K", "--title", "IGF 2023")
	if again != out {
		t.Error("two exports of the same programme differ")
	}
	_, errs, code = run(t, "", "export", sample)
	if code != 2 || !strings.Contains(errs, "export needs --format") {
		t.Errorf("no format: %d %q", code, errs)
	}
	path := filepath.Join(t.TempDir(), "programme.md")
	if _, errs, code = run(t, "", "export", sample, "-o", path, "--show-tz", "Europe/Berlin"); code != 0 {
		t.Fatalf("export -o: %d %q", code, errs)
	}
	md, _ := os.ReadFile(path)
	if !strings.Contains(string(md), "Europe/Berlin (UTC+02:00)") {
		t.Errorf("--show-tz not applied:\n%.300s", md)
	}
}

// TestExportPages: --format page writes one page per session into a
// folder, as Markdown or HTML, or every page into one stream or file.
func TestExportPages(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages") + "/"
	out, errs, code := run(t, "", "export", sample, "--format", "page", "-o", pages, "--as", "html")
	if code != 0 || out != "" || errs != "wrote 48 pages to "+pages+"\n" {
		t.Fatalf("export pages: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	entries, err := os.ReadDir(pages)
	if err != nil {
		t.Fatal(err)
	}
	safe := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.html$`)
	for _, e := range entries {
		if !safe.MatchString(e.Name()) || len(e.Name()) > 85 {
			t.Errorf("unsafe page name %q", e.Name())
		}
	}
	if len(entries) != 48 {
		t.Errorf("%d files in %s, want 48", len(entries), pages)
	}
	page, err := os.ReadFile(filepath.Join(pages, "open-forum-168-creating-digital-public-infrastructure-that-empowers-people.html"))
	if err != nil || !strings.Contains(string(page), "<h2>Session Report</h2>") || !strings.Contains(string(page), "(17:45–18:45 Asia/Tokyo)") {
		t.Errorf("OF168's page: %v\n%.300s", err, page)
	}

	// A folder without a trailing slash, Markdown by default, --quiet.
	md := filepath.Join(dir, "md")
	out, errs, code = run(t, "", "export", sample, "--format", "page", "-o", md, "--quiet", "--room", "Room K", "--show-tz", "Europe/Berlin")
	if entries, _ := os.ReadDir(md); code != 0 || out != "" || errs != "" || len(entries) == 0 {
		t.Fatalf("export md pages: exit %d %q %q, %d files", code, out, errs, len(entries))
	}
	data, _ := os.ReadFile(filepath.Join(md, "open-forum-168-creating-digital-public-infrastructure-that-empowers-people.md"))
	if !strings.HasPrefix(string(data), "# Open Forum \\#168 Creating") || !strings.Contains(string(data), "(10:45–11:45 Europe/Berlin)") {
		t.Errorf("Markdown page:\n%.300s", data)
	}

	// One stream: Markdown pages separated by rules; one file: --as from
	// its extension.
	out, _, code = run(t, "", "export", sample, "--format", "page", "--day", "2023-10-11", "--room", "Room K")
	if code != 0 || strings.Count(out, "\n---\n") != 4 || !strings.Contains(out, "## Session Report") {
		t.Errorf("page to stdout: exit %d\n%.300s", code, out)
	}
	one := filepath.Join(dir, "all.html")
	if _, errs, code = run(t, "", "export", sample, "--format", "page", "-o", one); code != 0 {
		t.Fatalf("page to one file: %d %q", code, errs)
	}
	if data, _ := os.ReadFile(one); strings.Count(string(data), "<article") != 48 {
		t.Errorf("%s does not hold 48 pages", one)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "ics", "--as", "html"}, "--as is only for --format page"},
		{[]string{"--format", "page", "--as", "pdf"}, `--as must be markdown or html, not "pdf"`},
		{[]string{"--format", "page", "--as", "html", "-o", filepath.Join(dir, "x.md")}, "--as html contradicts the extension"},
		{[]string{"--format", "page", "-o", filepath.Join(dir, "x.docx")}, "--format page writes a folder"},
	} {
		_, errs, code := run(t, "", append([]string{"export", sample}, c.args...)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("export %s: exit %d %q, want 2 and %q", strings.Join(c.args, " "), code, errs, c.want)
		}
	}
}

func TestCompletion(t *testing.T) {
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--generate-bash-completion"}, []string{"table", "validate", "convert", "export", "columns", "rules", "completion"}},
		{[]string{"table", "../testdata/sample.xlsx", "--sheet", "--generate-bash-completion"}, []string{"Sessions", "Speakers"}},
		{[]string{"export", "x.csv", "--format", "--generate-bash-completion"}, []string{"ics", "frab", "schedule-json", "html"}},
		{[]string{"validate", "x.csv", "--format", "--generate-bash-completion"}, []string{"text", "json", "github", "junit"}},
		{[]string{"table", "--view", "--generate-bash-completion"}, []string{"list", "grid"}},
		{[]string{"table", "--d", "--generate-bash-completion"}, []string{"--day", "--date-order"}},
	}
	for _, c := range cases {
		out, errs, code := run(t, "", c.args...)
		for _, w := range c.want {
			if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(w) + `(:|$)`).MatchString(out) {
				t.Errorf("docket %s: %q missing from %q (stderr %q, exit %d)", strings.Join(c.args, " "), w, out, errs, code)
			}
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, _, code := run(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, "docket") || len(out) < 200 {
			t.Errorf("completion %s: exit %d, %d bytes", shell, code, len(out))
		}
	}
	if _, errs, code := run(t, "", "completion", "tcsh"); code != 2 || !strings.Contains(errs, `unknown shell "tcsh"`) {
		t.Errorf("unknown shell: %d %q", code, errs)
	}
	// The bash script, in bash, completes a command name from docket's
	// own candidates.
	bash, err := exec.LookPath("bash")
	if err != nil {
		return
	}
	bin := filepath.Join(t.TempDir(), "docket")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v %s", err, out)
	}
	// Without the bash-completion package (a bash started with --norc
	// does not load it), the script reads COMP_WORDS itself; it used to
	// say "_get_comp_words_by_ref: command not found" at every Tab.
	plain := `source <("$DOCKET" completion bash); docket() { "$DOCKET" "$@"; }; ` +
		`if declare -F _get_comp_words_by_ref >/dev/null; then echo "bash-completion is loaded"; fi; ` +
		`COMP_WORDS=(docket ta); COMP_CWORD=1; COMP_LINE="docket ta"; COMP_POINT=9; _cli_bash_autocomplete; echo "${COMPREPLY[@]}"; ` +
		`COMP_WORDS=(docket table --v); COMP_CWORD=2; COMP_LINE="docket table --v"; COMP_POINT=16; _cli_bash_autocomplete; echo "${COMPREPLY[@]}"`
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", plain)
	cmd.Env = append(os.Environ(), "DOCKET="+bin)
	if out, err := cmd.CombinedOutput(); err != nil || string(out) != "table\n--verbose --view\n" {
		t.Errorf("bash completion without bash-completion of 'docket ta' and 'docket table --v': %v %q, want \"table\\n--verbose --view\\n\"", err, out)
	}
	const bashCompletion = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Log("bash-completion is not installed (.ci/run installs it); skipping the bash check")
		return
	}
	script := `source ` + bashCompletion + `; source <("$DOCKET" completion bash); docket() { "$DOCKET" "$@"; }; COMP_WORDS=(docket val); COMP_CWORD=1; COMP_LINE="docket val"; COMP_POINT=10; _cli_bash_autocomplete; echo "${COMPREPLY[@]}"`
	cmd = exec.Command(bash, "-c", script)
	cmd.Env = append(os.Environ(), "DOCKET="+bin)
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "validate" {
		t.Errorf("bash completion of 'docket val': %v %q", err, out)
	}
}

// TestDocsAreCurrent: docs/docket.1 and docs/reference.md are what
// `docket docs` generates from the commands' help today.
func TestDocsAreCurrent(t *testing.T) {
	man, md, err := reference(newApp(&streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard, getenv: func(string) string { return "" }}))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"docket.1": man, "reference.md": md} {
		got, err := os.ReadFile(filepath.Join("..", "docs", name))
		if err != nil || string(got) != strings.TrimRight(want, "\n")+"\n" {
			t.Errorf("docs/%s is not current: run 'go run . docs' and commit it (%v)", name, err)
		}
	}
}

// TestReferenceHasSynopsesExamplesAndExitStatus: the man page gives each
// command's synopsis and the exit status, and the Markdown reference
// keeps each command's examples in code blocks, where Markdown does not
// join them into one line.
func TestReferenceHasSynopsesExamplesAndExitStatus(t *testing.T) {
	app := newApp(&streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard, getenv: func(string) string { return "" }})
	man, md, err := reference(app)
	if err != nil {
		t.Fatal(err)
	}
	synopsis, _, _ := strings.Cut(man, ".SH DESCRIPTION")
	for _, want := range []string{"docket [--help|-h] [--version|-v]\n", "docket table FILE... [options]\n", "docket convert IN OUT [options]\n", "docket convert IN... -o OUT [options]\n", "docket template -o FILE.xlsx [options]\n"} {
		if !strings.Contains(synopsis, want) {
			t.Errorf("man page SYNOPSIS lacks %q:\n%s", want, synopsis)
		}
	}
	for _, c := range app.VisibleCommands() {
		if c.Name != "help" && !strings.Contains(synopsis, "\ndocket "+c.Name+" ") {
			t.Errorf("man page SYNOPSIS has no line for %s", c.Name)
		}
	}
	exit := regexp.MustCompile(`(?m)^\.SH EXIT STATUS$`).FindStringIndex(man)
	if exit == nil {
		t.Fatal("man page has no EXIT STATUS section")
	}
	for _, code := range []string{`\fB0\fP`, `\fB1\fP`, `\fB2\fP`, `\fB3\fP`, `\fB4\fP`, `\fB70\fP`, "129, 130, 131, 141, 143"} {
		if !strings.Contains(man[exit[0]:], code) {
			t.Errorf("man page EXIT STATUS lacks %s", code)
		}
	}
	// Every example line of a command's help is in a fenced block.
	inFence := map[string]bool{}
	fenced := false
	for _, l := range strings.Split(md, "\n") {
		if l == "```" {
			fenced = !fenced
		} else if fenced {
			inFence[l] = true
		}
	}
	examples := 0
	for _, c := range app.VisibleCommands() {
		_, ex := splitExamples(c.Description)
		if c.Name != "help" && len(ex) == 0 {
			t.Errorf("%s has no examples", c.Name)
		}
		for _, e := range ex {
			examples++
			if !inFence[e] {
				t.Errorf("reference.md: example %q of %s is not in a code block", e, c.Name)
			}
		}
	}
	if examples < 20 || strings.Contains(md, "Examples:\n  docket") {
		t.Errorf("reference.md examples: %d found, or some outside a code block", examples)
	}
}

// TestEveryCommandListsHelp: urfave/cli left --help out of the options of
// the commands whose flags have categories.
func TestEveryCommandListsHelp(t *testing.T) {
	app := newApp(&streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard, getenv: func(string) string { return "" }})
	for _, c := range app.Commands {
		out, _, code := run(t, "", c.Name, "--help")
		if _, opts, _ := strings.Cut(out, "OPTIONS:"); code != 0 || !strings.Contains(opts, "--help, -h") {
			t.Errorf("docket %s --help: exit %d, no --help, -h among its options:\n%s", c.Name, code, out)
		}
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	var errb bytes.Buffer
	s := &streams{err: &errb, errTTY: true}
	p := newProgress(s, false)
	p.start = time.Now().Add(-2 * time.Second) // a read already over a second long
	p.reading("big.csv")(4000)
	p.done()
	if got := errb.String(); got != "\r\x1b[Kdocket: reading big.csv: 4000 rows\r\x1b[K" {
		t.Errorf("terminal progress = %q", got)
	}
	errb.Reset()
	for _, s := range []*streams{{err: &errb}, {err: &errb, errTTY: true}} {
		p := newProgress(s, s.errTTY) // a pipe, or --quiet
		if f := p.reading("big.csv"); f != nil {
			f(4000)
		}
		p.done()
	}
	if errb.Len() != 0 {
		t.Errorf("progress drawn in a pipe or with --quiet: %q", errb.String())
	}
}

// TestNoColourInPipes: a report into a pipe has no escape codes, and a
// format typo gets a suggestion.
func TestNoColourInPipes(t *testing.T) {
	out, _, _ := run(t, "", "validate", faults)
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour in a pipe: %q", out[:200])
	}
	if _, errs, code := run(t, "", "convert", sample, "-", "--to", "jsn"); code != 2 || !strings.Contains(errs, `did you mean "json"?`) {
		t.Errorf("format typo: %d %q", code, errs)
	}
}

func TestReportCommand(t *testing.T) {
	out, errs, code := run(t, "", "report", sample, "--format", "json", "--now", "2023-10-12")
	var r struct {
		Sessions struct {
			Total int            `json:"total"`
			ByDay map[string]int `json:"by_day"`
		} `json:"sessions"`
		Speakers struct {
			Unique        int            `json:"unique"`
			ByStakeholder map[string]int `json:"by_stakeholder"`
		} `json:"speakers"`
		SDGs            map[string]any `json:"sdgs"`
		Rooms           map[string]any `json:"rooms"`
		MissingOutcomes []string       `json:"missing_outcomes"`
	}
	if code != 0 || errs != "" || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("exit %d %q\n%.300s", code, errs, out)
	}
	if r.Sessions.Total != 48 || r.Sessions.ByDay["2023-10-11"] != 22 || r.Speakers.Unique != 158 || len(r.Rooms) != 7 || r.SDGs["uncovered_goals"] == nil {
		t.Errorf("report: %+v", r)
	}
	for _, f := range []string{"text", "markdown"} {
		out, _, code := run(t, "", "report", sample, "--format", f)
		if code != 0 || !strings.Contains(out, "158 people") {
			t.Errorf("%s report: exit %d\n%.300s", f, code, out)
		}
	}
}

// TestNamedPipeInput: a pipe given as a file (mkfifo, or bash's
// <(curl ...)) gives its bytes once; it is read as a stream, not opened
// again after its head was sniffed (which lost the first bytes).
func TestNamedPipeInput(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	// Every command that reads a programme opens it through one path; a
	// command that opened a pipe twice lost its first bytes ("no header
	// row found") or waited forever.
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"convert", "", "-", "--to", "json"}, `"MAIN-1"`},
		{[]string{"validate", ""}, "48 sessions"},
		{[]string{"table", ""}, "MAIN-1"},
		{[]string{"export", "", "--format", "ics"}, "BEGIN:VEVENT"},
		{[]string{"report", ""}, "48 sessions"},
		{[]string{"columns", ""}, "→ title"},
	}
	for _, c := range cases {
		args := c.args
		fifo := filepath.Join(t.TempDir(), "sessions")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		go func() {
			if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
				f.Write(data)
				f.Close()
			}
		}()
		args[1] = fifo
		type result struct {
			out, errs string
			code      int
		}
		done := make(chan result, 1)
		go func() {
			var out, errb bytes.Buffer
			code := Main(append([]string{"docket"}, args...), strings.NewReader(""), &out, &errb)
			done <- result{out.String(), errb.String(), code}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(20 * time.Second):
			// Opening the pipe a second time waits for a writer forever.
			t.Fatalf("docket %s is stuck on the pipe", strings.Join(args, " "))
		}
		out, errs, code := r.out, r.errs, r.code
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("docket %s: exit %d, stderr %q, stdout %.200q", strings.Join(args, " "), code, errs, out)
		}
	}
}

// TestNoOutputOverwritesAnInput: every command that reads a programme and
// writes a file refuses an output that is one of its inputs, before
// reading it; report used to replace the programme with its summary.
func TestNoOutputOverwritesAnInput(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "sample.csv")
	for _, args := range [][]string{
		{"convert", in, in},
		{"convert", in, dir + "/./sample.csv", "--to", "csv"},
		{"export", in, "--format", "csv", "-o", in},
		{"report", in, "-o", in},
		{"report", in, "--format", "json", "-o", in},
		{"validate", in, "-o", in},
		{"validate", in, "--format", "json", "-o", dir + "/../" + filepath.Base(dir) + "/sample.csv"},
	} {
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, errs, code := run(t, "", args...)
		got, _ := os.ReadFile(in)
		if code != exitUsage || !strings.Contains(errs, "refusing to overwrite the input") || !bytes.Equal(got, data) {
			t.Errorf("docket %s: exit %d, stderr %q, input kept: %v", strings.Join(args, " "), code, errs, bytes.Equal(got, data))
		}
	}
}

// TestSettingsWordedAsFlags: the readers name a setting by its key
// (limits.max-columns); the command line says the flag that sets it.
func TestSettingsWordedAsFlags(t *testing.T) {
	_, errs, code := run(t, "", "table", sample, "--max-columns", "5")
	if code != exitInput || !strings.Contains(errs, "(raise it with --max-columns if the file is genuine)") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	s := &streams{}
	for in, want := range map[string]string{
		"the limit of 10 columns (raise it with limits.max-columns if the file is genuine)": "the limit of 10 columns (raise it with --max-columns if the file is genuine)",
		"if they are month first, use input.date-order mdy":                                 "if they are month first, use --date-order mdy",
		"name who moderates, or set rules.no-moderator to off":                              "name who moderates, or --ignore no-moderator",
		"use output.format; valid formats: csv":                                             "use --format; valid formats: csv",
		"a title with a dot. in it":                                                         "a title with a dot. in it",
	} {
		if got := s.word(in); got != want {
			t.Errorf("word(%q) = %q, want %q", in, got, want)
		}
	}
	s.formatFlag = "--to"
	if got := s.word("use output.format"); got != "use --to" {
		t.Errorf("convert words output.format as %q", got)
	}
}

// TestOwnFeedReadsBack: docket's schedule-json export read back was an
// empty programme with exit 0, then refused; every reading command reads
// it now, and validate finds the sample as clean as its CSV.
func TestOwnFeedReadsBack(t *testing.T) {
	feed := filepath.Join(t.TempDir(), "feed.json")
	if _, errs, code := run(t, "", "export", sample, "--format", "schedule-json", "-o", feed); code != 0 {
		t.Fatalf("export: exit %d, %s", code, errs)
	}
	for _, cmd := range []string{"table", "report", "columns"} {
		if out, errs, code := run(t, "", cmd, feed); code != 0 || out == "" {
			t.Errorf("docket %s feed.json: exit %d, stdout %q, stderr %q", cmd, code, out, errs)
		}
	}
	if out, errs, code := run(t, "", "validate", feed); code != 0 || out != "0 errors, 0 warnings in 48 sessions\n" {
		t.Errorf("docket validate feed.json: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestEmptyProgrammeIsSeen: a file with a header and no sessions passed
// validate silently; it is a warning, and an error with --strict.
func TestEmptyProgrammeIsSeen(t *testing.T) {
	path := writeFile(t, t.TempDir(), "header-only.csv", "id,title,start,room\n")
	out, _, code := run(t, "", "validate", path)
	if code != 0 || !strings.Contains(out, "header-only.csv:1: warning: the programme has no sessions") {
		t.Errorf("exit %d, %q", code, out)
	}
	out, _, code = run(t, "", "validate", path, "--strict", "--format", "json")
	if code != exitFindings || !strings.Contains(out, `"rule": "no-sessions"`) {
		t.Errorf("--strict: exit %d, %q", code, out)
	}
	if out, _, code = run(t, "", "validate", sample); code != 0 || strings.Contains(out, "no-sessions") {
		t.Errorf("sample: exit %d", code)
	}
}

// TestMissingColumnToldOnce: a required field that no column gives is one
// finding at the header, naming the columns docket did not recognise and
// the mapping line, not an error on every row.
func TestMissingColumnToldOnce(t *testing.T) {
	path := writeFile(t, t.TempDir(), "slot.csv", "title,Slot,room\nOpening,early morning,Main\nKeynote,around noon,Main\nLunch,late evening,Main\n")
	out, _, code := run(t, "", "validate", path, "--tz", "UTC", "--format", "json")
	var rep struct {
		Findings []struct {
			Rule, Message, Hint string
			Row                 int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// The file has no ids either: they are made from the titles.
	if code != exitFindings || len(rep.Findings) != 1 {
		t.Fatalf("exit %d, findings %+v", code, rep.Findings)
	}
	f := rep.Findings[0]
	if f.Row != 1 || f.Message != `no column is read as the start, so 3 sessions have none; columns docket did not recognise: "Slot"` ||
		f.Hint != `if "Slot" holds it, map it with the line "Slot: start" in a mapping file (--map)` {
		t.Errorf("finding %+v", f)
	}
	// Mapped, the file is read in full.
	mapping := writeFile(t, t.TempDir(), "map.txt", "Slot: start\n")
	out, _, _ = run(t, "", "validate", path, "--tz", "UTC", "--map", mapping)
	if strings.Contains(out, "no column is read as the start") {
		t.Errorf("with --map: %s", out)
	}
}

// TestTechProgrammeValidatesClean: a clean programme of a tech conference,
// in the shape Sched exports (name lists, Keynote and Break types, no
// moderators), gets no IGF warning; --profile igf asks for them.
func TestTechProgrammeValidatesClean(t *testing.T) {
	path := writeFile(t, t.TempDir(), "sched.csv", "event_key,name,event_start,event_end,event_type,venue,speakers\n"+
		"k1,Opening Keynote,2019-05-03 09:00,2019-05-03 10:00,Keynote,Main Hall,\"Sarah Elkins, Michael Cieslak\"\n"+
		"k2,Coffee,2019-05-03 10:00,2019-05-03 10:30,Break,Main Hall,\n"+
		"k3,Panel,2019-05-03 10:30,2019-05-03 11:30,Panel,Main Hall,Phil Porada & Sarah Elkins\n")
	out, errs, code := run(t, "", "validate", path, "--tz", "America/Detroit")
	if code != 0 || !strings.Contains(out, "0 errors, 0 warnings in 3 sessions") || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	out, _, _ = run(t, "", "validate", path, "--tz", "America/Detroit", "--profile", "igf")
	if !strings.Contains(out, "[unknown-type]") || !strings.Contains(out, "[no-moderator]") {
		t.Errorf("--profile igf: %s", out)
	}
	if _, errs, code = run(t, "", "validate", path, "--profile", "ifg"); code != exitUsage || !strings.Contains(errs, `did you mean "igf"`) {
		t.Errorf("bad profile: %d %q", code, errs)
	}
}

// TestColumnsInferredFromContent: a column no alias names is read from its
// content when the field it holds has no column, and columns --verbose
// says so with the reason; --suggest writes the mapping to edit.
func TestColumnsInferredFromContent(t *testing.T) {
	path := writeFile(t, t.TempDir(), "kickoff.csv", "Handle,title,Kickoff,Takes,Who,room,track\n"+
		"K1,Opening,2026-05-04 09:00,1:00,Bo Chen,Main,Core\nK2,Keynote,2026-05-04 10:00,0:45,Priya Raman & Ana Lima,Main,Core\nK3,Lunch,2026-05-04 12:00,1:00,,Main,\n")
	out, errs, code := run(t, "", "columns", path, "--verbose", "--tz", "UTC")
	for _, want := range []string{
		"column A (Handle) is read as id: content: 3 of 3 cells are short codes",
		"column C (Kickoff) is read as start: content: 3 of 3 cells are date-times",
		"column D (Takes) is read as duration: content: 3 of 3 cells are lengths",
		"column E (Who) is read as speakers: content: 2 of 2 cells are names",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("columns --verbose lacks %q:\n%s", want, errs)
		}
	}
	if code != 0 || !strings.Contains(out, "C  Kickoff  → start") {
		t.Errorf("exit %d, %s", code, out)
	}
	out, _, code = run(t, "", "validate", path, "--tz", "UTC")
	if code != 0 || !strings.Contains(out, "0 errors") {
		t.Errorf("validate: exit %d, %s", code, out)
	}
	out, _, code = run(t, "", "columns", path, "--suggest", "--tz", "UTC")
	if code != 0 || !strings.Contains(out, "Kickoff: start") || !strings.Contains(out, "title: title") {
		t.Errorf("--suggest: exit %d, %s", code, out)
	}
	// What it writes reads the file the same way.
	mapping := writeFile(t, t.TempDir(), "map.txt", out)
	if _, errs, code = run(t, "", "columns", path, "--map", mapping, "--tz", "UTC"); code != 0 {
		t.Errorf("--map of the suggestion: exit %d, %s", code, errs)
	}
}

// TestSettingsFile: docket.toml next to the programme (or above it, up to
// the repository's root) sets what flags would; flags win; a typo in a
// key is an error, not a setting silently ignored.
func TestSettingsFile(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	dir := filepath.Join(root, "programme")
	os.Mkdir(dir, 0o755)
	writeFile(t, root, "docket.toml", `[event]
title = "Camp 2026"
timezone = "Europe/Berlin"
days = "2026-08-01..2026-08-03"
profile = "generic"

[columns]
"Bühne" = "room"

[rules]
no-sessions = "error"
ambiguous-date = "off"
`)
	path := writeFile(t, dir, "talks.csv", "title,day,start,end,Bühne\nOpening,Day 1,10:00,11:00,Zelt\nClosing,Day 3,16:00,17:00,Zelt\n")
	out, errs, code := run(t, "", "table", path, "--verbose")
	if code != 0 || !strings.Contains(errs, "settings from "+filepath.Join(root, "docket.toml")) ||
		!strings.Contains(out, "Saturday 1 August 2026 - Europe/Berlin") || !strings.Contains(out, "Zelt") {
		t.Errorf("table: exit %d\n%s\n%s", code, out, errs)
	}
	out, _, _ = run(t, "", "export", path, "--format", "ics")
	if !strings.Contains(out, "X-WR-CALNAME:Camp 2026") {
		t.Errorf("export title: %.400s", out)
	}
	// Flags win over the file.
	out, _, _ = run(t, "", "table", path, "--tz", "Asia/Tokyo")
	if !strings.Contains(out, "Asia/Tokyo") {
		t.Errorf("--tz: %.200s", out)
	}
	// [rules]: no-sessions raised to error.
	empty := writeFile(t, dir, "empty.csv", "title,day,start,end\n")
	if _, _, code = run(t, "", "validate", empty); code != exitFindings {
		t.Errorf("rules.no-sessions = error: exit %d", code)
	}
	// A typo is refused with its key.
	bad := writeFile(t, t.TempDir(), "bad.toml", "[event]\ntimezon = \"UTC\"\n")
	_, errs, code = run(t, "", "table", path, "--config", bad)
	if code != exitUsage || !strings.Contains(errs, "unknown setting event.timezon") {
		t.Errorf("typo: exit %d %q", code, errs)
	}
	bad = writeFile(t, t.TempDir(), "bad.toml", "[rules]\nno-moderater = \"off\"\n")
	if _, errs, code = run(t, "", "table", path, "--config", bad); code != exitUsage || !strings.Contains(errs, `did you mean "no-moderator"`) {
		t.Errorf("rule typo: exit %d %q", code, errs)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "512K": 512 << 10, "4M": 4 << 20, "2G": 2 << 30, "4MiB": 4 << 20, "17179869184G": -1, "17179869185G": -1, "0": -1, "x": -1} {
		got, err := parseSize(in)
		if want < 0 && err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
		if want >= 0 && (err != nil || got != want) {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// TestNoControlSequencesReachTheTerminal: an escape sequence in a cell
// (OSC setting the window title, SGR colours) is shown, not acted on, by
// table, validate, report and columns.
func TestNoControlSequencesReachTheTerminal(t *testing.T) {
	path := writeFile(t, t.TempDir(), "evil.csv", "id,title,date,start,end,room,\"Notes\x1b]0;x\x07\"\n"+
		"X1,\"Evil \x1b]0;pwned\x07 title\",2026-08-01,10:00,11:00,\"Room \x1b[31mred\u202e\",n\n")
	for _, args := range [][]string{{"table", path}, {"table", path, "--view", "grid"}, {"validate", path}, {"report", path}, {"columns", path}} {
		out, errs, _ := run(t, "", append(args, "--tz", "UTC")...)
		for _, stream := range []string{out, errs} {
			if strings.ContainsAny(stream, "\x1b\x07\u202e") {
				t.Errorf("docket %s lets a control character through: %q", strings.Join(args, " "), stream)
			}
		}
	}
}

// TestUnknownFlag pins how an undefined flag is named (as typed, with its
// dashes) and what it is taken to mean.
func TestUnknownFlag(t *testing.T) {
	names := []string{"tz", "sheet", "date-order", "verbose", "day", "room", "view"}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"d", []string{"docket", "table", "-d", "2023-10-11", "--", "x.csv"}, "unknown flag -d: did you mean --day or --date-order?"},
		{"d", []string{"docket", "table", "--d=2023-10-11"}, "unknown flag --d: did you mean --day or --date-order?"},
		{"dya", []string{"docket", "table", "--dya", "2023-10-11"}, "unknown flag --dya: did you mean --day?"},
		{"dya", []string{"docket", "table", "-dya", "2023-10-11"}, "unknown flag -dya: did you mean --day?"},
		{"v", []string{"docket", "table", "-v"}, "unknown flag -v: did you mean --view or --verbose?"},
		{"x", []string{"docket", "table", "-x"}, "unknown flag -x"},
		{"zzzzz", nil, "unknown flag --zzzzz"},
		// A file named like the flag, after --, is not the flag.
		{"q", []string{"docket", "table", "--", "-q"}, "unknown flag --q"},
	}
	for _, c := range cases {
		if got := unknownFlag(c.name, c.args, names); got != c.want {
			t.Errorf("unknownFlag(%q, %q) = %q, want %q", c.name, c.args, got, c.want)
		}
	}
}

// TestPipesGetPlainASCII: in a pipe the report and the grid draw with
// ASCII only (+-|, # bars, ".." for a session continued), whatever the
// data's own text holds.
func TestPipesGetPlainASCII(t *testing.T) {
	for _, args := range [][]string{{"report", sample}, {"table", sample}, {"table", sample, "--view", "grid"}} {
		out, _, code := run(t, "", args...)
		if code != 0 {
			t.Fatalf("docket %s: exit %d", strings.Join(args, " "), code)
		}
		if strings.ContainsAny(out, "█─│┌┼└↓·") {
			t.Errorf("docket %s | cat draws outside ASCII:\n%s", strings.Join(args, " "), out)
		}
	}
	out, _, _ := run(t, "", "report", sample)
	if !regexp.MustCompile(`\| Workshop +\| +14 \| +29% \| ###### +\|`).MatchString(out) {
		t.Errorf("report bars are not # in a pipe:\n%s", out)
	}
}

// TestGridTerminalWidth: the grid fits COLUMNS, splitting the rooms over
// grids; narrower than one room, it is refused (exit 2), with nothing on
// stdout rather than a table wider than the terminal.
func TestGridTerminalWidth(t *testing.T) {
	grid := func(columns string) (string, string, int) {
		t.Setenv("COLUMNS", columns)
		var out, errb bytes.Buffer
		code := Main([]string{"docket", "table", sample, "--view", "grid"}, strings.NewReader(""), &out, &errb)
		return out.String(), errb.String(), code
	}
	for _, columns := range []int{20, 40, 80, 120} {
		out, errs, code := grid(strconv.Itoa(columns))
		if code != 0 || errs != "" {
			t.Errorf("COLUMNS=%d: exit %d, stderr %s", columns, code, errs)
		}
		for _, l := range strings.Split(out, "\n") {
			if utf8.RuneCountInString(l) > columns {
				t.Errorf("COLUMNS=%d: a line of %d: %s", columns, utf8.RuneCountInString(l), l)
				break
			}
		}
	}
	out, _, _ := grid("80")
	if !strings.Contains(out, "\nTuesday 10 October 2023, rooms 6-7 of 7: WS 5 – Room B-2, WS 7 – Room K\n+-") {
		t.Errorf("COLUMNS=80: no title for the second grid of Tuesday:\n%s", out)
	}
	out, errs, code := grid("19")
	if code != 2 || out != "" || !strings.Contains(errs, "--view grid needs a terminal at least 20 columns wide, not 19") {
		t.Errorf("COLUMNS=19: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestExportPDF: export writes a PDF from -o's extension or --format
// pdf, and --paper is for pdf alone and a4 or letter.
func TestExportPDF(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-o", filepath.Join(dir, "a.pdf")},
		{"--format", "pdf", "--paper", "letter", "-o", filepath.Join(dir, "b.pdf")},
	} {
		out, errs, code := run(t, "", append([]string{"export", sample}, args...)...)
		if code != 0 || out != "" {
			t.Fatalf("export %v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
		b, err := os.ReadFile(args[len(args)-1])
		if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("export %v wrote no PDF (%v)", args, err)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdf", "--paper", "a3", "-o", filepath.Join(dir, "c.pdf")}, `--paper: unknown paper "a3" (valid: a4, letter)`},
		{[]string{"--format", "ics", "--paper", "a4", "-o", filepath.Join(dir, "c.ics")}, "--paper is only for --format pdf"},
	} {
		_, errs, code := run(t, "", append([]string{"export", sample}, c.args...)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("export %s: exit %d %q, want 2 and %q", strings.Join(c.args, " "), code, errs, c.want)
		}
	}
}
