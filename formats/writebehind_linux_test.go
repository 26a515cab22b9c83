package formats

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteBehind: asking the kernel to write behind changes nothing of
// what the file holds, across several write-behind steps.
func TestWriteBehind(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := newWriteBehind(f)
	if w.fd < 0 {
		t.Fatal("no file descriptor")
	}
	var want bytes.Buffer
	chunk := bytes.Repeat([]byte("0123456789abcdef"), 1<<14) // 256 KiB
	for i := range 3 * writeBehindEvery / len(chunk) {
		chunk[0] = byte(i)
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
		want.Write(chunk)
	}
	if w.started < 2*writeBehindEvery {
		t.Errorf("write-behind started at %d of %d bytes", w.started, w.done)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the file holds %d bytes, not the %d written", len(got), want.Len())
	}
}
