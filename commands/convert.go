package commands

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/internal/schedule"
)

type convertOptions struct {
	input  inputOptions
	output string
	to     string
	quiet  bool
	raw    bool
}

func newConvertCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert a programme to another format",
		ArgsUsage: "IN OUT",
		Description: "Reads a programme (CSV, Excel, or docket's JSON) and writes it in the format\n" +
			"chosen by OUT's extension or --to:\n  " + strings.Join(formats.Writable(), ", ") + ".\n" +
			"OUT '-' (or no OUT) writes to standard output and needs --to. The output is\n" +
			"replaced only when the whole run succeeds.\n\n" +
			"Examples:\n" +
			"  docket convert sessions.xlsx programme.json\n" +
			"  docket convert partner.csv clean.xlsx --tz Asia/Tokyo\n" +
			"  docket convert sessions.xlsx - --to ndjson | jq .title",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Usage: "output format (" + strings.Join(formats.Writable(), ", ") + "); default from OUT's extension"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
			rawFlag,
		),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if len(args) == 0 || (len(args) == 1 && c.String("to") == "") {
				return usageErrorf("convert needs IN and OUT files (OUT - writes to standard output with --to FORMAT)")
			}
			if len(args) > 2 {
				return usageErrorf("convert takes one IN and one OUT, got %d arguments", len(args))
			}
			in, err := readInputOptions(c)
			if err != nil {
				return err
			}
			in.files = args[:1]
			o := convertOptions{input: in, to: c.String("to"), quiet: c.Bool("quiet"), raw: c.Bool("raw")}
			if len(args) == 2 {
				o.output = args[1]
			}
			return runConvert(s, o)
		},
	}
}

func runConvert(s *streams, o convertOptions) error {
	f, err := outputFormat(s, o.to, "--to", o.output, o.input.files)
	if err != nil {
		return err
	}
	wo := formats.WriteOptions{Now: exportTime(s), Raw: o.raw}
	if f.Stream != nil && len(o.input.files) == 1 {
		return streamConvert(s, f, o, wo)
	}
	p, err := load(s, o.input)
	if err != nil {
		return err
	}
	warnProblems(s, p, o.quiet)
	return emit(s, f, p, o.output, wo)
}

// streamConvert converts session by session (formats.Stream), so that a
// file of any size goes through in bounded memory. The notes and
// warnings come after the output, since some are known only at the end.
func streamConvert(s *streams, f *formats.Format, o convertOptions, wo formats.WriteOptions) error {
	streamingGC(s)
	path := o.input.files[0]
	in, err := openInput(s, path)
	if err != nil {
		return err
	}
	ro := o.input.readOptions()
	bar := newProgress(s, o.quiet)
	ro.Progress = bar.reading(path)
	ro.FirstProgress = bar.reading(path + " for its dates")
	var p *schedule.Programme
	err = writeOutput(s, o.output, func(w io.Writer) error {
		var err error
		p, err = formats.Stream(in, ro, f, w, wo)
		return err
	})
	bar.done()
	if err != nil {
		return err
	}
	tell(s, p, o.input)
	warnProblems(s, p, o.quiet)
	return nil
}

// rawFlag turns off formula neutralising in CSV and TSV output.
var rawFlag = &cli.BoolFlag{Name: "raw", Usage: "write cells beginning with = + - @ as they are (CSV/TSV); by default they get a ' so spreadsheets do not run them as formulas"}

// outputFormat decides the output format from the flag (named flagName) or
// the output file's extension, and checks the combination: a format and an
// extension that disagree, stdout without a format, a binary format on a
// terminal, an output that is an input.
func outputFormat(s *streams, name, flagName, out string, inputs []string) (*formats.Format, error) {
	toStdout := out == "" || out == "-"
	var f *formats.Format
	var err error
	switch {
	case name != "":
		if f, err = formats.Lookup(name); err != nil {
			return nil, err
		}
		if !toStdout && filepath.Ext(out) != "" {
			if byExt, err := formats.ForPath(out); err == nil && byExt != f && !(byExt.Name == "json" && f.Name == "schedule-json") {
				return nil, usageErrorf("%s %s contradicts the extension of %s (%s)", flagName, f.Name, out, byExt.Name)
			}
		}
	case toStdout:
		return nil, usageErrorf("writing to standard output needs %s FORMAT (one of: %s)", flagName, strings.Join(formats.Writable(), ", "))
	default:
		if f, err = formats.ForPath(out); err != nil {
			return nil, err
		}
	}
	if f.Write == nil {
		return nil, usageErrorf("docket cannot write %s", f.Name)
	}
	if toStdout && f.Binary && s.outTTY {
		return nil, usageErrorf("%s is binary: give an output file or redirect standard output", f.Name)
	}
	if !toStdout {
		for _, in := range inputs {
			if in != "-" && (formats.SameFile(in, out) || filepath.Clean(in) == filepath.Clean(out)) {
				return nil, usageErrorf("%s: refusing to overwrite the input; choose another output file", out)
			}
		}
	}
	return f, nil
}

// emit writes p in format f to out (see writeOutput).
func emit(s *streams, f *formats.Format, p *schedule.Programme, out string, wo formats.WriteOptions) error {
	return writeOutput(s, out, func(w io.Writer) error { return f.Write(w, p, wo) })
}

// writeOutput runs write on standard output for "" or "-", else on the
// file out, replaced only when the whole write succeeded; a failure is an
// output error (exit 4).
func writeOutput(s *streams, out string, write func(io.Writer) error) error {
	var err error
	if out == "" || out == "-" {
		err = write(s.out)
	} else {
		err = formats.WriteFile(out, write)
	}
	if err != nil {
		return &outputError{err}
	}
	return nil
}

// exportTime is the time an export is stamped with (iCalendar's DTSTAMP):
// SOURCE_DATE_EPOCH when set, for reproducible builds, else now.
func exportTime(s *streams) time.Time {
	if v := s.getenv("SOURCE_DATE_EPOCH"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}
