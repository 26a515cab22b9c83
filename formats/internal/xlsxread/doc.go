// Package xlsxread is docket's streaming reader of XLSX workbooks: it
// yields a sheet's rows, nothing more; package formats makes them a
// programme.
//
// It exists for speed. excelize keeps a whole worksheet and its strings
// as Go structures (100,000 rows took 79 s and 4.8 GB through its Rows);
// this reader takes the parts straight from the zip and scans a sheet's
// XML byte by byte, holding one row at a time, the shared strings in one
// block (read on a goroutine of their own while the rows are), and the
// merged areas.
//
// Its results are those of excelize's Rows with RawCellValue, the merged
// cells filled as docket filled them: excelize is the reference. The
// differential tests read every workbook of the repository and hand-made
// ones both ways and compare them row by row and cell by cell
// (xlsxreadtest makes the workbooks and holds the excelize reading), and
// FuzzSheetReader does the same with sheets it makes up.
//
// The files follow the reading: book.go opens the zip and reads the
// workbook's structure and date styles, sharedstrings.go the strings,
// sheet.go the rows and cells, merged.go the merged areas, and xmlscan.go
// is the small XML scanner under all of them.
package xlsxread
