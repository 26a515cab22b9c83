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

// BenchmarkCheckSynthConstraints runs the checks over the same programme
// with every constraint rule on, single-gender for every type over
// genders given to the speakers in turn. "limits" sets limits the
// synthetic programme nearly keeps (its 44,444 persons are in up to 18
// sessions, its 490 organisations in hundreds, its 8 themes run hundreds
// at once): the checks' own cost, which should stay within 1.5 times
// BenchmarkCheckSynth. "tight" sets an event's usual limits, which flag
// most sessions (about 740,000 findings): the cost of the findings too.
func BenchmarkCheckSynthConstraints(b *testing.B) {
	var buf bytes.Buffer
	if err := synth.WriteCSV(&buf, 100000, 1); err != nil {
		b.Fatal(err)
	}
	p, err := formats.ReadProgramme(formats.Input{Name: "synth.csv", R: bytes.NewReader(buf.Bytes())}, formats.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	genders := []string{"female", "male", "female", "non-binary", "male", ""}
	n := 0
	for _, s := range p.Sessions {
		for i := range s.Speakers {
			s.Speakers[i].Gender = genders[n%len(genders)]
			n++
		}
	}
	on := true
	for _, c := range []struct {
		name string
		cons validate.Constraints
	}{
		{"limits", validate.Constraints{MaxSessionsPerPerson: 20, MaxSessionsPerOrganization: 10000, MinChangeMinutes: 15, MaxParallelPerTheme: 10000,
			MinSpeakers: map[string]int{"Open Forum": 2}, SingleGender: &on}},
		{"tight", validate.Constraints{MaxSessionsPerPerson: 5, MaxSessionsPerOrganization: 10, MinChangeMinutes: 15, MaxParallelPerTheme: 3,
			MinSpeakers: map[string]int{"Open Forum": 2}, SingleGender: &on}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var found int
			for b.Loop() {
				found = len(validate.Run(p, validate.Options{Constraints: c.cons}))
			}
			b.ReportMetric(float64(found), "findings")
		})
	}
}
