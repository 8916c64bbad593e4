import Foundation
import Testing
@testable import MedSearch

/// Bad input never costs good data: each kind of bad input is added to a folder that is
/// already indexed, together with one new good article. The bad input is reported once, with
/// its location; the good article is indexed; the old articles answer as before. With
/// `strict`, the run stops and the index file does not change by a byte.
@Suite struct BadInputTests {
    enum Kind: String, CaseIterable, Sendable {
        case truncatedXML, invalidXML, invalidUTF8, binary, emptyFile, tenMegabyteLine, missingFrontMatter,
             brokenFrontMatter, duplicateID, unreadable, brokenLink, namedPipe, unknownExtension, emptyFolder,
             boilerplateOnlyPage, badJSONLines

        /// The file the diagnostics name.
        var fileName: String {
            switch self {
            case .truncatedXML: "truncated.xml"
            case .invalidXML: "invalid.xml"
            case .invalidUTF8: "latin1.md"
            case .binary: "picture.md"
            case .emptyFile: "empty.md"
            case .tenMegabyteLine: "one-line.txt"
            case .missingFrontMatter: "no-front-matter.md"
            case .brokenFrontMatter: "bad-yaml.md"
            case .duplicateID: "asthma-copy.md"
            case .unreadable: "locked.md"
            case .brokenLink: "moved.md"
            case .namedPipe: "pipe.md"
            case .unknownExtension: "notes.docx"
            case .emptyFolder: "empty-folder"
            case .boilerplateOnlyPage: "only-boilerplate.txt"
            case .badJSONLines: "mixed.jsonl"
            }
        }

        /// Reading a file with no permission works for root: the tests run as root in CI.
        static var runningAsRoot: Bool { geteuid() == 0 }

        /// `line: error: message` starts of the diagnostics, in order (line nil: none).
        var expected: [(line: Int?, message: String)] {
            switch self {
            case .truncatedXML: [(6, "invalid or truncated XML")]
            case .invalidXML: [(2, "invalid or truncated XML")]
            case .invalidUTF8: [(3, "file is not valid UTF-8")]
            case .binary: [(3, "file is binary (NUL byte), not text")]
            case .emptyFile: [(nil, "file is empty")]
            case .tenMegabyteLine: [(1, "line is 10.0 MB long; lines over 1.0 MB are not indexed")]
            case .missingFrontMatter: [(1, "missing front matter")]
            case .brokenFrontMatter: [(4, "front matter is not valid YAML")]
            case .duplicateID: [(2, "duplicate id 'asthma': already indexed from ")]
            case .unreadable: Self.runningAsRoot ? [] : [(nil, "cannot read the file: Permission denied")]
            case .brokenLink: [(nil, "broken symbolic link")]
            case .namedPipe: [(nil, "not a regular file (a named pipe)")]
            case .unknownExtension: [(nil, "unknown file type '.docx'")]
            case .emptyFolder: [(nil, "folder holds no files to index")]
            case .boilerplateOnlyPage: [(1, "no article text")]
            case .badJSONLines: [(2, "not valid JSON"), (3, "expected a JSON object"), (4, "record has no \"_id\""),
                                 (5, "record 'm-5' has no \"text\""), (7, "duplicate _id 'm-1'"), (8, "\"_id\" must be a string")]
            }
        }

        /// Makes the bad input in `folder`; returns any extra path to index.
        func make(in folder: String) throws -> [String] {
            let target = folder + "/" + fileName
            let manager = FileManager.default
            func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: target)) }
            switch self {
            case .truncatedXML:
                try manager.copyItem(atPath: TestPaths.fixture("truncated.xml"), toPath: target)
            case .invalidXML:
                try write(Array("<Document id=\"1\" source=\"Sample\">\n<Focus>Leg clots</Focs>\n</Document>\n".utf8))
            case .invalidUTF8:
                // "café" written in Latin-1 on line 3.
                try write(Array("---\nid: latin1\ntitle: \"Caf".utf8) + [0xE9] + Array("?\"\n---\n".utf8))
            case .binary:
                // A PNG signature (two line feeds, then NUL on line 3) and 4 KB of noise.
                var generator = SystemRandomNumberGenerator()
                try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            case .emptyFile:
                try write([])
            case .tenMegabyteLine:
                try write([UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20) + [10])
            case .missingFrontMatter:
                try manager.copyItem(atPath: TestPaths.fixture("articles/no-front-matter.md"), toPath: target)
            case .brokenFrontMatter:
                try manager.copyItem(atPath: TestPaths.fixture("articles/bad-yaml.md"), toPath: target)
            case .duplicateID:
                try manager.copyItem(atPath: TestPaths.corpus + "/asthma.md", toPath: target)
            case .unreadable:
                try manager.copyItem(atPath: TestPaths.corpus + "/migraine.md", toPath: target)
                chmod(target, 0)
            case .brokenLink:
                try manager.createSymbolicLink(atPath: target, withDestinationPath: folder + "/moved-away.md")
            case .namedPipe:
                guard mkfifo(target, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            case .unknownExtension:
                try write(Array("Notes about asthma, saved from a word processor.\n".utf8))
            case .emptyFolder:
                let empty = (folder as NSString).deletingLastPathComponent + "/" + fileName
                try manager.createDirectory(atPath: empty, withIntermediateDirectories: true)
                return [empty]
            case .boilerplateOnlyPage:
                try manager.copyItem(atPath: TestPaths.fixture("webpages/only-boilerplate.txt"), toPath: target)
            case .badJSONLines:
                try manager.copyItem(atPath: TestPaths.fixture("jsonl/mixed.jsonl"), toPath: target)
            }
            return []
        }

        /// Files that index nothing for an error, and bad entries of files that index the rest.
        var failedFiles: Int { self == .badJSONLines || (self == .unreadable && Self.runningAsRoot) ? 0 : 1 }
        var failedEntries: Int { self == .badJSONLines ? 6 : 0 }
        /// Files of good articles the bad input brings along (the good lines of a JSON file,
        /// the unreadable file that root reads anyway).
        var goodFiles: Int { self == .badJSONLines || (self == .unreadable && Self.runningAsRoot) ? 1 : 0 }
    }

    static let goodFiles = ["asthma.md", "fever.md", "shingles.md"]
    static let questions = ["asthma inhaler", "what causes hay fever", "when does a fever need a doctor", "shingles vaccine",
                            "do steroid nose sprays work"]

    /// An indexed folder of good articles of every format; returns (folder, index).
    static func indexedFolder() throws -> (folder: String, index: String) {
        let root = TestPaths.temporaryFolder()
        let folder = root + "/articles"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in goodFiles {
            try FileManager.default.copyItem(atPath: TestPaths.corpus + "/" + name, toPath: folder + "/" + name)
        }
        try FileManager.default.copyItem(atPath: TestPaths.fixture("webpages/hay-fever.txt"), toPath: folder + "/hay-fever.txt")
        try FileManager.default.copyItem(atPath: TestPaths.fixture("jsonl/passages.jsonl"), toPath: folder + "/passages.jsonl")
        let index = root + "/index.sqlite"
        let report = try IndexWriter.rebuild(at: index, from: [folder])
        #expect(report.filesIndexed == 5 && !report.hasErrors, "\(report.diagnostics)")
        return (folder, index)
    }

    /// The top answers to the fixed questions: passage ids and scores.
    static func answers(_ index: String) throws -> [[String]] {
        let engine = try SearchEngine(path: index)
        return try questions.map { question in
            try engine.answers(to: question, limit: 3).answers.map { "\($0.passageID) \(String(format: "%.6f", $0.score))" }
        }
    }

    /// Every article of the good files, as stored (sections, passages, references), as JSON.
    static func storedArticles(_ index: String) throws -> [Data] {
        let reader = try IndexReader(path: index)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try ["asthma", "fever", "shingles", "can-hay-fever-be-treated-without-drowsy-pills-what-works-when-to-get-help",
                    "hf-1", "42", "hf-3"].map { id in
            try encoder.encode(try #require(try reader.article(id: id), "article \(id) is missing"))
        }
    }

    @Test(arguments: Kind.allCases)
    func badInputIsReportedOnceAndTheRestIndexed(kind: Kind) throws {
        let (folder, index) = try Self.indexedFolder()
        let before = try Self.answers(index)
        let articlesBefore = try Self.storedArticles(index)
        let extra = try kind.make(in: folder)

        let report = try IndexWriter(path: index).update(from: [folder] + extra)
        checkReported(kind, report)
        #expect(report.filesUnchanged == 5, "\(kind): the old files stay indexed")
        #expect(report.filesIndexed == kind.goodFiles, "\(kind): \(report.summaryLine)")
        #expect(try Self.storedArticles(index) == articlesBefore, "\(kind): every old article is kept as it was")
        if kind.goodFiles == 0 {
            #expect(try Self.answers(index) == before, "\(kind): the index answers as before")
        }

        // The bad input is still there when a new good article arrives: it is reported again,
        // once, and the good article is indexed.
        try FileManager.default.copyItem(atPath: TestPaths.corpus + "/hives.md", toPath: folder + "/hives.md")
        let next = try IndexWriter(path: index).update(from: [folder] + extra)
        checkReported(kind, next)
        #expect(next.filesIndexed == 1 + (kind == .badJSONLines ? 1 : 0), "\(kind): \(next.summaryLine)")
        #expect(try IndexReader(path: index).article(id: "hives") != nil, "\(kind): the new good article is indexed")
    }

    /// Each problem of `kind` once, as an error at its location, and counted in the summary.
    func checkReported(_ kind: Kind, _ report: IndexReport) {
        let errors = report.diagnostics.filter { $0.contains(": error: ") }
        #expect(errors.count == kind.expected.count, "\(kind): \(report.diagnostics)")
        for (diagnostic, expected) in zip(errors, kind.expected) {
            let location = expected.line.map { "\(kind.fileName):\($0)" } ?? kind.fileName
            #expect(diagnostic.contains("/" + location + ": error: " + expected.message), "\(kind): \(diagnostic)")
        }
        #expect(report.diagnostics.allSatisfy { $0.contains("/" + kind.fileName) }, "\(kind): only the bad input is reported: \(report.diagnostics)")
        #expect(report.filesFailed == kind.failedFiles, "\(kind): \(report.summaryLine)")
        #expect(report.entriesFailed == kind.failedEntries, "\(kind): \(report.summaryLine)")
        #expect(report.summaryLine.contains("\(kind.failedFiles) failed"), "\(kind): \(report.summaryLine)")
        #expect(report.hasErrors == !kind.expected.isEmpty, "\(kind)")
    }

    @Test(arguments: Kind.allCases)
    func strictStopsAndLeavesTheIndexUntouched(kind: Kind) throws {
        let (folder, index) = try Self.indexedFolder()
        let before = try Self.answers(index)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        let extra = try kind.make(in: folder)
        try FileManager.default.copyItem(atPath: TestPaths.corpus + "/hives.md", toPath: folder + "/hives.md")

        guard let first = kind.expected.first else {
            // Root reads a file without permissions: nothing is wrong, the run goes through.
            let report = try IndexWriter(path: index).update(from: [folder] + extra, strict: true)
            #expect(!report.hasErrors, "\(kind): \(report.diagnostics)")
            return
        }
        do {
            _ = try IndexWriter(path: index).update(from: [folder] + extra, strict: true)
            Issue.record("\(kind): --strict went through")
        } catch let diagnostic as IngestDiagnostic {
            #expect(diagnostic.path.hasSuffix("/" + kind.fileName), "\(kind): \(diagnostic)")
            #expect(diagnostic.line == first.line && diagnostic.message.hasPrefix(first.message), "\(kind): \(diagnostic)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == bytes, "\(kind): the index file changed")
        #expect(try Self.answers(index) == before, "\(kind)")
        #expect(try IndexReader(path: index).article(id: "hives") == nil, "\(kind): nothing new was written")
    }

    /// Renaming a file keeps its article: the old path gives its id back before the new one claims it.
    @Test func renamedFileKeepsItsArticle() throws {
        let (folder, index) = try Self.indexedFolder()
        try FileManager.default.moveItem(atPath: folder + "/asthma.md", toPath: folder + "/0-asthma.md")
        let report = try IndexWriter(path: index).update(from: [folder])
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(report.filesRemoved == 1 && report.filesIndexed == 1, "\(report.summaryLine)")
        #expect(try IndexReader(path: index).article(id: "asthma")?.source.hasSuffix("/0-asthma.md") == true)
    }

    /// A file with bad entries is read again on the next run, so its errors are not forgotten.
    @Test func badEntriesAreReportedAgainUntilMended() throws {
        let (folder, index) = try Self.indexedFolder()
        _ = try Kind.badJSONLines.make(in: folder)
        _ = try IndexWriter(path: index).update(from: [folder])
        let again = try IndexWriter(path: index).update(from: [folder])
        #expect(again.entriesFailed == 6 && again.filesIndexed == 1 && again.filesUnchanged == 5, "\(again.summaryLine)")
    }
}
