// Package testkit holds the helpers the tests of formats and of its
// subpackages share: golden files and the -update flag that rewrites them,
// the first line two outputs differ in, reading an HTML page as a browser
// does, and rendering one in headless Chromium. It is a normal package so
// that tests in several packages can import it, but only _test.go files
// do (TestLayout holds that): nothing of it is built into docket.
package testkit
