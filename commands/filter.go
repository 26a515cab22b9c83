package commands

import (
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// filterFlags are the session filters and the display zone, shared by
// table and export.
func filterFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Category: "Filters", Name: "day", Usage: "only this day, YYYY-MM-DD (in the zone shown)"},
		&cli.StringFlag{Category: "Filters", Name: "room", Usage: "only rooms whose name contains this text"},
		&cli.StringFlag{Category: "Filters", Name: "type", Usage: "only sessions of this type (name or alias, e.g. WS)"},
		&cli.StringFlag{Category: "Filters", Name: "speaker", Usage: "only sessions naming this person"},
		&cli.StringFlag{Category: "Filters", Name: "show-tz", Usage: "show times in this zone (IANA name, or local)"},
	}
}

// filterOptions are the values of filterFlags.
type filterOptions struct {
	filter schedule.Filter
	showTZ string
	// typedType is --type as given: filter.Type is its canonical name.
	typedType string
}

func readFilterOptions(c *cli.Context) filterOptions {
	return filterOptions{
		filter: schedule.Filter{Day: c.String("day"), Room: c.String("room"), Speaker: c.String("speaker"),
			Type: vocab.Types().Canonical(c.String("type"))},
		showTZ: c.String("show-tz"), typedType: c.String("type"),
	}
}

// check reads --day and --show-tz before any input is read, so that a typo
// is a usage error, not a wasted read.
func (f *filterOptions) check() (*time.Location, error) {
	if f.filter.Day != "" {
		d, err := schedule.ParseDate(f.filter.Day)
		if err != nil {
			return nil, usageErrorf("--day: %v", err)
		}
		f.filter.Day = d.String()
	}
	return displayLocation(f.showTZ)
}

// apply selects the sessions, reading --day in loc, or in the programme's
// zone when --show-tz was not given; it returns the zone used.
func (f *filterOptions) apply(p *schedule.Programme, loc *time.Location) ([]*schedule.Session, *time.Location) {
	if loc == nil {
		// One zone for the whole output: the programme's, so that day
		// headings and rows agree even when rows name other zones.
		loc, _ = schedule.LoadLocation(p.Timezone)
	}
	f.filter.Loc = loc
	return f.filter.Apply(p.Sessions), loc
}

// noMatch tells on stderr that the filters selected none of ss, and, for
// each filter that on its own matches no session, what the programme has
// close to it (a typo in --type is otherwise the same silence as a day
// without sessions).
func (f *filterOptions) noMatch(s *streams, ss []*schedule.Session) {
	misses := f.filter.Misses(ss)
	if len(misses) == 0 {
		s.errorf("no sessions match")
		return
	}
	for _, m := range misses {
		s.errorf("%s", f.missMessage(m))
	}
}

// missMessage words a filter that matches nothing: no session has type
// "Worksop": did you mean Workshop?
func (f *filterOptions) missMessage(m schedule.Miss) string {
	var what, values string
	switch m.Field {
	case "day":
		what, values = "no session is on "+m.Value, "days with sessions"
		if f.filter.Loc != nil {
			what += " in " + f.filter.Loc.String()
		}
	case "room":
		what, values = fmt.Sprintf("no room name contains %q", m.Value), "rooms in the programme"
	case "type":
		v := m.Value
		if f.typedType != "" {
			v = f.typedType
		}
		what, values = fmt.Sprintf("no session has type %q", v), "types in the programme"
	case "speaker":
		what, values = fmt.Sprintf("no session names %q", m.Value), "people in the programme include"
	}
	if len(m.Close) > 0 {
		return fmt.Sprintf("%s: did you mean %s?", what, orList(m.Close))
	}
	if len(m.Some) == 0 {
		return what
	}
	list := strings.Join(m.Some, ", ")
	if m.More > 0 {
		list += fmt.Sprintf(" and %d more", m.More)
	}
	return fmt.Sprintf("%s; %s: %s", what, values, list)
}
