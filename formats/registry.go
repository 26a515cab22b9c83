package formats

import (
	"io"

	"github.com/docket-forum/docket/internal/schedule"
)

// The formats, each declared once: its names, the extensions that name it,
// how its content is recognised, and what reads and writes it. A new
// format is a file with its reader and/or writer plus an entry here and in
// the list below.

var csvFormat = &Format{
	Name:        "csv",
	Extensions:  []string{".csv", ".txt"},
	Noun:        "a CSV file",
	Description: "canonical flat file, one row per session, persons packed one per line",
	Read:        func(in Input, o ReadOptions) (*schedule.Programme, error) { return readDelimited(in, o, 0) },
	Write: func(w io.Writer, p *schedule.Programme, o WriteOptions) error {
		return writeDelimited(w, p, ',', o.Raw)
	},
	Stream: func(w io.Writer, o WriteOptions) SessionWriter { return newDelimitedWriter(w, ',', o.Raw) },
}

var tsvFormat = &Format{
	Name:        "tsv",
	Aliases:     []string{"tab"},
	Extensions:  []string{".tsv", ".tab"},
	Noun:        "a TSV file",
	Description: "the same as csv, tab-separated",
	Read:        func(in Input, o ReadOptions) (*schedule.Programme, error) { return readDelimited(in, o, '\t') },
	Write: func(w io.Writer, p *schedule.Programme, o WriteOptions) error {
		return writeDelimited(w, p, '\t', o.Raw)
	},
	Stream: func(w io.Writer, o WriteOptions) SessionWriter { return newDelimitedWriter(w, '\t', o.Raw) },
}

var xlsxFormat = &Format{
	Name:        "xlsx",
	Aliases:     []string{"excel"},
	Extensions:  []string{".xlsx", ".xlsm", ".xltx", ".xltm"},
	Noun:        "an Excel workbook",
	Description: "Excel workbook: real date/time cells, bold frozen header, filters, a Speakers sheet",
	Binary:      true,
	Sniff:       sniffZip,
	Read:        readXLSX,
	Write:       writeXLSX,
}

var jsonFormat = &Format{
	Name:        "json",
	Extensions:  []string{".json"},
	Noun:        "docket's JSON",
	Description: `canonical records for scripts: {"programme": {...}, "sessions": [...]}`,
	Sniff:       sniffDocketJSON,
	Read:        readDocketJSON,
	Write:       writeJSON,
	Stream:      func(w io.Writer, _ WriteOptions) SessionWriter { return &jsonStream{w: w} },
}

var ndjsonFormat = &Format{
	Name:        "ndjson",
	Aliases:     []string{"jsonl", "jsonlines"},
	Extensions:  []string{".ndjson", ".jsonl"},
	Noun:        "docket's NDJSON",
	Description: "one canonical session object per line",
	Sniff:       sniffNDJSON,
	Read:        readNDJSON,
	Write:       writeNDJSON,
	Stream:      func(w io.Writer, _ WriteOptions) SessionWriter { return newNDJSONStream(w) },
}

var markdownFormat = &Format{
	Name:        "markdown",
	Aliases:     []string{"md"},
	Extensions:  []string{".md", ".markdown"},
	Noun:        "a Markdown file",
	Description: "a schedule table per day and a section per session, for wikis and READMEs",
	Write:       writeMarkdown,
}

var htmlFormat = &Format{
	Name:        "html",
	Aliases:     []string{"htm"},
	Extensions:  []string{".html", ".htm"},
	Noun:        "an HTML page",
	Description: "one self-contained web page: a grid and a list per day and a card per session; prints as a booklet",
	Write:       writeHTML,
}

var icsFormat = &Format{
	Name:        "ics",
	Aliases:     []string{"ical", "icalendar"},
	Extensions:  []string{".ics", ".ical"},
	Noun:        "an iCalendar file",
	Description: "iCalendar (RFC 5545): one event per session, for calendar apps",
	Sniff:       sniffICS,
	Read:        readICS,
	Write:       writeICS,
}

var frabFormat = &Format{
	Name:        "frab",
	Aliases:     []string{"schedule-xml", "schedule.xml"},
	Extensions:  []string{".xml"},
	Noun:        "a frab schedule.xml",
	Description: "frab/pretalx schedule.xml (c3voc XSD), for Giggity, EventFahrplan, ConfClerk and c3voc tools",
	Sniff:       sniffXMLRoot(SniffSure, "schedule"),
	Read:        readFrab,
	Write:       writeFrab,
}

var scheduleJSONFormat = &Format{
	Name:    "schedule-json",
	Aliases: []string{"schedule.json", "c3voc"},
	// .json is the json format's when --to or --format does not say.
	Extensions:  []string{".json"},
	Noun:        "a c3voc schedule.json",
	Description: "c3voc schedule.json v1 conference feed (as pretalx and frab publish it), for schedule apps and recording tools",
	Sniff:       sniffC3VOC,
	Read:        readScheduleJSON,
	Write:       writeScheduleJSON,
}

var pageFormat = &Format{
	Name:    "page",
	Aliases: []string{"pages"},
	// .md and .html are the markdown and html formats' when --format does
	// not say; a page file's extension decides its kind (PageKindFor).
	Extensions:  []string{".md", ".markdown", ".html", ".htm"},
	Noun:        "a session page",
	Description: "one page per session in the layout of the IGF session pages, as Markdown or HTML (output.as), in one file or a folder of one file per session",
	Write: func(w io.Writer, p *schedule.Programme, o WriteOptions) error {
		return WritePageStream(w, p, PageOptions{As: o.As, Loc: o.Loc, Title: o.Title})
	},
}

var pdfFormat = &Format{
	Name:        "pdf",
	Extensions:  []string{".pdf"},
	Noun:        "a PDF document",
	Description: "a printed programme: contents, a grid per day (landscape), then a booklet of every session, on A4 or Letter paper",
	Binary:      true,
	Write:       writePDF,
}

// registry is every format, in the order a file extension is looked up
// (ForPath): .json is json's before schedule-json's, .md and .html
// markdown's and html's before page's.
var registry = []*Format{
	csvFormat,
	tsvFormat,
	xlsxFormat,
	jsonFormat,
	ndjsonFormat,
	markdownFormat,
	htmlFormat,
	icsFormat,
	frabFormat,
	scheduleJSONFormat,
	sessionizeFormat,
	indicoFormat,
	pageFormat,
	pdfFormat,
}
