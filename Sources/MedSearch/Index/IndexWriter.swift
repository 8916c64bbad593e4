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
    public init(path: String, logger: Logger = Logger(label: "medsearch.index")) throws {
        self.path = path
        ownFilesPrefix = InputFiles.absolute(path.components(separatedBy: ".building-")[0])
        self.logger = logger
        database = try Database(path: path, mode: .readWriteCreate)
        try database.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE;")
        try database.execute(Schema.create)
        let version = try database.prepare("SELECT value FROM meta WHERE key = 'schema_version'")
            .rows { $0.text(0) }.first
        if let version, version != String(Schema.version) {
            throw SQLiteError(code: 1, message: "the index at \(path) has schema version \(version), this program needs \(Schema.version); rebuild it with `medsearch index --rebuild`")
        }
        try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)")
            .run([.text(String(Schema.version))])
    }

    /// Builds a fresh index of `inputs` in a temporary file beside `path`, then renames it over
    /// `path` (atomic on POSIX), so readers never see a half-built index.
    public static func rebuild(at path: String, from inputs: [String], strict: Bool = false,
                               logger: Logger = Logger(label: "medsearch.index")) throws -> IndexReport {
        let temporary = path + ".building-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        var report: IndexReport
        do {
            let writer = try IndexWriter(path: temporary, logger: logger)
            report = try writer.update(from: inputs, strict: strict)
            try writer.database.execute("INSERT INTO passages_fts(passages_fts) VALUES('optimize')")
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw IngestDiagnostic(path: path, message: "cannot replace the index: \(reason)")
        }
        return report
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
            // Average field lengths for per-field BM25, kept current with every update.
            try database.execute("""
                INSERT OR REPLACE INTO meta(key, value)
                SELECT 'field_lengths', printf('%f,%f,%f,%f,%d', avg(len_title), avg(len_heading), avg(len_body), avg(len_keywords), count(*))
                FROM passages;
                """)
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
            let lengths = [passage.title, passage.heading, passage.text, passage.keywords].map {
                Statement.Value.integer(Int64(TextTokenizer.tokenCount($0)))
            }
            try insertPassage.run([.text(passage.id), .integer(articleRow), .integer(Int64(passage.position)),
                                   .text(passage.heading), .text(passage.answersType.rawValue)] + lengths)
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
