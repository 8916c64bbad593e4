import Foundation
import Testing
@testable import MedSearch

@Suite struct AbbreviationFinderTests {
    @Test(arguments: [
        ("Normal pressure hydrocephalus (NPH) is a build-up of fluid.", "nph = normal pressure hydrocephalus"),
        ("They use a chimeric antigen receptor (CAR) on T cells.", "car = chimeric antigen receptor"),
        ("Checked with a C-reactive protein (CRP) test.", "crp = c reactive protein"),
        ("Long-term, see the Global Initiative for Asthma (GINA).", "gina = global initiative for asthma"),
        ("People with relapsing-remitting MS (RRMS) often", "rrms = relapsing remitting ms"),
    ])
    func findsTheDefinition(text: String, expected: String) {
        #expect(AbbreviationFinder.definitions(in: text).map(\.description) == [expected])
    }

    /// Parentheses that define nothing: lower case, one capital, letters not in the words
    /// before, too short or too long, or across a sentence.
    @Test(arguments: [
        "Most people recover (see below).",
        "It is rare (Rare) in adults.",
        "Take it with food (FDA advice).",
        "A blood test (CT) is not a scan.",
        "Ask about it. (NPH)",
        "Pressure (PR) is high.",
        "Very long form here (ABCDEFGHIJKL).",
        "((((((((",
        "",
    ])
    func findsNothing(text: String) {
        #expect(AbbreviationFinder.definitions(in: text).isEmpty, "\(AbbreviationFinder.definitions(in: text))")
    }

    @Test func eachDefinitionOnce() {
        let text = "Cytokine release syndrome (CRS) is common. Severe cytokine release syndrome (CRS) is not."
        #expect(AbbreviationFinder.definitions(in: text).map(\.description) == ["crs = cytokine release syndrome"])
    }
}

/// A question that only says the short form finds a passage that only spells it out.
@Suite struct AbbreviationSearchTests {
    static let folder = TestPaths.fixture("abbreviations")

    @Test func theShortFormFindsTheLongForm() throws {
        let index = TestPaths.freshIndex(of: Self.folder, name: "abbreviations.sqlite")
        let result = try SearchEngine(path: index).answers(to: "exercise for nph", limit: 3)
        #expect(result.answers.first?.passageID == "fx-nph-activity#1", "\(result.answers.map(\.passageID)) \(result.noAnswerReason ?? "")")
        #expect(result.terms.contains { $0.group.alternatives == [["nph"], ["normal", "pressure", "hydrocephalus"]] })
        // Said to the reader, as a spelling correction is.
        #expect(result.abbreviations.map(\.short) == ["nph"] && result.abbreviations.first?.long == ["normal pressure hydrocephalus"])
    }

    /// A short word of everyday English is not read as an abbreviation: the Corpus defines
    /// "chimeric antigen receptor (CAR)", yet "car" in a question is a car.
    @Test func anEnglishWordIsNotExpanded() throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: "car accident and hives", limit: 3)
        #expect(!result.terms.contains { $0.group.alternatives.contains(["chimeric", "antigen", "receptor"]) })
        let crs = try SearchEngine(path: AbsentWordTests.index).answers(to: "what is icans", limit: 3)
        #expect(crs.terms.contains { $0.group.alternatives.contains { $0.first == "immune" } }, "\(crs.terms.map(\.group.alternatives))")
    }

    /// The table follows the articles: removing the article that defines a short form removes it.
    @Test func definitionsLeaveWithTheirArticle() throws {
        let root = TestPaths.temporaryFolder()
        for name in ["fx-nph-basics.md", "fx-nph-activity.md"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: root + "/" + name)
        }
        let index = root + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: index, from: [root])
        func count() throws -> Int64 {
            try Database(path: index, mode: .readOnly).prepare("SELECT COUNT(*) FROM abbreviations WHERE short = 'nph'").rows { $0.int(0) }.first ?? -1
        }
        #expect(try count() == 1)
        try FileManager.default.removeItem(atPath: root + "/fx-nph-basics.md")
        _ = try IndexWriter(path: index).update(from: [root])
        #expect(try count() == 0)
    }
}
