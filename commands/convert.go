package commands

import (
	"io"
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
	force  bool
}

func newConvertCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert a programme to another format",
		ArgsUsage: "IN OUT | IN... -o OUT",
		Description: "Reads a programme (CSV, Excel, a schedule feed, or docket's JSON) and writes it\n" +
			"in the format chosen by OUT's extension or --to:\n  " + strings.Join(formats.Writable(), ", ") + ".\n" +
			"OUT '-' (or no OUT) writes to standard output and needs --to. With -o, every\n" +
			"argument is an input, merged into one programme: each session keeps its file,\n" +
			"and --prefix-ids keeps ids that two files share apart. The output is replaced\n" +
			"only when the whole run succeeds.\n\n" +
			"Examples:\n" +
			"  docket convert sessions.xlsx programme.json\n" +
			"  docket convert partner.csv clean.xlsx --tz Asia/Tokyo\n" +
			"  docket convert partner-a.xlsx pretalx.json schedule.xml -o programme.xlsx --prefix-ids\n" +
			"  docket convert sessions.xlsx - --to ndjson | jq .title",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Usage: "output format (" + strings.Join(formats.Writable(), ", ") + "); default from OUT's extension"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT`: then every argument is an input, merged into one programme"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
			rawFlag, forceOtherFormat,
		),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			inputs, output := args, c.String("output")
			if !c.IsSet("output") {
				if len(args) == 0 || (len(args) == 1 && c.String("to") == "") {
					return usageErrorf("convert needs IN and OUT files (OUT - writes to standard output with --to FORMAT), or inputs and -o OUT")
				}
				if len(args) > 2 {
					return usageErrorf("convert takes one IN and one OUT, got %d arguments: to merge several inputs, name the output with -o", len(args))
				}
				inputs = args[:1]
				if len(args) == 2 {
					output = args[1]
				}
			} else if len(args) == 0 {
				return usageErrorf("convert -o needs at least one input")
			}
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			in.files = inputs
			s.inputs = in.files // OUT is not an input
			return runConvert(s, convertOptions{input: in, to: c.String("to"), quiet: c.Bool("quiet"), raw: c.Bool("raw"), output: output, force: c.Bool("force")})
		},
	}
}

func runConvert(s *streams, o convertOptions) error {
	s.formatFlag = "--to"
	f, out, err := outputFormat(o.to, "--to", o.output)
	out.force = o.force
	if err == nil {
		err = s.checkOutput(out)
	}
	if err != nil {
		return err
	}
	wo := formats.WriteOptions{Now: exportTime(s), Raw: o.raw}
	if f.Stream != nil && len(o.input.files) == 1 {
		return streamConvert(s, f, out, o, wo)
	}
	p, err := load(s, o.input)
	if err != nil {
		return err
	}
	warnProblems(s, p, o.quiet)
	return s.write(out, func(w io.Writer) error { return f.Write(w, p, wo) })
}

// streamConvert converts session by session (formats.Stream), so that a
// file of any size goes through in bounded memory. The notes and
// warnings come after the output, since some are known only at the end.
func streamConvert(s *streams, f *formats.Format, out output, o convertOptions, wo formats.WriteOptions) error {
	streamingGC(s)
	path := o.input.files[0]
	in, err := openInput(s, path, o.input.limits)
	if err != nil {
		return err
	}
	ro := o.input.readOptions()
	bar := newProgress(s, o.quiet)
	ro.Progress = bar.reading(path)
	ro.FirstProgress = bar.reading(path + " for its dates")
	var p *schedule.Programme
	err = s.write(out, func(w io.Writer) error {
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

// outputFormat decides the output format from the flag (named flagName)
// or the output file's extension, and checks that the two agree and that
// docket writes the format. It returns where to write it too.
func outputFormat(name, flagName, out string) (*formats.Format, output, error) {
	o := output{path: out}
	var f *formats.Format
	var err error
	switch {
	case name != "":
		if f, err = formats.Lookup(name); err != nil {
			return nil, o, err
		}
		if byExt, err := formats.ForPath(out); err == nil && !o.toStdout() && !f.Accepts(out) {
			return nil, o, usageErrorf("%s %s contradicts the extension of %s (%s)", flagName, f.Name, out, byExt.Name)
		}
	case o.toStdout():
		return nil, o, usageErrorf("writing to standard output needs %s FORMAT (one of: %s)", flagName, strings.Join(formats.Writable(), ", "))
	default:
		if f, err = formats.ForPath(out); err != nil {
			return nil, o, err
		}
	}
	if f.Write == nil {
		return nil, o, usageErrorf("docket cannot write %s", f.Name)
	}
	o.binary, o.what, o.format, o.keep = f.Binary, f.Name, f.Name, keepOtherFormat
	return f, o, nil
}

// forceOtherFormat is the --force of export and convert.
var forceOtherFormat = forceFlag("replace the output file even when it is a programme in another format than the one written (refused by default; a file of the same format is always replaced)")

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
