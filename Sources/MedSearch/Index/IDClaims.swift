/// Which file owns each article id and passage id during an index run, so that a clash is
/// reported as `path:line: error` before the file is written.
///
/// The index is asked: a run writes each file right after it claims its ids, in path order and
/// in one transaction, after deleting the files that disappeared, so the index holds the ids
/// of the files written so far in this run and of the files not yet reached. The file being
/// read gives its ids back (`release`: its rows are its previous version) and claims its new
/// ids, which are held here until it is written; the first file keeps an id, a later file that
/// repeats it is told which file has it. Nothing here grows with the index.
struct IDClaims {
    private let articleOwner: Statement
    private let passageOwner: Statement
    /// The file whose rows in the index are its previous version.
    private var released: String?
    /// Ids claimed by the file being read, not written yet.
    private var articleClaims: [String: String] = [:]
    private var passageClaims: [String: String] = [:]

    /// What `release` gave back, for `restore`.
    struct Held {
        var file: String
    }

    init(database: Database) throws {
        articleOwner = try database.prepare("SELECT file_path FROM articles WHERE slug = ?")
        passageOwner = try database.prepare("""
            SELECT a.file_path FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.external_id = ?
            """)
    }

    func owner(ofArticle id: String) throws -> String? {
        if let file = articleClaims[id] { return file }
        return try stored(articleOwner, id)
    }

    func owner(ofPassage id: String) throws -> String? {
        if let file = passageClaims[id] { return file }
        return try stored(passageOwner, id)
    }

    /// The file the index holds `id` for (by `statement`), unless it is the released file.
    private func stored(_ statement: Statement, _ id: String) throws -> String? {
        try statement.rows([.text(id)]) { $0.text(0) }.first { $0 != released }
    }

    /// The first passage of `passages` whose id another file holds, with that file.
    func clash(in passages: [Passage]) throws -> (id: String, owner: String)? {
        for passage in passages {
            if let owner = try owner(ofPassage: passage.id) { return (passage.id, owner) }
        }
        return nil
    }

    mutating func claim(article id: String, passages: [Passage], file: String) {
        articleClaims[id] = file
        for passage in passages { passageClaims[passage.id] = file }
    }

    /// Gives back the ids `file` holds in the index (call it once per file, before the file
    /// claims its new ids, and after the file before it was written); returns them so that
    /// `restore` can take them back.
    @discardableResult
    mutating func release(_ file: String) -> Held {
        articleClaims = [:]
        passageClaims = [:]
        released = file
        return Held(file: file)
    }

    /// Takes back ids given up by `release` (the file's previous version stays indexed).
    mutating func restore(_ held: Held) {
        if released == held.file { released = nil }
        articleClaims = [:]
        passageClaims = [:]
    }
}
