/// The index's tables: one plain SQLite file that the `sqlite3` CLI can open.
///
/// - `articles`, `passages`: metadata; a passage's text lives in `passages_fts`, whose rowid is
///   the passage id.
/// - `passages_fts`: FTS5 over title, heading, body and keywords with the porter stemmer on
///   `unicode61 remove_diacritics 2` and `detail=full` (needed for phrases and fast ranking).
/// - `refs`, `refs_fts`, `article_refs`: references de-duplicated across articles and linked
///   to the articles that cite them.
/// - `files`: content hashes for incremental indexing.
/// - `passages_vocab`: an fts5vocab view of the index's terms.
/// - `postings`, `passage_digest`: what the ranking reads instead of the text — per term, its
///   passages with per-field counts (`PostingList`); per passage, its field lengths and
///   features (`PassageDigest`). Derived from `passages_fts` after every update
///   (`SearchTablesBuilder`). `topic_postings`: a long list's passages whose title, heading or
///   keywords hold the term, what a question over its posting budget reads (`PostingBudget`).
///   A list is stored in parts of at most `SearchTablesBuilder.partSize` passages, each
///   decodable alone; part 0 holds the first passages and the list's lengths.
/// - `abbreviations`: the short forms each article defines ("normal pressure hydrocephalus
///   (NPH)", `AbbreviationFinder`), searched with the words they stand for.
/// See <https://www.sqlite.org/fts5.html>.
public enum Schema {
    /// Bumped whenever the tables or the blobs' formats change; an index with another version
    /// is rebuilt. 4: the passage digest's records shrank from 40 to 20 bytes. 5: topic lists.
    /// 6: lists stored in parts of at most `SearchTablesBuilder.partSize` passages.
    /// 7: abbreviations.
    public static let version = 7

    static let create: StaticSQL = """
    CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS files(
        path TEXT PRIMARY KEY,
        hash TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS articles(
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        published TEXT NOT NULL,
        reviewed TEXT,
        summary TEXT NOT NULL,
        tags TEXT NOT NULL,
        related TEXT NOT NULL,
        source TEXT NOT NULL,
        url TEXT,
        file_path TEXT NOT NULL,
        -- written empty: nothing reads it, and Article.dump() of every article was a third
        -- of the index; kept so that indexes of this schema version stay compatible
        dump TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_file ON articles(file_path);
    CREATE TABLE IF NOT EXISTS passages(
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        heading TEXT NOT NULL,
        answers_type TEXT NOT NULL,
        -- token counts of the FTS5 columns, for per-field BM25 (PassageDigest, CandidateScorer)
        len_title INTEGER NOT NULL,
        len_heading INTEGER NOT NULL,
        len_body INTEGER NOT NULL,
        len_keywords INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS passages_article ON passages(article_id);
    CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
        title, heading, body, keywords,
        tokenize = 'porter unicode61 remove_diacritics 2',
        detail = full
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab(passages_fts, 'row');
    CREATE TABLE IF NOT EXISTS postings(
        term TEXT NOT NULL,
        part INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        topic_documents INTEGER NOT NULL,
        entries BLOB NOT NULL,
        PRIMARY KEY(term, part)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS topic_postings(
        term TEXT NOT NULL,
        part INTEGER NOT NULL,
        entries BLOB NOT NULL,
        PRIMARY KEY(term, part)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS passage_digest(
        part INTEGER PRIMARY KEY,
        data BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS refs(
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        authors TEXT NOT NULL,
        year INTEGER,
        title TEXT NOT NULL,
        journal TEXT NOT NULL,
        volume TEXT NOT NULL,
        issue TEXT NOT NULL,
        pages TEXT NOT NULL,
        doi TEXT NOT NULL,
        raw TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS refs_fts USING fts5(
        authors, year, title, journal, raw,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TABLE IF NOT EXISTS article_refs(
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ref_id INTEGER NOT NULL REFERENCES refs(id),
        position INTEGER NOT NULL,
        PRIMARY KEY(article_id, position)
    );
    CREATE INDEX IF NOT EXISTS article_refs_ref ON article_refs(ref_id);
    CREATE TABLE IF NOT EXISTS abbreviations(
        short TEXT NOT NULL,
        long TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY(short, long, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS abbreviations_article ON abbreviations(article_id);
    """
}
