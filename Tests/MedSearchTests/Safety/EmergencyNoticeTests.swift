import Foundation
import XCTest
@testable import MedSearch

final class EmergencyNoticeTests: XCTestCase {
    func testTextBlockForAnEmergency() throws {
        let notice = try XCTUnwrap(RedFlagDetector().assess("my husband's face is drooping and his speech is slurred"))
        XCTAssertEqual(notice.kind, .stroke)
        XCTAssertFalse(notice.isCrisisLine)
        let lines = notice.description.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "!! This may be an emergency: call your local emergency number (911 in the US) now.")
        XCTAssertTrue(lines[1].hasPrefix("!! Possible stroke (you wrote: \"face is drooping\""), lines[1])
        XCTAssertEqual(lines.last, "!! " + EmergencyKind.stroke.firstAid, "the headline already says whom to call")
        XCTAssertTrue(notice.advice.hasPrefix("Call your local emergency number (911 in the US) now."), "JSON advice is self-contained")
    }

    func testPoisoningKeepsItsOwnCallToAction() throws {
        let notice = try XCTUnwrap(RedFlagDetector().assess("my toddler drank bleach"))
        XCTAssertEqual(notice.kind, .poisoning)
        XCTAssertTrue(notice.description.contains("1-800-222-1222"), notice.description)
    }

    func testSuicidalThoughtsGetTheCrisisLine() throws {
        let notice = try XCTUnwrap(RedFlagDetector().assess("i dont want to live anymore"))
        XCTAssertEqual(notice.kind, .suicide)
        XCTAssertTrue(notice.isCrisisLine)
        XCTAssertTrue(notice.description.hasPrefix("!! Please reach out now: call or text 988"), notice.description)
        XCTAssertFalse(notice.description.contains("This may be an emergency"))
        XCTAssertTrue(notice.advice.contains("988"), "JSON advice names the crisis line")
    }

    func testJSONHasKindMatchedWordsAndAdvice() throws {
        let notice = EmergencyNotice(kind: .heartAttack, matchedWords: ["chest hurts"])
        let data = try JSONEncoder().encode(notice)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["kind", "matchedWords", "advice"])
        XCTAssertEqual(object["kind"] as? String, "heartAttack")
        XCTAssertEqual(object["matchedWords"] as? [String], ["chest hurts"])
        XCTAssertEqual(try JSONDecoder().decode(EmergencyNotice.self, from: data), notice)
    }

    func testEveryKindHasTitleAndAdvice() {
        for kind in EmergencyKind.allCases {
            XCTAssertFalse(kind.title.isEmpty)
            XCTAssertFalse(kind.advice.isEmpty)
            XCTAssertEqual(kind.isCrisisLine, kind == .suicide)
        }
    }

    func testExplainShowsVerdicts() {
        let trace = RedFlagDetector().explain("no chest pain but my face is drooping")
        XCTAssertTrue(trace.contains("-> negated"), trace)
        XCTAssertTrue(trace.contains("-> accepted"), trace)
        XCTAssertTrue(trace.hasSuffix("notice: stroke [\"face is drooping\"]"), trace)
        XCTAssertTrue(RedFlagDetector().explain("hello").contains("no red-flag pattern matched"))
    }
}
