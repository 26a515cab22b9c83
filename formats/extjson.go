package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/docket-forum/docket/internal/schedule"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// What the readers of other tools' JSON exports (Sessionize, Indico)
// share: a guarded decoder, their failures as InputErrors, values that
// are a string in one export and a number in the next, and HTML turned
// into text.

// extDoc is another tool's JSON document being decoded: every byte
// passes the guard (the limits) before the decoder holds it.
type extDoc struct {
	in    Input
	rc    io.Closer
	guard *jsonGuard
	dec   *json.Decoder
	// first is the document's first byte after a byte order mark and
	// white space: '{' or '['.
	first byte
}

// openExt opens in for decoding; rowDepth picks the nesting at which the
// document's sessions are objects, by its first byte ('{' or '['), for
// the guard's limit of a session's bytes.
func openExt(in Input, opts ReadOptions, rowDepth func(first byte) int) (*extDoc, error) {
	rc, err := open(in)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	br := bufio.NewReaderSize(rc, 64<<10)
	// encoding/json refuses a byte order mark, which editors on Windows
	// write at the start of a saved export.
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	first := byte(0)
	for {
		c, err := br.ReadByte()
		if err != nil {
			break
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			br.UnreadByte()
			first = c
			break
		}
	}
	d := &extDoc{in: in, rc: rc, first: first}
	d.guard = newJSONGuard(br, opts.Limits.WithDefaults(), rowDepth(first))
	d.dec = json.NewDecoder(d.guard)
	return d, nil
}

func (d *extDoc) Close() { d.rc.Close() }

// fail words a decoding failure for the user as an *InputError; what
// says where in the document it happened ("session 3"), or is empty.
func (d *extDoc) fail(what string, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var ge *jsonGuardError
	var ie *InputError
	var at *atError
	if errors.As(err, &at) && what == "" {
		what, err = at.where, at.err
	}
	switch {
	case errors.As(err, &ie):
		return ie
	case errors.As(err, &ge):
		return &InputError{File: d.in.Name, Err: ge.err}
	case d.guard.err != nil:
		// The decoder read the guard's stop as the end of the input.
		if errors.As(d.guard.err, &ge) {
			return &InputError{File: d.in.Name, Err: ge.err}
		}
		err = d.guard.err
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		err = errors.New("the JSON ends in the middle (is the file cut short?)")
	case errors.As(err, &se):
		err = fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, err)
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "a value"
		} else {
			field = strconv.Quote(field)
		}
		err = fmt.Errorf("%s should be %s, not %s", field, jsonKind(te.Type.String()), te.Value)
	}
	if what != "" {
		err = fmt.Errorf("%s: %w", what, err)
	}
	return &InputError{File: d.in.Name, Err: err}
}

// jsonKind names a Go type as the JSON value it decodes from.
func jsonKind(goType string) string {
	switch {
	case goType == "string" || strings.HasSuffix(goType, "flexString"):
		return "a string or a number"
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "float"):
		return "a number"
	case goType == "bool":
		return "true or false"
	}
	return "an object"
}

// end checks what follows the document: nothing but white space, and no
// stop of the guard that the decoder took for the end.
func (d *extDoc) end() error {
	if d.guard.err != nil {
		return d.fail("", d.guard.err)
	}
	if _, err := d.dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("more JSON follows the end of the document")
		}
		return d.fail("", err)
	}
	if d.guard.err != nil {
		return d.fail("", d.guard.err)
	}
	return nil
}

// eachKey calls f with each key of the object that comes next; f must
// read the key's value. A null is an object without keys.
func eachKey(dec *json.Decoder, f func(key string) error) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if t != json.Delim('{') {
		return fmt.Errorf("expected an object, found %s", tokenKind(t))
	}
	for dec.More() {
		k, err := objectKey(dec)
		if err != nil {
			return err
		}
		if err := f(k); err != nil {
			return err
		}
	}
	_, err = dec.Token() // the closing brace
	return err
}

// atError is a failure inside an item of the document ("session 3").
type atError struct {
	where string
	err   error
}

func (e *atError) Error() string { return e.where + ": " + e.err.Error() }
func (e *atError) Unwrap() error { return e.err }

// eachItem decodes each item of the array that comes next into a new T
// and calls f with its position (from 1); a failure to decode one is an
// *atError naming it as what and its position. A null is an empty array.
func eachItem[T any](dec *json.Decoder, what string, f func(n int, v *T) error) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if t != json.Delim('[') {
		return fmt.Errorf("expected an array, found %s", tokenKind(t))
	}
	for n := 1; dec.More(); n++ {
		v := new(T)
		if err := dec.Decode(v); err != nil {
			var at *atError
			if errors.As(err, &at) {
				return err
			}
			return &atError{fmt.Sprintf("%s %d", what, n), err}
		}
		if err := f(n, v); err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return err
}

// tokenKind names a JSON token for messages.
func tokenKind(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		if v == '[' {
			return "an array"
		}
		return string(v)
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return fmt.Sprint(t)
}

// flexString is a value one export writes as a string and another as a
// number (ids above all): read as its text; null is empty.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*f = flexString(b)
	case string(b) == "true" || string(b) == "false":
		*f = flexString(b)
	default:
		kind := "an object"
		if b[0] == '[' {
			kind = "an array"
		}
		return &json.UnmarshalTypeError{Value: kind[3:], Type: reflect.TypeFor[flexString]()}
	}
	return nil
}

// zoneFor loads the zone a reader places times in: name, or UTC when name
// is empty or unknown (an unknown one is a problem of the file).
func zoneFor(prog *schedule.Programme, name string, src schedule.Source, column string) (*time.Location, string) {
	if name == "" {
		return time.UTC, "UTC"
	}
	loc, err := schedule.LoadLocation(name)
	if err != nil {
		prog.Problems = append(prog.Problems, schedule.Problem{Rule: schedule.RuleBadTime, Src: src, Column: column, Message: err.Error(),
			Hint: "use an IANA name such as Europe/Berlin, or give the programme's zone with event.timezone"})
		return time.UTC, "UTC"
	}
	return loc, name
}

// reHTMLish is text that an HTML editor wrote: a tag or an entity.
var reHTMLish = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*[\s/>]|&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);`)

// htmlText turns the HTML of a rich-text field into plain text: tags go,
// entities are decoded, paragraphs, headings and list items become lines
// (items start "- "), <br> a line break, a superscript or subscript
// starts with ^ or _, and runs of white space one space. Text without a tag or an entity is plain already: only its line
// ends are made \n.
func htmlText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !reHTMLish.MatchString(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	space := false // white space is pending before the next text
	skip := 0      // inside <script> or <style>
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip > 0 {
				continue
			}
			for _, r := range string(z.Text()) {
				if unicode.IsSpace(r) {
					space = true
					continue
				}
				if space && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
					b.WriteByte(' ')
				}
				space = false
				b.WriteRune(r)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			start := tt != html.EndTagToken
			switch atom.Lookup(name) {
			case atom.Script, atom.Style:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Br:
				b.WriteByte('\n')
				space = false
			case atom.Li:
				if start {
					b.WriteString("\n- ")
					space = false
				}
			case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol,
				atom.Table, atom.Tr, atom.Blockquote, atom.Pre, atom.Hr, atom.Section, atom.Article, atom.Dl, atom.Dt, atom.Dd:
				b.WriteString("\n\n")
				space = false
			case atom.Sup, atom.Sub:
				// 10<sup>16</sup> is 10^16, not 1016.
				if tt == html.StartTagToken {
					if atom.Lookup(name) == atom.Sup {
						b.WriteByte('^')
					} else {
						b.WriteByte('_')
					}
					space = false
				}
			case atom.Td, atom.Th:
				if start {
					space = true
				}
			}
		}
	}
}

// tidyLines trims each line and keeps at most one blank line between
// paragraphs, none at either end.
func tidyLines(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == "-" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// addExtra appends an extra value to s and its name to the programme's
// extra columns, once (seen is the set of names already there).
func addExtra(prog *schedule.Programme, seen map[string]bool, s *schedule.Session, name, value string) {
	if value == "" {
		return
	}
	s.Extra = append(s.Extra, schedule.Extra{Name: name, Value: value})
	if !seen[name] {
		seen[name] = true
		prog.ExtraColumns = append(prog.ExtraColumns, name)
	}
}
