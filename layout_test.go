package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/docket-forum/docket"

// testkit holds the helpers the tests under formats/ share.
const testkit = module + "/formats/internal/testkit"

// TestLayout holds the house's shape: imports point one way (commands →
// formats → internal), the renderers and engines under formats/ never
// import formats, only commands knows urfave/cli, and the domain (formats/
// and internal/) names settings (limits.max-columns), never flags.
// And formats/internal/testkit, the tests' helpers, is imported only by
// tests.
func TestLayout(t *testing.T) {
	flag := regexp.MustCompile(`(^|[\s(])--[a-z][a-z-]+`)
	fset := token.NewFileSet()
	seen := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		seen++
		dir := filepath.ToSlash(filepath.Dir(path))
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case p == "github.com/urfave/cli/v2" && dir != "commands":
				t.Errorf("%s imports urfave/cli: only commands/ may", path)
			case p == module+"/commands" && dir != ".":
				t.Errorf("%s imports commands: only main.go may", path)
			case p == module+"/formats" && (strings.HasPrefix(dir, "formats/") || strings.HasPrefix(dir, "internal")):
				t.Errorf("%s imports formats: the packages under formats/ and internal/ never do", path)
			case strings.HasPrefix(p, module+"/formats") && strings.HasPrefix(dir, "internal"):
				t.Errorf("%s imports %s: internal/ holds the domain and knows no format", path, p)
			case p == testkit:
				t.Errorf("%s imports testkit: only tests may", path)
			}
		}
		if dir != "formats" && !strings.HasPrefix(dir, "formats/") && !strings.HasPrefix(dir, "internal/") {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && flag.MatchString(lit.Value) {
				t.Errorf("%s: %s names a flag: the domain names the setting (limits.max-columns), the command line words it", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Fatalf("looked at %d files: the walk no longer sees the code", seen)
	}
}
