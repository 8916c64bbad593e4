import XCTest
@testable import MedSearch

/// Measures the detector on the judged set (`Benchmarks/emergency/questions.tsv`) and
/// on the LiveQA development questions (read from `shared/data`, none an emergency).
final class RedFlagBenchmarkTests: XCTestCase {
    func testPrecisionAndRecallOnTheJudgedSet() throws {
        let rows = try RedFlagTestSupport.loadJudgedSet()
        XCTAssertGreaterThanOrEqual(rows.filter(\.isEmergency).count, 50)
        XCTAssertGreaterThanOrEqual(rows.filter { !$0.isEmergency }.count, 70)
        XCTAssertEqual(Set(rows.map(\.id)).count, rows.count, "ids are unique")

        let detector = RedFlagDetector()
        var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0, kindAgrees = 0
        var report: [String] = []
        for row in rows {
            let notice = detector.assess(row.question)
            switch (row.isEmergency, notice) {
            case (true, let notice?):
                truePositives += 1
                if notice.kind == row.kind { kindAgrees += 1 } else {
                    report.append("kind \(row.id): expected \(row.kind?.rawValue ?? "-"), got \(notice.kind.rawValue)")
                }
            case (true, nil):
                falseNegatives += 1
                report.append("missed \(row.id): \(row.question)")
            case (false, let notice?):
                falsePositives += 1
                report.append("false alarm \(row.id) (\(notice.kind.rawValue)): \(row.question)")
            case (false, nil):
                trueNegatives += 1
            }
        }
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        let precision = Double(truePositives) / Double(max(truePositives + falsePositives, 1))
        print("""
            red-flag judged set (\(RedFlagDetector.ruleSetVersion)): \(rows.count) questions, \
            TP \(truePositives) FP \(falsePositives) FN \(falseNegatives) TN \(trueNegatives); \
            recall \(percent(recall)), precision \(percent(precision)), \
            kind agrees on \(kindAgrees)/\(truePositives)
            """)
        for line in report { print("  " + line) }
        XCTAssertGreaterThanOrEqual(recall, 0.95)
        XCTAssertGreaterThanOrEqual(precision, 0.90)
    }

    func testLiveQAQuestionsRarelyFire() throws {
        let questions = try RedFlagTestSupport.loadLiveQA()
        XCTAssertGreaterThan(questions.count, 40)
        let detector = RedFlagDetector()
        let fired = questions.filter { detector.assess($0.text) != nil }.map(\.qid)
        print("red-flag on LiveQA dev: fired on \(fired.count) of \(questions.count): \(fired)")
        XCTAssertLessThanOrEqual(fired.count, 2)
    }

    /// MedQuAD's questions are general ("What is (are) Angina ?"): almost none describes an
    /// emergency happening now.
    func testMedQuADQuestionsRarelyFire() throws {
        let questions = try RedFlagTestSupport.loadMedQuADQuestions()
        XCTAssertGreaterThan(questions.count, 40_000)
        let detector = RedFlagDetector()
        let fired = questions.filter { detector.assess($0) != nil }
        print("red-flag on MedQuAD questions: fired on \(fired.count) of \(questions.count): \(fired.prefix(10))")
        XCTAssertLessThanOrEqual(fired.count, 5)
    }

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
