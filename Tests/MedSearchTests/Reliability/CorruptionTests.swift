import Foundation
import Testing
@testable import MedSearch

/// Truncated and overwritten index files: searching gives the documented "damaged" error or
/// a normal answer — never another error, never a crash — and `IndexChecker` finds the damage.
@Suite struct CorruptionTests {
    static let pristine: String = TestPaths.freshIndex(name: "pristine.sqlite")

    static let questions = ["is immunotherapy a cure", "side effects of allergy shots", "what causes kidney stones",
                            "migraine aura", "asthma inhaler"]

    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case emptyFile, truncatedTo100Bytes, truncatedToOnePage, truncatedToHalf, lastPageCut, headerOverwritten,
             firstPagesZeroed, middlePagesGarbage, lastPagesGarbage, everyTenthPageScribbled, textFile
        var testDescription: String { rawValue }

        func apply(to path: String) throws {
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let size = Int(try handle.seekToEnd())
            let page = 4096
            var random = SeededGenerator(seed: UInt64(rawValue.count))
            func garbage(_ count: Int) -> Data { Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }) }
            func write(_ data: Data, at offset: Int) throws {
                try handle.seek(toOffset: UInt64(offset))
                try handle.write(contentsOf: data)
            }
            switch self {
            case .emptyFile: try handle.truncate(atOffset: 0)
            case .truncatedTo100Bytes: try handle.truncate(atOffset: 100)
            case .truncatedToOnePage: try handle.truncate(atOffset: UInt64(page))
            case .truncatedToHalf: try handle.truncate(atOffset: UInt64(size / 2 + 1234))
            case .lastPageCut: try handle.truncate(atOffset: UInt64(size - page / 2))
            case .headerOverwritten: try write(Data("This is not SQLite at all".utf8), at: 0)
            case .firstPagesZeroed: try write(Data(count: 3 * page), at: 0)
            case .middlePagesGarbage: try write(garbage(8 * page), at: (size / 2 / page) * page)
            case .lastPagesGarbage: try write(garbage(4 * page), at: size - 4 * page)
            case .everyTenthPageScribbled:
                for offset in stride(from: page, to: size, by: 10 * page) { try write(garbage(64), at: offset + 100) }
            case .textFile:
                try handle.truncate(atOffset: 0)
                try write(Data(String(repeating: "# notes\nnot an index\n", count: 500).utf8), at: 0)
            }
        }
    }

    static func damagedCopy(_ damage: Damage) throws -> String {
        let path = TestPaths.temporaryFolder() + "/\(damage.rawValue).sqlite"
        try FileManager.default.copyItem(atPath: pristine, toPath: path)
        try damage.apply(to: path)
        return path
    }

    @Test(arguments: Damage.allCases)
    func searchingADamagedIndexGivesTheDocumentedError(damage: Damage) throws {
        let path = try Self.damagedCopy(damage)
        var errors: [String] = []
        do {
            let engine = try SearchEngine(path: path)
            for question in Self.questions {
                do {
                    let result = try engine.answers(to: question, limit: 5)
                    #expect(SearchInvariants.violations(of: result, limit: 5).isEmpty)
                } catch let error as SearchError {
                    errors.append(error.description)
                }
            }
        } catch let error as SearchError {
            errors.append(error.description)
        }
        // Anything but SearchError escapes the do/catch above and fails the test.
        for error in errors {
            #expect(error.contains("the index at \(path) is damaged") && error.contains("rebuild it with `medsearch index --rebuild"),
                    "\(damage): \(error)")
        }
        if [.emptyFile, .truncatedTo100Bytes, .headerOverwritten, .firstPagesZeroed, .textFile].contains(damage) {
            #expect(!errors.isEmpty, "\(damage) went unnoticed")
        }
    }

    @Test(arguments: Damage.allCases)
    func checkFindsTheDamage(damage: Damage) throws {
        let report = IndexChecker.check(path: try Self.damagedCopy(damage))
        #expect(!report.isHealthy, "\(damage): \(report.findings)")
        #expect(report.verdict.contains("is damaged; rebuild it with"))
    }

    @Test func checkPassesAHealthyIndex() throws {
        let report = IndexChecker.check(path: Self.pristine)
        #expect(report.isHealthy, "\(report.findings.filter { $0.status == .failed })")
        let checks = report.findings.map(\.check)
        for name in ["PRAGMA integrity_check", "FTS5 integrity-check passages_fts", "FTS5 integrity-check refs_fts", "foreign keys"] {
            #expect(checks.contains(name))
        }
    }

    @Test func checkNeverWritesTheIndex() throws {
        let path = TestPaths.temporaryFolder() + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: Self.pristine, toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(IndexChecker.check(path: path).isHealthy)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func rebuildReplacesADamagedIndex() throws {
        let path = try Self.damagedCopy(.headerOverwritten)
        _ = try IndexWriter.rebuild(at: path, from: [TestPaths.corpus])
        #expect(IndexChecker.check(path: path).isHealthy)
        #expect(try SearchEngine(path: path).answers(to: "is immunotherapy a cure").answers.isEmpty == false)
    }
}
