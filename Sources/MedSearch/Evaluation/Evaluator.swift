import Foundation

/// Answers every question of a set with one engine and scores the run.
public struct Evaluator {
    public struct QuestionResult: Sendable {
        public var id: String
        public var passageIDs: [String]
        public var scores: [Double]
        public var seconds: Double
    }

    public struct Report: Sendable, Codable {
        public var questions: Int
        public var liveQA: Metrics.LiveQAScores?
        public var corpus: Metrics.CorpusScores?
        public var latencyP50Milliseconds: Double
        public var latencyP99Milliseconds: Double
    }

    let engine: SearchEngine

    public init(engine: SearchEngine) { self.engine = engine }

    /// Runs the questions; `declineWeak` lets the engine return nothing for weak matches
    /// (the project's sets measure that; LiveQA's protocol scores every question's top 10).
    public func run(_ questions: [EvaluationQuestion], limit: Int, declineWeak: Bool) throws -> [QuestionResult] {
        try questions.map { question in
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try engine.answers(to: question.text, limit: limit, declineWeak: declineWeak, detail: .ranking)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return QuestionResult(id: question.id, passageIDs: result.answers.map(\.passageID),
                                  scores: result.answers.map(\.score), seconds: seconds)
        }
    }

    /// Scores a run against `qrels` with the protocol that fits their scale.
    public static func report(_ results: [QuestionResult], qrels: Qrels?) -> Report {
        let run = Dictionary(results.map { ($0.id, $0.passageIDs) }, uniquingKeysWith: { first, _ in first })
        let latencies = results.map(\.seconds).sorted()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            return latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)] * 1000
        }
        var report = Report(questions: results.count, liveQA: nil, corpus: nil,
                            latencyP50Milliseconds: percentile(0.5), latencyP99Milliseconds: percentile(0.99))
        if let qrels {
            switch qrels.scale {
            case .liveQA: report.liveQA = Metrics.liveQA(run: run, qrels: qrels)
            case .trec: report.corpus = Metrics.corpus(run: run, qrels: qrels, questionIDs: results.map(\.id))
            }
        }
        return report
    }

    /// TREC run lines: `qid Q0 answer-id rank score tag`.
    public static func runFile(_ results: [QuestionResult], tag: String) -> String {
        var lines: [String] = []
        for result in results {
            for (rank, (id, score)) in zip(result.passageIDs, result.scores).enumerated() {
                lines.append("\(result.id) Q0 \(id) \(rank + 1) \(String(format: "%.4f", score)) \(tag)")
            }
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
