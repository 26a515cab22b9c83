package schedule

import (
	"strings"
	"testing"
)

// What the files of other tools (testdata/others, issue 16) showed docket
// reading wrongly, one test per cause.

// TestLengthInTimeCells: a workbook's length typed as a time ("0:45",
// which the spreadsheet stores as 0.03125 of a day) is 45 minutes; a text
// file's number stays minutes, and a fraction there is no length.
func TestLengthInTimeCells(t *testing.T) {
	header := []string{"Titel", "Datum", "Beginn", "Dauer"}
	p := read(t, Options{File: "fahrplan.xlsx", Timezone: "Europe/Berlin", Serials: true}, header,
		[]string{"Begrüßung", "45920", "0.416666666666667", "0.0104166666666666"},
		[]string{"Podium", "45920", "0.583333333333333", "01:30"},
		[]string{"Workshop", "45920", "0.625", "0.0833333333333333"},
		[]string{"Vortrag", "45920", "0.75", "45"},
	)
	var got []string
	for _, s := range p.Sessions {
		got = append(got, s.Start.Format("15:04")+"-"+s.End.Format("15:04"))
	}
	if strings.Join(got, " ") != "10:00-10:15 14:00-15:30 15:00-17:00 18:00-18:45" || len(p.Problems) != 0 {
		t.Errorf("workbook: %q, problems %+v", got, p.Problems)
	}
	p = read(t, Options{File: "fahrplan.csv", Timezone: "Europe/Berlin"}, []string{"title", "date", "start", "duration"},
		[]string{"A", "2025-09-20", "10:00", "0.03125"})
	if !p.Sessions[0].End.IsZero() || len(p.Problems) != 1 || p.Problems[0].Rule != RuleBadTime {
		t.Errorf("text file: end %v, problems %+v", p.Sessions[0].End, p.Problems)
	}
}

// TestMadeIDsFoldEveryLetter: letters that do not decompose into a base
// letter and an accent (ß, ø, æ, ł, đ, ı) are folded as ASCII writes them,
// not dropped.
func TestMadeIDsFoldEveryLetter(t *testing.T) {
	for title, want := range map[string]string{
		"Begrüßung":                 "begrussung",
		"Straßenbahn-Modelle löten": "strassenbahn-modelle-loten",
		"Søren's Æble-Workshop":     "soren-s-aeble-workshop",
		"Łódź i Đakovo":             "lodz-i-dakovo",
		"Yılmaz & Œuvre":            "yilmaz-and-oeuvre",
		"GROSSE STRASSE":            "grosse-strasse",
		"Þingvellir Tour":           "thingvellir-tour",
	} {
		if got := titleID(title); got != want {
			t.Errorf("titleID(%q) = %q, want %q", title, got, want)
		}
	}
}
