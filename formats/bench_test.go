package formats

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/docket-forum/docket/formats/termtable"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/synth"
)

// bigCSV writes n synthetic sessions (internal/synth): the rows
// scripts/bench-peers.sh times against the other tools.
func bigCSV(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.WriteCSV(f, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
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

// BenchmarkTable is `docket table` on 1,000 rows: read, then render the
// list view.
func BenchmarkTable(b *testing.B) {
	path := bigCSV(b, 1000)
	for b.Loop() {
		p, err := ReadProgramme(Input{Name: "big.csv", Path: path}, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := termtable.RenderList(io.Discard, p.Sessions, termtable.Options{Width: 120, ASCII: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// The benchmarks below time one stage each over the same 10,000 rows:
// parsing the CSV text, normalising rows into sessions, and writing each
// format. Run them with -benchmem; scripts/bench-peers.sh times whole
// processes against other tools.

const stageRows = 10000

// BenchmarkStageParseCSV is the CSV scanner with docket's row numbering
// and limits, no sessions made.
func BenchmarkStageParseCSV(b *testing.B) {
	path := bigCSV(b, stageRows)
	st, _ := os.Stat(path)
	// The rows as docket reads them, and encoding/csv's records for
	// comparison (csvScanner replaced it).
	b.Run("rows", func(b *testing.B) {
		b.SetBytes(st.Size())
		for b.Loop() {
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			l := Limits{}.WithDefaults()
			rows := &csvRows{r: limitedCSVScanner(bufio.NewReaderSize(f, sniffSize), ',', l), name: "big.csv", limits: l}
			for {
				if _, err := rows.Next(); err != nil {
					break
				}
			}
			f.Close()
		}
		b.ReportMetric(float64(stageRows*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(st.Size())
		for b.Loop() {
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			cr := csv.NewReader(bufio.NewReaderSize(f, sniffSize))
			cr.FieldsPerRecord, cr.LazyQuotes = -1, true
			for {
				if _, err := cr.Read(); err != nil {
					break
				}
			}
			f.Close()
		}
		b.ReportMetric(float64(stageRows*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// sliceRows replays parsed rows.
type sliceRows struct {
	rows []schedule.Row
	i    int
}

func (s *sliceRows) Next() (schedule.Row, error) {
	if s.i == len(s.rows) {
		return schedule.Row{}, io.EOF
	}
	s.i++
	return s.rows[s.i-1], nil
}

// BenchmarkStageNormalise is the Builder alone: header mapping, times,
// persons, vocabularies and text hygiene over rows already parsed.
func BenchmarkStageNormalise(b *testing.B) {
	path := bigCSV(b, stageRows)
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	src := &csvRows{r: newCSVScanner(bufio.NewReaderSize(f, sniffSize), ','), name: "big.csv", limits: Limits{}.WithDefaults()}
	var rows []schedule.Row
	for {
		r, err := src.Next()
		if err != nil {
			break
		}
		rows = append(rows, r)
	}
	f.Close()
	for b.Loop() {
		bl, err := schedule.NewBuilder(&schedule.Programme{}, schedule.Options{File: "big.csv",
			Emit: func(*schedule.Programme, *schedule.Session) error { return nil }})
		if err != nil {
			b.Fatal(err)
		}
		if err := bl.Read(&sliceRows{rows: rows}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(stageRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkStageWrite writes the same programme in every format.
func BenchmarkStageWrite(b *testing.B) {
	path := bigCSV(b, stageRows)
	p, err := ReadProgramme(Input{Name: "big.csv", Path: path}, ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range All() {
		if f.Write == nil {
			continue
		}
		b.Run(f.Name, func(b *testing.B) {
			for b.Loop() {
				if err := f.Write(io.Discard, p, WriteOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(stageRows*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkReadFeeds reads a 10,000-event schedule.xml and schedule.json
// (docket's own export of synthetic sessions, the descriptions' facts
// read back too): a large congress's feed.
func BenchmarkReadFeeds(b *testing.B) {
	p := readFile(&testing.T{}, bigCSV(b, 10_000), ReadOptions{})
	for _, format := range []string{"frab", "schedule-json"} {
		f, _ := Lookup(format)
		var doc bytes.Buffer
		if err := f.Write(&doc, p, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(doc.Len()))
			for b.Loop() {
				q, err := ReadProgramme(Input{Name: "feed", R: bytes.NewReader(doc.Bytes())}, ReadOptions{})
				if err != nil || len(q.Sessions) != len(p.Sessions) {
					b.Fatalf("%v: %d sessions", err, len(q.Sessions))
				}
			}
			b.ReportMetric(float64(len(p.Sessions)*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkDiff compares two versions of a 100,000-session programme
// (one session in a hundred moved): the diff alone, beside reading the
// two files, which is what it must stay well within.
func BenchmarkDiff(b *testing.B) {
	path := bigCSV(b, 100_000)
	b.Run("read both", func(b *testing.B) {
		for b.Loop() {
			readFile(&testing.T{}, path, ReadOptions{})
			readFile(&testing.T{}, path, ReadOptions{})
		}
	})
	old := readFile(&testing.T{}, path, ReadOptions{}).Sessions
	cur := readFile(&testing.T{}, path, ReadOptions{}).Sessions
	for i := 0; i < len(cur); i += 100 {
		cur[i].Start = cur[i].Start.Add(30 * time.Minute)
	}
	b.Run("diff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if cs := schedule.Diff(old, cur); len(cs) < len(cur)/100 {
				b.Fatalf("%d changes", len(cs))
			}
		}
	})
}
