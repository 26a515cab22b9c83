package formats

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"testing"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/synth"
)

// encodingCSV writes p as the delimited writer did before it appended
// values itself: canonicalRecord through encoding/csv.
func encodingCSV(t *testing.T, p *schedule.Programme, comma rune, raw bool) []byte {
	t.Helper()
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Comma = comma
	write := func(rec []string) {
		if !raw {
			for i, v := range rec {
				rec[i] = neutralize(v)
			}
		}
		if err := cw.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	write(canonicalHeader(p.ExtraColumns))
	for _, s := range p.Sessions {
		write(canonicalRecord(s, p.ExtraColumns))
	}
	cw.Flush()
	return b.Bytes()
}

// TestDelimitedWriterIsCSV: the appending writer writes the bytes
// encoding/csv writes for the canonical records, on every fixture and on
// synthetic rows, as CSV and TSV, neutralised and raw.
func TestDelimitedWriterIsCSV(t *testing.T) {
	files, _ := filepath.Glob("../testdata/messy/*")
	files = append(files, sampleCSV, "../testdata/sample.xlsx", "../testdata/faults.csv")
	progs := map[string]*schedule.Programme{}
	for _, f := range files {
		progs[filepath.Base(f)] = readFile(t, f, ReadOptions{})
	}
	var b bytes.Buffer
	if err := synth.WriteCSV(&b, 2000, 7); err != nil {
		t.Fatal(err)
	}
	p, err := ReadProgramme(Input{Name: "synth.csv", R: &b}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	progs["synth.csv"] = p
	for name, p := range progs {
		for _, comma := range []rune{',', '\t'} {
			for _, raw := range []bool{false, true} {
				var got bytes.Buffer
				if err := writeDelimited(&got, p, comma, raw); err != nil {
					t.Fatal(err)
				}
				if want := encodingCSV(t, p, comma, raw); !bytes.Equal(got.Bytes(), want) {
					t.Errorf("%s (comma %q, raw %v):\n%s", name, comma, raw, testkit.FirstDiff(got.String(), string(want)))
				}
			}
		}
	}
}

// FuzzDelimitedField: one value is quoted and neutralised as encoding/csv
// and neutralize do it.
func FuzzDelimitedField(f *testing.F) {
	for _, s := range []string{"", "plain", `\.`, " lead", "\u00a0nbsp", "a,b", "tab\there", `say "hi"`, "=SUM(A1)", "-1", "line\nbreak\r", "12345678\"", "é,é,é,é,é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, comma := range []rune{',', '\t'} {
			for _, raw := range []bool{false, true} {
				var want bytes.Buffer
				cw := csv.NewWriter(&want)
				cw.Comma = comma
				w := v
				if !raw {
					w = neutralize(v)
				}
				cw.Write([]string{w})
				cw.Flush()
				got := append(appendCSVField(nil, v, byte(comma), raw), '\n')
				if !bytes.Equal(got, want.Bytes()) {
					t.Errorf("appendCSVField(%q, %q, raw %v) = %q, encoding/csv writes %q", v, comma, raw, got, want.Bytes())
				}
			}
		}
	})
}
