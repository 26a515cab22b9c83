package testkit

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// update is the one -update flag of every test binary that imports
// testkit: a flag can be defined only once, so the packages define none of
// their own.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Golden compares got with the golden file at path (relative to the
// package's directory, as a test runs), or rewrites the file when the
// test runs with -update. A missing file or different bytes fail the test,
// saying how to rewrite it.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s -update to create it)", err, packageDir())
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file:\n%s\n(run go test %s -update if the change is intended, and review the diff)", path, FirstDiff(string(want), string(got)), packageDir())
	}
}

// packageDir is the directory the test runs in, as go test names it from
// the module's root (./formats/termtable), or "." where there is no
// go.mod above it.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

// FirstDiff shows the first line in which want and got differ.
func FirstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return "(same lines, different line ends)"
}
