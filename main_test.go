package main

import (
	"flag"
	"os"
	"path/filepath"
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
