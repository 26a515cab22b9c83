package commands

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
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
	idTitle bool   // --id-in-title
	prev    string // --previous
	paper   string // --paper: a4 or letter, for --format pdf
	force   bool
	split   string // --split-by: person, room, day or type
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
			"  docket export sessions.xlsx --format page --as html -o pages/\n" +
			"  docket export sessions.xlsx --format ics --split-by person -o speakers/\n" +
			"  docket export sessions.xlsx --format pdf --paper letter -o programme.pdf",
		Flags: append(append(inputFlags(), filterFlags()...),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "export format: " + strings.Join(formats.Writable(), ", ") + " (default: from -o's extension)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "as", Usage: "with --format page: write the pages as markdown (default) or html; -o DIR/ writes one file per session"},
			&cli.StringFlag{Name: "paper", Usage: "with --format pdf: the paper size, " + strings.Join(formats.Papers, " or ") + " (default: a4)"},
			&cli.StringFlag{Name: "title", Usage: "the conference's name in the feeds (default: the programme's)"},
			&cli.StringFlag{Name: "acronym", Usage: "the conference's short name in the feeds, e.g. igf2023 (default: made from the title)"},
			&cli.StringFlag{Name: "previous", Usage: "the `FILE` as last published (or REV:PATH): ics keeps each unchanged event's SEQUENCE, raises it for a changed one and cancels a removed one; frab and schedule-json raise their version only when the schedule changed"},
			&cli.StringFlag{Name: "split-by", Usage: "write one file per `KEY` (person, room, day or type) into the folder -o DIR/, each holding only its sessions, with an index (index.html beside HTML, else index.md); person files are named by the person's name and id, e.g. ana-lima-521541.ics; with --format pdf, --split-by room makes each room's file a door sign (a page per day of its sessions in large type)"},
			&cli.BoolFlag{Name: "id-in-title", Usage: "in the frab and schedule-json feeds, put the session id before each title (\"WS #101: Title\"), as docket did before"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
			rawFlag, forceOtherFormat,
		),
		Action: func(c *cli.Context) error {
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			return runExport(s, exportOptions{
				input: in, format: c.String("format"), output: c.String("output"),
				filter: readFilterOptions(c), raw: c.Bool("raw"),
				title:   s.configText(c, "title", func(cfg *config) string { return cfg.Event.Title }),
				acronym: s.configText(c, "acronym", func(cfg *config) string { return cfg.Event.Acronym }),
				as:      c.String("as"), idTitle: c.Bool("id-in-title"), prev: c.String("previous"),
				paper: c.String("paper"), force: c.Bool("force"), split: c.String("split-by"),
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
		out      output
		pagesDir string // --format page -o DIR: one file per session
		splitDir string // --split-by: one file per person, room, day or type
		err      error
	)
	f, out, err = outputFormat(o.format, "--format", o.output)
	out.force = o.force
	switch {
	case err != nil:
	case o.split != "":
		splitDir, err = splitOutput(&o, f, out)
	case f.Name == "page":
		pagesDir, err = pageOutput(&o, out)
	case o.as != "":
		err = usageErrorf("--as is only for --format page (it chooses markdown or html pages)")
	}
	if err == nil && o.paper != "" {
		if f.Name != "pdf" {
			err = usageErrorf("--paper is only for --format pdf (it chooses the paper size)")
		} else if perr := formats.CheckPaper(o.paper); perr != nil {
			err = usageErrorf("--paper: %v", perr)
		}
	}
	if err == nil && o.prev != "" && f.Name != "ics" && f.Name != "frab" && f.Name != "schedule-json" {
		err = usageErrorf("--previous is for the formats that announce changes: ics, frab, schedule-json")
	}
	if err == nil {
		err = s.checkOutput(out)
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
	all := p.Sessions
	p.Sessions, _ = o.filter.apply(p, loc)
	if len(p.Sessions) == 0 && len(all) > 0 && !o.input.quiet {
		// The export is written all the same (an empty calendar is one),
		// but the filters that selected nothing are told.
		o.filter.noMatch(s, all)
	}
	wo := formats.WriteOptions{Now: exportTime(s), Title: o.title, Acronym: o.acronym, Raw: o.raw, Loc: shown, As: o.as, IDInTitle: o.idTitle, Paper: o.paper}
	if o.prev != "" {
		if wo.Previous, err = loadVersion(s, o.input, o.prev); err != nil {
			return err
		}
	}
	if splitDir != "" {
		paths, err := formats.WriteSplit(splitDir, f, p, o.split, wo)
		if err != nil {
			return &outputError{err}
		}
		if !o.input.quiet {
			fmt.Fprintf(s.err, "wrote %d files by %s and %s to %s\n", len(paths)-1, o.split, filepath.Base(paths[len(paths)-1]), splitDir)
		}
		return nil
	}
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
	return s.write(out, func(w io.Writer) error { return f.Write(w, p, wo) })
}

// pageOutput settles where --format page writes: the folder to write one
// file per session into, returned, or one .md or .html file (or standard
// output), whose extension decides --as when --as is not given. -o names
// a folder when it is one, ends in a slash or has no extension.
func pageOutput(o *exportOptions, out output) (dir string, err error) {
	file := ""
	if !out.toStdout() {
		if st, err := os.Stat(out.path); (err == nil && st.IsDir()) || strings.HasSuffix(out.path, "/") ||
			strings.HasSuffix(out.path, string(filepath.Separator)) || filepath.Ext(out.path) == "" {
			dir = out.path
		} else {
			file = out.path
		}
	}
	if o.as, err = formats.PageKindFor(o.as, file); err != nil {
		return "", usageErrorf("%v", err)
	}
	return dir, nil
}

// splitOutput checks --split-by: a key it knows, and -o naming a folder
// (one that is one, or a name ending in a slash or without an
// extension), which it returns. With --format page, --as says whether
// each file holds its pages as Markdown or HTML.
func splitOutput(o *exportOptions, f *formats.Format, out output) (dir string, err error) {
	if !slices.Contains(formats.SplitKeys, o.split) {
		return "", usageErrorf("--split-by must be one of %s, not %q", strings.Join(formats.SplitKeys, ", "), o.split)
	}
	if out.toStdout() {
		return "", usageErrorf("--split-by writes a folder of files: name it with -o DIR/")
	}
	if st, err := os.Stat(out.path); (err == nil && !st.IsDir()) || (err != nil && !strings.HasSuffix(out.path, "/") &&
		!strings.HasSuffix(out.path, string(filepath.Separator)) && filepath.Ext(out.path) != "") {
		return "", usageErrorf("--split-by writes a folder of files, and %s is a file: name a folder with -o DIR/", out.path)
	}
	if f.Name == "page" {
		if o.as, err = formats.PageKindFor(o.as, ""); err != nil {
			return "", usageErrorf("%v", err)
		}
	} else if o.as != "" {
		return "", usageErrorf("--as is only for --format page (it chooses markdown or html pages)")
	}
	return out.path, nil
}
