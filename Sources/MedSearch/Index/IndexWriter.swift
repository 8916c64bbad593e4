import Foundation
import Logging

/// What an index run did, for the one-line summary and `--format json`.
public struct IndexReport: Sendable, Codable, Equatable {
    public var filesIndexed = 0
    public var filesUnchanged = 0
    public var filesSkipped = 0
    public var filesFailed = 0
    public var filesRemoved = 0
    /// Bad entries (a JSON line, an article whose id another file has) left out of files whose
    /// other entries were indexed.
    public var entriesFailed = 0
    /// Entries left out for having no text (MedQuAD pairs without an answer).
    public var entriesWithoutText = 0
    public var articles = 0
    public var passages = 0
    public var bytes = 0
    public var seconds = 0.0
    public var diagnostics: [String] = []

    /// True when an error was reported: a file or an entry was left out.
    public var hasErrors: Bool { filesFailed > 0 || entriesFailed > 0 }

    /// `indexed 42 files (42 articles, 380 passages), 0 unchanged, 0 skipped, 1 failed, 0 removed in 0.21 s`.
    public var summaryLine: String {
        let rate = seconds > 0 ? String(format: ", %.0f passages/s, %.1f MB/s", Double(passages) / seconds, Double(bytes) / 1_048_576 / seconds) : ""
        var line = "indexed \(filesIndexed) files (\(articles) articles, \(passages) passages), \(filesUnchanged) unchanged, \(filesSkipped) skipped, \(filesFailed) failed, \(filesRemoved) removed"
        if entriesFailed > 0 { line += ", \(entriesFailed) bad \(entriesFailed == 1 ? "entry" : "entries") left out" }
        if entriesWithoutText > 0 { line += ", \(entriesWithoutText) entries without text left out" }
        return line + " in \(String(format: "%.2f", seconds)) s\(rate)"
    }
}

/// Writes articles into an index file: a full rebuild into a new file that atomically replaces
/// the old one, or an incremental update that re-indexes only files whose content changed and
/// removes files that disappeared. Every update is one transaction, so a reader sees the old
/// index or the new one, never half of it.
public final class IndexWriter {
    let database: Database
    let logger: Logger
    public let path: String
    /// The index file and its companions (journal, temporary rebuild) are never input.
    let ownFilesPrefix: String
    /// Merge the full-text index into one segment before the ranking tables are built: set for
    /// a fresh build, whose queries are faster on one segment (dropping it doubled the p99 of
    /// full answers) and whose tables are then read straight from its pages. An update leaves
    /// the merging to FTS5 (`optimize` rewrites the whole index).
    var optimizesFullTextIndex = false

    /// Opens (creating if needed) the index at `path` for writing.
    ///
    /// The index is kept in WAL mode (<https://www.sqlite.org/wal.html>): readers never wait
    /// for a writer and never see its uncommitted pages, and a writer killed mid-update leaves
    /// a WAL that the next reader simply ignores — in rollback-journal mode that hot journal
    /// made every read-only `ask` fail (SQLITE_READONLY_ROLLBACK) until a writer came along.
    public convenience init(path: String, logger: Logger = Logger(label: "medsearch.index")) throws {
        try self.init(path: path, logger: logger, journal: .wal,
                      pageSize: FileManager.default.fileExists(atPath: path) ? nil : Self.newIndexPageSize)
    }

    /// How a writer journals: the live index in WAL mode; a file being rebuilt, which no
    /// reader sees, with a rollback journal (less to write) and without syncing (a build that
    /// stops is thrown away; `install` syncs the file before its name can replace the index).
    enum Journal { case wal, rollback }

    /// The page size of a new index. 16 KB against SQLite's 4 KB: fresh MedQuAD builds in
    /// turns took a median 1.24 s against 1.35 s (six each; 8 KB: 1.32 s), 10× MedQuAD
    /// 12.4–14.1 s against 13.7–22.1 s; the file 4 % smaller, the build peak 0.7 MB higher, the
    /// same rankings, ranking and whole `ask` times the same within the noise
    /// (`Benchmarks/RESULTS.md`).
    static let newIndexPageSize = 16_384

    /// `PRAGMA page_size = size` for the page sizes SQLite accepts; false for any other.
    static func setPageSize(_ size: Int, of database: Database) throws -> Bool {
        switch size {
        case 512: try database.execute("PRAGMA page_size = 512")
        case 1024: try database.execute("PRAGMA page_size = 1024")
        case 2048: try database.execute("PRAGMA page_size = 2048")
        case 4096: try database.execute("PRAGMA page_size = 4096")
        case 8192: try database.execute("PRAGMA page_size = 8192")
        case 16_384: try database.execute("PRAGMA page_size = 16384")
        case 32_768: try database.execute("PRAGMA page_size = 32768")
        case 65_536: try database.execute("PRAGMA page_size = 65536")
        default: return false
        }
        return true
    }

    /// The page size of the index at `path`, nil when there is none or it cannot be read.
    static func pageSize(of path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path), let database = try? Database(path: path, mode: .readOnly) else { return nil }
        return (try? database.prepare("PRAGMA page_size").rows { Int($0.int(0)) })?.first
    }

    init(path: String, logger: Logger, journal: Journal, pageSize: Int? = nil) throws {
        self.path = path
        ownFilesPrefix = InputFiles.absolute(path.components(separatedBy: ".building-")[0])
        self.logger = logger
        database = try Database(path: path, mode: .readWriteCreate)
        // Only an empty file takes a page size (before its first table).
        if let pageSize { _ = try Self.setPageSize(pageSize, of: database) }
        switch journal {
        case .wal: try database.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
        case .rollback: try database.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF;")
        }
        try database.execute(Schema.create)
        let version = try database.prepare("SELECT value FROM meta WHERE key = 'schema_version'")
            .rows { $0.text(0) }.first
        if let version, version != String(Schema.version) {
            throw SQLiteError(code: 1, message: "the index at \(path) has schema version \(version), this program needs \(Schema.version); rebuild it with `medsearch index --rebuild`")
        }
        // Only a new index is written to here: an update that stops early leaves the file as it was.
        if version == nil {
            try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)")
                .run([.text(String(Schema.version))])
        }
    }

    /// Builds a fresh index of `inputs` in a temporary file beside `path` (`path.building-PID`),
    /// then installs it, so readers never see a half-built index:
    ///
    /// - over an existing index, the new pages are copied into it in one write transaction
    ///   (SQLite's backup API): readers that have it open see the old content or the new,
    ///   its `-wal`/`-shm` stay its own, and a run killed before the commit changes nothing;
    /// - when there is no index yet, or the file is damaged, the new file is synced to disk and
    ///   renamed over it (atomic on POSIX) after the old file's `-wal`/`-shm` are removed, so
    ///   the new file never meets a stale WAL.
    ///
    /// Why not always rename: a WAL-mode index's readers share `path-wal` and `path-shm` by
    /// name, so a file renamed over a live index would meet the old file's WAL and wal-index
    /// (and old readers would read the new file's frames). Temporary files of rebuilds whose
    /// process died are removed first.
    public static func rebuild(at path: String, from inputs: [String], strict: Bool = false,
                               logger: Logger = Logger(label: "medsearch.index"),
                               progress: ((IndexProgress) -> Void)? = nil) throws -> IndexReport {
        removeAbandonedBuilds(of: path, logger: logger)
        let temporary = path + ".building-\(getpid())"
        removeIndexFiles(temporary)
        do {
            // Rebuilt over an index, the new file keeps its page size: SQLite's backup into a WAL
            // database (`install`) refuses a source whose pages differ in size.
            let pageSize = Self.pageSize(of: path) ?? newIndexPageSize
            let report = try build(temporary, pageSize: pageSize, from: inputs, strict: strict, logger: logger, progress: progress)
            try install(temporary, at: path, logger: logger)
            removeIndexFiles(temporary)
            return report
        } catch {
            removeIndexFiles(temporary)
            throw error
        }
    }

    /// Indexes `inputs` into the fresh file `temporary`; the file is closed (and in WAL mode,
    /// with no -wal left) when this returns.
    private static func build(_ temporary: String, pageSize: Int, from inputs: [String], strict: Bool, logger: Logger,
                              progress: ((IndexProgress) -> Void)?) throws -> IndexReport {
        let writer = try IndexWriter(path: temporary, logger: logger, journal: .rollback, pageSize: pageSize)
        writer.optimizesFullTextIndex = true
        let report = try writer.update(from: inputs, strict: strict, progress: progress)
        try writer.database.execute("PRAGMA journal_mode = WAL")
        return report
    }

    /// Puts the built file `temporary` in place at `path` (see `rebuild`).
    private static func install(_ temporary: String, at path: String, logger: Logger) throws {
        if FileManager.default.fileExists(atPath: path) {
            do {
                let source = try Database(path: temporary, mode: .readOnly)
                let live = try Database(path: path, mode: .readWrite)
                // An index written before WAL mode: convert it (needs a moment without readers).
                try? live.execute("PRAGMA journal_mode = WAL")
                try source.copy(into: live)
                try? live.execute("PRAGMA wal_checkpoint(PASSIVE)")
                return
            } catch let error as SQLiteError where error.isCorruption {
                logger.warning("the index at \(path) is damaged (\(error.message)); replacing it")
            }
        }
        for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
        // Built with synchronous = OFF: its pages reach the disk before the name does.
        let descriptor = open(temporary, O_RDONLY)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            throw IndexWriteError(path: path, reason: "cannot write the new index to disk: \(reason)")
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            throw IndexWriteError(path: path, reason: "cannot replace the index: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes a file with its -journal, -wal and -shm companions.
    static func removeIndexFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Temporary files `path.building-PID…` of rebuilds whose process no longer exists (a
    /// rebuild that was killed): removed before the next rebuild.
    public static func abandonedBuilds(of path: String) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".building-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names.filter { name in
            guard name.hasPrefix(prefix) else { return false }
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(digits), pid > 0 else { return false }
            return kill(pid, 0) == -1 && errno == ESRCH
        }.sorted().map { directory.isEmpty ? $0 : (directory as NSString).appendingPathComponent($0) }
    }

    static func removeAbandonedBuilds(of path: String, logger: Logger) {
        for file in abandonedBuilds(of: path) {
            logger.info("removing \(file), left by an interrupted rebuild")
            unlink(file)
        }
    }

    /// Re-indexes the files under `inputs` whose content changed, adds new ones and removes
    /// the ones that disappeared.
    ///
    /// A bad file is reported and skipped (its previous version, if any, stays indexed); a bad
    /// entry of a many-entry file (a JSON line, an id another file has) is reported at its line
    /// and only that entry is left out. With `strict`, the first error stops the run and its
    /// transaction is rolled back: nothing changes. `progress` is told after each file.
    public func update(from inputs: [String], strict: Bool = false,
                       progress: ((IndexProgress) -> Void)? = nil) throws -> IndexReport {
        let start = DispatchTime.now()
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
        var report = IndexReport()
        func record(_ diagnostic: IngestDiagnostic) throws {
            if strict, diagnostic.severity == .error { throw diagnostic }
            report.diagnostics.append(diagnostic.description)
        }

        let knownHashes = Dictionary(uniqueKeysWithValues: try database.prepare("SELECT path, hash FROM files")
            .rows { ($0.text(0), $0.text(1)) })
        let (ordered, removed, problems) = inputOrder(inputs, known: knownHashes)
        let supplements = Array(ordered.prefix(ordered.supplements.count))
        for problem in problems {
            try record(problem)
            if problem.severity == .error { report.filesFailed += 1 }
        }
        // The files that disappeared are deleted before any file claims an id.
        var claims = try IDClaims(database: database)

        let parser = ArticleFileParser()
        // Files are read and parsed (and their passages made) on worker threads a little ahead
        // of this thread, which claims their ids and writes them in path order: row ids and
        // diagnostics never depend on timing. The supplements are read here first, before any
        // XML file asks for them.
        let prepare: @Sendable (String) -> PreparedFile = { PreparedFile(path: $0, parser: parser, knownHash: knownHashes[$0]) }
        var preparedSupplements = supplements.map(prepare)[...]
        // 64 files ahead, but no more than 1 MB of them: at 50× MedQuAD the grown CancerGov
        // files (~130 KB each, the CSV's answers written in) held 8.8 MB more with 64 of them
        // parsed ahead.
        let work = OrderedWork(count: ordered.count - supplements.count, workers: OrderedWork<PreparedFile>.defaultWorkers,
                               window: 64, budget: 256 << 10, cost: \.byteCount) { prepare(ordered[supplements.count + $0]) }
        defer { work.finish() }

        try database.transaction {
            let inserter = try ArticleInserter(database: database)
            for path in removed {
                try inserter.deleteFile(path)
                report.filesRemoved += 1
            }
            var passagesRead = 0
            // Ids the checks missed but the index refused, reported after the files' own problems.
            var writeClashes: [IngestDiagnostic] = []
            for (done, file) in ordered.enumerated() {
                progress?(IndexProgress(stage: .reading, filesDone: done, filesTotal: ordered.count, passages: passagesRead,
                                        bytes: report.bytes, seconds: elapsed()))
                let input: PreparedFile.Parsed
                switch preparedSupplements.popFirst() ?? work.next()! {
                case .unchanged:
                    report.filesUnchanged += 1
                    continue
                case .failed(let diagnostic as IngestDiagnostic):
                    try record(diagnostic)
                    if diagnostic.severity == .error { report.filesFailed += 1 } else { report.filesSkipped += 1 }
                    continue
                case .failed(let error):
                    throw error
                case .parsed(let parsed):
                    input = parsed
                }
                let parsed = input.file
                report.entriesWithoutText += parsed.skippedEntries
                let held = claims.release(file)
                let (accepted, clashes, notes) = try claim(input, from: file, in: &claims)
                let errors = parsed.entryErrors + clashes
                // In line order, each problem once.
                for diagnostic in (parsed.warnings + notes + errors).enumerated()
                    .sorted(by: { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }).map(\.element) {
                    try record(diagnostic)
                }
                if accepted.isEmpty, !errors.isEmpty {
                    claims.restore(held)
                    report.filesFailed += 1
                    continue
                }
                if accepted.isEmpty, !parsed.articles.isEmpty {
                    // Every document of the file repeats one already indexed (MedQuAD).
                    claims.restore(held)
                    report.filesSkipped += 1
                    continue
                }
                report.entriesFailed += errors.count
                report.bytes += input.byteCount
                passagesRead += accepted.reduce(0) { $0 + $1.passages.count }
                let changed = ChangedFile(path: file, hash: input.hash, articles: accepted, lines: parsed.articleLines,
                                          hasErrors: !errors.isEmpty, isIndexed: knownHashes[file] != nil)

                let (written, clashesOnWrite) = try write(changed, with: inserter)
                writeClashes += clashesOnWrite
                if written.articles == 0, !changed.articles.isEmpty {
                    report.filesFailed += 1
                    continue
                }
                report.entriesFailed += clashesOnWrite.count
                report.articles += written.articles
                report.passages += written.passages
                report.filesIndexed += 1
            }
            for clash in writeClashes { try record(clash) }
            progress?(IndexProgress(stage: .writing, filesDone: ordered.count, filesTotal: ordered.count, passages: report.passages,
                                    bytes: report.bytes, seconds: elapsed()))
            try inserter.deleteOrphanReferences()
            // A run that wrote nothing leaves the ranking tables as they are (rebuilding them
            // was most of a no-change run: 0.7 of 1.0 s on MedQuAD).
            let unchanged = report.filesIndexed == 0 && report.filesRemoved == 0
            let hasTables = try database.prepare("SELECT EXISTS(SELECT 1 FROM passage_digest)").rows { $0.int(0) == 1 }.first ?? false
            if !unchanged || !hasTables {
                // Average field lengths for per-field BM25, kept current with every update.
                try database.execute("""
                    INSERT OR REPLACE INTO meta(key, value)
                    SELECT 'field_lengths', printf('%f,%f,%f,%f,%d', avg(len_title), avg(len_heading), avg(len_body), avg(len_keywords), count(*))
                    FROM passages;
                    """)
                let started = elapsed()
                if optimizesFullTextIndex {
                    try database.execute("INSERT INTO passages_fts(passages_fts) VALUES('optimize')")
                }
                let optimized = elapsed()
                let source = try SearchTablesBuilder.rebuild(database) { reason in
                    logger.debug("ranking tables read through fts5vocab", metadata: ["reason": "\(reason)"])
                }
                logger.debug("ranking tables built", metadata: [
                    "from": "\(source)", "optimize_seconds": "\(optimized - started)", "tables_seconds": "\(elapsed() - optimized)",
                ])
            }
        }
        report.seconds = elapsed()
        logger.debug("index update", metadata: ["summary": "\(report.summaryLine)"])
        return report
    }

    /// The input files in the order they are written — MedQuAD's answer supplements first (XML
    /// files draw answers from them), then the others in path order — and the files indexed
    /// before under these inputs that are gone now.
    private func inputOrder(_ inputs: [String], known: [String: String])
        -> (ordered: WriteOrder, removed: [String], problems: [IngestDiagnostic]) {
        let (listed, problems) = InputFiles.collect(inputs)
        let ownFilesPrefix = ownFilesPrefix
        // A large tree's list waits in a temporary file beside the index while the run reads
        // it a path at a time (~8 MB for the 563,508 paths of a 50× MedQuAD tree; 0.15 MB at
        // 1×, kept in memory).
        let files = (listed.contains { $0.hasPrefix(ownFilesPrefix) } ? listed.filter { !$0.hasPrefix(ownFilesPrefix) } : listed)
            .spilled(over: 1 << 20, in: InputFiles.parentFolder(InputFiles.absolute(path)))
        let roots = inputs.map(InputFiles.absolute)
        let removed = known.keys.filter { path in
            !files.sortedContains(path) && roots.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
                && !FileManager.default.fileExists(atPath: path)
        }.sorted()
        let supplements = files.indices.filter { ArticleFileParser.ending(of: files[$0]) == MedQuADSupplement.fileName }
        return (WriteOrder(files: files, supplements: supplements), removed, problems)
    }

    /// The files in the order they are written: the supplements first, then the others in path
    /// order. A view of the one sorted list (`PathList`; a large tree has hundreds of thousands
    /// of paths), not a second list.
    struct WriteOrder: RandomAccessCollection, Sendable {
        let files: PathList
        /// Positions of the supplements in `files`, ascending.
        let supplements: [Int]

        var startIndex: Int { 0 }
        var endIndex: Int { files.count }

        subscript(position: Int) -> String {
            if position < supplements.count { return files[supplements[position]] }
            // The (position − supplements)-th file that is not a supplement.
            var index = position - supplements.count
            for supplement in supplements where supplement <= index { index += 1 }
            return files[index]
        }
    }

    /// Writes one changed file, replacing its previous version. An article the index would
    /// refuse (a clash the claims did not see, see `ArticleInserter.clash`) is left out and
    /// returned; a file none of whose articles can be written keeps its previous version.
    ///
    /// The ids are looked up before anything is written instead of undoing a failed insert
    /// with a savepoint: FTS5 writes its pending terms out as a new segment at every
    /// savepoint, so a savepoint per file cost a third of a MedQuAD build.
    private func write(_ file: ChangedFile, with inserter: ArticleInserter) throws
        -> (written: (articles: Int, passages: Int), clashes: [IngestDiagnostic]) {
        var clashes: [IngestDiagnostic] = []
        var writable: [(article: Article, passages: [Passage], lengths: [FieldLengths])] = []
        var taken = Set<String>()
        for entry in file.articles {
            if let clash = try inserter.clash(entry.article, passages: entry.passages, filePath: file.path, taken: &taken) {
                clashes.append(IngestDiagnostic(path: file.path, line: file.lines[entry.article.id] ?? 1,
                                                message: "'\(entry.article.id)' clashes with an id already in the index (\(clash))"))
            } else {
                writable.append(entry)
            }
        }
        if writable.isEmpty, !file.articles.isEmpty { return ((0, 0), clashes) }
        // Only a file the index knows has rows to replace (the files table is written with them).
        if file.isIndexed { try inserter.deleteFile(file.path) }
        var written = (articles: 0, passages: 0)
        for (article, passages, lengths) in writable {
            try inserter.insert(article, passages: passages, lengths: lengths, filePath: file.path)
            written.articles += 1
            written.passages += passages.count
        }
        // A file with left-out entries is read again next time, so that its
        // errors are reported until they are mended.
        let hash = file.hasErrors || !clashes.isEmpty ? file.hash + IndexWriter.retryMark : file.hash
        try inserter.recordFile(file.path, hash: hash)
        return (written, clashes)
    }

    /// A changed file's articles that passed the id checks, with their passages.
    struct ChangedFile {
        var path: String
        var hash: String
        var articles: [(article: Article, passages: [Passage], lengths: [FieldLengths])]
        var lines: [String: Int]
        /// Some entries were left out for an error.
        var hasErrors: Bool
        /// The index holds a version of the file (to be replaced).
        var isIndexed: Bool
    }

    /// What a worker thread made of one input file, before the writer claims its ids.
    enum PreparedFile: Sendable {
        /// Its content hash is the one indexed.
        case unchanged
        /// It could not be read or parsed: an `IngestDiagnostic` (an error: the file failed; a
        /// warning: it was skipped), or another error that stops the run.
        case failed(any Error)
        case parsed(Parsed)

        /// The bytes of the file it was made from (0 when it was not read whole).
        var byteCount: Int {
            if case .parsed(let parsed) = self { return parsed.byteCount }
            return 0
        }

        struct Parsed: Sendable {
            var file: ParsedFile
            var hash: String
            var byteCount: Int
            /// Each article's passages (`Article.passages()`) with their token counts.
            var passages: [(passages: [Passage], lengths: [FieldLengths])]
        }

        init(path: String, parser: ArticleFileParser, knownHash: String?) {
            do {
                let bytes = try InputFiles.read(path)
                let hash = parser.changeKey(bytes: bytes, path: path)
                if knownHash == hash {
                    self = .unchanged
                    return
                }
                let parsed = try parser.parse(bytes: bytes, path: path)
                let passages = parsed.articles.map { article in
                    let passages = article.passages()
                    return (passages, passages.map(FieldLengths.init))
                }
                self = .parsed(Parsed(file: parsed, hash: hash, byteCount: bytes.count, passages: passages))
            } catch {
                self = .failed(error)
            }
        }
    }

    /// Appended to the stored hash of a file whose entries were partly left out: it never
    /// matches, so the file is read and its errors reported on every run until it is mended.
    static let retryMark = "+errors"

    /// Claims the ids of a parsed file's articles: an id another file has is an error at the
    /// article's line (the article is left out), except for MedQuAD's known repeats, which keep
    /// the answers the first file lacks and are noted with a warning.
    func claim(_ input: PreparedFile.Parsed, from file: String, in claims: inout IDClaims) throws
        -> (accepted: [(article: Article, passages: [Passage], lengths: [FieldLengths])], errors: [IngestDiagnostic], notes: [IngestDiagnostic]) {
        let parsed = input.file
        var accepted: [(article: Article, passages: [Passage], lengths: [FieldLengths])] = []
        var errors: [IngestDiagnostic] = [], notes: [IngestDiagnostic] = []
        for (offset, var article) in parsed.articles.enumerated() {
            var (passages, lengths) = input.passages[offset]
            let line = parsed.articleLines[article.id] ?? 1
            if let owner = try claims.owner(ofArticle: article.id) {
                guard parsed.duplicatesAreWarnings else {
                    errors.append(IngestDiagnostic(path: file, line: line, message: "duplicate id '\(article.id)': already indexed from \(owner)"))
                    continue
                }
                // A repeated MedQuAD document: keep only the answers its first file lacks.
                let before = article.sections.count
                try article.sections.removeAll { section in try section.externalID.map { try claims.owner(ofPassage: $0) != nil } ?? false }
                let original = article.id
                article.id += "~" + InputFiles.stem(of: file)
                notes.append(IngestDiagnostic(path: file, line: 2, severity: .warning,
                    message: "repeats document '\(original)' of \(owner); kept \(article.sections.count) of its \(before) answers, the others are already indexed"))
                if article.sections.isEmpty { continue }
                passages = article.passages()
                lengths = passages.map(FieldLengths.init)
            }
            if let (id, owner) = try claims.clash(in: passages) {
                errors.append(IngestDiagnostic(path: file, line: line, message: "passage id '\(id)' of '\(article.id)' is already indexed from \(owner)"))
                continue
            }
            claims.claim(article: article.id, passages: passages, file: file)
            accepted.append((article, passages, lengths))
        }
        return (accepted, errors, notes)
    }

    /// Stores a key/value note in the index (e.g. the corpus fingerprint).
    public func setMeta(_ key: String, _ value: String) throws {
        try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").run([.text(key), .text(value)])
    }
}

/// A write to the index that failed, said the way a user can act on: disk full, read-only,
/// busy, damaged. A failed `index` run changes nothing: the rebuild's temporary file is
/// removed and an update's transaction is rolled back.
public struct IndexWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The reason behind an SQLite result code (<https://www.sqlite.org/rescode.html>).
    public init(path: String, error: SQLiteError) {
        self.path = path
        let detail = "SQLite: \(error.message)"
        switch error.code & 0xff {
        case 13: reason = "the disk is full (\(detail))"
        case 8, 3, 23: reason = "the index or its folder is read-only for this user (\(detail))"
        case 14: reason = "cannot open or create the index file or the files beside it; is its folder writable? (\(detail))"
        case 5, 6: reason = "another process is writing the index; try again when it has finished (\(detail))"
        case 10: reason = "the disk reported an input/output error; is it full or failing, or a file-size limit (ulimit -f) reached? (\(detail))"
        case 11, 26:
            reason = "the index is damaged (\(detail)); rebuild it with `medsearch index --rebuild --db \(path) PATH…`"
        default: reason = detail
        }
    }

    public var description: String { "cannot write the index at \(path): \(reason); the index was not changed" }
}

/// The prepared statements that insert and delete one article with its passages and
/// references.
struct ArticleInserter {
    let database: Database
    let insertArticle: Statement
    let insertPassage: Statement
    let insertPassageText: Statement
    let findReference: Statement
    let insertReference: Statement
    let insertReferenceText: Statement
    let linkReference: Statement
    let articlesOfFile: Statement
    let passagesOfArticle: Statement
    let deletePassageText: Statement
    let deleteArticle: Statement
    let insertFile: Statement
    let deleteFileRow: Statement
    let fileOfArticle: Statement
    let insertAbbreviation: Statement

    init(database: Database) throws {
        self.database = database
        insertArticle = try database.prepare("""
            INSERT INTO articles(slug, title, published, reviewed, summary, tags, related, source, url, file_path, dump)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPassage = try database.prepare("""
            INSERT INTO passages(external_id, article_id, position, heading, answers_type, len_title, len_heading, len_body, len_keywords)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPassageText = try database.prepare("INSERT INTO passages_fts(rowid, title, heading, body, keywords) VALUES(?, ?, ?, ?, ?)")
        findReference = try database.prepare("SELECT id FROM refs WHERE key = ?")
        insertReference = try database.prepare("""
            INSERT INTO refs(key, authors, year, title, journal, volume, issue, pages, doi, raw)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReferenceText = try database.prepare("INSERT INTO refs_fts(rowid, authors, year, title, journal, raw) VALUES(?, ?, ?, ?, ?, ?)")
        linkReference = try database.prepare("INSERT OR IGNORE INTO article_refs(article_id, ref_id, position) VALUES(?, ?, ?)")
        articlesOfFile = try database.prepare("SELECT id FROM articles WHERE file_path = ?")
        passagesOfArticle = try database.prepare("SELECT id FROM passages WHERE article_id = ?")
        deletePassageText = try database.prepare("DELETE FROM passages_fts WHERE rowid = ?")
        deleteArticle = try database.prepare("DELETE FROM articles WHERE id = ?")
        insertFile = try database.prepare("INSERT OR REPLACE INTO files(path, hash) VALUES(?, ?)")
        deleteFileRow = try database.prepare("DELETE FROM files WHERE path = ?")
        fileOfArticle = try database.prepare("SELECT file_path FROM articles WHERE slug = ?")
        insertAbbreviation = try database.prepare("INSERT OR IGNORE INTO abbreviations(short, long, article_id) VALUES(?, ?, ?)")
    }

    /// Inserts the article, its passages (`article.passages()`, with their token counts) and
    /// its references.
    func insert(_ article: Article, passages: [Passage], lengths: [FieldLengths], filePath: String) throws {
        try insertArticle.run([
            .text(article.id), .text(article.title), .text(article.published),
            article.reviewed.map { .text($0) } ?? .null, .text(article.summary),
            .text(article.tags.joined(separator: ", ")), .text(article.related.joined(separator: ", ")),
            .text(article.source), article.url.map { .text($0) } ?? .null, .text(filePath), .text(""),
        ])
        let articleRow = database.lastInsertedRowID
        for (passage, length) in zip(passages, lengths) {
            try insertPassage.run([.text(passage.id), .integer(articleRow), .integer(Int64(passage.position)),
                                   .text(passage.heading), .text(passage.answersType.rawValue),
                                   .integer(Int64(length.title)), .integer(Int64(length.heading)),
                                   .integer(Int64(length.body)), .integer(Int64(length.keywords))])
            let passageRow = database.lastInsertedRowID
            try insertPassageText.run([.integer(passageRow), .text(passage.title), .text(passage.heading),
                                       .text(passage.text), .text(passage.keywords)])
            for text in [passage.heading, passage.text] {
                for definition in AbbreviationFinder.definitions(in: text) {
                    try insertAbbreviation.run([.text(definition.short), .text(definition.long.joined(separator: " ")), .integer(articleRow)])
                }
            }
        }
        for (position, reference) in article.references.enumerated() {
            let key = reference.deduplicationKey
            var referenceRow = try findReference.rows([.text(key)]) { $0.int(0) }.first
            if referenceRow == nil {
                let authors = reference.authors.joined(separator: "; ")
                try insertReference.run([
                    .text(key), .text(authors), reference.year.map { .integer(Int64($0)) } ?? .null,
                    .text(reference.title), .text(reference.journal), .text(reference.volume),
                    .text(reference.issue), .text(reference.pages), .text(reference.doi), .text(reference.raw),
                ])
                referenceRow = database.lastInsertedRowID
                try insertReferenceText.run([.integer(referenceRow!), .text(authors),
                                             .text(reference.year.map(String.init) ?? ""), .text(reference.title),
                                             .text(reference.journal), .text(reference.raw)])
            }
            try linkReference.run([.integer(articleRow), .integer(referenceRow!), .integer(Int64(position + 1))])
        }
    }

    /// The unique key the index would refuse for `article` (its id held by another file than
    /// `filePath`, a passage id twice in it, or an id already `taken` by an article written
    /// before it from the same file), said like SQLite's constraint error; nil when it can be
    /// written, and its ids are then added to `taken`. Passage ids held by other files were
    /// looked up by the claims just before (`IDClaims.clash(in:)`); the article id is asked
    /// again because a repeated MedQuAD document is renamed after its claim.
    func clash(_ article: Article, passages: [Passage], filePath: String, taken: inout Set<String>) throws -> String? {
        let articleKey = "article " + article.id
        let articleOwners = try fileOfArticle.rows([.text(article.id)]) { $0.text(0) }
        if taken.contains(articleKey) || articleOwners.contains(where: { $0 != filePath }) {
            return "UNIQUE constraint failed: articles.slug"
        }
        var keys: Set = [articleKey]
        for passage in passages {
            let key = "passage " + passage.id
            if taken.contains(key) || !keys.insert(key).inserted {
                return "UNIQUE constraint failed: passages.external_id"
            }
        }
        taken.formUnion(keys)
        return nil
    }

    /// Notes the file's content hash, for the next incremental run.
    func recordFile(_ path: String, hash: String) throws {
        try insertFile.run([.text(path), .text(hash)])
    }

    /// Removes every article that came from `path`, with its passages, and forgets the file.
    func deleteFile(_ path: String) throws {
        for articleRow in try articlesOfFile.rows([.text(path)], { $0.int(0) }) {
            for passageRow in try passagesOfArticle.rows([.integer(articleRow)], { $0.int(0) }) {
                try deletePassageText.run([.integer(passageRow)])
            }
            try deleteArticle.run([.integer(articleRow)])
        }
        try deleteFileRow.run([.text(path)])
    }

    /// References no article cites any more.
    func deleteOrphanReferences() throws {
        try database.execute("""
            DELETE FROM refs_fts WHERE rowid IN (SELECT id FROM refs WHERE id NOT IN (SELECT ref_id FROM article_refs));
            DELETE FROM refs WHERE id NOT IN (SELECT ref_id FROM article_refs);
            """)
    }
}
