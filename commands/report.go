package commands

import (
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats/summaryview"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/summary"
)

func newReportCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "summarise the programme: sessions, speakers, SDGs, rooms, outcomes",
		ArgsUsage: "FILE...",
		Description: "Counts sessions by day, type, format and theme; speakers, moderators and\n" +
			"rapporteurs (each person once) by stakeholder group, region, participation and, when\n" +
			"the input tells, gender; sessions per SDG goal and target; room use per day; and the\n" +
			"past sessions still owing key takeaways, call to action or report. Formats: text,\n" +
			"json, markdown, html (one page with charts) and xlsx (sheets with Excel charts);\n" +
			"-o FILE picks the format from its extension.\n\n" +
			"Examples:\n" +
			"  docket report testdata/sample.csv\n" +
			"  docket report sessions.xlsx --format json | jq .speakers\n" +
			"  docket report sessions.xlsx --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n" +
			"  docket report sessions.xlsx -o report.html",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + strings.Join(summaryview.Formats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (default: standard output)"},
			&cli.StringFlag{Name: "title", Usage: "the programme's name in the html and xlsx reports (default: from the input)"},
			&cli.StringFlag{Name: "now", Usage: "the time outcomes are owed by, YYYY-MM-DD or RFC 3339 (default: now)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
			forceFlag("replace the output file even when it is a programme (refused by default)"),
		),
		Action: func(c *cli.Context) error {
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			format, out := c.String("format"), c.String("output")
			if !c.IsSet("format") && out != "" && out != "-" {
				// -o report.html needs no --format.
				if f, ok := summaryview.FormatForPath(out); ok {
					format = f
				}
			}
			if err := oneOf("--format", format, summaryview.Formats); err != nil {
				return err
			}
			dst := output{path: out, binary: summaryview.Binary(format), what: "the " + format + " report", keep: keepProgramme, force: c.Bool("force")}
			if err := s.checkOutput(dst); err != nil {
				return err
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
			// Box drawing only on a terminal, as in docket table.
			so := summaryview.Options{Title: s.configText(c, "title", func(cfg *config) string { return cfg.Event.Title }), Now: exportTime(s), ASCII: !s.boxDrawing(dst, false)}
			if so.Title == "" {
				so.Title = p.Name
			}
			return s.write(dst, func(w io.Writer) error { return summaryview.Write(w, format, r, so) })
		},
	}
}
