import Foundation
import Testing
@testable import MedSearch

@Suite struct MedQuADParserTests {
    /// The supplement beside the fixture tree, written here rather than tracked: a committed
    /// file of that name would look like a copy of the real collection's.
    static let supplement = """
        AnswerID,Answer
        SampleSite_0000001_Sec2.txt,"Question: What are the treatments for Leg Clots ?
        URL: https://example.org/clotting
        Answer: Blood thinners, also called ""anticoagulants"", keep the clot from growing."

        """

    /// A copy of `Fixtures/qa-xml` with its `judged-answers.csv`.
    static let tree: String = {
        let folder = TestPaths.temporaryFolder() + "/qa-xml"
        try? FileManager.default.copyItem(atPath: TestPaths.fixture("qa-xml"), toPath: folder)
        try? supplement.write(toFile: folder + "/" + MedQuADSupplement.fileName, atomically: true, encoding: .utf8)
        return folder
    }()

    func parse(_ relative: String) throws -> ParsedFile {
        let path = relative.hasPrefix("qa-xml/") ? Self.tree + relative.dropFirst("qa-xml".count) : TestPaths.fixture(relative)
        return try ArticleFileParser().parse(bytes: InputFiles.read(path), path: path)
    }

    @Test func pairsBecomeSectionsWithJudgedAnswerIDs() throws {
        let parsed = try parse("qa-xml/1_Sample_QA/0000001.xml")
        let article = try #require(parsed.articles.first)
        #expect(article.id == "SampleSite_0000001")
        #expect(article.title == "Leg Clots")
        #expect(article.url == "https://example.org/clotting")
        #expect(article.tags == ["Leg Clots", "Venous clot of the leg"])
        // Position 2 is filled from judged-answers.csv; position 3 has no answer anywhere.
        #expect(article.sections.map(\.externalID) == ["SampleSite_0000001_Sec1", "SampleSite_0000001_Sec2"])
        #expect(article.sections[0].text == "A leg clot is a lump of blood\nthat forms in a deep vein of the leg.")
        #expect(article.sections[1].text == "Blood thinners, also called \"anticoagulants\", keep the clot from growing.")
        #expect(article.sections[1].keywords == "treatment")
        #expect(parsed.skippedEntries == 1)
        #expect(article.passages().map(\.answersType) == [.definition, .treatment])
    }

    /// The type comes from MedQuAD's qtype label, not from question words that belong to the focus.
    @Test func qtypeLabelsGiveTheAnswerType() {
        #expect(MedQuADQuestionTypes.type(of: "information") == .definition)
        #expect(MedQuADQuestionTypes.type(of: "exams and tests") == .diagnosis)
        #expect(MedQuADQuestionTypes.type(of: "Genetic Changes") == .causes)
        #expect(MedQuADQuestionTypes.type(of: "storage and disposal") == .other)
        let section = Section(heading: "What is (are) hereditary rickets ?", blocks: [.paragraph("A bone disorder.")],
                              answersType: MedQuADQuestionTypes.type(of: "information"))
        let article = Article(id: "x", title: "hereditary rickets", source: "GHR", sections: [section])
        #expect(QuestionClassifier.classify(section.heading) == .inheritance)
        #expect(article.passages().map(\.answersType) == [.definition])
    }

    @Test func herbsSupplementsSourceIsAbbreviated() throws {
        let article = try #require(try parse("qa-xml/1_Sample_QA/0000002.xml").articles.first)
        #expect(article.sections.map(\.externalID) == ["MPlusHerbsSuppls_0000002_Sec1"])
    }

    @Test func truncatedXMLReportsItsLine() throws {
        do {
            _ = try parse("truncated.xml")
            Issue.record("truncated XML parsed")
        } catch let diagnostic as IngestDiagnostic {
            #expect(diagnostic.line == 6)
            #expect(diagnostic.message == "invalid or truncated XML")
        }
    }

    @Test func csvReaderHandlesQuotedNewlinesAndQuotes() {
        let rows = CSVReader.rows("a,b\n\"x\ny\",\"say \"\"hi\"\"\"\nlast,row")
        #expect(rows.map(\.fields) == [["a", "b"], ["x\ny", "say \"hi\""], ["last", "row"]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    /// `cleanAnswer` works on bytes; it must agree with the `Character`-level definition it
    /// replaced, also where Unicode white space, "\r\n" and combining marks meet line ends.
    @Test(arguments: [
        "  Line one  \n\n\t  line two\t\n   \n",
        "a\r\nb\n \r\n c \r\n",
        "\u{00A0}nbsp\u{00A0}\n\u{2003}em\u{3000}\n\u{0085}",
        " \u{0301}mark after space\n tail \u{0301}\n x\u{0301} ",
        "caf\u{00E9}\n  na\u{00EF}ve  \n\u{1F600} \n",
        "\n\n\n", "", "\r\n", "no newline at all",
    ])
    func cleanAnswerMatchesTheCharacterDefinition(text: String) {
        let characterLevel = text.split(separator: "\n").map { $0.trimmed }.filter { !$0.isEmpty }.joined(separator: "\n")
        #expect(MedQuADParser.cleanAnswer(text) == characterLevel)
        #expect(MedQuADParser.lines(of: text) == text.split(separator: "\n").map(String.init))
    }

    /// The real MedQuAD tree beside the project (present in CI): the evaluation corpus is
    /// every XML answer plus the judged answers the XML lacks, 17,862 in all.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedData.medquad)))
    func indexesTheWholeMedQuADTree() throws {
        let db = TestPaths.temporaryFolder() + "/medquad.sqlite"
        let report = try IndexWriter.rebuild(at: db, from: [SharedData.medquad])
        #expect(report.passages == 17_862)
        #expect(report.entriesWithoutText == 47_407 - 17_862)
        #expect(report.filesFailed == 0)
        let reader = try IndexReader(path: db)
        let article = try #require(try reader.article(id: "NHLBI_0000051"))
        #expect(article.sections.contains { $0.passageID == "NHLBI_0000051_Sec6" })
        let filled = try #require(try reader.article(id: "ADAM_0003147"))
        #expect(filled.sections.first?.passageID == "ADAM_0003147_Sec1")
        let result = try SearchEngine(path: db).answers(to: "What are the treatments for Deep Vein Thrombosis?", limit: 3)
        #expect(result.answers.map(\.passageID).contains("NHLBI_0000051_Sec6"), "\(result.answers.map(\.passageID))")
    }
}

/// `../shared/data` beside the repository, or `$MEDSEARCH_SHARED_DATA`.
enum SharedData {
    static var root: String {
        if let path = ProcessInfo.processInfo.environment["MEDSEARCH_SHARED_DATA"], !path.isEmpty { return path }
        return TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }
    static var medquad: String { root + "/medquad" }
    static var liveQADev: String { root + "/liveqa-dev" }
}

/// A file's ending is read from the bytes of an ASCII path; it agrees with the `Character`
/// reading it replaced.
@Suite struct FileEndingTests {
    @Test(arguments: [
        "a/b/c.md", "C.MD", "/x/y/judged-answers.csv", "judged-answers.csv", "x/notjudged-answers.csv",
        "a/b", "a.b/c", "a/b/", "a/b.txt/", "file.", "..", "...", ".bashrc", "a..b.", "a/.x.JSONL", "", "/", "//a.xml//",
    ])
    func asciiPathsAgree(path: String) {
        #expect(ArticleFileParser.asciiEnding(of: path) == ArticleFileParser.characterEnding(of: path))
    }

    @Test func otherPathsAreReadByCharacters() {
        #expect(ArticleFileParser.asciiEnding(of: "café/notes.MD") == nil)
        #expect(ArticleFileParser.ending(of: "café/notes.MD") == "md")
    }
}
