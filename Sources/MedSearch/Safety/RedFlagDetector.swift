/// Recognises a question that describes a medical emergency happening now, and
/// produces a "seek care now" ``EmergencyNotice`` for `ask` to show above the answers.
///
/// ```swift
/// let detector = RedFlagDetector()
/// if let notice = detector.assess("my husband's face is drooping and he can't talk right") {
///     print(notice)            // "!! This may be an emergency: call ... (911 in the US) now." ...
/// }
/// detector.assess("how is a stroke diagnosed")   // nil: asks about a condition
/// ```
///
/// The rules (``RedFlagRuleBook``) cover the public warning signs of heart attack,
/// stroke (BE FAST), anaphylaxis, severe breathing difficulty, heavy bleeding,
/// seizures, sudden confusion, unresponsiveness, fever in a baby under 3 months,
/// poisoning, meningitis and suicidal thoughts (crisis line). A match counts only
/// when a person is described as having the symptom now: negations ("no chest
/// pain"), past events ("I had a stroke last year"), hypothetical or general
/// questions ("what causes chest pain in teenagers") and long-standing complaints
/// ("on and off for 2 years") do not fire.
///
/// `assess` never traps, accepts any string, and runs in time linear in the
/// question's length (only its first ``RedFlagEngine/maxScalars`` scalars are read).
public struct RedFlagDetector: Sendable {
    /// Version of the rule set; changes whenever a rule changes.
    public static let ruleSetVersion: String = RedFlagRuleBook.version

    public init() {}

    /// The notice for `question`, or `nil` when it does not describe an emergency now.
    public func assess(_ question: String) -> EmergencyNotice? {
        RedFlagEngine.shared.evaluate(question).notice
    }

    /// A human-readable trace: every rule pattern that matched, the words it matched
    /// and the verdict (`accepted`, `negated`, `past`, `hypothetical`, ...), then the notice.
    public func explain(_ question: String) -> String {
        let (notice, candidates) = RedFlagEngine.shared.evaluate(question, explaining: true)
        var lines = ["rule set \(Self.ruleSetVersion)"]
        lines += candidates.isEmpty ? ["no red-flag pattern matched"] : candidates.map { "  " + $0.description }
        lines.append(notice.map { "notice: \($0.kind.rawValue) \($0.matchedWords)" } ?? "notice: none")
        return lines.joined(separator: "\n")
    }
}
