package schedule

import (
	_ "embed"
	"strings"
	"sync"
	"time"

	"github.com/docket-forum/docket/internal/vocab"
)

//go:generate go run gen_zonenames.go

// zoneNames are the IANA zone names (Asia/Tokyo, Europe/Berlin, UTC ...),
// one a line, as Go's zoneinfo.zip lists them: built in, so that a
// suggestion does not depend on where the machine keeps its zoneinfo.
//
//go:embed zonenames.txt
var zoneNames string

var zoneList = sync.OnceValue(func() []string { return strings.Fields(zoneNames) })

// zoneKey is how a zone name is compared: lower case, spaces as
// underscores ("america/new york" is America/New_York).
func zoneKey(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "_")
}

// SuggestZone returns the IANA zone name that name was likely meant to be
// (Asia/Tokyo for "asia/tokyo", "Asia/Tokio" or "tokyo"), or "" when none
// is close or the machine cannot load the one that is.
func SuggestZone(name string) string {
	key := zoneKey(name)
	if key == "" {
		return ""
	}
	best, bestD := "", 0
	consider := func(z string, d int) {
		if best == "" || d < bestD {
			best, bestD = z, d
		}
	}
	for _, z := range zoneList() {
		zk := zoneKey(z)
		if zk == key {
			consider(z, 0)
			continue
		}
		// A city alone, "tokyo", names its zone; only for names
		// without an area, so "Europe/Tokyo" is not Asia/Tokyo.
		city := zk
		if i := strings.LastIndexByte(zk, '/'); i >= 0 && !strings.Contains(key, "/") {
			city = zk[i+1:]
		}
		limit := 1
		if len(city) >= 9 {
			limit = 2
		}
		if len(key) < 4 || abs(len(city)-len(key)) > limit {
			continue
		}
		if d := vocab.Distance(key, city, limit); d <= limit {
			consider(z, d)
		}
	}
	if best == "" || best == name {
		return ""
	}
	if _, err := time.LoadLocation(best); err != nil {
		return "" // this machine has no zoneinfo for it either
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
