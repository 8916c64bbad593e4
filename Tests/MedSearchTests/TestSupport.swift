import Foundation
@testable import MedSearch

/// Paths the tests use: fixtures (bundled), the repository's Corpus, temporary files.
enum TestPaths {
    static var fixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static func fixture(_ relative: String) -> String {
        fixtures.appendingPathComponent(relative).path
    }

    /// The repository root, from this file's path.
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var corpus: String { repository.appendingPathComponent("Corpus").path }

    /// A new index of `folder` (the shipped Corpus unless told) in a fresh temporary folder;
    /// its path, for suites to build once in a `static let`.
    static func freshIndex(of folder: String = corpus, name: String = "index.sqlite") -> String {
        let path = temporaryFolder() + "/" + name
        _ = try? IndexWriter.rebuild(at: path, from: [folder])
        return path
    }

    /// One folder per test run for every temporary file, removed when the run exits (the
    /// runs used to leave a folder per test behind).
    static let scratch: String = {
        let path = NSTemporaryDirectory() + "medsearch-tests-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestPaths.scratch) }
        return path
    }()

    /// A fresh folder under the run's scratch folder.
    static func temporaryFolder() -> String {
        let path = scratch + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
