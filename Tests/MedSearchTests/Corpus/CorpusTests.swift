import Foundation
import Testing
@testable import MedSearch

/// The shipped Corpus: every article parses cleanly, links resolve, references are complete.
@Suite struct CorpusTests {
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    }()

    static func parse(_ name: String) throws -> ParsedFile {
        let path = (TestPaths.corpus as NSString).appendingPathComponent(name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try MarkdownArticleParser().parse(text, path: "Corpus/" + name)
    }

    @Test func shipsAtLeastFortyArticles() {
        #expect(Self.files.count >= 40)
    }

    @Test(arguments: files)
    func articleParsesWithoutWarnings(name: String) throws {
        let parsed = try Self.parse(name)
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        let article = try #require(parsed.articles.first)
        #expect(article.id + ".md" == name, "id must equal the file name")
        #expect(article.title.hasSuffix("?"), "title should be a question: \(article.title)")
        #expect((6...11).contains(article.sections.count), "\(name) has \(article.sections.count) sections")
        #expect((2...6).contains(article.references.count), "\(name) has \(article.references.count) references")
        for reference in article.references {
            #expect(!reference.authors.isEmpty && reference.year != nil && !reference.title.isEmpty && !reference.journal.isEmpty,
                    "\(name): incomplete reference \(reference.raw)")
        }
    }

    @Test func everyRelatedIDExists() throws {
        let ids = Set(Self.files.map { String($0.dropLast(3)) })
        for name in Self.files {
            let article = try #require(try Self.parse(name).articles.first)
            for related in article.related {
                #expect(ids.contains(related), "\(name): related id '\(related)' does not exist")
            }
        }
    }
}
