/// One article as parsed from a file: metadata, sections and references.
///
/// Every input format (Markdown articles, web pages, MedQuAD, JSON Lines) is turned into this
/// one value before indexing. `dump()` prints it for the parsers' golden tests.
public struct Article: Sendable, Equatable, Codable {
    /// Stable id: the slug of a Markdown article, or `<source>_<doc>` for MedQuAD.
    public var id: String
    public var title: String
    /// `YYYY-MM-DD`, or empty when the source gives no date.
    public var published: String
    public var reviewed: String?
    /// The short answer shown first.
    public var summary: String
    public var tags: [String]
    /// Ids of related articles, or free-text topic names for imported pages.
    public var related: [String]
    /// Where the article comes from (a file path, a URL or a collection name).
    public var source: String
    public var url: String?
    public var introduction: String
    public var sections: [Section]
    public var references: [Reference]

    public init(
        id: String, title: String, published: String = "", reviewed: String? = nil,
        summary: String = "", tags: [String] = [], related: [String] = [], source: String = "",
        url: String? = nil, introduction: String = "", sections: [Section] = [],
        references: [Reference] = []
    ) {
        self.id = id
        self.title = title
        self.published = published
        self.reviewed = reviewed
        self.summary = summary
        self.tags = tags
        self.related = related
        self.source = source
        self.url = url
        self.introduction = introduction
        self.sections = sections
        self.references = references
    }
}

/// A `## ` section of an article: a heading (usually a question), paragraphs and bullets in
/// the order they appeared.
public struct Section: Sendable, Equatable, Codable {
    public var heading: String
    public var blocks: [Block]
    /// Extra searchable words for this section (e.g. MedQuAD's question text and qtype).
    public var keywords: String
    /// An external id for the passage made from this section (MedQuAD's answer id).
    public var externalID: String?
    /// The question type the section answers when its source says so (MedQuAD's `qtype`);
    /// nil: classified from the heading.
    public var answersType: QuestionType?

    public init(heading: String, blocks: [Block] = [], keywords: String = "", externalID: String? = nil,
                answersType: QuestionType? = nil) {
        self.heading = heading
        self.blocks = blocks
        self.keywords = keywords
        self.externalID = externalID
        self.answersType = answersType
    }

    /// A paragraph or one bullet.
    public enum Block: Sendable, Equatable, Codable {
        case paragraph(String)
        case bullet(String)
    }

    /// The section's text: paragraphs, and bullets as "• item" lines.
    public var text: String {
        blocks.map { block in
            switch block {
            case .paragraph(let text): return text
            case .bullet(let text): return "• " + text
            }
        }.joined(separator: "\n")
    }
}

extension Article {
    /// A stable, human-readable dump of the parsed article (golden tests; the index does not
    /// store it: `articles.dump` is written empty).
    public func dump() -> String {
        var lines: [String] = []
        lines.append("id: \(id)")
        lines.append("title: \(title)")
        lines.append("published: \(published)")
        if let reviewed { lines.append("reviewed: \(reviewed)") }
        lines.append("summary: \(summary)")
        lines.append("tags: \(tags.joined(separator: ", "))")
        lines.append("related: \(related.joined(separator: ", "))")
        if !introduction.isEmpty { lines.append("introduction: \(introduction)") }
        for section in sections {
            lines.append("## \(section.heading)")
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines.append("  p: \(text)")
                case .bullet(let text): lines.append("  •: \(text)")
                }
            }
        }
        for (number, reference) in references.enumerated() {
            lines.append("[\(number + 1)] \(reference.dump())")
        }
        return lines.joined(separator: "\n")
    }
}
