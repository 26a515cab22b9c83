package formats

import (
	"errors"
	"io"

	summary "github.com/docket-forum/docket/internal/report"
)

// writeSummaryHTML writes the report as one self-contained HTML page.
func writeSummaryHTML(w io.Writer, r *summary.Report, o SummaryOptions) error {
	return errors.New("the html report is not written yet")
}
