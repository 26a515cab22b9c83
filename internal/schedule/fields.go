package schedule

import (
	"strings"
	"unicode"
)

// Field names a value of the model. Its string is the canonical snake_case
// column name of the CSV/XLSX contract.
type Field string

// The fields a column can map to.
const (
	FieldID               Field = "id"
	FieldTitle            Field = "title"
	FieldType             Field = "type"
	FieldFormat           Field = "format"
	FieldDeclaredMinutes  Field = "declared_minutes"
	FieldDate             Field = "date"
	FieldStart            Field = "start"
	FieldEnd              Field = "end"
	FieldTimezone         Field = "timezone"
	FieldRoom             Field = "room"
	FieldTheme            Field = "theme"
	FieldSubtheme         Field = "subtheme"
	FieldDescription      Field = "description"
	FieldPolicyQuestions  Field = "policy_questions"
	FieldExpectedOutcomes Field = "expected_outcomes"
	FieldOrganizers       Field = "organizers"
	FieldSpeakers         Field = "speakers"
	FieldOnsiteModerator  Field = "onsite_moderator"
	FieldOnlineModerator  Field = "online_moderator"
	FieldRapporteur       Field = "rapporteur"
	FieldSDGs             Field = "sdgs"
	FieldKeyTakeaways     Field = "key_takeaways"
	FieldCallToAction     Field = "call_to_action"
	FieldReport           Field = "report"
	FieldTags             Field = "tags"
	FieldLanguage         Field = "language"
	FieldURL              Field = "url"
	FieldSubtitle         Field = "subtitle"
	FieldAbstract         Field = "abstract"

	// FieldDuration is an input-only column: a length that gives the end
	// when there is no end column.
	FieldDuration Field = "duration"

	// FieldParticipation is an input-only column of a sessions sheet: the
	// speakers' participation (on-site or online), one value for all of
	// them or one per speaker in order.
	FieldParticipation Field = "participation"

	// FieldGender is an input-only column of a sessions sheet: the
	// speakers' genders, one value for all of them or one per speaker in
	// order. Like participation it is also kept as an extra column.
	FieldGender Field = "gender"

	// FieldEndDate is an input-only column: the day a session ends, when it
	// is not the day it starts (Google Calendar's End Date, a multi-day
	// workshop). Like duration it is also kept as an extra column.
	FieldEndDate Field = "end_date"

	// FieldAllDay is an input-only column: whether a session without
	// times takes the whole of its days (Google Calendar's All Day Event).
	// Like duration it is also kept as an extra column.
	FieldAllDay Field = "all_day"

	// FieldExtra is what a mapping file names to keep a column as an extra
	// even when its header is a known alias.
	FieldExtra Field = "extra"
)

// Columns is the canonical column order of the CSV and XLSX contract.
var Columns = []Field{
	FieldID, FieldTitle, FieldType, FieldFormat, FieldDeclaredMinutes,
	FieldDate, FieldStart, FieldEnd, FieldTimezone, FieldRoom,
	FieldTheme, FieldSubtheme, FieldDescription, FieldPolicyQuestions, FieldExpectedOutcomes,
	FieldOrganizers, FieldSpeakers, FieldOnsiteModerator, FieldOnlineModerator, FieldRapporteur,
	FieldSDGs, FieldKeyTakeaways, FieldCallToAction, FieldReport, FieldTags, FieldLanguage, FieldURL,
	// Added after the first release: new columns go last, never between.
	FieldSubtitle, FieldAbstract,
}

// headerAliases maps a normalised header (see NormalizeHeader) to its field.
// Canonical names are added by init.
var headerAliases = map[string]Field{
	"sessionid": FieldID, "session": FieldID, "sessionno": FieldID, "sessionnumber": FieldID,
	"sessionnr": FieldID, "code": FieldID, "sessioncode": FieldID, "ref": FieldID, "reference": FieldID,
	"sessiontitle": FieldTitle, "name": FieldTitle, "sessionname": FieldTitle, "titel": FieldTitle,
	"sessiontype": FieldType, "kind": FieldType, "category": FieldType,
	"sessionformat": FieldFormat, "formatandduration": FieldFormat, "formatduration": FieldFormat,
	"declaredminutes": FieldDeclaredMinutes, "declaredlength": FieldDeclaredMinutes, "declaredduration": FieldDeclaredMinutes,
	"day": FieldDate, "sessiondate": FieldDate, "datum": FieldDate,
	"starttime": FieldStart, "starts": FieldStart, "begin": FieldStart, "begins": FieldStart, "from": FieldStart,
	"time": FieldStart, "startdatetime": FieldStart, "starttimelocal": FieldStart, "uhrzeit": FieldStart,
	"endtime": FieldEnd, "ends": FieldEnd, "to": FieldEnd, "until": FieldEnd, "finish": FieldEnd, "enddatetime": FieldEnd,
	"tz": FieldTimezone, "zone": FieldTimezone, "timezonename": FieldTimezone,
	"venue": FieldRoom, "location": FieldRoom, "hall": FieldRoom, "roomname": FieldRoom, "ort": FieldRoom,
	"issue": FieldTheme, "issues": FieldTheme, "track": FieldTheme, "topic": FieldTheme, "mainissue": FieldTheme,
	"subtopic": FieldSubtheme, "subtrack": FieldSubtheme, "igfsubtheme": FieldSubtheme,
	"summary": FieldDescription, "sessiondescription": FieldDescription, "beschreibung": FieldDescription,
	"policyquestion": FieldPolicyQuestions,
	"outcomes":       FieldExpectedOutcomes, "expectedoutcome": FieldExpectedOutcomes,
	"organisers": FieldOrganizers, "organizer": FieldOrganizers, "organiser": FieldOrganizers, "organizingteam": FieldOrganizers,
	"speaker": FieldSpeakers, "panelists": FieldSpeakers, "panellists": FieldSpeakers, "presenters": FieldSpeakers,
	"presenter": FieldSpeakers, "persons": FieldSpeakers, "people": FieldSpeakers, "vortragende": FieldSpeakers,
	"moderator": FieldOnsiteModerator, "moderators": FieldOnsiteModerator, "onsitemoderators": FieldOnsiteModerator, "chair": FieldOnsiteModerator,
	"remotemoderator": FieldOnlineModerator, "onlinemoderators": FieldOnlineModerator, "virtualmoderator": FieldOnlineModerator,
	"rapporteurs": FieldRapporteur, "notetaker": FieldRapporteur,
	"sdg": FieldSDGs, "sdgtargets": FieldSDGs, "targets": FieldSDGs, "sdgtarget": FieldSDGs,
	"keytakeaway": FieldKeyTakeaways, "takeaways": FieldKeyTakeaways,
	"calltoactions": FieldCallToAction, "calltoaction": FieldCallToAction,
	"sessionreport": FieldReport,
	"keywords":      FieldTags, "tag": FieldTags,
	"lang": FieldLanguage, "sprache": FieldLanguage,
	"link": FieldURL, "website": FieldURL, "sessionurl": FieldURL, "sessionlink": FieldURL, "web": FieldURL,
	"length": FieldDuration, "minutes": FieldDuration, "durationminutes": FieldDuration, "dauer": FieldDuration,
	"participation": FieldParticipation, "speakerparticipation": FieldParticipation, "speakersparticipation": FieldParticipation,
	"attendance": FieldParticipation, "onsiteonline": FieldParticipation, "onlineonsite": FieldParticipation,
	"speakergender": FieldGender, "speakersgender": FieldGender, "genders": FieldGender, "speakergenders": FieldGender,

	// What other tools and events write (Sched, Sessionize, pretalx,
	// Google Calendar's import CSV, voctosched, conference websites), in
	// snake_case and camelCase alike once normalised.
	"submissionid": FieldID, "talkid": FieldID, "eventid": FieldID, "eventkey": FieldID, "sessionkey": FieldID,
	"subject": FieldTitle, "talktitle": FieldTitle, "eventtitle": FieldTitle, "eventname": FieldTitle, "talk": FieldTitle,
	"talkname": FieldTitle, "submissiontitle": FieldTitle,
	"eventtype": FieldType, "talktype": FieldType, "submissiontype": FieldType, "sessiontypes": FieldType,
	"talkformat": FieldFormat,
	"startdate":  FieldDate, "eventdate": FieldDate,
	"eventstart": FieldStart, "startsat": FieldStart, "scheduledat": FieldStart, "startat": FieldStart,
	"startingat": FieldStart, "timestart": FieldStart, "starttimes": FieldStart,
	"eventend": FieldEnd, "endsat": FieldEnd, "endat": FieldEnd, "endingat": FieldEnd, "timeend": FieldEnd,
	"scheduledduration": FieldDuration, "durationinminutes": FieldDuration, "lengthminutes": FieldDuration,
	"eventlocation": FieldRoom, "roomnames": FieldRoom, "stage": FieldRoom, "space": FieldRoom,
	"speakername": FieldSpeakers, "speakernames": FieldSpeakers, "speakersnames": FieldSpeakers, "fullname": FieldSpeakers,
	"authors": FieldSpeakers, "author": FieldSpeakers, "hosts": FieldSpeakers, "host": FieldSpeakers,
	"trackname": FieldTheme, "tracks": FieldTheme, "eventtrack": FieldTheme,
	"enddate": FieldEndDate, "enddatum": FieldEndDate, "bisdatum": FieldEndDate, "datedefin": FieldEndDate,
	"fechadefin": FieldEndDate, "fechafin": FieldEndDate, "datafinal": FieldEndDate, "datadetermino": FieldEndDate,
	"alldayevent": FieldAllDay, "allday": FieldAllDay, "isallday": FieldAllDay, "ganztägig": FieldAllDay, "ganztagig": FieldAllDay,
	"untertitel": FieldSubtitle, "soustitre": FieldSubtitle, "subtítulo": FieldSubtitle, "subtitulo": FieldSubtitle,
	"teaser": FieldAbstract, "kurzbeschreibung": FieldAbstract, "zusammenfassung": FieldAbstract, "résumécourt": FieldAbstract,
	"eventdescription": FieldDescription, "talkdescription": FieldDescription, "details": FieldDescription,
	"eventurl": FieldURL, "talkurl": FieldURL,
	// German, French, Spanish and Portuguese, with and without accents.
	"beginn": FieldStart, "anfang": FieldStart, "startzeit": FieldStart, "ende": FieldEnd, "endzeit": FieldEnd,
	"raum": FieldRoom, "saal": FieldRoom, "referent": FieldSpeakers, "referenten": FieldSpeakers, "referentinnen": FieldSpeakers,
	"sprecher": FieldSpeakers, "vortrag": FieldTitle, "thema": FieldTheme, "dauerminuten": FieldDuration, "typ": FieldType,
	"titre": FieldTitle, "intervenants": FieldSpeakers, "intervenant": FieldSpeakers, "orateurs": FieldSpeakers,
	"salle": FieldRoom, "lieu": FieldRoom, "début": FieldStart, "debut": FieldStart, "heurededébut": FieldStart,
	"heurededebut": FieldStart, "fin": FieldEnd, "heuredefin": FieldEnd, "durée": FieldDuration, "duree": FieldDuration,
	"jour": FieldDate, "résumé": FieldDescription, "thème": FieldTheme, "theme": FieldTheme, "langue": FieldLanguage,
	"título": FieldTitle, "titulo": FieldTitle, "ponentes": FieldSpeakers, "ponente": FieldSpeakers,
	"oradores": FieldSpeakers, "sala": FieldRoom, "inicio": FieldStart, "início": FieldStart, "horainicio": FieldStart,
	"horadeinicio": FieldStart, "horafin": FieldEnd, "horadefin": FieldEnd, "duración": FieldDuration,
	"duracion": FieldDuration, "fecha": FieldDate, "descripción": FieldDescription, "descripcion": FieldDescription,
	"idioma": FieldLanguage, "tipo": FieldType, "palestrantes": FieldSpeakers, "palestrante": FieldSpeakers, "término": FieldEnd,
	"termino": FieldEnd, "duração": FieldDuration, "duracao": FieldDuration,
	"descrição": FieldDescription, "descricao": FieldDescription, "tema": FieldTheme,
}

func init() {
	for _, f := range Columns {
		headerAliases[NormalizeHeader(string(f))] = f
	}
	headerAliases[NormalizeHeader(string(FieldDuration))] = FieldDuration
	headerAliases[NormalizeHeader(string(FieldParticipation))] = FieldParticipation
	headerAliases[NormalizeHeader(string(FieldGender))] = FieldGender
	headerAliases[NormalizeHeader(string(FieldEndDate))] = FieldEndDate
	headerAliases[NormalizeHeader(string(FieldAllDay))] = FieldAllDay
}

// inputOnly reports whether f informs other fields without a column of its
// own in the contract; such a column is also kept as it was written.
func inputOnly(f Field) bool {
	return f == FieldDuration || f == FieldParticipation || f == FieldGender || f == FieldEndDate || f == FieldAllDay
}

// NormalizeHeader folds a header cell for matching: lower case, letters and
// digits only ("Session #", "session_no." and "SESSION NO" all become
// "sessionno" or "session").
func NormalizeHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FieldForHeader returns the field a header names, and whether it names one.
//
// A header no alias names whole is tried in parts: "Room/Venue" by its
// alternatives and "Duration (min)" without its bracketed unit, so that the
// usual decorations of a header do not hide a known column.
func FieldForHeader(h string) (Field, bool) {
	if f, ok := headerAliases[NormalizeHeader(h)]; ok {
		return f, true
	}
	if i := strings.IndexAny(h, "(["); i > 0 {
		if f, ok := headerAliases[NormalizeHeader(h[:i])]; ok {
			return f, true
		}
	}
	parts := strings.FieldsFunc(h, func(r rune) bool { return r == '/' || r == '|' || r == '\n' })
	if len(parts) > 1 {
		for _, p := range parts {
			if f, ok := headerAliases[NormalizeHeader(p)]; ok {
				return f, true
			}
		}
	}
	// "Speaker 1", "Speaker 2"...: numbered columns of a list field.
	if n := strings.TrimRight(NormalizeHeader(h), "0123456789"); n != NormalizeHeader(h) {
		if f, ok := headerAliases[n]; ok && IsListField(f) {
			return f, true
		}
	}
	return "", false
}

// IsListField reports whether a field holds a list, so that several
// columns of it ("Speaker 1", "Speaker 2") add up instead of the later
// ones being extras.
func IsListField(f Field) bool {
	switch f {
	case FieldOrganizers, FieldSpeakers, FieldSDGs, FieldTags:
		return true
	}
	return false
}
