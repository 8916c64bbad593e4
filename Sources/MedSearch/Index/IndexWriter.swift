import Foundation
import Logging

/// What an index run did, for the one-line summary and `--format json`.
public struct IndexReport: Sendable, Codable, Equatable {
    public var filesIndexed = 0
    public var filesUnchanged = 0
    public var filesSkipped = 0
    public var filesFailed = 0
    public var filesRemoved = 0
    /// Entries left out for having no text (MedQuAD pairs without an answer).
    public var entriesWithoutText = 0
    public var articles = 0
    public var passages = 0
    public var bytes = 0
    public var seconds = 0.0
    public var diagnostics: [String] = []

    /// `indexed 42 files (380 passages), 0 unchanged, 1 failed, 0 removed in 0.21 s`.
    public var summaryLine: String {
        let rate = seconds > 0 ? String(format: ", %.0f passages/s, %.1f MB/s", Double(passages) / seconds, Double(bytes) / 1_048_576 / seconds) : ""
        var line = "indexed \(filesIndexed) files (\(articles) articles, \(passages) passages), \(filesUnchanged) unchanged, \(filesSkipped) skipped, \(filesFailed) failed, \(filesRemoved) removed"
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

    /// Opens (creating if needed) the index at `path` for writing.
    ///
    /// The index is kept in WAL mode (<https://www.sqlite.org/wal.html>): readers never wait
    /// for a writer and never see its uncommitted pages, and a writer killed mid-update leaves
    /// a WAL that the next reader simply ignores — in rollback-journal mode that hot journal
    /// made every read-only `ask` fail (SQLITE_READONLY_ROLLBACK) until a writer came along.
    public convenience init(path: String, logger: Logger = Logger(label: "medsearch.index")) throws {
        try self.init(path: path, logger: logger, journal: .wal)
    }

    /// How a writer journals: the live index in WAL mode; a file being rebuilt, which no
    /// reader sees, with a rollback journal (less to write).
    enum Journal { case wal, rollback }

    init(path: String, logger: Logger, journal: Journal) throws {
        self.path = path
        ownFilesPrefix = InputFiles.absolute(path.components(separatedBy: ".building-")[0])
        self.logger = logger
        database = try Database(path: path, mode: .readWriteCreate)
        switch journal {
        case .wal: try database.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
        case .rollback: try database.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE;")
        }
        try database.execute(Schema.create)
        let version = try database.prepare("SELECT value FROM meta WHERE key = 'schema_version'")
            .rows { $0.text(0) }.first
        if let version, version != String(Schema.version) {
            throw SQLiteError(code: 1, message: "the index at \(path) has schema version \(version), this program needs \(Schema.version); rebuild it with `medsearch index --rebuild`")
        }
        try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)")
            .run([.text(String(Schema.version))])
    }

    /// Builds a fresh index of `inputs` in a temporary file beside `path` (`path.building-PID`),
    /// then installs it, so readers never see a half-built index:
    ///
    /// - over an existing index, the new pages are copied into it in one write transaction
    ///   (SQLite's backup API): readers that have it open see the old content or the new,
    ///   its `-wal`/`-shm` stay its own, and a run killed before the commit changes nothing;
    /// - when there is no index yet, or the file is damaged, the new file is renamed over it
    ///   (atomic on POSIX) after the old file's `-wal`/`-shm` are removed, so the new file
    ///   never meets a stale WAL.
    ///
    /// Why not always rename: a WAL-mode index's readers share `path-wal` and `path-shm` by
    /// name, so a file renamed over a live index would meet the old file's WAL and wal-index
    /// (and old readers would read the new file's frames). Temporary files of rebuilds whose
    /// process died are removed first.
    public static func rebuild(at path: String, from inputs: [String], strict: Bool = false,
                               logger: Logger = Logger(label: "medsearch.index")) throws -> IndexReport {
        removeAbandonedBuilds(of: path, logger: logger)
        let temporary = path + ".building-\(getpid())"
        removeIndexFiles(temporary)
        do {
            let report = try build(temporary, from: inputs, strict: strict, logger: logger)
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
    private static func build(_ temporary: String, from inputs: [String], strict: Bool, logger: Logger) throws -> IndexReport {
        let writer = try IndexWriter(path: temporary, logger: logger, journal: .rollback)
        let report = try writer.update(from: inputs, strict: strict)
        try writer.database.execute("INSERT INTO passages_fts(passages_fts) VALUES('optimize')")
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
    /// the ones that disappeared. A bad file is reported and skipped (its previous version, if
    /// any, stays indexed); with `strict`, any bad file aborts the run and nothing changes.
    public func update(from inputs: [String], strict: Bool = false) throws -> IndexReport {
        let start = DispatchTime.now()
        var report = IndexReport()
        let (collected, problems) = InputFiles.collect(inputs)
        let files = collected.filter { !$0.hasPrefix(ownFilesPrefix) }
        for problem in problems {
            report.diagnostics.append(problem.description)
            if problem.severity == .error { report.filesFailed += 1 }
        }
        if strict, let problem = problems.first(where: { $0.severity == .error }) { throw problem }

        let knownHashes = Dictionary(uniqueKeysWithValues: try database.prepare("SELECT path, hash FROM files")
            .rows { ($0.text(0), $0.text(1)) })
        let parser = ArticleFileParser()
        var passageOwners: [String: String] = [:]
        let findPassage = try database.prepare("SELECT 1 FROM passages WHERE external_id = ?")
        func passageExists(_ id: String) throws -> Bool { try !findPassage.rows([.text(id)]) { _ in true }.isEmpty }
        // Supplements first: XML files draw answers from them.
        let ordered = files.filter { ArticleFileParser.ending(of: $0) == MedQuADSupplement.fileName }
            + files.filter { ArticleFileParser.ending(of: $0) != MedQuADSupplement.fileName }
        var changed: [(path: String, hash: String, articles: [Article])] = []
        var idOwners: [String: String] = try Dictionary(database.prepare("SELECT slug, file_path FROM articles")
            .rows { ($0.text(0), $0.text(1)) }, uniquingKeysWith: { first, _ in first })

        for file in ordered {
            do {
                let bytes = try InputFiles.read(file)
                let hash = parser.changeKey(bytes: bytes, path: file)
                if knownHashes[file] == hash {
                    report.filesUnchanged += 1
                    continue
                }
                let parsed = try parser.parse(bytes: bytes, path: file)
                for warning in parsed.warnings { report.diagnostics.append(warning.description) }
                report.entriesWithoutText += parsed.skippedEntries
                var articles: [Article] = []
                for var article in parsed.articles {
                    if let owner = idOwners[article.id], owner != file {
                        guard parsed.duplicatesAreWarnings else {
                            throw IngestDiagnostic(path: file, line: 2, message: "duplicate id '\(article.id)': already indexed from \(owner)")
                        }
                        // A repeated MedQuAD document: keep only the answers its first file lacks.
                        let before = article.sections.count
                        article.sections.removeAll { section in
                            section.externalID.map { passageOwners[$0] != nil || (try? passageExists($0)) == true } ?? false
                        }
                        article.id += "~" + InputFiles.stem(of: file)
                        report.diagnostics.append(IngestDiagnostic(path: file, line: 2, severity: .warning,
                            message: "repeats document '\(article.id.split(separator: "~")[0])' of \(owner); kept \(article.sections.count) of its \(before) answers, the others are already indexed").description)
                        if article.sections.isEmpty { continue }
                    }
                    articles.append(article)
                }
                guard !articles.isEmpty || parsed.articles.isEmpty else {
                    report.filesSkipped += 1
                    continue
                }
                for article in articles {
                    idOwners[article.id] = file
                    for section in article.sections { if let id = section.externalID { passageOwners[id] = file } }
                }
                report.bytes += bytes.count
                changed.append((file, hash, articles))
            } catch let diagnostic as IngestDiagnostic {
                if strict, diagnostic.severity == .error { throw diagnostic }
                report.diagnostics.append(diagnostic.description)
                if diagnostic.severity == .error { report.filesFailed += 1 } else { report.filesSkipped += 1 }
            }
        }

        // Files indexed before under these inputs that are gone now.
        let roots = inputs.map(InputFiles.absolute)
        let present = Set(files)
        let removed = knownHashes.keys.filter { known in
            !present.contains(known) && roots.contains { known == $0 || known.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
                && !FileManager.default.fileExists(atPath: known)
        }

        try database.transaction {
            let inserter = try ArticleInserter(database: database)
            for path in removed {
                try inserter.deleteFile(path)
                report.filesRemoved += 1
            }
            for file in changed {
                try inserter.deleteFile(file.path)
                for article in file.articles {
                    report.passages += try inserter.insert(article, filePath: file.path)
                    report.articles += 1
                }
                try database.prepare("INSERT OR REPLACE INTO files(path, hash) VALUES(?, ?)")
                    .run([.text(file.path), .text(file.hash)])
                report.filesIndexed += 1
            }
            try inserter.deleteOrphanReferences()
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        logger.debug("index update", metadata: ["summary": "\(report.summaryLine)"])
        return report
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

    init(database: Database) throws {
        self.database = database
        insertArticle = try database.prepare("""
            INSERT INTO articles(slug, title, published, reviewed, summary, tags, related, source, url, file_path, dump)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPassage = try database.prepare("INSERT INTO passages(external_id, article_id, position, heading, answers_type) VALUES(?, ?, ?, ?, ?)")
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
    }

    /// Inserts the article, its passages and its references; returns the passage count.
    func insert(_ article: Article, filePath: String) throws -> Int {
        try insertArticle.run([
            .text(article.id), .text(article.title), .text(article.published),
            article.reviewed.map { .text($0) } ?? .null, .text(article.summary),
            .text(article.tags.joined(separator: ", ")), .text(article.related.joined(separator: ", ")),
            .text(article.source), article.url.map { .text($0) } ?? .null, .text(filePath), .text(article.dump()),
        ])
        let articleRow = database.lastInsertedRowID
        let passages = article.passages()
        for passage in passages {
            try insertPassage.run([.text(passage.id), .integer(articleRow), .integer(Int64(passage.position)),
                                   .text(passage.heading), .text(passage.answersType.rawValue)])
            let passageRow = database.lastInsertedRowID
            try insertPassageText.run([.integer(passageRow), .text(passage.title), .text(passage.heading),
                                       .text(passage.text), .text(passage.keywords)])
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
        return passages.count
    }

    /// Removes every article that came from `path`, with its passages, and forgets the file.
    func deleteFile(_ path: String) throws {
        for articleRow in try articlesOfFile.rows([.text(path)], { $0.int(0) }) {
            for passageRow in try passagesOfArticle.rows([.integer(articleRow)], { $0.int(0) }) {
                try deletePassageText.run([.integer(passageRow)])
            }
            try deleteArticle.run([.integer(articleRow)])
        }
        try database.prepare("DELETE FROM files WHERE path = ?").run([.text(path)])
    }

    /// References no article cites any more.
    func deleteOrphanReferences() throws {
        try database.execute("""
            DELETE FROM refs_fts WHERE rowid IN (SELECT id FROM refs WHERE id NOT IN (SELECT ref_id FROM article_refs));
            DELETE FROM refs WHERE id NOT IN (SELECT ref_id FROM article_refs);
            """)
    }
}
