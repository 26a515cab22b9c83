package commands

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
)

func newDocsCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "docs",
		Usage:     "write the man page and the Markdown command reference",
		ArgsUsage: "[DIR]",
		Description: "Writes docket.1 (the man page) and reference.md into DIR (default: docs),\n" +
			"generated from the commands' own help, so they never drift from it.\n\n" +
			"Examples:\n" +
			"  docket docs\n" +
			"  man ./docs/docket.1",
		Action: func(c *cli.Context) error {
			dir := c.Args().First()
			if dir == "" {
				dir = "docs"
			}
			return runDocs(s, dir)
		},
	}
}

// reference renders the man page and the Markdown reference of app. The
// help command and the version line are left out: they differ between
// builds, and the files are committed.
func reference(app *cli.App) (man, md string, err error) {
	app.Setup() // adds the help and version flags, as Run does
	app.Version = ""
	if man, err = app.ToManWithSection(1); err != nil {
		return "", "", err
	}
	if md, err = app.ToMarkdown(); err != nil {
		return "", "", err
	}
	return man, md, nil
}

func runDocs(s *streams, dir string) error {
	// A fresh app: the running one has set up the docs command for running.
	man, md, err := reference(newApp(&streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard, getenv: func(string) string { return "" }}))
	if err != nil {
		return err
	}
	for name, text := range map[string]string{"docket.1": man, "reference.md": md} {
		path := filepath.Join(dir, name)
		err := s.write(output{path: path}, func(w io.Writer) error {
			_, err := io.WriteString(w, strings.TrimRight(text, "\n")+"\n")
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
