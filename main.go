// Command docket reads, checks, prints and exports conference programmes
// from organizer spreadsheets. See README.md.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/docket-forum/docket/commands"
	"github.com/docket-forum/docket/formats"
)

func main() {
	// Ctrl-C or a kill mid-export: remove the half-written temporary file;
	// the output it would have replaced is untouched.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sig
		formats.RemoveTemps()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
	os.Exit(commands.Main(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
