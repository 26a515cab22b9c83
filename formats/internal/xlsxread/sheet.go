package xlsxread

// A sheet's rows: the scan of its <sheetData>, its cells and their values,
// and which of them have date formats.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/internal/schedule"
)

// CellDates records which cells have a date or time format, for the extra
// columns that have no field to say what they hold: by column, a bit per
// row. The rows are read on a goroutine of their own while the builder
// asks about cells already read, hence the lock. The zero value is ready
// to use.
type CellDates struct {
	mu   sync.Mutex
	cols [][]uint64
}

func (d *CellDates) set(col, row int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for len(d.cols) <= col {
		d.cols = append(d.cols, nil)
	}
	w := row / 64
	if len(d.cols[col]) <= w {
		d.cols[col] = slices.Grow(d.cols[col], w+1-len(d.cols[col]))[:w+1]
	}
	d.cols[col][w] |= 1 << (row % 64)
}

// IsDate reports whether the cell at row and column (both 1-based) has a
// date or time format: a raw read gives a date as its serial number, which
// only the format tells from a number. A nil CellDates has no dates.
func (d *CellDates) IsDate(row, col int) bool {
	if d == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if col <= 0 || col >= len(d.cols) || row < 0 || row/64 >= len(d.cols[col]) {
		return false
	}
	return d.cols[col][row/64]&(1<<(row%64)) != 0
}

// colStyle is a <col> element: the style of the columns min to max.
type colStyle struct{ min, max, style int }

// Rows yields a sheet's rows as docket read them through excelize before
// this reader: excelize's worksheet model (the elements in their places,
// cells put in column order, rows without numbers numbered), then its
// Rows with RawCellValue. Every row up to the last comes, the empty ones
// too, so that a row's number is the spreadsheet's; cells as they are
// stored (a date as its serial number, a boolean as 1 or 0, a formula as
// its cached value, a shared or inline string as its text), trailing
// empty cells left out. Rows are read by one goroutine at a time.
type Rows struct {
	sheet    string
	rc       io.Closer
	sc       *xmlScanner
	sst      *sharedStrings
	sstText  []byte // the strings published when last looked (see shared)
	sstEnds  []uint32
	sstErr   error
	dateXf   []bool
	cols     []colStyle
	limits   *limits.Limits // nil: no check of whole rows (when guessing the sheet)
	scan     limits.Limits  // the Book's, checked while scanning, always
	progress func(int)
	fill     *mergeFill
	dates    *CellDates

	n        int  // rows returned
	rowStyle int  // the style of row n
	last     int  // the number of the last <row> read
	pending  bool // a <row> was read and is yet to come
	pendS    int  // its style
	pendRow  []string
	root     bool // inside the root element
	inData   bool // inside <sheetData>
	end      bool // no more <row>s
	err      error

	colCount int // excelize's count of the row's columns so far
	rowNum   int // the number of the row being read, for errors
	buf      []rowCell
	slab     []string // where rows' cells are carved from
	v        []byte
	ref      []byte
	typ      []byte
	item     stringItem
	intern   map[string]string
	present  []int // by column: the last row that had the cell (with merged areas only)
}

// rowCell is a cell of the row being read.
type rowCell struct {
	col, row int // the row from its reference, 0 without one
	val      string
	keep     bool // it has a value or a formula
	style    int
}

// Close closes the sheet's part; the Book stays open.
func (x *Rows) Close() error { return x.rc.Close() }

// RecordDates makes the rows record into d which cells have a date or
// time format, for a caller that asks about cells already read while the
// rows are read on another goroutine. Call it before the first Next.
func (x *Rows) RecordDates(d *CellDates) { x.dates = d }

// progressEvery is how often Rows reports progress, in rows: as often as
// docket's other readers report theirs.
const progressEvery = 2000

// OpenSheet starts reading a sheet (named in any case). fill fills the
// cells that merged areas cover with the area's value, as a date merged
// over a day's rows belongs to every row; the areas come at the end of
// the sheet, so they are read first, unless LookAhead has started on
// them. l, when not nil, is checked on every row (nil: no limits, for a
// glance at the first rows); the limits on what the workbook unzips to
// and on merged cells are the Book's. progress, when not nil, is called
// with the number of rows read every 2,000 rows.
func (b *Book) OpenSheet(sheet string, fill bool, l *limits.Limits, progress func(int)) (*Rows, error) {
	part := ""
	found := false
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, sheet) {
			part, found = s.part, true
		}
	}
	if !found || part == "" {
		return nil, fmt.Errorf("sheet %s: the workbook has no such worksheet", sheet)
	}
	var err error
	x := &Rows{sheet: sheet, sst: b.sharedStrings(), dateXf: b.dateStyles(), limits: l, scan: b.limits, progress: progress, intern: map[string]string{}, dates: &CellDates{}}
	if fill {
		var refs []string
		if ch, ok := b.ahead[part]; ok {
			delete(b.ahead, part)
			m := <-ch
			refs, err = m.refs, m.err
		} else {
			refs, err = b.mergeRefs(part)
		}
		if err != nil {
			return nil, err
		}
		if x.fill, err = newMergeFill(refs, sheet, b.limits); err != nil {
			return nil, err
		}
	}
	rc, err := b.open(b.part(part))
	if err != nil {
		return nil, damaged(err)
	}
	r, err := xmlText(rc)
	if err != nil {
		rc.Close()
		return nil, damaged(err)
	}
	x.rc, x.sc = rc, newXMLScanner(r)
	x.sc.maxText = b.limits.CellBytes
	return x, nil
}

func (x *Rows) fail(err error) error {
	if x.err == nil {
		var le *limits.Error
		if errors.As(err, &le) {
			x.err = err
		} else {
			x.err = fmt.Errorf("sheet %s: %w", x.sheet, damaged(err))
		}
	}
	return x.err
}

// Next returns the next row, io.EOF after the last, or the error that
// stopped the reading (every later call returns it again). A row's cells
// are its own, never reused: the caller may keep them, as the xlsx format
// keeps batches of rows read ahead.
func (x *Rows) Next() (schedule.Row, error) {
	if x.err != nil {
		return schedule.Row{}, x.err
	}
	if !x.pending && !x.end {
		x.readRow()
		if x.err == nil && x.sstErr != nil {
			x.err = x.sstErr // the shared strings could not be read
		}
		if x.err != nil {
			return schedule.Row{}, x.err
		}
	}
	if !x.pending {
		// A sheet read whole does not pass over damage in strings it
		// did not use.
		if _, _, err := x.sst.wait(math.MaxInt); err != nil {
			x.err = err
			return schedule.Row{}, err
		}
		return schedule.Row{}, io.EOF
	}
	x.n++
	var cells []string
	x.rowStyle = 0
	if x.n == x.last {
		cells, x.rowStyle = x.pendRow, x.pendS
		x.pending, x.pendRow = false, nil
	}
	if x.fill != nil {
		cells = x.fillRow(cells, x.rowStyle)
	}
	if x.progress != nil && x.n%progressEvery == 0 {
		x.progress(x.n)
	}
	row := schedule.Row{Num: x.n, Cells: cells}
	if x.limits != nil {
		if err := x.limits.CheckRow(row, x.sheet); err != nil {
			x.err = err
			return schedule.Row{}, err
		}
	}
	return row, nil
}

// readRow reads the next <row> of <sheetData>, or finds there is none;
// it takes the column styles on the way. Other elements are skipped, as
// excelize's model has no place for them.
func (x *Rows) readRow() {
	sc := x.sc
	for {
		k := sc.next()
		if k == tokEOF {
			if sc.err != nil {
				x.fail(sc.err)
			}
			x.end = true
			return
		}
		if k == tokEnd {
			switch {
			case x.inData:
				x.inData = false
			case x.root:
				x.end = true
				return
			}
			continue
		}
		name := string(sc.name)
		switch {
		case !x.root:
			x.root = !sc.empty
		case x.inData && name == "row":
			x.row()
			return
		case x.inData:
			sc.skip()
		case name == "sheetData":
			x.inData = !sc.empty
		case name == "cols":
			x.readCols()
		default:
			sc.skip()
		}
		if sc.err != nil {
			x.fail(sc.err)
			return
		}
	}
}

func (x *Rows) readCols() {
	sc := x.sc
	if sc.empty {
		return
	}
	for {
		switch sc.next() {
		case tokEOF:
			return
		case tokEnd:
			return
		case tokStart:
			if string(sc.name) != "col" {
				sc.skip()
				continue
			}
			var c colStyle
			for a := sc.attrs; ; {
				name, val, rest, ok := nextAttr(a)
				if !ok {
					break
				}
				a = rest
				v, _ := xmlInt(string(sc.attrValue(val)))
				switch string(name) {
				case "min":
					c.min = v
				case "max":
					c.max = v
				case "style":
					c.style = v
				}
			}
			x.cols = append(x.cols, c)
			sc.skip()
		}
	}
}

// row reads a <row> whose start tag was just read, and makes it pending.
func (x *Rows) row() {
	sc := x.sc
	r, style := 0, 0
	for a := sc.attrs; ; {
		name, val, rest, ok := nextAttr(a)
		if !ok {
			break
		}
		a = rest
		switch string(name) {
		case "r":
			v := sc.attrValue(val)
			n, ok := xmlInt(string(v))
			if !ok {
				x.fail(fmt.Errorf("row %q: not a row number", v))
				return
			}
			r = n
		case "s":
			if v, ok := xmlInt(string(sc.attrValue(val))); ok {
				style = v
			}
		}
	}
	x.buf = x.buf[:0]
	x.rowNum = r
	if r == 0 {
		x.rowNum = x.last + 1
	}
	if !sc.empty {
	cells:
		for {
			switch sc.next() {
			case tokEOF:
				if sc.err == nil {
					sc.fail("the sheet ends inside a row")
				}
				x.fail(sc.err)
				return
			case tokEnd:
				break cells
			case tokStart:
				if string(sc.name) == "c" {
					x.cell()
				} else {
					sc.skip()
				}
			}
			if x.err != nil {
				return
			}
			if sc.err != nil {
				x.fail(sc.err)
				return
			}
		}
	}
	num := r
	switch {
	case r < 0 || r > xlsxMaxRows:
		x.fail(fmt.Errorf("row %d is not a row of a sheet (1 to %d)", r, xlsxMaxRows))
		return
	case r == 0:
		// excelize numbers a row without a number from its cells'
		// references, else as the one after the last.
		for _, c := range x.buf {
			num = max(num, c.row)
		}
		if num == 0 {
			num = x.last + 1
		}
	}
	if num <= x.last {
		x.fail(fmt.Errorf("row %d comes after row %d: the rows are out of order", num, x.last))
		return
	}
	x.last, x.pendS, x.pending = num, style, true
	x.pendRow = x.cells(r == 0, num)
}

// cells makes the row's values from its cells, as excelize's model and
// Rows do: cells in column order (the last of a column kept) when the row
// has gaps or no number, in the order of the sheet otherwise; each value
// after empty cells up to its column.
func (x *Rows) cells(unnumbered bool, num int) []string {
	buf := x.buf
	if unnumbered {
		// A cell without a reference is where its position says.
		for i := range buf {
			if buf[i].row == 0 {
				buf[i].col = i + 1
			} else if buf[i].row != num {
				x.fail(fmt.Errorf("row %d: a cell of it names row %d", num, buf[i].row))
				return nil
			}
		}
	}
	sorted := true
	lastCol := 0
	for i := range buf {
		if i > 0 && buf[i].col <= buf[i-1].col {
			sorted = false
		}
		lastCol = max(lastCol, buf[i].col)
	}
	if !sorted && (unnumbered || len(buf) < lastCol) {
		slices.SortStableFunc(buf, func(a, b rowCell) int { return a.col - b.col })
		out := buf[:0]
		for i, c := range buf {
			if i+1 < len(buf) && buf[i+1].col == c.col {
				continue // the last of a column is kept
			}
			out = append(out, c)
		}
		buf = out
	}
	size := 0
	for _, c := range buf {
		if c.keep {
			size = max(size, c.col)
		}
	}
	cells := x.alloc(size)
	for _, c := range buf {
		if x.fill != nil {
			for len(x.present) <= c.col {
				x.present = append(x.present, 0)
			}
			x.present[c.col] = num
		}
		if x.isDateStyle(c.style, x.pendS, c.col) {
			x.dates.set(c.col, num)
		}
		if !c.keep {
			continue
		}
		for len(cells) < c.col-1 {
			cells = append(cells, "")
		}
		cells = append(cells, c.val)
	}
	return cells
}

// alloc returns an empty slice for n cells, carved from a larger block:
// one allocation for many rows. Its capacity is n, so that appending to
// it never reaches the next row's cells.
func (x *Rows) alloc(n int) []string {
	if n > len(x.slab) {
		if n > 512 {
			return make([]string, 0, n)
		}
		x.slab = make([]string, 4096)
	}
	cells := x.slab[:0:n]
	x.slab = x.slab[n:]
	return cells
}

// cell reads a <c> element whose start tag was just read into the row's
// cells. A cell without a reference takes the column after the count
// excelize's model keeps: one more for each cell, or a reference's column
// when that is further.
func (x *Rows) cell() {
	sc := x.sc
	if len(x.buf) == 0 {
		x.colCount = 0
	}
	if len(x.buf) >= xlsxMaxCols {
		// More cells than a row has columns: the list of them would
		// grow with the file (20M empty cells took 3 GB), so it stops here.
		x.fail(fmt.Errorf("row %d has more cells than a sheet has columns (%d)", x.rowNum, xlsxMaxCols))
		return
	}
	x.colCount++
	c := rowCell{col: x.colCount}
	badStyle := false
	x.ref, x.typ = x.ref[:0], x.typ[:0]
	for a := sc.attrs; ; {
		name, val, rest, ok := nextAttr(a)
		if !ok {
			break
		}
		a = rest
		switch string(name) {
		case "r":
			x.ref = append(x.ref[:0], sc.attrValue(val)...)
		case "s":
			v, ok := xmlInt(string(sc.attrValue(val)))
			// A style excelize cannot read loses the cell.
			badStyle = badStyle || !ok
			c.style = v
		case "t":
			x.typ = append(x.typ[:0], sc.attrValue(val)...)
		}
	}
	if len(x.ref) > 0 {
		col, row, err := cellCoordinates(x.ref)
		if err != nil {
			x.fail(fmt.Errorf("row %d: %v", x.last+1, err))
			return
		}
		c.col, c.row = col, row
		x.colCount = max(x.colCount, col)
	}
	hasF := false
	x.v = x.v[:0]
	x.item.reset()
	sc.overflow = false
	if !sc.empty {
	content:
		for {
			switch sc.next() {
			case tokEOF:
				if sc.err == nil {
					sc.fail("the sheet ends inside a cell")
				}
				return
			case tokEnd:
				break content
			case tokStart:
				switch string(sc.name) {
				case "v":
					x.v = sc.text(x.v[:0])
				case "f":
					hasF = true
					sc.skip()
				case "is":
					sc.stringItem(&x.item)
				default:
					sc.skip()
				}
			}
			if sc.err != nil {
				return
			}
		}
	}
	if sc.overflow {
		x.fail(x.scan.Cell(x.where(c.col), 0))
		return
	}
	if badStyle {
		c.style = 0
		x.buf = append(x.buf, c)
		return
	}
	switch string(x.typ) {
	case "s":
		if len(x.v) > 0 {
			i, _ := atoi(bytes.TrimSpace(x.v))
			c.val = x.shared(i)
			if c.val == "" && x.sst.isLong(i) {
				x.fail(x.scan.Cell(x.where(c.col), 0))
				return
			}
		}
	case "inlineStr":
		if x.item.seen {
			c.val = string(x.item.value())
		} else {
			c.val = x.str(x.v)
		}
	default:
		c.val = x.str(x.v)
	}
	c.keep = c.val != "" || hasF
	if c.keep && c.col > x.scan.Columns {
		x.fail(x.scan.TooManyColumns(x.where(-1), 0))
		return
	}
	x.buf = append(x.buf, c)
}

// where names the row being read, and column col (from 1) when col > 0,
// as limits.CheckRow does.
func (x *Rows) where(col int) string {
	w := fmt.Sprintf("sheet %s row %d", x.sheet, x.rowNum)
	if col > 0 {
		w += ", column " + schedule.ColumnName(col-1)
	}
	return w
}

// shared returns shared string i, "" when the workbook has none such (as
// excelize does), waiting for it to be read if need be.
func (x *Rows) shared(i int) string {
	if i < 0 {
		return ""
	}
	if i >= len(x.sstEnds) {
		x.sstText, x.sstEnds, x.sstErr = x.sst.wait(i)
		if i >= len(x.sstEnds) {
			return ""
		}
	}
	start := 0
	if i > 0 {
		start = int(x.sstEnds[i-1])
	}
	end := int(x.sstEnds[i])
	if start == end {
		return ""
	}
	// The bytes are never changed once published.
	return unsafe.String(&x.sstText[start], end-start)
}

// isDateStyle: the style of a cell is its own, else its row's, else its
// column's (excelize's GetCellStyle).
func (x *Rows) isDateStyle(style, rowStyle, col int) bool {
	if style == 0 {
		style = rowStyle
	}
	if style == 0 {
		for _, c := range x.cols {
			if c.min <= col && col <= c.max && c.style != 0 {
				style = c.style
				break
			}
		}
	}
	return style >= 0 && style < len(x.dateXf) && x.dateXf[style]
}

// str makes a string of a value; short ones (numbers, dates, times) are
// shared.
func (x *Rows) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 16 {
		return string(b)
	}
	if s, ok := x.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(x.intern) < 4096 {
		x.intern[s] = s
	}
	return s
}

// cellCoordinates is excelize's CellNameToCoordinates: letters (or $) then
// a row number above zero, within Excel's grid.
func cellCoordinates(ref []byte) (col, row int, err error) {
	alpha := func(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '$' }
	bad := func() (int, int, error) { return -1, -1, fmt.Errorf("cell reference %q is not valid", ref) }
	if len(ref) == 0 || !alpha(ref[0]) {
		return bad()
	}
	last := -1
	for i := len(ref) - 1; i >= 0; i-- {
		if alpha(ref[i]) {
			last = i
			break
		}
	}
	if last >= len(ref)-1 {
		return bad()
	}
	row, e := atoi(ref[last+1:])
	if e != nil || row <= 0 {
		return bad()
	}
	if row > xlsxMaxRows {
		return bad()
	}
	n := 0
	for _, c := range ref[:last+1] {
		switch {
		case c == '$':
			continue
		case 'A' <= c && c <= 'Z':
			n = n*26 + int(c-'A'+1)
		case 'a' <= c && c <= 'z':
			n = n*26 + int(c-'a'+1)
		default:
			return bad()
		}
		if n > xlsxMaxCols {
			return bad()
		}
	}
	if n == 0 {
		return bad()
	}
	return n, row, nil
}

// atoi is strconv.Atoi without converting plain digits to a string first.
func atoi(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 18 {
		return strconv.Atoi(string(b))
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return strconv.Atoi(string(b))
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
