package summaryview

import (
	"slices"
	"testing"
)

// TestFormatForPath: the extensions docket report has always read from
// -o, in any case; other files leave the format to the command.
func TestFormatForPath(t *testing.T) {
	for path, want := range map[string]string{
		"report.html": "html", "out/R.HTM": "html", "r.xlsx": "xlsx", "r.json": "json",
		"README.md": "markdown", "r.markdown": "markdown", "r.txt": "", "report": "", "r.xls": "",
	} {
		got, ok := FormatForPath(path)
		if got != want || ok != (want != "") {
			t.Errorf("FormatForPath(%q) = %q, %v; want %q", path, got, ok, want)
		}
		if ok && !slices.Contains(Formats, got) {
			t.Errorf("FormatForPath(%q) = %q, not one of %v", path, got, Formats)
		}
	}
	for _, f := range Formats {
		if Binary(f) != (f == "xlsx") {
			t.Errorf("Binary(%q) = %v", f, Binary(f))
		}
	}
}
