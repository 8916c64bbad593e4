import Benchmark
import Foundation
import MedSearch

/// The Corpus index the stages read, removed with its -wal and -shm when the run exits.
let benchmarkIndex = NSTemporaryDirectory() + "medsearch-benchmark-\(getpid()).sqlite"

/// Stages of answering a question, measured one by one. The index is the shipped Corpus,
/// built into a temporary file once.
let benchmarks: @Sendable () -> Void = {
    let questions = [
        "is immunotherapy a cure",
        "what are the side effects of allergy shots",
        "my dad has stage 4 lung cancer and his oncologist wants to start keytruda, what side effects should we watch for",
    ]
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus").path
    let index = benchmarkIndex
    atexit { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(benchmarkIndex + suffix) } }

    Benchmark("Question analysis") { benchmark in
        let analyzer = QuestionAnalyzer()
        for _ in benchmark.scaledIterations {
            for question in questions { blackHole(analyzer.analyze(question)) }
        }
    }

    Benchmark("MATCH building") { benchmark in
        let analyzed = questions.map { QuestionAnalyzer().analyze($0) }
        for _ in benchmark.scaledIterations {
            for question in analyzed { blackHole(question.anyTermQuery?.matchString) }
        }
    }

    Benchmark("Article parsing (Corpus)", configuration: .init(maxIterations: 20)) { benchmark in
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus))?.filter { $0.hasSuffix(".md") && $0 != "README.md" } ?? []
        let texts = files.compactMap { try? String(contentsOfFile: corpus + "/" + $0, encoding: .utf8) }
        for _ in benchmark.scaledIterations {
            for text in texts { blackHole(try? MarkdownArticleParser().parse(text, path: "bench.md")) }
        }
    }

    Benchmark("Answer extraction (sentences of one passage)") { benchmark in
        let text = (try? String(contentsOfFile: corpus + "/immunotherapy-overview.md", encoding: .utf8)) ?? ""
        let groups = ["immunotherapi", "cure", "cancer"].map {
            WeightedGroup(group: TermGroup(surface: [$0], alternatives: [[$0]]), documentFrequency: 10, weight: 2,
                          informative: true, correctedFrom: nil)
        }
        for _ in benchmark.scaledIterations { blackHole(AnswerExtractor().sentences(of: text, for: groups)) }
    }

    Benchmark("Ranking only (posting lists, scoring, top passages' ids)", configuration: .init(maxIterations: 500)) { benchmark in
        if !FileManager.default.fileExists(atPath: index) { _ = try? IndexWriter.rebuild(at: index, from: [corpus]) }
        guard let engine = try? SearchEngine(path: index) else { return }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for question in questions { blackHole(try? engine.answers(to: question, limit: 10, declineWeak: false, detail: .ranking)) }
        }
    }

    Benchmark("Answer a question (rank, read, extract, snippet, references)", configuration: .init(maxIterations: 200)) { benchmark in
        if !FileManager.default.fileExists(atPath: index) { _ = try? IndexWriter.rebuild(at: index, from: [corpus]) }
        guard let engine = try? SearchEngine(path: index) else { return }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for question in questions { blackHole(try? engine.answers(to: question, limit: 5)) }
        }
    }
}
