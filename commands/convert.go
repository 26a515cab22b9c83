package commands

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
)

type convertOptions struct {
	input  inputOptions
	output string
	to     string
	quiet  bool
}

func newConvertCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert a programme to another format",
		ArgsUsage: "IN OUT",
		Description: "Reads a CSV or Excel programme and writes it as csv, tsv, json, ndjson, xlsx or\n" +
			"markdown, chosen by OUT's extension or --to. OUT '-' (or no OUT) writes to standard\n" +
			"output and needs --to. The output is replaced only when the whole run succeeds.\n\n" +
			"Examples:\n" +
			"  docket convert sessions.xlsx programme.json\n" +
			"  docket convert partner.csv clean.xlsx --tz Asia/Tokyo\n" +
			"  docket convert sessions.xlsx - --to ndjson | jq .title",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Usage: "output format (csv, tsv, json, ndjson, xlsx, markdown); default from OUT's extension"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
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
			o := convertOptions{input: in, to: c.String("to"), quiet: c.Bool("quiet")}
			if len(args) == 2 {
				o.output = args[1]
			}
			return runConvert(s, o)
		},
	}
}

func runConvert(s *streams, o convertOptions) error {
	out := o.output
	toStdout := out == "" || out == "-"
	var f *formats.Format
	var err error
	switch {
	case o.to != "":
		if f, err = formats.Lookup(o.to); err != nil {
			return err
		}
		if !toStdout && filepath.Ext(out) != "" {
			if byExt, err := formats.ForPath(out); err == nil && byExt != f {
				return usageErrorf("--to %s contradicts the extension of %s (%s)", f.Name, out, byExt.Name)
			}
		}
	case toStdout:
		return usageErrorf("writing to standard output needs --to FORMAT (one of: %s)", strings.Join(formats.Writable(), ", "))
	default:
		if f, err = formats.ForPath(out); err != nil {
			return err
		}
	}
	if f.Write == nil {
		return usageErrorf("docket cannot write %s", f.Name)
	}
	if toStdout && f.Binary && s.outTTY {
		return usageErrorf("%s is binary: give an output file or redirect standard output", f.Name)
	}
	if !toStdout && o.input.files[0] != "-" {
		if formats.SameFile(o.input.files[0], out) || filepath.Clean(o.input.files[0]) == filepath.Clean(out) {
			return usageErrorf("%s: refusing to overwrite the input; choose another output file", out)
		}
	}
	p, err := load(s, o.input)
	if err != nil {
		return err
	}
	warnProblems(s, p, o.quiet)
	wo := formats.WriteOptions{Now: time.Now()}
	write := func(w io.Writer) error { return f.Write(w, p, wo) }
	if toStdout {
		err = write(s.out)
	} else {
		err = formats.WriteFile(out, write)
	}
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			return err
		}
		return &outputError{err}
	}
	return nil
}
