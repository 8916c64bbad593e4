import Testing
@testable import MedSearch

/// The words of a type phrase ("go away", "who gets") say what kind of answer is wanted; a
/// section that answers that kind is not short of a topic word for lacking them.
@Suite struct TypeCueTests {
    @Test func goAwayFindsTheCureSection() throws {
        let first = try AbsentWordTests.first("will my hay fever ever go away")
        #expect(first.passage == "hay-fever#7", "\(first.found)")
    }

    /// "What separates X from Y" asks for a comparison; painkillers are the articles' pain relievers.
    @Test(arguments: [("what separates immunotherapy from a regular vaccine", "vaccines-vs-immunotherapy#1"),
                      ("which painkillers can set off asthma", "asthma#2")])
    func aComparisonAndAPainkillerFindTheirSections(question: String, passage: String) throws {
        let first = try AbsentWordTests.first(question)
        #expect(first.passage == passage, "\(first.found)")
    }

    /// "EGFR-positive" is also searched as "EGFR", as the lung cancer article says it.
    @Test func aCompoundsQualifierMayBeLeftOut() throws {
        #expect(QuestionAnalyzer().analyze("egfr-positive nsclc").groups.first?.alternatives == [["egfr", "positive"], ["egfr"]])
        let first = try AbsentWordTests.first("how well does immunotherapy work for egfr-positive nsclc")
        #expect(first.article == "immunotherapy-lung-cancer", "\(first.found)")
    }
}
