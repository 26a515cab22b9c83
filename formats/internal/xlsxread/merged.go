package xlsxread

// Merged areas: their references (after a sheet's rows, so looked for
// ahead), joined as excelize joins them, and the fill of the cells they
// cover, row by row.

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/docket-forum/docket/formats/internal/limits"
)

// LookAhead starts looking for a sheet's merged areas on a goroutine of
// its own (the whole sheet is read for them, as they come after its
// rows), while the shared strings are read and the sheet is chosen;
// OpenSheet then takes what it found. A sheet the workbook does not hold,
// or one already looked for, is let be.
func (b *Book) LookAhead(sheet string) {
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, sheet) && s.part != "" {
			if _, ok := b.ahead[s.part]; ok {
				return
			}
			ch := make(chan mergeScan, 1)
			b.ahead[s.part] = ch
			b.running.Add(1)
			go func(part string) {
				defer b.running.Done()
				var m mergeScan
				defer func() {
					if r := recover(); r != nil {
						m.err = fmt.Errorf("the workbook is damaged (%v): open and save it again in Excel or LibreOffice", r)
					}
					ch <- m
				}()
				m.refs, m.err = b.mergeRefs(part)
			}(s.part)
			return
		}
	}
}

// mergeRefs reads the references of a sheet's merged areas (<mergeCell
// ref> under <mergeCells>, which comes after the rows): a quick scan for
// the word first, the XML only when it is there.
func (b *Book) mergeRefs(part string) ([]string, error) {
	f := b.part(part)
	rc, err := b.open(f)
	if err != nil {
		return nil, damaged(err)
	}
	r, err := xmlText(rc)
	if err != nil {
		rc.Close()
		return nil, damaged(err)
	}
	found, err := scanFor(r, []byte("mergeCell"))
	rc.Close()
	if err != nil {
		return nil, partError(err, part)
	}
	if !found {
		return nil, nil
	}
	if rc, err = b.open(f); err != nil {
		return nil, damaged(err)
	}
	defer rc.Close()
	if r, err = xmlText(rc); err != nil {
		return nil, damaged(err)
	}
	sc := newXMLScanner(r)
	var refs []string
	depth, inMerges := 0, false
	for {
		k := sc.next()
		if k == tokEOF {
			break
		}
		if k == tokEnd {
			if depth--; depth <= 1 {
				inMerges = false
			}
			continue
		}
		name := string(sc.name)
		switch {
		case depth == 1 && name == "mergeCells":
			inMerges = !sc.empty
		case depth == 2 && inMerges && name == "mergeCell":
			ref := ""
			for a := sc.attrs; ; {
				n, v, rest, ok := nextAttr(a)
				if !ok {
					break
				}
				a = rest
				if string(n) == "ref" {
					ref = string(sc.attrValue(v))
				}
			}
			refs = append(refs, ref)
		}
		if !sc.empty {
			depth++
		}
	}
	if sc.err != nil {
		return nil, partError(sc.err, part)
	}
	return refs, nil
}

// scanFor reports whether r holds pat.
func scanFor(r io.Reader, pat []byte) (bool, error) {
	buf := make([]byte, 256<<10)
	n := 0
	for {
		m, err := r.Read(buf[n:])
		from := max(0, n-len(pat)+1)
		n += m
		if bytes.Contains(buf[from:n], pat) {
			return true, nil
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if n > len(buf)/2 {
			keep := len(pat) - 1
			n = copy(buf, buf[n-keep:n])
		}
	}
}

// mergeArea is a merged area: columns c1 to c2, rows r1 to r2 (1-based),
// and the value of its top-left cell.
type mergeArea struct {
	c1, r1, c2, r2 int
	val            string
}

// mergeFill fills the cells merged areas cover, row by row, as mergedFill
// did with excelize: the top-left value (when not blank) goes to each
// covered cell that is empty, the area listed last winning where areas
// overlap.
type mergeFill struct {
	areas  []mergeArea
	byTop  []int // areas that cover cells, by first row
	next   int   // the next of byTop to start
	active []int // areas (indices, ascending) whose rows are being read
}

// newMergeFill makes the areas of the references as excelize's
// GetMergeCells and mergedFill did: no areas at all when one reference is
// not valid, overlapping areas joined, the limits.max-merged-cells limit on
// their total size.
func newMergeFill(refs []string, sheet string, l limits.Limits) (*mergeFill, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	rects := make([][4]int, 0, len(refs))
	for _, ref := range refs {
		if !strings.Contains(ref, ":") {
			ref += ":" + ref
		}
		rng := strings.Split(strings.ReplaceAll(ref, "$", ""), ":")
		c1, r1, err1 := cellCoordinates([]byte(rng[0]))
		c2, r2, err2 := cellCoordinates([]byte(rng[1]))
		if err1 != nil || err2 != nil {
			return nil, nil
		}
		rects = append(rects, [4]int{c1, r1, c2, r2})
	}
	overlap, err := anyOverlap(rects)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %v", sheet, err)
	}
	if overlap {
		if len(rects) > maxOverlapping {
			return nil, fmt.Errorf("sheet %s: %d merged areas, some overlapping each other: the workbook is damaged; open and save it again in Excel or LibreOffice", sheet, len(rects))
		}
		rects = joinOverlaps(rects)
	}
	m := &mergeFill{}
	total := 0
	for _, r := range rects {
		// Counted with its corners ordered: written bottom-right first
		// (XFD1:A2000) an area counted negative and hid a merge of
		// millions of cells from limits.max-merged-cells. (It fills
		// nothing, as excelize does.)
		total += (max(r[0], r[2]) - min(r[0], r[2]) + 1) * (max(r[1], r[3]) - min(r[1], r[3]) + 1)
		// A range is filled cell by cell, so merging whole columns must
		// not make millions of copies.
		if total > l.MergedCells {
			return nil, l.Merged(sheet)
		}
		m.areas = append(m.areas, mergeArea{c1: r[0], r1: r[1], c2: r[2], r2: r[3]})
		if r[0] <= r[2] && r[1] <= r[3] {
			m.byTop = append(m.byTop, len(m.areas)-1)
		}
	}
	slices.SortStableFunc(m.byTop, func(a, b int) int { return m.areas[a].r1 - m.areas[b].r1 })
	return m, nil
}

// maxOverlapping bounds the areas excelize's quadratic joining of
// overlapping areas is run on (Excel itself refuses overlapping areas).
const maxOverlapping = 5000

// anyOverlap reports whether two areas share a cell, which is the only
// case where excelize joins areas; it gives up on pathological lists.
func anyOverlap(rects [][4]int) (bool, error) {
	type box struct{ c1, r1, c2, r2 int }
	boxes := make([]box, len(rects))
	for i, r := range rects {
		boxes[i] = box{min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])}
	}
	slices.SortFunc(boxes, func(a, b box) int { return a.r1 - b.r1 })
	var active []box
	work := 0
	for _, b := range boxes {
		keep := active[:0]
		for _, a := range active {
			if a.r2 >= b.r1 {
				keep = append(keep, a)
			}
		}
		active = keep
		for _, a := range active {
			if a.c1 <= b.c2 && b.c1 <= a.c2 {
				return true, nil
			}
		}
		if work += len(active); work > 50_000_000 {
			return false, fmt.Errorf("%d merged areas are more than docket can check", len(rects))
		}
		active = append(active, b)
	}
	return false, nil
}

// joinOverlaps is excelize's mergeOverlapCells: areas that overlap
// (a corner of one inside the other) become the area that holds both,
// until none do.
func joinOverlaps(rects [][4]int) [][4]int {
	in := func(c, r int, a [4]int) bool { return c >= a[0] && c <= a[2] && r >= a[1] && r <= a[3] }
	overlap := func(a, b [4]int) bool {
		return in(a[0], a[1], b) || in(a[2], a[1], b) || in(a[0], a[3], b) || in(a[2], a[3], b) ||
			in(b[0], b[1], a) || in(b[2], b[1], a) || in(b[0], b[3], a) || in(b[2], b[3], a)
	}
	for joined := true; joined; {
		joined = false
		var out [][4]int
		used := make([]bool, len(rects))
		for i := range rects {
			if used[i] {
				continue
			}
			r1 := rects[i]
			for j := i + 1; j < len(rects); j++ {
				if used[j] {
					continue
				}
				if r2 := rects[j]; overlap(r1, r2) {
					r1 = [4]int{min(r1[0], r2[0]), min(r1[1], r2[1]), max(r1[2], r2[2]), max(r1[3], r2[3])}
					joined, used[j] = true, true
				}
			}
			out = append(out, r1)
		}
		rects = out
	}
	return rects
}

// fillRow fills row x.n's cells covered by merged areas.
func (x *Rows) fillRow(cells []string, rowStyle int) []string {
	m, n := x.fill, x.n
	started := false
	for m.next < len(m.byTop) && m.areas[m.byTop[m.next]].r1 <= n {
		i := m.byTop[m.next]
		m.next++
		a := &m.areas[i]
		if a.r1 != n {
			continue
		}
		if a.c1 <= len(cells) {
			a.val = cells[a.c1-1]
		}
		if strings.TrimSpace(a.val) == "" {
			continue
		}
		m.active = append(m.active, i)
		started = true
	}
	if started {
		slices.Sort(m.active)
	}
	keep := m.active[:0]
	for _, i := range m.active {
		if m.areas[i].r2 >= n {
			keep = append(keep, i)
		}
	}
	m.active = keep
	// The area listed last wins: fill from the last, never over a value.
	for k := len(m.active) - 1; k >= 0; k-- {
		a := &m.areas[m.active[k]]
		for c := a.c1; c <= a.c2; c++ {
			if n == a.r1 && c == a.c1 {
				continue
			}
			if c <= len(cells) && cells[c-1] != "" {
				continue
			}
			for len(cells) < c {
				cells = append(cells, "")
			}
			cells[c-1] = a.val
			// A covered cell the sheet does not hold has its row's or
			// column's style.
			if (c >= len(x.present) || x.present[c] != n) && x.isDateStyle(0, rowStyle, c) {
				x.dates.set(c, n)
			}
		}
	}
	return cells
}
