package commands

import (
	"embed"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/formats/findings"
)

//go:embed completion/bash_autocomplete completion/zsh_autocomplete completion/powershell_autocomplete.ps1
var completionScripts embed.FS

func newCompletionCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script (bash, zsh, fish, powershell)",
		ArgsUsage: "SHELL",
		Description: "Completes commands, flags, format names and the sheet names of a workbook.\n\n" +
			"Examples:\n" +
			"  source <(docket completion bash)\n" +
			"  docket completion zsh > \"${fpath[1]}/_docket\"\n" +
			"  docket completion fish > ~/.config/fish/completions/docket.fish",
		Action: func(c *cli.Context) error {
			return runCompletion(s, c.App, c.Args().First())
		},
	}
}

func runCompletion(s *streams, app *cli.App, shell string) error {
	var script string
	switch shell {
	case "bash", "zsh", "powershell":
		name := map[string]string{"bash": "bash_autocomplete", "zsh": "zsh_autocomplete", "powershell": "powershell_autocomplete.ps1"}[shell]
		b, err := completionScripts.ReadFile("completion/" + name)
		if err != nil {
			return err
		}
		script = string(b)
		if shell == "powershell" {
			script = strings.ReplaceAll(script, `$name = $fn -replace "(.*)\.ps1$", '$1'`, `$name = 'docket'`)
		} else {
			script = "PROG=docket\n" + strings.ReplaceAll(script, "#compdef $PROG", "#compdef docket")
		}
	case "fish":
		f, err := app.ToFishCompletion()
		if err != nil {
			return err
		}
		script = f
	case "":
		return usageErrorf("completion needs a SHELL: bash, zsh, fish or powershell")
	default:
		return usageErrorf("unknown shell %q (bash, zsh, fish or powershell)", shell)
	}
	if _, err := fmt.Fprint(s.out, script); err != nil {
		return &outputError{err}
	}
	return nil
}

// complete is a command's completion: the values of the flag being typed
// where docket knows them, else urfave's flag names.
func complete(s *streams, cmd *cli.Command) cli.BashCompleteFunc {
	// urfave's own completion reads os.Args; this one reads the line
	// docket was given, so it also works in-process.
	fallback := func(c *cli.Context) {
		words := s.args
		if n := len(words); n > 1 && words[n-1] == "--generate-bash-completion" && strings.HasPrefix(words[n-2], "-") {
			cur := strings.TrimLeft(words[n-2], "-")
			for _, f := range cmd.Flags {
				for _, name := range f.Names() {
					if len(name) > 1 && strings.HasPrefix(name, cur) {
						fmt.Fprintln(c.App.Writer, "--"+name)
					}
				}
			}
		}
	}
	return func(c *cli.Context) {
		words := s.args
		if n := len(words); n > 0 && words[n-1] == "--generate-bash-completion" {
			words = words[:n-1]
		}
		if len(words) > 0 && completeFlagValues(c, words[len(words)-1], words) {
			return
		}
		fallback(c)
	}
}

// completeCommands lists the commands, for the first word.
func completeCommands(c *cli.Context) {
	for _, cmd := range c.App.Commands {
		if !cmd.Hidden {
			fmt.Fprintln(c.App.Writer, cmd.Name)
		}
	}
}

// completeFlagValues offers candidates for the value of the flag being
// typed: format names, views, date orders, rules, and the sheets of a
// workbook named on the line. It returns false when the previous word is
// no flag it knows.
func completeFlagValues(c *cli.Context, prev string, words []string) bool {
	if !strings.HasPrefix(prev, "-") {
		return false
	}
	var opts []string
	switch strings.TrimLeft(prev, "-") {
	case "format", "f", "to", "t":
		opts = formats.Writable()
		if c.Command != nil && c.Command.Name == "validate" {
			opts = findings.Formats
		}
	case "view":
		opts = []string{"list", "grid"}
	case "date-order":
		opts = []string{"dmy", "mdy"}
	case "as":
		opts = []string{"markdown", "html"}
	case "split-by":
		opts = formats.SplitKeys
	case "sheet":
		for _, a := range words {
			if ext := strings.ToLower(filepath.Ext(a)); ext == ".xlsx" || ext == ".xlsm" {
				opts = append(opts, formats.SheetNames(a)...)
			}
		}
	default:
		return false
	}
	for _, o := range opts {
		fmt.Fprintln(c.App.Writer, o)
	}
	return true
}
