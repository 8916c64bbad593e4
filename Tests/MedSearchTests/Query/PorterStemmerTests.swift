import Foundation
import Testing
@testable import MedSearch

/// The Swift stemmer must agree with FTS5's porter tokenizer, word for word.
@Suite struct PorterStemmerTests {
    @Test func agreesWithFTS5OnEveryCorpusWord() throws {
        var words = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus) where name.hasSuffix(".md") {
            let text = try String(contentsOfFile: TestPaths.corpus + "/" + name, encoding: .utf8)
            words.formUnion(TextTokenizer.words(text, limit: 100_000).filter { $0.utf8.allSatisfy { $0 >= 97 && $0 <= 122 } })
        }
        #expect(words.count > 3_000)
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("""
            CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');
            """)
        let insert = try database.prepare("INSERT INTO t(x) VALUES(?)")
        let clear = try database.prepare("DELETE FROM t")
        let term = try database.prepare("SELECT term FROM v")
        var mismatches: [String] = []
        for word in words.sorted() {
            try clear.run()
            try insert.run([.text(word)])
            let expected = try term.rows { $0.text(0) }.first ?? ""
            if PorterStemmer.stem(word) != expected { mismatches.append("\(word): \(PorterStemmer.stem(word)) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
