package commands

import (
	"io"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	summary "github.com/docket-forum/docket/internal/report"
	"github.com/docket-forum/docket/internal/schedule"
)

func newReportCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "summarise the programme: sessions, speakers, SDGs, rooms, outcomes",
		ArgsUsage: "FILE...",
		Description: "Counts sessions by day, type and theme; speakers (each person once) by stakeholder\n" +
			"group, region and participation; sessions per SDG goal and target; room use; and\n" +
			"the past sessions still owing key takeaways, call to action or report.\n\n" +
			"Examples:\n" +
			"  docket report testdata/sample.csv\n" +
			"  docket report sessions.xlsx --format json | jq .speakers\n" +
			"  docket report sessions.xlsx --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + strings.Join(formats.SummaryFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (default: standard output)"},
			&cli.StringFlag{Name: "now", Usage: "the time outcomes are owed by, YYYY-MM-DD or RFC 3339 (default: now)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
		),
		Action: func(c *cli.Context) error {
			in, err := readInputOptions(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			if !slices.Contains(formats.SummaryFormats, format) {
				return usageErrorf("--format must be one of %s, not %q", strings.Join(formats.SummaryFormats, ", "), format)
			}
			now := time.Now()
			if v := c.String("now"); v != "" {
				t, err := time.Parse(time.RFC3339, v)
				if err != nil {
					d, derr := schedule.ParseDate(v)
					if derr != nil {
						return usageErrorf("--now: %q is not a date or RFC 3339 time", v)
					}
					t = time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
				}
				now = t
			}
			p, err := load(s, in)
			if err != nil {
				return err
			}
			warnProblems(s, p, in.quiet)
			loc, _ := schedule.LoadLocation(p.Timezone)
			if loc == nil {
				loc = time.UTC
			}
			r := summary.Compute(p, loc, now)
			return writeOutput(s, c.String("output"), func(w io.Writer) error { return formats.WriteSummary(w, format, r) })
		},
	}
}
