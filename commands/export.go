package commands

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/internal/schedule"
)

type exportOptions struct {
	input   inputOptions
	format  string
	output  string
	filter  filterOptions
	title   string
	acronym string
	as      string // --as: markdown or html, for --format page
	raw     bool
}

func newExportCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the schedule for calendars, conference apps and pages",
		ArgsUsage: "FILE...",
		Description: "Writes the programme as an iCalendar file (ics), the frab schedule.xml (frab) or\n" +
			"c3voc schedule.json (schedule-json) that conference apps read, Markdown, or any\n" +
			"format convert writes. The filters of table apply. -o - (or no -o) writes to\n" +
			"standard output.\n\n" +
			"Examples:\n" +
			"  docket export sessions.xlsx --format ics -o igf2023.ics --title \"IGF 2023\"\n" +
			"  docket export sessions.xlsx --format frab -o schedule.xml --acronym igf2023\n" +
			"  docket export sessions.csv --format markdown --day 2023-10-11 > day3.md\n" +
			"  docket export sessions.xlsx --format page --as html -o pages/",
		Flags: append(append(inputFlags(), filterFlags()...),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "export format: " + strings.Join(formats.Writable(), ", ") + " (default: from -o's extension)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "as", Usage: "with --format page: write the pages as markdown (default) or html; -o DIR/ writes one file per session"},
			&cli.StringFlag{Name: "title", Usage: "the conference's name in the feeds (default: the programme's)"},
			&cli.StringFlag{Name: "acronym", Usage: "the conference's short name in the feeds, e.g. igf2023 (default: made from the title)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
			rawFlag,
		),
		Action: func(c *cli.Context) error {
			in, err := readInputOptions(c)
			if err != nil {
				return err
			}
			return runExport(s, exportOptions{
				input: in, format: c.String("format"), output: c.String("output"),
				filter: readFilterOptions(c), title: c.String("title"), acronym: c.String("acronym"), raw: c.Bool("raw"),
				as: c.String("as"),
			})
		},
	}
}

func runExport(s *streams, o exportOptions) error {
	if o.format == "" && (o.output == "" || o.output == "-") {
		return usageErrorf("export needs --format (one of: %s)", strings.Join(formats.Writable(), ", "))
	}
	var (
		f        *formats.Format
		pagesDir string // --format page -o DIR: one file per session
		err      error
	)
	if isPageFormat(o.format) {
		f, pagesDir, err = pageOutput(&o)
	} else if o.as != "" {
		err = usageErrorf("--as is only for --format page (it chooses markdown or html pages)")
	} else {
		f, err = outputFormat(s, o.format, "--format", o.output, o.input.files)
	}
	if err != nil {
		return err
	}
	loc, err := o.filter.check()
	if err != nil {
		return err
	}
	p, err := load(s, o.input)
	if err != nil {
		return err
	}
	warnProblems(s, p, o.input.quiet)
	shown := loc // nil unless --show-tz: the formats then use the programme's zone
	p.Sessions, _ = o.filter.apply(p, loc)
	wo := formats.WriteOptions{Now: exportTime(s), Title: o.title, Acronym: o.acronym, Raw: o.raw, Loc: shown}
	if pagesDir != "" {
		paths, err := formats.WritePages(pagesDir, p, formats.PageOptions{As: o.as, Loc: wo.Loc, Title: o.title})
		if err != nil {
			return &outputError{err}
		}
		if !o.input.quiet {
			fmt.Fprintf(s.err, "wrote %d pages to %s\n", len(paths), pagesDir)
		}
		return nil
	}
	return emit(s, f, p, o.output, wo)
}

// isPageFormat reports whether --format names the page export.
func isPageFormat(name string) bool {
	f, err := formats.Lookup(name)
	return name != "" && err == nil && f.Name == "page"
}

// pageOutput checks where --format page writes and returns the format to
// emit with (its pages written as --as says) or the folder to write one
// file per session into. -o names a folder when it is one, ends in a
// slash or has no extension; a single file is .md or .html, and its
// extension decides --as when --as is not given.
func pageOutput(o *exportOptions) (*formats.Format, string, error) {
	switch strings.ToLower(strings.TrimSpace(o.as)) {
	case "":
	case "markdown", "md":
		o.as = "markdown"
	case "html":
		o.as = "html"
	default:
		return nil, "", usageErrorf("--as must be %s, not %q", strings.Join(formats.PageKinds, " or "), o.as)
	}
	out := o.output
	if out != "" && out != "-" {
		if st, err := os.Stat(out); (err == nil && st.IsDir()) || strings.HasSuffix(out, "/") ||
			strings.HasSuffix(out, string(filepath.Separator)) || filepath.Ext(out) == "" {
			return nil, out, nil
		}
		var byExt string
		switch strings.ToLower(filepath.Ext(out)) {
		case ".md", ".markdown":
			byExt = "markdown"
		case ".html", ".htm":
			byExt = "html"
		default:
			return nil, "", usageErrorf("--format page writes a folder (-o DIR/) or one .md or .html file, not %s", out)
		}
		if o.as != "" && o.as != byExt {
			return nil, "", usageErrorf("--as %s contradicts the extension of %s", o.as, out)
		}
		o.as = byExt
		for _, in := range o.input.files {
			if in != "-" && (formats.SameFile(in, out) || filepath.Clean(in) == filepath.Clean(out)) {
				return nil, "", usageErrorf("%s: refusing to overwrite the input; choose another output file", out)
			}
		}
	}
	page, err := formats.Lookup("page")
	if err != nil {
		return nil, "", err
	}
	as := o.as
	f := *page
	f.Write = func(w io.Writer, p *schedule.Programme, wo formats.WriteOptions) error {
		return formats.WritePageStream(w, p, formats.PageOptions{As: as, Loc: wo.Loc, Title: wo.Title})
	}
	return &f, "", nil
}
