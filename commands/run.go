package commands

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"runtime/trace"
	"syscall"

	"github.com/docket-forum/docket/formats"
)

// Run runs docket as a process: with its arguments and standard streams,
// Ctrl-C and SIGTERM cleanup, and the profiling hooks. It returns the exit
// code for main to exit with.
func Run() int {
	// Ctrl-C, Ctrl-\, a kill, a closed terminal or a reader that went
	// away (docket ... | head) mid-export: remove the half-written
	// temporary file or folder and the spools; the output it would have
	// replaced is untouched. The exit code is the shell's for the signal,
	// 128 + its number.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE, syscall.SIGQUIT)
	go func() {
		s := <-sig
		formats.RemoveTemps()
		code := 130
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	}()
	stop := profile(os.Getenv, os.Stderr)
	code := Main(os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	// A spool a system would not let go of while open (a workbook read
	// from a pipe is unlinked at once where it can be) goes now.
	formats.RemoveTemps()
	return code
}

// profile starts what DOCKET_CPUPROFILE and DOCKET_TRACE ask for: a CPU
// profile or an execution trace of the run written to that file, for
// `go tool pprof` and `go tool trace` (see scripts/README.md). It returns
// the function that finishes them.
func profile(getenv func(string) string, stderr io.Writer) (stop func()) {
	var stops []func()
	if path := getenv("DOCKET_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err != nil {
			fmt.Fprintf(stderr, "docket: DOCKET_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "docket: DOCKET_CPUPROFILE: %v\n", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := getenv("DOCKET_TRACE"); path != "" {
		if f, err := os.Create(path); err != nil {
			fmt.Fprintf(stderr, "docket: DOCKET_TRACE: %v\n", err)
		} else if err := trace.Start(f); err != nil {
			fmt.Fprintf(stderr, "docket: DOCKET_TRACE: %v\n", err)
		} else {
			stops = append(stops, func() { trace.Stop(); f.Close() })
		}
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
