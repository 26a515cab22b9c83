package commands

import (
	"regexp"
	"strings"
)

// The domain (formats/, internal/) names a setting by its key, as
// docket.toml will (limits.max-columns, input.date-order); it never names
// a flag. The command line words each key as the flag that sets it, here,
// in one place, for every message that reaches the user: errors, notes,
// warnings and the hints of findings.

// settingFlags pairs each setting key the domain names with its flag.
var settingFlags = []string{
	"limits.max-cell-size", "--max-cell-size",
	"limits.max-columns", "--max-columns",
	"limits.max-unzip-size", "--max-unzip-size",
	"limits.max-merged-cells", "--max-merged-cells",
	"limits.max-shared-strings", "--max-shared-strings",
	"input.date-order", "--date-order",
	"input.sheet", "--sheet",
	"input.map", "--map",
	"input.prefix-ids", "--prefix-ids",
	"event.days", "--event-days",
	"event.timezone", "--tz",
	"event.profile", "--profile",
	"output.as", "--as",
}

// ruleOff is how the domain says a rule can be switched off.
var ruleOff = regexp.MustCompile(`set rules\.([a-z0-9-]+) to off`)

// word rewrites the setting keys in msg as this command's flags.
func (s *streams) word(msg string) string {
	if !strings.Contains(msg, ".") {
		return msg
	}
	formatFlag := s.formatFlag
	if formatFlag == "" {
		formatFlag = "--format"
	}
	r := strings.NewReplacer(append(settingFlags, "output.format", formatFlag)...)
	msg = r.Replace(msg)
	if strings.Contains(msg, "set rules.") {
		msg = ruleOff.ReplaceAllString(msg, "--ignore $1")
	}
	return msg
}
