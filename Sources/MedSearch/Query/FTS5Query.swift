/// A full-text query that is a valid FTS5 MATCH expression by construction.
///
/// User text never reaches MATCH raw: every phrase is rendered inside double quotes (an
/// embedded `"` is doubled), so FTS5 operators and punctuation in a question — `AND`, `NEAR(`,
/// `-`, `:`, `*`, `^` — are only ever searched as words. An empty expression cannot be built:
/// `init` returns nil, and the caller skips the query.
/// See <https://www.sqlite.org/fts5.html#full_text_query_syntax>.
public struct FTS5Query: Sendable, Equatable, CustomStringConvertible {
    /// The expression tree.
    public indirect enum Expression: Sendable, Equatable {
        /// Words that must appear next to each other (one word is a phrase of one).
        case phrase([String])
        /// Every part must match.
        case all([Expression])
        /// At least one part must match.
        case any([Expression])
        /// The part must match in these columns only (`{title heading} : …`); a column name
        /// that is not a plain lowercase word is dropped.
        case inColumns([String], Expression)
    }

    public let expression: Expression

    /// Drops empty phrases and groups; nil when nothing is left.
    public init?(_ expression: Expression) {
        guard let cleaned = Self.clean(expression) else { return nil }
        self.expression = cleaned
    }

    /// The string to bind to `MATCH ?`.
    public var matchString: String { Self.render(expression, nested: false) }

    public var description: String { matchString }

    /// An OR of single words: handy for tests and snippets.
    public static func anyWord(_ words: [String]) -> FTS5Query? {
        FTS5Query(.any(words.map { .phrase([$0]) }))
    }

    private static func clean(_ expression: Expression) -> Expression? {
        switch expression {
        case .phrase(let words):
            // A NUL would end the bound C string inside the quotes ("unterminated string").
            let kept = words.map { $0.utf8.contains(0) ? String($0.unicodeScalars.filter { $0 != "\u{0}" }) : $0 }
                .filter { !$0.isEmpty && $0.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) }
            return kept.isEmpty ? nil : .phrase(kept)
        case .all(let parts):
            let kept = parts.compactMap(clean)
            if kept.isEmpty { return nil }
            return kept.count == 1 ? kept[0] : .all(kept)
        case .any(let parts):
            let kept = parts.compactMap(clean)
            if kept.isEmpty { return nil }
            return kept.count == 1 ? kept[0] : .any(kept)
        case .inColumns(let columns, let part):
            let names = columns.filter { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.value >= 97 && $0.value <= 122 } }
            guard let kept = clean(part) else { return nil }
            return names.isEmpty ? kept : .inColumns(names, kept)
        }
    }

    private static func render(_ expression: Expression, nested: Bool) -> String {
        switch expression {
        case .phrase(let words):
            let text = words.joined(separator: " ")
            // Doubling quotes is the only escape a string needs; most words have none.
            return "\"" + (text.utf8.contains(UInt8(ascii: "\"")) ? text.replacing("\"", with: "\"\"") : text) + "\""
        case .all(let parts):
            let text = parts.map { render($0, nested: true) }.joined(separator: " AND ")
            return nested ? "(" + text + ")" : text
        case .any(let parts):
            let text = parts.map { render($0, nested: true) }.joined(separator: " OR ")
            return nested ? "(" + text + ")" : text
        case .inColumns(let columns, let part):
            let text = "{" + columns.joined(separator: " ") + "} : (" + render(part, nested: false) + ")"
            return nested ? "(" + text + ")" : text
        }
    }
}
