import Foundation
import Logging

/// The index of the shipped `Corpus/` that `ask` uses when no `--db` is given.
///
/// - Corpus: `$MEDSEARCH_CORPUS`, else the `Corpus/` folder of the source checkout this binary
///   was built from (found from this file's compile-time path), so `ask` works from any folder.
/// - Index: `$MEDSEARCH_INDEX`, else `$XDG_CACHE_HOME/medsearch/corpus.sqlite`, else
///   `~/.cache/medsearch/corpus.sqlite`.
///
/// Built on first use; refreshed incrementally when a Corpus file's name, size or
/// modification time changes (the fingerprint is checked on every `ask`: one `stat` per file).
/// Built anew when the Corpus is another folder than the one it was built from (a second
/// checkout, a moved one): an update would keep the old folder's articles, and every article
/// of the new one would clash with them by id.
public enum DefaultIndex {
    public static var corpusPath: String {
        if let path = ProcessInfo.processInfo.environment["MEDSEARCH_CORPUS"], !path.isEmpty { return path }
        // Sources/MedSearch/Index/DefaultIndex.swift → repository root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Corpus").path
    }

    public static var indexPath: String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["MEDSEARCH_INDEX"], !path.isEmpty { return path }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (cache as NSString).appendingPathComponent("medsearch/corpus.sqlite")
    }

    /// Builds or refreshes the default index when the Corpus changed; returns its path.
    /// `announce` is told what is happening (the CLI prints it on stderr).
    @discardableResult
    public static func prepare(logger: Logger, announce: (String) -> Void) throws -> String {
        let index = indexPath, corpus = InputFiles.absolute(corpusPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IngestDiagnostic(path: corpus, message: "the shipped Corpus folder is missing; set MEDSEARCH_CORPUS or pass --db")
        }
        let fingerprint = try corpusFingerprint(corpus)
        let stored = storedMeta(index)
        if FileManager.default.fileExists(atPath: index), stored["corpus_fingerprint"] == fingerprint { return index }
        try FileManager.default.createDirectory(atPath: (index as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let exists = FileManager.default.fileExists(atPath: index)
        let sameFolder = stored["corpus_path"] == corpus
        announce(!exists ? "Building the index of the shipped Corpus at \(index) (first use)…"
                 : sameFolder ? "Corpus changed: updating the index at \(index)…"
                 : "The Corpus is now \(corpus): rebuilding the index at \(index)…")
        let report: IndexReport
        if exists, sameFolder, let writer = try? IndexWriter(path: index, logger: logger) {
            report = try writer.update(from: [corpus])
            try writer.setMeta("corpus_fingerprint", fingerprint)
        } else {
            report = try IndexWriter.rebuild(at: index, from: [corpus], logger: logger)
            let writer = try IndexWriter(path: index, logger: logger)
            try writer.setMeta("corpus_path", corpus)
            try writer.setMeta("corpus_fingerprint", fingerprint)
        }
        for line in report.diagnostics { announce(line) }
        announce(report.summaryLine)
        return index
    }

    /// Names, sizes and modification times of the Corpus files, hashed.
    static func corpusFingerprint(_ corpus: String) throws -> String {
        let names = (try FileManager.default.contentsOfDirectory(atPath: corpus)).filter { $0.hasSuffix(".md") }.sorted()
        var text = "schema \(Schema.version)\ncorpus \(corpus)\n"
        for name in names {
            let attributes = try FileManager.default.attributesOfItem(atPath: (corpus as NSString).appendingPathComponent(name))
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            text += "\(name) \(size) \(modified)\n"
        }
        return InputFiles.contentHash(Array(text.utf8))
    }

    /// The Corpus folder and fingerprint the index was built from (none when it cannot be read).
    static func storedMeta(_ index: String) -> [String: String] {
        guard let database = try? Database(path: index, mode: .readOnly),
              let statement = try? database.prepare("SELECT key, value FROM meta WHERE key IN ('corpus_path', 'corpus_fingerprint')"),
              let rows = try? statement.rows([], { ($0.text(0), $0.text(1)) }) else { return [:] }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }
}
