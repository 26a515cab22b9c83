package validate

import "slices"

// chunkSize is how many items a chunk of a chunks list holds.
const chunkSize = 4096

// chunks is an append-only list kept in fixed chunks: appending never
// copies what is there. A slice grown by append to hundreds of thousands
// of intervals had copied and cleared them four times over, a quarter of
// the checks' time.
type chunks[T any] struct {
	c [][]T
	n int
}

func (l *chunks[T]) add(v T) {
	if l.n%chunkSize == 0 {
		l.c = append(l.c, make([]T, 0, chunkSize))
	}
	last := &l.c[len(l.c)-1]
	*last = append(*last, v)
	l.n++
}

func (l *chunks[T]) len() int { return l.n }

// at returns the i-th item.
func (l *chunks[T]) at(i int) *T { return &l.c[i/chunkSize][i%chunkSize] }

// flat returns the items in one slice, for sorting; the list is emptied.
func (l *chunks[T]) flat() []T {
	out := slices.Concat(l.c...)
	l.c, l.n = nil, 0
	return out
}
