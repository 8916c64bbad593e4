import Yams

/// Parses a Markdown article with YAML front matter (the format of `Corpus/README.md`) into
/// an `Article`.
///
/// Problems that make the file unusable are thrown as `IngestDiagnostic` with the line;
/// problems that leave a usable article (a citation without a year, an empty section) are
/// returned as warnings.
public struct MarkdownArticleParser: Sendable {
    public init() {}

    public func parse(_ text: String, path: String) throws -> ParsedFile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.last == "\r" ? line.dropLast() : line
        }
        guard lines.first?.trimmed == "---" else {
            throw IngestDiagnostic(path: path, line: 1, message: "missing front matter: the file must start with a '---' line")
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmed == "---" }) else {
            throw IngestDiagnostic(path: path, line: 1, message: "front matter is not closed: no second '---' line")
        }
        var warnings: [IngestDiagnostic] = []
        var article = try parseFrontMatter(lines[1..<closing].joined(separator: "\n"), path: path, firstLine: 2)
        article.source = path
        try parseBody(lines, from: closing + 1, into: &article, path: path, warnings: &warnings)
        if article.sections.isEmpty {
            warnings.append(IngestDiagnostic(path: path, line: closing + 2, severity: .warning, message: "article has no '## ' sections"))
        }
        var parsed = ParsedFile(articles: [article], warnings: warnings)
        parsed.articleLines[article.id] = lines[1..<closing].firstIndex { $0.hasPrefix("id:") }.map { $0 + 1 } ?? 2
        return parsed
    }

    // MARK: Front matter

    private func parseFrontMatter(_ yaml: String, path: String, firstLine: Int) throws -> Article {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw IngestDiagnostic(path: path, line: yamlLine(error).map { $0 + firstLine - 1 } ?? firstLine,
                                   message: "front matter is not valid YAML: \(yamlProblem(error))")
        }
        guard let mapping = root?.mapping else {
            throw IngestDiagnostic(path: path, line: firstLine, message: "front matter must be a YAML mapping of 'key: value' lines")
        }
        func line(of key: String) -> Int {
            for (name, _) in mapping where name.string == key {
                return (name.mark?.line ?? 0) + firstLine - 1
            }
            return firstLine
        }
        func string(_ key: String, required: Bool) throws -> String? {
            guard let node = mapping[key] else {
                if required { throw IngestDiagnostic(path: path, line: firstLine, message: "front matter has no '\(key)'") }
                return nil
            }
            guard let value = node.scalar?.string.trimmed, !value.isEmpty else {
                throw IngestDiagnostic(path: path, line: line(of: key), message: "'\(key)' must be a non-empty text")
            }
            return value
        }
        func list(_ key: String) throws -> [String] {
            guard let node = mapping[key] else { return [] }
            if let scalar = node.scalar {
                return scalar.string.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
            }
            guard let sequence = node.sequence else {
                throw IngestDiagnostic(path: path, line: line(of: key), message: "'\(key)' must be a list such as [a, b]")
            }
            return sequence.compactMap { $0.scalar?.string.trimmed }.filter { !$0.isEmpty }
        }

        let id = try string("id", required: true)!
        guard Self.isSlug(id) else {
            throw IngestDiagnostic(path: path, line: line(of: "id"), message: "id '\(id)' must be a slug of a-z, 0-9 and '-'")
        }
        let published = try string("published", required: true)!
        guard Self.isDate(published) else {
            throw IngestDiagnostic(path: path, line: line(of: "published"), message: "published '\(published)' must be a date YYYY-MM-DD")
        }
        let reviewed = try string("reviewed", required: false)
        if let reviewed, !Self.isDate(reviewed) {
            throw IngestDiagnostic(path: path, line: line(of: "reviewed"), message: "reviewed '\(reviewed)' must be a date YYYY-MM-DD")
        }
        return Article(
            id: id,
            title: try string("title", required: true)!,
            published: published,
            reviewed: reviewed,
            summary: Self.plainText(try string("summary", required: true)!),
            tags: try list("tags"),
            related: try list("related")
        )
    }

    private func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }

    // MARK: Body

    private func parseBody(_ lines: [Substring], from start: Int, into article: inout Article,
                           path: String, warnings: inout [IngestDiagnostic]) throws {
        var introduction: [String] = []
        var current: Section?
        var currentLine = 0
        var inReferences = false
        var paragraph: [String] = []
        var bullet: (text: String, line: Int)?

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = Self.plainText(paragraph.joined(separator: " "))
            paragraph = []
            if current != nil { current!.blocks.append(.paragraph(text)) } else if !inReferences { introduction.append(text) }
        }
        func flushBullet() {
            guard let (text, line) = bullet else { return }
            bullet = nil
            if inReferences {
                let reference = CitationParser.parse(text)
                let missing = CitationParser.missingParts(of: reference)
                if !missing.isEmpty {
                    warnings.append(IngestDiagnostic(path: path, line: line, severity: .warning,
                                                     message: "reference has no \(missing.joined(separator: ", ")): \(text.prefix(80))"))
                }
                article.references.append(reference)
            } else if current != nil {
                current!.blocks.append(.bullet(Self.plainText(text)))
            } else {
                introduction.append("• " + Self.plainText(text))
            }
        }
        func closeSection() {
            flushParagraph()
            flushBullet()
            if let section = current {
                if section.blocks.isEmpty {
                    warnings.append(IngestDiagnostic(path: path, line: currentLine, severity: .warning, message: "section '\(section.heading)' is empty"))
                }
                article.sections.append(section)
            }
            current = nil
        }

        for index in start..<lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            let stripped = line.trimmed
            if line.hasPrefix("## ") {
                closeSection()
                let heading = Self.plainText(String(line.dropFirst(3)))
                inReferences = Self.isReferencesHeading(heading)
                if !inReferences {
                    current = Section(heading: heading)
                    currentLine = lineNumber
                }
                continue
            }
            if line.hasPrefix("# ") {
                // A level-1 heading repeats the title; nothing to index.
                flushParagraph(); flushBullet()
                continue
            }
            if stripped.isEmpty {
                flushParagraph()
                continue
            }
            if line.hasPrefix("### ") || line.hasPrefix("#### ") {
                flushParagraph(); flushBullet()
                paragraph = [String(stripped.drop(while: { $0 == "#" }).trimmed)]
                flushParagraph()
                continue
            }
            if let item = Self.bulletText(stripped), !(line.first?.isWhitespace ?? false) || bullet == nil {
                flushParagraph(); flushBullet()
                bullet = (item, lineNumber)
                continue
            }
            if bullet != nil, line.first?.isWhitespace ?? false {
                // An indented line continues the bullet above it (or nests under it).
                if let item = Self.bulletText(stripped) {
                    flushBullet()
                    bullet = (item, lineNumber)
                } else {
                    bullet!.text += " " + stripped
                }
                continue
            }
            flushBullet()
            paragraph.append(stripped)
        }
        closeSection()
        article.introduction = introduction.joined(separator: "\n")
    }

    // MARK: Text helpers

    static func isReferencesHeading(_ heading: String) -> Bool {
        let lower = heading.lowercased()
        return lower == "references" || lower == "sources" || lower == "bibliography" || lower == "(references)"
    }

    /// The item text of a bullet line ("- ", "* ", "• ", "◦ ", "▪ ", "1. "), or nil.
    static func bulletText(_ line: String) -> String? {
        for marker in ["- ", "* ", "• ", "+ ", "◦ ", "▪ "] where line.hasPrefix(marker) {
            return line.dropFirst(marker.count).trimmed
        }
        let digits = line.prefix(while: { $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return rest.dropFirst(2).trimmed }
        }
        return nil
    }

    /// Removes Markdown emphasis and link syntax: `**a**` → `a`, `[text](url)` → `text`.
    static func plainText(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "[", let close = text[index...].firstIndex(of: "]"),
               text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
               let end = text[close...].firstIndex(of: ")") {
                result += text[text.index(after: index)..<close]
                index = text.index(after: end)
                continue
            }
            if character == "*" || character == "`" {
                index = text.index(after: index)
                continue
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 120 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
