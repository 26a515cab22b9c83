package formats

import (
	"errors"
	"io"

	summary "github.com/docket-forum/docket/internal/report"
)

// writeSummaryXLSX writes the report as a workbook with native charts.
func writeSummaryXLSX(w io.Writer, r *summary.Report, o SummaryOptions) error {
	return errors.New("the xlsx report is not written yet")
}
