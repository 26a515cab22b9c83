package commands

import (
	"fmt"
	"io"

	"github.com/docket-forum/docket/formats/termtable"
	"github.com/docket-forum/docket/internal/safe"
	"github.com/urfave/cli/v2"
)

func newColumnsCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "columns",
		Usage:     "show how each column of a file is read",
		ArgsUsage: "FILE...",
		Description: "Lists every column of the input with the field docket maps it to, or extra for\n" +
			"columns it carries through under their own header. Use it to check a partner's\n" +
			"sheet, and --map FILE to map the headers docket does not know: the map is a JSON\n" +
			"object or one \"header: field\" per line, as --suggest prints it.\n\n" +
			"Examples:\n" +
			"  docket columns partner.xlsx\n" +
			"  docket columns partner.xlsx --map headers.txt\n" +
			"  docket columns partner.xlsx --suggest > headers.txt",
		Flags: append(inputFlags(),
			&cli.BoolFlag{Name: "suggest", Usage: "print a mapping file (for --map) that reads the columns as docket read them, to edit"},
		),
		Action: func(c *cli.Context) error {
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			in.quiet, in.inspect = true, true
			return runColumns(s, in, c.Bool("suggest"))
		},
	}
}

func runColumns(s *streams, in inputOptions, suggest bool) error {
	p, err := load(s, in)
	if err != nil {
		return err
	}
	render := termtable.Columns
	if suggest {
		render = termtable.SuggestMap
	}
	if len(p.Columns) == 0 && !suggest {
		// A feed or docket's JSON: its format names each field, so there
		// are no columns to map. Saying so beats printing nothing.
		return s.write(output{}, func(w io.Writer) error {
			for _, f := range in.files {
				fmt.Fprintf(w, "%s: no header row: this format names its fields itself (docket columns shows how a sheet's or a CSV file's columns are read)\n", safe.Terminal(f))
			}
			return nil
		})
	}
	return s.write(output{}, func(w io.Writer) error { return render(w, p.Columns) })
}
