package schedule

import (
	"fmt"
	"strings"

	"github.com/docket-forum/docket/internal/vocab"
)

// The profiles: the sets of rules a programme is checked with.
const (
	// ProfileIGF checks the IGF's vocabularies (session types, stakeholder
	// groups, regional groups, SDG targets) and norms (a moderator,
	// speakers from several stakeholder groups).
	ProfileIGF = "igf"
	// ProfileGeneric checks what every programme needs: times, rooms,
	// overlaps, ids, text.
	ProfileGeneric = "generic"
)

// Profiles are the profiles a setting may name.
var Profiles = []string{ProfileIGF, ProfileGeneric}

// igfFields are columns only a programme in the IGF's shape has.
var igfFields = map[int]bool{nSDGs: true, nPolicyQuestions: true, nExpectedOutcomes: true, nKeyTakeaways: true,
	nCallToAction: true, nOnlineModerator: true, nRapporteur: true, nSubtheme: true, nParticipation: true}

// decideProfile settles the programme's profile: the one set, or the IGF's
// when the file speaks its vocabulary (persons in its packed form, an
// IGF-only column, an IGF session type in the rows read ahead), generic
// otherwise, so that a tech conference's programme is not told about
// stakeholder groups. The note says which and why.
func (b *Builder) decideProfile(rows []Row, packed bool) {
	if b.opts.Profile != "" {
		b.prog.Profile = b.opts.Profile
		return
	}
	why := ""
	switch {
	case packed:
		why = "persons are in the IGF packed form"
	default:
		for i, c := range b.cols {
			if c.num >= 0 && igfFields[c.num] && filledIn(rows, i) {
				why = fmt.Sprintf("column %s (%s) is an IGF programme's", ColumnName(i), c.header)
				break
			}
		}
	}
	if why == "" {
		for i, c := range b.cols {
			if c.num != nType {
				continue
			}
			for _, r := range rows {
				if i < len(r.Cells) && strings.TrimSpace(r.Cells[i]) != "" && vocab.Types().Get(r.Cells[i]) != nil {
					why = fmt.Sprintf("row %d's type %q is an IGF session type", r.Num, strings.TrimSpace(r.Cells[i]))
					break
				}
			}
		}
	}
	if why != "" {
		b.prog.Profile = ProfileIGF
		b.note("checked with the igf profile (its vocabularies and norms): " + why)
		return
	}
	b.prog.Profile = ProfileGeneric
	b.note("checked with the generic profile (times, rooms, overlaps, ids, text): nothing in the first rows speaks the IGF's vocabulary; event.profile igf checks the IGF's")
}

// filledIn reports whether a row of rows has a value in column i: an
// IGF-only column that stays empty, as every column of docket's own CSV
// is there, says nothing of the programme.
func filledIn(rows []Row, i int) bool {
	for _, r := range rows {
		if i < len(r.Cells) && strings.TrimSpace(r.Cells[i]) != "" {
			return true
		}
	}
	return false
}
