package formats

import (
	"strings"
	"testing"
)

// TestJSONGuard: each limit stops a JSON input at the byte that passes
// it, before the decoder keeps the value; what stays within reads.
func TestJSONGuard(t *testing.T) {
	l := Limits{CellBytes: 10, Columns: 3}
	for _, c := range []struct {
		name, in, want string
		lines          bool
	}{
		{"a string past the cell limit", `{"sessions":[{"id":"A","title":"12345678901"}]}`, "byte 43: the cell is larger than the limit of 10 bytes", false},
		{"escapes count once each", `{"sessions":[{"id":"A","title":"\"\"\"\"\""}]}`, "", false},
		{"a key past the cell limit", `{"sessions":[{"id":"A","abcdefghijkl":1}]}`, "the cell is larger", false},
		{"keys past the column limit", `{"sessions":[{"id":"A","title":"T","room":"R","url":"u"}]}`, "byte 52: the number of keys or items is larger than the limit of 3 columns", false},
		{"items of a session's array", `{"sessions":[{"id":"A","tags":["a","b","c","d"]}]}`, "the number of keys or items is larger", false},
		{"as many sessions as the file holds", `{"sessions":[{"id":"A"},{"id":"B"},{"id":"C"},{"id":"D"},{"id":"E"}]}`, "", false},
		{"NDJSON lines", "{\"id\":\"A\"}\n{\"id\":\"B\"}\n{\"id\":\"C\"}\n{\"id\":\"D\"}\n", "", true},
		{"NDJSON keys", `{"id":"A","title":"T","room":"R","url":"u"}`, "the number of keys or items is larger", true},
		{"nesting", `{"sessions":[{"id":"A","extra":` + strings.Repeat("[", 70), "nests deeper than 64 levels", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.lines {
				_, err = readNDJSON(Input{Name: "x.ndjson", R: strings.NewReader(c.in)}, ReadOptions{Limits: l})
			} else {
				_, err = readDocketJSON(Input{Name: "x.json", R: strings.NewReader(c.in)}, ReadOptions{Limits: l})
			}
			switch {
			case c.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
	// The session's text: RowBytes between a session's start or end and
	// the next, whitespace included.
	pad := `{"sessions":[{"id":"A",` + strings.Repeat(" ", (Limits{}).WithDefaults().RowBytes()+1) + `"title":"T"}]}`
	_, err := readDocketJSON(Input{Name: "x.json", R: strings.NewReader(pad)}, ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "the session's text is larger") {
		t.Errorf("padding: %v", err)
	}
}

// TestJSONTrailingData: docket's JSON is one document; a second after it
// was read as nothing, silently.
func TestJSONTrailingData(t *testing.T) {
	_, err := readDocketJSON(Input{Name: "x.json", R: strings.NewReader(`{"programme":{},"sessions":[]}` + "\n" + `{"sessions":[{"id":"A"}]}`)}, ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "there is more after the programme's closing }") {
		t.Errorf("err = %v", err)
	}
	if _, err := readDocketJSON(Input{Name: "x.json", R: strings.NewReader(`{"programme":{},"sessions":[]}` + "\n\n")}, ReadOptions{}); err != nil {
		t.Errorf("trailing white space: %v", err)
	}
}
