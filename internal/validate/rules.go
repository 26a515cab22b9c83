package validate

import "github.com/docket-forum/docket/internal/schedule"

// Rule describes one check.
type Rule struct {
	Name     string
	Severity Severity
	Summary  string
	Doc      string
}

// Rules lists every rule, in the order `docket rules` shows them.
var Rules = []Rule{
	{schedule.RuleMissingField, Error, "a required value is empty",
		"Every session needs an id and a title; a scheduled session also needs a start, an end and a room. " +
			"The finding names the empty column. Sessions without a start are reported too, since a programme " +
			"cannot place them."},
	{schedule.RuleNoSessions, Warning, "a file with a header but no sessions",
		"A file whose header was found but which has no session below it (an emptied template, a filter " +
			"that kept nothing) would pass every other rule; it is reported once, at its header. When warnings count as errors " +
			"(strict checking), it is an error."},
	{schedule.RuleDuplicateID, Error, "two sessions share an id",
		"Session ids must be unique within the programme (compared case-insensitively): calendar and app " +
			"exports derive their stable identifiers from them, so a repeat would merge two sessions. " +
			"The finding is on the later row and names the first."},
	{schedule.RuleBadTime, Error, "a date, time, length or time zone that cannot be read",
		"Dates are read as YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or written out (11 October 2023); times as " +
			"HH:MM, H:MM AM/PM or Excel time cells; zones as IANA names (Asia/Tokyo). The message quotes the " +
			"value that could not be read."},
	{schedule.RuleAmbiguousTime, Warning, "a time that happens twice in its zone (the clocks go back)",
		"On the night clocks go back, an hour of wall-clock times happens twice: 02:30 on 26 October 2025 " +
			"in Europe/Berlin is 02:30 summer time and, an hour later, 02:30 winter time. The finding says " +
			"which of the two was read; writing the time with its offset (2025-10-26T02:30+01:00) chooses. " +
			"A time the clocks skip when they go forward is a bad-time error."},
	{schedule.RuleAmbiguousDate, Warning, "slash dates that could be day or month first, and no date tells",
		"A date such as 05/03/2019 is 5 March or 3 May. docket reads a file's slash dates in the order the " +
			"first date that only one order can read (13/03/2019) shows; when none does, it reads them month " +
			"first for a programme in a zone of the United States or the Philippines, day first elsewhere, and " +
			"reports this once, at the first such date. Write dates as YYYY-MM-DD, or set input.date-order."},
	{schedule.RuleEndBeforeStart, Error, "end not after start",
		"A session must end after it starts. An end earlier in the day than the start is read as the next " +
			"day only when the gap is more than twelve hours (23:00-01:00); a short backwards range is a typo."},
	{schedule.RuleDurationMismatch, Warning, "actual length differs from the declared one",
		"The format text \"Panel - 60 Min\" or the declared_minutes column declares a length; the session's " +
			"start and end give another."},
	{schedule.RuleRoomOverlap, Error, "two sessions in one room at overlapping times",
		"Rooms are compared after case, accent and space folding. Sessions that merely touch (one ends at " +
			"10:00, the next starts at 10:00) do not overlap. A room a Rooms sheet or [[rooms]] marks shared " +
			"(an exhibition hall, a booth area) hosts several sessions at once and is not checked. Found by " +
			"sorting and sweeping, never by comparing all pairs."},
	{schedule.RulePersonOverlap, Error, "one person in two overlapping sessions",
		"A speaker, organizer, moderator or rapporteur named in two sessions whose times overlap. Names are " +
			"compared after case, accent and whitespace folding, so \"José Núñez\" and \"jose  nunez\" are one " +
			"person. One person in two roles of the same session is fine."},
	{schedule.RuleOverCapacity, Warning, "more expected than the room holds",
		"A session's expected attendance (an \"Expected attendance\" column) above the capacity of its room, " +
			"as a Rooms sheet or the settings file's [[rooms]] gives it. Exactly the capacity is fine; a room " +
			"without a capacity is not judged. An attendance or a capacity that is no number is reported too."},
	{schedule.RuleMissingEquipment, Error, "a session needs what its room lacks",
		"A session's needs (a \"Needs\" or \"Requirements\" column: interpretation, streaming...) that are " +
			"not among its room's features, as a Rooms sheet or [[rooms]] lists them. Needs and features are " +
			"compared after case, accent and space folding; one finding names every need missing."},
	{schedule.RulePersonUnavailable, Error, "a person in a session when they are unavailable",
		"An Availability sheet or [[availability]] gives windows when a person is unavailable, or the only " +
			"windows when they are available. A speaker, moderator or rapporteur whose session overlaps an " +
			"unavailable window, or is not within one of their available windows, is reported. A window that " +
			"ends when the session starts does not overlap it. Found by sorting, never by comparing all pairs."},
	{schedule.RuleRoomUnavailable, Error, "a session in a room when the room is unavailable",
		"As person-unavailable, for a window whose who is a room: a session in the room during an unavailable " +
			"window, or outside the room's available windows."},
	{schedule.RuleUnknownType, Warning, "a session type outside the vocabulary",
		"Session types are the IGF's (Workshop, Open Forum, Town Hall, Lightning Talk...) and their aliases " +
			"(WS, OF...). A near miss gets a \"did you mean\" hint."},
	{schedule.RuleUnknownStakeholder, Warning, "a stakeholder group outside the vocabulary",
		"Stakeholder groups are Government, Civil Society, Private Sector, Technical Community, " +
			"Intergovernmental Organization and Media, with aliases (CS, Gov, Academia...). A typo such as " +
			"\"Civil Socity\" gets \"did you mean Civil Society?\"."},
	{schedule.RuleUnknownRegion, Warning, "a regional group outside the vocabulary",
		"Regions are the five UN regional groups (African Group, Asia-Pacific Group, Eastern European Group, " +
			"GRULAC, WEOG) and the IGF's Intergovernmental Organizations, with their abbreviations and aliases."},
	{schedule.RuleBadSDG, Error, "not one of the 169 SDG targets",
		"SDG targets are written GOAL.TARGET (9.1, 16.a). 16.11 and 18.1 do not exist. Beware that Excel " +
			"turns a typed 17.10 into the number 17.1: format the column as text."},
	{schedule.RuleOutsideEvent, Error, "a session outside the event's days",
		"Given the event's first and last day (event.days 2023-10-08..2023-10-12, or a programme that " +
			"names them), a session whose start falls before the first or after the last day, in the " +
			"session's own zone, is reported. Without event days the rule does nothing."},
	{schedule.RuleBadEmail, Warning, "an email that is no address",
		"An email must have one @ with text before it and a domain with a dot after it. The \"[email protected]\" " +
			"that web copies of an IGF page leave where an address was hidden is reported as such."},
	{schedule.RuleNoModerator, Warning, "a session without any moderator",
		"A scheduled session with neither an on-site nor an online moderator. Ceremonies, lightning talks, " +
			"launches and awards, and sessions with a single speaker are exempt."},
	{schedule.RuleSingleStakeholder, Warning, "all speakers from one stakeholder group",
		"The IGF asks for multistakeholder sessions: a session with two or more speakers whose known " +
			"stakeholder groups are all the same is reported. Speakers without a known group are not judged."},
	{schedule.RuleTextHygiene, Warning, "stray spaces, invisible characters, mojibake, HTML in text",
		"Doubled or leading/trailing spaces in names, titles and rooms; non-breaking and zero-width spaces " +
			"anywhere; mojibake such as \"CafÃ©\" (UTF-8 read in the wrong encoding); HTML tags or entities left " +
			"in text; control characters; and invisible text-direction overrides, which can make one name look " +
			"like another. One finding per cell, naming everything found in it."},
	{schedule.RuleUnclosedQuote, Error, "a quote that is never closed takes in the rows below it",
		"In CSV and TSV a quoted cell may hold line breaks, so a cell that opens with a quote and never " +
			"closes it runs to the end of the file: the rows below become text in that cell and are no sessions. " +
			"The finding names the row and column where the quote opens and how many lines it took in; close the " +
			"quote (or double a quote that is part of the text) and read the file again."},
	{schedule.RuleUnknownParticipation, Warning, "a participation that is neither on-site nor online",
		"Participation is read from a person's brackets ((online), (virtual), (remote), (on-site), (in person)) " +
			"or from a participation column: one value for all speakers or one per speaker, in order."},
	{schedule.RuleUnknownSession, Warning, "a person sheet row names a session the programme lacks",
		"A Speakers sheet joins persons to sessions by id; a row whose id matches no session is not used."},
	{schedule.RuleExtraPerson, Warning, "a one-person column names several persons",
		"The on-site moderator, online moderator and rapporteur columns hold one person each; the first is " +
			"used and the others are kept in an extra column so that nothing is lost."},
	{schedule.RulePersonOverbooked, Warning, "a person in more sessions than [constraints] allows",
		"With max-sessions-per-person = N under [constraints] in docket.toml, a speaker, moderator or rapporteur " +
			"(organizers need not attend) named in more than N sessions is reported on each session past the Nth, " +
			"taken by start (unscheduled sessions last, in input order); the message gives the count and the " +
			"sessions before it. Names are folded as for person-overlap, and a person in two roles of one session " +
			"counts once. The limit is the event's own choice: without the setting the rule finds nothing, in " +
			"every profile."},
	{schedule.RuleOrganizationOverbooked, Warning, "one organisation's speakers in more sessions than [constraints] allows",
		"With max-sessions-per-organization = N under [constraints], an organisation whose speakers are in more " +
			"than N sessions is reported on each session past the Nth, taken by start (unscheduled sessions last). " +
			"Organisations are the speakers' (\"Name, Role, Organisation, ...\"), compared after case, accent and " +
			"space folding; two speakers of one organisation in a session count once. Without the setting the rule " +
			"finds nothing."},
	{schedule.RuleTightChange, Warning, "too little time to change rooms between a person's sessions",
		"With min-change-minutes = N under [constraints], a speaker, moderator or rapporteur whose session starts " +
			"less than N minutes after the end of their previous one, in another room, is reported on the later " +
			"session. Each person's sessions are sorted by start, so the check is O(n log n); times are absolute, so " +
			"a change across midnight counts its real minutes. Overlapping sessions are person-overlap's, and " +
			"sessions in the same room (or without a room) need no change. Without the setting the rule finds nothing."},
	{schedule.RuleTooFewSpeakers, Warning, "fewer speakers than the session's type needs",
		"[constraints.min-speakers] maps a session type to the fewest speakers it needs (Workshop = 3); types are " +
			"matched after case, accent and space folding, and in the igf profile by their aliases too (WS is Workshop). The igf " +
			"profile requires 3 speakers for a Workshop: a proposal \"must have at least 3 provisionally confirmed " +
			"speakers\" (IGF 2023 Workshop Submission and Review Process, minimum criteria; intgovforum.org). A " +
			"type set to 0 is not checked. The generic profile requires nothing unless configured."},
	{schedule.RuleSingleGender, Warning, "all speakers of one gender",
		"A session with two or more speakers whose genders (a gender column, or a person's gender in docket's " +
			"JSON) are all known and all the same is reported. A speaker without a known gender (female, male or " +
			"non-binary and their spellings) leaves the session unjudged. The igf profile checks Workshops: a " +
			"proposal \"must have one speaker [...] of a different gender from the rest of the speakers\" (IGF 2023 " +
			"Workshop Submission and Review Process, minimum criteria; intgovforum.org). single-gender = true under " +
			"[constraints] checks sessions of every type, in either profile, and false checks none."},
	{schedule.RuleParallelTheme, Warning, "more sessions on one theme at once than [constraints] allows",
		"With max-parallel-per-theme = N under [constraints], a session that starts while N others of the same " +
			"theme, subtheme or tag are running is reported (at that column), naming some of the others. Values " +
			"are compared after case, accent and space folding; sessions that merely touch do not run in parallel. " +
			"Each theme's sessions are sorted by start and swept with a heap of their ends, so the check is " +
			"O(n log n). Without the setting the rule finds nothing."},
}

// Lookup returns the rule of that name, or nil.
func Lookup(name string) *Rule {
	for i := range Rules {
		if Rules[i].Name == name {
			return &Rules[i]
		}
	}
	return nil
}
