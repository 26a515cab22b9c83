//go:build linux || darwin

package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileCase is a small or streamed input built to cost far more than
// its size: each must be refused (or read) within docket's limits. The
// inputs are generated here, not committed.
type hostileCase struct {
	name  string
	args  []string                       // after the binary; "IN" is the input's path
	file  func(w io.Writer) error        // the input as a file, or
	stdin func(w io.Writer) error        // the input streamed on standard input
	codes []int                          // the exit codes allowed
	want  string                         // in stderr
	check func(t *testing.T, out string) // stdout, when set
}

// peakLimit is what any hostile input may cost: far below what the cases
// cost before their limits were checked while scanning (1.4 to 4.8 GB).
const peakLimit = 300 << 20

// TestHostileInputsStayWithinTheirLimits runs the real binary on each
// hostile input and asserts its peak memory, as the process's own
// resource usage measures it (getrusage), and its exit code. Times are
// logged, never asserted.
func TestHostileInputsStayWithinTheirLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and streams large inputs")
	}
	dir, bin := buildDocket(t)
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string(nil), c.args...)
			if c.file != nil {
				path := filepath.Join(dir, c.name+fileExt(c.args))
				if err := writeGenerated(path, c.file); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(path)
				for i, a := range args {
					if a == "IN" {
						args[i] = path
					}
				}
			}
			cmd := exec.Command(bin, args...)
			tmp := t.TempDir()
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			var feed chan error
			if c.stdin != nil {
				in, err := cmd.StdinPipe()
				if err != nil {
					t.Fatal(err)
				}
				feed = make(chan error, 1)
				go func() {
					bw := bufio.NewWriterSize(in, 1<<20)
					err := c.stdin(bw)
					if err == nil {
						err = bw.Flush()
					}
					in.Close()
					feed <- err
				}()
			}
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			took := time.Since(start)
			if feed != nil {
				<-feed // a refusal closes the pipe early: EPIPE is expected
			}
			peak := maxRSS(cmd.ProcessState)
			code := cmd.ProcessState.ExitCode()
			t.Logf("exit %d, peak %d MiB, %.2f s: %s", code, peak>>20, took.Seconds(), firstLine(stderr.String()))
			if !containsInt(c.codes, code) {
				t.Errorf("exit %d, want one of %v; stderr:\n%s", code, c.codes, stderr.String())
			}
			if peak > peakLimit {
				t.Errorf("peak memory %d MiB, want under %d MiB", peak>>20, peakLimit>>20)
			}
			if c.want != "" && !strings.Contains(stderr.String(), c.want) {
				t.Errorf("stderr does not say %q:\n%s", c.want, stderr.String())
			}
			if c.check != nil {
				c.check(t, stdout.String())
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("left %d files in the temporary folder, e.g. %s", len(left), left[0].Name())
			}
		})
	}
}

func hostileCases() []hostileCase {
	const header = "Session ID,Title,Date,Start Time,End Time,Room\n"
	return []hostileCase{
		{
			name: "csv row of 100M commas", args: []string{"validate", "-"}, codes: []int{3},
			want: "--max-columns",
			stdin: func(w io.Writer) error {
				io.WriteString(w, header)
				return repeat(w, ",", 100<<20)
			},
		},
		{
			name: "csv line of 500 MB", args: []string{"validate", "-"}, codes: []int{3},
			want: "--max-cell-size",
			stdin: func(w io.Writer) error {
				io.WriteString(w, header)
				return repeat(w, "a", 500<<20)
			},
		},
		{
			name: "csv quoted cell of 500 MB", args: []string{"validate", "-"}, codes: []int{3},
			want: "--max-cell-size",
			stdin: func(w io.Writer) error {
				io.WriteString(w, header+`S1,"`)
				return repeat(w, "a\n", 250<<20)
			},
		},
		{
			name: "xlsx row of 20M empty cells", args: []string{"validate", "IN"}, codes: []int{3},
			want: "columns",
			file: oneRow("<c/>", 20_000_000),
		},
		{
			name: "xlsx row of 5M cells in one column", args: []string{"validate", "IN"}, codes: []int{3},
			want: "columns",
			file: oneRow(`<c r="A1"/>`, 5_000_000),
		},
		{
			name: "xlsx 40M empty shared strings", args: []string{"validate", "IN"}, codes: []int{3},
			want: "--max-shared-strings",
			file: func(w io.Writer) error {
				return writeWorkbook(w, func(sheet io.Writer) error {
					_, err := io.WriteString(sheet, `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`)
					return err
				}, func(sst io.Writer) error {
					return repeat(sst, "<si><t/></si>", 40_000_000)
				})
			},
		},
		{
			name: "xlsx shared string of 100 MB", args: []string{"validate", "IN"}, codes: []int{3},
			want: "--max-cell-size",
			file: func(w io.Writer) error {
				return writeWorkbook(w, func(sheet io.Writer) error {
					_, err := io.WriteString(sheet, `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`)
					return err
				}, func(sst io.Writer) error {
					io.WriteString(sst, "<si><t>")
					if err := repeat(sst, "a", 100<<20); err != nil {
						return err
					}
					_, err := io.WriteString(sst, "</t></si>")
					return err
				})
			},
		},
		{
			name: "xlsx inline string of 100 MB in rich runs", args: []string{"validate", "IN"}, codes: []int{3},
			want: "--max-cell-size",
			file: func(w io.Writer) error {
				return writeWorkbook(w, func(sheet io.Writer) error {
					io.WriteString(sheet, `<sheetData><row r="1"><c r="A1" t="inlineStr"><is>`)
					if err := repeat(sheet, "<r><t>aaaaaaaaaaaaaaaa</t></r>", 100<<20/16); err != nil {
						return err
					}
					_, err := io.WriteString(sheet, `</is></c></row></sheetData>`)
					return err
				}, nil)
			},
		},
		{
			name: "xlsx merged area written bottom-right first", args: []string{"validate", "IN"}, codes: []int{3},
			want: "--max-merged-cells",
			file: func(w io.Writer) error {
				return writeWorkbook(w, func(sheet io.Writer) error {
					_, err := io.WriteString(sheet, `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="XFD1:A2000"/></mergeCells>`)
					return err
				}, nil)
			},
		},
		{
			name: "xlsx from a pipe: a zip header and 300 MB of zeros", args: []string{"validate", "-", "--max-unzip-size", "64M"}, codes: []int{3},
			want: "--max-unzip-size",
			stdin: func(w io.Writer) error {
				io.WriteString(w, "PK\x03\x04")
				return repeat(w, "\x00", 300<<20)
			},
		},
		{
			name: "ndjson 200,000 extra keys", args: []string{"validate", "-", "--max-columns", "100"}, codes: []int{3},
			want: "--max-columns",
			stdin: func(w io.Writer) error {
				io.WriteString(w, `{"id":"S1","title":"T","extra":{`)
				for i := range 200_000 {
					if i > 0 {
						io.WriteString(w, ",")
					}
					fmt.Fprintf(w, `"k%d":"v"`, i)
				}
				_, err := io.WriteString(w, "}}\n")
				return err
			},
		},
		{
			name: "json title of 300 MB", args: []string{"validate", "-"}, codes: []int{3},
			want: "--max-cell-size",
			stdin: func(w io.Writer) error {
				io.WriteString(w, `{"programme":{},"sessions":[{"id":"S1","title":"`)
				if err := repeat(w, "a", 300<<20); err != nil {
					return err
				}
				_, err := io.WriteString(w, `"}]}`)
				return err
			},
		},
		{
			name: "json nested 10M deep", args: []string{"validate", "-"}, codes: []int{3},
			want: "nest",
			stdin: func(w io.Writer) error {
				io.WriteString(w, `{"programme":{},"sessions":[{"id":"S1","extra":`)
				return repeat(w, "[", 10_000_000)
			},
		},
	}
}

// oneRow is a workbook whose sheet is one row of n cells.
func oneRow(cell string, n int) func(io.Writer) error {
	return func(w io.Writer) error {
		return writeWorkbook(w, func(sheet io.Writer) error {
			io.WriteString(sheet, `<sheetData><row r="1">`)
			if err := repeat(sheet, cell, n); err != nil {
				return err
			}
			_, err := io.WriteString(sheet, `</row></sheetData>`)
			return err
		}, nil)
	}
}

// writeWorkbook writes a workbook of one sheet: sheet writes what is
// inside <worksheet>, sst (when not nil) the shared strings' items.
func writeWorkbook(w io.Writer, sheet, sst func(io.Writer) error) error {
	zw := zip.NewWriter(w)
	add := func(name, body string) error {
		f, err := zw.Create(name)
		if err == nil {
			_, err = io.WriteString(f, body)
		}
		return err
	}
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	types := `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	if sst != nil {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
		types += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
	}
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sessions" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
	} {
		if err := add(p[0], p[1]); err != nil {
			return err
		}
	}
	f, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	io.WriteString(f, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	if err := sheet(f); err != nil {
		return err
	}
	io.WriteString(f, `</worksheet>`)
	if sst != nil {
		f, err := zw.Create("xl/sharedStrings.xml")
		if err != nil {
			return err
		}
		io.WriteString(f, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		if err := sst(f); err != nil {
			return err
		}
		io.WriteString(f, `</sst>`)
	}
	return zw.Close()
}

// repeat writes s n times, in blocks.
func repeat(w io.Writer, s string, n int) error {
	block := strings.Repeat(s, max(1, (64<<10)/len(s)))
	per := len(block) / len(s)
	for n > 0 {
		k := min(n, per)
		if _, err := io.WriteString(w, block[:k*len(s)]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

func writeGenerated(path string, gen func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := gen(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func fileExt(args []string) string {
	for _, a := range args {
		if a == "IN" {
			return ".xlsx"
		}
	}
	return ""
}

// maxRSS is the peak resident memory of a finished process, in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) // bytes there, KiB on Linux
	}
	return int64(ru.Maxrss) << 10
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
