package summary

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/docket-forum/docket/internal/schedule"
)

type rows struct {
	r *csv.Reader
	n int
}

func (r *rows) Next() (schedule.Row, error) {
	rec, err := r.r.Read()
	if err != nil {
		return schedule.Row{}, err
	}
	r.n++
	return schedule.Row{Num: r.n, Cells: rec}, nil
}

func csvRows(t *testing.T, data []byte) schedule.Rows {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	return &rows{r: cr}
}
