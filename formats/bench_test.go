package formats

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// bigCSV writes n sessions made from the sample's rows, with unique ids.
func bigCSV(b *testing.B, n int) string {
	b.Helper()
	data, err := os.ReadFile(sampleCSV)
	if err != nil {
		b.Fatal(err)
	}
	p, err := ReadProgramme(Input{Name: "sample.csv", R: bytes.NewReader(data)}, ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	base := p.Sessions
	p.Sessions = nil
	for i := range n {
		s := *base[i%len(base)]
		s.ID = fmt.Sprintf("%s-%d", s.ID, i)
		p.Sessions = append(p.Sessions, &s)
	}
	path := filepath.Join(b.TempDir(), "big.csv")
	var buf bytes.Buffer
	if err := writeDelimited(&buf, p, ',', false); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkCSVToJSON is the convert hot path: read, normalise, write.
func BenchmarkCSVToJSON(b *testing.B) {
	path := bigCSV(b, 10000)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		p, err := ReadProgramme(Input{Name: "big.csv", Path: path}, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := writeJSON(io.Discard, p, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkStreamCSVToNDJSON is convert's streaming path, reading and
// writing on two goroutines.
func BenchmarkStreamCSVToNDJSON(b *testing.B) {
	path := bigCSV(b, 10000)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		if _, err := Stream(Input{Name: "big.csv", Path: path}, ReadOptions{}, ndjsonFormat, io.Discard, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "rows/s")
}
