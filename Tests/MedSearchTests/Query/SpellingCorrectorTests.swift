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

    /// "vacine" (stem "vacin") is one edit from "vaccine" and from "vagina": both are candidates.
    @Test func equallyCloseTermsAreAllCandidates() throws {
        let corrector = try SpellingCorrector(database: Database(path: Self.index, mode: .readOnly))
        let candidates = try corrector.candidates(for: "vacine").map(PorterStemmer.stem)
        #expect(candidates.count > 1 && candidates.contains("vaccin"), "\(candidates)")
        #expect(try corrector.candidates(for: "immunotharapy").map(PorterStemmer.stem) == ["immunotherapi"])
    }

    /// Among equally close terms the question's other topic words choose; with none, or none
    /// found beside them, the word stays as typed.
    @Test func theQuestionsOtherWordsChooseAmongEquallyCloseTerms() throws {
        let engine = try SearchEngine(path: Self.index)
        let alone = try engine.answers(to: "vacine", limit: 3)
        #expect(alone.corrections.isEmpty, "\(alone.corrections)")
        let beside = try engine.answers(to: "shingles vacine", limit: 3)
        #expect(beside.corrections.map(\.searched).map(PorterStemmer.stem) == ["vaccin"], "\(beside.corrections)")
    }

    /// An English word is never taken for a misspelling of an indexed one: the Corpus holds
    /// "break", "stent" and "sore", not "bread", "stunt" or "snoring".
    @Test(arguments: ["bread", "stunt", "snoring", "scared", "colon"])
    func englishWordsAreNotCorrected(word: String) throws {
        let corrector = try SpellingCorrector(database: Database(path: Self.index, mode: .readOnly))
        #expect(try corrector.candidates(for: word).isEmpty)
        let result = try SearchEngine(path: Self.index).answers(to: "can \(word) happen with celiac disease", limit: 3)
        #expect(result.corrections.isEmpty, "\(result.corrections)")
    }

    /// A word whose only close term is not found beside the question's other words stays as
    /// typed when it is short ("moderna" is not "modern" beside "melanoma"), but a long one is
    /// still corrected ("hydrslazine" has no such company in a small index either).
    @Test func aLoneCloseTermNeedsCompanyUnlessTheWordIsLong() throws {
        let folder = TestPaths.temporaryFolder()
        let lines = [
            #"{"_id": "a", "title": "Melanoma vaccines", "text": "Personalised melanoma vaccines are studied in trials."}"#,
            #"{"_id": "b", "title": "Homes", "text": "A modern house has large windows."}"#,
            #"{"_id": "c", "title": "Hydralazine", "text": "Hydralazine lowers blood pressure."}"#,
            #"{"_id": "d", "title": "Carvedilol", "text": "Carvedilol is a beta blocker for the heart."}"#,
        ]
        try lines.joined(separator: "\n").write(toFile: folder + "/docs.jsonl", atomically: true, encoding: .utf8)
        _ = try IndexWriter.rebuild(at: folder + "/index.sqlite", from: [folder + "/docs.jsonl"])
        let engine = try SearchEngine(path: folder + "/index.sqlite")
        #expect(try engine.answers(to: "moderna melanoma vaccine", limit: 3).corrections.isEmpty)
        #expect(try engine.answers(to: "moderna", limit: 3).corrections.map(\.searched) == ["modern"])
        let long = try engine.answers(to: "carvedilol and hydrslazine", limit: 3)
        #expect(long.corrections.map(\.searched).map(PorterStemmer.stem) == ["hydralazin"], "\(long.corrections)")
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

    /// A misspelled name the index never holds but the lexicon knows is searched as the
    /// lexicon's group ("benadril" → benadryl / diphenhydramine); an English word is not
    /// ("concussion" is not "convulsion"), nor a word two groups are as close to.
    @Test func aNameTheLexiconKnowsCorrectsAWordTheIndexLacks() throws {
        #expect(Synonyms.closestWord(to: "amlodopine")?.phrase == ["amlodipine"])
        #expect(Synonyms.closestWord(to: "opdulag")?.phrase == ["opdualag"])
        #expect(Synonyms.closestWord(to: "benadril")?.phrase == ["benadryl"])
        #expect(Synonyms.closestWord(to: "excema")?.phrase == ["eczema"])
        #expect(Synonyms.closestWord(to: "zzzzzzzz") == nil)
        #expect(Synonyms.closestWord(to: "ibup") == nil)
        let engine = try SearchEngine(path: Self.index)
        let result = try engine.answers(to: "benadril for hives", limit: 3)
        #expect(result.corrections.map(\.searched) == ["benadryl"], "\(result.corrections)")
        #expect(result.answers.first?.articleID == "hives", "\(result.answers.map(\.passageID))")
        #expect(try engine.answers(to: "signs of a concussion in kids", limit: 3).corrections.isEmpty)
    }

    /// A misspelling whose stem is far from the right word's ("hepatitus" stems to "hepatitu",
    /// "hepatitis" to "hepat") is corrected to the English word one edit away that the index
    /// holds; a short word is not.
    @Test func aMisspellingOneEditFromADictionaryWordIsCorrected() throws {
        #expect(EnglishWords.withinOneEdit(of: "hepatitus").contains("hepatitis"))
        #expect(!EnglishWords.withinOneEdit(of: "hepatitus").contains("hepatitus"))
        let result = try SearchEngine(path: Self.index).answers(to: "hepatitus b test before rituximab", limit: 3)
        #expect(result.corrections.map(\.typed) == ["hepatitus"], "\(result.corrections)")
        #expect(result.answers.first?.articleID == "immunotherapy-lymphoma-leukemia", "\(result.answers.map(\.passageID))")
    }

    /// The lexicon's drug groups: brands, generics and the classes drugs lead to.
    @Test func drugNamesAreTheDrugGroups() {
        for drug in [["aimovig"], ["erenumab"], ["keytruda"], ["calcium", "channel", "blocker"]] {
            #expect(Synonyms.isDrugName(drug), "\(drug)")
        }
        for other in [["hay", "fever"], ["acne"], ["lupus"]] { #expect(!Synonyms.isDrugName(other), "\(other)") }
    }

    /// A lexicon phrase typed as one word ("hayfever") is searched as the phrase's group.
    @Test func aPhraseRunTogetherIsSearchedAsThePhrase() throws {
        #expect(Synonyms.closestWord(to: "hayfever")?.phrase == ["hay", "fever"])
        #expect(Synonyms.closestWord(to: "heartattack")?.phrase == ["heart", "attack"])
        let result = try SearchEngine(path: Self.index).answers(to: "does local honey help hayfever", limit: 3)
        #expect(result.corrections.map(\.searched) == ["hay fever"], "\(result.corrections)")
        #expect(result.answers.first?.articleID == "hay-fever", "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
    }

    @Test func surfaceFormsStemBackToTheVocabularyTerm() {
        for stem in ["diseas", "lupu", "immunotherapi", "migrain", "asthma"] {
            #expect(PorterStemmer.stem(SpellingCorrector.surfaceForm(ofStem: stem)) == stem, "stem: \(stem)")
        }
    }
}

/// Names spelled by ear sound alike (`SoundKey`); the lexicon finds them one edit further.
@Suite struct SoundKeyTests {
    @Test(arguments: [("exema", "eczema"), ("nemonia", "pneumonia"), ("rhumatoid", "rheumatoid"),
                      ("sirosis", "cirrhosis"), ("dyabetes", "diabetes")])
    func misspellingsSoundLikeTheName(typed: String, name: String) {
        #expect(SoundKey.of(typed) == SoundKey.of(name), "\(SoundKey.of(typed)) vs \(SoundKey.of(name))")
    }

    @Test func differentNamesSoundDifferent() {
        #expect(SoundKey.of("eczema") != SoundKey.of("asthma"))
        #expect(SoundKey.of("migraine") != SoundKey.of("measles"))
        #expect(SoundKey.of("") == "")
    }

    @Test func theLexiconFindsANameSpelledByEar() {
        #expect(Synonyms.closestWord(to: "exema")?.phrase == ["eczema"])
    }
}
