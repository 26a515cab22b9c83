package xlstyle

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteTo writes the workbook f to w as the same bytes for the same
// content. excelize writes some parts in map order: the worksheets of a
// stream writer change places from run to run, and the image types of the
// first drawing are listed in [Content_Types].xml in any order. So the
// package is written once into memory and copied in a fixed order
// ([Content_Types].xml first, the other parts by name), with its content
// types sorted; the other parts are copied as they are, without being
// compressed again.
func WriteTo(w io.Writer, f *excelize.File) error {
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	data := buf.Bytes()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortStableFunc(files, func(a, b *zip.File) int {
		if (a.Name == contentTypes) != (b.Name == contentTypes) {
			if a.Name == contentTypes {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	zw := zip.NewWriter(w)
	for _, zf := range files {
		if zf.Name == contentTypes {
			if err := writeContentTypes(zw, zf); err != nil {
				return err
			}
			continue
		}
		raw, err := zf.OpenRaw()
		if err != nil {
			return err
		}
		hdr := zf.FileHeader
		pw, err := zw.CreateRaw(&hdr)
		if err != nil {
			return err
		}
		if _, err := io.Copy(pw, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

const contentTypes = "[Content_Types].xml"

// contentTypeList is a package's [Content_Types].xml.
type contentTypeList struct {
	XMLName  xml.Name      `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Default  []contentType `xml:"Default"`
	Override []contentType `xml:"Override"`
}

type contentType struct {
	Extension   string `xml:",attr,omitempty"`
	PartName    string `xml:",attr,omitempty"`
	ContentType string `xml:",attr"`
}

// writeContentTypes writes the part zf with its entries sorted.
func writeContentTypes(zw *zip.Writer, zf *zip.File) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	var types contentTypeList
	err = xml.NewDecoder(rc).Decode(&types)
	rc.Close()
	if err != nil {
		return fmt.Errorf("%s: %v", zf.Name, err)
	}
	slices.SortFunc(types.Default, func(a, b contentType) int { return strings.Compare(a.Extension, b.Extension) })
	slices.SortFunc(types.Override, func(a, b contentType) int { return strings.Compare(a.PartName, b.PartName) })
	w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	return xml.NewEncoder(w).Encode(types)
}
