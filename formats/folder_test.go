package formats

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWriteFolder: a folder of pages is replaced whole or left as it
// was; one that holds other files is refused and left alone.
func TestWriteFolder(t *testing.T) {
	list := func(dir string) []string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	put := func(names ...string) func(string) error {
		return func(tmp string) error {
			for _, n := range names {
				if err := os.WriteFile(filepath.Join(tmp, n), []byte(n), 0o644); err != nil {
					return err
				}
			}
			return nil
		}
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "pages")
	if err := WriteFolder(dir, isPageFile, put("a.md", "b.md", "c.md")); err != nil {
		t.Fatal(err)
	}
	// A filtered re-export: the pages not written again are gone.
	if err := WriteFolder(dir, isPageFile, put("b.md")); err != nil {
		t.Fatal(err)
	}
	if got := list(dir); !slices.Equal(got, []string{"b.md"}) {
		t.Errorf("after the re-export: %v, want [b.md]", got)
	}
	// A failure half-way (a full disk) leaves the old set.
	full := errors.New("no space left on device")
	err := WriteFolder(dir, isPageFile, func(tmp string) error {
		put("x.md")(tmp)
		return full
	})
	if !errors.Is(err, full) {
		t.Errorf("err = %v", err)
	}
	if got := list(dir); !slices.Equal(got, []string{"b.md"}) {
		t.Errorf("after a failure: %v, want [b.md]", got)
	}
	if got := list(parent); !slices.Equal(got, []string{"pages"}) {
		t.Errorf("left beside the folder: %v", got)
	}
	// A folder with a file docket did not write is refused, untouched.
	os.WriteFile(filepath.Join(dir, "style.css"), []byte("x"), 0o644)
	err = WriteFolder(dir, isPageFile, put("z.md"))
	if err == nil || !strings.Contains(err.Error(), "it holds style.css, which docket did not write") {
		t.Errorf("err = %v", err)
	}
	if got := list(dir); !slices.Equal(got, []string{"b.md", "style.css"}) {
		t.Errorf("refused folder changed: %v", got)
	}
	// A link to a folder: the folder it points to is replaced, the link kept.
	real := filepath.Join(parent, "real")
	link := filepath.Join(parent, "link")
	os.Mkdir(real, 0o755)
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	if err := WriteFolder(link, isPageFile, put("l.md")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st, err)
	}
	if got := list(real); !slices.Equal(got, []string{"l.md"}) {
		t.Errorf("through the link: %v", got)
	}
}
