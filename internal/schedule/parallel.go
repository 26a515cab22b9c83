package schedule

import (
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// prepareBatch is how many rows go to a worker at once: a batch, not a
// row, crosses between goroutines, so the hand-over costs little.
const prepareBatch = 256

// rowBatch is a run of rows on its way through the workers.
type rowBatch struct {
	rows  []Row
	preps []prepared
	err   error         // what ended the rows after these (io.EOF at the end)
	ready chan struct{} // closed when the rows are prepared
	panic any           // what a worker panicked with
}

// readParallel is Read once the header is known: the rows are prepared
// (hygiene, persons, SDGs: most of the work of a row) by workers, and
// completed here, in row order, so that the sessions, problems and notes
// come out as a one-at-a-time read makes them.
func (b *Builder) readParallel(rows Rows, workers int) error {
	todo := make(chan *rowBatch, 2*workers+2)
	var stopped atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for bt := range todo {
				b.prepareAll(bt, &stopped)
			}
		}()
	}
	// The workers only read the Builder's columns; they are waited for,
	// so that none still does when Read returns.
	defer func() {
		stopped.Store(true)
		close(todo)
		wg.Wait()
	}()

	var window []*rowBatch // sent to the workers, oldest first
	var free []*rowBatch
	ended := false
	for {
		// Keep every worker busy: read ahead while the oldest batch is
		// being prepared. A batch's rows come from this goroutine, so
		// Rows is used by one goroutine as before.
		for !ended && len(window) < cap(todo) {
			var bt *rowBatch
			if n := len(free); n > 0 {
				bt, free = free[n-1], free[:n-1]
				bt.rows, bt.err = bt.rows[:0], nil
			} else {
				bt = &rowBatch{rows: make([]Row, 0, prepareBatch), preps: make([]prepared, prepareBatch)}
			}
			for len(bt.rows) < prepareBatch {
				r, err := rows.Next()
				if err != nil {
					bt.err, ended = err, true
					break
				}
				bt.rows = append(bt.rows, r)
			}
			bt.ready = make(chan struct{})
			todo <- bt // never blocks: the window is no longer than todo's buffer
			window = append(window, bt)
		}
		if len(window) == 0 {
			return b.Finish()
		}
		bt := window[0]
		window = window[1:]
		<-bt.ready
		if bt.panic != nil {
			panic(bt.panic)
		}
		for i, r := range bt.rows {
			if err := b.addPrepared(r, &bt.preps[i]); err != nil {
				return err
			}
			bt.preps[i].s = nil
		}
		if bt.err == io.EOF {
			return b.Finish()
		}
		if bt.err != nil {
			return bt.err
		}
		free = append(free, bt)
	}
}

// prepareAll prepares a batch's rows, unless the read has stopped.
func (b *Builder) prepareAll(bt *rowBatch, stopped *atomic.Bool) {
	defer close(bt.ready)
	defer func() {
		// A panic is a bug; it is raised again on the reading
		// goroutine, where the command's recovery reports it.
		if r := recover(); r != nil {
			bt.panic = r
		}
	}()
	for i, r := range bt.rows {
		if stopped.Load() {
			return
		}
		p := &bt.preps[i]
		if p.blank = blank(r.Cells); !p.blank {
			b.prepare(r, p)
		}
	}
}

// readWorkers is how many goroutines prepare rows: one fewer than the
// cores, as reading the file, completing the rows and writing the output
// take about one between them. On one core rows are read one at a time.
func readWorkers() int {
	return runtime.GOMAXPROCS(0) - 1
}
