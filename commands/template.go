package commands

import (
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats/template"
)

func newTemplateCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "write a blank organizer workbook with drop-downs",
		ArgsUsage: "-o FILE.xlsx",
		Description: "Writes an Excel workbook for partners to fill in: the canonical columns, an\n" +
			"Instructions sheet, a Speakers sheet, and drop-downs for session type, format,\n" +
			"stakeholder group, regional group, participation and SDG targets. The template\n" +
			"is a workbook only, so FILE must end in .xlsx. An existing FILE is replaced only\n" +
			"when it is a blank template (a workbook without sessions) or empty; --force\n" +
			"replaces any other.\n\n" +
			"Examples:\n" +
			"  docket template -o programme.xlsx",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (.xlsx)"},
			forceFlag("replace FILE even when it is not a blank template (a programme with sessions, or a file docket does not read)"),
		},
		Action: func(c *cli.Context) error {
			out := c.String("output")
			if out == "" {
				return usageErrorf("template needs -o FILE.xlsx")
			}
			if out != "-" && !strings.EqualFold(filepath.Ext(out), ".xlsx") {
				return usageErrorf("%s: the template is an Excel workbook (its drop-downs need one): give -o a name ending in .xlsx; docket convert turns the filled-in workbook into CSV", out)
			}
			return s.write(output{path: out, binary: true, what: "the template workbook", keep: keepAllButBlank, force: c.Bool("force")}, template.Write)
		},
	}
}
