package commands

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats/findings"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/validate"
)

type validateOptions struct {
	input   inputOptions
	format  string
	output  string
	rules   validate.Options
	quiet   bool
	noColor bool
	force   bool
}

func newValidateCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a programme; exit 1 when it has errors",
		ArgsUsage: "FILE...",
		Description: "Reports every problem with the cell that has it: missing fields, duplicate ids,\n" +
			"unreadable times, room and person overlaps, unknown vocabulary, bad SDG targets and\n" +
			"emails, sessions outside the event, text hygiene, and the event's constraints\n" +
			"([constraints] in docket.toml: sessions per person and organisation, room changes,\n" +
			"speakers per type, parallel themes; the igf profile's workshop criteria). Rows are\n" +
			"numbered as the spreadsheet shows them. See 'docket rules' for the rules.\n\n" +
			"A workbook's Rooms sheet (name, capacity, features, shared) and Availability\n" +
			"sheet (who, from, to, status), or [[rooms]] and [[availability]] in docket.toml,\n" +
			"check each session's \"Expected attendance\" and \"Needs\" columns against its\n" +
			"room and its persons' and room's availability; a shared room may host several\n" +
			"sessions at once.\n\n" +
			"Examples:\n" +
			"  docket validate testdata/faults.csv\n" +
			"  docket validate sessions.xlsx --format json > findings.json\n" +
			"  docket validate sessions.csv --format github --event-days 2023-10-08..2023-10-12\n" +
			"  docket validate sessions.csv --format junit -o report.xml --ignore no-moderator",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "findings format: " + strings.Join(findings.Formats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the findings to `FILE` (default: standard output)"},
			&cli.StringSliceFlag{Name: "ignore", Usage: "switch a rule off (repeatable)"},
			&cli.StringSliceFlag{Name: "error", Usage: "treat a rule's findings as errors (repeatable)"},
			&cli.BoolFlag{Name: "strict", Usage: "treat every warning as an error"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "text format: print only errors; no warnings on stderr"},
			&cli.BoolFlag{Name: "no-color", Usage: "no colour, even on a terminal (also NO_COLOR)"},
			forceFlag("replace the output file even when it is a programme (refused by default)"),
		),
		Action: func(c *cli.Context) error {
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			o := validateOptions{
				input:   in,
				format:  c.String("format"),
				output:  c.String("output"),
				rules:   validate.Options{Ignore: c.StringSlice("ignore"), Error: c.StringSlice("error"), Strict: c.Bool("strict")},
				quiet:   c.Bool("quiet"),
				noColor: c.Bool("no-color"),
				force:   c.Bool("force"),
			}
			s.ruleSeverities(&o.rules)
			s.constraints(&o.rules)
			return runValidate(s, o)
		},
	}
}

func runValidate(s *streams, o validateOptions) error {
	if err := oneOf("--format", o.format, findings.Formats); err != nil {
		return err
	}
	for _, r := range append(slices.Clone(o.rules.Ignore), o.rules.Error...) {
		if _, err := lookupRule(r); err != nil {
			return err
		}
	}
	o.rules.FirstDay, o.rules.LastDay = o.input.firstDay, o.input.lastDay
	dst := output{path: o.output, what: "the findings", keep: keepProgramme, force: o.force}
	if err := s.checkOutput(dst); err != nil {
		return err
	}
	// Sessions are checked as they are read, so that a large programme is
	// never held whole: the checker keeps compact keys.
	checker := validate.NewChecker(o.rules).Async()
	ro := findings.Options{
		Color: o.format == "text" && s.color(dst, o.noColor),
		Quiet: o.quiet,
	}
	var progs []*schedule.Programme
	sink := func(p *schedule.Programme, x *schedule.Session) error {
		checker.Add(p, x)
		ro.Sessions++
		if o.format == "junit" {
			ro.Checked = append(ro.Checked, findings.CheckedSession{File: x.Src.File, Sheet: x.Src.Sheet, ID: strings.Clone(x.ID), Title: strings.Clone(x.Title), Row: x.Src.Row})
		}
		return nil
	}
	err := readInputs(s, o.input, sink, func(p *schedule.Programme) { progs = append(progs, p) })
	if err != nil {
		return err
	}
	if s.cfg != nil && len(progs) > 0 {
		s.cfg.addResources(progs[0], cmp.Or(o.input.tz, progs[0].Timezone))
	}
	fs := checker.Finish(progs...)
	for i := range fs {
		fs[i].Message, fs[i].Hint = s.word(fs[i].Message), s.word(fs[i].Hint)
	}
	errs, _ := validate.Count(fs)
	err = s.write(dst, func(w io.Writer) error { return findings.Write(w, o.format, fs, ro) })
	if err != nil {
		return err
	}
	if errs > 0 {
		return &findingsError{errs}
	}
	return nil
}
