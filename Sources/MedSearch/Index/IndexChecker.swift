import Foundation

/// What `medsearch check` found in an index: one finding per check, in the order run.
public struct IndexCheckReport: Sendable, Codable, Equatable {
    /// One check and its outcome.
    public struct Finding: Sendable, Codable, Equatable {
        /// `ok`, `note` (worth knowing, not damage) or `failed`.
        public enum Status: String, Sendable, Codable { case ok, note, failed }
        public var status: Status
        /// What was checked, e.g. "PRAGMA integrity_check".
        public var check: String
        /// What it found.
        public var detail: String
    }

    public var path: String
    public var findings: [Finding] = []

    /// No check failed.
    public var isHealthy: Bool { !findings.contains { $0.status == .failed } }

    /// The last line `check` prints.
    public var verdict: String {
        isHealthy ? "the index at \(path) is healthy"
            : "the index at \(path) is damaged; rebuild it with `medsearch index --rebuild --db \(path) PATH…`"
    }
}

/// Runs SQLite's and FTS5's integrity checks on an index without writing to it.
///
/// - `PRAGMA integrity_check` on the file (b-trees, pages, indexes;
///   <https://www.sqlite.org/pragma.html#pragma_integrity_check>);
/// - FTS5's `integrity-check` command on `passages_fts` and `refs_fts`
///   (<https://www.sqlite.org/fts5.html#the_integrity_check_command>). The command is an
///   `INSERT`, which a read-only connection refuses, so it runs on an in-memory copy of the
///   index taken with the backup API — the same pages, and the file is never written;
/// - `PRAGMA foreign_key_check`, the schema version, and that every passage has its text and
///   every text its passage;
/// - notes: the journal mode, a hot rollback journal, and leftover files of interrupted rebuilds.
///
/// ```swift
/// let report = IndexChecker.check(path: "corpus.sqlite")
/// print(report.verdict)
/// ```
public enum IndexChecker {
    public static func check(path: String) -> IndexCheckReport {
        var report = IndexCheckReport(path: path)
        func add(_ status: IndexCheckReport.Finding.Status, _ check: String, _ detail: String) {
            report.findings.append(.init(status: status, check: check, detail: detail))
        }
        guard FileManager.default.fileExists(atPath: path) else {
            add(.failed, "file", "no file at \(path)")
            return report
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        let database: Database
        do {
            database = try Database(path: path, mode: .readOnly)
            let mode = try database.prepare("PRAGMA journal_mode").rows { $0.text(0) }.first ?? "?"
            let pages = try database.prepare("PRAGMA page_count").rows { $0.int(0) }.first ?? 0
            add(.ok, "open", "an SQLite \(Database.libraryVersion) database of \(pages) pages (\(size) bytes on disk), journal mode \(mode)")
        } catch let error as SQLiteError {
            add(.failed, "open", "cannot read it as an SQLite database: \(error.message)")
            return report
        } catch {
            add(.failed, "open", "\(error)")
            return report
        }

        func run(_ check: String, _ body: () throws -> (IndexCheckReport.Finding.Status, String)) {
            do {
                let (status, detail) = try body()
                add(status, check, detail)
            } catch let error as SQLiteError {
                add(.failed, check, error.message)
            } catch {
                add(.failed, check, "\(error)")
            }
        }

        run("file length") {
            // SQLite reads a page cut short as zeros, so a lost free page at the end passes
            // integrity_check: compare the file with the page count its header gives. Pages may
            // legitimately live only in a -wal file, so only a WAL-less file is measured.
            let walSize = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
            let pages = try database.prepare("PRAGMA page_count").rows { $0.int(0) }.first ?? 0
            let pageSize = try database.prepare("PRAGMA page_size").rows { $0.int(0) }.first ?? 0
            let expected = Int(pages * pageSize)
            if walSize == 0, size < expected {
                return (.failed, "the file is \(size) bytes but its header promises \(pages) pages of \(pageSize) bytes (\(expected)): it was cut short")
            }
            return (.ok, walSize == 0 ? "\(size) bytes, \(pages) whole pages" : "pages partly in the -wal file; not measured")
        }
        run("PRAGMA integrity_check") {
            let messages = try database.prepare("PRAGMA integrity_check(20)").rows { $0.text(0) }
            return messages == ["ok"] ? (.ok, "ok") : (.failed, messages.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }.joined(separator: "; "))
        }
        run("schema version") {
            let version = try database.prepare("SELECT value FROM meta WHERE key = 'schema_version'").rows { $0.text(0) }.first
            return version == String(Schema.version)
                ? (.ok, "\(Schema.version)")
                : (.failed, "found \(version ?? "none"), this program needs \(Schema.version)")
        }
        run("foreign keys") {
            let broken = try database.prepare("PRAGMA foreign_key_check").rows { $0.text(0) }
            return broken.isEmpty ? (.ok, "no broken references (PRAGMA foreign_key_check)")
                : (.failed, "\(broken.count) rows point at missing rows, in: \(Set(broken).sorted().joined(separator: ", "))")
        }
        run("passages and their text") {
            let passages = try count(database, "SELECT count(*) FROM passages")
            let withoutText = try count(database, "SELECT count(*) FROM passages p WHERE NOT EXISTS (SELECT 1 FROM passages_fts f WHERE f.rowid = p.id)")
            let withoutPassage = try count(database, "SELECT count(*) FROM passages_fts f WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.id = f.rowid)")
            return withoutText == 0 && withoutPassage == 0
                ? (.ok, "\(passages) passages, each with its text")
                : (.failed, "\(withoutText) passages without text, \(withoutPassage) texts without a passage")
        }
        run("ranking tables") {
            // The digest must cover every passage in rowid order, and every FTS5 term needs
            // its posting list with the same document count.
            let passages = try count(database, "SELECT count(*) FROM passages")
            let digest = try database.prepare("SELECT data FROM passage_digest WHERE part = 0")
                .rows { row in row.withBytes(0) { PassageDigest(decoding: $0) } }.first ?? nil
            guard let digest else { return (.failed, "the passage digest is missing or malformed; rebuild the index") }
            let rowids = try database.prepare("SELECT id FROM passages ORDER BY id").rows { $0.int(0) }
            guard digest.records.map(\.rowid) == rowids else {
                return (.failed, "the passage digest holds \(digest.records.count) passages, the index \(passages); rebuild the index")
            }
            let mismatched = try count(database, """
                SELECT count(*) FROM passages_vocab v LEFT JOIN postings p ON p.term = v.term AND p.part = 0
                WHERE p.documents IS NOT v.doc
                """)
            // Lists of terms FTS5 lacks, and parts of a list whose part 0 (its lengths) is gone.
            let extra = try count(database, """
                SELECT count(DISTINCT p.term) FROM postings p
                WHERE NOT EXISTS (SELECT 1 FROM passages_vocab v WHERE v.term = p.term)
                   OR NOT EXISTS (SELECT 1 FROM postings q WHERE q.term = p.term AND q.part = 0)
                """)
            // A topic list belongs to a term whose list says it is narrower than the whole.
            let strayTopics = try count(database, """
                SELECT count(*) FROM topic_postings t LEFT JOIN postings p ON p.term = t.term AND p.part = 0
                WHERE p.term IS NULL OR p.topic_documents >= p.documents
                """)
            return mismatched == 0 && extra == 0 && strayTopics == 0
                ? (.ok, "\(try count(database, "SELECT count(*) FROM postings WHERE part = 0")) posting lists, \(try count(database, "SELECT count(*) FROM topic_postings WHERE part = 0")) topic lists, a digest of \(passages) passages")
                : (.failed, "\(mismatched) terms whose posting list disagrees with FTS5, \(extra) lists of terms FTS5 lacks or without their first part, \(strayTopics) topic lists without a longer list; rebuild the index")
        }

        // FTS5's own check needs a writable connection: run it on an in-memory copy.
        var copy: Database?
        run("in-memory copy for the FTS5 checks") {
            let memory = try Database(path: ":memory:", mode: .readWriteCreate)
            try database.copy(into: memory)
            copy = memory
            return (.ok, "copied \(size) bytes")
        }
        if let copy {
            run("FTS5 integrity-check passages_fts") {
                try copy.execute("INSERT INTO passages_fts(passages_fts) VALUES('integrity-check')")
                return (.ok, "ok, \(try count(copy, "SELECT count(*) FROM passages_fts")) rows")
            }
            run("FTS5 integrity-check refs_fts") {
                try copy.execute("INSERT INTO refs_fts(refs_fts) VALUES('integrity-check')")
                return (.ok, "ok, \(try count(copy, "SELECT count(*) FROM refs_fts")) rows")
            }
        }

        if FileManager.default.fileExists(atPath: path + "-journal") {
            add(.note, "rollback journal", "\(path)-journal exists: a writer was interrupted; the next `medsearch index` rolls it back")
        }
        let leftovers = IndexWriter.abandonedBuilds(of: path)
        add(.note, "interrupted rebuilds", leftovers.isEmpty ? "no leftover temporary files"
            : "leftover temporary files (removed by the next rebuild): " + leftovers.joined(separator: ", "))
        return report
    }

    private static func count(_ database: Database, _ sql: StaticSQL) throws -> Int {
        Int(try database.prepare(sql).rows { $0.int(0) }.first ?? 0)
    }
}
