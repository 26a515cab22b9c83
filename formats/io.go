package formats

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/docket-forum/docket/internal/schedule"
)

// ReadProgramme reads a programme from in, choosing the reader by the
// file's extension and, where that says nothing, by its first bytes.
// Every failure is an *InputError naming the file.
func ReadProgramme(in Input, opts ReadOptions) (*schedule.Programme, error) {
	p, err := readProgramme(in, opts)
	if err != nil || opts.Sink == nil {
		return p, err
	}
	// A reader that could not stream read the whole input: hand its
	// sessions over now.
	ss := p.Sessions
	p.Sessions = nil
	for _, s := range ss {
		if err := opts.Sink(p, s); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func readProgramme(in Input, opts ReadOptions) (*schedule.Programme, error) {
	head, err := peek(in, headSize)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	f, err := detect(head, in.Name)
	if err != nil {
		return nil, &InputError{File: in.Name, Err: err}
	}
	p, err := f.Read(in, opts)
	if err == nil && opts.Sheet != "" && f.Name != "xlsx" {
		// A sheet names a part of a workbook; other files have none.
		w := fmt.Sprintf("input.sheet %q applies only to workbooks (.xlsx); it was not used for %s", opts.Sheet, in.Name)
		if f.Noun != "" {
			w += ", which is " + f.Noun
		}
		p.Warnings = append(p.Warnings, w)
	}
	return p, err
}

// peek returns up to n first bytes of the input without consuming them.
// For a stream it wraps R in a bufio.Reader so the bytes stay readable.
func peek(in Input, n int) ([]byte, error) {
	if in.Path != "" {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, openError(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, errors.New("is a directory, not a file")
		}
		buf := make([]byte, n)
		k, err := io.ReadFull(f, buf)
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			return nil, err
		}
		return buf[:k], nil
	}
	switch r := in.R.(type) {
	case io.ReaderAt:
		buf := make([]byte, n)
		k, _ := r.ReadAt(buf, 0)
		return buf[:k], nil
	case *bufio.Reader:
		b, _ := r.Peek(n)
		return b, nil
	}
	return nil, nil
}

// open returns a reader for the input's bytes.
func open(in Input) (io.ReadCloser, error) {
	if in.Path == "" {
		return io.NopCloser(in.R), nil
	}
	f, err := os.Open(in.Path)
	if err != nil {
		return nil, openError(err)
	}
	return f, nil
}

func openError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// StdinInput buffers standard input so that its format can be sniffed,
// and returns it as an Input: a workbook (a zip, read from its end) is
// spooled to a temporary file, at most l's unzip limit of it; text
// streams through.
func StdinInput(r io.Reader, l Limits) (Input, error) {
	return ReaderInput("<stdin>", r, l)
}

// ReaderInput is StdinInput for a stream with another name: a named pipe
// or a process substitution such as <(curl ...), which can be read only
// once, so its head cannot be sniffed by opening it again.
func ReaderInput(name string, r io.Reader, l Limits) (Input, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8)
	if bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, ole2Magic) {
		sr, err := spoolWorkbook(br, l.WithDefaults())
		if err != nil {
			return Input{}, &InputError{File: name, Err: err}
		}
		return Input{Name: name, R: sr}, nil
	}
	return Input{Name: name, R: br}, nil
}

// spoolWorkbook copies a workbook from a stream into a temporary file, which
// is removed at once where the system allows it (the open file stays
// readable) and otherwise when docket ends or is stopped. A workbook
// cannot be larger than it unzips to, so the unzip limit bounds the copy:
// memory holds only the copy's buffer, never the workbook.
func spoolWorkbook(r io.Reader, l Limits) (*io.SectionReader, error) {
	f, err := createTemp("", "docket-stdin-*.xlsx")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the workbook: %w", err)
	}
	if os.Remove(f.Name()) == nil {
		temps.Delete(f.Name())
	}
	n, err := io.Copy(f, io.LimitReader(r, l.UnzipBytes+1))
	if err == nil && n > l.UnzipBytes {
		err = l.Spooled()
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		temps.Delete(f.Name())
		return nil, err
	}
	return io.NewSectionReader(f, 0, n), nil
}

// WriteFile writes path atomically: the output goes to a temporary file in
// the same folder, which is synced and renamed over path only when write
// succeeded, so a failed or interrupted run leaves any old file intact.
func WriteFile(path string, write func(w io.Writer) error) (err error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return writeInto(path, write)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("cannot write %s: there is no folder %s", path, dir)
	}
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, openError(err))
	}
	defer func() {
		temps.Delete(tmp.Name())
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(newWriteBehind(tmp), 256<<10)
	if err = write(bw); err != nil {
		return hideTemp(err, tmp.Name(), path)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// CreateTemp makes the file 0600; an export is an ordinary file.
	mode := os.FileMode(0o644)
	if st, statErr := os.Stat(path); statErr == nil {
		mode = st.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// WriteFolder replaces the folder dir with what write puts into a new
// temporary folder beside it (on the same file system, so that a rename
// moves it into place): dir is complete or as it was, never half written.
// An existing dir is replaced only when every entry in it is one that
// owned accepts (files docket itself writes there); a folder holding
// anything else is refused, since replacing it would lose that. A dir
// that is a symbolic link is replaced where it points.
func WriteFolder(dir string, owned func(fs.DirEntry) bool, write func(tmp string) error) (err error) {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	dir = filepath.Clean(dir)
	mode := os.FileMode(0o755)
	exists := false
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return fmt.Errorf("cannot write the folder %s: it is a file", dir)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("cannot write the folder %s: %w", dir, openError(err))
		}
		for _, e := range entries {
			if !owned(e) {
				return fmt.Errorf("cannot write the folder %s: it holds %s, which docket did not write; write into a folder of its own (or an empty one)", dir, e.Name())
			}
		}
		mode, exists = st.Mode().Perm(), true
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create the folder %s: %w", parent, openError(err))
	}
	tmp, err := mkdirTemp(parent, "."+filepath.Base(dir)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write the folder %s: %w", dir, openError(err))
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
		temps.Delete(tmp)
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	if !exists {
		if err = os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
		return nil
	}
	// The old folder steps aside, the new one takes its name, and only
	// then is the old one removed; a failure between puts it back.
	old, err := mkdirTemp(parent, "."+filepath.Base(dir)+".old-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, openError(err))
	}
	defer temps.Delete(old)
	if err = os.Rename(dir, filepath.Join(old, "d")); err != nil {
		os.Remove(old)
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	if err = os.Rename(tmp, dir); err != nil {
		os.Rename(filepath.Join(old, "d"), dir)
		os.Remove(old)
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	os.RemoveAll(old)
	return nil
}

// writeNew writes a new file in a temporary folder: synced, since the
// folder is renamed into place as soon as it is complete.
func writeNew(path string, write func(w io.Writer) error) error {
	if stopping.Load() {
		select {} // the process is exiting on a signal (see RemoveTemps)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return openError(err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// mkdirTemp is os.MkdirTemp for a folder RemoveTemps deletes (with what
// it holds) if the process is interrupted first.
func mkdirTemp(dir, pattern string) (string, error) {
	tempsMu.Lock()
	defer tempsMu.Unlock()
	d, err := os.MkdirTemp(dir, pattern)
	if err == nil {
		temps.Store(d, true)
	}
	return d, err
}

// hideTemp words a failure to write the temporary file tmp (a full disk)
// as one to write path: the user named path and never sees tmp.
func hideTemp(err error, tmp, path string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == tmp {
		return fmt.Errorf("writing %s: %w", path, pe.Err)
	}
	return err
}

// temps are the temporary files of writes in progress, for RemoveTemps.
// tempsMu makes creating a file and recording it one step for
// RemoveTemps: an interrupt between the two left the file behind.
var (
	temps   sync.Map
	tempsMu sync.Mutex
	// stopping is set once RemoveTemps begins: no new page is started.
	stopping atomic.Bool
)

// createTemp is os.CreateTemp for a file RemoveTemps deletes if the
// process is interrupted before it is renamed or removed.
func createTemp(dir, pattern string) (*os.File, error) {
	tempsMu.Lock()
	defer tempsMu.Unlock()
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		temps.Store(f.Name(), true)
	}
	return f, err
}

// RemoveTemps deletes the temporary files of writes in progress: main
// calls it when the process is interrupted (Ctrl-C), so that an
// interrupted export leaves the old file intact and nothing half-written.
func RemoveTemps() {
	tempsMu.Lock()
	defer tempsMu.Unlock()
	stopping.Store(true)
	temps.Range(func(k, _ any) bool {
		// A file, or a folder of pages, which a writer may be adding a
		// last page to as it goes: tried again until it is gone.
		for range 5 {
			if os.RemoveAll(k.(string)) == nil {
				break
			}
		}
		return true
	})
}

// SameFile reports whether two paths name the same existing file.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return false
	}
	return os.SameFile(sa, sb)
}

// writeInto writes into a target that is no regular file: a FIFO, a
// device (/dev/null, /dev/stdout) or a descriptor (/proc/self/fd/1). There
// is nothing to replace, so it is written in place, not atomically; a
// temporary file renamed over it would turn the node into a file.
func writeInto(path string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, openError(err))
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// errEnough stops Holds' read at the first session.
var errEnough = errors.New("enough: a session was read")

// Holds tells, cheaply, whether the regular file at path is a programme
// docket reads: its format (chosen as ReadProgramme chooses it) and
// whether it has at least one session. Reading stops at the first session
// where the reader streams. ok is false for a path that is no regular file
// (missing, a folder, a pipe or a device, which are never read here) and
// for a file docket does not read as a programme. Writers use it to tell
// a file they would destroy from one they may replace.
func Holds(path string) (f *Format, sessions, ok bool) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil, false, false
	}
	in := Input{Name: path, Path: path}
	head, err := peek(in, headSize)
	if err != nil {
		return nil, false, false
	}
	if f, err = detect(head, path); err != nil {
		return nil, false, false
	}
	_, err = ReadProgramme(in, ReadOptions{Sink: func(*schedule.Programme, *schedule.Session) error { return errEnough }})
	switch {
	case errors.Is(err, errEnough):
		return f, true, true
	case err != nil:
		return nil, false, false
	}
	return f, false, true
}
