package commands

import (
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

func newColumnsCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "columns",
		Usage:     "show how each column of a file is read",
		ArgsUsage: "FILE...",
		Description: "Lists every column of the input with the field docket maps it to, or extra for\n" +
			"columns it carries through under their own header. Use it to check a partner's\n" +
			"sheet, and --map FILE to map the headers docket does not know.\n\n" +
			"Examples:\n" +
			"  docket columns partner.xlsx\n" +
			"  docket columns partner.xlsx --map headers.yaml",
		Flags: inputFlags(),
		Action: func(c *cli.Context) error {
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			in.quiet = true
			return runColumns(s, in)
		},
	}
}

func runColumns(s *streams, in inputOptions) error {
	p, err := load(s, in)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	last := ""
	for _, c := range p.Columns {
		where := c.File
		if c.Sheet != "" {
			where += ", sheet " + c.Sheet
		}
		if where != last {
			if last != "" {
				fmt.Fprintln(tw)
			}
			fmt.Fprintf(tw, "%s: header on row %d\n", where, c.HeaderRow)
			last = where
		}
		field := string(c.Field)
		if field == "" {
			field = "extra (kept as is)"
			if c.Unnamed {
				field = "extra (no header)"
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\t→ %s\n", c.Letter, c.Header, field)
	}
	if err := tw.Flush(); err != nil {
		return &outputError{err}
	}
	return nil
}
