package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/docket-forum/docket/commands"
)

var update = flag.Bool("update", false, "rewrite the cmp targets in testdata/script")

// TestMain lets the scripts run docket as a real process: testscript
// re-executes this test binary under the name "docket".
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"docket": func() { os.Exit(commands.Main(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: end-to-end cases with real
// exit codes, stdout and stderr. The bundled sample programme is copied
// into each script's work folder.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("COLUMNS", "120")
			env.Setenv("TZ", "UTC")
			for _, name := range []string{"sample.csv", "sample.xlsx", "faults.csv"} {
				data, err := os.ReadFile(filepath.Join("testdata", name))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(env.WorkDir, name), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		// [icalendar]: Debian's python3-icalendar is there to read the
		// calendars (.ci/run installs it).
		Condition: func(cond string) (bool, error) {
			if cond != "icalendar" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			return exec.Command("/usr/bin/python3", "-c", "import icalendar").Run() == nil, nil
		},
	})
}

// TestREADMEExamples runs every "$ docket ..." example of the README and
// checks that its output is what the README shows, so the front door stays
// true. A "..." line in an example stands for lines left out.
func TestREADMEExamples(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("COLUMNS", "100")
	// The README shows what a terminal shows, without colour.
	t.Setenv("DOCKET_FORCE_TTY", "1")
	t.Setenv("NO_COLOR", "1")
	lines := strings.Split(string(data), "\n")
	found := 0
	for i := 0; i < len(lines); i++ {
		cmdline, ok := strings.CutPrefix(lines[i], "    $ docket ")
		if !ok || strings.Contains(cmdline, "|") {
			continue
		}
		var want []string
		for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "    ") && !strings.HasPrefix(lines[i+1], "    $ ") {
			i++
			want = append(want, strings.TrimPrefix(lines[i], "    "))
		}
		found++
		args := append([]string{"docket"}, splitArgs(cmdline)...)
		if len(want) == 0 || slices.Contains(args, "-o") {
			continue // an example that writes a file
		}
		var out, errb strings.Builder
		commands.Main(args, strings.NewReader(""), &out, &errb)
		got := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		// Every shown line appears, in order; "..." skips.
		j := 0
		for _, w := range want {
			if strings.TrimSpace(w) == "..." {
				continue
			}
			for j < len(got) && got[j] != w {
				if !slices.Contains(want, "...") && !slices.Contains(want, "    ...") {
					t.Errorf("README example %q: line %q, want %q", cmdline, got[j], w)
					break
				}
				j++
			}
			if j == len(got) {
				t.Errorf("README example %q: output lacks %q\n%s", cmdline, w, out.String())
				break
			}
			j++
		}
	}
	if found < 4 {
		t.Errorf("found %d README examples, expected one per command", found)
	}
}

// splitArgs splits a command line at spaces, keeping "quoted words" whole.
func splitArgs(s string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ' ' && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// TestInterruptedExportKeepsTheOldFile builds the real binary, interrupts
// a long export with SIGINT and with SIGKILL, and checks that the previous
// output is unchanged; after SIGINT no temporary file is left either.
func TestInterruptedExportKeepsTheOldFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and writes a large workbook")
	}
	dir, bin := buildDocket(t)
	// A programme large enough that writing it takes seconds.
	in := filepath.Join(dir, "big.csv")
	os.WriteFile(in, []byte(bigSample(t, 150, true)), 0o644)
	for _, sig := range []os.Signal{os.Interrupt, os.Kill} {
		out := filepath.Join(dir, "programme.xlsx")
		os.WriteFile(out, []byte("the previous export"), 0o644)
		cmd := exec.Command(bin, "convert", in, out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Interrupt once the temporary file exists: mid-write.
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if m, _ := filepath.Glob(filepath.Join(dir, ".programme.xlsx.tmp-*")); len(m) > 0 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
		cmd.Wait()
		if b, _ := os.ReadFile(out); string(b) != "the previous export" {
			t.Errorf("%v: the old output was replaced (%d bytes)", sig, len(b))
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".programme.xlsx.tmp-*"))
		if sig == os.Interrupt && len(left) > 0 {
			t.Errorf("SIGINT left %v behind", left)
		}
		for _, l := range left {
			os.Remove(l) // SIGKILL cannot be caught: the file is at least not in place
		}
	}
	// A folder of pages: interrupted, the old pages stay and the
	// temporary folder goes.
	pages := filepath.Join(dir, "pages")
	os.Mkdir(pages, 0o755)
	os.WriteFile(filepath.Join(pages, "old.md"), []byte("old"), 0o644)
	cmd := exec.Command(bin, "export", in, "--format", "page", "-o", pages)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, ".pages.tmp-*", "*")); len(m) > 0 {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	if left, _ := filepath.Glob(filepath.Join(dir, ".pages.*")); len(left) > 0 {
		t.Errorf("SIGINT left %v behind", left)
	}
	if entries, _ := os.ReadDir(pages); cmd.ProcessState.ExitCode() == 130 && (len(entries) != 1 || entries[0].Name() != "old.md") {
		t.Errorf("interrupted, the folder of pages changed: %v", entries)
	}
}

// TestBrokenPipeAndHangupLeaveNoSpool: `docket convert - - --to json <
// big.csv | head` keeps its sessions in a spool file until the end; a
// reader that goes away (EPIPE) or a hangup left it in the temp folder
// (821 MB once). Both now remove it and exit as the shell expects.
func TestBrokenPipeAndHangupLeaveNoSpool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir, bin := buildDocket(t)
	big := bigSample(t, 400, false)
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o755)
	for _, c := range []struct {
		name string
		stop func(cmd *exec.Cmd, out io.ReadCloser)
		code int
	}{
		{"broken pipe", func(_ *exec.Cmd, out io.ReadCloser) { out.Close() }, 141},
		{"hangup", func(cmd *exec.Cmd, _ io.ReadCloser) { cmd.Process.Signal(syscall.SIGHUP) }, 129},
		{"quit", func(cmd *exec.Cmd, _ io.ReadCloser) { cmd.Process.Signal(syscall.SIGQUIT) }, 131},
	} {
		cmd := exec.Command(bin, "convert", "-", "-", "--to", "json")
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
		cmd.Stdin = strings.NewReader(big)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Stop once the spool exists and output has begun.
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if m, _ := filepath.Glob(filepath.Join(tmp, "docket-spool-*")); len(m) > 0 {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		io.CopyN(io.Discard, out, 1)
		c.stop(cmd, out)
		cmd.Wait()
		if left, _ := filepath.Glob(filepath.Join(tmp, "docket-spool-*")); len(left) > 0 {
			t.Errorf("%s left %v", c.name, left)
		}
		if code := cmd.ProcessState.ExitCode(); code != c.code && code != 0 {
			t.Errorf("%s: exit %d, want %d", c.name, code, c.code)
		}
	}
}

// buildDocket builds the real binary into a temporary folder, for the
// tests that signal a process; it returns the folder and the binary.
func buildDocket(t *testing.T) (dir, bin string) {
	t.Helper()
	dir = t.TempDir()
	bin = filepath.Join(dir, "docket")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, bin
}

// bigSample is the sample programme's rows n times over, under its header;
// renumbered, Open Forum #168 gets a new id each time.
func bigSample(t *testing.T, n int, renumber bool) string {
	t.Helper()
	sample, err := os.ReadFile(filepath.Join("testdata", "sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(sample), "\n")
	var big strings.Builder
	big.WriteString(head + "\n")
	for i := range n {
		if renumber {
			big.WriteString(strings.ReplaceAll(body, "Open Forum #168", fmt.Sprintf("Open Forum #168-%d", i)))
		} else {
			big.WriteString(body)
		}
	}
	return big.String()
}

// TestFullDiskNamesTheOutput: an output that cannot be written whole (a
// file size limit stands in for a full disk) fails with exit 4 and names
// the output the user gave, never docket's hidden temporary file, and
// leaves nothing behind: no file, no temporary file, no half folder of
// pages, and an older output as it was.
func TestFullDiskNamesTheOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash for ulimit")
	}
	dir, bin := buildDocket(t)
	sample, _ := filepath.Abs(filepath.Join("testdata", "sample.csv"))
	old := filepath.Join(dir, "old")
	os.Mkdir(old, 0o755)
	os.WriteFile(filepath.Join(old, "kept.md"), []byte("old page"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"convert", sample, "out.json"}, "docket: writing out.json: file too large"},
		{[]string{"export", sample, "--format", "page", "-o", "pages/"}, "docket: writing pages/"},
		{[]string{"export", sample, "--format", "page", "-o", "old"}, "docket: writing old/"},
	} {
		work := t.TempDir()
		if c.args[len(c.args)-1] == "old" {
			work = dir
		}
		// ulimit -f counts blocks of 1,024 bytes: 2 KiB, less than the
		// JSON and than the longest page.
		cmd := exec.Command(bash, append([]string{"-c", `ulimit -f 2; exec "$0" "$@"`, bin}, c.args...)...)
		cmd.Dir = work
		var stderr strings.Builder
		cmd.Stderr = &stderr
		cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != 4 {
			t.Errorf("%v: exit %d, want 4; stderr: %s", c.args, code, stderr.String())
		}
		if !strings.HasPrefix(stderr.String(), c.want) || strings.Contains(stderr.String(), "tmp") {
			t.Errorf("%v: stderr %q, want it to start %q and name no temporary file", c.args, stderr.String(), c.want)
		}
		entries, _ := os.ReadDir(work)
		for _, e := range entries {
			if e.Name() != "old" && e.Name() != "docket" {
				t.Errorf("%v left %s", c.args, e.Name())
			}
		}
	}
	if got, err := os.ReadFile(filepath.Join(old, "kept.md")); err != nil || string(got) != "old page" {
		t.Errorf("the old folder of pages changed: %q %v", got, err)
	}
}
