package validate

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// emitters are the packages whose code emits findings: the model's
// builder (problems found while reading), the checks, and the readers.
var emitters = []string{"../schedule", ".", "../../formats"}

// TestEveryRuleIsCatalogued: every rule name a reader or a check can
// emit is a constant of package schedule, and every constant is in the
// catalogue docket rules lists (and --ignore accepts); no rule is named by
// a bare string where a finding is made.
func TestEveryRuleIsCatalogued(t *testing.T) {
	consts := map[string]string{} // name -> value
	emitted := map[string]bool{}  // constants used where findings are made
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)+$`)
	for _, dir := range emitters {
		fset := token.NewFileSet()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ValueSpec:
					for i, id := range n.Names {
						if strings.HasPrefix(id.Name, "Rule") && i < len(n.Values) {
							if lit, ok := n.Values[i].(*ast.BasicLit); ok {
								consts[id.Name], _ = strconv.Unquote(lit.Value)
							}
						}
					}
				case *ast.CallExpr:
					// b.problem(s, RULE, ...), c.at(s, RULE, ...), c.atRef,
					// c.atPerson(s, f, p, col, RULE, ...), c.unknown(s, RULE, ...)
					sel, ok := n.Fun.(*ast.SelectorExpr)
					if !ok {
						return true
					}
					pos := map[string]int{"problem": 1, "at": 1, "atRef": 1, "unknown": 1, "atPerson": 4}[sel.Sel.Name]
					if pos == 0 || len(n.Args) <= pos {
						return true
					}
					check(t, fset, n.Args[pos], kebab, emitted)
				case *ast.KeyValueExpr:
					if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Rule" {
						check(t, fset, n.Value, kebab, emitted)
					}
				}
				return true
			})
		}
	}
	if len(consts) < 20 || len(emitted) < 15 {
		t.Fatalf("found %d rule constants and %d emitted; the test no longer sees the code", len(consts), len(emitted))
	}
	catalogued := map[string]bool{}
	for _, r := range Rules {
		catalogued[r.Name] = true
	}
	for name, value := range consts {
		if !catalogued[value] {
			t.Errorf("rule %s (%q) is not in the catalogue (rules.go)", name, value)
		}
	}
	for name := range emitted {
		if _, ok := consts[name]; !ok {
			t.Errorf("%s is emitted as a rule but is not a Rule constant of package schedule", name)
		}
	}
	if len(consts) != len(Rules) {
		t.Errorf("%d rule constants, %d rules in the catalogue", len(consts), len(Rules))
	}
}

// check records the rule constant of an emitting expression, and fails a
// rule written as a bare string.
func check(t *testing.T, fset *token.FileSet, e ast.Expr, kebab *regexp.Regexp, emitted map[string]bool) {
	t.Helper()
	switch e := e.(type) {
	case *ast.BasicLit:
		if v, err := strconv.Unquote(e.Value); err == nil && kebab.MatchString(v) {
			t.Errorf("%s: rule %q is a bare string: use its constant in package schedule", fset.Position(e.Pos()), v)
		}
	case *ast.SelectorExpr:
		if strings.HasPrefix(e.Sel.Name, "Rule") {
			emitted[e.Sel.Name] = true
		}
	case *ast.Ident:
		if strings.HasPrefix(e.Name, "Rule") {
			emitted[e.Name] = true
		}
	}
}
