package commands

import (
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
}

func readFilterOptions(c *cli.Context) filterOptions {
	return filterOptions{
		filter: schedule.Filter{Day: c.String("day"), Room: c.String("room"), Speaker: c.String("speaker"),
			Type: vocab.Types().Canonical(c.String("type"))},
		showTZ: c.String("show-tz"),
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
