import Foundation

/// Parses a consumer-health article page as copied from a web browser (a `.txt` file) into an
/// `Article`.
///
/// The layout it reads (README, "Web pages (.txt)"):
///
/// ```text
/// Site Logo                                   ← banner: chrome, dropped
/// Published on: 2/27/2026                     ← date line (also "Last updated: …")
/// What Is the Best Way to Treat Hay Fever?    ← title: the first other line
/// Most people do well with …                  ← summary: paragraphs up to a divider
/// answer background / Explanation             ← dividers: dropped; the title may repeat
/// Intro paragraphs                            ← introduction
/// What Is Hay Fever?                          ← heading: short line, no closing period,
///                                                standing alone, followed by text
///   • a bullet (indented or not)
/// 1. Get a Clear Diagnosis                    ← numbered sub-heading: stays in its section
/// (References)                                ← citations, one per bullet ("  • * Author …")
/// Learn more about diseases                   ← footer; the short lines after it are
/// Allergic Rhinitis                             related topics
/// Was this page helpful?                      ← footer: nothing after it is article text
/// ```
///
/// Chrome (logos, sharing and sign-up prompts, disclaimers) is recognised by
/// `WebPageBoilerplate` and never indexed. The article id is the slug of the title (or of the
/// file name when the title has no Latin letters or digits); `source` is the file's path.
public struct WebPageParser: Sendable {
    /// A heading is at most this many words and characters: longer lines are prose.
    static let maximumHeadingWords = 12
    static let maximumHeadingLength = 100
    /// A title longer than this is a paragraph: the page does not start with its title.
    static let maximumTitleLength = 200
    /// Related topics are names, not sentences.
    static let maximumTopicWords = 8
    /// Ids stay readable in `show` and answer cards.
    static let maximumIDLength = 80

    public init() {}

    struct Line {
        var number: Int
        var text: String
        var indented: Bool
    }

    public func parse(_ text: String, path: String) throws -> ParsedFile {
        let lines = Self.lines(of: text)
        // Layout tests that look at the neighbouring lines.
        /// Blank (or chrome) before, blank or a bullet after: a line set apart as a heading.
        func standsAlone(_ position: Int) -> Bool {
            guard !lines[position].indented else { return false }
            let before = position == 0 || lines[position - 1].text.isEmpty
                || WebPageBoilerplate.kind(of: lines[position - 1].text) != nil
            let after = position + 1 >= lines.count || lines[position + 1].text.isEmpty
                || MarkdownArticleParser.bulletText(lines[position + 1].text) != nil
            return before && after
        }

        /// The next non-blank line after `position`, when it is article text.
        func textFollows(_ position: Int) -> Int? {
            guard let next = lines[(position + 1)...].firstIndex(where: { !$0.text.isEmpty }) else { return nil }
            switch WebPageBoilerplate.kind(of: lines[next].text) {
            case .footer?, .relatedTopics?: return nil
            default: return next
            }
        }

        /// A short line without a closing period, set apart, with text after it.
        func isHeading(_ position: Int) -> Bool {
            let text = lines[position].text
            guard MarkdownArticleParser.bulletText(text) == nil, Self.looksLikeHeading(text), standsAlone(position),
                  let next = textFollows(position) else { return false }
            return !MarkdownArticleParser.isReferencesHeading(Self.headingText(lines[next].text))
        }

        /// "1. Get a Clear Diagnosis" set apart, with text (not another numbered line) on each
        /// side: a step of its section. Its text without the number, or nil.
        func numberedSubheading(_ position: Int) -> String? {
            guard let (_, rest) = Self.numbered(lines[position].text),
                  Self.looksLikeHeading(rest), standsAlone(position),
                  let next = textFollows(position), Self.numbered(lines[next].text) == nil else { return nil }
            if let previous = lines[..<position].lastIndex(where: { !$0.text.isEmpty }),
               Self.numbered(lines[previous].text) != nil { return nil }
            return rest.collapsedSpaces
        }

        var warnings: [IngestDiagnostic] = []
        var published = "", reviewed: String?

        /// Takes a date line; a date it cannot read is reported and the page stays undated.
        func takeDate(_ line: Line) -> Bool {
            guard let (kind, value) = PageDate.labelled(line.text) else { return false }
            guard let date = PageDate.iso(value) else {
                warnings.append(IngestDiagnostic(path: path, line: line.number, severity: .warning,
                                                 message: "date '\(value)' is not a date such as 2/27/2026 or 2026-02-27; ignored"))
                return true
            }
            switch kind {
            case .published: if published.isEmpty { published = date }
            case .reviewed: if reviewed == nil { reviewed = date }
            }
            return true
        }

        // Banner and date lines, then the title.
        var index = 0
        var titleLine: Line?
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.text.isEmpty || WebPageBoilerplate.kind(of: line.text) != nil || takeDate(line) { continue }
            titleLine = line
            break
        }
        guard let titleLine else {
            throw IngestDiagnostic(path: path, line: 1, message: "no article text: the page holds only blank lines, dates and site boilerplate")
        }
        guard titleLine.text.count <= Self.maximumTitleLength else {
            throw IngestDiagnostic(path: path, line: titleLine.number,
                                   message: "no title: the page's first line of text is a \(titleLine.text.count)-character paragraph; a page starts with its title")
        }
        let title = titleLine.text.collapsedSpaces
        let foldedTitle = WebPageBoilerplate.fold(title)

        // The body, up to the footer.
        var lead: [String] = []
        var leadBeforeDivider: Int?
        var sections: [Section] = []
        var current: Section?
        var currentLine = 0
        var paragraph: [String] = []
        var bullet: (text: String, line: Int)?
        var inReferences = false
        var citations: [(text: String, line: Int)] = []
        var footer = lines.count

        func add(_ block: Section.Block) {
            if current != nil { current!.blocks.append(block); return }
            switch block {
            case .paragraph(let text): lead.append(text)
            case .bullet(let text): lead.append("• " + text)
            }
        }
        func flush() {
            if !paragraph.isEmpty { add(.paragraph(paragraph.joined(separator: " ").collapsedSpaces)) }
            paragraph = []
            if let (text, line) = bullet {
                if inReferences { citations.append((text, line)) } else { add(.bullet(text.collapsedSpaces)) }
            }
            bullet = nil
        }
        func closeSection() {
            flush()
            if let section = current {
                if section.blocks.isEmpty {
                    warnings.append(IngestDiagnostic(path: path, line: currentLine, severity: .warning, message: "section '\(section.heading)' is empty"))
                }
                sections.append(section)
            }
            current = nil
        }
        func markDivider() {
            flush()
            if leadBeforeDivider == nil { leadBeforeDivider = lead.count }
        }

        scan: while index < lines.count {
            let position = index
            let line = lines[index]
            index += 1
            if line.text.isEmpty { flush(); continue }
            switch WebPageBoilerplate.kind(of: line.text) {
            case .footer?, .relatedTopics?:
                footer = position
                break scan
            case .divider? where current == nil && !inReferences:
                markDivider()
                continue
            case .divider?, .chrome?:
                flush()
                continue
            case nil:
                break
            }
            if inReferences {
                if let item = MarkdownArticleParser.bulletText(line.text) {
                    flush()
                    bullet = (item, line.number)
                } else if line.indented, bullet != nil {
                    bullet!.text += " " + line.text
                } else if Self.isCitation(line.text) {
                    flush()
                    bullet = (line.text, line.number)
                } else {
                    // The references close the article: what follows is the site's footer.
                    footer = position
                    break scan
                }
                continue
            }
            if current == nil {
                // The title repeated above the article ends the answer box, like a divider.
                if WebPageBoilerplate.fold(line.text) == foldedTitle { markDivider(); continue }
                if takeDate(line) { flush(); continue }
            }
            if MarkdownArticleParser.isReferencesHeading(Self.headingText(line.text)), standsAlone(position) {
                closeSection()
                inReferences = true
                continue
            }
            if isHeading(position) {
                closeSection()
                current = Section(heading: line.text.collapsedSpaces)
                currentLine = line.number
                continue
            }
            if let subheading = numberedSubheading(position) {
                flush()
                if current == nil {
                    current = Section(heading: subheading)
                    currentLine = line.number
                } else {
                    add(.paragraph(line.text.collapsedSpaces))
                }
                continue
            }
            if let item = MarkdownArticleParser.bulletText(line.text) {
                flush()
                bullet = (item, line.number)
                continue
            }
            if line.indented, bullet != nil {
                bullet!.text += " " + line.text
                continue
            }
            if bullet != nil { flush() }
            paragraph.append(line.text)
        }
        closeSection()

        // Summary: the answer box before the divider, else the first paragraph.
        let summaryCount = leadBeforeDivider ?? min(1, lead.count)
        let summary = lead.prefix(summaryCount).joined(separator: " ")
        let introduction = lead.dropFirst(summaryCount).joined(separator: "\n")
        guard !summary.isEmpty || !introduction.isEmpty || sections.contains(where: { !$0.blocks.isEmpty }) else {
            throw IngestDiagnostic(path: path, line: titleLine.number, message: "no article text after the title '\(title.prefix(80))'")
        }
        if sections.isEmpty {
            warnings.append(IngestDiagnostic(path: path, line: titleLine.number, severity: .warning,
                                             message: "page has no section headings; indexed as one passage"))
        }

        var references: [Reference] = []
        for (text, line) in citations {
            let reference = CitationParser.parse(text)
            let missing = CitationParser.missingParts(of: reference)
            if !missing.isEmpty {
                warnings.append(IngestDiagnostic(path: path, line: line, severity: .warning,
                                                 message: "reference has no \(missing.joined(separator: ", ")): \(text.prefix(80))"))
            }
            references.append(reference)
        }

        let article = Article(
            id: Self.identifier(title: title, path: path, text: text), title: title, published: published, reviewed: reviewed,
            summary: summary, related: relatedTopics(in: lines, from: footer), source: path,
            introduction: introduction, sections: sections, references: references)
        var parsed = ParsedFile(articles: [article], warnings: warnings)
        parsed.articleLines[article.id] = titleLine.number
        return parsed
    }

    /// The short lines after "Learn more about …" in the footer.
    func relatedTopics(in lines: [Line], from footer: Int) -> [String] {
        var topics: [String] = []
        var position = footer
        while position < lines.count {
            defer { position += 1 }
            guard WebPageBoilerplate.kind(of: lines[position].text) == .relatedTopics else { continue }
            while position + 1 < lines.count {
                let text = lines[position + 1].text
                if !text.isEmpty {
                    guard WebPageBoilerplate.kind(of: text) == nil, !WebPageBoilerplate.endsSentence(text), !text.contains("?"),
                          text.split(separator: " ").count <= Self.maximumTopicWords else { break }
                    let topic = text.collapsedSpaces
                    if !topics.contains(topic) { topics.append(topic) }
                }
                position += 1
            }
        }
        return topics
    }

    // MARK: Line helpers

    static func lines(of text: String) -> [Line] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, raw in
            Line(number: offset + 1, text: raw.trimmed, indented: raw.first?.isWhitespace ?? false)
        }
    }

    /// Short, not ending like a sentence, starting with a capital or a digit.
    static func looksLikeHeading(_ text: String) -> Bool {
        let words = text.split(separator: " ").count
        guard (1...maximumHeadingWords).contains(words), text.count <= maximumHeadingLength,
              !WebPageBoilerplate.endsSentence(text), let first = text.first else { return false }
        return (first.isUppercase || first.isNumber || "\"'\u{201C}(".contains(first)) && text.contains(where: \.isLetter)
    }

    /// "3. Discuss Risks" → ("3", "Discuss Risks"); nil when the line is not numbered.
    static func numbered(_ text: String) -> (number: String, rest: String)? {
        let digits = text.prefix(while: \.isNumber)
        guard (1...2).contains(digits.count) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (String(digits), rest.dropFirst(2).trimmed)
    }

    /// "(References)" and "References:" are the same heading.
    static func headingText(_ text: String) -> String {
        var heading = text.trimmed
        while let last = heading.last, last == ":" { heading.removeLast() }
        if heading.hasPrefix("("), heading.hasSuffix(")") { heading = String(heading.dropFirst().dropLast()) }
        return heading.trimmed
    }

    /// A citation written as a plain line: authors, then a year in parentheses.
    static func isCitation(_ text: String) -> Bool {
        let reference = CitationParser.parse(text)
        return reference.year != nil && !reference.authors.isEmpty && !reference.title.isEmpty
    }

    /// The slug of the title (`is-immunotherapy-the-answer-…`), else of the file name, else a
    /// hash of the text.
    static func identifier(title: String, path: String, text: String) -> String {
        for candidate in [title, InputFiles.stem(of: path)] {
            let slug = slug(candidate)
            if !slug.isEmpty { return slug }
        }
        return "page-" + InputFiles.contentHash(Array(text.utf8)).prefix(12)
    }

    /// Lowercase ASCII letters and digits joined by '-', at most `maximumIDLength` characters,
    /// cut at a word boundary.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var word = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "what's" → "whats", not "what-s"
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maximumIDLength { break }
            slug = next
        }
        return slug.isEmpty ? String(words.first?.prefix(maximumIDLength) ?? "") : slug
    }
}
