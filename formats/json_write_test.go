package formats

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzJSONString checks the hand-written string encoder against
// encoding/json (without HTML escaping) on any input.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\x00\x1f\x7f", "é – “x” 日本", "\u2028\u2029", "bad \xff utf8", "<script>&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := appendJSONString(nil, s)
		if string(got) != string(bytes.TrimRight(want.Bytes(), "\n")) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json gives %s", s, got, want.Bytes())
		}
	})
}

func TestJSONIsValid(t *testing.T) {
	p := readFile(t, sampleCSV, ReadOptions{})
	for _, name := range []string{"json", "ndjson"} {
		out := render(t, name, p)
		dec := json.NewDecoder(bytes.NewReader([]byte(out)))
		n := 0
		for dec.More() {
			var v map[string]any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("%s: invalid JSON: %v", name, err)
			}
			n++
		}
		if (name == "json" && n != 1) || (name == "ndjson" && n != len(p.Sessions)) {
			t.Errorf("%s: %d values", name, n)
		}
	}
}
