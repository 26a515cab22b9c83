// Package commands is docket's command line: it parses flags, wires the
// readers, the model, validation and the writers together, and maps errors
// to exit codes. It holds no format or rule logic of its own.
package commands

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/internal/vocab"
)

// Main runs docket with args (args[0] is the program name) and returns the
// exit code. main.go and the in-process tests both call it.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	s := newStreams(args, stdin, stdout, stderr, os.Getenv)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "docket: internal error: %v\nThis is a bug in docket; please report it with the command you ran.\n%s", r, debug.Stack())
			code = exitInternal
		}
	}()
	// Some writers (tablewriter among them) drop write errors; the stream
	// remembers the first, so a full disk or a closed pipe is not success.
	out := &errWriter{w: stdout}
	s.out = out
	app := newApp(s)
	args, err := normalizeArgs(app, args)
	if err == nil {
		err = app.Run(args)
	}
	if err == nil && out.err != nil {
		err = &outputError{fmt.Errorf("writing to standard output: %w", out.err)}
	}
	return exitCode(s, err)
}

// errWriter passes writes through and keeps the first error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

func newApp(s *streams) *cli.App {
	app := &cli.App{
		Name:  "docket",
		Usage: "read, check, print and export conference programmes from organizer spreadsheets",
		Description: "docket reads session spreadsheets (CSV or Excel), checks them, prints schedule tables,\n" +
			"and writes the programme as clean CSV/XLSX/JSON, iCalendar, the schedule.xml and\n" +
			"schedule.json that conference apps read, HTML and Markdown.\n\n" +
			"Examples:\n" +
			"  docket table sessions.xlsx --day 2023-10-11\n" +
			"  docket validate sessions.csv --format github\n" +
			"  docket convert sessions.xlsx programme.json\n" +
			"  docket export sessions.xlsx --format ics -o programme.ics",
		Version: version(),
		// --generate-bash-completion, which the completion scripts call.
		EnableBashCompletion: true,
		BashComplete:         completeCommands,
		Reader:               s.in,
		Writer:               s.out,
		ErrWriter:            s.err,
		HideHelpCommand:      false,
		// Errors are printed and mapped to exit codes by Main, once.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   s.onUsageError,
		Commands: []*cli.Command{
			newTableCommand(s),
			newValidateCommand(s),
			newConvertCommand(s),
			newExportCommand(s),
			newReportCommand(s),
			newDiffCommand(s),
			newColumnsCommand(s),
			newRulesCommand(s),
			newTemplateCommand(s),
			newCompletionCommand(s),
			newDocsCommand(s),
		},
	}
	for _, c := range app.Commands {
		// urfave adds --help to a command's flags only after it has sorted
		// them into categories, so a command with categories would not
		// list it: given here, every command lists it.
		c.Flags = append(c.Flags, cli.HelpFlag)
		c.OnUsageError = s.onUsageError
		c.BashComplete = complete(s, c)
	}
	return app
}

func version() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, kv := range bi.Settings {
			if kv.Key == "vcs.revision" && len(kv.Value) >= 7 {
				v += " (" + kv.Value[:7] + ")"
			}
		}
		v += " " + bi.GoVersion
	}
	return v
}

// onUsageError turns urfave/cli's flag errors into one-line usage errors,
// with a suggestion for a mistyped flag, quoting the flag as typed on the
// command line (s.args): urfave/cli's error names it without its dashes.
func (s *streams) onUsageError(c *cli.Context, err error, _ bool) error {
	const undefined = "flag provided but not defined: -"
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, undefined); ok {
		var flags []cli.Flag
		if c != nil && c.Command != nil {
			flags = c.Command.Flags
		}
		var names []string
		for _, f := range flags {
			for _, n := range f.Names() {
				if len(n) > 1 {
					names = append(names, n)
				}
			}
		}
		return usageErrorf("%s", unknownFlag(name, s.args, names))
	}
	return usageErrorf("%v", err)
}

// unknownFlag words the error for the undefined flag name (without its
// dashes) as it was typed in args, with the flags of names it may mean.
func unknownFlag(name string, args, names []string) string {
	typed := "--" + name
	for _, a := range args {
		if a == "--" {
			break
		}
		flag, _, _ := strings.Cut(a, "=")
		if strings.HasPrefix(flag, "-") && strings.TrimLeft(flag, "-") == name {
			typed = flag
			break
		}
	}
	var meant []string
	if len(name) == 1 {
		// One letter is too little to measure distance by: the names
		// that start with it, shortest first (-d: --day or --date-order).
		for _, n := range names {
			if strings.HasPrefix(n, name) && !slices.Contains(meant, n) {
				meant = append(meant, n)
			}
		}
		slices.SortStableFunc(meant, func(a, b string) int { return len(a) - len(b) })
		if len(meant) > 3 {
			meant = nil
		}
	} else if s := suggest(name, names); s != "" {
		meant = []string{s}
	}
	if len(meant) == 0 {
		return fmt.Sprintf("unknown flag %s", typed)
	}
	for i := range meant {
		meant[i] = "--" + meant[i]
	}
	return fmt.Sprintf("unknown flag %s: did you mean %s?", typed, orList(meant))
}

// orList joins words as "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// normalizeArgs lets flags come after the file arguments, as people type
// them (`docket table sessions.xlsx --day 2023-10-11`): urfave/cli v2 stops
// reading flags at the first argument, so the command's flags are moved in
// front of its arguments here, in one place. It also turns an unknown
// command into a usage error with a suggestion.
func normalizeArgs(app *cli.App, args []string) ([]string, error) {
	if slices.Contains(args, "--generate-bash-completion") {
		return args, nil // completion wants the line as typed
	}
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" {
		if args[i] == "--" {
			return args, nil
		}
		i++
	}
	if i >= len(args) {
		return args, nil
	}
	name := args[i]
	cmd := app.Command(name)
	if cmd == nil {
		if name == "help" {
			return args, nil
		}
		var names []string
		for _, c := range app.Commands {
			names = append(names, c.Name)
		}
		if s := suggest(name, names); s != "" {
			return nil, usageErrorf("unknown command %q: did you mean %q?", name, s)
		}
		return nil, usageErrorf("unknown command %q (commands: %s; see docket --help)", name, strings.Join(names, ", "))
	}
	var flags, pos []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		if a == "--" {
			pos = append(pos, rest[j+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(cmd, a) {
				if j+1 >= len(rest) {
					return nil, usageErrorf("flag %s needs a value", a)
				}
				flags = append(flags, rest[j+1])
				j++
			}
			continue
		}
		pos = append(pos, a)
	}
	out := slices.Concat(args[:i+1], flags)
	if len(pos) > 0 {
		out = append(out, "--")
		out = append(out, pos...)
	}
	return out, nil
}

// takesValue reports whether the flag arg of cmd reads the next argument.
func takesValue(cmd *cli.Command, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	for _, f := range cmd.Flags {
		if !slices.Contains(f.Names(), name) {
			continue
		}
		_, isBool := f.(*cli.BoolFlag)
		return !isBool
	}
	return false
}

// suggest returns the candidate closest to s, if it is close.
func suggest(s string, candidates []string) string {
	if len(s) == 1 {
		// One letter is too little to measure distance by: suggest the
		// one name that starts with it (-v for --verbose), or nothing.
		var starts []string
		for _, c := range candidates {
			if strings.HasPrefix(c, s) {
				starts = append(starts, c)
			}
		}
		if len(starts) == 1 {
			return starts[0]
		}
		return ""
	}
	best, bestD := "", 3
	for _, c := range candidates {
		if d := vocab.Distance(s, c, 3); d < bestD || (strings.HasPrefix(c, s) && len(s) >= 2) {
			best, bestD = c, min(d, bestD)
		}
	}
	return best
}
