package schedule

import (
	"testing"
	"unicode"
)

func TestNormalizeHeader(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"id", "id"},
		{"Session ID", "sessionid"},
		{"SESSION_ID", "sessionid"},
		{"session-id:", "sessionid"},
		{"Session #", "session"},
		{"session_no.", "sessionno"},
		{"SESSION NO", "sessionno"},
		{"  Start time (local)  ", "starttimelocal"},
		{"Declared minutes", "declaredminutes"},
		{"E-mail", "email"},
		{"SDG 9.1", "sdg91"},
		{"Beschreibung", "beschreibung"},
		{"Größe", "größe"},
		{"Día", "día"}, // accents are letters and stay
		{"\ufeffid", "id"},
		{"on\u00a0site", "onsite"},
		{"#*!?", ""},
	}
	for _, tt := range tests {
		if got := NormalizeHeader(tt.in); got != tt.want {
			t.Errorf("NormalizeHeader(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFieldForHeader(t *testing.T) {
	tests := []struct {
		header string
		want   Field // "" for no field
	}{
		{"id", FieldID},
		{"ID", FieldID},
		{"Session ID", FieldID},
		{"Session #", FieldID},
		{"Session No.", FieldID},
		{"session_number", FieldID},
		{"Code", FieldID},
		{"Title", FieldTitle},
		{"Session Title", FieldTitle},
		{"Name", FieldTitle},
		{"Type", FieldType},
		{"Session type", FieldType},
		{"Format", FieldFormat},
		{"Format and duration", FieldFormat},
		{"Declared minutes", FieldDeclaredMinutes},
		{"declared_minutes", FieldDeclaredMinutes},
		{"Date", FieldDate},
		{"Day", FieldDate},
		{"Datum", FieldDate},
		{"Start", FieldStart},
		{"Start time", FieldStart},
		{"START TIME", FieldStart},
		{"Time", FieldStart},
		{"From", FieldStart},
		{"Start time (local)", FieldStart},
		{"End", FieldEnd},
		{"End time", FieldEnd},
		{"To", FieldEnd},
		{"Until", FieldEnd},
		{"Timezone", FieldTimezone},
		{"Time zone", FieldTimezone},
		{"TZ", FieldTimezone},
		{"Room", FieldRoom},
		{"Venue", FieldRoom},
		{"Location", FieldRoom},
		{"Theme", FieldTheme},
		{"Issue(s)", FieldTheme},
		{"Track", FieldTheme},
		{"Subtheme", FieldSubtheme},
		{"Sub-theme", FieldSubtheme},
		{"IGF Sub-theme", FieldSubtheme},
		{"Description", FieldDescription},
		{"Abstract", FieldAbstract},
		{"Policy questions", FieldPolicyQuestions},
		{"Policy question", FieldPolicyQuestions},
		{"Expected outcomes", FieldExpectedOutcomes},
		{"Organizers", FieldOrganizers},
		{"Organisers", FieldOrganizers},
		{"Speakers", FieldSpeakers},
		{"Panelists", FieldSpeakers},
		{"Onsite Moderator", FieldOnsiteModerator},
		{"On-site moderator", FieldOnsiteModerator},
		{"Moderator", FieldOnsiteModerator},
		{"Chair", FieldOnsiteModerator},
		{"Online Moderator", FieldOnlineModerator},
		{"Remote moderator", FieldOnlineModerator},
		{"Rapporteur", FieldRapporteur},
		{"SDGs", FieldSDGs},
		{"SDG targets", FieldSDGs},
		{"Key Takeaways", FieldKeyTakeaways},
		{"Call to Action", FieldCallToAction},
		{"Session Report", FieldReport},
		{"Report", FieldReport},
		{"Tags", FieldTags},
		{"Keywords", FieldTags},
		{"Language", FieldLanguage},
		{"URL", FieldURL},
		{"Link", FieldURL},
		{"Duration", FieldDuration},
		{"Length", FieldDuration},
		{"Duration (minutes)", FieldDuration},
		// No field: kept as extras by the Builder.
		{"Interpretation", ""},
		{"Capacity", ""},
		{"Notes", ""},
		{"", ""},
		{"#", ""},
	}
	for _, tt := range tests {
		got, ok := FieldForHeader(tt.header)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FieldForHeader(%q) = %q, %v, want %q, %v", tt.header, got, ok, tt.want, tt.want != "")
		}
	}
}

// Every canonical column name reads back as its own field: the CSV that
// docket writes must map without a mapping file.
func TestFieldForHeaderCanonicalColumns(t *testing.T) {
	for _, f := range append(Columns[:len(Columns):len(Columns)], FieldDuration) {
		if got, ok := FieldForHeader(string(f)); !ok || got != f {
			t.Errorf("FieldForHeader(%q) = %q, %v, want %q", f, got, ok, f)
		}
	}
	if len(Columns) != 29 {
		t.Errorf("len(Columns) = %d, want 29 (the contract's column list: 27, then subtitle and abstract)", len(Columns))
	}
}

// An alias key that is not in normalised form can never match.
func TestHeaderAliasKeysAreNormalised(t *testing.T) {
	for k, f := range headerAliases {
		if n := NormalizeHeader(k); n != k {
			t.Errorf("alias %q (for %s) normalises to %q and can never match", k, f, n)
		}
		for _, r := range k {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				t.Errorf("alias %q has %q", k, r)
			}
		}
	}
}

func TestColumnName(t *testing.T) {
	tests := []struct {
		i    int
		want string
	}{
		{0, "A"}, {1, "B"}, {25, "Z"}, {26, "AA"}, {27, "AB"}, {51, "AZ"}, {52, "BA"},
		{701, "ZZ"}, {702, "AAA"}, {16383, "XFD"},
	}
	for _, tt := range tests {
		if got := ColumnName(tt.i); got != tt.want {
			t.Errorf("ColumnName(%d) = %q, want %q", tt.i, got, tt.want)
		}
	}
}

func TestFieldForHeaderDecorations(t *testing.T) {
	for h, want := range map[string]Field{
		"Room/Venue":       FieldRoom,
		"Duration (min)":   FieldDuration,
		"Start time (JST)": FieldStart,
		"Speakers [names]": FieldSpeakers,
		"Venue | Location": FieldRoom,
		"Notes (internal)": "",
		"Comments/Remarks": "",
	} {
		got, ok := FieldForHeader(h)
		if got != want || ok != (want != "") {
			t.Errorf("FieldForHeader(%q) = %q, %v; want %q", h, got, ok, want)
		}
	}
}

// TestOtherToolsHeaders: the headers other tools and events write (issue
// 16's list), in their own spelling.
func TestOtherToolsHeaders(t *testing.T) {
	for h, want := range map[string]Field{
		"Start Date": FieldDate, "Subject": FieldTitle, "event_start": FieldStart, "event_end": FieldEnd,
		"event_type": FieldType, "name": FieldTitle, "talk_title": FieldTitle, "speaker_name": FieldSpeakers,
		"submission_id": FieldID, "fullname": FieldSpeakers, "talk_format": FieldFormat, "Starts at": FieldStart,
		"Scheduled At": FieldStart, "Scheduled Duration": FieldDuration, "startsAt": FieldStart, "endsAt": FieldEnd,
		"Salle": FieldRoom, "Début": FieldStart, "Heure de fin": FieldEnd, "Durée": FieldDuration, "Intervenants": FieldSpeakers,
		"Ponentes": FieldSpeakers, "Título": FieldTitle, "Hora de inicio": FieldStart, "Palestrantes": FieldSpeakers,
		"Referent:innen": FieldSpeakers, "Raum": FieldRoom, "Beginn": FieldStart, "Ende": FieldEnd,
		"Typ": FieldType, "Tipo": FieldType, "Typ / Type": FieldType,
	} {
		if got, ok := FieldForHeader(h); !ok || got != want {
			t.Errorf("FieldForHeader(%q) = %q, %v; want %q", h, got, ok, want)
		}
	}
}
