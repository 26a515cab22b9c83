package xlsxread

// The shared strings, read on a goroutine of their own while the sheet
// is read, and the string items (<si>, a cell's <is>) they are made of.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// sharedStrings holds the workbook's strings in one block: string i is
// text[ends[i-1]:ends[i]]. They are read on a goroutine of their own,
// while the sheet is read: a row waits only for the strings it uses, and
// Excel numbers them in the order the sheet first uses them. (Read first,
// they were a third of reading a workbook, with nothing else running.)
//
// The reader appends to text and ends and publishes them under mu; what
// it published it never changes, so a sheet reader keeps the view it
// took (Rows.shared) without a lock until it needs a later string.
type sharedStrings struct {
	mu   sync.Mutex
	more *sync.Cond // broadcast when more strings are published, or at the end
	text []byte
	ends []uint32 // 4 bytes a string: a table of 10M strings costs 40 MB
	// long are the strings past the cell limit, in order: kept empty,
	// and refused where a cell uses them, which names the cell.
	long    []uint32
	hasLong atomic.Bool
	done    bool
	err     error
}

// wait returns the strings published once string i is among them or the
// reading ended, and the error it ended with.
func (t *sharedStrings) wait(i int) (text []byte, ends []uint32, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for len(t.ends) <= i && !t.done {
		t.more.Wait()
	}
	return t.text, t.ends, t.err
}

// isLong reports whether string i is past the cell limit.
func (t *sharedStrings) isLong(i int) bool {
	if !t.hasLong.Load() {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	_, found := slices.BinarySearch(t.long, uint32(i))
	return found
}

func (t *sharedStrings) publish(text []byte, ends []uint32, done bool, err error) {
	t.mu.Lock()
	t.text, t.ends, t.done, t.err = text, ends, done, err
	t.more.Broadcast()
	t.mu.Unlock()
}

func (b *Book) sharedStrings() *sharedStrings {
	if b.sst != nil {
		return b.sst
	}
	b.sst = &sharedStrings{}
	b.sst.more = sync.NewCond(&b.sst.mu)
	b.running.Add(1)
	go func() {
		defer b.running.Done()
		defer func() {
			if r := recover(); r != nil {
				b.sst.publish(nil, nil, true, fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", r))
			}
		}()
		b.readSharedStrings(b.sst)
	}()
	return b.sst
}

// readSharedStrings reads the strings into t, publishing them as they come.
func (b *Book) readSharedStrings(t *sharedStrings) {
	f := b.part(b.sstPath)
	if f == nil {
		t.publish(nil, nil, true, nil)
		return
	}
	rc, err := b.open(f)
	if err != nil {
		t.publish(nil, nil, true, damaged(err))
		return
	}
	defer rc.Close()
	r, err := xmlText(rc)
	if err != nil {
		t.publish(nil, nil, true, damaged(err))
		return
	}
	sc := newXMLScanner(r)
	sc.maxText = b.limits.CellBytes
	var (
		ends  []uint32
		item  stringItem
		depth int
	)
	// The text is nearly all of the part when strings are long (session
	// descriptions): growing from half of it copied the block once more
	// and faulted in half again as many pages. The part's size bounds it;
	// pages never written to cost no memory.
	text := make([]byte, 0, int(min(f.UncompressedSize64, 64<<20)))
	for {
		k := sc.next()
		if k == tokEOF {
			break
		}
		if k == tokEnd {
			if depth--; depth <= 0 {
				break
			}
			continue
		}
		if depth == 1 && string(sc.name) == "si" {
			if len(ends) >= b.limits.SharedStrings {
				t.publish(text, ends, true, b.limits.Strings())
				return
			}
			item.reset()
			sc.overflow = false
			sc.stringItem(&item)
			if sc.overflow {
				t.mu.Lock()
				t.long = append(t.long, uint32(len(ends)))
				t.mu.Unlock()
				t.hasLong.Store(true)
			} else {
				text = append(text, item.value()...)
			}
			if len(text) > math.MaxUint32 {
				t.publish(text, ends, true, errors.New("the shared strings are longer than 4 GiB"))
				return
			}
			ends = append(ends, uint32(len(text)))
			if len(ends)%256 == 0 {
				t.publish(text, ends, false, nil)
			}
			continue
		}
		if !sc.empty {
			depth++
		}
	}
	if sc.err != nil {
		t.publish(text, ends, true, partError(sc.err, b.sstPath))
		return
	}
	t.publish(text, ends, true, nil)
}

// stringItem collects a string item (<si>, or a cell's <is>) as excelize's
// xlsxSI does: its last <t>, then the last <t> of each rich text run <r>;
// phonetic runs and anything else are left out.
type stringItem struct {
	t, runs, run, out []byte
	seen              bool // an <is> was read
}

func (it *stringItem) reset() {
	it.t, it.runs, it.seen = it.t[:0], it.runs[:0], false
}

// value is the item's text, with _xHHHH_ escapes undone.
func (it *stringItem) value() []byte {
	it.out = append(append(it.out[:0], it.t...), it.runs...)
	return unescapeOOXML(it.out)
}

// stringItem reads an item whose start tag was just read, up to its end
// tag, adding to it (a cell's <is> elements add up).
func (s *xmlScanner) stringItem(it *stringItem) {
	it.seen = true
	if s.empty {
		return
	}
	for {
		switch s.next() {
		case tokEOF:
			s.fail("unexpected end inside a string")
			return
		case tokEnd:
			return
		case tokStart:
			switch string(s.name) {
			case "t":
				it.t = s.text(it.t[:0])
			case "r":
				s.richRun(it)
			default:
				s.skip()
			}
		}
		if s.err != nil {
			return
		}
	}
}

func (s *xmlScanner) richRun(it *stringItem) {
	if s.empty {
		return
	}
	has := false
	for {
		switch s.next() {
		case tokEOF:
			s.fail("unexpected end inside a rich text run")
			return
		case tokEnd:
			if has && !s.long(len(it.t)+len(it.runs)+len(it.run)) {
				it.runs = append(it.runs, it.run...)
			}
			return
		case tokStart:
			if string(s.name) == "t" {
				it.run, has = s.text(it.run[:0]), true
			} else {
				s.skip()
			}
		}
		if s.err != nil {
			return
		}
	}
}

// unescapeOOXML undoes the _xHHHH_ escapes of characters XML cannot hold,
// as excelize's bstrUnmarshal does: _x005F_ is an underscore, and an
// escaped UTF-16 surrogate is dropped.
func unescapeOOXML(s []byte) []byte {
	i := bytes.Index(s, []byte("_x"))
	if i < 0 {
		return s
	}
	out := make([]byte, 0, len(s))
	out = append(out, s[:i]...)
	for i < len(s) {
		if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && isHex4(s[i+2:i+6]) && s[i+6] == '_' {
			r, _ := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
			if utf8.ValidRune(rune(r)) {
				out = utf8.AppendRune(out, rune(r))
			}
			i += 7
			continue
		}
		out = append(out, s[i])
		i++
	}
	return out
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
