package summaryview

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/docket-forum/docket/internal/schedule"
)

const sampleCSV = "../../testdata/sample.csv"

func init() {
	// Golden output must not depend on the machine's zone.
	time.Local = time.UTC
}

// readSample reads testdata/sample.csv through the Builder directly, as
// internal/summary's tests do: this package may not import formats, and
// the sample is plain comma-separated UTF-8, which needs none of its
// reader's sniffing.
func readSample(t *testing.T) *schedule.Programme {
	t.Helper()
	data, err := os.ReadFile(sampleCSV)
	if err != nil {
		t.Fatal(err)
	}
	prog := &schedule.Programme{}
	b, err := schedule.NewBuilder(prog, schedule.Options{File: filepath.Base(sampleCSV)})
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	if err := b.Read(&csvRows{r: cr}); err != nil {
		t.Fatalf("reading %s: %v", sampleCSV, err)
	}
	return prog
}

// csvRows feeds encoding/csv records to the Builder as numbered rows.
type csvRows struct {
	r *csv.Reader
	n int
}

func (r *csvRows) Next() (schedule.Row, error) {
	rec, err := r.r.Read()
	if err != nil {
		return schedule.Row{}, err
	}
	r.n++
	return schedule.Row{Num: r.n, Cells: rec}, nil
}
