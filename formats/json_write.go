package formats

import (
	"bufio"
	"cmp"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/swar"
)

// The JSON contract is written by hand rather than through encoding/json:
// the field order is the documented one, and reflection and re-indenting
// cost more than reading the CSV on large programmes.

// jsonWriter appends JSON to a buffer with optional indentation.
type jsonWriter struct {
	buf    []byte
	indent bool
	depth  int
	first  []bool // per open container: no member written yet
	lits   []*[numContractKeys]string
}

// indentation is a line break and the spaces of the deepest level a
// session reaches, with room to spare; deeper levels add to it.
const indentation = "\n                                "

func (j *jsonWriter) newline() {
	if !j.indent {
		return
	}
	if n := 1 + 2*j.depth; n <= len(indentation) {
		j.buf = append(j.buf, indentation[:n]...)
		return
	}
	j.buf = append(j.buf, indentation...)
	for range j.depth - (len(indentation)-1)/2 {
		j.buf = append(j.buf, "  "...)
	}
}

func (j *jsonWriter) open(c byte) {
	j.buf = append(j.buf, c)
	j.depth++
	j.first = append(j.first, true)
}

func (j *jsonWriter) close(c byte) {
	empty := j.first[len(j.first)-1]
	j.first = j.first[:len(j.first)-1]
	j.depth--
	if !empty {
		j.newline()
	}
	j.buf = append(j.buf, c)
}

// member starts an object member or array element.
func (j *jsonWriter) member() {
	if !j.first[len(j.first)-1] {
		j.buf = append(j.buf, ',')
	}
	j.first[len(j.first)-1] = false
	j.newline()
}

// The contract's member names, by number: a session writes 28 members and
// each person 8, and a member's comma, indentation and quoted name are
// one precomputed literal (see lit).
type contractKey uint8

const (
	kTitle contractKey = iota
	kType
	kFormat
	kDeclaredMinutes
	kStart
	kEnd
	kTimezone
	kRoom
	kTheme
	kSubtheme
	kDescription
	kPolicyQuestions
	kExpectedOutcomes
	kOrganizers
	kSpeakers
	kOnsiteModerator
	kOnlineModerator
	kRapporteur
	kSDGs
	kKeyTakeaways
	kCallToAction
	kReport
	kTags
	kLanguage
	kURL
	kSubtitle
	kAbstract
	kExtra
	kRole
	kOrganization
	kStakeholder
	kRegion
	kParticipation
	kEmail
	kGender
	numContractKeys
)

var contractKeys = [numContractKeys]string{
	kTitle: "title", kType: "type", kFormat: "format", kDeclaredMinutes: "declared_minutes",
	kStart: "start", kEnd: "end", kTimezone: "timezone", kRoom: "room", kTheme: "theme",
	kSubtheme: "subtheme", kDescription: "description", kPolicyQuestions: "policy_questions",
	kExpectedOutcomes: "expected_outcomes", kOrganizers: "organizers", kSpeakers: "speakers",
	kOnsiteModerator: "onsite_moderator", kOnlineModerator: "online_moderator",
	kRapporteur: "rapporteur", kSDGs: "sdgs", kKeyTakeaways: "key_takeaways",
	kCallToAction: "call_to_action", kReport: "report", kTags: "tags", kLanguage: "language",
	kURL: "url", kSubtitle: "subtitle", kAbstract: "abstract", kExtra: "extra", kRole: "role", kOrganization: "organization",
	kStakeholder: "stakeholder", kRegion: "region", kParticipation: "participation",
	kEmail: "email", kGender: "gender",
}

// next starts a member named by k that is not the first of its object:
// the literal for the depth is built the first time it is needed.
func (j *jsonWriter) next(k contractKey) {
	d := j.depth
	for len(j.lits) <= d {
		j.lits = append(j.lits, nil)
	}
	lits := j.lits[d]
	if lits == nil {
		lits = new([numContractKeys]string)
		for i, name := range contractKeys {
			var b []byte
			b = append(b, ',')
			if j.indent {
				b = append(b, '\n')
				b = append(b, strings.Repeat("  ", d)...)
			}
			b = append(b, '"')
			b = append(b, name...)
			b = append(b, '"', ':')
			if j.indent {
				b = append(b, ' ')
			}
			lits[i] = string(b)
		}
		j.lits[d] = lits
	}
	j.buf = append(j.buf, lits[k]...)
}

// key starts a member named k, which must need no escaping, as the
// contract's names do not; extraKey is for names from the input.
func (j *jsonWriter) key(k string) {
	j.member()
	j.buf = append(j.buf, '"')
	j.buf = append(j.buf, k...)
	j.buf = append(j.buf, '"', ':')
	if j.indent {
		j.buf = append(j.buf, ' ')
	}
}

func (j *jsonWriter) extraKey(k string) {
	j.member()
	j.buf = appendJSONString(j.buf, k)
	j.buf = append(j.buf, ':')
	if j.indent {
		j.buf = append(j.buf, ' ')
	}
}

func (j *jsonWriter) str(k, v string) {
	j.key(k)
	j.buf = appendJSONString(j.buf, v)
}

// strK writes a member that is not the first of its object.
func (j *jsonWriter) strK(k contractKey, v string) {
	j.next(k)
	j.buf = appendJSONString(j.buf, v)
}

func (j *jsonWriter) null(k contractKey) {
	j.next(k)
	j.buf = append(j.buf, "null"...)
}

func (j *jsonWriter) strings(k contractKey, vs []string) {
	j.next(k)
	j.open('[')
	for _, v := range vs {
		j.member()
		j.buf = appendJSONString(j.buf, v)
	}
	j.close(']')
}

func (j *jsonWriter) person(p schedule.Person) {
	j.open('{')
	j.str("name", p.Name)
	j.strK(kRole, p.Role)
	j.strK(kOrganization, p.Organization)
	j.strK(kStakeholder, p.Stakeholder)
	j.strK(kRegion, p.Region)
	j.strK(kParticipation, p.Participation)
	j.strK(kEmail, p.Email)
	// Optional in the contract: written only when known.
	if p.Gender != "" {
		j.strK(kGender, p.Gender)
	}
	j.close('}')
}

func (j *jsonWriter) persons(k contractKey, ps []schedule.Person) {
	j.next(k)
	j.open('[')
	for _, p := range ps {
		j.member()
		j.person(p)
	}
	j.close(']')
}

func (j *jsonWriter) optPerson(k contractKey, p *schedule.Person) {
	if p == nil {
		j.null(k)
		return
	}
	j.next(k)
	j.person(*p)
}

func (j *jsonWriter) instant(k contractKey, t time.Time, loc *time.Location) {
	if t.IsZero() {
		j.null(k)
		return
	}
	j.next(k)
	j.buf = append(j.buf, '"')
	j.buf = t.In(loc).AppendFormat(j.buf, time.RFC3339)
	j.buf = append(j.buf, '"')
}

// session writes one session of the contract; every extra column of the
// programme appears on every session, empty where the row had nothing, so
// records have one shape.
func (j *jsonWriter) session(s *schedule.Session, extras []string) {
	loc := s.Location()
	j.open('{')
	j.str("id", s.ID)
	j.strK(kTitle, s.Title)
	j.strK(kType, s.Type)
	j.strK(kFormat, s.Format)
	if s.DeclaredMinutes > 0 {
		j.next(kDeclaredMinutes)
		j.buf = strconv.AppendInt(j.buf, int64(s.DeclaredMinutes), 10)
	} else {
		j.null(kDeclaredMinutes)
	}
	j.instant(kStart, s.Start, loc)
	j.instant(kEnd, s.End, loc)
	j.strK(kTimezone, s.Timezone)
	j.strK(kRoom, s.Room)
	j.strK(kTheme, s.Theme)
	j.strK(kSubtheme, s.Subtheme)
	j.strK(kDescription, s.Description)
	j.strK(kPolicyQuestions, s.PolicyQuestions)
	j.strK(kExpectedOutcomes, s.ExpectedOutcomes)
	j.persons(kOrganizers, s.Organizers)
	j.persons(kSpeakers, s.Speakers)
	j.optPerson(kOnsiteModerator, s.OnsiteModerator)
	j.optPerson(kOnlineModerator, s.OnlineModerator)
	j.optPerson(kRapporteur, s.Rapporteur)
	j.strings(kSDGs, s.SDGs)
	j.strK(kKeyTakeaways, s.KeyTakeaways)
	j.strK(kCallToAction, s.CallToAction)
	j.strK(kReport, s.Report)
	j.strings(kTags, s.Tags)
	j.strK(kLanguage, s.Language)
	j.strK(kURL, s.URL)
	j.strK(kSubtitle, s.Subtitle)
	j.strK(kAbstract, s.Abstract)
	j.next(kExtra)
	j.open('{')
	for _, e := range extras {
		j.extraKey(e)
		j.buf = appendJSONString(j.buf, s.ExtraValue(e))
	}
	j.close('}')
	j.close('}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, escaping as encoding/json
// does without HTML escaping: quotes, backslashes, control characters,
// U+2028 and U+2029; invalid UTF-8 becomes U+FFFD.
//
// Most text needs no escape, so it is scanned eight bytes at a time: a
// block without a control byte, quote, backslash or non-ASCII byte is
// copied as it is (this was 15% of a CSV to NDJSON conversion byte by byte).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && !special8(swar.Load8(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// special8 reports whether a block of eight bytes has one that must be
// escaped or decoded: below 0x20, a quote, a backslash or not ASCII.
func special8(x uint64) bool {
	return swar.Less(x, 0x20)|swar.Byte(x, '"')|swar.Byte(x, '\\')|swar.NonASCII(x) != 0
}

// programmeMeta is the contract's "programme" object.
type programmeMetadata struct {
	Name, Timezone, FirstDay, LastDay, Venue string
}

func programmeMeta(p *schedule.Programme) programmeMetadata {
	first, last := p.FirstDay, p.LastDay
	if first == "" || last == "" {
		f, l := schedule.DayRange(p.Sessions)
		first, last = cmp.Or(first, f), cmp.Or(last, l)
	}
	return programmeMetadata{Name: p.Name, Timezone: p.Timezone, FirstDay: first, LastDay: last, Venue: p.Venue}
}

func writeJSON(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	return writeAll(&jsonStream{w: w, metaKnown: true}, p)
}

// jsonStream writes the canonical JSON a session at a time. The
// programme object comes first but its days are known only at the end, so
// when streaming the sessions are spooled until End; a programme held in
// memory (metaKnown) is written straight through.
type jsonStream struct {
	w         io.Writer
	metaKnown bool
	meta      *programmeMetadata // set by setMeta: a header to write at Begin
	out       *bufio.Writer
	spool     *spool
	j         jsonWriter
	extras    []string
}

// setMeta gives the programme's metadata before Begin, so that the header
// is written first and the sessions need no spool.
func (js *jsonStream) setMeta(p *schedule.Programme) {
	m := programmeMeta(p)
	js.meta, js.metaKnown = &m, true
}

func (js *jsonStream) Begin(p *schedule.Programme) error {
	js.extras = p.ExtraColumns
	js.j = jsonWriter{indent: true}
	if js.metaKnown {
		js.out = bufio.NewWriterSize(js.w, 64<<10)
		js.header(p)
		return js.flush()
	}
	js.spool = &spool{}
	js.out = bufio.NewWriterSize(js.spool, 64<<10)
	// The sessions are written as members of the array the header opens.
	js.j.depth = 2
	js.j.first = []bool{false, true}
	return nil
}

// header opens the document and its sessions array.
func (js *jsonStream) header(p *schedule.Programme) {
	meta := programmeMeta(p)
	if js.meta != nil {
		meta = *js.meta
	}
	j := &js.j
	j.open('{')
	j.key("programme")
	j.open('{')
	j.str("name", meta.Name)
	j.str("timezone", meta.Timezone)
	j.str("first_day", meta.FirstDay)
	j.str("last_day", meta.LastDay)
	j.str("venue", meta.Venue)
	j.close('}')
	j.key("sessions")
	j.open('[')
}

func (js *jsonStream) flush() error {
	_, err := js.out.Write(js.j.buf)
	js.j.buf = js.j.buf[:0]
	return err
}

func (js *jsonStream) Write(s *schedule.Session) error {
	js.j.member()
	js.j.session(s, js.extras)
	// Flushed one session at a time, so that a large programme is never
	// held twice in memory as JSON.
	return js.flush()
}

// abort removes the spool of a conversion that failed before End.
func (js *jsonStream) abort() {
	if js.spool != nil {
		js.spool.close()
	}
}

func (js *jsonStream) End(p *schedule.Programme) error {
	if js.meta != nil && *js.meta != programmeMeta(p) {
		// The first read saw other days or another zone.
		return errors.New("the input changed while it was read: convert it again")
	}
	j := &js.j
	if !js.metaKnown {
		if err := js.out.Flush(); err != nil {
			js.spool.close()
			return err
		}
		// The spooled sessions follow the header; the writer's state says
		// whether any was written, which decides how the array closes.
		empty := j.first[1]
		js.out = bufio.NewWriterSize(js.w, 64<<10)
		hj := jsonWriter{indent: true}
		js.j, hj = hj, *j
		js.header(p)
		if err := js.flush(); err != nil {
			js.spool.close()
			return err
		}
		if err := js.out.Flush(); err != nil {
			js.spool.close()
			return err
		}
		if err := js.spool.copyTo(js.w); err != nil {
			return err
		}
		js.j = hj
		js.j.first[1] = empty
	}
	j = &js.j
	j.close(']')
	j.close('}')
	j.buf = append(j.buf, '\n')
	if err := js.flush(); err != nil {
		return err
	}
	return js.out.Flush()
}

func writeNDJSON(w io.Writer, p *schedule.Programme, _ WriteOptions) error {
	return writeAll(newNDJSONStream(w), p)
}

// ndjsonStream writes one canonical session object per line.
type ndjsonStream struct {
	out    *bufio.Writer
	j      jsonWriter
	extras []string
}

func newNDJSONStream(w io.Writer) *ndjsonStream {
	return &ndjsonStream{out: bufio.NewWriterSize(w, 64<<10)}
}

func (n *ndjsonStream) Begin(p *schedule.Programme) error {
	n.extras = p.ExtraColumns
	return nil
}

func (n *ndjsonStream) Write(s *schedule.Session) error {
	n.j.buf = n.j.buf[:0]
	n.j.first = n.j.first[:0]
	n.j.session(s, n.extras)
	n.j.buf = append(n.j.buf, '\n')
	_, err := n.out.Write(n.j.buf)
	return err
}

func (n *ndjsonStream) End(*schedule.Programme) error { return n.out.Flush() }
