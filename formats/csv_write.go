package formats

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/swar"
)

func writeDelimited(w io.Writer, p *schedule.Programme, comma rune, raw bool) error {
	return writeAll(newDelimitedWriter(w, comma, raw), p)
}

// delimitedWriter writes the canonical CSV or TSV a session at a time: the
// bytes encoding/csv writes for canonicalRecord (TestDelimitedWriterIsCSV
// and FuzzDelimitedField hold it to that), but with each value appended
// straight to one buffer. Packing persons and formatting times into
// strings first, then quoting them, was two thirds of writing a row.
type delimitedWriter struct {
	out     *bufio.Writer
	comma   byte
	raw     bool
	extras  []string
	rec     []byte // the record being written
	scratch []byte // a packed value, before it is quoted into rec
	fields  int    // fields in rec so far
}

func newDelimitedWriter(w io.Writer, comma rune, raw bool) *delimitedWriter {
	return &delimitedWriter{out: bufio.NewWriterSize(w, 64<<10), comma: byte(comma), raw: raw}
}

func (d *delimitedWriter) Begin(p *schedule.Programme) error {
	d.extras = p.ExtraColumns
	for _, f := range schedule.Columns {
		d.field(string(f))
	}
	for _, e := range d.extras {
		d.field(e)
	}
	return d.end()
}

func (d *delimitedWriter) End(*schedule.Programme) error { return d.out.Flush() }

// end finishes the record and hands it to the output.
func (d *delimitedWriter) end() error {
	d.rec = append(d.rec, '\n')
	_, err := d.out.Write(d.rec)
	d.rec, d.fields = d.rec[:0], 0
	return err
}

// field appends one value, neutralised (unless raw) and quoted as
// encoding/csv quotes.
func (d *delimitedWriter) field(v string) {
	if d.fields > 0 {
		d.rec = append(d.rec, d.comma)
	}
	d.fields++
	d.rec = appendCSVField(d.rec, v, d.comma, d.raw)
}

// packed appends the value built in d.scratch.
func (d *delimitedWriter) packed() {
	// The scratch bytes are read as a string only while they are copied
	// into the record, and not changed meanwhile.
	d.field(unsafe.String(unsafe.SliceData(d.scratch), len(d.scratch)))
}

// clock appends a time in layout.
func (d *delimitedWriter) clock(t time.Time, layout string) {
	d.scratch = t.AppendFormat(d.scratch[:0], layout)
	d.packed()
}

func (d *delimitedWriter) persons(ps []schedule.Person) {
	d.scratch = schedule.AppendPersons(d.scratch[:0], ps)
	d.packed()
}

func (d *delimitedWriter) person(p *schedule.Person) {
	if p == nil {
		d.field("")
		return
	}
	d.scratch = schedule.AppendPersons(d.scratch[:0], []schedule.Person{*p})
	d.packed()
}

func (d *delimitedWriter) list(vs []string) {
	d.scratch = d.scratch[:0]
	for i, v := range vs {
		if i > 0 {
			d.scratch = append(d.scratch, "; "...)
		}
		d.scratch = append(d.scratch, v...)
	}
	d.packed()
}

// Write writes the session's record, column for column as canonicalRecord
// gives it.
func (d *delimitedWriter) Write(s *schedule.Session) error {
	loc := s.Location()
	var st, en time.Time
	scheduled := s.Scheduled()
	if scheduled {
		st = s.Start.In(loc)
		if !s.End.IsZero() {
			en = s.End.In(loc)
		}
	}
	for _, f := range schedule.Columns {
		switch f {
		case schedule.FieldID:
			d.field(s.ID)
		case schedule.FieldTitle:
			d.field(s.Title)
		case schedule.FieldType:
			d.field(s.Type)
		case schedule.FieldFormat:
			d.field(s.Format)
		case schedule.FieldDeclaredMinutes:
			if v := s.Raw[f]; v != "" || s.DeclaredMinutes <= 0 {
				d.field(v)
			} else {
				d.scratch = strconv.AppendInt(d.scratch[:0], int64(s.DeclaredMinutes), 10)
				d.packed()
			}
		case schedule.FieldDate:
			if scheduled {
				d.clock(st, "2006-01-02")
			} else {
				d.field(s.Raw[f])
			}
		case schedule.FieldStart:
			if scheduled {
				d.clock(st, "15:04")
			} else {
				d.field(s.Raw[f])
			}
		case schedule.FieldEnd:
			switch {
			case en.IsZero():
				d.field(s.Raw[f])
			case en.Year() != st.Year() || en.YearDay() != st.YearDay():
				d.clock(en, "2006-01-02 15:04")
			default:
				d.clock(en, "15:04")
			}
		case schedule.FieldTimezone:
			if v := s.Raw[f]; v != "" {
				d.field(v)
			} else {
				d.field(s.Timezone)
			}
		case schedule.FieldRoom:
			d.field(s.Room)
		case schedule.FieldTheme:
			d.field(s.Theme)
		case schedule.FieldSubtheme:
			d.field(s.Subtheme)
		case schedule.FieldDescription:
			d.field(s.Description)
		case schedule.FieldPolicyQuestions:
			d.field(s.PolicyQuestions)
		case schedule.FieldExpectedOutcomes:
			d.field(s.ExpectedOutcomes)
		case schedule.FieldOrganizers:
			d.persons(s.Organizers)
		case schedule.FieldSpeakers:
			d.persons(s.Speakers)
		case schedule.FieldOnsiteModerator:
			d.person(s.OnsiteModerator)
		case schedule.FieldOnlineModerator:
			d.person(s.OnlineModerator)
		case schedule.FieldRapporteur:
			d.person(s.Rapporteur)
		case schedule.FieldSDGs:
			d.list(s.SDGs)
		case schedule.FieldKeyTakeaways:
			d.field(s.KeyTakeaways)
		case schedule.FieldCallToAction:
			d.field(s.CallToAction)
		case schedule.FieldReport:
			d.field(s.Report)
		case schedule.FieldTags:
			d.list(s.Tags)
		case schedule.FieldLanguage:
			d.field(s.Language)
		case schedule.FieldURL:
			d.field(s.URL)
		case schedule.FieldSubtitle:
			d.field(s.Subtitle)
		case schedule.FieldAbstract:
			d.field(s.Abstract)
		default:
			d.field(s.Raw[f])
		}
	}
	for _, e := range d.extras {
		d.field(s.ExtraValue(e))
	}
	return d.end()
}

// formulaLead are the first characters that make a spreadsheet run a
// cell as a formula (see neutralize).
const formulaLead = "=+-@\t\r"

// appendCSVField appends v as encoding/csv writes it with Comma comma
// (quoted when it holds a quote, a line break or the comma, starts with a
// space, or is `\.`), after neutralize unless raw.
func appendCSVField(b []byte, v string, comma byte, raw bool) []byte {
	lead := !raw && v != "" && strings.IndexByte(formulaLead, v[0]) >= 0
	quote := needsQuote(v, comma)
	if !quote && !lead && v != "" {
		if v == `\.` {
			quote = true
		} else if r, _ := utf8.DecodeRuneInString(v); unicode.IsSpace(r) {
			quote = true
		}
	}
	if !quote {
		if lead {
			b = append(b, '\'')
		}
		return append(b, v...)
	}
	b = append(b, '"')
	if lead {
		b = append(b, '\'')
	}
	for {
		i := strings.IndexByte(v, '"')
		if i < 0 {
			break
		}
		b = append(b, v[:i+1]...)
		b = append(b, '"')
		v = v[i+1:]
	}
	b = append(b, v...)
	return append(b, '"')
}

// needsQuote reports whether v holds a quote, a line break or comma,
// eight bytes at a time.
func needsQuote(v string, comma byte) bool {
	i := 0
	for ; i+8 <= len(v); i += 8 {
		x := swar.Load8(v, i)
		if swar.Byte(x, '"')|swar.Byte(x, '\n')|swar.Byte(x, '\r')|swar.Byte(x, comma) != 0 {
			// A flag can be false beside a non-ASCII byte: look closer.
			if strings.ContainsAny(v[i:i+8], "\"\n\r") || strings.IndexByte(v[i:i+8], comma) >= 0 {
				return true
			}
		}
	}
	for ; i < len(v); i++ {
		if c := v[i]; c == '"' || c == '\n' || c == '\r' || c == comma {
			return true
		}
	}
	return false
}
