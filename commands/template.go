package commands

import (
	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats/template"
)

func newTemplateCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "write a blank organizer workbook with drop-downs",
		ArgsUsage: " ",
		Description: "Writes an Excel workbook for partners to fill in: the canonical columns, an\n" +
			"Instructions sheet, a Speakers sheet, and drop-downs for session type, format,\n" +
			"stakeholder group, regional group, participation and SDG targets.\n\n" +
			"Examples:\n" +
			"  docket template -o programme.xlsx",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (.xlsx)"},
		},
		Action: func(c *cli.Context) error {
			out := c.String("output")
			if out == "" {
				return usageErrorf("template needs -o FILE.xlsx")
			}
			return s.write(output{path: out, binary: true, what: "the template workbook"}, template.Write)
		},
	}
}
