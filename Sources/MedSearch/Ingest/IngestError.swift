/// A problem with one input file, located like a compiler diagnostic:
/// `Corpus/asthma.md:12: error: reference has no year`.
public struct IngestDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var path: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int? = nil, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// What a parser made of one file: its articles and any warnings. An error that makes the
/// whole file unusable is thrown; an error in one entry of a many-entry file (a bad JSON line)
/// is listed in `entryErrors` and only that entry is left out.
public struct ParsedFile: Sendable {
    public var articles: [Article]
    public var warnings: [IngestDiagnostic]
    /// Entries left out for an error, each located at its line.
    public var entryErrors: [IngestDiagnostic] = []
    /// The line where each article starts (by article id), for diagnostics such as a
    /// duplicate id; articles not listed are located at line 1.
    public var articleLines: [String: Int] = [:]
    /// Entries of the file left out for having no text (MedQuAD pairs without an answer).
    public var skippedEntries = 0
    /// True when an id already indexed from another file is a known repeat of the collection
    /// (skip with a warning) rather than a user's mistake (an error).
    public var duplicatesAreWarnings = false

    public init(articles: [Article], warnings: [IngestDiagnostic] = []) {
        self.articles = articles
        self.warnings = warnings
    }
}
