import Foundation
import Testing

/// `medsearch check`, `medsearch fuzz` and write failures, through the built binary.
@Suite(.serialized) struct ReliabilityCLITests {
    static func copyOfIndex(_ name: String) throws -> String {
        let path = CLITests.scratch + "/\(name).sqlite"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: CLITests.index, toPath: path)
        return path
    }

    @Test func checkSaysAHealthyIndexIsHealthy() throws {
        let output = try CLITests.run(["check", "--db", CLITests.index])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("ok      PRAGMA integrity_check: ok"))
        #expect(output.stdout.contains("ok      FTS5 integrity-check passages_fts: ok"))
        #expect(output.stdout.contains("is healthy"))
    }

    @Test func checkNamesTheDamageAndTheFix() throws {
        let path = try Self.copyOfIndex("check-damaged")
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4 * 4096))
        try handle.close()
        let output = try CLITests.run(["check", "--db", path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("FAILED"))
        #expect(output.stdout.contains("the index at \(path) is damaged; rebuild it with `medsearch index --rebuild --db \(path) PATH…`"))
        let json = try CLITests.run(["check", "--db", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["findings"] as? [[String: Any]])?.contains { $0["status"] as? String == "failed" } == true)
    }

    @Test func checkOfAMissingFileFails() throws {
        let output = try CLITests.run(["check", "--db", "/nonexistent/index.sqlite"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("no file at /nonexistent/index.sqlite"))
    }

    @Test func askOnATruncatedIndexIsTheDamagedError() throws {
        let path = try Self.copyOfIndex("truncated")
        try FileHandle(forUpdating: URL(fileURLWithPath: path)).truncate(atOffset: 100)
        let output = try CLITests.run(["ask", "asthma", "--db", path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("the index at \(path) is damaged"), "\(output.stderr)")
        #expect(output.stderr.contains("rebuild it with `medsearch index --rebuild"))
    }

    @Test func fuzzReportsTheCount() throws {
        let output = try CLITests.run(["fuzz", "--db", CLITests.index, "--cases", "150", "--huge-every", "75", "--seed", "3"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("150 questions (seed 3, cases 0-149)"))
        #expect(output.stdout.contains("0 failures"))
    }

    @Test func aWriteThatCannotHappenSaysWhyAndChangesNothing() throws {
        let output = try CLITests.run(["index", CLITests.repository.appendingPathComponent("Corpus").path,
                                       "--db", "/proc/medsearch-cannot-write/index.sqlite", "--rebuild"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("cannot write the index at /proc/medsearch-cannot-write/index.sqlite"), "\(output.stderr)")
        #expect(output.stderr.contains("the index was not changed"))
    }
}
