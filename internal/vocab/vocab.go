// Package vocab holds the controlled vocabularies of a programme (stakeholder
// groups, UN regional groups, session types and formats, SDG targets),
// embedded from the CSV files in data/, with alias and near-miss lookup.
//
// Sources and licences of the data are in data/README.md; the SDG titles
// carry the MIT notice in data/LICENSE-open-sdg-sdg-translations-MIT.txt.
package vocab

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
	"golang.org/x/text/unicode/norm"
)

//go:embed data/*.csv
var data embed.FS

// Term is one entry of a vocabulary.
type Term struct {
	Name    string
	Aliases []string
	// Minutes are the allowed lengths of a session type or format.
	Minutes []int
	// Kind is "type" or "format" for session types; empty otherwise.
	Kind string
	// Title is the full wording, for SDG targets.
	Title string
}

// Vocabulary is a set of terms looked up by name or alias, case-, accent-
// and space-insensitively.
type Vocabulary struct {
	Name  string // what the vocabulary lists, e.g. "stakeholder group"
	Terms []*Term
	index map[string]*Term
	// byName holds the terms Get finds by their exact name: Get runs on
	// every person's stakeholder and region, and folding allocated.
	byName map[string]*Term
	// byAlias holds the terms Canonical finds by an alias as written.
	byAlias map[string]*Term

	cache  sync.Map // value -> *Match (nil for no match)
	cached atomic.Int64
}

// Match is the outcome of a lookup.
type Match struct {
	Term *Term
	// Exact reports whether the value was a name or alias; false means a
	// near miss (a likely typo) and Term is the suggestion.
	Exact bool
}

// Lookup finds the term a value names. It returns nil when the value is
// neither a name, an alias nor a near miss of one.
func (v *Vocabulary) Lookup(value string) *Match {
	// Programmes repeat the same few values on every row; the near-miss
	// search is the costly part, so results are remembered.
	if m, ok := v.cache.Load(value); ok {
		return m.(*Match)
	}
	m := v.lookup(value)
	if v.cached.Add(1) < maxCached {
		v.cache.Store(value, m)
	}
	return m
}

// maxCached bounds the lookup cache of a vocabulary: a million-row file of
// free text must not grow it without end.
const maxCached = 50000

func (v *Vocabulary) lookup(value string) *Match {
	key := Fold(value)
	if key == "" {
		return nil
	}
	if t, ok := v.index[key]; ok {
		return &Match{Term: t, Exact: true}
	}
	// A trailing abbreviation in brackets, "Western European and Others
	// Group (WEOG)", names the same group.
	if i := strings.LastIndexByte(key, '('); i > 0 && strings.HasSuffix(key, ")") {
		if t, ok := v.index[strings.TrimSpace(key[:i])]; ok {
			return &Match{Term: t, Exact: true}
		}
	}
	if t := v.nearest(key); t != nil {
		return &Match{Term: t}
	}
	return nil
}

// Canonical returns the canonical name of value if it is a name or alias,
// and value unchanged otherwise.
func (v *Vocabulary) Canonical(value string) string {
	if t := v.byName[value]; t != nil {
		return t.Name // already canonical: the common case, without the cache
	}
	if t := v.byAlias[value]; t != nil {
		return t.Name
	}
	if m := v.Lookup(value); m != nil && m.Exact {
		return m.Term.Name
	}
	return value
}

// Get returns the term with exactly this canonical name.
func (v *Vocabulary) Get(name string) *Term {
	return v.byName[name]
}

// nearest returns the term whose name or alias is within a small edit
// distance of key, scaled to the length so that short aliases ("CS") do not
// match everything.
func (v *Vocabulary) nearest(key string) *Term {
	if len(key) < 5 {
		return nil
	}
	best, bestD := (*Term)(nil), 0
	for k, t := range v.index {
		if len(k) < 5 {
			continue
		}
		limit := 1
		if len(k) >= 9 {
			limit = 2
		}
		if len(k) >= 16 {
			limit = 3
		}
		if abs(len(k)-len(key)) > limit {
			continue
		}
		if d := Distance(key, k, limit); d <= limit && (best == nil || d < bestD || (d == bestD && t.Name < best.Name)) {
			best, bestD = t, d
		}
	}
	return best
}

func (v *Vocabulary) add(t *Term) {
	v.Terms = append(v.Terms, t)
	for _, k := range append([]string{t.Name}, t.Aliases...) {
		if f := Fold(k); f != "" {
			if _, dup := v.index[f]; !dup {
				v.index[f] = t
			}
		}
	}
	// An index entry never changes once made, so what Get finds by the
	// folded name is known now.
	if v.index[Fold(t.Name)] == t {
		v.byName[t.Name] = t
	}
	// So is what an alias, spelled as the vocabulary spells it, names:
	// Canonical finds it without the lookup cache, whose sync.Map cost
	// 3% of converting a file that writes "IGO" or "APG" on every row.
	for _, a := range t.Aliases {
		if v.index[Fold(a)] == t && v.byName[a] == nil {
			v.byAlias[a] = t
		}
	}
}

// Fold normalises a value for comparison: lower case, accents removed,
// whitespace collapsed, "&" read as "and".
func Fold(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if folded, ok := foldASCII(s); ok {
		return folded
	}
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == '&' { // not a sentinel 0: a NUL in the text is no "&"
			b.WriteString("and")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldASCII is Fold for pure ASCII text, without the Unicode
// decomposition; it reports false when s has other characters.
func foldASCII(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	b := make([]byte, 0, len(s)+4)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		if c == '&' {
			b = append(b, "and"...)
			continue
		}
		b = append(b, c)
	}
	return string(b), true
}

// Distance is the Levenshtein distance of a and b, giving up (returning
// limit+1) once it must exceed limit.
func Distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// SubstringDistance is the least Levenshtein distance of pattern to any
// part of text ("roon k" is 1 from "ws 7 – room k"), giving up (returning
// limit+1) once it must exceed limit.
func SubstringDistance(pattern, text string, limit int) int {
	rp, rt := []rune(pattern), []rune(text)
	// Rows follow the pattern, columns the text; a match may start at
	// any column (the first row is all 0) and end at any (the least of
	// the last row).
	prev := make([]int, len(rt)+1)
	cur := make([]int, len(rt)+1)
	for i := 1; i <= len(rp); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rt); j++ {
			cost := 1
			if rp[i-1] == rt[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	best := len(rp)
	for _, d := range prev {
		best = min(best, d)
	}
	return min(best, limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

var (
	loadOnce sync.Once
	stake    *Vocabulary
	regions  *Vocabulary
	types    *Vocabulary
	formats  *Vocabulary
	sdgs     *Vocabulary
	sdgGoals map[int]string
)

// Stakeholders is the vocabulary of stakeholder groups.
func Stakeholders() *Vocabulary { loadOnce.Do(load); return stake }

// Regions is the vocabulary of UN regional groups.
func Regions() *Vocabulary { loadOnce.Do(load); return regions }

// Types is the vocabulary of session types (Workshop, Open Forum...).
func Types() *Vocabulary { loadOnce.Do(load); return types }

// Formats is the vocabulary of session formats (Panel, Round Table...).
func Formats() *Vocabulary { loadOnce.Do(load); return formats }

// SDGTargets is the vocabulary of the 169 SDG targets, keyed by code ("9.1").
func SDGTargets() *Vocabulary { loadOnce.Do(load); return sdgs }

// IsSDGTarget reports whether code is one of the 169 targets. Codes match
// exactly (after trimming and lower-casing letters): "16.11" is no target
// even though it is one edit away from "16.1".
func IsSDGTarget(code string) bool {
	loadOnce.Do(load)
	_, ok := sdgs.index[Fold(code)]
	return ok
}

// SDGGoal returns the short name of goal n ("Quality education").
func SDGGoal(n int) string { loadOnce.Do(load); return sdgGoals[n] }

// moreStakeholderAliases are short forms organizer sheets use that the
// shared vocabulary file does not list (DESIGN.md names CS and IGO).
var moreStakeholderAliases = map[string][]string{
	"Civil Society":                  {"CS"},
	"Technical Community":            {"Tech", "Technical Community (Academia)"},
	"Intergovernmental Organization": {"IO", "IOs"},
}

// moreRegionAliases: the African Group has no official abbreviation, but
// organizer sheets write AG beside APG, EEG, GRULAC and WEOG.
var moreRegionAliases = map[string][]string{
	"African Group": {"AG"},
}

func newVocabulary(name string) *Vocabulary {
	return &Vocabulary{Name: name, index: map[string]*Term{}, byName: map[string]*Term{}, byAlias: map[string]*Term{}}
}

// Rows of the vocabulary files, read with gocsv: the files are small, read
// once, and their columns are named, which is what struct tags are for.
type (
	stakeholderRow struct {
		Name    string `csv:"name"`
		Aliases string `csv:"aliases"`
	}
	regionRow struct {
		Name         string `csv:"name"`
		Abbreviation string `csv:"abbreviation"`
		Aliases      string `csv:"aliases"`
	}
	typeRow struct {
		Name    string `csv:"name"`
		Aliases string `csv:"aliases"`
		Kind    string `csv:"kind"`
		Minutes string `csv:"allowed_minutes"`
	}
	targetRow struct {
		Target string `csv:"target"`
		Title  string `csv:"title"`
	}
	goalRow struct {
		Goal int    `csv:"goal"`
		Name string `csv:"goal_name"`
	}
)

func load() {
	stake = newVocabulary("stakeholder group")
	for _, r := range readCSV[stakeholderRow]("stakeholder_groups.csv") {
		stake.add(&Term{Name: r.Name, Aliases: append(split(r.Aliases), moreStakeholderAliases[r.Name]...)})
	}
	regions = newVocabulary("regional group")
	for _, r := range readCSV[regionRow]("regional_groups.csv") {
		aliases := append(split(r.Aliases), moreRegionAliases[r.Name]...)
		if r.Abbreviation != "" {
			aliases = append(aliases, r.Abbreviation)
		}
		regions.add(&Term{Name: r.Name, Aliases: aliases})
	}
	types = newVocabulary("session type")
	formats = newVocabulary("session format")
	for _, r := range readCSV[typeRow]("session_types.csv") {
		t := &Term{Name: r.Name, Aliases: split(r.Aliases), Kind: r.Kind}
		for _, m := range split(r.Minutes) {
			if n, err := strconv.Atoi(m); err == nil {
				t.Minutes = append(t.Minutes, n)
			}
		}
		if t.Kind == "format" {
			formats.add(t)
		} else {
			types.add(t)
		}
	}
	sdgs = newVocabulary("SDG target")
	for _, r := range readCSV[targetRow]("sdg_targets.csv") {
		sdgs.add(&Term{Name: r.Target, Title: r.Title})
	}
	sdgGoals = map[int]string{}
	for _, r := range readCSV[goalRow]("sdg_goals.csv") {
		sdgGoals[r.Goal] = r.Name
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// readCSV reads an embedded vocabulary file. The files are part of the
// binary, so a failure is a build defect and panics at first use.
func readCSV[T any](name string) []T {
	raw, err := data.ReadFile("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("vocab: %v", err))
	}
	var rows []T
	if err := gocsv.UnmarshalBytes(raw, &rows); err != nil || len(rows) == 0 {
		panic(fmt.Sprintf("vocab: reading %s: %v", name, err))
	}
	return rows
}
