import Foundation
import Testing
@testable import MedSearch

/// Random and adversarial questions against an index of the shipped Corpus: nothing
/// undocumented is thrown and every answer keeps its promises (`SearchInvariants`). The soak
/// with 100,000+ questions is `medsearch fuzz` (Benchmarks/reliability/soak.sh).
@Suite struct QuestionFuzzTests {
    static let index: String = TestPaths.freshIndex(name: "corpus.sqlite")

    /// 4 × 500 = 2,000 questions, 8 of them 1 MB long; each shard has its own engine.
    @Test(arguments: 0..<4)
    func fuzzedQuestionsBreakNothing(shard: Int) throws {
        let engine = try SearchEngine(path: Self.index)
        let runner = QuestionFuzzRunner(engine: engine, fuzzer: QuestionFuzzer(seed: 20_261_126, hugeEvery: 250))
        let report = runner.run(start: shard * 500, count: 500)
        #expect(report.cases == 500)
        #expect(report.failures.isEmpty, "\(report.failures.prefix(5).map { "case \($0.number) \($0.kind): \($0.problem) — \($0.question)" })")
        #expect(report.documentedErrors.isEmpty, "\(report.documentedErrors)")
        #expect(report.largestQuestionBytes >= 1 << 20)
        #expect(report.answered > 0 && report.declined > 0)
    }

    /// Every kind of 1 MB question, answered without error and in bounded time.
    @Test func megabyteQuestionsOfEveryShape() throws {
        let engine = try SearchEngine(path: Self.index)
        let fuzzer = QuestionFuzzer(seed: 99, hugeEvery: 1)
        var shapes = Set<String>()
        for number in 0..<10 {
            let question = fuzzer.question(number: number)
            #expect(question.kind == .huge && question.text.utf8.count >= 1 << 20)
            shapes.insert(String(question.text.prefix(12)))
            let start = Date()
            let result = try engine.answers(to: question.text, limit: 5)
            #expect(SearchInvariants.violations(of: result, limit: 5).isEmpty)
            #expect(Date().timeIntervalSince(start) < 20, "case \(number) took \(Date().timeIntervalSince(start)) s")
        }
        #expect(shapes.count >= 5)
    }

    /// 10,000 questions through the analyzer: every MATCH string it builds is valid FTS5.
    @Test func analyzedQuestionsAlwaysGiveValidMatchStrings() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')")
        try database.prepare("INSERT INTO t(body) VALUES(?)").run([.text("immunotherapy is sometimes a cure for cancer")])
        let count = try database.prepare("SELECT count(*) FROM t WHERE t MATCH ?")
        let fuzzer = QuestionFuzzer(seed: 7, hugeEvery: 0)
        let analyzer = QuestionAnalyzer()
        var queries = 0
        for number in 0..<10_000 {
            let question = fuzzer.question(number: number)
            let analyzed = analyzer.analyze(question.text)
            for query in [analyzed.allTermsQuery, analyzed.anyTermQuery].compactMap({ $0 }) {
                queries += 1
                do {
                    _ = try count.rows([.text(query.matchString)]) { $0.int(0) }
                } catch {
                    Issue.record("case \(number): \(error) for \(query.matchString) from \(QuestionFuzzRunner.escaped(question.text))")
                    return
                }
            }
        }
        #expect(queries > 5_000)
    }

    /// `FTS5Query` is valid by construction: random expression trees over hostile words
    /// (quotes, operators, control characters, emoji) all render to accepted MATCH strings.
    @Test func randomExpressionTreesRenderValidMatchStrings() throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        try database.prepare("INSERT INTO t(body) VALUES(?)").run([.text("a b c")])
        let count = try database.prepare("SELECT count(*) FROM t WHERE t MATCH ?")
        var random = SeededGenerator(seed: 3)
        let words = QuestionFuzzer.fts5 + QuestionFuzzer.sql + QuestionFuzzer.quotes + QuestionFuzzer.emoji
            + QuestionFuzzer.whitespace + ["a", "b", "", "\u{0}", "\u{7}x", "NEAR", "AND"]
        func expression(depth: Int) -> FTS5Query.Expression {
            let choice = depth > 3 ? 0 : Int.random(in: 0..<3, using: &random)
            let width = Int.random(in: 0...4, using: &random)
            switch choice {
            case 0: return .phrase((0..<width).map { _ in words.randomElement(using: &random)! })
            case 1: return .all((0..<width).map { _ in expression(depth: depth + 1) })
            default: return .any((0..<width).map { _ in expression(depth: depth + 1) })
            }
        }
        var built = 0
        for _ in 0..<3_000 {
            guard let query = FTS5Query(expression(depth: 0)) else { continue }
            built += 1
            do {
                _ = try count.rows([.text(query.matchString)]) { $0.int(0) }
            } catch {
                Issue.record("\(error) for \(query.matchString)")
                return
            }
        }
        #expect(built > 1_000)
    }

    /// Found by the test above: a NUL inside a word cut the bound MATCH string short.
    @Test func nulInsideAPhraseIsDropped() throws {
        let query = try #require(FTS5Query(.all([.phrase(["a\u{0}b"]), .phrase(["\u{0}"]), .phrase(["c"])])))
        #expect(query.matchString == "\"ab\" AND \"c\"")
    }

    @Test func casesAreReproducibleFromSeedAndNumber() {
        let fuzzer = QuestionFuzzer(seed: 5)
        for number in [0, 1, 17, 999, 123_456] {
            #expect(fuzzer.question(number: number).text == QuestionFuzzer(seed: 5).question(number: number).text)
        }
        #expect(fuzzer.question(number: 1).text != fuzzer.question(number: 2).text || fuzzer.question(number: 1).text.isEmpty)
        let kinds = Set((0..<2_000).map { fuzzer.question(number: $0).kind })
        #expect(kinds == Set(QuestionFuzzer.Kind.allCases), "kinds generated: \(kinds)")
    }

    @Test func invariantsCatchBrokenResults() throws {
        let engine = try SearchEngine(path: Self.index)
        var result = try engine.answers(to: "is immunotherapy a cure", limit: 3)
        #expect(SearchInvariants.violations(of: result, limit: 3).isEmpty)
        result.answers[0].score = .nan
        result.answers.append(result.answers[0])
        let problems = SearchInvariants.violations(of: result, limit: 3).joined(separator: "; ")
        #expect(problems.contains("non-finite"))
        #expect(problems.contains("twice"))
        #expect(problems.contains("JSON"))
    }
}
