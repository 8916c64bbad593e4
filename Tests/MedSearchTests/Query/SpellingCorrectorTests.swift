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
        let corrected = try corrector.candidates(for: word).first
        #expect(corrected.map(PorterStemmer.stem) == expected.map(PorterStemmer.stem), "word: \(word) → \(corrected ?? "nil")")
    }

    /// "snoring" (stem "snore") is one edit from several indexed terms: all are candidates.
    @Test func equallyCloseTermsAreAllCandidates() throws {
        let corrector = try SpellingCorrector(database: Database(path: Self.index, mode: .readOnly))
        let candidates = try corrector.candidates(for: "snoring").map(PorterStemmer.stem)
        #expect(candidates.count > 1 && candidates.contains("sore"), "\(candidates)")
        #expect(try corrector.candidates(for: "immunotharapy").map(PorterStemmer.stem) == ["immunotherapi"])
    }

    /// Among equally close terms the question's other topic words choose; with none, or none
    /// found beside them, the word stays as typed.
    @Test func theQuestionsOtherWordsChooseAmongEquallyCloseTerms() throws {
        let engine = try SearchEngine(path: Self.index)
        let alone = try engine.answers(to: "how to stop snoring", limit: 3)
        #expect(alone.corrections.isEmpty && alone.answers.isEmpty, "\(alone.corrections) \(alone.answers.map(\.passageID))")
        let beside = try engine.answers(to: "strep throat snoring", limit: 3)
        #expect(beside.corrections.map(\.searched).map(PorterStemmer.stem) == ["sore"], "\(beside.corrections)")
    }

    /// A compound's own words are context: in "beckwith-wieddeman" the word "beckwith" chooses
    /// "wiedeman" over the commoner, equally close "wieddemen" found elsewhere.
    @Test func aCompoundsOtherWordChoosesTheCorrection() throws {
        let folder = TestPaths.temporaryFolder()
        var lines = [#"{"_id": "a", "title": "Overgrowth", "text": "Beckwith wiedeman syndrome causes overgrowth in children."}"#]
        for number in 0..<3 {
            lines.append(#"{"_id": "b\#(number)", "title": "River", "text": "The wieddemen river is good for fishing."}"#)
        }
        try lines.joined(separator: "\n").write(toFile: folder + "/docs.jsonl", atomically: true, encoding: .utf8)
        _ = try IndexWriter.rebuild(at: folder + "/index.sqlite", from: [folder + "/docs.jsonl"])
        let result = try SearchEngine(path: folder + "/index.sqlite").answers(to: "beckwith-wieddeman", limit: 3)
        #expect(result.corrections.map(\.searched) == ["beckwith wiedeman"], "\(result.corrections)")
        #expect(result.answers.first?.passageID.hasPrefix("a") == true, "\(result.answers.map(\.passageID))")
    }

    @Test func surfaceFormsStemBackToTheVocabularyTerm() {
        for stem in ["diseas", "lupu", "immunotherapi", "migrain", "asthma"] {
            #expect(PorterStemmer.stem(SpellingCorrector.surfaceForm(ofStem: stem)) == stem, "stem: \(stem)")
        }
    }
}
