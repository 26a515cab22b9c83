package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docket-forum/docket/internal/vocab"
)

// Columns are the header of a generated programme, in order.
var Columns = []string{
	"id", "title", "type", "format", "date", "start", "end", "timezone", "room", "theme",
	"speakers", "moderator", "moderator_email", "rapporteur", "sdgs", "description",
}

// Column indexes.
const (
	colID = iota
	colTitle
	colType
	colFormat
	colDate
	colStart
	colEnd
	colTimezone
	colRoom
	colTheme
	colSpeakers
	colModerator
	colModeratorEmail
	colRapporteur
	colSDGs
	colDescription
	numCols
)

// rosterSize is the number of people of one room's roster. A room's
// sessions draw their speakers, moderator and rapporteur from its roster
// only, and no two rosters share a name, so nobody is booked in two rooms
// at once.
const rosterSize = 10

// row is one generated session: the text of every column, plus the date
// and times as numbers for the XLSX writer.
type row struct {
	cells [numCols]string
	// serial is the date as an Excel serial (days since 1899-12-30).
	serial int
	// start and end are minutes after midnight.
	start, end int
}

// generator makes the rows of one programme. Each row comes from its own
// random stream (seed, row number), so a row can be made again on its own:
// the XLSX writer makes every row twice.
type generator struct {
	seed   int64
	plan   *plan
	counts []int // per type: ids given so far
	ids    []int // per row: its number within its type
	sb     strings.Builder
}

func newGenerator(n int, seed int64) *generator {
	g := &generator{seed: seed, plan: newPlan(n, seed), counts: make([]int, len(types))}
	g.ids = make([]int, len(g.plan.slots))
	for i, s := range g.plan.slots {
		g.counts[s.typ]++
		g.ids[i] = g.counts[s.typ]
	}
	return g
}

// len is the number of rows.
func (g *generator) len() int { return len(g.plan.slots) }

// row fills x with row i.
func (g *generator) row(i int, x *row) {
	s := g.plan.slots[i]
	t := &types[s.typ]
	r := rand.New(rand.NewPCG(uint64(g.seed), uint64(i)+1))
	th := &themes[r.IntN(len(themes))]
	tp := th.topics[r.IntN(len(th.topics))]
	region := textRegions[r.IntN(len(textRegions))]
	country := cultures[r.IntN(len(cultures))].country

	day := g.plan.first.AddDate(0, 0, int(s.day))
	x.serial = int(day.Sub(excelEpoch).Hours() / 24)
	x.start, x.end = int(s.start), int(s.start)+int(s.dur)

	c := &x.cells
	c[colID] = t.prefix + strconv.Itoa(g.ids[i])
	c[colTitle] = title(r, t, tp, region, day.Year())
	c[colType] = t.name
	c[colFormat] = ""
	if t.formats {
		c[colFormat] = formatFor(r, int(s.dur)) + " - " + strconv.Itoa(int(s.dur)) + " Min"
	}
	c[colDate] = day.Format("2006-01-02")
	c[colStart] = clock(x.start)
	c[colEnd] = clock(x.end)
	c[colTimezone] = g.plan.ed.zone
	c[colRoom] = roomName(int(s.room))
	c[colTheme] = th.name

	nSpk := t.speakers[0] + r.IntN(t.speakers[1]-t.speakers[0]+1)
	base := int(s.room) * rosterSize
	first := r.IntN(rosterSize)
	sb := &g.sb
	sb.Reset()
	for k := range nSpk {
		if k > 0 {
			sb.WriteString("; ")
		}
		person(base+(first+k)%rosterSize).pack(sb, r)
	}
	c[colSpeakers] = sb.String()
	c[colModerator], c[colModeratorEmail] = "", ""
	if !t.optMod || r.IntN(2) == 0 {
		m := person(base + (first+nSpk)%rosterSize)
		c[colModerator], c[colModeratorEmail] = m.name, m.email
	}
	c[colRapporteur] = ""
	if r.IntN(10) > 0 {
		c[colRapporteur] = person(base + (first+nSpk+1)%rosterSize).name
	}
	c[colSDGs] = sdgs(r, th)
	c[colDescription] = description(r, sb, tp.text, region, country)
}

// title makes a session title.
func title(r *rand.Rand, t *sessionType, tp topic, region string, year int) string {
	switch t.name {
	case "Opening Ceremony", "Closing Ceremony":
		return t.name
	case "Open Mic / Taking Stock":
		return "Open Mic and Taking Stock"
	case "Newcomers Session":
		return "Newcomers Track: Navigating the IGF"
	case "Dynamic Coalition Session":
		return "Dynamic Coalition on " + tp.title
	case "Best Practice Forum":
		return "Best Practice Forum on " + tp.title
	case "Policy Network":
		return "Policy Network on " + tp.title
	case "NRI Session":
		return "NRIs Collaborative Session: " + tp.title
	case "High-Level Session":
		return "High-Level Leaders Track: " + tp.title
	case "Parliamentary Track":
		return "Parliamentary Roundtable: " + tp.title
	case "Launch / Award":
		return "Launch of the " + tp.title + " Report " + strconv.Itoa(year)
	}
	var b strings.Builder
	expand(&b, titlePatterns[r.IntN(len(titlePatterns))], tp.title, region)
	return b.String()
}

// expand writes pattern with each "%[N]s" replaced by args[N-1].
func expand(b *strings.Builder, pattern string, args ...string) {
	for {
		i := strings.Index(pattern, "%[")
		if i < 0 || i+5 > len(pattern) || pattern[i+3:i+5] != "]s" {
			b.WriteString(pattern)
			return
		}
		b.WriteString(pattern[:i])
		b.WriteString(args[pattern[i+2]-'1'])
		pattern = pattern[i+5:]
	}
}

// formatFor picks a session format that allows a session of dur minutes;
// a format that names its lengths is four times as likely as one open to
// any length (Open Discussion, Other).
func formatFor(r *rand.Rand, dur int) string {
	var fit [32]string
	n := 0
	for _, f := range vocab.Formats().Terms {
		if f.Kind != "format" {
			continue
		}
		weight := 0
		if len(f.Minutes) == 0 {
			weight = 1
		}
		for _, m := range f.Minutes {
			if m == dur {
				weight = 4
			}
		}
		for ; weight > 0 && n < len(fit); weight-- {
			fit[n] = f.Name
			n++
		}
	}
	if n == 0 {
		return "Other"
	}
	return fit[r.IntN(n)]
}

// sdgs names one to three SDG targets of the theme, and sometimes one more
// from anywhere: "9.1; 16.6".
func sdgs(r *rand.Rand, th *theme) string {
	k := 1 + r.IntN(3)
	start := r.IntN(len(th.sdgs))
	var b strings.Builder
	for j := range k {
		if j > 0 {
			b.WriteString("; ")
		}
		b.WriteString(th.sdgs[(start+j)%len(th.sdgs)])
	}
	if r.IntN(5) == 0 {
		all := vocab.SDGTargets().Terms
		code := all[r.IntN(len(all))].Name
		if !strings.Contains("; "+b.String()+"; ", "; "+code+"; ") {
			b.WriteString("; ")
			b.WriteString(code)
		}
	}
	return b.String()
}

// description writes 200 to 600 characters of text about the topic; about
// one in twelve has a paragraph break.
func description(r *rand.Rand, sb *strings.Builder, topic, region, country string) string {
	const lo, hi = 200, 600
	want := lo + r.IntN(hi-lo-100)
	sb.Reset()
	expand(sb, openers[r.IntN(len(openers))], topic, region, country)
	breakAt := -1
	if r.IntN(12) == 0 {
		breakAt = 1 + r.IntN(2) // after the first or second sentence
	}
	used := uint64(0)
	length := utf8.RuneCountInString(sb.String())
	var next strings.Builder
	for sentences := 1; length < want; sentences++ {
		k := r.IntN(len(bodies))
		for used&(1<<k) != 0 {
			k = (k + 1) % len(bodies)
		}
		used |= 1 << k
		next.Reset()
		expand(&next, bodies[k], topic, region, country)
		n := utf8.RuneCountInString(next.String())
		if length+1+n > hi {
			break
		}
		if sentences == breakAt {
			sb.WriteString("\n\n")
			length += 2
		} else {
			sb.WriteByte(' ')
			length++
		}
		sb.WriteString(next.String())
		length += n
	}
	return sb.String()
}

// clock writes minutes after midnight as HH:MM.
func clock(m int) string {
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}
