//go:build ignore

// gen_zonenames writes zonenames.txt, the IANA zone names Go's own
// $GOROOT/lib/time/zoneinfo.zip holds, one a line, for SuggestZone.
// Run by go generate in internal/schedule.
package main

import (
	"archive/zip"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		log.Fatal("GOROOT is not set (run through go generate)")
	}
	z, err := zip.OpenReader(filepath.Join(goroot, "lib", "time", "zoneinfo.zip"))
	if err != nil {
		log.Fatal(err)
	}
	defer z.Close()
	var names []string
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, "/") {
			names = append(names, f.Name)
		}
	}
	sort.Strings(names)
	if err := os.WriteFile("zonenames.txt", []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}
