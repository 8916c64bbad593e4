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
