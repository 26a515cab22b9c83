package commands

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/internal/schedule"
)

// inputOptions are the flags of every command that reads a programme.
type inputOptions struct {
	files     []string
	tz        string
	sheet     string
	dateOrder string
	profile   string
	// firstDay and lastDay are the event's days (--event-days), YYYY-MM-DD.
	firstDay, lastDay string
	mapping           map[string]schedule.Field
	limits            formats.Limits
	verbose           bool // tell the reader's decisions on stderr
	prefixIDs         bool // --prefix-ids
	quiet             bool // no warnings on stderr
	inspect           bool // reading to show how a file is read (columns)
}

func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Category: "Input", Name: "tz", Usage: "programme time zone (IANA name, e.g. Asia/Tokyo) for times written without one; a timezone column overrides it per row", EnvVars: []string{"DOCKET_TZ"}},
		&cli.StringFlag{Category: "Input", Name: "sheet", Usage: "workbook sheet to read (default: the sheet that looks like sessions)"},
		&cli.StringFlag{Category: "Input", Name: "date-order", Usage: "read dates like 11/10/2023 as dmy (day first) or mdy (month first); default: decided from the data"},
		&cli.StringFlag{Category: "Input", Name: "config", Usage: "the settings `FILE` (default: docket.toml next to the input or in a folder above it, up to the repository's root)"},
		&cli.StringFlag{Category: "Input", Name: "event-days", Usage: "the event's first and last day, `FIRST..LAST` (YYYY-MM-DD): day names and Day 1 in the sheet are read as its days, a time-only sheet of a one-day event takes its day, outside-event checks against them"},
		&cli.StringFlag{Category: "Input", Name: "profile", Usage: "the rules to check with: igf (the IGF's vocabularies and norms) or generic; default: decided from the data"},
		&cli.StringFlag{Category: "Input", Name: "map", Usage: "mapping `FILE` (JSON or \"header: field\" lines) for headers docket does not know"},
		&cli.BoolFlag{Category: "Input", Name: "prefix-ids", Usage: "with several inputs, put each file's name before its session ids (partner-a/WS 1), so that the same id in two files names two sessions"},
		&cli.StringFlag{Category: "Input", Name: "max-cell-size", Usage: "refuse a cell larger than this (e.g. 4M; default 1M)"},
		&cli.IntFlag{Category: "Input", Name: "max-columns", Value: formats.DefaultColumns, Usage: "refuse a row with more columns than this"},
		&cli.StringFlag{Category: "Input", Name: "max-unzip-size", Usage: "refuse a workbook that unzips to more than this (e.g. 4G; default 2G)"},
		&cli.IntFlag{Category: "Input", Name: "max-merged-cells", Value: formats.DefaultMergedCells, Usage: "refuse a sheet whose merged areas cover more cells than this"},
		&cli.IntFlag{Category: "Input", Name: "max-shared-strings", Value: formats.DefaultSharedStrings, Usage: "refuse a workbook with more shared strings than this"},
		// Not -v: urfave/cli reserves it for --version.
		&cli.BoolFlag{Category: "Input", Name: "verbose", Usage: "tell on stderr how the input was read (encoding, delimiter, sheet, date order)"},
	}
}

// inputOptions reads the input flags and arguments of c. The files are
// the command's inputs, which no output may overwrite (see checkOutput).
func (s *streams) inputOptions(c *cli.Context) (inputOptions, error) {
	o := inputOptions{files: c.Args().Slice(), tz: c.String("tz"), sheet: c.String("sheet"),
		dateOrder: c.String("date-order"), profile: c.String("profile"), verbose: c.Bool("verbose"), quiet: c.Bool("quiet"), prefixIDs: c.Bool("prefix-ids")}
	if v := c.String("event-days"); v != "" {
		first, last, err := parseEventDays(v)
		if err != nil {
			return o, usageErrorf("--event-days %v", err)
		}
		o.firstDay, o.lastDay = first, last
	}
	if o.profile != "" {
		if err := oneOf("--profile", o.profile, schedule.Profiles); err != nil {
			return o, err
		}
	}
	if o.dateOrder != "" {
		if err := oneOf("--date-order", o.dateOrder, []string{"dmy", "mdy"}); err != nil {
			return o, err
		}
	}
	o.limits.Columns = c.Int("max-columns")
	o.limits.MergedCells = c.Int("max-merged-cells")
	o.limits.SharedStrings = c.Int("max-shared-strings")
	for _, l := range []struct {
		flag string
		dst  *int64
	}{{"max-cell-size", new(int64)}, {"max-unzip-size", &o.limits.UnzipBytes}} {
		if v := c.String(l.flag); v != "" {
			n, err := parseSize(v)
			if err != nil {
				return o, usageErrorf("--%s: %v", l.flag, err)
			}
			*l.dst = n
			if l.flag == "max-cell-size" {
				o.limits.CellBytes = int(n)
			}
		}
	}
	if path := c.String("map"); path != "" {
		m, err := formats.ReadMap(path)
		if err != nil {
			return o, usageErrorf("%v", err)
		}
		o.mapping = m
	}
	s.inputs = o.files
	if len(o.files) == 0 {
		return o, usageErrorf("%s needs a FILE (a .csv or .xlsx programme, or - for standard input)", c.Command.Name)
	}
	if o.tz != "" {
		if _, err := schedule.LoadLocation(o.tz); err != nil {
			return o, zoneError("--tz", o.tz, err)
		}
	}
	if err := s.applyConfig(c, &o); err != nil {
		return o, err
	}
	return o, nil
}

// load reads and merges the programmes of every input file.
func load(s *streams, o inputOptions) (*schedule.Programme, error) {
	var all *schedule.Programme
	var files []*schedule.Programme
	err := readInputs(s, o, nil, func(p *schedule.Programme) {
		files = append(files, p)
		if all == nil {
			all = p
			return
		}
		all.Merge(p)
	})
	if err != nil {
		return nil, err
	}
	if len(files) > 1 && !o.prefixIDs && !o.quiet {
		if w := sharedIDs(files); w != "" {
			s.errorf("warning: %s", s.word(w))
		}
	}
	return all, nil
}

// prefixID puts the file's name before a session's id: the same id in
// two partners' files then names two sessions.
func prefixID(s *schedule.Session) {
	stem := strings.TrimSuffix(filepath.Base(s.Src.File), filepath.Ext(s.Src.File))
	s.ID = stem + "/" + s.ID
}

// sharedIDs says which session ids more than one of the files gives
// (compared as duplicate-id compares them, ignoring case), or "".
func sharedIDs(files []*schedule.Programme) string {
	first := map[string]string{} // folded id -> the file that gave it first
	var shared []string
	seen := map[string]bool{}
	for _, p := range files {
		mine := map[string]bool{}
		for _, s := range p.Sessions {
			k := strings.ToLower(s.ID)
			if s.ID == "" || mine[k] {
				continue
			}
			mine[k] = true
			if f, ok := first[k]; ok && f != s.Src.File && !seen[k] {
				seen[k] = true
				shared = append(shared, fmt.Sprintf("%s (%s and %s)", s.ID, f, s.Src.File))
			} else if !ok {
				first[k] = s.Src.File
			}
		}
	}
	n := len(shared)
	if n == 0 {
		return ""
	}
	more, what := "", "session ids are"
	if n > 5 {
		shared, more = shared[:5], fmt.Sprintf(" and %d more", n-5)
	}
	if n == 1 {
		what = "session id is"
	}
	return fmt.Sprintf("%d %s given by more than one input: %s%s; input.prefix-ids keeps them apart, else the duplicate-id finding names each",
		n, what, strings.Join(shared, ", "), more)
}

// readInputs reads every input through one path (see openInput), handing
// each session to sink as it is read (formats.ReadOptions.Sink) when sink
// is set, and each file's programme to done once read; its notes and
// warnings are told on stderr.
func readInputs(s *streams, o inputOptions, sink func(*schedule.Programme, *schedule.Session) error, done func(*schedule.Programme)) error {
	ro := o.readOptions()
	ro.Sink = sink
	prefix := o.prefixIDs && len(o.files) > 1
	if prefix && sink != nil {
		ro.Sink = func(p *schedule.Programme, s *schedule.Session) error {
			prefixID(s)
			return sink(p, s)
		}
	}
	bar := newProgress(s, o.quiet)
	defer bar.done()
	stdinUsed := false
	for _, path := range o.files {
		if path == "-" {
			if stdinUsed {
				return usageErrorf("standard input (-) can be read only once")
			}
			stdinUsed = true
		}
		in, err := openInput(s, path, o.limits)
		if err != nil {
			return err
		}
		ro.Progress = bar.reading(path)
		p, err := formats.ReadProgramme(in, ro)
		if err != nil {
			return err
		}
		if prefix && sink == nil {
			for _, s := range p.Sessions {
				prefixID(s)
			}
		}
		tell(s, p, o)
		done(p)
	}
	return nil
}

// streamingGC lets the heap grow three times past what is live before
// collecting (Go's default is twice), under a soft limit of 180 MiB: a
// streaming conversion keeps little live, so the default collects every
// few megabytes. Four times was no faster at a million rows and took JSON
// to 85-93 MiB of the 100 MiB it may use; three times took 52 MiB. GOGC
// and GOMEMLIMIT, when set, still decide.
func streamingGC(s *streams) {
	if s.getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if s.getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(180 << 20)
	}
}

// tell prints a programme's notes (with --verbose) and warnings (unless
// --quiet) on stderr.
func tell(s *streams, p *schedule.Programme, o inputOptions) {
	if o.verbose {
		for _, n := range p.Notes {
			s.errorf("%s", s.word(n))
		}
	}
	if !o.quiet {
		for _, w := range p.Warnings {
			s.errorf("warning: %s", s.word(w))
		}
	}
}

// openInput is the one way a command opens an input: "-" is standard
// input; a pipe or FIFO given as a file (<(curl ...), mkfifo) gives its
// bytes once, so it is read as a stream like standard input, never opened
// twice; anything else is a file read by its path.
func openInput(s *streams, path string, l formats.Limits) (formats.Input, error) {
	if path == "-" {
		return formats.StdinInput(s.in, l)
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		// A pipe (<(curl ...), mkfifo) gives its bytes once: it is read
		// as a stream, like standard input.
		f, err := os.Open(path)
		if err != nil {
			return formats.Input{}, &formats.InputError{File: path, Err: err}
		}
		return formats.ReaderInput(path, f, l)
	}
	return formats.Input{Name: path, Path: path}, nil
}

// readOptions are the reader's options from the input flags.
func (o inputOptions) readOptions() formats.ReadOptions {
	return formats.ReadOptions{Timezone: o.tz, Sheet: o.sheet, DateOrder: o.dateOrder, Profile: o.profile, FirstDay: o.firstDay, LastDay: o.lastDay, Map: o.mapping, Limits: o.limits, Inspect: o.inspect}
}

// displayLocation reads --show-tz: "local" is the machine's zone.
func displayLocation(name string) (*time.Location, error) {
	if name == "" {
		return nil, nil
	}
	if name == "local" || name == "Local" {
		return time.Local, nil
	}
	loc, err := schedule.LoadLocation(name)
	if err != nil {
		return nil, zoneError("--show-tz", name, err)
	}
	return loc, nil
}

// zoneError is the usage error for the unknown zone name given by what (a
// flag or setting), with the IANA name it was likely meant to be.
func zoneError(what, name string, err error) error {
	if s := schedule.SuggestZone(name); s != "" {
		return usageErrorf("%s: unknown time zone %q: did you mean %s?", what, name, s)
	}
	return usageErrorf("%s: %v", what, err)
}

// warnProblems tells on stderr how many values could not be read, for the
// commands that do not print the findings.
func warnProblems(s *streams, p *schedule.Programme, quiet bool) {
	if quiet || len(p.Problems) == 0 {
		return
	}
	n := len(p.Problems)
	noun := "values"
	if n == 1 {
		noun = "value"
	}
	fmt.Fprintf(s.err, "docket: warning: %d %s could not be read as expected; run 'docket validate' to see where\n", n, noun)
}

// parseSize reads a size in bytes: 1048576, 512K, 4M, 2G (powers of 1024).
func parseSize(v string) (int64, error) {
	v = strings.TrimSpace(strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(strings.ToUpper(v), "B"), "I")))
	mult := int64(1)
	switch {
	case strings.HasSuffix(v, "K"):
		mult, v = 1<<10, strings.TrimSuffix(v, "K")
	case strings.HasSuffix(v, "M"):
		mult, v = 1<<20, strings.TrimSuffix(v, "M")
	case strings.HasSuffix(v, "G"):
		mult, v = 1<<30, strings.TrimSuffix(v, "G")
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (write e.g. 4M or 2G)", v)
	}
	if n > math.MaxInt64/mult {
		return 0, fmt.Errorf("%q is too large a size", v) // 17179869185G wrapped to 1 GiB
	}
	return n * mult, nil
}

// progress draws "reading FILE: N rows" on stderr for reads that take more
// than a second, only when stderr is a terminal: never in pipes or CI logs.
type progress struct {
	s     *streams
	on    bool
	start time.Time
	drawn bool
}

func newProgress(s *streams, quiet bool) *progress {
	return &progress{s: s, on: s.errTTY && !quiet, start: time.Now()}
}

func (p *progress) reading(file string) func(int) {
	if !p.on {
		return nil
	}
	return func(rows int) {
		if time.Since(p.start) < time.Second {
			return
		}
		p.drawn = true
		fmt.Fprintf(p.s.err, "\r\x1b[Kdocket: reading %s: %d rows", file, rows)
	}
}

// done clears the progress line, if one was drawn.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.s.err, "\r\x1b[K")
	}
}

// parseEventDays reads FIRST..LAST (or one day) as YYYY-MM-DD dates.
func parseEventDays(v string) (first, last string, err error) {
	a, b, ok := strings.Cut(v, "..")
	if !ok {
		a, b = v, v // one day
	}
	d1, err1 := schedule.ParseDate(a)
	d2, err2 := schedule.ParseDate(b)
	if err1 != nil || err2 != nil || d2.String() < d1.String() {
		return "", "", fmt.Errorf("must be FIRST..LAST or one day, e.g. 2023-10-08..2023-10-12, not %q", v)
	}
	return d1.String(), d2.String(), nil
}
