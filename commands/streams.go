package commands

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/docket-forum/docket/internal/safe"
	"golang.org/x/term"
)

// streams are the process's standard streams and what is known of them,
// decided once at the edge and passed down as plain values.
type streams struct {
	in     io.Reader
	out    io.Writer
	err    io.Writer
	outTTY bool // stdout is a terminal
	width  int  // terminal width to fit tables to
	getenv func(string) string
	args   []string // the command line, for shell completion
	errTTY bool     // stderr is a terminal: progress may be drawn there
	inputs []string // the command's input files: never an output
	cfg    *config  // the settings file read, if any
	// formatFlag is the flag that sets output.format in this command
	// (convert's --to); "" is --format.
	formatFlag string
	// replaceable are the output paths checkOutput has let a writer
	// replace, so that write does not read them again.
	replaceable map[string]bool
}

// newStreams decides once, at the edge, what is known of the streams:
// whether stdout and stderr are terminals, and the width to fit tables to.
func newStreams(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *streams {
	s := &streams{in: stdin, out: stdout, err: stderr, getenv: getenv, args: args}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s.outTTY = true
		if w, _, err := term.GetSize(int(f.Fd())); err == nil {
			s.width = w
		}
	}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s.errTTY = true
	}
	// DOCKET_FORCE_TTY renders as for a terminal in a pipe (as gh's
	// GH_FORCE_TTY does), for screenshots, docs and their tests.
	if getenv("DOCKET_FORCE_TTY") != "" {
		s.outTTY = true
	}
	if c := getenv("COLUMNS"); c != "" {
		fmt.Sscan(c, &s.width)
	}
	return s
}

// color reports whether what is written to o may be coloured: standard
// output on a terminal, without --no-color (noColor) or NO_COLOR.
func (s *streams) color(o output, noColor bool) bool {
	return o.toStdout() && s.outTTY && !noColor && s.getenv("NO_COLOR") == ""
}

// boxDrawing reports whether tables written to o may use box-drawing
// characters: only on a terminal, and not with --ascii.
func (s *streams) boxDrawing(o output, ascii bool) bool {
	return o.toStdout() && s.outTTY && !ascii
}

// oneOf checks the value of an enum flag (--format, --view, --as,
// --date-order) against its valid values, with a suggestion for a typo.
func oneOf(flag, value string, valid []string) error {
	if slices.Contains(valid, value) {
		return nil
	}
	if sug := suggest(value, valid); sug != "" {
		return usageErrorf("%s must be one of %s, not %q: did you mean %q?", flag, strings.Join(valid, ", "), value, sug)
	}
	return usageErrorf("%s must be one of %s, not %q", flag, strings.Join(valid, ", "), value)
}

// errorf prints a note on stderr.
func (s *streams) errorf(format string, a ...any) {
	fmt.Fprintf(s.err, "docket: %s\n", safe.Terminal(fmt.Sprintf(format, a...)))
}
