package formats

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/docket-forum/docket/internal/schedule"
)

// SessionWriter writes a programme one session at a time, so that a
// conversion never holds the whole programme: Begin, then Write for each
// session in order, then End. A format that can do this sets
// Format.Stream; its Write is the same writer run over a whole programme,
// so streamed and whole outputs are the same bytes.
type SessionWriter interface {
	// Begin is called once, before the first session, with the programme
	// as far as it is known; its ExtraColumns are the output's.
	Begin(p *schedule.Programme) error
	Write(s *schedule.Session) error
	// End is called after the last session with the whole programme's
	// metadata (zone, first and last day) but without its sessions.
	End(p *schedule.Programme) error
}

// writeAll runs a SessionWriter over a programme held in memory.
func writeAll(sw SessionWriter, p *schedule.Programme) error {
	if err := sw.Begin(p); err != nil {
		return err
	}
	for _, s := range p.Sessions {
		if err := sw.Write(s); err != nil {
			return err
		}
	}
	return sw.End(p)
}

// sinkError carries a failure of the writing side through the reader, so
// that it is not mistaken for bad input.
type sinkError struct{ err error }

func (e *sinkError) Error() string { return e.err.Error() }

// streamBatch is how many sessions go to the writer at a time.
const streamBatch = 256

// Stream converts in to format f on w session by session: memory stays
// bounded whatever the size of the input (readers that cannot stream,
// such as a workbook with a Speakers sheet, read whole first). Reading
// and writing run on separate goroutines. It returns the programme
// without its sessions: notes, warnings and problems for the command to
// tell. A read failure is an *InputError; any other error is the output's.
func Stream(in Input, ro ReadOptions, f *Format, w io.Writer, wo WriteOptions) (*schedule.Programme, error) {
	if f.Stream == nil {
		return nil, fmt.Errorf("%s cannot be streamed", f.Name)
	}
	sw := f.Stream(w, wo)
	if mw, ok := sw.(metaWriter); ok && in.Path != "" {
		ro.fileUTF8 = &utf8Check{} // the second read takes the first's verdict
		// Its header needs the programme's days before the sessions. A
		// file can be read twice: a first read of the time columns alone
		// costs less than holding the output aside (1.5 GB for a million
		// rows of JSON). When that read fails, the full one tells why.
		if meta, err := skim(in, ro); err == nil {
			mw.setMeta(meta)
		}
	}
	type batch struct {
		head     *schedule.Programme // set on the first batch: Begin's argument
		sessions []*schedule.Session
	}
	work := make(chan batch, 4)
	failed := make(chan struct{}) // closed when the writer fails
	done := make(chan error, 1)
	go func() {
		var err error
		for b := range work {
			if err != nil {
				continue // drain, so the reader never blocks
			}
			if b.head != nil {
				err = sw.Begin(b.head)
			}
			for _, s := range b.sessions {
				if err != nil {
					break
				}
				err = sw.Write(s)
			}
			if err != nil {
				close(failed)
			}
		}
		done <- err
	}()

	var (
		cur    batch
		begun  bool
		extras []string
		days   dayRange
	)
	send := func() error {
		select {
		case work <- cur:
		case <-failed:
			return &sinkError{errors.New("the output failed")}
		}
		cur = batch{sessions: make([]*schedule.Session, 0, streamBatch)}
		return nil
	}
	ro.Sink = func(p *schedule.Programme, s *schedule.Session) error {
		if !begun {
			begun = true
			extras = slices.Clone(p.ExtraColumns)
			head := *p
			head.ExtraColumns = extras
			head.Sessions, head.Problems, head.Notes, head.Warnings, head.Columns = nil, nil, nil, nil, nil
			cur.head = &head
		}
		days.add(s)
		cur.sessions = append(cur.sessions, s)
		if len(cur.sessions) >= streamBatch {
			return send()
		}
		return nil
	}
	prog, readErr := ReadProgramme(in, ro)
	if readErr == nil && !begun {
		// No session at all: the output still gets its header.
		head := *prog
		extras = slices.Clone(prog.ExtraColumns)
		head.ExtraColumns = extras
		cur.head = &head
	}
	if readErr == nil && (cur.head != nil || len(cur.sessions) > 0) {
		send()
	}
	close(work)
	writeErr := <-done
	if err := cmpErr(writeErr, readErr); err != nil {
		// End will not run: a writer holding a temporary file lets it go.
		if a, ok := sw.(interface{ abort() }); ok {
			a.abort()
		}
		return nil, err
	}
	prog.FirstDay = cmpOr(prog.FirstDay, days.first)
	prog.LastDay = cmpOr(prog.LastDay, days.last)
	if err := sw.End(prog); err != nil {
		if a, ok := sw.(interface{ abort() }); ok {
			a.abort()
		}
		return nil, err
	}
	if late := lateColumns(extras, prog.ExtraColumns); len(late) > 0 {
		prog.Warnings = append(prog.Warnings, fmt.Sprintf(
			"%s: column %s has values only after the first %d rows and no header, so it is not in the output: give it a header",
			in.Name, strings.Join(late, ", "), schedule.Lookahead))
	}
	return prog, nil
}

// metaWriter is a SessionWriter whose header needs the programme's
// metadata (zone, first and last day), known only after the last session
// unless it is set before Begin.
type metaWriter interface {
	setMeta(p *schedule.Programme)
}

// skim reads in for its programme's metadata alone: only the columns that
// place sessions in time, no session kept.
func skim(in Input, ro ReadOptions) (*schedule.Programme, error) {
	head, err := peek(in, headSize)
	if err != nil {
		return nil, err
	}
	if f, err := detect(head, in.Name); err != nil || f == jsonFormat || f == ndjsonFormat {
		// docket's JSON is read whole anyway, with its metadata.
		return nil, errors.New("not skimmed")
	}
	var days dayRange
	ro.Progress, ro.FirstProgress, ro.timesOnly = ro.FirstProgress, nil, true
	ro.Sink = func(_ *schedule.Programme, s *schedule.Session) error {
		days.add(s)
		return nil
	}
	p, err := ReadProgramme(in, ro)
	if err != nil {
		return nil, err
	}
	p.FirstDay = cmpOr(p.FirstDay, days.first)
	p.LastDay = cmpOr(p.LastDay, days.last)
	return p, nil
}

// cmpErr returns the first error that is not nil.
func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// lateColumns lists the extra columns of the final programme that the
// output's header, fixed at the first session, did not have.
func lateColumns(header, final []string) []string {
	var late []string
	for _, c := range final {
		if !slices.Contains(header, c) {
			late = append(late, c)
		}
	}
	return late
}

// dayRange tracks the first and last day of sessions seen, as
// schedule.DayRange does over a whole programme.
type dayRange struct{ first, last string }

func (d *dayRange) add(s *schedule.Session) {
	if !s.Scheduled() {
		return
	}
	day := s.Start.In(s.Location()).Format("2006-01-02")
	if d.first == "" || day < d.first {
		d.first = day
	}
	if day > d.last {
		d.last = day
	}
}

// spool holds output that must wait for something known only at the end
// (the JSON programme header needs the whole programme's days): in memory
// up to spoolMemory, then in a temporary file.
type spool struct {
	mem  bytes.Buffer
	file *os.File
}

const spoolMemory = 1 << 20

func (s *spool) Write(b []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(b) <= spoolMemory {
		return s.mem.Write(b)
	}
	if s.file == nil {
		f, err := createTemp("", "docket-spool-*")
		if err != nil {
			return 0, fmt.Errorf("cannot make a temporary file: %w", err)
		}
		s.file = f
		if _, err := s.mem.WriteTo(f); err != nil {
			return 0, err
		}
	}
	return s.file.Write(b)
}

// copyTo writes what was spooled to w and removes the temporary file.
func (s *spool) copyTo(w io.Writer) error {
	defer s.close()
	if s.file == nil {
		_, err := s.mem.WriteTo(w)
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.file)
	return err
}

func (s *spool) close() {
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
		temps.Delete(s.file.Name())
		s.file = nil
	}
}

// prefetched reads rows ahead on a goroutine, in batches, so that parsing
// a file and building its sessions use two cores. stop ends the goroutine
// (and waits for it, so that the file can be closed) when the reader
// gives up early.
type prefetched struct {
	batches chan rowBatch
	quit    chan struct{}
	done    chan struct{}
	cur     rowBatch
	i       int
	stopped bool
}

type rowBatch struct {
	rows []schedule.Row
	err  error // after the rows: io.EOF or the failure
}

const prefetchBatch = 256

// prefetch starts reading src ahead. A panic in src becomes the error
// onPanic makes of it, when onPanic is set (a hand-written parser of
// hostile input); otherwise it is not recovered.
func prefetch(src schedule.Rows, onPanic func(any) error) *prefetched {
	p := &prefetched{batches: make(chan rowBatch, 8), quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		defer close(p.batches)
		if onPanic != nil {
			defer func() {
				if r := recover(); r != nil {
					select {
					case p.batches <- rowBatch{err: onPanic(r)}:
					case <-p.quit:
					}
				}
			}()
		}
		for {
			b := rowBatch{rows: make([]schedule.Row, 0, prefetchBatch)}
			for len(b.rows) < prefetchBatch {
				r, err := src.Next()
				if err != nil {
					b.err = err
					break
				}
				b.rows = append(b.rows, r)
			}
			select {
			case p.batches <- b:
			case <-p.quit:
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	return p
}

func (p *prefetched) Next() (schedule.Row, error) {
	for p.i >= len(p.cur.rows) {
		if p.cur.err != nil {
			return schedule.Row{}, p.cur.err
		}
		b, ok := <-p.batches
		if !ok {
			return schedule.Row{}, io.EOF
		}
		p.cur, p.i = b, 0
	}
	p.i++
	return p.cur.rows[p.i-1], nil
}

func (p *prefetched) stop() {
	if !p.stopped {
		p.stopped = true
		close(p.quit)
		<-p.done
	}
}
