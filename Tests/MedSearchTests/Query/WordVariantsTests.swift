import Testing
@testable import MedSearch

@Suite struct WordVariantsTests {
    @Test(arguments: [
        ("treatment", "treat"), ("diagnosis", "diagnose"), ("allergic", "allergy"),
        ("asthmatics", "asthma"), ("psoriatic", "psoriasis"), ("diabetics", "diabetes"), ("arthritic", "arthritis"),
        ("blockage", "block"), ("breakage", "break"),
    ])
    func offersTheRelatedForm(word: String, variant: String) {
        #expect(WordVariants.candidates(word).contains(variant), "\(WordVariants.candidates(word))")
    }

    /// A word the index lacks still finds its indexed variant: "asthmatics" is answered from
    /// the asthma article, not declined.
    @Test func aWordTheIndexLacksFindsItsVariant() throws {
        let engine = try SearchEngine(path: TestPaths.freshIndex(name: "corpus.sqlite"))
        let result = try engine.answers(to: "exercise for asthmatics", limit: 3)
        #expect(result.noAnswerReason == nil && result.answers.first?.articleID == "asthma", "\(result.answers.map(\.passageID))")
    }
}
