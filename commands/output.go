package commands

import (
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
)

// output is where a command writes: standard output ("" or "-") or a
// file. Every command writes through streams.write, so the rules of
// writing hold for all of them alike.
type output struct {
	path   string
	binary bool   // not text (a workbook): refused on a terminal
	what   string // what is written, for messages: "xlsx", "the template"
	// keep is what an existing file at path must not be for the command
	// to replace it without --force (force).
	keep   keep
	format string // the format written, for keepOtherFormat
	force  bool
}

// keep is the rule by which a writer replaces an existing file: what it
// writes for the same purpose it replaces; anything else that docket can
// tell is worth keeping needs --force.
type keep int

const (
	// keepNothing: replace whatever is there (docs, standard output).
	keepNothing keep = iota
	// keepProgramme: a programme with sessions is kept. For the writers
	// of something else: report, validate's findings, diff.
	keepProgramme
	// keepOtherFormat: a programme with sessions in a format other than
	// the one written (format) is kept. For export and convert: replacing
	// last run's export is their purpose, replacing the programme is not.
	keepOtherFormat
	// keepAllButBlank: only a blank programme (a template, or a file
	// with no sessions) or an empty file is replaced. For template.
	keepAllButBlank
)

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
	if o.force || o.keep == keepNothing || s.replaceable[o.path] {
		return nil
	}
	if err := mayReplace(o); err != nil {
		return err
	}
	if s.replaceable == nil {
		s.replaceable = map[string]bool{}
	}
	s.replaceable[o.path] = true // write checks again: read the file once
	return nil
}

// mayReplace refuses to replace an existing file that o.keep keeps. It
// reads the file only as far as its first session (formats.Holds).
func mayReplace(o output) error {
	st, err := os.Stat(o.path)
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
		return nil // nothing there, or nothing a file would replace
	}
	f, sessions, ok := formats.Holds(o.path)
	switch o.keep {
	case keepAllButBlank:
		if sessions {
			return usageErrorf("%s is a programme (%s with sessions): the blank template would replace it; --force replaces it, or choose another file", o.path, f.Noun)
		}
		if !ok {
			return usageErrorf("%s exists and is not a blank template (docket does not read it as a programme): --force replaces it, or choose another file", o.path)
		}
	case keepProgramme:
		if sessions {
			return usageErrorf("%s is a programme (%s with sessions), which %s would replace: --force replaces it, or choose another output file", o.path, f.Noun, o.what)
		}
	case keepOtherFormat:
		if sessions && !sameKind(f, o.format) {
			return usageErrorf("%s is a programme in another format (%s with sessions), which the %s output would replace: --force replaces it, or choose another output file", o.path, f.Noun, o.format)
		}
	}
	return nil
}

// sameKind reports whether a programme read as format f is of the format
// named written. The delimited formats (read, and told apart by name
// only: CSV and TSV) count as one, since a file without an extension
// reads as CSV whichever delimiter it has.
func sameKind(f *formats.Format, written string) bool {
	w, err := formats.Lookup(written)
	delimited := func(f *formats.Format) bool { return f.Sniff == nil && f.Read != nil }
	return err == nil && (f == w || (delimited(f) && delimited(w)))
}

// forceFlag lets a writer replace a file it keeps (see keep); usage says
// which.
func forceFlag(usage string) cli.Flag {
	return &cli.BoolFlag{Name: "force", Usage: usage}
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
