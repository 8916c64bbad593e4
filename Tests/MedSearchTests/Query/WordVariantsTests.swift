import Testing
@testable import MedSearch

@Suite struct WordVariantsTests {
    @Test(arguments: [
        ("treatment", "treat"), ("diagnosis", "diagnose"), ("allergic", "allergy"),
        ("asthmatics", "asthma"), ("psoriatic", "psoriasis"), ("diabetics", "diabetes"), ("arthritic", "arthritis"),
        ("streptococcus", "streptococcal"), ("streptococcal", "streptococcus"), ("fungal", "fungus"),
        ("blockage", "block"), ("breakage", "break"), ("swollen", "swell"), ("bitten", "bite"),
        ("pregnant", "pregnancy"), ("pregnancy", "pregnant"), ("deficient", "deficiency"), ("oncology", "oncologist"), ("infectious", "infection"),
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

    /// An irregular participle finds its verb's forms: "swollen ankles" is answered by "ankle
    /// swelling" among a medicine's side effects, not declined for "swollen".
    @Test func anIrregularParticipleFindsItsVerb() throws {
        let engine = try SearchEngine(path: TestPaths.freshIndex(name: "corpus.sqlite"))
        let result = try engine.answers(to: "amlodopine swollen ankles", limit: 3)
        #expect(result.answers.first?.passageID == "high-blood-pressure#5", "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
    }
}

@Suite struct BritishSpellingsTests {
    @Test(arguments: [
        ("tumour", "tumor"), ("tumor", "tumour"), ("tumours", "tumors"), ("diarrhoea", "diarrhea"), ("diarrhea", "diarrhoea"),
        ("haemoglobin", "hemoglobin"), ("leukemia", "leukaemia"), ("ischaemic", "ischemic"), ("paediatric", "pediatric"),
        ("oesophagus", "esophagus"), ("oedema", "edema"), ("estrogen", "oestrogen"), ("recognise", "recognize"),
        ("personalized", "personalised"), ("centre", "center"), ("colour", "color"),
    ])
    func findsTheOtherSpelling(word: String, other: String) {
        #expect(BritishSpellings.variants(of: word).contains(other), "\(BritishSpellings.variants(of: word))")
    }

    /// Short words and chance letter groups are left alone: "four" is not "for", "shoe" not "she".
    @Test(arguments: ["four", "hour", "your", "shoe", "does", "after", "size", "stopped", "chemical"])
    func leavesOrdinaryWordsAlone(word: String) {
        let variants = BritishSpellings.variants(of: word)
        #expect(!variants.contains { ["for", "hor", "yor", "she", "des", "aftre", "sise", "stopaed", "chaemical"].contains($0) }, "\(variants)")
    }

    /// An American question finds the Corpus's British "diarrhoea".
    @Test func anAmericanWordFindsTheBritishSpelling() throws {
        let result = try SearchEngine(path: TestPaths.freshIndex(name: "corpus.sqlite")).answers(to: "diarrhea on immunotherapy", limit: 3)
        let term = try #require(result.terms.first { $0.group.surface == ["diarrhea"] })
        #expect(term.group.alternatives.contains(["diarrhoea"]), "\(term.group.alternatives)")
    }
}
