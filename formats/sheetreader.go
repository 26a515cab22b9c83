package formats

// A streaming reader of XLSX sheets. excelize keeps a whole worksheet and
// its strings as Go structures (100,000 rows took 79 s and 4.8 GB through
// its Rows); this reader takes the parts straight from the zip and scans a
// sheet's XML byte by byte, holding one row at a time, the shared strings
// in one block, and the merged areas. Its results are those of excelize's
// Rows with RawCellValue, which the differential tests in
// sheetreader_test.go check on every workbook of the repository and on
// hand-made ones.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/docket-forum/docket/internal/schedule"
)

// Excel's grid: the last row and column a cell reference may name.
const (
	xlsxMaxRows = 1 << 20
	xlsxMaxCols = 1 << 14
)

// xlsxBook is a workbook opened for reading.
type xlsxBook struct {
	zr       *zip.Reader
	file     *os.File
	parts    map[string]*zip.File
	folded   map[string]*zip.File // by lower-case name, for parts named in another case
	limits   Limits
	sheets   []bookSheet
	date1904 bool

	sstPath, stylesPath string
	sst                 *sharedStrings // read on a goroutine from the first use
	stylesDone          bool
	dateXf              []bool // by cell style (xf) index: whether its number format shows a date or time

	// Merged areas looked for ahead (by part), on their own goroutines.
	ahead   map[string]chan mergeScan
	stop    chan struct{} // closed when the book closes
	running sync.WaitGroup
	closed  bool
}

type mergeScan struct {
	refs []string
	err  error
}

type bookSheet struct {
	name string
	part string // empty when the workbook lists a sheet it does not hold
}

func damaged(err error) error {
	return fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", err)
}

func unzipLimitError(l Limits) error {
	return l.Unzip()
}

// openXLSX opens a workbook from a path, or from a stream held in memory.
func openXLSX(in Input, limits Limits) (*xlsxBook, error) {
	var (
		ra   io.ReaderAt
		size int64
		file *os.File
	)
	if in.Path != "" {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, openError(err)
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		ra, size, file = f, st.Size(), f
	} else {
		br, ok := in.R.(*bytes.Reader)
		if !ok {
			data, err := io.ReadAll(in.R)
			if err != nil {
				return nil, err
			}
			br = bytes.NewReader(data)
		}
		ra, size = br, br.Size()
	}
	b, err := newXLSXBook(ra, size, limits)
	if err != nil {
		if file != nil {
			file.Close()
		}
		return nil, err
	}
	b.file = file
	return b, nil
}

func (b *xlsxBook) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	close(b.stop)
	b.running.Wait()
	if b.file != nil {
		return b.file.Close()
	}
	return nil
}

func newXLSXBook(ra io.ReaderAt, size int64, limits Limits) (*xlsxBook, error) {
	head := make([]byte, 8)
	if n, _ := ra.ReadAt(head, 0); n == len(head) && bytes.Equal(head, ole2Magic) {
		return nil, oleError(ra, size)
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("the workbook is damaged or not an Excel file (%v): open and save it again in Excel or LibreOffice", err)
	}
	b := &xlsxBook{zr: zr, limits: limits, parts: map[string]*zip.File{}, folded: map[string]*zip.File{}, ahead: map[string]chan mergeScan{}, stop: make(chan struct{})}
	// The sizes the zip declares, as excelize counts them: a zip bomb
	// stops here, and archive/zip refuses a part that inflates to more
	// than it declares.
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > uint64(limits.UnzipBytes) || total > uint64(limits.UnzipBytes) {
			return nil, unzipLimitError(limits)
		}
		name := strings.ReplaceAll(f.Name, `\`, "/")
		b.parts[name] = f
		b.folded[strings.ToLower(name)] = f
	}
	if err := b.readStructure(); err != nil {
		var le *LimitError
		if errors.As(err, &le) {
			return nil, err
		}
		return nil, damaged(err)
	}
	return b, nil
}

// oleError explains a Compound File instead of a zip: an encrypted
// (password-protected) workbook, or a legacy .xls.
func oleError(ra io.ReaderAt, size int64) error {
	var name []byte
	for _, r := range "EncryptionInfo" {
		name = append(name, byte(r), 0)
	}
	if found, _ := scanFor(io.NewSectionReader(ra, 0, size), name); found {
		return errors.New("the workbook is password-protected: remove the password and save it again")
	}
	return errors.New("not a workbook docket can read: save it as .xlsx")
}

// part finds a part by name, in any case as a last resort.
func (b *xlsxBook) part(name string) *zip.File {
	if f, ok := b.parts[name]; ok {
		return f
	}
	return b.folded[strings.ToLower(name)]
}

// partReader reads one part, counting what it inflates against what the
// zip declared (and so against the unzip limit).
type partReader struct {
	rc     io.ReadCloser
	left   int64
	limits Limits
	stop   chan struct{}
}

var errBookClosed = errors.New("the workbook was closed")

func (p *partReader) Read(buf []byte) (int, error) {
	select {
	case <-p.stop:
		return 0, errBookClosed
	default:
	}
	n, err := p.rc.Read(buf)
	if p.left -= int64(n); p.left < 0 {
		return 0, unzipLimitError(p.limits)
	}
	return n, err
}

func (p *partReader) Close() error { return p.rc.Close() }

func (b *xlsxBook) open(f *zip.File) (*partReader, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &partReader{rc: rc, left: int64(min(f.UncompressedSize64, uint64(b.limits.UnzipBytes))), limits: b.limits, stop: b.stop}, nil
}

// xmlText returns a part's XML as UTF-8: parts are UTF-8 or UTF-16, or say
// their encoding in the XML declaration.
func xmlText(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(512)
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()), nil
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return br, nil
	}
	decl := head
	if i := bytes.Index(decl, []byte("?>")); i >= 0 {
		decl = decl[:i]
	}
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return br, nil
	}
	_, val, _, ok := nextAttr(decl[i:])
	if !ok {
		return br, nil
	}
	label := strings.ToLower(strings.TrimSpace(string(val)))
	if label == "utf-8" || label == "utf8" || label == "" {
		return br, nil
	}
	return charset.NewReaderLabel(label, br)
}

// decodePart decodes a small part (relationships, workbook, styles) with
// encoding/xml; a missing part leaves v as it is.
func (b *xlsxBook) decodePart(name string, v any) (bool, error) {
	f := b.part(name)
	if f == nil {
		return false, nil
	}
	rc, err := b.open(f)
	if err != nil {
		return true, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.CharsetReader = charset.NewReaderLabel
	if err := d.Decode(v); err != nil && err != io.EOF {
		var le *LimitError
		if errors.As(err, &le) {
			return true, err
		}
		return true, fmt.Errorf("%s: %v", name, err)
	}
	return true, nil
}

type pkgRelationships struct {
	Rel []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// resolvePart is the part a relationship's target names, from the folder
// of the part that holds the relationship.
func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(dir+"/"+target), "/")
}

// readStructure reads where the workbook is, its sheets, its date system,
// and where its strings and styles are.
func (b *xlsxBook) readStructure() error {
	wbPath := "xl/workbook.xml"
	var root pkgRelationships
	if _, err := b.decodePart("_rels/.rels", &root); err != nil {
		return err
	}
	for _, r := range root.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = resolvePart("", r.Target)
			break
		}
	}
	var wb struct {
		WorkbookPr *struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if found, err := b.decodePart(wbPath, &wb); err != nil || !found {
		return err // no workbook part: no sheets
	}
	if wb.WorkbookPr != nil {
		b.date1904, _ = strconv.ParseBool(strings.TrimSpace(wb.WorkbookPr.Date1904))
	}
	dir := path.Dir(wbPath)
	relsPath := "_rels/" + path.Base(wbPath) + ".rels"
	if dir != "." {
		relsPath = dir + "/" + relsPath
	}
	var rels pkgRelationships
	if _, err := b.decodePart(relsPath, &rels); err != nil {
		return err
	}
	targets := map[string]string{}
	b.sstPath, b.stylesPath = "xl/sharedStrings.xml", "xl/styles.xml"
	for _, r := range rels.Rel {
		if strings.EqualFold(r.TargetMode, "External") {
			continue
		}
		p := resolvePart(dir, r.Target)
		targets[r.ID] = p
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings") && b.part(p) != nil:
			b.sstPath = p
		case strings.HasSuffix(r.Type, "/styles") && b.part(p) != nil:
			b.stylesPath = p
		}
	}
	for _, s := range wb.Sheets {
		var name, id, anyID string
		for _, a := range s.Attrs {
			switch {
			case a.Name.Local == "name" && a.Name.Space == "":
				name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				id = a.Value
			case a.Name.Local == "id":
				anyID = a.Value
			}
		}
		if id == "" {
			id = anyID
		}
		sh := bookSheet{name: name}
		if p, ok := targets[id]; ok && b.part(p) != nil {
			sh.part = p
		}
		b.sheets = append(b.sheets, sh)
	}
	return nil
}

// SheetNames are the workbook's sheets, in order.
func (b *xlsxBook) SheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// ---- styles

// dateStyles reads, for each cell style, whether its number format shows
// a date or a time, as excelize's GetStyle and isDateStyle decide it: a
// built-in format by its id, any other by its format code. A styles part
// docket cannot read leaves every style a plain number.
func (b *xlsxBook) dateStyles() []bool {
	if b.stylesDone {
		return b.dateXf
	}
	b.stylesDone = true
	var st struct {
		NumFmts []struct {
			ID   string `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID *string `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if _, err := b.decodePart(b.stylesPath, &st); err != nil {
		return nil
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		if id, ok := xmlInt(f.ID); ok {
			custom[id] = f.Code
		}
	}
	b.dateXf = make([]bool, len(st.Xfs))
	for i, xf := range st.Xfs {
		if xf.NumFmtID == nil {
			continue
		}
		if id, ok := xmlInt(*xf.NumFmtID); ok {
			b.dateXf[i] = numFmtIsDate(id, custom)
		}
	}
	return b.dateXf
}

// xmlInt parses an integer attribute as encoding/xml does.
func xmlInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return int(n), err == nil
}

// numFmtIsDate: excelize reads a built-in or language format id as that
// format (custom codes under those ids are ignored), any other id by its
// custom code.
func numFmtIsDate(id int, custom map[int]string) bool {
	builtin := (0 <= id && id <= 4) || (9 <= id && id <= 22) || (37 <= id && id <= 49) ||
		(27 <= id && id <= 36) || (50 <= id && id <= 62) || (67 <= id && id <= 81)
	if builtin {
		return (14 <= id && id <= 22) || (45 <= id && id <= 47)
	}
	code, ok := custom[id]
	return ok && isDateFormatCode(code)
}

// isDateFormatCode reports whether a number format code has date or time
// codes outside quotes and brackets.
func isDateFormatCode(code string) bool {
	inQuote, inBracket := false, false
	for _, r := range strings.ToLower(code) {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '[':
			inBracket = true
		case r == ']':
			inBracket = false
		case inBracket:
		case strings.ContainsRune("ymdhs", r):
			return true
		}
	}
	return false
}

// ---- shared strings

// sharedStrings holds the workbook's strings in one block: string i is
// text[ends[i-1]:ends[i]]. They are read on a goroutine of their own,
// while the sheet is read: a row waits only for the strings it uses, and
// Excel numbers them in the order the sheet first uses them. (Read first,
// they were a third of reading a workbook, with nothing else running.)
//
// The reader appends to text and ends and publishes them under mu; what
// it published it never changes, so a sheet reader keeps the view it
// took (sheetRows.shared) without a lock until it needs a later string.
type sharedStrings struct {
	mu   sync.Mutex
	more *sync.Cond // broadcast when more strings are published, or at the end
	text []byte
	ends []int
	done bool
	err  error
}

// wait returns the strings published once string i is among them or the
// reading ended, and the error it ended with.
func (t *sharedStrings) wait(i int) (text []byte, ends []int, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for len(t.ends) <= i && !t.done {
		t.more.Wait()
	}
	return t.text, t.ends, t.err
}

func (t *sharedStrings) publish(text []byte, ends []int, done bool, err error) {
	t.mu.Lock()
	t.text, t.ends, t.done, t.err = text, ends, done, err
	t.more.Broadcast()
	t.mu.Unlock()
}

func (b *xlsxBook) sharedStrings() *sharedStrings {
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
func (b *xlsxBook) readSharedStrings(t *sharedStrings) {
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
	var (
		ends  []int
		item  stringItem
		depth int
	)
	// The text is nearly all of the part when strings are long (session
	// descriptions): growing from half of it copied the block once more
	// and faulted in half again as many pages. The part's size bounds it.
	text := make([]byte, 0, int(min(f.UncompressedSize64, 1<<30)))
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
			item.reset()
			sc.stringItem(&item)
			text = append(text, item.value()...)
			ends = append(ends, len(text))
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

// partError is a failure inside a part: the unzip limit as it is, anything
// else as damage.
func partError(err error, part string) error {
	var le *LimitError
	if errors.As(err, &le) {
		return err
	}
	return damaged(fmt.Errorf("%s: %v", part, err))
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
			if has {
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

// ---- sheets

// cellDates records which cells have a date or time format, for the extra
// columns that have no field to say what they hold: by column, a bit per
// row.
// The rows are read on a goroutine of their own while the builder asks
// about cells already read, hence the lock.
type cellDates struct {
	mu   sync.Mutex
	cols [][]uint64
}

func (d *cellDates) set(col, row int) {
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

// isDate reports whether the cell at row and column (both 1-based) has a
// date or time format.
func (d *cellDates) isDate(row, col int) bool {
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

// sheetRows yields a sheet's rows as docket read them through excelize:
// its worksheet model (the elements in their places, cells put in column
// order, rows without numbers numbered), then its Rows with RawCellValue.
// Every row up to the last comes, the empty ones too, so that a row's
// number is the spreadsheet's; cells as they are stored (a date as its
// serial number, a boolean as 1 or 0, a formula as its cached value, a
// shared or inline string as its text), trailing empty cells left out.
type sheetRows struct {
	sheet    string
	rc       io.Closer
	sc       *xmlScanner
	sst      *sharedStrings
	sstText  []byte // the strings published when last looked (see shared)
	sstEnds  []int
	sstErr   error
	dateXf   []bool
	cols     []colStyle
	limits   *Limits // nil: no limits (when guessing the sheet)
	progress func(int)
	fill     *mergeFill
	dates    *cellDates

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

func (x *sheetRows) Close() error { return x.rc.Close() }

// openSheet starts reading a sheet; fill fills the cells that merged areas
// cover.
func (b *xlsxBook) openSheet(sheet string, fill bool, limits *Limits, progress func(int)) (*sheetRows, error) {
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
	x := &sheetRows{sheet: sheet, sst: b.sharedStrings(), dateXf: b.dateStyles(), limits: limits, progress: progress, intern: map[string]string{}, dates: &cellDates{}}
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
	return x, nil
}

func (x *sheetRows) fail(err error) error {
	if x.err == nil {
		var le *LimitError
		if errors.As(err, &le) {
			x.err = err
		} else {
			x.err = fmt.Errorf("sheet %s: %w", x.sheet, damaged(err))
		}
	}
	return x.err
}

func (x *sheetRows) Next() (schedule.Row, error) {
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
func (x *sheetRows) readRow() {
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

func (x *sheetRows) readCols() {
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
func (x *sheetRows) row() {
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
func (x *sheetRows) cells(unnumbered bool, num int) []string {
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
func (x *sheetRows) alloc(n int) []string {
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
func (x *sheetRows) cell() {
	sc := x.sc
	if len(x.buf) == 0 {
		x.colCount = 0
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
	x.buf = append(x.buf, c)
}

// shared returns shared string i, "" when the workbook has none such (as
// excelize does), waiting for it to be read if need be.
func (x *sheetRows) shared(i int) string {
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
		start = x.sstEnds[i-1]
	}
	if start == x.sstEnds[i] {
		return ""
	}
	// The bytes are never changed once published.
	return unsafe.String(&x.sstText[start], x.sstEnds[i]-start)
}

// isDateStyle: the style of a cell is its own, else its row's, else its
// column's (excelize's GetCellStyle).
func (x *sheetRows) isDateStyle(style, rowStyle, col int) bool {
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
func (x *sheetRows) str(b []byte) string {
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

// ---- merged cells

// lookAhead starts looking for a sheet's merged areas on a goroutine of
// its own (the whole sheet is read for them), while the shared strings
// are read and the sheet is chosen.
func (b *xlsxBook) lookAhead(sheet string) {
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, sheet) && s.part != "" {
			if _, ok := b.ahead[s.part]; ok {
				return
			}
			ch := make(chan mergeScan, 1)
			b.ahead[s.part] = ch
			b.running.Add(1)
			go func(part string) {
				defer b.running.Done()
				var m mergeScan
				defer func() {
					if r := recover(); r != nil {
						m.err = fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", r)
					}
					ch <- m
				}()
				m.refs, m.err = b.mergeRefs(part)
			}(s.part)
			return
		}
	}
}

// mergeRefs reads the references of a sheet's merged areas (<mergeCell
// ref> under <mergeCells>, which comes after the rows): a quick scan for
// the word first, the XML only when it is there.
func (b *xlsxBook) mergeRefs(part string) ([]string, error) {
	f := b.part(part)
	rc, err := b.open(f)
	if err != nil {
		return nil, damaged(err)
	}
	r, err := xmlText(rc)
	if err != nil {
		rc.Close()
		return nil, damaged(err)
	}
	found, err := scanFor(r, []byte("mergeCell"))
	rc.Close()
	if err != nil {
		return nil, partError(err, part)
	}
	if !found {
		return nil, nil
	}
	if rc, err = b.open(f); err != nil {
		return nil, damaged(err)
	}
	defer rc.Close()
	if r, err = xmlText(rc); err != nil {
		return nil, damaged(err)
	}
	sc := newXMLScanner(r)
	var refs []string
	depth, inMerges := 0, false
	for {
		k := sc.next()
		if k == tokEOF {
			break
		}
		if k == tokEnd {
			if depth--; depth <= 1 {
				inMerges = false
			}
			continue
		}
		name := string(sc.name)
		switch {
		case depth == 1 && name == "mergeCells":
			inMerges = !sc.empty
		case depth == 2 && inMerges && name == "mergeCell":
			ref := ""
			for a := sc.attrs; ; {
				n, v, rest, ok := nextAttr(a)
				if !ok {
					break
				}
				a = rest
				if string(n) == "ref" {
					ref = string(sc.attrValue(v))
				}
			}
			refs = append(refs, ref)
		}
		if !sc.empty {
			depth++
		}
	}
	if sc.err != nil {
		return nil, partError(sc.err, part)
	}
	return refs, nil
}

// scanFor reports whether r holds pat.
func scanFor(r io.Reader, pat []byte) (bool, error) {
	buf := make([]byte, 256<<10)
	n := 0
	for {
		m, err := r.Read(buf[n:])
		from := max(0, n-len(pat)+1)
		n += m
		if bytes.Contains(buf[from:n], pat) {
			return true, nil
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if n > len(buf)/2 {
			keep := len(pat) - 1
			n = copy(buf, buf[n-keep:n])
		}
	}
}

// mergeArea is a merged area: columns c1 to c2, rows r1 to r2 (1-based),
// and the value of its top-left cell.
type mergeArea struct {
	c1, r1, c2, r2 int
	val            string
}

// mergeFill fills the cells merged areas cover, row by row, as mergedFill
// did with excelize: the top-left value (when not blank) goes to each
// covered cell that is empty, the area listed last winning where areas
// overlap.
type mergeFill struct {
	areas  []mergeArea
	byTop  []int // areas that cover cells, by first row
	next   int   // the next of byTop to start
	active []int // areas (indices, ascending) whose rows are being read
}

// newMergeFill makes the areas of the references as excelize's
// GetMergeCells and mergedFill did: no areas at all when one reference is
// not valid, overlapping areas joined, the limits.max-merged-cells limit on
// their total size.
func newMergeFill(refs []string, sheet string, limits Limits) (*mergeFill, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	rects := make([][4]int, 0, len(refs))
	for _, ref := range refs {
		if !strings.Contains(ref, ":") {
			ref += ":" + ref
		}
		rng := strings.Split(strings.ReplaceAll(ref, "$", ""), ":")
		c1, r1, err1 := cellCoordinates([]byte(rng[0]))
		c2, r2, err2 := cellCoordinates([]byte(rng[1]))
		if err1 != nil || err2 != nil {
			return nil, nil
		}
		rects = append(rects, [4]int{c1, r1, c2, r2})
	}
	overlap, err := anyOverlap(rects)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %v", sheet, err)
	}
	if overlap {
		if len(rects) > maxOverlapping {
			return nil, fmt.Errorf("sheet %s: %d merged areas, some overlapping each other: the workbook is damaged; open and save it again in Excel or LibreOffice", sheet, len(rects))
		}
		rects = joinOverlaps(rects)
	}
	m := &mergeFill{}
	total := 0
	for _, r := range rects {
		total += (r[2] - r[0] + 1) * (r[3] - r[1] + 1)
		// A range is filled cell by cell, so merging whole columns must
		// not make millions of copies.
		if total > limits.MergedCells {
			return nil, limits.Merged(sheet)
		}
		m.areas = append(m.areas, mergeArea{c1: r[0], r1: r[1], c2: r[2], r2: r[3]})
		if r[0] <= r[2] && r[1] <= r[3] {
			m.byTop = append(m.byTop, len(m.areas)-1)
		}
	}
	slices.SortStableFunc(m.byTop, func(a, b int) int { return m.areas[a].r1 - m.areas[b].r1 })
	return m, nil
}

// maxOverlapping bounds the areas excelize's quadratic joining of
// overlapping areas is run on (Excel itself refuses overlapping areas).
const maxOverlapping = 5000

// anyOverlap reports whether two areas share a cell, which is the only
// case where excelize joins areas; it gives up on pathological lists.
func anyOverlap(rects [][4]int) (bool, error) {
	type box struct{ c1, r1, c2, r2 int }
	boxes := make([]box, len(rects))
	for i, r := range rects {
		boxes[i] = box{min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])}
	}
	slices.SortFunc(boxes, func(a, b box) int { return a.r1 - b.r1 })
	var active []box
	work := 0
	for _, b := range boxes {
		keep := active[:0]
		for _, a := range active {
			if a.r2 >= b.r1 {
				keep = append(keep, a)
			}
		}
		active = keep
		for _, a := range active {
			if a.c1 <= b.c2 && b.c1 <= a.c2 {
				return true, nil
			}
		}
		if work += len(active); work > 50_000_000 {
			return false, fmt.Errorf("%d merged areas are more than docket can check", len(rects))
		}
		active = append(active, b)
	}
	return false, nil
}

// joinOverlaps is excelize's mergeOverlapCells: areas that overlap
// (a corner of one inside the other) become the area that holds both,
// until none do.
func joinOverlaps(rects [][4]int) [][4]int {
	in := func(c, r int, a [4]int) bool { return c >= a[0] && c <= a[2] && r >= a[1] && r <= a[3] }
	overlap := func(a, b [4]int) bool {
		return in(a[0], a[1], b) || in(a[2], a[1], b) || in(a[0], a[3], b) || in(a[2], a[3], b) ||
			in(b[0], b[1], a) || in(b[2], b[1], a) || in(b[0], b[3], a) || in(b[2], b[3], a)
	}
	for joined := true; joined; {
		joined = false
		var out [][4]int
		used := make([]bool, len(rects))
		for i := range rects {
			if used[i] {
				continue
			}
			r1 := rects[i]
			for j := i + 1; j < len(rects); j++ {
				if used[j] {
					continue
				}
				if r2 := rects[j]; overlap(r1, r2) {
					r1 = [4]int{min(r1[0], r2[0]), min(r1[1], r2[1]), max(r1[2], r2[2]), max(r1[3], r2[3])}
					joined, used[j] = true, true
				}
			}
			out = append(out, r1)
		}
		rects = out
	}
	return rects
}

// fillRow fills row x.n's cells covered by merged areas.
func (x *sheetRows) fillRow(cells []string, rowStyle int) []string {
	m, n := x.fill, x.n
	started := false
	for m.next < len(m.byTop) && m.areas[m.byTop[m.next]].r1 <= n {
		i := m.byTop[m.next]
		m.next++
		a := &m.areas[i]
		if a.r1 != n {
			continue
		}
		if a.c1 <= len(cells) {
			a.val = cells[a.c1-1]
		}
		if strings.TrimSpace(a.val) == "" {
			continue
		}
		m.active = append(m.active, i)
		started = true
	}
	if started {
		slices.Sort(m.active)
	}
	keep := m.active[:0]
	for _, i := range m.active {
		if m.areas[i].r2 >= n {
			keep = append(keep, i)
		}
	}
	m.active = keep
	// The area listed last wins: fill from the last, never over a value.
	for k := len(m.active) - 1; k >= 0; k-- {
		a := &m.areas[m.active[k]]
		for c := a.c1; c <= a.c2; c++ {
			if n == a.r1 && c == a.c1 {
				continue
			}
			if c <= len(cells) && cells[c-1] != "" {
				continue
			}
			for len(cells) < c {
				cells = append(cells, "")
			}
			cells[c-1] = a.val
			// A covered cell the sheet does not hold has its row's or
			// column's style.
			if (c >= len(x.present) || x.present[c] != n) && x.isDateStyle(0, rowStyle, c) {
				x.dates.set(c, n)
			}
		}
	}
	return cells
}

// ---- the XML scanner

// xmlScanner is a minimal XML tokenizer for the hot path: it returns start
// and end tags (local names, raw attribute text) and skips text, comments,
// processing instructions and declarations; text() decodes an element's
// character data like encoding/xml (entities, CDATA, line ends).
type xmlScanner struct {
	r     io.Reader
	buf   []byte
	pos   int
	end   int
	eof   bool
	err   error
	name  []byte // local name of the last tag
	attrs []byte // attribute text of the last start tag
	empty bool   // the last start tag closed itself
}

const (
	tokEOF = iota
	tokStart
	tokEnd
	tokSkip
)

const (
	xmlChunk  = 64 << 10
	xmlMaxTag = 16 << 20 // no tag of a sheet comes near this
)

var (
	cdataOpen    = []byte("<![CDATA[")
	cdataClose   = []byte("]]>")
	commentOpen  = []byte("<!--")
	commentClose = []byte("-->")
	piClose      = []byte("?>")
)

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, xmlChunk)}
}

func (s *xmlScanner) fail(msg string) int {
	if s.err == nil {
		s.err = errors.New(msg)
	}
	return tokEOF
}

// fill makes n bytes from pos available, reading more; it reports whether
// they are.
func (s *xmlScanner) fill(n int) bool {
	for s.end-s.pos < n {
		if s.eof || s.err != nil {
			return false
		}
		if s.pos > 0 && (s.pos+n > len(s.buf) || len(s.buf)-s.end < 4096) {
			s.end = copy(s.buf, s.buf[s.pos:s.end])
			s.pos = 0
		}
		if n > len(s.buf) {
			if n > xmlMaxTag {
				s.fail("a tag is longer than 16 MiB")
				return false
			}
			nb := make([]byte, max(2*len(s.buf), n))
			s.end = copy(nb, s.buf[s.pos:s.end])
			s.pos, s.buf = 0, nb
		}
		m, err := s.r.Read(s.buf[s.end:])
		s.end += m
		if err == io.EOF {
			s.eof = true
		} else if err != nil {
			s.err = err
		}
	}
	return true
}

// next returns the next start or end tag.
func (s *xmlScanner) next() int {
	for {
		i := 0
		if s.pos >= s.end || s.buf[s.pos] != '<' {
			i = bytes.IndexByte(s.buf[s.pos:s.end], '<')
		}
		if i < 0 {
			s.pos = s.end
			if !s.fill(1) {
				return tokEOF
			}
			continue
		}
		s.pos += i
		if k := s.markup(); k != tokSkip {
			return k
		}
		if s.err != nil {
			return tokEOF
		}
	}
}

// markup reads the markup at pos ('<').
func (s *xmlScanner) markup() int {
	if !s.fill(2) {
		return s.fail("unexpected end of the document")
	}
	switch s.buf[s.pos+1] {
	case '/':
		i := s.find('>', 2)
		if i < 0 {
			return s.fail("unexpected end inside an end tag")
		}
		s.name = localName(bytes.TrimSpace(s.buf[s.pos+2 : s.pos+i]))
		s.pos += i + 1
		return tokEnd
	case '?':
		s.skipPast(piClose, 2)
		return tokSkip
	case '!':
		s.fill(len(cdataOpen))
		rest := s.buf[s.pos:s.end]
		switch {
		case bytes.HasPrefix(rest, commentOpen):
			s.skipPast(commentClose, len(commentOpen))
		case bytes.HasPrefix(rest, cdataOpen):
			s.skipPast(cdataClose, len(cdataOpen))
		default:
			s.skipDecl()
		}
		return tokSkip
	}
	i := s.tagEnd()
	if i < 0 {
		return s.fail("unexpected end inside a tag")
	}
	tag := s.buf[s.pos+1 : s.pos+i]
	s.empty = len(tag) > 0 && tag[len(tag)-1] == '/'
	if s.empty {
		tag = tag[:len(tag)-1]
	}
	j := 0
	for j < len(tag) && !isXMLSpace(tag[j]) {
		j++
	}
	s.name, s.attrs = localName(tag[:j]), tag[j:]
	s.pos += i + 1
	return tokStart
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// localName drops a namespace prefix, as encoding/xml does.
func localName(name []byte) []byte {
	for i, c := range name {
		if c == ':' {
			if i >= 1 && i < len(name)-1 {
				return name[i+1:]
			}
			break
		}
	}
	return name
}

// find returns the offset from pos of the first c at or after from, or -1.
func (s *xmlScanner) find(c byte, from int) int {
	// End tags are short: look at a few bytes before searching.
	for i, n := s.pos+from, min(s.end, s.pos+from+16); i < n; i++ {
		if s.buf[i] == c {
			return i - s.pos
		}
	}
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], c); i >= 0 {
			return from + i
		}
		from = s.end - s.pos
		if !s.fill(from + 1) {
			return -1
		}
	}
}

// tagEnd returns the offset from pos of the '>' that ends the tag at pos,
// past quoted attribute values, or -1.
func (s *xmlScanner) tagEnd() int {
	i := 1
	for {
		b := s.buf[s.pos:s.end]
		for i < len(b) {
			c := b[i]
			if c == '>' {
				return i
			}
			if c != '"' && c != '\'' {
				i++
				continue
			}
			// Attribute values are mostly short: look at a few bytes
			// before searching.
			j := i + 1
			for n := min(len(b), i+12); j < n && b[j] != c; j++ {
			}
			if j == len(b) || b[j] != c {
				k := bytes.IndexByte(b[j:], c)
				if k < 0 {
					break
				}
				j += k
			}
			i = j + 1
		}
		if !s.fill(len(b) + 1) {
			return -1
		}
	}
}

// skipPast skips from pos+from to after term.
func (s *xmlScanner) skipPast(term []byte, from int) {
	s.pos += min(from, s.end-s.pos)
	for {
		if i := bytes.Index(s.buf[s.pos:s.end], term); i >= 0 {
			s.pos += i + len(term)
			return
		}
		if keep := len(term) - 1; s.end-s.pos > keep {
			s.pos = s.end - keep
		}
		if !s.fill(s.end - s.pos + 1) {
			s.fail("unexpected end of the document")
			return
		}
	}
}

// skipDecl skips a <!DOCTYPE ...> or other declaration, with its nested
// markup.
func (s *xmlScanner) skipDecl() {
	s.pos += 2
	depth := 1
	var q byte
	for {
		for s.pos < s.end {
			c := s.buf[s.pos]
			s.pos++
			switch {
			case q != 0:
				if c == q {
					q = 0
				}
			case c == '"' || c == '\'':
				q = c
			case c == '<':
				depth++
			case c == '>':
				if depth--; depth == 0 {
					return
				}
			}
		}
		if !s.fill(1) {
			s.fail("unexpected end inside a declaration")
			return
		}
	}
}

// skip skips the content of the element whose start tag was just read.
func (s *xmlScanner) skip() {
	if s.empty {
		return
	}
	for depth := 1; depth > 0; {
		switch s.next() {
		case tokEOF:
			s.fail("unexpected end of the document")
			return
		case tokStart:
			if !s.empty {
				depth++
			}
		case tokEnd:
			depth--
		}
	}
}

// text appends to dst the character data of the element whose start tag
// was just read, and reads up to its end tag. Child elements are skipped
// with their text, as encoding/xml does for a chardata field.
func (s *xmlScanner) text(dst []byte) []byte {
	if s.empty {
		return dst
	}
	depth := 0
	for {
		b := s.buf[s.pos:s.end]
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			n := completeText(b)
			if depth == 0 {
				dst = s.decode(dst, b[:n])
			}
			s.pos += n
			if s.err != nil || !s.fill(s.end-s.pos+1) {
				s.fail("unexpected end inside text")
				return dst
			}
			continue
		}
		if depth == 0 && i > 0 {
			dst = s.decode(dst, b[:i])
		}
		s.pos += i
		if s.err != nil || !s.fill(2) {
			s.fail("unexpected end inside text")
			return dst
		}
		switch s.buf[s.pos+1] {
		case '/':
			k := s.find('>', 2)
			if k < 0 {
				s.fail("unexpected end inside an end tag")
				return dst
			}
			s.pos += k + 1
			if depth == 0 {
				return dst
			}
			depth--
		case '?':
			s.skipPast(piClose, 2)
		case '!':
			s.fill(len(cdataOpen))
			rest := s.buf[s.pos:s.end]
			switch {
			case bytes.HasPrefix(rest, cdataOpen):
				dst = s.cdata(dst, depth == 0)
			case bytes.HasPrefix(rest, commentOpen):
				s.skipPast(commentClose, len(commentOpen))
			default:
				s.skipDecl()
			}
		default:
			k := s.tagEnd()
			if k < 0 {
				s.fail("unexpected end inside a tag")
				return dst
			}
			empty := s.buf[s.pos+k-1] == '/'
			s.pos += k + 1
			if !empty {
				depth++
			}
		}
		if s.err != nil {
			return dst
		}
	}
}

// completeText is how much of b (text that goes on past the buffer) can be
// decoded now: not a last entity that may be cut, nor a last \r that may
// be the start of \r\n.
func completeText(b []byte) int {
	n := len(b)
	if i := bytes.LastIndexByte(b, '&'); i >= 0 && n-i < 40 && bytes.IndexByte(b[i:], ';') < 0 {
		n = i
	}
	if n > 0 && b[n-1] == '\r' {
		n--
	}
	return n
}

// cdata reads a CDATA section at pos, appending it to dst when keep.
func (s *xmlScanner) cdata(dst []byte, keep bool) []byte {
	s.pos += len(cdataOpen)
	for {
		b := s.buf[s.pos:s.end]
		if i := bytes.Index(b, cdataClose); i >= 0 {
			if keep {
				dst = appendLines(dst, b[:i])
			}
			s.pos += i + len(cdataClose)
			return dst
		}
		n := max(0, len(b)-len(cdataClose)+1)
		if n > 0 && b[n-1] == '\r' {
			n--
		}
		if keep {
			dst = appendLines(dst, b[:n])
		}
		s.pos += n
		if !s.fill(s.end - s.pos + 1) {
			s.fail("unexpected end inside CDATA")
			return dst
		}
	}
}

// appendLines appends b with \r\n and \r made \n.
func appendLines(dst, b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '\r')
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(append(dst, b[:i]...), '\n')
		b = b[i+1:]
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
	}
}

// decode appends character data with its entities and line ends decoded.
func (s *xmlScanner) decode(dst, raw []byte) []byte {
	if len(raw) < 32 {
		plain := true
		for _, c := range raw {
			if c == '&' || c == '\r' {
				plain = false
				break
			}
		}
		if plain {
			return append(dst, raw...)
		}
	}
	if bytes.IndexByte(raw, '&') < 0 {
		return appendLines(dst, raw)
	}
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return appendLines(dst, raw)
		}
		dst = appendLines(dst, raw[:i])
		r, n, ok := entity(raw[i:])
		if !ok {
			end := min(len(raw), i+12)
			s.fail(fmt.Sprintf("invalid character entity %s", raw[i:end]))
			return dst
		}
		dst = append(dst, r...)
		raw = raw[i+n:]
	}
	return dst
}

// attrValue decodes an attribute value.
func (s *xmlScanner) attrValue(v []byte) []byte {
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return v
	}
	return s.decode(nil, v)
}

// entity decodes the character reference at the start of b: its text and
// length.
func entity(b []byte) (string, int, bool) {
	semi := bytes.IndexByte(b, ';')
	if semi < 2 {
		return "", 0, false
	}
	name := b[1:semi]
	if name[0] == '#' {
		digits, base := name[1:], 10
		if len(digits) > 0 && digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 {
			return "", 0, false
		}
		for _, c := range digits {
			if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
				return "", 0, false
			}
		}
		n, err := strconv.ParseUint(string(digits), base, 64)
		if err != nil || n > utf8.MaxRune {
			return "", 0, false
		}
		return string(rune(n)), semi + 1, true
	}
	switch string(name) {
	case "lt":
		return "<", semi + 1, true
	case "gt":
		return ">", semi + 1, true
	case "amp":
		return "&", semi + 1, true
	case "apos":
		return "'", semi + 1, true
	case "quot":
		return `"`, semi + 1, true
	}
	return "", 0, false
}

// nextAttr splits the first attribute off a start tag's attribute text:
// its local name, raw value, and the rest.
func nextAttr(a []byte) (name, val, rest []byte, ok bool) {
	i := 0
	for i < len(a) && isXMLSpace(a[i]) {
		i++
	}
	start := i
	for i < len(a) && a[i] != '=' && !isXMLSpace(a[i]) {
		i++
	}
	name = a[start:i]
	for i < len(a) && isXMLSpace(a[i]) {
		i++
	}
	if len(name) == 0 || i >= len(a) || a[i] != '=' {
		return nil, nil, nil, false
	}
	i++
	for i < len(a) && isXMLSpace(a[i]) {
		i++
	}
	if i >= len(a) || (a[i] != '"' && a[i] != '\'') {
		return nil, nil, nil, false
	}
	j := bytes.IndexByte(a[i+1:], a[i])
	if j < 0 {
		return nil, nil, nil, false
	}
	return localName(name), a[i+1 : i+1+j], a[i+2+j:], true
}
