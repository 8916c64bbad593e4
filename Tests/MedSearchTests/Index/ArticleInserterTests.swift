import Testing
@testable import MedSearch

/// The ids the index would refuse are found before a file is written (no savepoint to undo a
/// failed insert): an article id another file holds, or an id an earlier article of the same
/// file took or the article repeats.
@Suite struct ArticleInserterTests {
    static func article(_ id: String, sections: [String]) -> Article {
        Article(id: id, title: "Title", summary: "Summary of \(id).",
                sections: sections.map { Section(heading: "Heading", blocks: [.paragraph("Text.")], externalID: $0) })
    }

    @Test func clashesAreFoundBeforeWriting() throws {
        let writer = try IndexWriter(path: TestPaths.temporaryFolder() + "/inserter.sqlite")
        let inserter = try ArticleInserter(database: writer.database)
        let stored = Self.article("stored", sections: ["stored-a"])
        let passages = stored.passages()
        try inserter.insert(stored, passages: passages, lengths: passages.map(FieldLengths.init), filePath: "/a.md")

        func clash(_ article: Article, in file: String, taken: inout Set<String>) throws -> String? {
            try inserter.clash(article, passages: article.passages(), filePath: file, taken: &taken)
        }
        var taken = Set<String>()
        // The file's own previous version is replaced, not a clash.
        #expect(try clash(stored, in: "/a.md", taken: &taken) == nil)
        taken = []
        #expect(try clash(stored, in: "/b.md", taken: &taken) == "UNIQUE constraint failed: articles.slug")
        #expect(taken.isEmpty)
        // Passage ids of other files are the claims' to find.
        var claims = try IDClaims(database: writer.database)
        claims.release("/b.md")
        #expect(try claims.clash(in: Self.article("new", sections: ["stored-a"]).passages())?.owner == "/a.md")
        // Within one file: a second article with a taken id, a passage id twice in one article.
        #expect(try clash(Self.article("first", sections: ["x"]), in: "/c.md", taken: &taken) == nil)
        #expect(try clash(Self.article("first", sections: ["y"]), in: "/c.md", taken: &taken) == "UNIQUE constraint failed: articles.slug")
        #expect(try clash(Self.article("second", sections: ["x"]), in: "/c.md", taken: &taken) == "UNIQUE constraint failed: passages.external_id")
        #expect(try clash(Self.article("third", sections: ["z", "z"]), in: "/c.md", taken: &taken) == "UNIQUE constraint failed: passages.external_id")
    }
}
