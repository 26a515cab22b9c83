package formats

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/docket-forum/docket/internal/schedule"
)

// sniffSize is how much of a text file is looked at to decide its
// encoding and delimiter.
const sniffSize = 64 << 10

// readDelimited reads a CSV/TSV file. comma 0 means sniff the delimiter.
func readDelimited(in Input, opts ReadOptions, comma rune) (*schedule.Programme, error) {
	rc, err := open(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, sniffSize)
	// A file can be checked whole before it is read: a Windows-1252 "é"
	// far down must not turn into U+FFFD because the first 64 KiB were
	// plain ASCII. A stream can only be judged by its start.
	utf8Whole := true
	if in.Path != "" {
		utf8Whole = opts.fileUTF8.check(in.Path)
	}
	text, encoding, err := decodeText(br, utf8Whole)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	tb := bufio.NewReaderSize(text, sniffSize)
	delim := "given by the format"
	if comma == 0 {
		head, _ := tb.Peek(sniffSize)
		comma = sniffDelimiter(head)
		delim = "detected"
	}
	lim := opts.Limits.WithDefaults()
	cr := limitedCSVScanner(tb, byte(comma), lim)

	prog := &schedule.Programme{}
	so := opts.scheduleOptions(in.Name, "")
	so.Emit = opts.Sink
	b, err := schedule.NewBuilder(prog, so)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	// Parsing runs ahead on its own goroutine while the builder reads the
	// rows it has parsed: two cores for one file.
	cs := &csvRows{r: cr, name: in.Name, limits: lim, progress: opts.Progress}
	rows := prefetch(cs, nil)
	defer rows.stop()
	if err := b.Read(rows); err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	rows.stop() // the rows' goroutine is done with cr and csvRows
	if cr.unclosed {
		prog.Problems = append(prog.Problems, unclosedQuote(in.Name, cr, cs))
	}
	prog.Notes = append([]string{fmt.Sprintf("%s: read as %s, delimiter %s (%s)", in.Name, encoding, delimiterName(comma), delim)}, prog.Notes...)
	return prog, nil
}

// unclosedQuote is the finding of a file that ended inside a quoted cell:
// every line after the quote went into that cell.
func unclosedQuote(file string, cr *csvScanner, rows *csvRows) schedule.Problem {
	taken := cr.unclosedNLs
	msg := fmt.Sprintf("the quote that opens the cell in column %s is never closed: the cell runs to the end of the file", schedule.ColumnName(cr.unclosedCol))
	if taken > 0 {
		lines := "lines"
		if taken == 1 {
			lines = "line"
		}
		msg += fmt.Sprintf(" and takes in the %d %s below it, which would be rows", taken, lines)
	}
	return schedule.Problem{Rule: schedule.RuleUnclosedQuote, Src: schedule.Source{File: file, Row: rows.n, Line: cr.firstLine}, Message: msg,
		Hint: "close the quote, or double a quote that is part of the text (\"\")"}
}

// csvRows numbers records as a spreadsheet shows them: a quoted cell with
// line breaks is one row, and a blank line is a (blank) row too, although
// the scanner (as encoding/csv) skips it.
type csvRows struct {
	r        *csvScanner
	name     string
	n        int // row number of the last record
	endLine  int // text line the last record ended on
	limits   Limits
	progress func(int)
}

func (c *csvRows) Next() (schedule.Row, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return schedule.Row{}, io.EOF
	}
	if le, ok := err.(*csvLimitError); ok {
		// The row's number as it would have been: the lines it began after.
		num := c.n + 1 + max(c.r.firstLine-c.endLine-1, 0)
		where := fmt.Sprintf("row %d", num)
		switch le.what {
		case "cell":
			return schedule.Row{}, c.limits.Cell(fmt.Sprintf("%s, column %s", where, schedule.ColumnName(le.col)), 0)
		case "columns":
			return schedule.Row{}, c.limits.TooManyColumns(where, 0)
		}
		return schedule.Row{}, c.limits.Row(where)
	}
	if err != nil {
		return schedule.Row{}, err
	}
	start := c.r.firstLine
	c.n += 1 + max(start-c.endLine-1, 0)
	c.endLine = c.r.lastLine + strings.Count(rec[len(rec)-1], "\n")
	for i, v := range rec {
		if len(v) > 1 && v[0] == '\'' {
			rec[i] = unneutralize(v)
		}
	}
	if c.progress != nil && c.n%progressEvery == 0 {
		c.progress(c.n)
	}
	row := schedule.Row{Num: c.n, Cells: rec, Line: start}
	if err := c.limits.CheckRow(row, ""); err != nil {
		return schedule.Row{}, err
	}
	return row, nil
}

// decodeText returns the input as UTF-8: a UTF-8 BOM is dropped, UTF-16 with
// a BOM is decoded, and bytes that are not UTF-8 are read as Windows-1252,
// what Excel on Windows writes.
func decodeText(br *bufio.Reader, utf8Whole bool) (io.Reader, string, error) {
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, "UTF-8 with BOM", nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return transform.NewReader(br, unicode.BOMOverride(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())), "UTF-16 LE", nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.BOMOverride(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())), "UTF-16 BE", nil
	}
	// A binary file is full of NULs; a stray one in a cell is text with a
	// flaw, which text-hygiene reports.
	if bytes.Count(head, []byte{0}) > max(len(head)/100, 1) {
		return nil, "", errors.New("this is a binary file, not CSV text")
	}
	if !utf8Whole || !validUTF8Prefix(head, len(head) == sniffSize) {
		return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "Windows-1252 (the bytes are not UTF-8)", nil
	}
	return br, "UTF-8", nil
}

func delimiterName(r rune) string {
	switch r {
	case '\t':
		return "tab"
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '|':
		return "pipe"
	}
	return fmt.Sprintf("%q", r)
}

// utf8Check remembers whether a file is UTF-8, for a file read twice.
type utf8Check struct {
	done, ok bool
}

// check returns whether the file at path is valid UTF-8 (true when it
// cannot tell), checking it the first time; c may be nil.
func (c *utf8Check) check(path string) bool {
	if c != nil && c.done {
		return c.ok
	}
	ok, err := fileIsUTF8(path)
	if err != nil {
		ok = true
	}
	if c != nil {
		c.done, c.ok = true, ok
	}
	return ok
}

// fileIsUTF8 reports whether a whole file is valid UTF-8 (a UTF-16 BOM
// makes it false, which decodeText checks first anyway).
func fileIsUTF8(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return false, err
	}
	// Before a large file is read it is checked, so the check is time no
	// other work overlaps: parts of it are checked on goroutines of their
	// own (a gigabyte took 0.44 s on one).
	parts := 1
	if st.Size() >= 16<<20 {
		parts = min(runtime.GOMAXPROCS(0), 4)
	}
	return sectionsAreUTF8(f, st.Size(), parts)
}

// sectionsAreUTF8 checks the size bytes of f in parts, concurrently.
func sectionsAreUTF8(f io.ReaderAt, size int64, n int) (bool, error) {
	parts := int64(n)
	cuts := make([]int64, parts+1)
	cuts[parts] = size
	for i := int64(1); i < parts; i++ {
		// A part starts at a character's first byte: at most three
		// continuation bytes are skipped (more is invalid anyway, and
		// the part starting on one says so).
		at := size * i / parts
		var head [3]byte
		n, _ := f.ReadAt(head[:], at)
		for k := 0; k < n && !utf8.RuneStart(head[k]); k++ {
			at++
		}
		cuts[i] = max(at, cuts[i-1])
	}
	results := make(chan error, parts)
	valid := make([]bool, parts)
	var err error
	for i := range parts {
		go func() {
			ok, err := readerIsUTF8(io.NewSectionReader(f, cuts[i], cuts[i+1]-cuts[i]))
			valid[i] = ok
			results <- err
		}()
	}
	for range parts {
		if e := <-results; e != nil && err == nil {
			err = e
		}
	}
	if err != nil {
		return false, err
	}
	return !slices.Contains(valid, false), nil
}

// readerIsUTF8 reports whether all of r is valid UTF-8.
func readerIsUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 1<<20)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		chunk := buf[:carry+n]
		// Keep an incomplete character at the end for the next read.
		cut := len(chunk)
		for i := 1; i < utf8.UTFMax && i <= len(chunk); i++ {
			if utf8.RuneStart(chunk[len(chunk)-i]) {
				if !utf8.FullRune(chunk[len(chunk)-i:]) {
					cut = len(chunk) - i
				}
				break
			}
		}
		if err == io.EOF {
			return utf8.Valid(chunk), nil
		}
		if !utf8.Valid(chunk[:cut]) {
			return false, nil
		}
		carry = copy(buf, chunk[cut:])
		if err != nil {
			return false, err
		}
	}
}

// validUTF8Prefix is utf8.Valid allowing a character cut at the end of a
// truncated buffer.
func validUTF8Prefix(b []byte, truncated bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if !truncated {
		return false
	}
	for i := 1; i < utf8.UTFMax && i < len(b); i++ {
		if utf8.Valid(b[:len(b)-i]) {
			return true
		}
	}
	return false
}

// sniffDelimiter picks the delimiter of the first line: the most frequent
// of , ; tab | outside quotes. European Excel writes ";".
func sniffDelimiter(head []byte) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, r := range string(head) {
		if r == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if r == '\n' {
			break
		}
		switch r {
		case ',', ';', '\t', '|':
			counts[r]++
		}
	}
	best, n := ',', 0
	for _, r := range []rune{',', ';', '\t', '|'} {
		if counts[r] > n {
			best, n = r, counts[r]
		}
	}
	return best
}
