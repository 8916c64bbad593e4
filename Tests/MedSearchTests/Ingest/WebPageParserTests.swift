import Foundation
import Testing
@testable import MedSearch

@Suite struct WebPageParserTests {
    static func parse(_ fixture: String) throws -> ParsedFile {
        let path = TestPaths.fixture("webpages/" + fixture)
        return try WebPageParser().parse(String(contentsOfFile: path, encoding: .utf8), path: fixture)
    }

    @Test func parsedPageMatchesGoldenDump() throws {
        let parsed = try Self.parse("hay-fever.txt")
        let expected = try String(contentsOfFile: TestPaths.fixture("webpages/hay-fever.dump"), encoding: .utf8)
        #expect(parsed.articles.count == 1)
        #expect(parsed.articles[0].dump() == expected.trimmingCharacters(in: .newlines))
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles[0].source == "hay-fever.txt")
        #expect(parsed.articleLines[parsed.articles[0].id] == 5, "located at the title line")
    }

    @Test func chromeNeverReachesAPassage() throws {
        let article = try #require(try Self.parse("hay-fever.txt").articles.first)
        let text = article.passages().map { $0.heading + "\n" + $0.text }.joined(separator: "\n")
        for chrome in ["Logo", "Share this page", "newsletter", "answer background", "Explanation", "Ask our assistant",
                       "Tell your friends", "Was this page helpful", "informational purposes", "Learn more about"] {
            #expect(!text.contains(chrome), "passage text holds the chrome '\(chrome)'")
        }
        // Advice that merely starts like a sign-up prompt stays.
        #expect(text.contains("Sign up for pollen alerts"))
    }

    @Test func numberedSubheadingsStayInTheirSection() throws {
        let article = try #require(try Self.parse("hay-fever.txt").articles.first)
        #expect(article.sections.map(\.heading) == ["What Causes Hay Fever?", "Treatment Options", "When Should You See a Doctor?"])
        #expect(article.sections[1].blocks.contains(.paragraph("2. Non-Drowsy Antihistamines")))
        #expect(article.sections[0].blocks.contains(.bullet("A blocked nose that is worse at night")), "an indented line continues its bullet")
    }

    @Test(arguments: [
        ("only-boilerplate.txt", "only-boilerplate.txt:1: error: no article text: the page holds only blank lines, dates and site boilerplate"),
        ("paragraph-first.txt", "paragraph-first.txt:1: error: no title: the page's first line of text is a 258-character paragraph"),
        ("title-only.txt", "title-only.txt:3: error: no article text after the title 'Hay Fever in Children'"),
    ])
    func unusablePagesReportFileAndLine(fixture: String, expected: String) throws {
        do {
            _ = try Self.parse(fixture)
            Issue.record("\(fixture) parsed without error")
        } catch let diagnostic as IngestDiagnostic {
            #expect(diagnostic.description.hasPrefix(expected), "\(fixture): \(diagnostic)")
        }
    }

    @Test(arguments: [
        ("bad-date.txt", "bad-date.txt:1: warning: date '13/45/2025' is not a date such as 2/27/2026 or 2026-02-27; ignored", 2),
        ("no-headings.txt", "no-headings.txt:1: warning: page has no section headings; indexed as one passage", 1),
        ("bad-reference.txt", "bad-reference.txt:14: warning: reference has no authors, year, title, journal: Allergy society leaflet", 2),
    ])
    func flawedPagesAreIndexedWithAWarning(fixture: String, warning: String, passages: Int) throws {
        let parsed = try Self.parse(fixture)
        #expect(parsed.warnings.count == 1, "\(fixture): \(parsed.warnings)")
        #expect(parsed.warnings.first?.description.hasPrefix(warning) == true, "\(fixture): \(parsed.warnings)")
        #expect(parsed.articles.first?.passages().count == passages, "\(fixture)")
    }

    @Test(arguments: [
        ("2/27/2026", "2026-02-27"), ("12/1/2025", "2025-12-01"), ("2026-02-27", "2026-02-27"),
        ("2026-02-27T08:30:00Z", "2026-02-27"), ("February 27, 2026", "2026-02-27"), ("Feb 27, 2026", "2026-02-27"),
        ("27 February 2026", "2026-02-27"), ("2/29/2024", "2024-02-29"),
        ("13/45/2025", nil), ("2/29/2025", nil), ("2/27/26", nil), ("yesterday", nil), ("2026-02-27junk", nil),
    ] as [(String, String?)])
    func datesAreRead(text: String, expected: String?) {
        #expect(PageDate.iso(text) == expected, "date '\(text)'")
    }

    @Test(arguments: [
        ("Doctors Note Logo", WebPageBoilerplate.Kind.chrome), ("answer background", .divider), ("Explanation", .divider),
        ("Was this page helpful?", .footer), ("Tell your friends about us.", .footer), ("For First Time Users", .footer),
        ("Thinking about asking a chatbot?Ask me instead", .footer), ("Learn more about diseases", .relatedTopics),
        ("Sign up for our newsletter", .chrome), ("Share this article", .chrome),
        ("This site is for informational purposes only and is not a medical treatment.", .chrome),
    ])
    func chromeIsRecognised(line: String, kind: WebPageBoilerplate.Kind) {
        #expect(WebPageBoilerplate.kind(of: line) == kind, "line '\(line)'")
    }

    @Test(arguments: ["Sign up for a flu shot each autumn.", "What Are the Risks?", "Share the load with a friend when lifting.",
                      "Learn more about your own triggers by keeping a diary."])
    func articleTextIsNotChrome(line: String) {
        #expect(WebPageBoilerplate.kind(of: line) == nil, "line '\(line)'")
    }

    @Test(arguments: [
        ("Is Immunotherapy the Answer? The Science & Medically Approved Next Steps", "is-immunotherapy-the-answer-the-science-medically-approved-next-steps"),
        ("What's Café Asthma?", "whats-cafe-asthma"),
        ("日本語のページ", ""),
    ])
    func titlesBecomeSlugs(title: String, slug: String) {
        #expect(WebPageParser.slug(title) == slug, "title '\(title)'")
    }

    @Test func idFallsBackToTheFileName() {
        #expect(WebPageParser.identifier(title: "日本語のページ", path: "pages/kafun-sho.txt", text: "x") == "kafun-sho")
    }
}

/// The real page copied from a consumer-health site, read where it lies (`../shared/examples`)
/// and never copied into the repository. Skipped when the file is absent.
@Suite struct WebPageExampleTests {
    static let path = TestPaths.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/examples/000_965ab9d7d1ff876b.txt").path

    static func article() throws -> Article {
        let parsed = try ArticleFileParser().parse(bytes: InputFiles.read(path), path: path)
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        return try #require(parsed.articles.first)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: path)))
    func titleDateSummaryAndRelatedTopic() throws {
        let article = try Self.article()
        #expect(article.title == "Is Immunotherapy the Answer? The Science & Medically Approved Next Steps")
        #expect(article.id == "is-immunotherapy-the-answer-the-science-medically-approved-next-steps")
        #expect(article.published == "2026-02-27")
        #expect(article.source == Self.path)
        #expect(article.related == ["Primary Immunodeficiency Syndrome"])
        // The summary is the answer box: the paragraphs between the title and the divider.
        let lines = try String(contentsOfFile: Self.path, encoding: .utf8).split(separator: "\n").map { $0.trimmed }
        let titleLine = try #require(lines.firstIndex(of: article.title))
        let divider = try #require(lines.firstIndex(of: "answer background"))
        let box = lines[(titleLine + 1)..<divider].filter { !$0.isEmpty }
        #expect(box.count == 2)
        #expect(article.summary == box.joined(separator: " "))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: path)))
    func everySectionKeepsItsBullets() throws {
        let article = try Self.article()
        #expect(article.sections.count == 11, "\(article.sections.map(\.heading))")
        #expect(article.sections.allSatisfy { !$0.blocks.isEmpty })
        // Every bullet line of the page (outside the references) is a bullet of some section.
        let bulletLines = try String(contentsOfFile: Self.path, encoding: .utf8).split(separator: "\n")
            .map { $0.trimmed }.filter { $0.hasPrefix("• ") && !$0.hasPrefix("• *") }
        let bullets = article.sections.flatMap(\.blocks).filter { if case .bullet = $0 { true } else { false } }
        #expect(bullets.count == bulletLines.count)
        #expect(bullets == bulletLines.map { .bullet(String($0.dropFirst(2))) })
        // The numbered steps stay inside their section.
        let steps = try #require(article.sections.first { $0.heading.contains("Next Steps") })
        #expect(steps.blocks.filter { if case .paragraph(let text) = $0 { text.first?.isNumber == true } else { false } }.count == 5)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: path)))
    func fiveReferencesAreParsedIntoTheirParts() throws {
        let references = try Self.article().references
        #expect(references.count == 5)
        #expect(references.map { $0.authors.first ?? "" } == ["Waldman, A. D.", "Alsaab, H. O.", "Galluzzi, L.", "Marin-Acevedo, J. A.", "Gherardi, G."])
        #expect(references.map(\.year) == [2020, 2022, 2021, 2021, 2020])
        #expect(references.map(\.volume) == ["217", "34", "40", "70", "7"])
        #expect(references.map(\.issue) == ["3", "6", "16", "10", "3"])
        #expect(references.map(\.pages) == ["e20190850", "102140", "e108429", "2731-2742", "MMG12"])
        #expect(references[0].journal == "Journal of Experimental Medicine")
        #expect(references[3].journal == "Cancer Immunology, Immunotherapy")
        for reference in references {
            #expect(CitationParser.missingParts(of: reference).isEmpty, "\(reference.raw)")
            #expect(!reference.title.isEmpty && !reference.title.hasSuffix("."), "\(reference.raw)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: path)))
    func noBoilerplateInAnyPassage() throws {
        let passages = try Self.article().passages()
        #expect(passages.count == 12, "the summary and 11 sections")
        let text = passages.map { $0.heading + "\n" + $0.text }.joined(separator: "\n")
        for chrome in ["Logo", "answer background", "\nExplanation", "Was this page helpful", "Tell your friends",
                       "love to help them", "For First Time Users", "Ask me instead", "Shiba", "Doctor's Note",
                       "Doctor’s Note", "informational purposes", "Learn more about", "(References)"] {
            #expect(!text.contains(chrome), "a passage holds the chrome '\(chrome)'")
        }
        // The title appears once, as the title: its repeat above the article is dropped.
        #expect(!text.contains("\n" + "Is Immunotherapy the Answer? The Science"))
    }
}
