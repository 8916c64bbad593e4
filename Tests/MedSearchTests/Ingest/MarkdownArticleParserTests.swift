import Foundation
import Testing
@testable import MedSearch

@Suite struct MarkdownArticleParserTests {
    @Test func parsedArticleMatchesGoldenDump() throws {
        let path = TestPaths.fixture("articles/sample.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let parsed = try MarkdownArticleParser().parse(text, path: "sample.md")
        let expected = try String(contentsOfFile: TestPaths.fixture("articles/sample.dump"), encoding: .utf8)
        #expect(parsed.articles.count == 1)
        #expect(parsed.articles[0].dump() == expected.trimmingCharacters(in: .newlines))
        // The citation without a year is kept but reported with its line.
        #expect(parsed.warnings.map(\.description) == ["sample.md:36: warning: reference has no authors, year, title, journal: A citation without a year at all."])
    }

    @Test func passagesAreSummaryThenOnePerSection() throws {
        let text = try String(contentsOfFile: TestPaths.fixture("articles/sample.md"), encoding: .utf8)
        let article = try MarkdownArticleParser().parse(text, path: "sample.md").articles[0]
        let passages = article.passages()
        #expect(passages.map(\.id) == ["sample#0", "sample#1", "sample#2"])
        #expect(passages.map(\.heading) == ["Summary", "What is the sample treatment?", "Is it a cure?"])
        #expect(passages[2].answersType == .cure)
        #expect(passages[1].text.contains("• Second bullet that continues on an indented line"))
    }

    @Test(arguments: [
        ("articles/bad-date.md", "bad-date.md:4: error: published 'not-a-date' must be a date YYYY-MM-DD"),
        ("articles/no-front-matter.md", "no-front-matter.md:1: error: missing front matter: the file must start with a '---' line"),
        ("articles/bad-yaml.md", "bad-yaml.md:4: error: front matter is not valid YAML"),
    ])
    func brokenArticlesReportFileAndLine(fixture: String, expected: String) throws {
        let text = try String(contentsOfFile: TestPaths.fixture(fixture), encoding: .utf8)
        let name = (fixture as NSString).lastPathComponent
        do {
            _ = try MarkdownArticleParser().parse(text, path: name)
            Issue.record("\(fixture) parsed without error")
        } catch let diagnostic as IngestDiagnostic {
            #expect(diagnostic.description.hasPrefix(expected), "\(fixture): \(diagnostic)")
        }
    }
}

@Suite struct CitationParserTests {
    @Test func parsesTheSeedArticleStyle() {
        let reference = CitationParser.parse("* Marin-Acevedo, J. A., Dholaria, B., Cellupica, C., & Davar, D. (2021). Challenges in cancer immunotherapy. *Cancer Immunology, Immunotherapy*, *70*(10), 2731-2742.")
        #expect(reference.authors == ["Marin-Acevedo, J. A.", "Dholaria, B.", "Cellupica, C.", "Davar, D."])
        #expect(reference.year == 2021)
        #expect(reference.title == "Challenges in cancer immunotherapy")
        #expect(reference.journal == "Cancer Immunology, Immunotherapy")
        #expect(reference.volume == "70")
        #expect(reference.issue == "10")
        #expect(reference.pages == "2731-2742")
    }

    @Test func keepsRawTextWhenUnparseable() {
        let reference = CitationParser.parse("Some society guideline, no year")
        #expect(reference.year == nil)
        #expect(reference.raw == "Some society guideline, no year")
        #expect(reference.formatted == "Some society guideline, no year")
    }

    @Test func sameWorkHasSameKey() {
        let a = CitationParser.parse("Waldman, A. D., Bellone, S., & Dranoff, G. (2020). Cancer immunotherapy: A review. *J Exp Med*, 217(3), e20190850. https://doi.org/10.1084/JEM.20190850")
        let b = CitationParser.parse("Waldman, A. D. (2020). Cancer immunotherapy. *Journal of Experimental Medicine*, 217(3). doi:10.1084/jem.20190850")
        #expect(a.deduplicationKey == b.deduplicationKey)
    }
}
