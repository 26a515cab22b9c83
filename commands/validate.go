package commands

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/validate"
)

type validateOptions struct {
	input  inputOptions
	format string
	rules  validate.Options
	quiet  bool
}

func newValidateCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a programme; exit 1 when it has errors",
		ArgsUsage: "FILE...",
		Description: "Reports every problem with the cell that has it: missing fields, duplicate ids,\n" +
			"unreadable times, room and person overlaps, unknown vocabulary, bad SDG targets.\n" +
			"Rows are numbered as the spreadsheet shows them. See 'docket rules' for the rules.\n\n" +
			"Examples:\n" +
			"  docket validate testdata/faults.csv\n" +
			"  docket validate sessions.xlsx --format json > report.json\n" +
			"  docket validate sessions.csv --ignore unknown-type --error unknown-stakeholder",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: text or json"},
			&cli.StringSliceFlag{Name: "ignore", Usage: "switch a rule off (repeatable)"},
			&cli.StringSliceFlag{Name: "error", Usage: "treat a rule's findings as errors (repeatable)"},
			&cli.BoolFlag{Name: "strict", Usage: "treat every warning as an error"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "text report: print only errors"},
		),
		Action: func(c *cli.Context) error {
			in, err := readInputOptions(c)
			if err != nil {
				return err
			}
			return runValidate(s, validateOptions{
				input:  in,
				format: c.String("format"),
				rules:  validate.Options{Ignore: c.StringSlice("ignore"), Error: c.StringSlice("error"), Strict: c.Bool("strict")},
				quiet:  c.Bool("quiet"),
			})
		},
	}
}

func runValidate(s *streams, o validateOptions) error {
	if o.format != "text" && o.format != "json" {
		return usageErrorf("--format must be text or json, not %q", o.format)
	}
	for _, r := range append(append([]string{}, o.rules.Ignore...), o.rules.Error...) {
		if validate.Lookup(r) == nil {
			return usageErrorf("unknown rule %q (see docket rules)", r)
		}
	}
	p, err := load(s, o.input)
	if err != nil {
		return err
	}
	findings := validate.Run(p, o.rules)
	errs, warns := validate.Count(findings)
	switch o.format {
	case "json":
		err = writeReportJSON(s.out, findings, errs, warns)
	default:
		err = writeReportText(s.out, findings, p, errs, warns, o.quiet)
	}
	if err != nil {
		return &outputError{err}
	}
	if errs > 0 {
		return &findingsError{errs}
	}
	return nil
}

func writeReportJSON(w io.Writer, fs []validate.Finding, errs, warns int) error {
	if fs == nil {
		fs = []validate.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Findings []validate.Finding `json:"findings"`
		Errors   int                `json:"errors"`
		Warnings int                `json:"warnings"`
	}{fs, errs, warns})
}

func writeReportText(w io.Writer, fs []validate.Finding, p *schedule.Programme, errs, warns int, quiet bool) error {
	for _, f := range fs {
		if quiet && f.Severity != validate.Error {
			continue
		}
		loc := f.File
		if f.Sheet != "" {
			loc += ":" + f.Sheet
		}
		if f.Row > 0 {
			loc += ":" + strconv.Itoa(f.Row)
		}
		if f.Column != "" {
			loc += ":" + f.Column
		}
		session := ""
		if f.Session != "" {
			session = f.Session + ": "
		}
		if _, err := fmt.Fprintf(w, "%s: %s: %s%s [%s]\n", loc, f.Severity, session, f.Message, f.Rule); err != nil {
			return err
		}
		if f.Hint != "" {
			fmt.Fprintf(w, "    hint: %s\n", f.Hint)
		}
	}
	_, err := fmt.Fprintf(w, "%s, %s in %s\n", plural(errs, "error"), plural(warns, "warning"), plural(len(p.Sessions), "session"))
	return err
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
