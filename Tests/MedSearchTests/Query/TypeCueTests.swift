import Testing
@testable import MedSearch

/// The words of a type phrase ("go away", "who gets") say what kind of answer is wanted; a
/// section that answers that kind is not short of a topic word for lacking them.
@Suite struct TypeCueTests {
    @Test func goAwayFindsTheCureSection() throws {
        let first = try AbsentWordTests.first("will my hay fever ever go away")
        #expect(first.passage == "hay-fever#7", "\(first.found)")
    }
}

@Suite struct DurationQuestionTests {
    @Test func howLongIsSearchedAsDurationUnits() {
        let groups = QuestionAnalyzer().analyze("how long do allergy shots take").groups
        #expect(groups.first?.alternatives == QuestionAnalyzer.durationUnits.map { [$0] })
        #expect(!groups.contains { $0.alternatives == [["long"]] })
        // "long" elsewhere is the word itself.
        #expect(QuestionAnalyzer().analyze("long covid").groups.first?.alternatives == [["long"]])
    }
}
