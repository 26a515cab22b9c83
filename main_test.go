package main

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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
