package commands

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/formats/diffview"
	"github.com/docket-forum/docket/internal/schedule"
)

func newDiffCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "show what changed between two versions of a programme",
		ArgsUsage: "OLD NEW",
		Description: "Compares two versions of a programme, in any format docket reads (a CSV against\n" +
			"a workbook, an old schedule.xml against a new sheet); REV:PATH reads a file as git\n" +
			"holds it at a revision. Sessions are matched by id, and a session whose id changed\n" +
			"by its title and place. Each is added, removed, moved (start, end or room) or\n" +
			"changed, with the fields that changed. Formats: text, json, markdown, csv.\n\n" +
			"Examples:\n" +
			"  docket diff main:programme.xlsx programme.xlsx\n" +
			"  docket diff published.json programme.xlsx --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n" +
			"  docket diff old.csv new.csv --by person --upcoming\n" +
			"  docket diff old.csv new.csv --exit-code > /dev/null || echo changed",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(diffview.Formats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (default: standard output)"},
			&cli.BoolFlag{Name: "exit-code", Usage: "exit 1 when something changed, 0 when nothing did (as git diff --exit-code)"},
			&cli.StringFlag{Name: "by", Usage: "person: list the people whose own schedule changed (added to or removed from a session, or a session of theirs moved), with their sessions"},
			&cli.StringFlag{Name: "since", Usage: "leave out sessions over before `TIME` (YYYY-MM-DD, RFC 3339, or now)"},
			&cli.BoolFlag{Name: "upcoming", Usage: "leave out sessions already over (--since now)"},
			&cli.StringFlag{Name: "show-tz", Usage: "show times in this zone (IANA name, or local); default: the new programme's"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no warnings on stderr"},
			forceFlag("replace the output file even when it is a programme (refused by default)"),
		),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if len(args) != 2 {
				return usageErrorf("diff needs OLD and NEW (a file, or REV:PATH for a file as git holds it), got %d arguments", len(args))
			}
			format := c.String("format")
			if err := oneOf("--format", format, diffview.Formats); err != nil {
				return err
			}
			if by := c.String("by"); by != "" && by != "person" {
				return usageErrorf("--by: %q is not person (the only grouping diff has)", by)
			}
			since, err := sinceTime(c.String("since"), c.Bool("upcoming"), s)
			if err != nil {
				return err
			}
			loc, err := displayLocation(c.String("show-tz"))
			if err != nil {
				return err
			}
			in, err := s.inputOptions(c)
			if err != nil {
				return err
			}
			dst := output{path: c.String("output"), what: "the " + format + " diff", keep: keepProgramme, force: c.Bool("force")}
			if err := s.checkOutput(dst); err != nil {
				return err
			}
			var sides [2]*schedule.Programme
			for i, arg := range args {
				if sides[i], err = loadVersion(s, in, arg); err != nil {
					return err
				}
			}
			if loc == nil {
				loc, _ = schedule.LoadLocation(sides[1].Timezone)
			}
			r := &diffview.Report{OldFile: args[0], NewFile: args[1], OldSessions: len(sides[0].Sessions), NewSessions: len(sides[1].Sessions),
				Changes: schedule.Diff(sides[0].Sessions, sides[1].Sessions)}
			if !since.IsZero() {
				r.Changes = upcoming(r.Changes, since)
			}
			err = s.write(dst, func(w io.Writer) error {
				return diffview.Write(w, format, r, diffview.Options{Loc: loc, ByPerson: c.String("by") == "person"})
			})
			if err == nil && c.Bool("exit-code") && len(r.Changes) > 0 {
				return &findingsError{len(r.Changes)}
			}
			return err
		},
	}
}

// sinceTime reads --since (or --upcoming, which is --since now).
func sinceTime(v string, upcoming bool, s *streams) (time.Time, error) {
	if upcoming {
		if v != "" {
			return time.Time{}, usageErrorf("--upcoming is --since now: give one of them")
		}
		v = "now"
	}
	switch v {
	case "":
		return time.Time{}, nil
	case "now":
		return exportTime(s), nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	d, err := schedule.ParseDate(v)
	if err != nil {
		return time.Time{}, usageErrorf("--since: %q is not a date, an RFC 3339 time or now", v)
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), nil
}

// upcoming leaves out the changes of sessions over before since (in both
// versions: a session moved from the past into the future stays).
func upcoming(cs []schedule.Change, since time.Time) []schedule.Change {
	current := func(s *schedule.Session) bool {
		if s == nil {
			return false
		}
		end := s.End
		if end.IsZero() {
			end = s.Start
		}
		return end.IsZero() || !end.Before(since) // an unscheduled session is never over
	}
	var out []schedule.Change
	for _, c := range cs {
		if current(c.Old) || current(c.New) {
			out = append(out, c)
		}
	}
	return out
}

// loadVersion reads one side of a diff: a file, or REV:PATH, a file as
// git holds it at a revision (main:programme.xlsx).
func loadVersion(s *streams, in inputOptions, arg string) (*schedule.Programme, error) {
	path := arg
	if rev, file, ok := gitSpec(arg); ok {
		tmp, err := gitShow(rev, file, in.limits.WithDefaults().UnzipBytes)
		if err != nil {
			return nil, &formats.InputError{File: arg, Err: err}
		}
		defer os.RemoveAll(filepath.Dir(tmp))
		path = tmp
	}
	in.files = []string{path}
	p, err := load(s, in)
	if err != nil {
		return nil, err
	}
	if path != arg {
		// Findings and change lists name what the user gave.
		for _, ss := range p.Sessions {
			ss.Src.File = arg
		}
	}
	return p, nil
}

// gitSpec splits REV:PATH when arg is not a file of its own: git's way of
// naming a file at a revision.
func gitSpec(arg string) (rev, path string, ok bool) {
	if _, err := os.Stat(arg); err == nil {
		return "", "", false
	}
	rev, path, ok = strings.Cut(arg, ":")
	if !ok || rev == "" || path == "" || filepath.VolumeName(arg) != "" {
		return "", "", false // C:\programme.xlsx is a file that is missing
	}
	return rev, path, true
}

// gitShow writes the file at rev into a temporary folder, under its own
// name (its extension may tell its format), at most max bytes of it (the
// unzip limit: no programme file is larger), and returns its path.
func gitShow(rev, path string, max int64) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", errors.New("reading REV:PATH needs git, which is not installed")
	}
	// git show REV:./PATH reads PATH from the current folder, as a user
	// means it, not from the repository's root.
	spec := rev + ":" + path
	if !strings.HasPrefix(path, "./") && !strings.HasPrefix(path, "/") {
		spec = rev + ":./" + path
	}
	dir, err := os.MkdirTemp("", "docket-diff-*")
	if err != nil {
		return "", err
	}
	tmp := filepath.Join(dir, filepath.Base(path))
	f, err := os.Create(tmp)
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	cmd := exec.Command("git", "show", spec)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		f.Close()
		os.RemoveAll(dir)
		return "", err
	}
	n, cerr := io.Copy(f, io.LimitReader(stdout, max+1))
	if n > max {
		cmd.Process.Kill()
	}
	werr := cmd.Wait()
	f.Close()
	switch {
	case n > max:
		err = fmt.Errorf("the file at %s is larger than %d bytes, the unzip limit", rev, max)
	case werr != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = werr.Error()
		}
		err = fmt.Errorf("git cannot show it: %s", strings.TrimPrefix(msg, "fatal: "))
	case cerr != nil:
		err = cerr
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return tmp, nil
}
