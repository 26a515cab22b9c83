package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/docket-forum/docket/internal/schedule"
)

// ReadMap reads a mapping file (--map): which field each header names, for
// headers the built-in aliases do not know. Either a JSON object
//
//	{"Raum": "room", "Referent:innen": "speakers"}
//
// or one "header: field" per line, YAML style, with # comments. A field is a
// canonical column name or any of its aliases; "extra" keeps the column as
// an extra even when its header is a known alias.
func ReadMap(path string) (map[string]schedule.Field, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("input.map %s: %v", path, openError(err))
	}
	pairs := map[string]string{}
	lines := map[string]int{}
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		if err := json.Unmarshal(t, &pairs); err != nil {
			return nil, fmt.Errorf("input.map %s: not a JSON object of strings: %v", path, err)
		}
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		n := 0
		for sc.Scan() {
			n++
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") || line == "---" {
				continue
			}
			k, v, ok := cutMapLine(line)
			if !ok {
				return nil, fmt.Errorf("input.map %s:%d: expected \"header: field\", got %q", path, n, line)
			}
			pairs[k], lines[k] = v, n
		}
	}
	return mapping(pairs, func(k string) string {
		if n := lines[k]; n > 0 {
			return fmt.Sprintf("input.map %s:%d", path, n)
		}
		return "input.map " + path
	})
}

// Mapping reads the header → field pairs of a settings file's [columns]
// table, as ReadMap reads a mapping file's; where names a key in errors.
func Mapping(pairs map[string]string, where func(header string) string) (map[string]schedule.Field, error) {
	return mapping(pairs, where)
}

func mapping(pairs map[string]string, where func(string) string) (map[string]schedule.Field, error) {
	out := make(map[string]schedule.Field, len(pairs))
	for k, v := range pairs {
		f, ok := mapField(v)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not a field (use one of %s, duration or extra)", where(k), v, fieldNames())
		}
		out[schedule.NormalizeHeader(k)] = f
	}
	return out, nil
}

// cutMapLine splits `"Header: with colon": field` or `Header: field`.
func cutMapLine(line string) (key, value string, ok bool) {
	if q := line[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(line[1:], q)
		if end < 0 {
			return "", "", false
		}
		key = line[1 : end+1]
		rest := strings.TrimSpace(line[end+2:])
		if !strings.HasPrefix(rest, ":") {
			return "", "", false
		}
		value = rest[1:]
	} else {
		i := strings.LastIndex(line, ":")
		if i <= 0 {
			return "", "", false
		}
		key, value = line[:i], line[i+1:]
	}
	value = strings.Trim(strings.TrimSpace(value), `"'`)
	return strings.TrimSpace(key), value, value != ""
}

func mapField(v string) (schedule.Field, bool) {
	if schedule.NormalizeHeader(v) == "extra" || schedule.NormalizeHeader(v) == "ignore" {
		return schedule.FieldExtra, true
	}
	return schedule.FieldForHeader(v)
}

func fieldNames() string {
	names := make([]string, len(schedule.Columns))
	for i, f := range schedule.Columns {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
