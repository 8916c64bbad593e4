import Foundation

/// Measures in-process answering: per-question latency over several passes, throughput with
/// several threads (one engine each), and the cost of opening the index and answering a first
/// question. Used by `medsearch bench`.
///
/// Latency is measured twice per pass: full answers (text, chosen sentences, snippet,
/// references: what `ask` prints) and the ranking alone (the top passages' ids and scores:
/// what engines such as tantivy return, so the comparison with them is like for like).
public struct LatencyBenchmark {
    /// Latency percentiles of one kind of answering, in milliseconds.
    public struct Latencies: Sendable, Codable {
        public var minMilliseconds: Double
        public var p50Milliseconds: Double
        public var p95Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double

        init(_ samples: [Double]) {
            let sorted = samples.sorted()
            func percentile(_ p: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
            }
            minMilliseconds = sorted.first ?? 0
            p50Milliseconds = percentile(0.5)
            p95Milliseconds = percentile(0.95)
            p99Milliseconds = percentile(0.99)
            maxMilliseconds = sorted.last ?? 0
        }
    }

    public struct Report: Sendable, Codable {
        public var questions: Int
        public var passes: Int
        public var warmupPasses: Int
        public var threads: Int
        public var cores: Int
        public var build: String
        /// Open the index and answer the first question, in milliseconds.
        public var openAndFirstAnswerMilliseconds: Double
        public var minMilliseconds: Double
        public var p50Milliseconds: Double
        public var p95Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double
        /// The same percentiles for the ranking alone (`AnswerDetail.ranking`).
        public var ranking: Latencies
        /// Questions answered per second by `threads` threads together.
        public var questionsPerSecond: Double
        /// Peak resident memory of the process (getrusage), in MiB.
        public var peakMemoryMiB: Double
    }

    public let path: String
    public let weights: RankingWeights

    public init(path: String, weights: RankingWeights = .standard) {
        self.path = path
        self.weights = weights
    }

    public func run(_ questions: [EvaluationQuestion], passes: Int, warmup: Int, threads: Int, limit: Int) throws -> Report {
        let openStart = DispatchTime.now().uptimeNanoseconds
        let engine = try SearchEngine(path: path, weights: weights)
        if let first = questions.first { _ = try engine.answers(to: first.text, limit: limit) }
        let openMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - openStart) / 1e6

        for _ in 0..<warmup { for question in questions { _ = try engine.answers(to: question.text, limit: limit) } }
        var latencies: [Double] = [], rankings: [Double] = []
        latencies.reserveCapacity(questions.count * passes)
        rankings.reserveCapacity(questions.count * passes)
        for _ in 0..<passes {
            for question in questions {
                var start = DispatchTime.now().uptimeNanoseconds
                _ = try engine.answers(to: question.text, limit: limit)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                start = DispatchTime.now().uptimeNanoseconds
                _ = try engine.answers(to: question.text, limit: limit, declineWeak: false, detail: .ranking)
                rankings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        let full = Latencies(latencies)

        let throughput = try measureThroughput(questions, threads: max(1, threads), limit: limit)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return Report(questions: questions.count, passes: passes, warmupPasses: warmup, threads: max(1, threads),
                      cores: ProcessInfo.processInfo.activeProcessorCount, build: build,
                      openAndFirstAnswerMilliseconds: openMilliseconds, minMilliseconds: full.minMilliseconds,
                      p50Milliseconds: full.p50Milliseconds, p95Milliseconds: full.p95Milliseconds,
                      p99Milliseconds: full.p99Milliseconds, maxMilliseconds: full.maxMilliseconds,
                      ranking: Latencies(rankings), questionsPerSecond: throughput,
                      peakMemoryMiB: Double(usage.ru_maxrss) / 1024)
    }

    /// Every thread answers every question once with its own engine (a connection is not shared).
    private func measureThroughput(_ questions: [EvaluationQuestion], threads: Int, limit: Int) throws -> Double {
        let texts = questions.map(\.text)
        let group = DispatchGroup()
        let failures = FailureBox()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<threads {
            group.enter()
            Thread { [path, weights] in
                defer { group.leave() }
                do {
                    let engine = try SearchEngine(path: path, weights: weights)
                    for text in texts { _ = try engine.answers(to: text, limit: limit) }
                } catch {
                    failures.record(error)
                }
            }.start()
        }
        group.wait()
        if let error = failures.first { throw error }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return seconds > 0 ? Double(threads * texts.count) / seconds : 0
    }
}

/// The first error thrown by any benchmark thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?
    func record(_ error: Error) { lock.lock(); if self.error == nil { self.error = error }; lock.unlock() }
    var first: Error? { lock.lock(); defer { lock.unlock() }; return error }
}
