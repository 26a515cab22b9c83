package schedule

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// messySheet is a sheet of n rows with most of what reading a row can
// report: text hygiene, extra moderators, bad lengths, participation and
// gender columns, list fields in two columns, an unnamed column filled
// late, cells right of the header, blank rows, and slash dates that only
// row decide decides are month first.
func messySheet(n, decide int, seed uint64) *sliceRows {
	rng := rand.New(rand.NewPCG(seed, 1))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	rows := [][]string{{"id", "title", "type", "format", "declared_minutes", "date", "start", "end", "room",
		"speakers", "onsite_moderator", "online_moderator", "rapporteur", "participation", "gender",
		"sdgs", "tags", "tags", "description", "", "notes"}}
	for i := 1; i <= n; i++ {
		if rng.IntN(50) == 0 {
			rows = append(rows, []string{"", " ", ""})
			continue
		}
		day := fmt.Sprintf("%02d/%02d/2025", 1+rng.IntN(12), 1+rng.IntN(12))
		if i == decide {
			day = "04/13/2025"
		}
		if i > decide && rng.IntN(3) == 0 {
			day = fmt.Sprintf("%02d/%02d/2025", 1+rng.IntN(12), 13+rng.IntN(15))
		}
		start := 8 + rng.IntN(9)
		row := []string{
			pick(fmt.Sprintf("WS %d", i), fmt.Sprintf(" WS  %d", i), ""),
			pick("Data governance", "Café\u00a0policy", "AI <b>now</b>", "Zero\u200bwidth", "CafÃ© mojibake", "Plain  double"),
			pick("Workshop", "workshop", "Open Forum", "Lightning talk", "Something new"),
			pick("Round Table - 90 Min", "Panel - 60 Min", "", "Birds of a feather"),
			pick("", "", "90", "ninety"),
			day,
			fmt.Sprintf("%02d:%02d", start, pick2(rng, 0, 30)),
			pick(fmt.Sprintf("%02d:30", start+1), "", "25:00"),
			pick("Room A", "Room B", "Main Hall"),
			pick("Ana Silva, Professor, University of Lisbon, Academia, WEOG (online); Ben Okoro, CEO, Acme, Private Sector, Africa",
				"1. Heiko Wildner, BMDV 2. Aishwarya Salvi, GIZ", "", "Jane Doe\nJohn Roe\nMary Major <mary@example.org>"),
			pick("", "Kim Lee", "Kim Lee; Ola Nordmann", "Kim Lee\nOla Nordmann\nPer Hansen"),
			pick("", "Ola Nordmann, Host"),
			pick("", "Rita Rapporteur; Second Person"),
			pick("", "online", "on-site; online", "somewhere"),
			pick("", "f", "m; f", "x"),
			pick("", "9.5; 9.b", "SDG 4, 5", "17.17"),
			pick("", "ai, data"),
			pick("", "youth"),
			strings.Repeat(pick("A long description with an accent é here. ", "Plain text without anything odd. ", "Tags <p>left</p> over. "), 1+rng.IntN(8)),
			"",
			pick("", "kept", "note\u202f"),
		}
		if i > n/2 && rng.IntN(10) == 0 {
			row[19] = "late" // the unnamed column, empty until here
		}
		if rng.IntN(20) == 0 {
			row = append(row, "", "right of the header")
		}
		if rng.IntN(30) == 0 {
			row = row[:5] // a short row
		}
		rows = append(rows, row)
	}
	return sheet(rows...)
}

func pick2(rng *rand.Rand, a, b int) int {
	if rng.IntN(2) == 0 {
		return a
	}
	return b
}

// readWith reads a sheet with the given number of workers, streaming when
// stream is set, and returns the programme with its sessions in order.
func readWith(t *testing.T, rows *sliceRows, workers int, stream bool) *Programme {
	t.Helper()
	prog := &Programme{}
	var emitted []*Session
	opts := Options{File: "messy.csv", Timezone: "Europe/Oslo"}
	if stream {
		opts.Emit = func(_ *Programme, s *Session) error {
			emitted = append(emitted, s)
			return nil
		}
	}
	b, err := NewBuilder(prog, opts)
	if err != nil {
		t.Fatal(err)
	}
	b.workers = workers
	rows.i = 0
	if err := b.Read(rows); err != nil {
		t.Fatalf("Read: %v", err)
	}
	if stream {
		prog.Sessions = emitted
	}
	return prog
}

// TestReadParallel: preparing rows on several goroutines reads a sheet
// exactly as reading them one at a time does: the same sessions, and the
// same problems, notes and warnings in the same order.
func TestReadParallel(t *testing.T) {
	for _, tc := range []struct {
		n, decide int
	}{{0, 0}, {1, 1}, {prepareBatch - 1, 10}, {3000, 2500}, {5000, 7000}} {
		rows := messySheet(tc.n, tc.decide, uint64(tc.n))
		for _, stream := range []bool{false, true} {
			want := readWith(t, rows, -1, stream)
			if tc.n >= 3000 && (len(want.Problems) < 1000 || len(want.Sessions) < tc.n/2) {
				t.Fatalf("the sheet is not messy enough: %d problems, %d sessions", len(want.Problems), len(want.Sessions))
			}
			for _, workers := range []int{1, 2, 8} {
				got := readWith(t, rows, workers, stream)
				name := fmt.Sprintf("%d rows, %d workers, stream %v", tc.n, workers, stream)
				if len(got.Sessions) != len(want.Sessions) {
					t.Fatalf("%s: %d sessions, want %d", name, len(got.Sessions), len(want.Sessions))
				}
				for i := range want.Sessions {
					if !reflect.DeepEqual(got.Sessions[i], want.Sessions[i]) {
						t.Fatalf("%s: session %d differs:\n got %+v\nwant %+v", name, i, *got.Sessions[i], *want.Sessions[i])
					}
				}
				wantCopy := *want
				got.Sessions, wantCopy.Sessions = nil, nil
				if !reflect.DeepEqual(*got, wantCopy) {
					t.Errorf("%s: the programme differs:\n got %+v\nwant %+v", name, *got, wantCopy)
				}
			}
		}
	}
}

// TestReadParallelError: an error from the rows ends the read after the
// rows before it, as a one-at-a-time read does.
func TestReadParallelError(t *testing.T) {
	rows := messySheet(1000, 0, 7)
	rows.err = errors.New("disk on fire")
	for _, workers := range []int{-1, 1, 2} {
		prog := &Programme{}
		b, _ := NewBuilder(prog, Options{File: "x.csv"})
		b.workers = workers
		rows.i = 0
		if err := b.Read(rows); err == nil || err.Error() != "disk on fire" {
			t.Errorf("%d workers: Read = %v", workers, err)
		}
		if len(prog.Sessions) < 900 {
			t.Errorf("%d workers: %d sessions before the error", workers, len(prog.Sessions))
		}
	}
}

// hookRows calls hook before the row at index at is returned.
type hookRows struct {
	*sliceRows
	at   int
	hook func()
}

func (h hookRows) Next() (Row, error) {
	if h.i == h.at {
		h.hook()
	}
	return h.sliceRows.Next()
}

// TestReadParallelPanic: a panic while preparing a row (a bug) is raised
// on the goroutine that called Read, where the command recovers it.
func TestReadParallelPanic(t *testing.T) {
	prog := &Programme{}
	b, _ := NewBuilder(prog, Options{File: "x.csv"})
	b.workers = 1
	// A column whose field number is out of range makes prepare index
	// out of bounds: a stand-in for any bug in it.
	// It is added before the first data row is read, when no worker is
	// reading the columns yet.
	rows := hookRows{messySheet(600, 0, 8), 1, func() {
		b.cols = append(b.cols, column{field: FieldTitle, num: 1 << 20})
	}}
	defer func() {
		if r := recover(); r == nil {
			t.Error("no panic")
		} else if !strings.Contains(fmt.Sprint(r), "out of range") {
			t.Errorf("panic %v", r)
		}
	}()
	_ = b.Read(rows)
}
