import Foundation
import Testing

/// `medsearch fuzz`, through the built binary.
@Suite(.serialized) struct ReliabilityCLITests {
    static func copyOfIndex(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "medsearch-\(name)-\(getpid()).sqlite"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: CLITests.index, toPath: path)
        return path
    }

    @Test func fuzzReportsTheCount() throws {
        let output = try CLITests.run(["fuzz", "--db", CLITests.index, "--cases", "150", "--huge-every", "75", "--seed", "3"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("150 questions (seed 3, cases 0-149)"))
        #expect(output.stdout.contains("0 failures"))
    }
}
