package commands

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/internal/safe"
)

// Exit codes; README.md documents them.
const (
	exitOK       = 0
	exitFindings = 1 // validation found errors
	exitUsage    = 2 // bad flags or arguments
	exitInput    = 3 // an input could not be read
	exitOutput   = 4 // an output could not be written
	exitInternal = 70
	// exitBrokenPipe is the shell's code for SIGPIPE (128 + 13).
	exitBrokenPipe = 141
)

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &usageError{fmt.Sprintf(format, a...)}
}

// findingsError means validation found errors; the findings are already out.
type findingsError struct{ errors int }

func (e *findingsError) Error() string { return fmt.Sprintf("%d errors", e.errors) }

// outputError is a failure to write an output.
type outputError struct{ err error }

func (e *outputError) Error() string { return e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

// exitCode prints err (once, prefixed with the program name) and returns
// the exit code for it.
func exitCode(s *streams, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, syscall.EPIPE) {
		// The reader went away (docket ... | head): as if killed by
		// SIGPIPE, quietly, whichever of the signal and the write's error
		// came first.
		return exitBrokenPipe
	}
	var (
		ue *usageError
		fe *findingsError
		ie *formats.InputError
		uf *formats.UnknownFormatError
		oe *outputError
		ec cli.ExitCoder
	)
	code := exitInternal
	switch {
	case errors.As(err, &fe):
		return exitFindings
	case errors.As(err, &ue), errors.As(err, &uf):
		code = exitUsage
	case errors.As(err, &ie):
		code = exitInput
	case errors.As(err, &oe):
		code = exitOutput
	case errors.As(err, &ec):
		code = exitUsage // urfave's own: "No help topic for ..."
	case isFlagError(err):
		code = exitUsage
	}
	msg := safe.Terminal(s.word(strings.TrimSpace(err.Error())))
	fmt.Fprintf(s.err, "docket: %s\n", msg)
	if code == exitInternal {
		fmt.Fprintln(s.err, "This is unexpected; please report it with the command you ran.")
	}
	if code == exitUsage {
		fmt.Fprintln(s.err, "Run 'docket --help' or 'docket COMMAND --help' for usage.")
	}
	return code
}

// isFlagError recognises the plain errors urfave/cli returns for flags it
// rejects before any hook runs.
func isFlagError(err error) bool {
	m := err.Error()
	for _, p := range []string{"flag provided but not defined", "Required flag", "invalid value", "flag needs an argument"} {
		if strings.Contains(m, p) {
			return true
		}
	}
	return false
}
