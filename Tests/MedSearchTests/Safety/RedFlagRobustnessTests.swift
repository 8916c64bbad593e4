import XCTest
@testable import MedSearch

/// `assess` takes any string, never traps, and stays fast.
final class RedFlagRobustnessTests: XCTestCase {
    func testOddInputs() {
        let detector = RedFlagDetector()
        let inputs = [
            "", " ", "\u{0}", "\u{FEFF}", "😀😀😀", "🏳️‍🌈 chest pain", "\u{202E}ylno ,esaelp",
            "مرحبا أشعر بألم في صدري", "שלום כואב לי בחזה", "胸が痛い", "...", "?!?!", "1.2.3.4.5",
            "100.", ".5", "'''", "can't't't", String(repeating: "\u{301}", count: 1000),
            String(repeating: "no ", count: 5000), String(repeating: "9", count: 5000) + ".9",
            "chest\u{0}pain\u{7}\u{1B}[31m", "\r\n\r\n\t",
        ]
        for input in inputs { _ = detector.assess(input); _ = detector.explain(input) }
        XCTAssertEqual(detector.assess("my chest😀hurts")?.kind, .heartAttack)
    }

    func testHugeInputIsBoundedAndDoesNotTrap() {
        var big = ""
        while big.utf8.count < 1_000_000 { big += "Lorem ipsum 😀 العربية chest pain? no. \u{7} " }
        let start = ContinuousClock.now
        XCTAssertNil(RedFlagDetector().assess(big))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
        // Only the first `maxScalars` scalars are read.
        let late = String(repeating: "x ", count: RedFlagEngine.maxScalars) + "I can't breathe"
        XCTAssertNil(RedFlagDetector().assess(late))
        XCTAssertNotNil(RedFlagDetector().assess("I can't breathe " + String(repeating: "x ", count: 400_000)))
    }

    /// Release builds take about 0.1-0.3 ms for 2,000 characters on the 2-core CI machine;
    /// the bound here is loose so that debug builds pass too.
    func testSpeedOnA2000CharacterQuestion() {
        var question = ""
        while question.unicodeScalars.count < 2000 {
            question += "my husband is sweating and says his chest hurts, pain going to his jaw, no fever. "
        }
        let detector = RedFlagDetector()
        _ = detector.assess(question)
        let runs = 50
        let start = ContinuousClock.now
        for _ in 0..<runs { XCTAssertNotNil(detector.assess(question)) }
        let perCall = (ContinuousClock.now - start) / runs
        XCTAssertLessThan(perCall, .milliseconds(25), "per call: \(perCall)")
    }
}
