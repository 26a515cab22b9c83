package commands

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cpuguy83/go-md2man/v2/md2man"
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

// exitStatus is the man page's EXIT STATUS, and the reference's: the
// codes of exit.go and of the signals Run handles.
var exitStatus = [][2]string{
	{"0", "success"},
	{"1", "validate found errors, or diff --exit-code found changes"},
	{"2", "usage: a bad flag or argument, or an output file refused (an input, or a file the command replaces only with --force)"},
	{"3", "an input could not be read"},
	{"4", "an output could not be written"},
	{"70", "internal error: a bug in docket"},
	{"129, 130, 131, 141, 143", "stopped by SIGHUP, SIGINT (Ctrl-C), SIGQUIT, SIGPIPE (the reader of standard output went away) or SIGTERM: 128 + the signal's number; a file being written is left as it was"},
}

// reference renders the man page and the Markdown reference of app, from
// the commands' own help: synopses, descriptions, examples (in code
// blocks) and options, then the exit status. The help command and the
// version line are left out: they differ between builds, and the files
// are committed.
func reference(app *cli.App) (man, md string, err error) {
	app.Setup() // adds the help and version flags, as Run does
	app.Version = ""
	md = referenceMarkdown(app, false)
	man = string(md2man.Render([]byte(referenceMarkdown(app, true))))
	return man, md, nil
}

// synopses are a command's usage lines: one per form of its arguments
// (convert's "IN OUT | IN... -o OUT" is two).
func synopses(c *cli.Command) []string {
	var out []string
	for _, args := range strings.Split(c.ArgsUsage, "|") {
		line := "docket " + c.Name
		if args = strings.TrimSpace(args); args != "" {
			line += " " + args
		}
		out = append(out, line+" [options]")
	}
	return out
}

// splitExamples parts a description into its prose and its example
// lines, which follow "Examples:".
func splitExamples(desc string) (prose string, examples []string) {
	prose, ex, ok := strings.Cut("\n\n"+desc, "\n\nExamples:\n")
	if !ok {
		return desc, nil
	}
	prose = strings.TrimPrefix(prose, "\n\n")
	for _, l := range strings.Split(ex, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			examples = append(examples, l)
		}
	}
	return prose, examples
}

func referenceMarkdown(app *cli.App, man bool) string {
	var b strings.Builder
	fence := func(lines []string) {
		b.WriteString("```\n" + strings.Join(lines, "\n") + "\n```\n\n")
	}
	if man {
		b.WriteString("% docket 1\n\n")
	}
	b.WriteString("# NAME\n\ndocket - " + app.Usage + "\n\n# SYNOPSIS\n\n")
	syn := []string{"docket [--help|-h] [--version|-v]"}
	for _, c := range app.VisibleCommands() {
		if c.Name != "help" {
			syn = append(syn, synopses(c)...)
		}
	}
	fence(syn)
	prose, examples := splitExamples(app.Description)
	b.WriteString("# DESCRIPTION\n\n" + prose + "\n\n")
	if len(examples) > 0 {
		b.WriteString("Examples:\n\n")
		fence(examples)
	}
	b.WriteString("# GLOBAL OPTIONS\n\n")
	writeFlags(&b, app.VisibleFlags())
	b.WriteString("# COMMANDS\n\n")
	for _, c := range app.VisibleCommands() {
		if c.Name == "help" {
			continue
		}
		b.WriteString("## " + c.Name + "\n\n" + c.Usage + "\n\n")
		fence(synopses(c))
		prose, examples := splitExamples(c.Description)
		if prose != "" {
			b.WriteString(prose + "\n\n")
		}
		if len(examples) > 0 {
			b.WriteString("Examples:\n\n")
			fence(examples)
		}
		writeFlags(&b, c.VisibleFlags())
	}
	b.WriteString("# EXIT STATUS\n\n")
	for _, e := range exitStatus {
		fmt.Fprintf(&b, "**%s**: %s\n\n", e[0], e[1])
	}
	return b.String()
}

// writeFlags lists flags by name, each with its usage and default, as
// urfave's own generator did.
func writeFlags(b *strings.Builder, flags []cli.Flag) {
	var lines []string
	for _, f := range flags {
		df, ok := f.(cli.DocGenerationFlag)
		if !ok {
			continue
		}
		var names []string
		for _, n := range f.Names() {
			if len(n) > 1 {
				names = append(names, "--"+n)
			} else {
				names = append(names, "-"+n)
			}
		}
		line := "**" + strings.Join(names, ", ") + "**"
		usage := df.GetUsage()
		if df.TakesValue() {
			line += `=""`
			def := df.GetDefaultText()
			if def == "" {
				def = df.GetValue()
			}
			if def != "" {
				usage += " (default: " + def + ")"
			}
		}
		lines = append(lines, line+": "+usage)
	}
	slices.Sort(lines)
	for _, l := range lines {
		b.WriteString(l + "\n\n")
	}
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
