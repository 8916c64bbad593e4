import Testing
@testable import MedSearch

/// A question that describes an emergency gets the notice and, first among its answers, the
/// section on when to seek care if it is about as close as one of the question's own type.
@Suite struct EmergencyAnswerTests {
    static let index = TestPaths.freshIndex(name: "corpus.sqlite")

    @Test func theWhenToSeekCareSectionComesFirst() throws {
        let engine = try SearchEngine(path: Self.index)
        let result = try engine.answers(to: "hives with lip swelling", limit: 3)
        #expect(result.emergency != nil)
        #expect(result.answers.first?.passageID == "hives#8", "\(result.answers.map(\.passageID))")
        // A ranking-only run checks for no emergency, and ranks by the question alone.
        let ranking = try engine.answers(to: "hives with lip swelling", limit: 3, declineWeak: false, detail: .ranking)
        #expect(ranking.emergency == nil && ranking.answers.first?.passageID != "hives#8", "\(ranking.answers.map(\.passageID))")
    }
}
