package formats

import (
	"bufio"
	"bytes"
	"io"
	"unsafe"
)

// csvScanner reads CSV records exactly as encoding/csv's Reader does with
// LazyQuotes set, FieldsPerRecord -1, no comment character and no space
// trimming (FuzzCSVScanner holds it to that), for a one-byte delimiter,
// with one difference: a lone CR ends a line as LF and CRLF do (encoding/
// csv keeps it in the field), so that a file saved as Excel for Mac's
// "CSV (Macintosh)" is not one row, and a stray CR between rows does not
// glue the next row into the last cell.
//
// It exists for speed: encoding/csv copies a record's text into a buffer
// and then into a string allocated for the record, which was a third of
// its time on session rows. Here the text goes straight into a shared
// block that records are carved from (see text), and the first and last
// lines of a record are kept without a position per field.
type csvScanner struct {
	r       *bufio.Reader
	comma   byte
	numLine int    // lines read so far
	raw     []byte // a line longer than the bufio buffer
	rest    []byte // what follows a lone CR in the line last read, a line of its own
	restBuf []byte
	restErr error  // the error of the line rest came from
	block   []byte // records' text; what is before len is handed out
	ends    []int  // end of each field of the record being read

	// The text lines of the last record's first field and last field.
	firstLine, lastLine int

	// unclosed is set when the input ended inside a quoted field: the
	// field's column and the line its quote opened on.
	unclosed                 bool
	unclosedCol, unclosedNLs int

	// Limits checked while the text is scanned, before it is kept (0: none):
	// the longest field, the most fields, the longest line or record.
	maxCell, maxCols, maxRow int
}

// csvLimitError is a record that went past one of the scanner's limits;
// the reader words it with the record's row (see csvRows).
type csvLimitError struct {
	what  string // "cell", "columns" or "row"
	col   int    // the field, from 0 ("cell")
	count int    // the fields so far ("columns")
}

func (e *csvLimitError) Error() string { return "the record is larger than the limits" }

// csvBlock is the size of the blocks record text is carved from: about
// sixty session rows. A field kept after its row is gone keeps its block
// alive, so what outlives a row (memos, problems) is cloned, as it was
// when each record had a string of its own.
const csvBlock = 64 << 10

func newCSVScanner(r *bufio.Reader, comma byte) *csvScanner {
	return &csvScanner{r: r, comma: comma}
}

// limitedCSVScanner is the scanner as a reader uses it: stopping at l's
// cell, column and row limits (l with its defaults set).
func limitedCSVScanner(r *bufio.Reader, comma byte, l Limits) *csvScanner {
	c := newCSVScanner(r, comma)
	c.maxCell, c.maxCols, c.maxRow = l.CellBytes, l.Columns, l.RowBytes()
	return c
}

// readLine is encoding/csv's: a line with its "\n" (made of "\r\n"), or
// the last line without one.
func (c *csvScanner) readLine() ([]byte, error) {
	if c.rest != nil {
		line, err := c.rest, c.restErr
		c.rest, c.restErr = nil, nil
		return c.splitCR(line, err, true)
	}
	line, err := c.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		c.raw = append(c.raw[:0], line...)
		for err == bufio.ErrBufferFull {
			if c.maxRow > 0 && len(c.raw) > c.maxRow {
				// Longer than any record may be: stop before keeping more,
				// naming the column limit when the line is mostly
				// delimiters (100M commas) and the row's size otherwise.
				c.numLine++
				if c.maxCols > 0 && bytes.Count(c.raw, []byte{c.comma}) >= c.maxCols {
					return nil, &csvLimitError{what: "columns"}
				}
				for col, rest := 0, c.raw; len(rest) > 0; col++ {
					field, after, _ := bytes.Cut(rest, []byte{c.comma})
					if c.maxCell > 0 && len(field) > c.maxCell {
						return nil, &csvLimitError{what: "cell", col: col}
					}
					rest = after
				}
				return nil, &csvLimitError{what: "row"}
			}
			line, err = c.r.ReadSlice('\n')
			c.raw = append(c.raw, line...)
		}
		line = c.raw
	}
	if len(line) > 0 && err == io.EOF {
		err = nil
		// As encoding/csv does: a trailing \r before EOF is dropped.
		if line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
	}
	return c.splitCR(line, err, false)
}

// splitCR returns line up to its first lone CR, as a line ending in "\n",
// keeping what follows for the next call; a line without one, with its
// "\r\n" made "\n". err is the line's: it goes with its last part. own
// says line is the kept rest of an earlier line.
func (c *csvScanner) splitCR(line []byte, err error, own bool) ([]byte, error) {
	c.numLine++
	for from := 0; ; {
		i := bytes.IndexByte(line[from:], '\r')
		if i < 0 {
			break
		}
		i += from
		if i+1 < len(line) && line[i+1] == '\n' {
			from = i + 2
			continue
		}
		// The rest is copied out of the reader's buffer, which the next
		// read may reuse; a rest that is already restBuf stays where it is.
		if rest := line[i+1:]; len(rest) > 0 {
			if !own {
				c.restBuf = append(c.restBuf[:0], rest...)
				rest = c.restBuf
			}
			c.rest, c.restErr = rest, err
			err = nil
		}
		line[i] = '\n'
		return line[:i+1], err
	}
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// lengthNL is 1 if line ends with "\n".
func lengthNL(line []byte) int {
	if len(line) > 0 && line[len(line)-1] == '\n' {
		return 1
	}
	return 0
}

// Read returns the next record; io.EOF after the last.
func (c *csvScanner) Read() ([]string, error) {
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = c.readLine()
		if le, ok := errRead.(*csvLimitError); ok {
			c.firstLine, c.lastLine = c.numLine, c.numLine
			return nil, le
		}
		if errRead == nil && len(line) == lengthNL(line) {
			line = nil
			continue // an empty line is no record
		}
		break
	}
	if errRead == io.EOF {
		return nil, errRead
	}
	// The record's text is appended to the free end of the block; rec
	// starts empty there, so that growing it past the block moves only
	// this record.
	start := len(c.block)
	rec := c.block[start:start]
	c.ends = c.ends[:0]
	c.firstLine = c.numLine
	var fieldLine int // the line the last field starts on
	comma := c.comma
parseField:
	for {
		fieldLine = c.numLine
		if c.maxCols > 0 && len(c.ends) >= c.maxCols {
			return nil, &csvLimitError{what: "columns", count: len(c.ends) + 1}
		}
		if len(line) == 0 || line[0] != '"' {
			// An unquoted field: up to the delimiter or the line's end.
			i := bytes.IndexByte(line, comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			if c.maxCell > 0 && len(field) > c.maxCell {
				return nil, &csvLimitError{what: "cell", col: len(c.ends)}
			}
			rec = append(rec, field...)
			c.ends = append(c.ends, len(rec))
			if i >= 0 {
				line = line[i+1:]
				continue parseField
			}
			break parseField
		}
		// A quoted field, which may go on over several lines.
		line = line[1:]
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				rec = append(rec, line[:i]...)
				line = line[i+1:]
				switch {
				case len(line) > 0 && line[0] == '"': // "" is a quote
					rec = append(rec, '"')
					line = line[1:]
				case len(line) > 0 && line[0] == comma: // the field ends
					line = line[1:]
					c.ends = append(c.ends, len(rec))
					continue parseField
				case lengthNL(line) == len(line): // the record ends
					c.ends = append(c.ends, len(rec))
					break parseField
				default: // a bare quote, kept (LazyQuotes)
					rec = append(rec, '"')
				}
			case len(line) > 0:
				// The line ends inside the quotes: the field goes on.
				rec = append(rec, line...)
				if c.maxCell > 0 && c.overCell(rec) {
					return nil, &csvLimitError{what: "cell", col: len(c.ends)}
				}
				if c.maxRow > 0 && len(rec) > c.maxRow {
					return nil, &csvLimitError{what: "row"}
				}
				if errRead != nil {
					break parseField
				}
				line, errRead = c.readLine()
				if errRead == io.EOF {
					errRead = nil
				}
				if le, ok := errRead.(*csvLimitError); ok {
					le.what, le.col = "cell", len(c.ends)
					return nil, le
				}
			default:
				// The input ends inside the quotes (LazyQuotes: no error);
				// the reader reports it, naming where the quote opened.
				c.unclosed, c.unclosedCol = true, len(c.ends)
				c.ends = append(c.ends, len(rec))
				field := rec[c.ends[max(len(c.ends)-2, 0)]:]
				if len(c.ends) == 1 {
					field = rec
				}
				c.unclosedNLs = bytes.Count(bytes.TrimSuffix(field, []byte("\n")), []byte("\n"))
				break parseField
			}
		}
	}
	c.lastLine = fieldLine
	// encoding/csv ends a record cut off by an input error after the
	// field it was in; the fields so far are returned with the error.
	text := c.text(rec, start)
	fields := make([]string, len(c.ends))
	prev := 0
	for i, end := range c.ends {
		fields[i] = text[prev:end]
		prev = end
	}
	return fields, errRead
}

// overCell reports whether the field being read, the last of rec, is
// longer than the cell limit (a quoted field, checked as each of its lines
// is added).
func (c *csvScanner) overCell(rec []byte) bool {
	start := 0
	if n := len(c.ends); n > 0 {
		start = c.ends[n-1]
	}
	return len(rec)-start > c.maxCell
}

// text makes the record's bytes, appended at start of the block (or moved
// to an array of their own when they outgrew it), into a string. The
// bytes are never written again: the block only grows past them.
func (c *csvScanner) text(rec []byte, start int) string {
	if len(rec) == 0 {
		return ""
	}
	// rec was made with the block's free capacity; append gives a larger
	// one only when it moved the record to a new array.
	if cap(rec) == cap(c.block)-start {
		c.block = c.block[:start+len(rec)]
	} else {
		// The record did not fit: it has its own array, and the next
		// records start a new block.
		c.block = make([]byte, 0, csvBlock)
	}
	if cap(c.block)-len(c.block) < 1<<10 {
		c.block = make([]byte, 0, csvBlock)
	}
	return unsafe.String(unsafe.SliceData(rec), len(rec))
}
