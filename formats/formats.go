// Package formats reads and writes programmes. Every format is declared
// once in registry.go (names, extensions, a Sniff score, its reader and
// writer), so that lookup by name, by extension and by content (detect.go)
// and the "valid formats" message all come from one list. Each format's
// code is in <format>.go, <format>_read.go and <format>_write.go; the
// engines they share are in formats/internal, and what is not a programme
// (findings, the summary, terminal tables, the template) in subpackages
// that never import this one.
package formats

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docket-forum/docket/formats/internal/limits"
	"github.com/docket-forum/docket/internal/schedule"
	"github.com/docket-forum/docket/internal/vocab"
)

// ReadOptions says how to read an input.
type ReadOptions struct {
	// Timezone is the programme's IANA zone for times written without one.
	Timezone string
	// Sheet names the workbook sheet to read; empty picks the sessions sheet.
	Sheet string
	// FirstDay and LastDay are the event's days (YYYY-MM-DD), which day
	// names and "Day 1" in a sheet are read as; empty when unknown.
	FirstDay, LastDay string
	// Profile is the rules' profile, schedule.ProfileIGF or
	// ProfileGeneric, or "" to decide from the data.
	Profile string
	// DateOrder is "dmy" or "mdy" for dates like 11/10/2023, or "" to
	// decide from the data.
	DateOrder string
	// Map maps normalised headers to fields before the built-in aliases
	// (see ReadMap).
	Map map[string]schedule.Field
	// Limits bound what one input may cost; zero fields take the defaults.
	Limits Limits
	// Progress, when set, is told the number of rows read so far, every
	// few thousand rows; the command draws it.
	Progress func(rows int)
	// FirstProgress is Progress for the first read of a file whose output
	// needs the programme's days before its sessions (JSON; see Stream).
	FirstProgress func(rows int)
	// Sink, when set, receives the sessions in order instead of the
	// programme's Sessions (see Stream). Readers that can stream hand them
	// over as they are read; the others after reading the whole input.
	Sink func(*schedule.Programme, *schedule.Session) error
	// Inspect reads a file to show how it is read (docket columns): a
	// file whose rows all read as headings is shown, not refused.
	Inspect bool

	// timesOnly reads only what places sessions in time (see skim).
	timesOnly bool
	// fileUTF8, when set, carries a file's UTF-8 check from the first of
	// two reads of it (see skim) to the second.
	fileUTF8 *utf8Check
}

// progressEvery is how often readers report progress, in rows.
const progressEvery = 2000

// Limits stop a broken or hostile input from exhausting memory (see
// package limits); zero fields take the defaults.
type Limits = limits.Limits

// LimitError is an input that goes past one of the Limits; it names the
// setting that raises the limit.
type LimitError = limits.Error

// Default limits: far beyond any programme, far below a machine's memory.
const (
	DefaultCellBytes     = limits.DefaultCellBytes
	DefaultColumns       = limits.DefaultColumns
	DefaultUnzipBytes    = limits.DefaultUnzipBytes
	DefaultMergedCells   = limits.DefaultMergedCells
	DefaultSharedStrings = limits.DefaultSharedStrings
)

// scheduleOptions are the builder's options for one file or sheet.
func (o ReadOptions) scheduleOptions(file, sheet string) schedule.Options {
	return schedule.Options{File: file, Sheet: sheet, Timezone: o.Timezone, DateOrder: o.DateOrder, Profile: o.Profile, FirstDay: o.FirstDay, LastDay: o.LastDay, Map: o.Map, TimesOnly: o.timesOnly, Inspect: o.Inspect}
}

// WriteOptions says how to write an output.
type WriteOptions struct {
	// Now is the time of the export, for formats that stamp it.
	Now time.Time
	// Title and Acronym name the conference in the schedule feeds; empty
	// takes the programme's name and an acronym made from it.
	Title, Acronym string
	// Loc is the zone times are shown in; nil is the programme's.
	Loc *time.Location
	// As is how pages are written (the page format): "markdown" or "html".
	As string
	// Raw turns off the neutralising of cells a spreadsheet would run as
	// formulas (CSV and TSV).
	Raw bool
	// IDInTitle puts the session id before the title in the schedule
	// feeds ("WS #101: Title"), as they wrote it before: apps show the
	// title as it is, so by default it is the title alone.
	IDInTitle bool
	// Previous is the programme as last published (export --previous):
	// the feeds raise their version only when their content changed, and
	// iCalendar keeps each unchanged event's SEQUENCE, raises it for a
	// changed one and keeps a removed one as CANCELLED.
	Previous *schedule.Programme
	// Paper is the pdf export's paper size, "a4" (the default when
	// empty) or "letter" (see Papers); the other formats ignore it.
	Paper string
	// DoorSign makes the pdf export a door sign for one room instead of
	// the printed programme (export --split-by room sets it for each
	// room's file); the other formats ignore it.
	DoorSign *DoorSign
}

// DoorSign is what a room's door sign names besides its sessions.
type DoorSign struct {
	// Room is the room's name, very large at the top of every page.
	Room string
	// Event is the event's title, in the footer of every page.
	Event string
}

// Input is a file to read: a path, or a stream (standard input) with a
// display name.
type Input struct {
	Name string    // shown in messages
	Path string    // empty when reading R
	R    io.Reader // used when Path is empty
}

// Format is one file format docket reads and/or writes.
type Format struct {
	Name        string
	Aliases     []string
	Extensions  []string // with the dot, lower case
	Description string
	// Noun is what a user calls a file of this format ("a frab
	// schedule.xml"), for messages.
	Noun string
	// Binary reports whether the output is not text (refused on a terminal).
	Binary bool
	// Sniff scores how surely an input's first bytes are this format
	// (SniffNo to SniffSure; see detect). nil: plain text, which the file's
	// extension tells apart.
	Sniff func(head []byte) int
	// Read reads a programme; nil when docket cannot read the format.
	Read func(in Input, opts ReadOptions) (*schedule.Programme, error)
	// Write writes a programme; nil when docket cannot write the format.
	Write func(w io.Writer, p *schedule.Programme, opts WriteOptions) error
	// Stream returns a writer that takes the programme one session at a
	// time; nil when the format needs the whole programme (a grid, a
	// calendar of days).
	Stream func(w io.Writer, opts WriteOptions) SessionWriter
}

// Accepts reports whether f may be written to a file named path: its
// extension is one of f's, or it has none.
func (f *Format) Accepts(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == "" || slices.Contains(f.Extensions, ext)
}

// All returns every format, sorted by name.
func All() []*Format {
	out := slices.Clone(registry)
	slices.SortFunc(out, func(a, b *Format) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Writable returns the names of the formats docket can write.
func Writable() []string {
	var names []string
	for _, f := range All() {
		if f.Write != nil {
			names = append(names, f.Name)
		}
	}
	return names
}

// readableExtensions lists the extensions of the formats docket reads.
func readableExtensions() string {
	var exts []string
	for _, f := range All() {
		if f.Read != nil {
			exts = append(exts, f.Extensions...)
		}
	}
	return strings.Join(exts, " ")
}

// Lookup finds a format by name or alias.
func Lookup(name string) (*Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, f := range registry {
		if f.Name == n || slices.Contains(f.Aliases, n) {
			return f, nil
		}
	}
	return nil, &UnknownFormatError{Name: name}
}

// ForPath finds a format by a file's extension.
func ForPath(path string) (*Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range registry {
		if slices.Contains(f.Extensions, ext) {
			return f, nil
		}
	}
	return nil, &UnknownFormatError{Name: ext, Path: path}
}

// UnknownFormatError is a format name or extension docket does not know.
type UnknownFormatError struct {
	Name string
	Path string
}

func (e *UnknownFormatError) Error() string {
	valid := strings.Join(Writable(), ", ")
	if e.Path != "" {
		if e.Name == "" {
			return fmt.Sprintf("cannot tell the format of %s from its name (add an extension or use output.format; valid: %s)", e.Path, valid)
		}
		return fmt.Sprintf("unknown file extension %q of %s (use output.format; valid formats: %s)", e.Name, e.Path, valid)
	}
	best, bestD := "", 3
	for _, f := range All() {
		if d := vocab.Distance(strings.ToLower(e.Name), f.Name, 2); f.Write != nil && len(e.Name) >= 2 && d < bestD {
			best, bestD = f.Name, d
		}
	}
	if best != "" {
		return fmt.Sprintf("unknown format %q: did you mean %q? (valid: %s)", e.Name, best, valid)
	}
	return fmt.Sprintf("unknown format %q (valid: %s)", e.Name, valid)
}

// InputError means an input could not be read at all; the command exits 3.
type InputError struct {
	File string
	Err  error
}

func (e *InputError) Error() string {
	if strings.HasPrefix(e.Err.Error(), e.File) {
		return e.Err.Error()
	}
	return e.File + ": " + e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }
