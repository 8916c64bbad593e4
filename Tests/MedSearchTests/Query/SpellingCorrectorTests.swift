import Testing
@testable import MedSearch

@Suite struct SpellingCorrectorTests {
    static let index: String = TestPaths.freshIndex(name: "corpus.sqlite")

    @Test(arguments: [
        ("immunotharapy", "immunotherapy"), ("lupis", "lupus"), ("migrane", "migraine"), ("diseise", "disease"),
        ("apendicitis", nil), ("lice", nil), ("concussion", nil),
    ] as [(String, String?)])
    func correctsAgainstTheIndexVocabulary(word: String, expected: String?) throws {
        let corrector = try SpellingCorrector(database: Database(path: Self.index, mode: .readOnly))
        // The correction is a word FTS5 stems to the indexed term; compare stems.
        let corrected = try corrector.correction(for: word)
        #expect(corrected.map(PorterStemmer.stem) == expected.map(PorterStemmer.stem), "word: \(word) → \(corrected ?? "nil")")
    }

    @Test func surfaceFormsStemBackToTheVocabularyTerm() {
        for stem in ["diseas", "lupu", "immunotherapi", "migrain", "asthma"] {
            #expect(PorterStemmer.stem(SpellingCorrector.surfaceForm(ofStem: stem)) == stem, "stem: \(stem)")
        }
    }
}
