package validate_test

import (
	"bytes"
	"testing"

	"github.com/docket-forum/docket/formats"
	"github.com/docket-forum/docket/internal/synth"
	"github.com/docket-forum/docket/internal/validate"
)

// BenchmarkCheckSynth runs the checks alone over 100,000 synthetic
// sessions (internal/synth), the programme scripts/bench-peers.sh
// validates.
func BenchmarkCheckSynth(b *testing.B) {
	var buf bytes.Buffer
	if err := synth.WriteCSV(&buf, 100000, 1); err != nil {
		b.Fatal(err)
	}
	p, err := formats.ReadProgramme(formats.Input{Name: "synth.csv", R: bytes.NewReader(buf.Bytes())}, formats.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		validate.Run(p, validate.Options{})
	}
}
