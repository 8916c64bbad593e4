/// The unit of search: the summary of an article, or one of its sections.
public struct Passage: Sendable, Equatable {
    /// External id: MedQuAD's answer id, or `article-id#n` (n = 0 for the summary).
    public var id: String
    public var articleID: String
    /// Position in the article: 0 for the summary, 1… for sections.
    public var position: Int
    public var title: String
    public var heading: String
    public var text: String
    /// Extra searchable words (article tags, MedQuAD focus, synonyms, question text).
    public var keywords: String
    /// The question type this passage answers, from its heading.
    public var answersType: QuestionType

    public init(id: String, articleID: String, position: Int, title: String, heading: String,
                text: String, keywords: String, answersType: QuestionType) {
        self.id = id
        self.articleID = articleID
        self.position = position
        self.title = title
        self.heading = heading
        self.text = text
        self.keywords = keywords
        self.answersType = answersType
    }
}

extension Article {
    /// Splits the article into passages: the summary (with the introduction), then one per
    /// section. A section's type comes from its heading, read as a question.
    public func passages() -> [Passage] {
        let keywords = tags.joined(separator: " ")
        var result: [Passage] = []
        let lead = [summary, introduction].filter { !$0.isEmpty }.joined(separator: "\n")
        if !lead.isEmpty {
            result.append(Passage(id: "\(id)#0", articleID: id, position: 0, title: title,
                                  heading: "Summary", text: lead, keywords: keywords,
                                  answersType: QuestionClassifier.classify(title)))
        }
        for (offset, section) in sections.enumerated() {
            let text = section.text
            guard !text.isEmpty else { continue }
            let sectionKeywords = [keywords, section.keywords].filter { !$0.isEmpty }.joined(separator: " ")
            result.append(Passage(id: section.externalID ?? "\(id)#\(offset + 1)", articleID: id,
                                  position: offset + 1, title: title, heading: section.heading,
                                  text: text, keywords: sectionKeywords,
                                  answersType: section.answersType ?? QuestionClassifier.classify(section.heading)))
        }
        return result
    }
}
