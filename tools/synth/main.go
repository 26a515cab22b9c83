// Command synth writes a synthetic programme of N session rows, as CSV or as
// an Excel-like XLSX, for benchmarks (see package internal/synth and
// scripts/bench-peers.sh):
//
//	go run ./tools/synth -n 100000 -format csv -seed 1 -o sessions-100000.csv
//	go run ./tools/synth -n 100000 -format xlsx -o sessions-100000.xlsx
//
// The same -n and -seed give the same bytes. Without -o the programme goes
// to standard output.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/docket-forum/docket/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of session rows")
	format := fs.String("format", "csv", "output format: csv or xlsx")
	seed := fs.Int64("seed", 1, "random seed (also picks the IGF edition: dates and time zone)")
	out := fs.String("o", "", "output file (default: standard output)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: synth [-n ROWS] [-format csv|xlsx] [-seed N] [-o FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *n < 0 {
		fs.Usage()
		return 2
	}
	var write func(io.Writer, int, int64) error
	switch *format {
	case "csv":
		write = synth.WriteCSV
	case "xlsx":
		write = synth.WriteXLSX
	default:
		fmt.Fprintf(stderr, "synth: unknown format %q (csv or xlsx)\n", *format)
		return 2
	}
	if *out == "" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw, *n, *seed); err != nil {
			fmt.Fprintln(stderr, "synth:", err)
			return 1
		}
		if err := bw.Flush(); err != nil {
			fmt.Fprintln(stderr, "synth:", err)
			return 1
		}
		return 0
	}
	if err := writeFile(*out, func(w io.Writer) error { return write(w, *n, *seed) }); err != nil {
		fmt.Fprintln(stderr, "synth:", err)
		return 1
	}
	return 0
}

// writeFile writes path through a buffer, removing it again on failure.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
