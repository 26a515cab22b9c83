package xlsxread

// The workbook: its zip parts (counted against the unzip limit), its
// structure (sheets, relationships, date system) and its date styles.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/html/charset"

	"github.com/docket-forum/docket/formats/internal/limits"
)

// Excel's grid: the last row and column a cell reference may name.
const (
	xlsxMaxRows = 1 << 20
	xlsxMaxCols = 1 << 14
)

// oleMagic begins a Compound File: an encrypted workbook or a legacy .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Book is a workbook opened for reading. Its shared strings and the
// merged areas looked for ahead are read on goroutines of their own,
// which Close stops: a Book must be closed.
type Book struct {
	zr       *zip.Reader
	file     *os.File
	parts    map[string]*zip.File
	folded   map[string]*zip.File // by lower-case name, for parts named in another case
	limits   limits.Limits
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

// partError is a failure inside a part: the unzip limit as it is, anything
// else as damage.
func partError(err error, part string) error {
	var le *limits.Error
	if errors.As(err, &le) {
		return err
	}
	return damaged(fmt.Errorf("%s: %v", part, err))
}

// Open opens the workbook of size bytes in ra: it reads the zip's
// directory and the workbook's structure, and nothing of its sheets yet.
// The errors say what the user can do about the file (save it as .xlsx,
// remove the password, open and save it again); one past the unzip limit
// is a *limits.Error. l is the limits with their defaults set
// (limits.Limits.WithDefaults).
func Open(ra io.ReaderAt, size int64, l limits.Limits) (*Book, error) {
	head := make([]byte, 8)
	if n, _ := ra.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleMagic) {
		return nil, oleError(ra, size)
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("the workbook is damaged or not an Excel file (%v): open and save it again in Excel or LibreOffice", err)
	}
	b := &Book{zr: zr, limits: l, parts: map[string]*zip.File{}, folded: map[string]*zip.File{}, ahead: map[string]chan mergeScan{}, stop: make(chan struct{})}
	// The sizes the zip declares, as excelize counts them: a zip bomb
	// stops here, and archive/zip refuses a part that inflates to more
	// than it declares.
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > uint64(l.UnzipBytes) || total > uint64(l.UnzipBytes) {
			return nil, l.Unzip()
		}
		name := strings.ReplaceAll(f.Name, `\`, "/")
		b.parts[name] = f
		b.folded[strings.ToLower(name)] = f
	}
	if err := b.readStructure(); err != nil {
		var le *limits.Error
		if errors.As(err, &le) {
			return nil, err
		}
		return nil, damaged(err)
	}
	return b, nil
}

// OpenFile is Open for a file, which the Book then owns: Close closes it,
// and so does a failure to open the workbook. It takes the file opened
// rather than a path so that the caller words a file that cannot be
// opened as it words it for every other format.
func OpenFile(f *os.File, l limits.Limits) (*Book, error) {
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	b, err := Open(f, st.Size(), l)
	if err != nil {
		f.Close()
		return nil, err
	}
	b.file = f
	return b, nil
}

// Close stops the goroutines reading ahead, waiting for them, and closes
// the file OpenFile was given. Closing twice does nothing.
func (b *Book) Close() error {
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
func (b *Book) part(name string) *zip.File {
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
	limits limits.Limits
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
		return 0, p.limits.Unzip()
	}
	return n, err
}

func (p *partReader) Close() error { return p.rc.Close() }

func (b *Book) open(f *zip.File) (*partReader, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &partReader{rc: rc, left: int64(min(f.UncompressedSize64, uint64(b.limits.UnzipBytes))), limits: b.limits, stop: b.stop}, nil
}

// decodePart decodes a small part (relationships, workbook, styles) with
// encoding/xml; a missing part leaves v as it is.
func (b *Book) decodePart(name string, v any) (bool, error) {
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
		var le *limits.Error
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
func (b *Book) readStructure() error {
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

// SheetNames are the workbook's sheets, in order, as Excel shows them:
// the names to choose a sheet by.
func (b *Book) SheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// Date1904 reports whether the workbook counts its dates from 1904 (old
// Mac workbooks) rather than 1900: a serial number means another day.
func (b *Book) Date1904() bool { return b.date1904 }

// ---- styles

// dateStyles reads, for each cell style, whether its number format shows
// a date or a time, as excelize's GetStyle and isDateStyle decide it: a
// built-in format by its id, any other by its format code. A styles part
// docket cannot read leaves every style a plain number.
func (b *Book) dateStyles() []bool {
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
