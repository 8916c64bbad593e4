/// A red-flag pattern, parsed from the phrase language used in ``RedFlagRuleBook``.
///
/// Grammar (words are normalised tokens, classes are names in ``RedFlagLexicon``):
///
///     pattern  := ["!"] part (" & " part)*
///     part     := element (gap element)*
///     gap      := " "  (up to 2 other words between)
///               | " .. " (up to 6 other words between)
///               | "+"  (directly adjacent)
///     element  := atom ("|" atom)*
///     atom     := word | "{" class "}"
///
/// `|` binds tighter than `+`: `so|too+much` is (`so` or `too`) then `much`.
/// All words of one part must lie in one sentence; parts of a conjunction may be anywhere.
struct RedFlagPattern: Sendable, Equatable {
    /// One word position of a pattern: any of `atoms`, at most `maxGap` words after the previous element.
    struct Element: Sendable, Equatable {
        var atoms: [Atom]
        var maxGap: Int
    }

    /// A literal word or a word class.
    enum Atom: Sendable, Hashable {
        case word(String)
        case wordClass(String)
    }

    /// Problems found while parsing; the test suite checks the rule book has none.
    struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        var pattern: String
        var reason: String
        var description: String { "red-flag pattern \"\(pattern)\": \(reason)" }
    }

    static let defaultGap = 2
    static let wideGap = 6

    /// The source text, kept for `explain` output.
    var text: String
    /// Conjunction parts; the first is the anchor whose context decides.
    var parts: [[Element]]
    /// `true` for `!` patterns (past tense by nature): they need an explicit "now" cue.
    var needsPresentCue: Bool

    /// Parses `text`; throws a ``SyntaxError`` for malformed patterns.
    init(parsing text: String) throws(SyntaxError) {
        self.text = text
        var body = Substring(text)
        needsPresentCue = body.hasPrefix("!")
        if needsPresentCue { body = body.dropFirst() }
        parts = []
        for partText in Self.split(body, UInt8(ascii: "&"), omittingEmpty: false) {
            parts.append(try Self.parsePart(partText, in: text))
        }
    }

    private static func parsePart(_ part: Substring, in pattern: String) throws(SyntaxError) -> [Element] {
        var elements: [Element] = []
        var nextGap = defaultGap
        for chunk in split(part, UInt8(ascii: " "), omittingEmpty: true) {
            if chunk == ".." {
                guard !elements.isEmpty else { throw SyntaxError(pattern: pattern, reason: "'..' at the start") }
                nextGap = wideGap
                continue
            }
            var first = true
            for word in split(chunk, UInt8(ascii: "+"), omittingEmpty: false) {
                let gap = first ? nextGap : 0
                first = false
                var atoms: [Atom] = []
                for alternative in split(word, UInt8(ascii: "|"), omittingEmpty: false) {
                    atoms.append(try parseAtom(alternative, in: pattern))
                }
                elements.append(Element(atoms: atoms, maxGap: elements.isEmpty ? 0 : gap))
            }
            nextGap = defaultGap
        }
        if elements.isEmpty { throw SyntaxError(pattern: pattern, reason: "empty part") }
        return elements
    }

    /// Splits at an ASCII byte. The rule book is parsed at every start; splitting by
    /// `Character` made that a twentieth of a whole `ask` (4.7 % of its samples under `perf`).
    private static func split(_ text: Substring, _ separator: UInt8, omittingEmpty: Bool) -> [Substring] {
        text.utf8.split(separator: separator, omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    private static func parseAtom(_ text: Substring, in pattern: String) throws(SyntaxError) -> Atom {
        if text.hasPrefix("{") {
            guard text.hasSuffix("}"), text.utf8.count > 2 else {
                throw SyntaxError(pattern: pattern, reason: "unclosed class \(text)")
            }
            return .wordClass(String(text.dropFirst().dropLast()))
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) else {
            throw SyntaxError(pattern: pattern, reason: "word '\(text)' is not a normalised token")
        }
        return .word(String(text))
    }
}
