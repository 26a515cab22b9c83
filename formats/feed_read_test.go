package formats

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/docket-forum/docket/formats/internal/feed"
	"github.com/docket-forum/docket/internal/schedule"
)

// readString reads text as a file named name, the format told by its
// content as for any input.
func readString(t *testing.T, name, text string, opts ReadOptions) *schedule.Programme {
	t.Helper()
	p, err := ReadProgramme(Input{Name: name, R: bytes.NewReader([]byte(text))}, opts)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return p
}

// TestFeedRoundTrips: docket → frab → docket and docket → schedule.json →
// docket keep every session's id, title, times, room, type, theme,
// abstract, description, language, url and speakers' names; and, as
// docket wrote the facts it has no field for, its format, subtheme,
// moderators, rapporteur, SDGs and outcomes too.
func TestFeedRoundTrips(t *testing.T) {
	orig := readFile(t, sampleCSV, ReadOptions{})
	byID := map[string]*schedule.Session{}
	for _, s := range orig.Sessions {
		byID[s.ID] = s
	}
	for _, format := range []string{"frab", "schedule-json"} {
		t.Run(format, func(t *testing.T) {
			back := readString(t, "feed", render(t, format, orig), ReadOptions{})
			if len(back.Sessions) != len(orig.Sessions) {
				t.Fatalf("%d sessions back, want %d", len(back.Sessions), len(orig.Sessions))
			}
			if back.Timezone != orig.Timezone || back.Name == "" {
				t.Errorf("programme %q in %q, want %q", back.Name, back.Timezone, orig.Timezone)
			}
			for _, got := range back.Sessions {
				want := byID[got.ID]
				if want == nil {
					t.Errorf("session %q is not in the sample", got.ID)
					continue
				}
				for _, c := range []struct{ what, got, want string }{
					{"title", got.Title, want.Title},
					{"start", got.Start.String(), want.Start.String()},
					{"end", got.End.String(), want.End.String()},
					{"room", got.Room, want.Room},
					{"type", got.Type, want.Type},
					{"theme", got.Theme, want.Theme},
					{"subtheme", got.Subtheme, want.Subtheme},
					{"abstract", got.Abstract, want.Abstract},
					{"description", got.Description, want.Description},
					{"language", got.Language, feed.Language(want.Language)},
					{"url", got.URL, want.URL},
					{"format", got.Format, want.Format},
					{"declared minutes", fmt.Sprint(got.DeclaredMinutes), fmt.Sprint(want.DeclaredMinutes)},
					{"speakers", personNames(got.Speakers), personNames(want.Speakers)},
					{"organizers", personNames(got.Organizers), personNames(want.Organizers)},
					{"moderators", personName(got.OnsiteModerator) + "/" + personName(got.OnlineModerator), personName(want.OnsiteModerator) + "/" + personName(want.OnlineModerator)},
					{"rapporteur", personName(got.Rapporteur), personName(want.Rapporteur)},
					{"SDGs", strings.Join(got.SDGs, ","), strings.Join(want.SDGs, ",")},
					{"policy questions", got.PolicyQuestions, want.PolicyQuestions},
					{"expected outcomes", got.ExpectedOutcomes, want.ExpectedOutcomes},
					{"key takeaways", got.KeyTakeaways, want.KeyTakeaways},
					{"call to action", got.CallToAction, want.CallToAction},
				} {
					if c.got != c.want {
						t.Errorf("%s %s = %q, want %q", got.ID, c.what, c.got, c.want)
					}
				}
			}
		})
	}
}

func personNames(ps []schedule.Person) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, "; ")
}

func personName(p *schedule.Person) string {
	if p == nil {
		return ""
	}
	return p.Name
}

// eventIDsRE finds each event's id and GUID in either feed.
var eventIDsRE = regexp.MustCompile(`<event id="(\d+)" guid="([0-9a-f-]+)"|"guid": "([0-9a-f-]+)",\s*"id": (\d+)`)

func eventIDs(doc string) []string {
	var out []string
	for _, m := range eventIDsRE.FindAllStringSubmatch(doc, -1) {
		out = append(out, m[1]+m[4]+" "+m[2]+m[3])
	}
	return out
}

// TestFeedsWrittenAgainKeepTheirIDs: a feed read and written again keeps
// every event's id and GUID, byte for byte: apps key favourites and
// alarms on them. Pinned for one feed docket did not write, with literal
// values.
func TestFeedsWrittenAgainKeepTheirIDs(t *testing.T) {
	orig := readFile(t, sampleCSV, ReadOptions{})
	for _, format := range []string{"frab", "schedule-json"} {
		first := render(t, format, orig)
		again := render(t, format, readString(t, "feed", first, ReadOptions{}))
		a, b := eventIDs(first), eventIDs(again)
		if len(a) != len(orig.Sessions) || strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s: ids and GUIDs changed on the way:\n%s\nvs\n%s", format, strings.Join(a, "\n"), strings.Join(b, "\n"))
		}
	}
	foreign := `<?xml version="1.0" encoding="utf-8"?>
<schedule><version>0.3</version>
<conference><title>Hackwerk 2025</title><acronym>hw25</acronym><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2025-03-14" start="2025-03-14T10:00:00+01:00" end="2025-03-14T18:00:00+01:00">
<room name="Saal 1">
<event id="16" guid="0b6b5a18-6d5c-5bd4-9a5d-8d6e9b9d3f11"><room>Saal 1</room><title>Gulaschbytes</title><type>Talk</type>
<date>2025-03-14T10:00:00+01:00</date><start>10:00</start><duration>00:45</duration><abstract/><track/>
<persons><person id="7">Ada</person></persons></event>
<event id="3" guid="c1f1b3e4-90a2-4d55-8e57-1e9a0d2c7b42"><room>Saal 1</room><title>Keynote</title><type>Talk</type>
<date>2025-03-14T11:00:00+01:00</date><start>11:00</start><duration>01:00</duration><abstract/><track/></event>
</room></day></schedule>`
	p := readString(t, "hackwerk.xml", foreign, ReadOptions{})
	out := render(t, "frab", p)
	for _, want := range []string{
		`<event id="16" guid="0b6b5a18-6d5c-5bd4-9a5d-8d6e9b9d3f11">`,
		`<event id="3" guid="c1f1b3e4-90a2-4d55-8e57-1e9a0d2c7b42">`,
		`<title>Gulaschbytes</title>`,
		`<person id="7" guid=`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("written again, the feed lacks %s:\n%s", want, out)
		}
	}
}
