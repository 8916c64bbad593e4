/// Which file owns each article id and passage id during an index run, so that a clash is
/// reported as `path:line: error` before the index is touched.
///
/// It starts from the index's own ids; a file that is re-indexed or removed gives its ids back
/// (`release`), and each changed file then claims its new ids in path order: the first file
/// keeps an id, a later file that repeats it is told which file has it.
struct IDClaims {
    private var articleOwners: [String: String] = [:]
    private var passageOwners: [String: String] = [:]
    /// The ids each indexed file holds in the index (releasing a file must not scan them all).
    private var indexed: [String: Held] = [:]

    /// The ids one file held, to give back when its new version fails after all.
    struct Held {
        var file: String
        var articles: [String]
        var passages: [String]
    }

    init(database: Database) throws {
        for (slug, file) in try database.prepare("SELECT slug, file_path FROM articles").rows([], { ($0.text(0), $0.text(1)) }) {
            articleOwners[slug] = file
            indexed[file, default: Held(file: file, articles: [], passages: [])].articles.append(slug)
        }
        for (id, file) in try database.prepare("""
            SELECT p.external_id, a.file_path FROM passages p JOIN articles a ON a.id = p.article_id
            """).rows([], { ($0.text(0), $0.text(1)) }) {
            passageOwners[id] = file
            indexed[file, default: Held(file: file, articles: [], passages: [])].passages.append(id)
        }
    }

    func owner(ofArticle id: String) -> String? { articleOwners[id] }
    func owner(ofPassage id: String) -> String? { passageOwners[id] }

    /// The first passage of `passages` whose id another file holds, with that file.
    func clash(in passages: [Passage]) -> (id: String, owner: String)? {
        for passage in passages {
            if let owner = passageOwners[passage.id] { return (passage.id, owner) }
        }
        return nil
    }

    mutating func claim(article id: String, passages: [Passage], file: String) {
        articleOwners[id] = file
        for passage in passages { passageOwners[passage.id] = file }
    }

    /// Gives back the ids `file` holds in the index (call it once, before the file claims its
    /// new ids); returns them so that `restore` can take them back.
    @discardableResult
    mutating func release(_ file: String) -> Held {
        let held = indexed.removeValue(forKey: file) ?? Held(file: file, articles: [], passages: [])
        for id in held.articles where articleOwners[id] == file { articleOwners[id] = nil }
        for id in held.passages where passageOwners[id] == file { passageOwners[id] = nil }
        return held
    }

    /// Takes back ids given up by `release` (the file's previous version stays indexed).
    mutating func restore(_ held: Held) {
        for id in held.articles where articleOwners[id] == nil { articleOwners[id] = held.file }
        for id in held.passages where passageOwners[id] == nil { passageOwners[id] = held.file }
    }
}
