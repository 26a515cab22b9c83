package diffview

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

func testReport() *Report {
	at := time.Date(2023, 10, 11, 9, 0, 0, 0, time.FixedZone("JST", 9*3600))
	o := &schedule.Session{ID: "WS1", Title: "Opening", Room: "Hall", Start: at, End: at.Add(time.Hour),
		Speakers: []schedule.Person{{Name: "Ana Lima", Role: "Chair", Email: "ana@example.org"}}}
	n := *o
	n.Title, n.Room = "[x](javascript:alert(1)) | # H", "Main\x1b[31m"
	n.Speakers = []schedule.Person{{Name: "Ana Lima", Role: "Chair", Email: "ana@example.org"}, {Name: "Ben Ode"}}
	return &Report{OldFile: "old.csv", NewFile: "new.csv", OldSessions: 1, NewSessions: 1, Changes: schedule.Diff([]*schedule.Session{o}, []*schedule.Session{&n})}
}

// TestMarkdownAndTextAreSafe: text from the data is escaped in Markdown
// (no link, table or heading) and shown visibly in a terminal.
func TestMarkdownAndTextAreSafe(t *testing.T) {
	r := testReport()
	var md, text bytes.Buffer
	if err := Write(&md, "markdown", r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), `\[x\](javascript:alert(1)) \| \# H`) || strings.Contains(md.String(), "\x1b") {
		t.Errorf("markdown:\n%s", md.String())
	}
	if err := Write(&text, "text", r, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "\x1b") || !strings.Contains(text.String(), `Main\x1b[31m`) {
		t.Errorf("text:\n%q", text.String())
	}
}

// TestJSONValuesAsTheCanonicalJSON: persons are the canonical JSON's
// person objects, times RFC 3339 with their offset.
func TestJSONValuesAsTheCanonicalJSON(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, "json", testReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Changes []struct {
			Change string
			Fields map[string]struct{ Old, New json.RawMessage }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	sp := doc.Changes[0].Fields["speakers"]
	want := `[{"name":"Ana Lima","role":"Chair","organization":"","stakeholder":"","region":"","participation":"","email":"ana@example.org"},{"name":"Ben Ode","role":"","organization":"","stakeholder":"","region":"","participation":"","email":""}]`
	if doc.Changes[0].Change != "moved" || compact(sp.New) != want {
		t.Errorf("change %s, speakers new %s", doc.Changes[0].Change, compact(sp.New))
	}
}

func compact(b []byte) string {
	var c bytes.Buffer
	json.Compact(&c, b)
	return c.String()
}

// TestByPerson: added to a session, removed from one, a session moved.
func TestByPerson(t *testing.T) {
	people := ByPerson(testReport().Changes)
	got := map[string]string{}
	for _, p := range people {
		for _, s := range p.Sessions {
			got[p.Name] += s.Change
		}
	}
	if got["Ana Lima"] != "moved" || got["Ben Ode"] != "added" || len(got) != 2 {
		t.Errorf("%v", got)
	}
}
