package schedule

// Rule names: stable and kebab-case, a public interface (docket rules
// lists them, findings carry them, CI switches them off by name). Every
// rule a reader or a check emits is one of these, and each is in the
// catalogue of package validate (a test there holds both to it).
const (
	RuleMissingField         = "missing-field"
	RuleNoSessions           = "no-sessions"
	RuleDuplicateID          = "duplicate-id"
	RuleBadTime              = "bad-time"
	RuleAmbiguousTime        = "ambiguous-time"
	RuleAmbiguousDate        = "ambiguous-date"
	RuleEndBeforeStart       = "end-before-start"
	RuleDurationMismatch     = "duration-mismatch"
	RuleRoomOverlap          = "room-overlap"
	RulePersonOverlap        = "person-overlap"
	RuleUnknownType          = "unknown-type"
	RuleUnknownStakeholder   = "unknown-stakeholder"
	RuleUnknownRegion        = "unknown-region"
	RuleBadSDG               = "bad-sdg"
	RuleOutsideEvent         = "outside-event"
	RuleBadEmail             = "bad-email"
	RuleNoModerator          = "no-moderator"
	RuleSingleStakeholder    = "single-stakeholder"
	RuleTextHygiene          = "text-hygiene"
	RuleUnknownParticipation = "unknown-participation"
	RuleUnknownSession       = "unknown-session"
	RuleExtraPerson          = "extra-person"
	RuleUnclosedQuote        = "unclosed-quote"
	RuleOverCapacity         = "over-capacity"
	RuleMissingEquipment     = "missing-equipment"
	RulePersonUnavailable    = "person-unavailable"
	RuleRoomUnavailable      = "room-unavailable"

	// The constraint rules: an event's limits ([constraints] in
	// docket.toml) and the IGF's criteria for workshops.
	RulePersonOverbooked       = "person-overbooked"
	RuleOrganizationOverbooked = "organization-overbooked"
	RuleTightChange            = "tight-change"
	RuleTooFewSpeakers         = "too-few-speakers"
	RuleSingleGender           = "single-gender"
	RuleParallelTheme          = "parallel-theme"
)
