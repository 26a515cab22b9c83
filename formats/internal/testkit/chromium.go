package testkit

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// Chromium is where the tests look for the browser; .ci/run installs it.
const Chromium = "/usr/bin/chromium"

// SkipWithoutChromium skips the test where Chromium is not installed, and
// under -short, since it starts a browser.
func SkipWithoutChromium(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(Chromium); err != nil {
		t.Skip("chromium is not installed (apt-get install chromium; .ci/run does)")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
}

// RunChromium runs headless Chromium on the file page with args (a
// screenshot or a PDF), with a profile of its own, named for the run,
// under dir. It fails the test if Chromium fails or takes over two
// minutes.
func RunChromium(t testing.TB, dir, page, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile-"+name)}
	out, err := exec.CommandContext(ctx, Chromium, append(append(base, args...), "file://"+page)...).CombinedOutput()
	if err != nil {
		t.Fatalf("chromium (%s): %v\n%s", name, err, out)
	}
}

// Screenshot has Chromium take a screenshot of the file page in a window
// of size ("1280,2000"), into dir, and returns it. It fails the test if
// none comes out, and reports one that is no PNG or not over minKB KB.
func Screenshot(t testing.TB, dir, page, size string, minKB int) []byte {
	t.Helper()
	png := filepath.Join(dir, "screenshot.png")
	RunChromium(t, dir, page, "screenshot", "--hide-scrollbars", "--screenshot="+png, "--window-size="+size)
	data, err := os.ReadFile(png)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || len(data) <= minKB<<10 {
		t.Errorf("the screenshot is %d bytes and starts %q, want a PNG over %d KB", len(data), data[:min(len(data), 8)], minKB)
	}
	return data
}

// PrintPDF has Chromium print the file page (its print style sheet, no
// header or footer) to a PDF in dir, and returns the PDF's path and bytes.
// It fails the test if none comes out, and reports one that is no PDF or
// not over minKB KB.
func PrintPDF(t testing.TB, dir, page string, minKB int) (string, []byte) {
	t.Helper()
	pdf := filepath.Join(dir, "print.pdf")
	RunChromium(t, dir, page, "pdf", "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) <= minKB<<10 {
		t.Errorf("the PDF is %d bytes and starts %q", len(data), data[:min(len(data), 8)])
	}
	return pdf, data
}

// pdfCount is a page tree node's count of pages.
var pdfCount = regexp.MustCompile(`/Count (\d+)`)

// PDFPages is the page count of a PDF: the root of the page tree has the
// largest /Count.
func PDFPages(data []byte) int {
	pages := 0
	for _, m := range pdfCount.FindAllSubmatch(data, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		pages = max(pages, n)
	}
	return pages
}
