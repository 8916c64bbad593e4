/// Read-only look-ups in an index other than search: one article, counts, references.
public final class IndexReader {
    let database: Database
    public let path: String

    public init(path: String) throws {
        self.path = path
        do {
            database = try Database(path: path, mode: .readOnly)
            _ = try database.prepare("SELECT value FROM meta WHERE key = 'schema_version'").rows { $0.text(0) }
        } catch let error as SQLiteError {
            throw SearchError.from(error, path: path)
        }
    }

    /// An article as stored, with its passages (heading and text) and numbered references.
    public struct StoredArticle: Sendable, Codable {
        public var id: String
        public var title: String
        public var published: String
        public var reviewed: String?
        public var summary: String
        public var tags: String
        public var related: String
        public var source: String
        public var url: String?
        public var sections: [StoredSection]
        public var references: [String]
    }

    public struct StoredSection: Sendable, Codable {
        public var passageID: String
        public var heading: String
        public var answersType: String
        public var text: String
    }

    public func article(id: String) throws -> StoredArticle? {
        try wrap {
            let rows = try database.prepare("""
                SELECT id, slug, title, published, reviewed, summary, tags, related, source, url FROM articles WHERE slug = ?
                """).rows([.text(id)]) { s in
                (s.int(0), StoredArticle(id: s.text(1), title: s.text(2), published: s.text(3), reviewed: s.optionalText(4),
                                         summary: s.text(5), tags: s.text(6), related: s.text(7), source: s.text(8),
                                         url: s.optionalText(9), sections: [], references: []))
            }
            guard let (row, found) = rows.first else { return nil }
            var article = found
            article.sections = try database.prepare("""
                SELECT p.external_id, p.heading, p.answers_type, f.body FROM passages p JOIN passages_fts f ON f.rowid = p.id
                WHERE p.article_id = ? ORDER BY p.position
                """).rows([.integer(row)]) { StoredSection(passageID: $0.text(0), heading: $0.text(1), answersType: $0.text(2), text: $0.text(3)) }
            article.references = try database.prepare("""
                SELECT r.raw FROM article_refs ar JOIN refs r ON r.id = ar.ref_id WHERE ar.article_id = ? ORDER BY ar.position
                """).rows([.integer(row)]) { $0.text(0) }
            return article
        }
    }

    /// A reference as stored, with the articles that cite it (`medsearch refs`).
    public struct CitedReference: Sendable, Codable, Equatable {
        public var reference: Reference
        public var citedBy: [CitingArticle]
    }

    public struct CitingArticle: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
    }

    /// What `references(matching:)` found, and the MATCH expressions it ran.
    public struct ReferenceSearch: Sendable, Codable, Equatable {
        public var references: [CitedReference]
        /// The FTS5 expressions run, in order; empty when the query had no searchable words.
        public var stages: [String]
        /// True when no reference had every word, and references with any word are shown.
        public var relaxed: Bool
    }

    /// References whose authors, year, title or journal match `query` (e.g. "Waldman 2020",
    /// "checkpoint inhibitors"), best first, with the articles citing each.
    ///
    /// The query goes through `QuestionAnalyzer` (stop words dropped, synonyms joined) into
    /// `FTS5Query` expressions, never raw into MATCH. References with every word as written come
    /// first, then those that have every word or one of its synonyms ("checkpoint inhibitors"
    /// → "pembrolizumab"); when none has them all, references with any word are listed. Each
    /// stage is ranked with `bm25(refs_fts, …)` and the weights of `RankingWeights`.
    /// See <https://www.sqlite.org/fts5.html#the_bm25_function>.
    public func references(matching query: String, limit: Int = 10,
                           weights: RankingWeights = .standard) throws -> ReferenceSearch {
        let groups = QuestionAnalyzer().analyze(query).groups
        let literal = FTS5Query(.all(groups.map { .phrase($0.surface) }))
        let withSynonyms = FTS5Query(.all(groups.map(\.expression)))
        let anyWord = groups.count > 1 ? FTS5Query(.any(groups.map(\.expression))) : nil
        var search = ReferenceSearch(references: [], stages: [], relaxed: false)
        return try wrap {
            let matching = try database.prepare("""
                SELECT r.id, r.authors, r.year, r.title, r.journal, r.volume, r.issue, r.pages, r.doi, r.raw
                FROM refs_fts JOIN refs r ON r.id = refs_fts.rowid
                WHERE refs_fts MATCH ? ORDER BY bm25(refs_fts, ?, ?, ?, ?, ?), r.id LIMIT ?
                """)
            let citing = try database.prepare("""
                SELECT a.slug, a.title FROM article_refs ar JOIN articles a ON a.id = ar.article_id
                WHERE ar.ref_id = ? ORDER BY a.slug
                """)
            var found: [(row: Int64, cited: CitedReference)] = []
            func run(_ query: FTS5Query?) throws {
                guard let query, found.count < limit, !search.stages.contains(query.matchString) else { return }
                search.stages.append(query.matchString)
                let rows = try matching.rows([
                    .text(query.matchString), .real(weights.referenceAuthors), .real(weights.referenceYear),
                    .real(weights.referenceTitle), .real(weights.referenceJournal), .real(weights.referenceRaw),
                    .integer(Int64(limit)),
                ]) { s in
                    (s.int(0), CitedReference(reference: Reference(
                        authors: s.text(1).components(separatedBy: "; ").filter { !$0.isEmpty },
                        year: s.isNull(2) ? nil : Int(s.int(2)), title: s.text(3), journal: s.text(4), volume: s.text(5),
                        issue: s.text(6), pages: s.text(7), doi: s.text(8), raw: s.text(9)), citedBy: []))
                }
                for row in rows where found.count < limit && !found.contains(where: { $0.row == row.0 }) {
                    found.append(row)
                }
            }
            try run(literal)
            try run(withSynonyms)
            if found.isEmpty {
                try run(anyWord)
                search.relaxed = !found.isEmpty
            }
            search.references = try found.map { row, cited in
                var cited = cited
                cited.citedBy = try citing.rows([.integer(row)]) { CitingArticle(id: $0.text(0), title: $0.text(1)) }
                return cited
            }
            return search
        }
    }

    /// Ids of articles whose id starts like `prefix` (suggestions for a mistyped id).
    public func articleIDs(startingWith prefix: String, limit: Int = 5) throws -> [String] {
        try wrap {
            try database.prepare("SELECT slug FROM articles WHERE slug >= ? ORDER BY slug LIMIT ?")
                .rows([.text(prefix), .integer(Int64(limit))]) { $0.text(0) }
        }
    }

    /// Counts for `medsearch stats`.
    public struct Statistics: Sendable, Codable {
        public var path: String
        public var schemaVersion: String
        public var sqliteVersion: String
        public var files: Int
        public var articles: Int
        public var passages: Int
        public var references: Int
        public var citations: Int
        public var terms: Int
        /// Distinct short forms the articles define (`AbbreviationFinder`).
        public var abbreviations: Int
        public var bytes: Int
        public var passagesByType: [String: Int]
    }

    public func statistics() throws -> Statistics {
        try wrap {
            func count(_ sql: StaticSQL) throws -> Int { Int(try database.prepare(sql).rows { $0.int(0) }.first ?? 0) }
            var byType: [String: Int] = [:]
            let typeCounts = try database.prepare("SELECT answers_type, count(*) FROM passages GROUP BY answers_type")
                .rows { ($0.text(0), Int($0.int(1))) }
            for (type, number) in typeCounts {
                byType[type] = number
            }
            return Statistics(
                path: path,
                schemaVersion: try database.prepare("SELECT value FROM meta WHERE key = 'schema_version'").rows { $0.text(0) }.first ?? "",
                sqliteVersion: Database.libraryVersion,
                files: try count("SELECT count(*) FROM files"),
                articles: try count("SELECT count(*) FROM articles"),
                passages: try count("SELECT count(*) FROM passages"),
                references: try count("SELECT count(*) FROM refs"),
                citations: try count("SELECT count(*) FROM article_refs"),
                terms: try count("SELECT count(*) FROM passages_vocab"),
                abbreviations: try count("SELECT count(DISTINCT short) FROM abbreviations"),
                bytes: try count("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"),
                passagesByType: byType)
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        // One read transaction: the look-ups see one snapshot even while a re-index commits.
        do { return try database.readTransaction(body) } catch let error as SQLiteError { throw SearchError.from(error, path: path) }
    }
}
