package formats

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeBehindEvery is how many bytes of an output are written before the
// kernel is asked to start putting them on disk.
const writeBehindEvery = 8 << 20

// writeBehind writes to a file and, every writeBehindEvery bytes, asks
// the kernel to start writing what came before to disk (without waiting
// for it). An export is synced before it is renamed into place; without
// this, the whole file, gigabytes for a large JSON export, waits in the
// page cache until that sync, which then takes seconds on its own.
type writeBehind struct {
	f             *os.File
	fd            int
	done, started int64
}

func newWriteBehind(f *os.File) *writeBehind {
	w := &writeBehind{f: f, fd: -1}
	if rc, err := f.SyscallConn(); err == nil {
		rc.Control(func(fd uintptr) { w.fd = int(fd) })
	}
	return w
}

func (w *writeBehind) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.done += int64(n)
	if w.fd >= 0 && w.done-w.started >= writeBehindEvery {
		// Only a hint: an error (a file system without it) changes nothing.
		if unix.SyncFileRange(w.fd, w.started, w.done-w.started, unix.SYNC_FILE_RANGE_WRITE) != nil {
			w.fd = -1
		}
		w.started = w.done
	}
	return n, err
}
