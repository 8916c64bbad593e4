/// One red-flag rule: the symptom patterns of one ``EmergencyKind``.
///
/// Patterns are written in a small phrase language (see ``RedFlagPattern``):
///
/// * `{chest} {pain}` — a word of class `chest`, then within two words one of class `pain`
///   ("chest pain", "chest really hurts"); classes live in ``RedFlagLexicon``.
/// * `a .. b` — `b` within six words after `a`; `a+b` — `b` right after `a`.
/// * `a|b|{c}` — alternatives for one word.
/// * `p & q` — both `p` and `q` somewhere in the question ("lips swelling" & "peanut").
/// * a leading `!` — the pattern is in the past tense by nature ("passed out"), so it
///   only fires with an explicit "now" cue ("just", "right now", "minutes ago").
///
/// A match becomes a notice only if ``RedFlagContext`` accepts it: not negated,
/// about a person (I / my / he / my husband) or marked as happening now, and not
/// framed as past, hypothetical or general.
struct RedFlagRule: Sendable {
    /// The emergency this rule recognises.
    var kind: EmergencyKind
    /// Public source(s) of the warning signs, by name and URL.
    var source: String
    /// Patterns that describe an acute event by their very wording ("not breathing",
    /// "kill myself"): they fire even beside "sometimes" or "for years".
    var strong: [String] = []
    /// Patterns that can also describe a long-standing or recurring complaint
    /// ("chest pain", "short of breath"): a chronic cue ("on and off", "for 2 years",
    /// "when I exercise") in the same sentence suppresses them unless a "now" cue overrides.
    var acute: [String] = []
    /// Patterns naming a benign explanation ("breathing through my nose", "confused about
    /// my results"): a match of one cancels the rule's matches in the same sentence.
    var exceptions: [String] = []
    /// The rule only applies to someone other than the writer ("my son won't wake up"):
    /// a person typing "I can't wake up" or "I'm so confused" is not unconscious or delirious.
    var thirdPersonOnly = false
    /// An extra condition checked on the whole question.
    var requirement: RedFlagRequirement = .none
}

/// Conditions a rule can require beyond its patterns.
enum RedFlagRequirement: Sendable, Equatable {
    case none
    /// The question names a baby younger than 3 months ("6 week old", "newborn"), and
    /// any temperature it quotes is a fever (>= 100.4 F / 38 C); see ``RedFlagInfantFever``.
    case infantUnderThreeMonthsWithFever
}
