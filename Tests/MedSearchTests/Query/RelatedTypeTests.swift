import Testing
@testable import MedSearch

/// A question is also answered by the sections of its type's related types
/// (`QuestionType.alsoAnsweredBy`), boosted as much as a section of its own type.
@Suite struct RelatedTypeTests {
    @Test func theRelatedTypesAreTheMeasuredOnes() {
        #expect(QuestionType.outlook.alsoAnsweredBy == [.cure, .mechanism])
        #expect(QuestionType.nextSteps.alsoAnsweredBy == [.emergency])
        #expect(QuestionType.causes.alsoAnsweredBy == [.misconceptions, .sideEffects])
        #expect(QuestionType.comparison.alsoAnsweredBy == [.definition])
        #expect(QuestionType.prevention.alsoAnsweredBy == [.nextSteps])
        #expect(QuestionType.definition.alsoAnsweredBy.isEmpty)
    }

    /// Each question's type differs from its best section's: outlook → "can it be cured?",
    /// next steps → when it is an emergency, causes → the myths that settle it or a medicine's
    /// side effects ("why did lisinopril give me a cough"), a comparison → what one of them is,
    /// prevention → the next steps.
    @Test(arguments: [
        ("can you die from cytokine release syndrome", "cytokine-release-syndrome#7"),
        ("my bp is 185/125 what should i do", "high-blood-pressure#8"),
        ("does hay fever cause a fever", "hay-fever#9"),
        ("why did lisinopril give me a dry cough", "high-blood-pressure#5"),
        ("why has lisinopril given me a dry cough", "high-blood-pressure#5"),
        ("heart attack vs cardiac arrest", "heart-attack-warning-signs#1"),
        ("best ways to avoid getting the flu this winter", "flu-and-flu-vaccine#9"),
    ])
    func aRelatedSectionAnswers(question: String, expected: String) throws {
        let first = try AbsentWordTests.first(question)
        #expect(first.passage == expected, "\(first.found)")
    }
}
