package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// An input's format is settled by its content first and by its name only
// where the content leaves it open (plain text: CSV or TSV). Each format
// declares a Sniff score; the best score above SniffText wins. A document
// docket recognises but does not read (another tool's schedule, a web
// page, a legacy workbook) is refused with what it is, never read as an
// empty programme.

// Sniff scores: how surely the first bytes of an input are a format.
const (
	// SniffNo: not this format.
	SniffNo = 0
	// SniffText: text a delimited reader can try; the name decides.
	SniffText = 10
	// SniffLikely: the shape of this format, but another may be surer.
	SniffLikely = 50
	// SniffSure: this format's own signature.
	SniffSure = 100
)

// headSize is how much of an input is looked at to tell its format:
// enough for the keys of the first session of a JSON document.
const headSize = 16 << 10

var (
	zipMagic  = []byte("PK\x03\x04")
	ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	odsMime   = []byte("mimetypeapplication/vnd.oasis.opendocument")
)

// lookalike is a kind of document docket recognises but does not read.
// When a reader for it lands, its format's Sniff takes over and the
// lookalike goes.
type lookalike struct {
	sniff func(head []byte) int
	// refuse says what the document is and what to do instead.
	refuse func(head []byte, ext string) error
}

var lookalikes = []lookalike{
	{sniffOLE2, func(_ []byte, ext string) error {
		if ext == ".xls" {
			return errors.New("this is a legacy Excel 97-2003 workbook (.xls), which docket cannot read: open it in Excel or LibreOffice and save it as .xlsx")
		}
		return errors.New("this is a password-protected workbook or a legacy .xls: remove the password or save it as .xlsx")
	}},
	{sniffODS, func([]byte, string) error {
		return errors.New("this is an OpenDocument spreadsheet (.ods), which docket cannot read: save it as .xlsx or .csv")
	}},
	{sniffPretalxAPI, func(head []byte, _ string) error {
		return notYet(head, "a page of the pretalx API")
	}},
	{sniffPrefix(SniffLikely, "%PDF-"), func([]byte, string) error {
		return notReadable("a PDF document")
	}},
	{sniffHTML, func([]byte, string) error {
		return notReadable("an HTML page")
	}},
	{sniffXMLRoot(SniffLikely, "Workbook"), func([]byte, string) error {
		return errors.New("this is an Excel 2003 XML spreadsheet, which docket cannot read: save it as .xlsx")
	}},
	// Any other JSON or XML: said last, with the least sure score.
	{sniffAnyJSON, func(head []byte, _ string) error {
		return notReadable(describeJSON(head))
	}},
	{sniffAnyXML, func(head []byte, _ string) error {
		return notReadable(describeXML(head))
	}},
}

// notYet refuses a schedule another tool writes that docket does not read
// yet.
func notYet(head []byte, what string) error {
	return fmt.Errorf("this is %s%s, which docket does not read yet; it reads %s", what, generator(head), readableKinds())
}

// notReadable refuses a document that is not a programme docket reads.
func notReadable(what string) error {
	return fmt.Errorf("this is %s, not a programme docket reads; it reads %s", what, readableKinds())
}

// readableKinds names what docket reads, for refusals.
func readableKinds() string {
	return "CSV, TSV and Excel workbooks (.xlsx), frab schedule.xml, c3voc and pretalx schedule.json, iCalendar, Sessionize and Indico exports, and docket's own JSON and NDJSON"
}

// detect tells the format of an input from its first bytes and, for
// plain text, the extension of its name. It refuses what docket does not
// read, saying what it is.
func detect(head []byte, name string) (*Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	best, bestScore := (*Format)(nil), SniffNo
	for _, f := range registry {
		if f.Sniff == nil {
			continue
		}
		if s := f.Sniff(head); s > bestScore {
			best, bestScore = f, s
		}
	}
	var refuse func([]byte, string) error
	for _, l := range lookalikes {
		// A format that reads the document wins a tie with a lookalike.
		if s := l.sniff(head); s > bestScore {
			refuse, bestScore = l.refuse, s
		}
	}
	switch {
	case refuse != nil:
		return nil, refuse(head, ext)
	case bestScore > SniffText && best.Read == nil:
		return nil, fmt.Errorf("this is %s%s, which docket writes (output.format %s) but does not read yet; it reads %s", best.Noun, generator(head), best.Name, readableKinds())
	case bestScore > SniffText:
		if best == xlsxFormat {
			return refuseZip(ext)
		}
		return best, nil
	}
	// Plain text: the name decides between the delimited formats.
	f, err := ForPath(name)
	switch {
	case err == nil && f == xlsxFormat:
		return nil, errors.New("this is not an Excel workbook (it is not a zip file): is it a CSV file with the wrong extension?")
	case err == nil && f.Read != nil:
		return f, nil
	case err == nil:
		return nil, fmt.Errorf("docket writes %s but does not read it; it reads %s files", f.Name, readableExtensions())
	}
	switch ext {
	case ".xls":
		return nil, errors.New("cannot read .xls: save it as .xlsx")
	case ".ods", ".numbers":
		return nil, fmt.Errorf("cannot read %s files: save it as .xlsx or .csv", ext)
	case ".pdf", ".doc", ".docx", ".odt", ".pptx", ".zip":
		return nil, fmt.Errorf("docket cannot read %s files; it reads %s files", ext, readableExtensions())
	}
	return csvFormat, nil
}

// refuseZip returns the workbook format for a zip, unless its name says
// it is another kind of zip (a Word document, an archive).
func refuseZip(ext string) (*Format, error) {
	switch ext {
	case ".ods":
		return nil, errors.New("this is an OpenDocument spreadsheet (.ods), which docket cannot read: save it as .xlsx or .csv")
	case ".docx", ".pptx", ".odt", ".zip":
		return nil, fmt.Errorf("docket cannot read %s files; it reads %s files", ext, readableExtensions())
	}
	return xlsxFormat, nil
}

// trimHead is head without a byte order mark and leading white space.
func trimHead(head []byte) []byte {
	return bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
}

func sniffPrefix(score int, prefix string) func([]byte) int {
	return func(head []byte) int {
		if bytes.HasPrefix(head, []byte(prefix)) {
			return score
		}
		return SniffNo
	}
}

func sniffZip(head []byte) int {
	if bytes.HasPrefix(head, zipMagic) {
		return SniffSure
	}
	return SniffNo
}

func sniffOLE2(head []byte) int {
	if bytes.HasPrefix(head, ole2Magic) {
		return SniffSure
	}
	return SniffNo
}

// sniffODS recognises an OpenDocument file by the mimetype entry its zip
// starts with (above the workbook's score: both are zips).
func sniffODS(head []byte) int {
	if bytes.HasPrefix(head, zipMagic) && len(head) > 30 && bytes.HasPrefix(head[30:], odsMime) {
		return SniffSure + 1
	}
	return SniffNo
}

// sniffICS recognises iCalendar by its first line.
func sniffICS(head []byte) int {
	if len(head) >= 15 && strings.EqualFold(string(trimHead(head)[:min(15, len(trimHead(head)))]), "BEGIN:VCALENDAR") {
		return SniffSure
	}
	return SniffNo
}

// jsonShape is what the start of a JSON document shows: the keys of the
// top-level object (the last one's value may be cut off), whether it is an
// array, and the keys of the first object inside (the first member of an
// array, or of the array that is a top-level key's value).
type jsonShape struct {
	valid bool // starts as JSON: { or [
	array bool
	top   []string
	first []string
}

// shapeOfJSON reads as much of head as is complete.
func shapeOfJSON(head []byte) jsonShape {
	t := trimHead(head)
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return jsonShape{}
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	dec.Token() // the opening delimiter
	// What follows the opening must be JSON too: a CSV whose first header
	// is "[Session ID]" is not a JSON array.
	probe := json.NewDecoder(bytes.NewReader(t))
	probe.Token()
	if _, err := probe.Token(); err != nil {
		return jsonShape{}
	}
	sh := jsonShape{valid: true, array: t[0] == '['}
	keys := func(dst *[]string, descend bool) {
		for dec.More() {
			tok, err := dec.Token()
			k, ok := tok.(string)
			if err != nil || !ok {
				return
			}
			*dst = append(*dst, k)
			if descend && len(sh.first) == 0 {
				// Look into the first array of objects (a "sessions" list).
				if tok, err := dec.Token(); err != nil {
					return
				} else if d, ok := tok.(json.Delim); ok && d == '[' {
					if tok, err := dec.Token(); err == nil && tok == json.Delim('{') {
						sh.descendKeys(dec)
					}
					return
				} else if ok {
					// An object: skip it by reading until its end.
					if !skipTo(dec) {
						return
					}
				}
				continue
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return
			}
		}
	}
	if sh.array {
		if tok, err := dec.Token(); err == nil && tok == json.Delim('{') {
			sh.descendKeys(dec)
		}
		return sh
	}
	keys(&sh.top, true)
	return sh
}

// descendKeys reads the keys of the object just opened into sh.first.
func (sh *jsonShape) descendKeys(dec *json.Decoder) {
	for dec.More() {
		tok, err := dec.Token()
		k, ok := tok.(string)
		if err != nil || !ok {
			return
		}
		sh.first = append(sh.first, k)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return
		}
	}
}

// skipTo reads tokens until the object or array just opened is closed.
func skipTo(dec *json.Decoder) bool {
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if t, ok := tok.(json.Delim); ok {
			if t == '{' || t == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return true
}

func (sh jsonShape) hasTop(keys ...string) bool {
	for _, k := range keys {
		if slices.Contains(sh.top, k) {
			return true
		}
	}
	return false
}

func (sh jsonShape) hasFirst(keys ...string) bool {
	for _, k := range keys {
		if slices.Contains(sh.first, k) {
			return true
		}
	}
	return false
}

// sessionizeKeys are keys of Sessionize's session and speaker objects
// that docket's own JSON never writes.
var sessionizeKeys = []string{"startsAt", "endsAt", "isServiceSession", "isPlenumSession", "roomId", "categoryItems", "questionAnswers", "groupId", "groupName", "fullName", "tagLine", "profilePicture", "timeSlots"}

// sniffDocketJSON recognises docket's own JSON: an object whose first key
// is "programme" or "sessions" (not Sessionize's "sessions").
func sniffDocketJSON(head []byte) int {
	sh := shapeOfJSON(head)
	if !sh.valid || sh.array || len(sh.top) == 0 {
		return SniffNo
	}
	switch sh.top[0] {
	case "programme":
		return SniffSure
	case "sessions":
		if sh.hasFirst(sessionizeKeys...) || sh.hasTop("speakers", "rooms", "categories", "questions") {
			return SniffNo
		}
		return SniffSure
	}
	return SniffNo
}

// sniffNDJSON recognises docket's NDJSON: one session object per line,
// "id" first.
func sniffNDJSON(head []byte) int {
	sh := shapeOfJSON(head)
	if sh.valid && !sh.array && len(sh.top) > 0 && sh.top[0] == "id" && !sh.hasTop(sessionizeKeys...) {
		return SniffLikely + 10
	}
	return SniffNo
}

// sniffC3VOC recognises the c3voc schedule.json (docket's schedule-json,
// pretalx's and frab's export): {"schedule": {"version", "conference"...}}.
func sniffC3VOC(head []byte) int {
	sh := shapeOfJSON(head)
	if sh.valid && !sh.array && sh.hasTop("schedule") {
		return SniffSure
	}
	return SniffNo
}

// sniffPretalxAPI recognises a page of pretalx's REST API: {"count",
// "next", "previous", "results"}.
func sniffPretalxAPI(head []byte) int {
	sh := shapeOfJSON(head)
	if sh.valid && sh.hasTop("count") && sh.hasTop("next") && sh.hasTop("results") {
		return SniffLikely
	}
	return SniffNo
}

func sniffAnyJSON(head []byte) int {
	if shapeOfJSON(head).valid {
		return SniffText + 1
	}
	return SniffNo
}

// describeJSON names a JSON document docket does not read by its start.
func describeJSON(head []byte) string {
	sh := shapeOfJSON(head)
	switch {
	case sh.array && len(sh.first) > 0:
		return fmt.Sprintf("a JSON array of objects with keys %s", listKeys(sh.first))
	case sh.array:
		return "a JSON array"
	case len(sh.top) > 0:
		return fmt.Sprintf("a JSON document with the keys %s", listKeys(sh.top))
	}
	return "a JSON document"
}

// listKeys quotes the first few keys.
func listKeys(keys []string) string {
	var b strings.Builder
	for i, k := range keys {
		if i == 5 {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", k)
	}
	return b.String()
}

var generatorName = regexp.MustCompile(`(?:"generator"\s*:\s*\{[^}]*"name"\s*:\s*"|<generator\s+name=["']|Made with love by )([A-Za-z][A-Za-z0-9 ._-]{0,40})`)

// generator says which tool wrote a feed, when it says so near its start.
func generator(head []byte) string {
	if m := generatorName.FindSubmatch(head); m != nil {
		if name := strings.Fields(string(m[1]))[0]; name != "docket" {
			return " written by " + name
		}
	}
	return ""
}

// xmlRoot returns the name of the root element of an XML document, or ""
// when head does not start as XML.
func xmlRoot(head []byte) string {
	t := trimHead(head)
	for len(t) > 0 && t[0] == '<' {
		switch {
		case bytes.HasPrefix(t, []byte("<?")):
			i := bytes.Index(t, []byte("?>"))
			if i < 0 {
				return ""
			}
			t = t[i+2:]
		case bytes.HasPrefix(t, []byte("<!--")):
			i := bytes.Index(t, []byte("-->"))
			if i < 0 {
				return ""
			}
			t = t[i+3:]
		case bytes.HasPrefix(t, []byte("<!")):
			i := bytes.IndexByte(t, '>')
			if i < 0 {
				return ""
			}
			t = t[i+1:]
		default:
			end := bytes.IndexAny(t[1:], " \t\r\n/>")
			if end < 0 {
				return ""
			}
			name := string(t[1 : 1+end])
			if i := strings.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			return name
		}
		t = bytes.TrimLeft(t, " \t\r\n")
	}
	return ""
}

func sniffXMLRoot(score int, root string) func([]byte) int {
	return func(head []byte) int {
		if strings.EqualFold(xmlRoot(head), root) {
			return score
		}
		return SniffNo
	}
}

func sniffHTML(head []byte) int {
	t := bytes.ToLower(trimHead(head[:min(len(head), 512)]))
	if bytes.HasPrefix(t, []byte("<!doctype html")) || strings.EqualFold(xmlRoot(head), "html") {
		return SniffLikely
	}
	return SniffNo
}

// sniffAnyXML recognises any other XML document: a root element, and an
// XML declaration, a namespace, or a first line that no CSV would have
// (a CSV whose first header is "<b>Title</b>" has a delimiter there).
func sniffAnyXML(head []byte) int {
	root := xmlRoot(head)
	if root == "" {
		return SniffNo
	}
	t := trimHead(head)
	first, _, _ := bytes.Cut(t, []byte("\n"))
	if bytes.HasPrefix(t, []byte("<?xml")) || bytes.Contains(head, []byte("xmlns")) || !bytes.ContainsAny(first, ",;\t|") {
		return SniffText + 1
	}
	return SniffNo
}

// describeXML names an XML document docket does not read by its root.
func describeXML(head []byte) string {
	return fmt.Sprintf("an XML document whose root element is <%s>", xmlRoot(head))
}
