package commands

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/validate"
)

// configName is the settings file docket looks for.
const configName = "docket.toml"

// config is an event's settings file (DESIGN.md, "Event settings and
// profiles"): what its team would otherwise repeat on every command line.
// Flags override it. Its keys are the flags' names.
type config struct {
	path  string
	Event struct {
		Title     string
		Acronym   string
		Timezone  string
		Days      string
		DateOrder string `toml:"date-order"`
		Profile   string
	}
	Columns map[string]string
	Rules   map[string]string // rule → off, warning or error
	// Rooms and Availability are what a workbook's Rooms and
	// Availability sheets say, for programmes in CSV (or on top of the
	// sheets): [[rooms]] and [[availability]].
	Rooms []struct {
		Name     string
		Capacity int
		Features []string
		Shared   bool
	}
	Availability []struct {
		Who, From, To, Status string
	}
	// Constraints are the event's limits for the constraint rules.
	Constraints struct {
		MaxSessionsPerPerson       int            `toml:"max-sessions-per-person"`
		MaxSessionsPerOrganization int            `toml:"max-sessions-per-organization"`
		MinChangeMinutes           int            `toml:"min-change-minutes"`
		MaxParallelPerTheme        int            `toml:"max-parallel-per-theme"`
		SingleGender               *bool          `toml:"single-gender"`
		MinSpeakers                map[string]int `toml:"min-speakers"` // session type → fewest speakers
	}
	Limits struct {
		MaxCellSize    string `toml:"max-cell-size"`
		MaxColumns     int    `toml:"max-columns"`
		MaxUnzipSize   string `toml:"max-unzip-size"`
		MaxMergedCells int    `toml:"max-merged-cells"`
		MaxSharedStrs  int    `toml:"max-shared-strings"`
	}
}

// findConfig returns the settings file for inputs: the one --config names,
// else docket.toml next to the first input file or in a folder above it,
// up to the repository's root (a folder with .git) or the file system's;
// for standard input, from the working folder. "" when there is none.
func findConfig(named string, inputs []string) (string, error) {
	if named != "" {
		if _, err := os.Stat(named); err != nil {
			return "", usageErrorf("--config %s: %v", named, describeFSError(err))
		}
		return named, nil
	}
	dir := "."
	for _, in := range inputs {
		if in != "-" {
			dir = filepath.Dir(in)
			break
		}
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", nil
	}
	for {
		path := filepath.Join(dir, configName)
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			return path, nil
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil // the repository's root: no higher
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", nil
		}
		dir = up
	}
}

func describeFSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// loadConfig reads and checks a settings file. Unknown keys and values
// are errors, named by their key: a typo must not be a setting silently
// ignored.
func loadConfig(path string) (*config, error) {
	cfg := &config{path: path}
	md, err := toml.DecodeFile(path, cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, usageErrorf("%s:%d: %s", path, pe.Position.Line, pe.Message)
		}
		return nil, usageErrorf("%s: %v", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, usageErrorf("%s: unknown setting %s (known: event.title, event.acronym, event.timezone, event.days, event.date-order, event.profile, [columns], [rules], constraints.max-sessions-per-person, constraints.max-sessions-per-organization, constraints.min-change-minutes, constraints.max-parallel-per-theme, constraints.single-gender, [constraints.min-speakers], limits.max-cell-size, limits.max-columns, limits.max-unzip-size, limits.max-merged-cells, limits.max-shared-strings, [[rooms]] name, capacity, features, shared, [[availability]] who, from, to, status)", path, strings.Join(keys, ", "))
	}
	for _, rule := range slices.Sorted(maps.Keys(cfg.Rules)) {
		if _, err := lookupRule(rule); err != nil {
			return nil, usageErrorf("%s: rules.%s: %v", path, rule, err)
		}
		switch cfg.Rules[rule] {
		case "off", "warning", "error":
		default:
			return nil, usageErrorf("%s: rules.%s must be off, warning or error, not %q", path, rule, cfg.Rules[rule])
		}
	}
	for i, r := range cfg.Rooms {
		if strings.TrimSpace(r.Name) == "" {
			return nil, usageErrorf("%s: rooms %d has no name", path, i+1)
		}
		if r.Capacity < 0 {
			return nil, usageErrorf("%s: rooms %d (%s): capacity must not be negative", path, i+1, r.Name)
		}
	}
	for i, a := range cfg.Availability {
		if strings.TrimSpace(a.Who) == "" {
			return nil, usageErrorf("%s: availability %d has no who (a person's or a room's name)", path, i+1)
		}
		if _, err := schedule.ParseStatus(a.Status); err != nil {
			return nil, usageErrorf("%s: availability %d (%s): %v", path, i+1, a.Who, err)
		}
		from, err1 := schedule.ParseWindowTime(a.From, false, time.UTC)
		to, err2 := schedule.ParseWindowTime(a.To, true, time.UTC)
		for _, e := range []struct {
			key string
			err error
		}{{"from", err1}, {"to", err2}} {
			if e.err != nil {
				return nil, usageErrorf("%s: availability %d (%s): %s: %v (write e.g. 2023-10-11 09:00)", path, i+1, a.Who, e.key, e.err)
			}
		}
		if !to.After(from) {
			return nil, usageErrorf("%s: availability %d (%s): to %q is not after from %q", path, i+1, a.Who, a.To, a.From)
		}
	}
	if err := cfg.checkConstraints(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// addResources puts the settings file's [[rooms]] and [[availability]]
// on p, the windows' times read in zone (the programme's).
func (cfg *config) addResources(p *schedule.Programme, zone string) {
	loc := time.UTC
	if zone != "" {
		if l, err := schedule.LoadLocation(zone); err == nil {
			loc = l
		}
	}
	base := filepath.Base(cfg.path)
	for i, r := range cfg.Rooms {
		p.Rooms = append(p.Rooms, schedule.RoomInfo{Name: strings.TrimSpace(r.Name), Capacity: r.Capacity, Features: r.Features, Shared: r.Shared,
			Src: schedule.Source{File: cfg.path, Sheet: "rooms", Row: i + 1}})
	}
	for i, a := range cfg.Availability {
		// Checked by loadConfig.
		from, _ := schedule.ParseWindowTime(a.From, false, loc)
		to, _ := schedule.ParseWindowTime(a.To, true, loc)
		av, _ := schedule.ParseStatus(a.Status)
		p.Availability = append(p.Availability, schedule.Window{Who: strings.TrimSpace(a.Who), From: from, To: to, Available: av,
			Src: schedule.Source{File: cfg.path, Sheet: "availability", Row: i + 1}, Where: fmt.Sprintf("%s availability %d", base, i+1)})
	}
}

// checkConstraints refuses a negative limit: 0 (or no key) is no limit.
func (cfg *config) checkConstraints() error {
	k := cfg.Constraints
	for _, v := range []struct {
		key string
		n   int
	}{
		{"max-sessions-per-person", k.MaxSessionsPerPerson},
		{"max-sessions-per-organization", k.MaxSessionsPerOrganization},
		{"min-change-minutes", k.MinChangeMinutes},
		{"max-parallel-per-theme", k.MaxParallelPerTheme},
	} {
		if v.n < 0 {
			return usageErrorf("%s: constraints.%s must be 0 (no limit) or more, not %d", cfg.path, v.key, v.n)
		}
	}
	for _, t := range slices.Sorted(maps.Keys(k.MinSpeakers)) {
		if strings.TrimSpace(t) == "" {
			return usageErrorf("%s: constraints.min-speakers: a session type is empty", cfg.path)
		}
		if n := k.MinSpeakers[t]; n < 0 {
			return usageErrorf("%s: constraints.min-speakers.%q must be 0 (not checked) or more, not %d", cfg.path, t, n)
		}
	}
	return nil
}

// applyConfig fills the input options the command line left unset from
// the settings file, and says which file it used with --verbose.
func (s *streams) applyConfig(c *cli.Context, o *inputOptions) error {
	path, err := findConfig(c.String("config"), o.files)
	if err != nil || path == "" {
		return err
	}
	cfg, err := loadConfig(path)
	if err != nil {
		return err
	}
	s.cfg = cfg
	if o.verbose {
		s.errorf("settings from %s", path)
	}
	unset := func(flag string) bool { return !c.IsSet(flag) }
	if unset("tz") && cfg.Event.Timezone != "" {
		if _, err := schedule.LoadLocation(cfg.Event.Timezone); err != nil {
			return zoneError(path+": event.timezone", cfg.Event.Timezone, err)
		}
		o.tz = cfg.Event.Timezone
	}
	if unset("date-order") && cfg.Event.DateOrder != "" {
		if err := oneOf(path+": event.date-order", cfg.Event.DateOrder, []string{"dmy", "mdy"}); err != nil {
			return err
		}
		o.dateOrder = cfg.Event.DateOrder
	}
	if unset("profile") && cfg.Event.Profile != "" {
		if err := oneOf(path+": event.profile", cfg.Event.Profile, schedule.Profiles); err != nil {
			return err
		}
		o.profile = cfg.Event.Profile
	}
	if unset("event-days") && cfg.Event.Days != "" {
		first, last, err := parseEventDays(cfg.Event.Days)
		if err != nil {
			return usageErrorf("%s: event.days: %v", path, err)
		}
		o.firstDay, o.lastDay = first, last
	}
	if len(cfg.Columns) > 0 {
		m, err := formats.Mapping(cfg.Columns, func(h string) string { return fmt.Sprintf("%s: columns.%q", path, h) })
		if err != nil {
			return usageErrorf("%v", err)
		}
		for k, f := range o.mapping { // --map wins over the file's columns
			m[k] = f
		}
		o.mapping = m
	}
	if unset("max-cell-size") && cfg.Limits.MaxCellSize != "" {
		n, err := parseSize(cfg.Limits.MaxCellSize)
		if err != nil {
			return usageErrorf("%s: limits.max-cell-size: %v", path, err)
		}
		o.limits.CellBytes = int(n)
	}
	if unset("max-unzip-size") && cfg.Limits.MaxUnzipSize != "" {
		n, err := parseSize(cfg.Limits.MaxUnzipSize)
		if err != nil {
			return usageErrorf("%s: limits.max-unzip-size: %v", path, err)
		}
		o.limits.UnzipBytes = n
	}
	if unset("max-columns") && cfg.Limits.MaxColumns > 0 {
		o.limits.Columns = cfg.Limits.MaxColumns
	}
	if unset("max-merged-cells") && cfg.Limits.MaxMergedCells > 0 {
		o.limits.MergedCells = cfg.Limits.MaxMergedCells
	}
	if unset("max-shared-strings") && cfg.Limits.MaxSharedStrs > 0 {
		o.limits.SharedStrings = cfg.Limits.MaxSharedStrs
	}
	return nil
}

// ruleSeverities adds the settings file's [rules] to validate's options;
// --ignore and --error on the command line come on top.
func (s *streams) ruleSeverities(o *validate.Options) {
	if s.cfg == nil {
		return
	}
	for _, rule := range slices.Sorted(maps.Keys(s.cfg.Rules)) {
		if slices.Contains(o.Ignore, rule) || slices.Contains(o.Error, rule) {
			continue
		}
		switch s.cfg.Rules[rule] {
		case "off":
			o.Ignore = append(o.Ignore, rule)
		case "error":
			o.Error = append(o.Error, rule)
		case "warning":
			o.Warn = append(o.Warn, rule)
		}
	}
}

// constraints gives validate the settings file's [constraints].
func (s *streams) constraints(o *validate.Options) {
	if s.cfg == nil {
		return
	}
	k := s.cfg.Constraints
	o.Constraints = validate.Constraints{
		MaxSessionsPerPerson:       k.MaxSessionsPerPerson,
		MaxSessionsPerOrganization: k.MaxSessionsPerOrganization,
		MinChangeMinutes:           k.MinChangeMinutes,
		MaxParallelPerTheme:        k.MaxParallelPerTheme,
		MinSpeakers:                k.MinSpeakers,
		SingleGender:               k.SingleGender,
	}
}

// configText returns a setting of the event for flags that are not input
// flags (export's --title and --acronym): the flag's value when set, else
// the settings file's.
func (s *streams) configText(c *cli.Context, flag string, fromConfig func(*config) string) string {
	if c.IsSet(flag) || s.cfg == nil || fromConfig(s.cfg) == "" {
		return c.String(flag)
	}
	return fromConfig(s.cfg)
}
