package commands

import (
	"io"
	"path/filepath"

	"github.com/docket-forum/docket/formats"
)

// output is where a command writes: standard output ("" or "-") or a
// file. Every command writes through streams.write, so the rules of
// writing hold for all of them alike.
type output struct {
	path   string
	binary bool   // not text (a workbook): refused on a terminal
	what   string // what is written, for messages: "xlsx", "the template"
}

// toStdout reports whether the output is standard output.
func (o output) toStdout() bool { return o.path == "" || o.path == "-" }

// checkOutput refuses an output docket must not write: binary data on a
// terminal, or a file that is one of the command's inputs. Commands call
// it before reading, so that a mistake costs nothing; write calls it
// again, so that no command can forget it.
func (s *streams) checkOutput(o output) error {
	if o.toStdout() {
		if o.binary && s.outTTY {
			return usageErrorf("%s is binary: give an output file (-o FILE) or redirect standard output", o.what)
		}
		return nil
	}
	for _, in := range s.inputs {
		if isInput(in, o.path) {
			return usageErrorf("%s: refusing to overwrite the input; choose another output file", o.path)
		}
	}
	return nil
}

// isInput reports whether the output path names the input in.
func isInput(in, out string) bool {
	return in != "-" && (formats.SameFile(in, out) || filepath.Clean(in) == filepath.Clean(out))
}

// write runs fn on the output: standard output, or a file that is
// replaced only when the whole write succeeded (formats.WriteFile). A
// failure to write is an output error (exit 4).
func (s *streams) write(o output, fn func(io.Writer) error) error {
	if err := s.checkOutput(o); err != nil {
		return err
	}
	var err error
	if o.toStdout() {
		err = fn(s.out)
	} else {
		err = formats.WriteFile(o.path, fn)
	}
	if err != nil {
		return &outputError{err}
	}
	return nil
}
