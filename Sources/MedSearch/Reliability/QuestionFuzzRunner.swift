import Foundation

/// What must hold for every answer to every question, however odd the question.
public enum SearchInvariants {
    /// The broken promises of `result`, empty when it is sound: no more answers than asked
    /// for, at most `passagesPerArticle` per article, no passage twice, finite scores in
    /// descending order, a reason exactly when there is no answer, and output that
    /// `--format json` can encode.
    public static func violations(of result: SearchResult, limit: Int, weights: RankingWeights = .standard) -> [String] {
        var problems: [String] = []
        if result.answers.count > max(1, limit) { problems.append("\(result.answers.count) answers for limit \(limit)") }
        if result.answers.isEmpty != (result.noAnswerReason != nil) {
            problems.append("answers \(result.answers.count) but no-answer reason \(result.noAnswerReason ?? "nil")")
        }
        var perArticle: [String: Int] = [:]
        for answer in result.answers { perArticle[answer.articleID, default: 0] += 1 }
        if let crowded = perArticle.first(where: { $0.value > weights.passagesPerArticle }) {
            problems.append("\(crowded.value) passages of article \(crowded.key)")
        }
        if Set(result.answers.map(\.passageID)).count != result.answers.count { problems.append("a passage appears twice") }
        for answer in result.answers {
            let parts = answer.scoreParts
            if ![answer.score, parts.bm25, parts.typeBoost, parts.headingSimilarity, parts.coverage].allSatisfy(\.isFinite) {
                problems.append("non-finite score for \(answer.passageID)")
            }
            if answer.passageID.isEmpty || answer.articleID.isEmpty { problems.append("an answer without ids") }
        }
        if zip(result.answers, result.answers.dropFirst()).contains(where: { $0.score < $1.score }) {
            problems.append("answers not in descending score order")
        }
        do {
            _ = try JSONEncoder().encode(result.answers)
            _ = try JSONEncoder().encode(result.emergency)
        } catch {
            problems.append("cannot encode as JSON: \(error)")
        }
        return problems
    }
}

/// Feeds `QuestionFuzzer` cases to `SearchEngine.answers(to:limit:)` and counts what
/// happened. Used by the unit tests (a few thousand cases) and `medsearch fuzz` (the soak).
public struct QuestionFuzzRunner {
    /// A case that broke a promise: an undocumented error or an invariant violation.
    public struct Failure: Sendable, Codable {
        public var number: Int
        public var kind: QuestionFuzzer.Kind
        /// The question, escaped and cut to 200 characters.
        public var question: String
        public var problem: String
    }

    /// The counts of a run.
    public struct Report: Sendable, Codable {
        public var seed: UInt64
        public var firstCase: Int
        public var cases = 0
        public var answered = 0
        public var declined = 0
        /// Cases re-asked to check that answers are repeatable.
        public var repeated = 0
        public var casesByKind: [String: Int] = [:]
        /// `SearchError`s: documented, user-facing (none expected on a healthy index).
        public var documentedErrors: [String: Int] = [:]
        /// Anything else thrown, invariants broken, answers that changed when re-asked.
        public var failures: [Failure] = []
        public var failureCount = 0
        public var largestQuestionBytes = 0
        public var latencyP50Milliseconds = 0.0
        public var latencyP99Milliseconds = 0.0
        public var slowestMilliseconds = 0.0
        public var slowestCase = -1
        public var seconds = 0.0

        /// Nothing undocumented was thrown and no invariant broke.
        public var passed: Bool { failureCount == 0 }

        public var summaryLine: String {
            String(format: "%d questions (seed %llu, cases %d-%d): %d answered, %d declined, %d documented errors, %d failures; %d re-asked; largest %d bytes; latency p50 %.2f ms, p99 %.2f ms, slowest %.0f ms (case %d); %.1f s",
                   cases, seed, firstCase, firstCase + cases - 1, answered, declined,
                   documentedErrors.values.reduce(0, +), failureCount, repeated, largestQuestionBytes,
                   latencyP50Milliseconds, latencyP99Milliseconds, slowestMilliseconds, slowestCase, seconds)
        }
    }

    public let engine: SearchEngine
    public let fuzzer: QuestionFuzzer
    public var limit = 5
    /// Every `repeatEvery`-th case is asked twice; the answers must be the same (0: never).
    public var repeatEvery = 10

    public init(engine: SearchEngine, fuzzer: QuestionFuzzer) {
        self.engine = engine
        self.fuzzer = fuzzer
    }

    /// Runs cases `start ..< start + count`; `progress` is called every 10,000 cases.
    public func run(start: Int = 0, count: Int, progress: (Report) -> Void = { _ in }) -> Report {
        var report = Report(seed: fuzzer.seed, firstCase: start)
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        let began = DispatchTime.now().uptimeNanoseconds
        for number in start..<(start + count) {
            let question = fuzzer.question(number: number)
            report.cases += 1
            report.casesByKind[question.kind.rawValue, default: 0] += 1
            report.largestQuestionBytes = max(report.largestQuestionBytes, question.text.utf8.count)
            func fail(_ problem: String) {
                report.failureCount += 1
                if report.failures.count < 100 {
                    report.failures.append(Failure(number: number, kind: question.kind,
                                                   question: Self.escaped(question.text), problem: problem))
                }
            }
            let before = DispatchTime.now().uptimeNanoseconds
            do {
                let result = try engine.answers(to: question.text, limit: limit)
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - before) / 1e6
                latencies.append(milliseconds)
                if milliseconds > report.slowestMilliseconds { (report.slowestMilliseconds, report.slowestCase) = (milliseconds, number) }
                if result.answers.isEmpty { report.declined += 1 } else { report.answered += 1 }
                for problem in SearchInvariants.violations(of: result, limit: limit, weights: engine.weights) { fail(problem) }
                if repeatEvery > 0, number % repeatEvery == 0 {
                    report.repeated += 1
                    let again = try engine.answers(to: question.text, limit: limit)
                    if again.answers.map(\.passageID) != result.answers.map(\.passageID) || again.noAnswerReason != result.noAnswerReason {
                        fail("asked again, the answers changed: \(result.answers.map(\.passageID)) then \(again.answers.map(\.passageID))")
                    }
                }
            } catch let error as SearchError {
                report.documentedErrors[error.description, default: 0] += 1
            } catch {
                fail("undocumented error: \(error)")
            }
            if report.cases % 10_000 == 0 { progress(report) }
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        latencies.sort()
        if !latencies.isEmpty {
            report.latencyP50Milliseconds = latencies[latencies.count / 2]
            report.latencyP99Milliseconds = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
        }
        return report
    }

    /// Control characters and non-ASCII shown as `\u{…}`, cut to 200 characters.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(200) {
            if scalar.isASCII, scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\\" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        let total = text.unicodeScalars.count
        return total > 200 ? out + "… (\(total) scalars)" : out
    }
}
