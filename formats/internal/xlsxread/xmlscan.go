package xlsxread

// The XML of the parts read in the hot path (sheets, shared strings):
// their encoding, and a scanner that does no more than the reader needs.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

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

	// maxText bounds the text an element's value may grow to (0: none):
	// past it, text and stringItem set overflow and keep no more of it,
	// reading on to the element's end. The caller clears overflow before
	// a value and words it as the cell limit, with the cell's place.
	maxText  int
	overflow bool
}

// long reports whether a value of n bytes is past maxText, setting
// overflow if it is.
func (s *xmlScanner) long(n int) bool {
	if s.maxText > 0 && n > s.maxText {
		s.overflow = true
	}
	return s.overflow
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
			if depth == 0 && !s.overflow {
				dst = s.decode(dst, b[:n])
			}
			s.pos += n
			if s.long(len(dst)) {
				dst = dst[:0]
			}
			if s.err != nil || !s.fill(s.end-s.pos+1) {
				s.fail("unexpected end inside text")
				return dst
			}
			continue
		}
		if depth == 0 && i > 0 && !s.overflow {
			dst = s.decode(dst, b[:i])
		}
		s.pos += i
		if s.long(len(dst)) {
			dst = dst[:0]
		}
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
				dst = s.cdata(dst, depth == 0 && !s.overflow)
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
			if s.long(len(dst)) {
				dst, keep = dst[:0], false
			}
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
