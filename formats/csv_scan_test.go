package formats

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/docket-forum/docket/internal/synth"
)

// csvRecord is a record as a reader returns it, with the text lines of its
// first and last fields.
type csvRecord struct {
	fields      []string
	first, last int
}

// readAllStd reads data with encoding/csv as docket used it, but for lone
// CRs, which docket's scanner reads as line ends (see csvScanner).
func readAllStd(data []byte, comma byte) ([]csvRecord, error) {
	r := csv.NewReader(bytes.NewReader(loneCRToLF(data)))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = rune(comma), -1, true
	var out []csvRecord
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		first, _ := r.FieldPos(0)
		last, _ := r.FieldPos(len(rec) - 1)
		out = append(out, csvRecord{rec, first, last})
	}
}

// readAllScanner reads data with csvScanner over a bufio.Reader of size.
func readAllScanner(data []byte, comma byte, size int) ([]csvRecord, error) {
	s := newCSVScanner(bufio.NewReaderSize(bytes.NewReader(data), size), comma)
	var out []csvRecord
	for {
		rec, err := s.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, csvRecord{rec, s.firstLine, s.lastLine})
	}
}

// checkSameAsStd fails when csvScanner reads data otherwise than
// encoding/csv: other fields, other line numbers, or another error.
func checkSameAsStd(t *testing.T, data []byte) {
	t.Helper()
	for _, comma := range []byte{',', ';', '\t', '|'} {
		want, wantErr := readAllStd(data, comma)
		// 16 bytes (bufio's least) makes most lines longer than the buffer.
		for _, size := range []int{16, 4096} {
			got, err := readAllScanner(data, comma, size)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Fatalf("comma %q, buffer %d: error %v, encoding/csv gives %v", comma, size, err, wantErr)
			}
			if !slices.EqualFunc(got, want, func(a, b csvRecord) bool {
				return slices.Equal(a.fields, b.fields) && a.first == b.first && a.last == b.last
			}) {
				t.Fatalf("comma %q, buffer %d, input %q:\n got %+v\nwant %+v", comma, size, data, got, want)
			}
		}
	}
}

var csvScannerCases = []string{
	"", "\n", "\r\n", "\n\n\r\n", "a", "a\n", "a\r", "a\r\n", "a,b\nc,d", "a,b\r\nc,d\r\n",
	",", ",,\n,", `""`, `"",""`, "\"a\"\"b\",c\r\n", `"unterminated`, "\"unterminated\n", "a\"b,c",
	"\"a\"x,b\n", "\"a\" ,b", "\"multi\nline\",x\n", "\"multi\r\nline\"\r\n", "\"a\r\nb\",\"c\n\nd\"\ne",
	"x\ry,z\n", "a;b|c\td,e\n", "\"x\"\"\"\n", "\"\"\"\"", "\"a\n", "\"a\n\n", "\n\"\"\n\n\"\n\",\n",
	"é,\"ü\"\n\xff,\"\xfe\"\n", "a,\"b\nc\"\"d\ne\",f\n\ng,h", "\"a\"\r", "\"a\"\r\r\n", "\"a\"\"", "x,\"\"\"",
}

func TestCSVScannerSameAsStd(t *testing.T) {
	for _, c := range csvScannerCases {
		checkSameAsStd(t, []byte(c))
	}
	// Session rows: quoted multi-line descriptions and packed persons.
	var b bytes.Buffer
	if err := synth.WriteCSV(&b, 300, 3); err != nil {
		t.Fatal(err)
	}
	checkSameAsStd(t, b.Bytes())
	// The same rows with Windows line breaks, and cut off in a quote.
	crlf := bytes.ReplaceAll(b.Bytes(), []byte("\n"), []byte("\r\n"))
	checkSameAsStd(t, crlf)
	checkSameAsStd(t, crlf[:bytes.LastIndex(crlf, []byte("\"This"))+7])
}

// TestCSVScannerBlocks: records carved from shared blocks keep their text
// while later records are read, across block boundaries and for a record
// larger than a block.
func TestCSVScannerBlocks(t *testing.T) {
	var in strings.Builder
	var want [][]string
	for i := range 3000 {
		f := []string{fmt.Sprint(i), strings.Repeat(string(rune('a'+i%26)), i%97), "x"}
		if i == 1500 {
			f[1] = strings.Repeat("long ", csvBlock/2) // bigger than a block
		}
		want = append(want, f)
		in.WriteString(strings.Join(f, ",") + "\n")
	}
	s := newCSVScanner(bufio.NewReader(strings.NewReader(in.String())), ',')
	var got [][]string
	for {
		rec, err := s.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rec)
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Error("the records changed after they were read")
	}
}

// FuzzCSVScanner: csvScanner reads anything exactly as encoding/csv does.
func FuzzCSVScanner(f *testing.F) {
	for _, c := range csvScannerCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSameAsStd(t, data)
	})
}

// loneCRToLF makes every CR not followed by LF a LF, as the scanner reads it.
func loneCRToLF(data []byte) []byte {
	out := bytes.Clone(data)
	for i := range out {
		if out[i] == '\r' && (i+1 >= len(out) || out[i+1] != '\n') {
			if i+1 == len(out) {
				continue // a CR at the end of the input is dropped by both
			}
			out[i] = '\n'
		}
	}
	return out
}

// TestLoneCRIsALineEnd: Excel for Mac's "CSV (Macintosh)" ends lines with
// CR alone, and a stray CR between two rows glued the next row into the
// last cell; a CR-only file gave 0 sessions and exit 0. Inside quotes a
// CR stays a line break of the cell.
func TestLoneCRIsALineEnd(t *testing.T) {
	for name, text := range map[string]string{
		"CR only":       "id,title,date,start,end,room\rA,One,2026-08-01,10:00,11:00,Hall\rB,\"Two\rlines\",2026-08-01,11:00,12:00,Hall\r",
		"a stray CR":    "id,title,date,start,end,room\r\nA,One,2026-08-01,10:00,11:00,Hall\rB,\"Two\rlines\",2026-08-01,11:00,12:00,Hall\r\n",
		"mixed endings": "id,title,date,start,end,room\nA,One,2026-08-01,10:00,11:00,Hall\r\nB,\"Two\r\nlines\",2026-08-01,11:00,12:00,Hall",
	} {
		p := mustRead(t, "mac.csv", []byte(text))
		if len(p.Sessions) != 2 || p.Sessions[0].Room != "Hall" || p.Sessions[1].Title != "Two\nlines" || p.Sessions[1].Src.Row != 3 {
			var got []string
			for _, s := range p.Sessions {
				got = append(got, fmt.Sprintf("%s|%q|%s|row %d", s.ID, s.Title, s.Room, s.Src.Row))
			}
			t.Errorf("%s: %q", name, got)
		}
	}
}
