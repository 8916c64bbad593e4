import XCTest
@testable import MedSearch

final class RedFlagPatternTests: XCTestCase {
    func testParsesGapsAlternativesAndConjunctions() throws {
        let pattern = try RedFlagPattern(parsing: "!{chest} .. crushing|heavy+feeling & sweating")
        XCTAssertTrue(pattern.needsPresentCue)
        XCTAssertEqual(pattern.parts.count, 2)
        XCTAssertEqual(pattern.parts[0], [
            .init(atoms: [.wordClass("chest")], maxGap: 0),
            .init(atoms: [.word("crushing"), .word("heavy")], maxGap: RedFlagPattern.wideGap),
            .init(atoms: [.word("feeling")], maxGap: 0),
        ])
        XCTAssertEqual(pattern.parts[1], [.init(atoms: [.word("sweating")], maxGap: 0)])
        XCTAssertEqual(try RedFlagPattern(parsing: "a b").parts[0][1].maxGap, RedFlagPattern.defaultGap)
    }

    func testRejectsMalformedPatterns() {
        for bad in ["", ".. a", "{chest", "Chest", "a||b", "a & ", "a-b"] {
            XCTAssertThrowsError(try RedFlagPattern(parsing: bad), "\"\(bad)\" should not parse")
        }
    }

    func testGapsAreRespected() {
        var vocabulary = RedFlagVocabulary()
        let a = vocabulary.term(forWord: "chest"), b = vocabulary.term(forWord: "pain")
        vocabulary.finish()
        let part: [RedFlagCompiledPattern.Element] = [.init(terms: [a], maxGap: 0), .init(terms: [b], maxGap: 2)]
        func count(_ q: String) -> Int {
            RedFlagMatcher.matches(of: part, in: RedFlagText(tokens: RedFlagNormalizer.tokenize(q), vocabulary: vocabulary)).count
        }
        XCTAssertEqual(count("chest pain"), 1)
        XCTAssertEqual(count("chest x y pain"), 1)
        XCTAssertEqual(count("chest x y z pain"), 0)
        XCTAssertEqual(count("chest. pain"), 0, "a pattern part stays inside one sentence")
        XCTAssertEqual(count("pain chest"), 0, "order matters")
    }

    func testOneTypoIsToleratedOnLongSymptomWords() {
        for (typo, kind) in [
            ("my chesst hurts", EmergencyKind.heartAttack), ("my son is having a seezure", .seizure),
            ("I cant brethe", .breathing), ("my dad is unconcious", .unresponsive),
            ("his lips are swollen after eating peanutts", .anaphylaxis),
            ("my mom is sudenly very confussed", .confusion), ("im feeling suicidel", .suicide),
        ] {
            RedFlagTestSupport.assertFires(typo, kind)
        }
        // `dropping` is a real word, not a typo of `drooping`.
        RedFlagTestSupport.assertSilent("my wife's face is dropping weight")
    }

    func testRealWordsAreNotReadAsTypos() {
        let index = RedFlagFuzzyIndex(words: ["choking", "fever", "chest", "drooping", "seizure"],
                                      blocked: RedFlagLexicon.notMisspellings)
        XCTAssertEqual(index.corrections(of: "chokng"), ["choking"])
        XCTAssertEqual(index.corrections(of: "siezure"), ["seizure"])
        XCTAssertEqual(index.corrections(of: "cooking"), [], "blocked real word")
        XCTAssertEqual(index.corrections(of: "never"), [], "different first letter")
        XCTAssertEqual(index.corrections(of: "cheat"), [], "no substitutions in short words")
        XCTAssertEqual(index.corrections(of: "chesst"), ["chest"])
        XCTAssertEqual(index.corrections(of: "dropping"), [], "blocked real word")
    }
}
