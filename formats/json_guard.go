package formats

import (
	"fmt"
	"io"

	"github.com/docket-forum/docket/formats/internal/limits"
)

// jsonMaxDepth is how deeply a JSON input may nest: docket's JSON nests
// four levels (programme, sessions, a session, its persons), and a
// deeper document is no programme.
const jsonMaxDepth = 64

// jsonGuard applies the limits to JSON as its bytes pass to the decoder,
// which keeps a whole value in memory before it decodes it: a string
// past the cell limit, an object with more keys (or an array inside a
// session with more items) than the column limit, nesting deeper than
// jsonMaxDepth, or more than RowBytes between one session's start or end
// and the next, stop the reading before the decoder holds the bytes.
type jsonGuard struct {
	r      io.Reader
	l      limits.Limits
	row    int // the depth at which sessions are objects: 3 in docket's JSON, 1 in NDJSON
	offset int64

	depth   int
	open    [jsonMaxDepth + 1]byte // '{' or '[' by depth
	members [jsonMaxDepth + 1]int  // keys or items so far, by depth
	inStr   bool
	escape  bool
	strLen  int // bytes of the string so far, an escape counted as one
	run     int // bytes since a session last opened or closed
	err     error
}

func newJSONGuard(r io.Reader, l limits.Limits, rowDepth int) *jsonGuard {
	return &jsonGuard{r: r, l: l, row: rowDepth}
}

// jsonGuardError is a stop of the guard: the decoder reads ahead, so the
// session being decoded may not be the one at fault; the byte offset is.
type jsonGuardError struct{ err error }

func (e *jsonGuardError) Error() string { return e.err.Error() }
func (e *jsonGuardError) Unwrap() error { return e.err }

func (g *jsonGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	if n > 0 {
		if gerr := g.scan(p[:n]); gerr != nil {
			g.err = &jsonGuardError{gerr}
			return 0, g.err
		}
	}
	if err != nil && err != io.EOF {
		g.err = err // kept: the decoder's More takes a failed read for the end
	}
	return n, err
}

func (g *jsonGuard) where(i int) string {
	return fmt.Sprintf("byte %d", g.offset+int64(i)+1)
}

// scan follows the JSON's strings and containers through b. It trusts
// nothing about the input: malformed JSON is the decoder's to refuse.
func (g *jsonGuard) scan(b []byte) error {
	defer func() { g.offset += int64(len(b)) }()
	for i := 0; i < len(b); i++ {
		c := b[i]
		g.run++
		if g.run > g.l.RowBytes() {
			e := g.l.Row(g.where(i))
			e.What = "session's text"
			return e
		}
		if g.inStr {
			switch {
			case g.escape:
				g.escape = false
			case c == '\\':
				g.escape = true
				g.strLen++
			case c == '"':
				g.inStr = false
			default:
				g.strLen++
			}
			if g.strLen > g.l.CellBytes {
				return g.l.Cell(g.where(i), 0)
			}
			continue
		}
		switch c {
		case '"':
			g.inStr, g.strLen = true, 0
		case '{', '[':
			if g.depth >= jsonMaxDepth {
				return fmt.Errorf("%s: the JSON nests deeper than %d levels (docket's own nests 4): it is no programme", g.where(i), jsonMaxDepth)
			}
			g.depth++
			g.open[g.depth], g.members[g.depth] = c, 0
			if g.depth == g.row {
				g.run = 0
			}
		case '}', ']':
			if g.depth == g.row {
				g.run = 0
			}
			if g.depth > 0 {
				g.depth--
			}
		case ':':
			if g.depth > 0 && g.open[g.depth] == '{' {
				if err := g.member(i); err != nil {
					return err
				}
			}
		case ',':
			// An array's items after the first: one fewer than it has.
			if g.depth > 0 && g.open[g.depth] == '[' {
				if err := g.member(i); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// member counts a key of the object, or an item of an array inside a
// session, at the current depth.
func (g *jsonGuard) member(i int) error {
	if g.open[g.depth] == '[' && g.depth < g.row {
		return nil // the sessions themselves: as many as the file holds
	}
	g.members[g.depth]++
	if g.members[g.depth] > g.l.Columns || g.open[g.depth] == '[' && g.members[g.depth] >= g.l.Columns {
		e := g.l.TooManyColumns(g.where(i), 0)
		e.What = "number of keys or items"
		return e
	}
	return nil
}
