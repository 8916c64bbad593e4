import Foundation

/// Parses a JSON Lines file of passages (the BEIR corpus layout) into articles, one per line.
///
/// ```json
/// {"_id": "hf-1", "title": "Hay fever", "text": "Hay fever is …", "url": "https://…", "published": "2026-02-27"}
/// ```
///
/// - `_id` (a string or an integer) becomes both the article id and the passage id, so that
///   BEIR judgements (`qrels`) name MedSearch's passages directly; `text` is required;
///   `title`, `url` and `published` (`YYYY-MM-DD` or an ISO 8601 timestamp) are optional;
///   other keys (BEIR's `metadata`) are ignored.
/// - Each line is its own article with one section (heading = the title) rather than one
///   article per file: ranking shows at most two passages per article, and `show ID` should
///   print the record the id names.
/// - A file of blank lines is an error; a bad line (invalid JSON, no `_id` or `text`, a repeated `_id`) is reported as
///   `path:line: error: …` in `entryErrors` and left out; the other lines are indexed.
///
/// See <https://jsonlines.org> and <https://github.com/beir-cellar/beir>.
public struct JSONLinesParser: Sendable {
    /// Titles made from the text when a record has none are at most this long.
    static let maximumMadeTitleLength = 80

    public init() {}

    public func parse(_ text: String, path: String) throws -> ParsedFile {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw IngestDiagnostic(path: path, line: 1, message: "no records: the file holds only blank lines")
        }
        var parsed = ParsedFile(articles: [])
        var firstLineOfID: [String: Int] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.trimmed
            if line.isEmpty { continue }
            do {
                var (article, warnings) = try record(line, path: path, line: number)
                if let first = firstLineOfID[article.id] {
                    throw IngestDiagnostic(path: path, line: number, message: "duplicate _id '\(article.id)': already on line \(first)")
                }
                firstLineOfID[article.id] = number
                article.source = path
                parsed.articles.append(article)
                parsed.articleLines[article.id] = number
                parsed.warnings += warnings
            } catch let diagnostic as IngestDiagnostic {
                parsed.entryErrors.append(diagnostic)
            } catch {
                parsed.entryErrors.append(IngestDiagnostic(path: path, line: number, message: "\(error)"))
            }
        }
        return parsed
    }

    /// One line's record as an article, with warnings for fields it had to ignore.
    func record(_ line: String, path: String, line number: Int) throws -> (Article, [IngestDiagnostic]) {
        func problem(_ message: String) -> IngestDiagnostic { IngestDiagnostic(path: path, line: number, message: message) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        } catch {
            let reason = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map { " (\($0))" } ?? ""
            throw problem("not valid JSON\(reason): \(Self.excerpt(line))")
        }
        guard let record = object as? [String: Any] else {
            throw problem("expected a JSON object such as {\"_id\": …, \"title\": …, \"text\": …}, found \(Self.kind(of: object))")
        }
        let id: String
        switch record["_id"] {
        case let value as String: id = value.trimmed
        case let value as NSNumber where !(value is Bool) && value as? Int != nil: id = value.stringValue
        case nil: throw problem("record has no \"_id\"")
        case let value?: throw problem("\"_id\" must be a string or an integer, found \(Self.kind(of: value))")
        }
        guard !id.isEmpty else { throw problem("\"_id\" is empty") }
        func string(_ key: String) throws -> String? {
            switch record[key] {
            case nil, is NSNull: return nil
            case let value as String: return value.trimmed
            case let value?: throw problem("\"\(key)\" must be a string, found \(Self.kind(of: value))")
            }
        }
        guard let body = try string("text"), !body.isEmpty else {
            throw problem("record '\(id)' has no \"text\" (or it is empty)")
        }
        var warnings: [IngestDiagnostic] = []
        var published = ""
        if let value = try string("published"), !value.isEmpty {
            if let date = PageDate.iso(value) {
                published = date
            } else {
                warnings.append(IngestDiagnostic(path: path, line: number, severity: .warning,
                                                 message: "\"published\" '\(value.prefix(40))' is not a date YYYY-MM-DD; ignored"))
            }
        }
        let title = (try string("title")).flatMap { $0.isEmpty ? nil : $0.collapsedSpaces } ?? Self.madeTitle(body)
        let url = try string("url").flatMap { $0.isEmpty ? nil : $0 }
        let paragraphs = body.split(whereSeparator: \.isNewline).map { $0.collapsedSpaces }.filter { !$0.isEmpty }
        let section = Section(heading: title, blocks: paragraphs.map { .paragraph($0) }, externalID: id)
        return (Article(id: id, title: title, published: published, url: url, sections: [section]), warnings)
    }

    /// The start of the text, cut at a word, for a record without a title.
    static func madeTitle(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ").collapsedSpaces
        guard flat.count > maximumMadeTitleLength else { return flat }
        // One character more: a space right after the limit ends the last whole word.
        let cut = flat.prefix(maximumMadeTitleLength + 1)
        let end = cut.lastIndex(of: " ") ?? flat.index(flat.startIndex, offsetBy: maximumMadeTitleLength)
        return String(cut[..<end]) + "…"
    }

    static func excerpt(_ line: String) -> String {
        line.count > 60 ? String(line.prefix(60)) + "…" : line
    }

    static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is String: return "a string"
        case is NSNull: return "null"
        case is Bool: return "a boolean"
        case is NSNumber: return "a number"
        default: return "\(type(of: value))"
        }
    }
}
