// Package xlsxreadtest holds what the tests of the XLSX reader share with
// the tests of the xlsx format: workbooks to read (every one of the
// repository, hand-made ones for what Excel and excelize do not write,
// ones excelize writes), and the reference the reader must agree with,
// docket's reader before it, through excelize. It does not import the
// reader, so that the reader's own tests can import it.
package xlsxreadtest
