/// The "seek care now" notice produced by ``RedFlagDetector/assess(_:)``.
///
/// Encoded as JSON it is `{"kind": "...", "matchedWords": [...], "advice": "..."}`.
/// Its `description` is the plain-text block that `ask` prints above the answers.
public struct EmergencyNotice: Sendable, Codable, Equatable {
    /// Which emergency the question appears to describe.
    public var kind: EmergencyKind
    /// The words of the question that triggered the notice, normalised
    /// (lowercase, apostrophes removed), one entry per matched phrase.
    public var matchedWords: [String]
    /// Plain-language advice for this kind of emergency, self-contained: whom to call
    /// (``EmergencyKind/callToAction``), then what to do meanwhile (``EmergencyKind/firstAid``).
    public var advice: String

    public init(kind: EmergencyKind, matchedWords: [String], advice: String) {
        self.kind = kind
        self.matchedWords = matchedWords
        self.advice = advice
    }

    /// Builds the notice for `kind` with that kind's standard advice.
    public init(kind: EmergencyKind, matchedWords: [String]) {
        self.init(kind: kind, matchedWords: matchedWords, advice: kind.advice)
    }

    /// `true` for suicidal thoughts: the notice points to a crisis line
    /// (988 Suicide & Crisis Lifeline in the US) instead of an ambulance.
    public var isCrisisLine: Bool { kind.isCrisisLine }

    /// The first line of the notice.
    public var headline: String {
        isCrisisLine
            ? "Please reach out now: call or text 988 (Suicide & Crisis Lifeline, US) or your local crisis line."
            : "This may be an emergency: call your local emergency number (911 in the US) now."
    }
}

extension EmergencyNotice: CustomStringConvertible {
    /// The plain-text block printed above the answers, for example:
    ///
    ///     !! This may be an emergency: call your local emergency number (911 in the US) now.
    ///     !! Possible heart attack (you wrote: "chest hurts", "left arm is numb").
    ///     !! Chest pain or pressure, ... stop and rest while help comes.
    ///
    /// The last line is the advice without the call to action that the headline already gives.
    public var description: String {
        var lines = ["!! " + headline]
        var reason = "!! " + kind.title.prefix(1).uppercased() + kind.title.dropFirst()
        if !matchedWords.isEmpty {
            reason += " (you wrote: " + matchedWords.map { "\"" + $0 + "\"" }.joined(separator: ", ") + ")"
        }
        lines.append(reason + ".")
        let repeated = kind.callToAction + " "
        let rest = !kind.needsOwnCallToAction && advice.hasPrefix(repeated) ? String(advice.dropFirst(repeated.count)) : advice
        lines.append("!! " + rest)
        return lines.joined(separator: "\n")
    }
}
