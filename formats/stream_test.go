package formats

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/docket-forum/docket/formats/internal/testkit"
	"github.com/docket-forum/docket/internal/schedule"
)

// streamed converts in with Stream; whole reads it whole and writes it.
func streamed(t *testing.T, in func() Input, f *Format, ro ReadOptions) (stream, whole []byte, warnings []string) {
	t.Helper()
	var sb bytes.Buffer
	p, err := Stream(in(), ro, f, &sb, WriteOptions{})
	if err != nil {
		t.Fatalf("Stream: %v", err)
	}
	q, err := ReadProgramme(in(), ro)
	if err != nil {
		t.Fatalf("ReadProgramme: %v", err)
	}
	var wb bytes.Buffer
	if err := f.Write(&wb, q, WriteOptions{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return sb.Bytes(), wb.Bytes(), p.Warnings
}

// TestStreamSameBytes: a streamed conversion writes exactly what reading
// the whole file and writing it does, for every streamable format and
// every fixture (workbooks go through the whole-read fallback).
func TestStreamSameBytes(t *testing.T) {
	files, _ := filepath.Glob("../testdata/messy/*")
	files = append(files, sampleCSV, "../testdata/sample.xlsx", "../testdata/faults.csv")
	for _, f := range All() {
		if f.Stream == nil {
			continue
		}
		for _, path := range files {
			t.Run(f.Name+"/"+filepath.Base(path), func(t *testing.T) {
				s, w, _ := streamed(t, func() Input { return Input{Name: path, Path: path} }, f, ReadOptions{})
				if !bytes.Equal(s, w) {
					t.Errorf("streamed output differs from the whole write:\n%s", testkit.FirstDiff(string(s), string(w)))
				}
			})
		}
	}
}

// bigText writes a CSV of n sessions; row(i) gives extra cells per row.
func bigText(n int, header string, row func(i int) string) string {
	var b strings.Builder
	b.WriteString(header + "\n")
	for i := range n {
		b.WriteString(row(i) + "\n")
	}
	return b.String()
}

// TestStreamHeldRows: sessions held back for the date order (slash dates
// that only a late row decides) and past the look-ahead come out in row
// order and read the same as a whole read; an empty unnamed column is
// dropped, and one filled only after the look-ahead is warned about.
func TestStreamHeldRows(t *testing.T) {
	n := 3000
	text := bigText(n, "id,title,date,start,end,room,", func(i int) string {
		date := "03/04/2024" // ambiguous until the last rows
		if i == n-10 {
			date = "03/14/2024" // month first, decided here
		}
		return fmt.Sprintf("S%d,Session %d,%s,09:00,10:00,Room %d,", i, i, date, i%7)
	})
	in := func() Input { return Input{Name: "held.csv", R: strings.NewReader(text)} }
	for _, f := range []*Format{csvFormat, jsonFormat, ndjsonFormat} {
		s, w, warnings := streamed(t, in, f, ReadOptions{Timezone: "UTC"})
		if !bytes.Equal(s, w) {
			t.Errorf("%s: streamed output differs:\n%s", f.Name, testkit.FirstDiff(string(s), string(w)))
		}
		if len(warnings) != 0 {
			t.Errorf("%s: warnings %v", f.Name, warnings)
		}
		if f == csvFormat && (!bytes.Contains(s, []byte("S0,Session 0,,,,2024-03-04,09:00")) || bytes.Contains(s, []byte("column G"))) {
			t.Errorf("csv: first row not read month first, or the empty column kept:\n%.300s", s)
		}
	}

	late := bigText(n, "id,title,date,start,end,", func(i int) string {
		v := ""
		if i == n-1 {
			v = "late value"
		}
		return fmt.Sprintf("S%d,T,2024-03-04,09:00,10:00,%s", i, v)
	})
	var out bytes.Buffer
	p, err := Stream(Input{Name: "late.csv", R: strings.NewReader(late)}, ReadOptions{Timezone: "UTC"}, csvFormat, &out, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "column F") {
		t.Errorf("warnings = %q, want one naming column F", p.Warnings)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(b []byte) (int, error) {
	if f.n -= len(b); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(b), nil
}

// TestStreamErrors: a write failure is the output's error, not an
// *InputError; a bad input is an *InputError.
func TestStreamErrors(t *testing.T) {
	text := bigText(5000, "id,title", func(i int) string { return fmt.Sprintf("S%d,T", i) })
	_, err := Stream(Input{Name: "x.csv", R: strings.NewReader(text)}, ReadOptions{}, ndjsonFormat, &failWriter{n: 100000}, WriteOptions{})
	var ie *InputError
	if err == nil || errors.As(err, &ie) || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("write failure: %v", err)
	}
	_, err = Stream(Input{Name: "bad.csv", R: strings.NewReader("nothing here\n")}, ReadOptions{}, ndjsonFormat, &bytes.Buffer{}, WriteOptions{})
	if !errors.As(err, &ie) {
		t.Errorf("bad input: %v, want an InputError", err)
	}
}

// TestStreamFailureLeavesNoSpool: a JSON conversion that fails after its
// sessions went to the spool file removes that file.
func TestStreamFailureLeavesNoSpool(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	long := strings.Repeat("x", 900)
	text := bigText(3000, "id,title,description", func(i int) string { return fmt.Sprintf("S%d,T,%s", i, long) }) +
		"S-last,T," + strings.Repeat("y", 5000) + "\n"
	_, err := Stream(Input{Name: "x.csv", R: strings.NewReader(text)}, ReadOptions{Limits: Limits{CellBytes: 1000}}, jsonFormat, io.Discard, WriteOptions{})
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an InputError for the long cell", err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "docket-spool-*")); len(left) != 0 {
		t.Errorf("spool files left behind: %v", left)
	}
}

// TestStreamJSONFromAFileNeedsNoSpool: JSON from a file learns its days
// from a first read of the time columns, so that its sessions go straight
// to the output: with no folder for temporary files it still converts,
// where a stream (which must be spooled) cannot. The first read decides
// the date order as the full read does (rows held until a late row).
func TestStreamJSONFromAFileNeedsNoSpool(t *testing.T) {
	n := 3000
	long := strings.Repeat("x", 900) // past the spool's memory
	text := bigText(n, "id,title,date,start,end,room,timezone,description", func(i int) string {
		date := "03/04/2024"
		if i == n-10 {
			date = "03/14/2024"
		}
		tz := "Europe/Oslo"
		if i%3 == 0 {
			tz = "Asia/Tokyo"
		}
		return fmt.Sprintf("S%d,Session %d,%s,09:00,10:00,Room %d,%s,%s", i, i, date, i%7, tz, long)
	})
	path := filepath.Join(t.TempDir(), "held.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	s, w, _ := streamed(t, func() Input { return Input{Name: path, Path: path} }, jsonFormat, ReadOptions{})
	if !bytes.Equal(s, w) {
		t.Errorf("streamed output differs:\n%s", testkit.FirstDiff(string(s), string(w)))
	}
	if !bytes.Contains(s, []byte(`"first_day": "2024-03-04"`)) || !bytes.Contains(s, []byte(`"last_day": "2024-03-14"`)) || !bytes.Contains(s, []byte(`"timezone": "Europe/Oslo"`)) {
		t.Errorf("header:\n%.200s", s)
	}
	_, err := Stream(Input{Name: "held.csv", R: strings.NewReader(text)}, ReadOptions{}, jsonFormat, io.Discard, WriteOptions{})
	if err == nil || !strings.Contains(err.Error(), "temporary file") {
		t.Errorf("a stream with no folder for its spool: err = %v", err)
	}
}

// TestJSONHeaderChecked: a header written from a first read that the
// second read contradicts (the file changed in between) fails the
// conversion rather than write a wrong header.
func TestJSONHeaderChecked(t *testing.T) {
	js := &jsonStream{w: io.Discard}
	js.setMeta(&schedule.Programme{FirstDay: "2024-01-01", LastDay: "2024-01-02", Timezone: "UTC"})
	p := &schedule.Programme{FirstDay: "2024-01-01", LastDay: "2024-01-03", Timezone: "UTC"}
	if err := js.Begin(p); err != nil {
		t.Fatal(err)
	}
	if err := js.End(p); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Errorf("End = %v, want the input-changed error", err)
	}
}

// TestStreamFirstReadProgress: the first read of a file for JSON's days
// reports to FirstProgress, the conversion itself to Progress; a format
// that needs no first read reports to Progress alone.
func TestStreamFirstReadProgress(t *testing.T) {
	text := bigText(5000, "id,title,date,start,end", func(i int) string { return fmt.Sprintf("S%d,T,2024-03-04,09:00,10:00", i) })
	path := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f           *Format
		first, main bool
	}{{jsonFormat, true, true}, {ndjsonFormat, false, true}} {
		var first, main int
		ro := ReadOptions{Progress: func(n int) { main = n }, FirstProgress: func(n int) { first = n }}
		if _, err := Stream(Input{Name: path, Path: path}, ro, c.f, io.Discard, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		if (first > 0) != c.first || (main > 0) != c.main {
			t.Errorf("%s: first read reported %d rows, the conversion %d", c.f.Name, first, main)
		}
	}
}

// TestWriteFileIntoFIFOAndDevice: an output that is no regular file is
// written into, and stays what it was: -o naming a FIFO or /dev/null
// used to replace it with a regular file.
func TestWriteFileIntoFIFOAndDevice(t *testing.T) {
	if err := WriteFile(os.DevNull, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("%s became %v, %v", os.DevNull, st.Mode(), err)
	}
	fifo := filepath.Join(t.TempDir(), "out")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		data, _ := os.ReadFile(fifo)
		got <- string(data)
	}()
	if err := WriteFile(fifo, func(w io.Writer) error { _, err := io.WriteString(w, "programme"); return err }); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "programme" {
		t.Errorf("the reader got %q", s)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v, %v", st.Mode(), err)
	}
}
