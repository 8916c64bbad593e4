import XCTest
@testable import MedSearch

final class RedFlagNormalizerTests: XCTestCase {
    private func words(_ text: String) -> [String] { RedFlagNormalizer.tokenize(text).map(\.text) }

    func testLowercasesAndDropsApostrophes() {
        XCTAssertEqual(words("I CAN'T Breathe"), ["i", "cant", "breathe"])
        XCTAssertEqual(words("my wife’s face"), ["my", "wifes", "face"])
        XCTAssertEqual(words("he doesnʼt know"), ["he", "doesnt", "know"])
    }

    func testFoldsDiacriticsAndFullWidth() {
        XCTAssertEqual(words("Café naïve Straße"), ["cafe", "naive", "strasse"])
        XCTAssertEqual(words("ＣＨＥＳＴ pain"), ["chest", "pain"])
    }

    func testJoinsVerbAndNot() {
        XCTAssertEqual(words("I can not breathe"), ["i", "cant", "breathe"])
        XCTAssertEqual(words("he cannot talk"), ["he", "cant", "talk"])
        XCTAssertEqual(words("she is not responding"), ["she", "isnt", "responding"])
    }

    func testJoinsCompounds() {
        XCTAssertEqual(words("my blood pressure is up"), ["my", "bloodpressure", "is", "up"])
    }

    func testNumbersKeepTheirDecimalPointAndSplitFromUnits() {
        let tokens = RedFlagNormalizer.tokenize("fever of 100.4F, 38.5c. Then 6wk old.")
        XCTAssertEqual(tokens.map(\.text), ["fever", "of", "100.4", "f", "38.5", "c", "then", "6", "wk", "old"])
        XCTAssertEqual(tokens[2].number, 100.4)
        XCTAssertEqual(tokens[4].number, 38.5)
        XCTAssertEqual(tokens[7].sentence, 1, "the full stop after 38.5c ends a sentence")
    }

    func testSentences() {
        let tokens = RedFlagNormalizer.tokenize("Chest pain! Sweating?\nHelp; now")
        XCTAssertEqual(tokens.map(\.sentence), [0, 0, 1, 2, 3])
    }

    func testOtherScriptsEmojiAndControlCharactersSeparateWords() {
        XCTAssertEqual(words("chest😀pain\u{0}\u{7}العربية עברית 中文 now"), ["chest", "pain", "now"])
        XCTAssertEqual(words(""), [])
        XCTAssertEqual(words("\u{202E}\u{200F}...!!!"), [])
    }

    func testLongWordsAreCut() {
        let long = String(repeating: "a", count: 10_000)
        XCTAssertEqual(words(long).first?.count, RedFlagNormalizer.maxTokenLength)
    }
}
