import Foundation
import XCTest
@testable import MedSearch

/// Shared helpers for the red-flag tests: assertions that name the question,
/// and locating the judged set and the shared evaluation data.
enum RedFlagTestSupport {
    static let detector = RedFlagDetector()

    /// Asserts `question` fires with `kind`.
    static func assertFires(_ question: String, _ kind: EmergencyKind,
                            file: StaticString = #filePath, line: UInt = #line) {
        let notice = detector.assess(question)
        XCTAssertEqual(notice?.kind, kind, "\"\(question)\"\n\(detector.explain(question))", file: file, line: line)
    }

    /// Asserts `question` does not fire.
    static func assertSilent(_ question: String, file: StaticString = #filePath, line: UInt = #line) {
        let notice = detector.assess(question)
        XCTAssertNil(notice, "\"\(question)\" fired \(notice?.kind.rawValue ?? "")\n\(detector.explain(question))",
                     file: file, line: line)
    }

    /// The first ancestor directory of this file that contains `relativePath`.
    static func findUpwards(_ relativePath: String, from file: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// One row of `Benchmarks/emergency/questions.tsv`.
    struct JudgedQuestion {
        var id: String
        var isEmergency: Bool
        var kind: EmergencyKind?
        var question: String
    }

    static func loadJudgedSet() throws -> [JudgedQuestion] {
        guard let url = findUpwards("Benchmarks/emergency/questions.tsv") else {
            throw XCTSkip("Benchmarks/emergency/questions.tsv not found above \(#filePath)")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [JudgedQuestion] = []
        for (number, line) in text.split(separator: "\n").enumerated() where number > 0 {
            let columns = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4, columns[1] == "emergency" || columns[1] == "none" else {
                XCTFail("questions.tsv line \(number + 1): expected id<TAB>label<TAB>kind<TAB>question")
                continue
            }
            let kind = EmergencyKind(rawValue: columns[2])
            if columns[1] == "emergency" && kind == nil {
                XCTFail("questions.tsv line \(number + 1): unknown kind \(columns[2])")
            }
            rows.append(JudgedQuestion(id: columns[0], isEmergency: columns[1] == "emergency",
                                       kind: kind, question: columns[3]))
        }
        return rows
    }

    /// LiveQA development questions as (qid, SUBJECT + " " + MESSAGE), read at run time
    /// from `shared/data` beside the repository (or `$MEDSEARCH_SHARED_DATA`); never copied.
    static func loadLiveQA() throws -> [(qid: String, text: String)] {
        let name = "liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml"
        var url: URL?
        if let root = ProcessInfo.processInfo.environment["MEDSEARCH_SHARED_DATA"] {
            url = URL(fileURLWithPath: root).appendingPathComponent(name)
        }
        if url == nil || !FileManager.default.fileExists(atPath: url!.path) {
            url = findUpwards("shared/data/" + name)
        }
        guard let url else { throw XCTSkip("LiveQA data not found: set MEDSEARCH_SHARED_DATA or place shared/data beside the repo") }
        let xml = try String(contentsOf: url, encoding: .utf8)
        var result: [(String, String)] = []
        for chunk in xml.components(separatedBy: "<NLM-QUESTION qid=\"").dropFirst() {
            let qid = String(chunk.prefix { $0 != "\"" })
            let subject = element("SUBJECT", in: chunk)
            let message = element("MESSAGE", in: chunk)
            result.append((qid, subject + " " + message))
        }
        return result
    }

    /// Every question text of the MedQuAD collection (`<Question …>…</Question>` of each XML
    /// file under `shared/data/medquad`), read at run time; never copied.
    static func loadMedQuADQuestions() throws -> [String] {
        var root: URL?
        if let shared = ProcessInfo.processInfo.environment["MEDSEARCH_SHARED_DATA"] {
            root = URL(fileURLWithPath: shared).appendingPathComponent("medquad")
        }
        if root == nil || !FileManager.default.fileExists(atPath: root!.path) { root = findUpwards("shared/data/medquad") }
        guard let root, let files = FileManager.default.enumerator(atPath: root.path) else {
            throw XCTSkip("MedQuAD not found: set MEDSEARCH_SHARED_DATA or place shared/data beside the repo")
        }
        var questions: [String] = []
        for case let file as String in files where file.hasSuffix(".xml") {
            let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for chunk in text.components(separatedBy: "<Question ").dropFirst() {
                guard let start = chunk.firstIndex(of: ">"), let end = chunk.range(of: "</Question>") else { continue }
                questions.append(String(chunk[chunk.index(after: start)..<end.lowerBound]))
            }
        }
        return questions
    }

    private static func element(_ tag: String, in text: String) -> String {
        guard let open = text.range(of: "<\(tag)>"),
              let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex) else { return "" }
        return String(text[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
