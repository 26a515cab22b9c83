package commands

import (
	"errors"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats/termtable"
)

type tableOptions struct {
	input   inputOptions
	filter  filterOptions
	view    string
	ascii   bool
	noColor bool
	quiet   bool
}

func newTableCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "table",
		Usage:     "print the schedule as a table, by day",
		ArgsUsage: "FILE...",
		Description: "Prints the sessions sorted by start, one table per day, with id, time, room, type\n" +
			"and title. --view grid prints each day as time slots × rooms, like a printed programme;\n" +
			"rooms that do not fit the terminal's width side by side continue in further grids.\n\n" +
			"Examples:\n" +
			"  docket table testdata/sample.csv\n" +
			"  docket table sessions.xlsx --day 2023-10-11 --room \"Room K\"\n" +
			"  docket table sessions.xlsx --view grid --day 2023-10-11 --show-tz Europe/Berlin",
		Flags: append(append(inputFlags(), filterFlags()...),
			&cli.StringFlag{Name: "view", Value: "list", Usage: "list or grid"},
			&cli.BoolFlag{Name: "ascii", Usage: "draw with plain ASCII instead of box-drawing characters"},
			&cli.BoolFlag{Name: "no-color", Usage: "no colour, even on a terminal (also NO_COLOR)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
		),
		Action: func(c *cli.Context) error {
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			o := tableOptions{
				input: in, filter: readFilterOptions(c), view: c.String("view"),
				ascii: c.Bool("ascii"), noColor: c.Bool("no-color"), quiet: c.Bool("quiet"),
			}
			return runTable(s, o)
		},
	}
}

func runTable(s *streams, o tableOptions) error {
	if err := oneOf("--view", o.view, []string{"list", "grid"}); err != nil {
		return err
	}
	loc, err := o.filter.check()
	if err != nil {
		return err
	}
	p, err := load(s, o.input)
	if err != nil {
		return err
	}
	warnProblems(s, p, o.quiet)
	if len(p.Sessions) == 0 {
		s.errorf("%s has no sessions", strings.Join(o.input.files, ", "))
		return nil
	}
	ss, loc := o.filter.apply(p, loc)
	topts := termtable.Options{
		Width: s.width,
		ASCII: !s.boxDrawing(output{}, o.ascii),
		Color: s.color(output{}, o.noColor),
		Loc:   loc,
	}
	if len(ss) == 0 {
		if !o.quiet {
			o.filter.noMatch(s, p.Sessions)
		}
		return nil
	}
	render := termtable.RenderList
	if o.view == "grid" {
		render = termtable.RenderGrid
	}
	if err := render(s.out, ss, topts); err != nil {
		if ne, ok := errors.AsType[*termtable.NarrowError](err); ok {
			// Nothing fits: not the grid, nor the list (whose narrowest is
			// wider still), so nothing is printed rather than a table wider
			// than the terminal.
			return usageErrorf("--view grid needs a terminal at least %d columns wide, not %d: widen it (or set COLUMNS)", ne.Need, ne.Width)
		}
		return &outputError{err}
	}
	return nil
}
