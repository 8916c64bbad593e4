import ArgumentParser
import Foundation
import MedSearch

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure in-process answer latency and throughput on a question set.",
        discussion: """
        Opens the index read-only, answers the first question (timed: open + first answer), runs \
        --warmup passes, then --passes timed passes over every question, and finally lets \
        --concurrency threads (one connection each) answer the set once for throughput. Prints \
        min/p50/p95/p99/max latency of full answers (text, sentences, snippet, references, as \
        `ask` shows them) and of the ranking alone (the top passages' ids and scores, what \
        engines such as tantivy return), throughput, peak memory, the core count and the build \
        configuration. Measure release builds: swift build -c release --static-swift-stdlib.

        Example:
          .build/release/medsearch bench --db medquad.sqlite --field message --passes 5 \\
              --questions ../shared/data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml
        """
    )

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: ArgumentHelp("The question file (LiveQA XML or qid<TAB>question TSV).", valueName: "file"))
    var questions: String

    @Option(name: .long, help: "Which LiveQA form to ask: message, summary or paraphrase.")
    var field: QuestionField = .message

    @Option(name: .long, help: "Timed passes over the question set (1-1000).")
    var passes = 5

    @Option(name: .long, help: "Untimed passes first (0-100).")
    var warmup = 1

    @Option(name: .long, help: "Threads for the throughput run (1-64).")
    var concurrency = 1

    @Option(name: .long, help: "Answers per question.")
    var limit = 10

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var overrides: RankingOverrides

    func validate() throws {
        guard (1...1000).contains(passes) else { throw ValidationError("--passes must be between 1 and 1000") }
        guard (0...100).contains(warmup) else { throw ValidationError("--warmup must be between 0 and 100") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100") }
    }

    func run() throws {
        let logger = Logs.bootstrap(verbose: index.verbose)
        let set: [EvaluationQuestion]
        do {
            set = try QuestionSet.load(path: questions, field: field)
        } catch let diagnostic as IngestDiagnostic {
            throw CommandError(diagnostic.description)
        }
        guard !set.isEmpty else { throw CommandError("\(questions) holds no questions") }
        let report: LatencyBenchmark.Report
        do {
            report = try LatencyBenchmark(path: try index.resolvedIndexPath(logger: logger), weights: overrides.applied(to: .standard))
                .run(set, passes: passes, warmup: warmup, threads: concurrency, limit: limit)
        } catch let error as SearchError {
            throw CommandError(error.description)
        }
        if format == .json { return try JSONOutput.print(report) }
        print(String(format: """
            %d questions × %d passes (%d warm-up), %@ build, %d cores
            open + first answer  %.2f ms
            full answers         min %.3f  p50 %.3f  p95 %.3f  p99 %.3f  max %.3f ms
            ranking only         min %.3f  p50 %.3f  p95 %.3f  p99 %.3f  max %.3f ms
            throughput           %.0f questions/s with %d thread(s)
            peak memory          %.1f MiB
            """, report.questions, report.passes, report.warmupPasses, report.build, report.cores,
            report.openAndFirstAnswerMilliseconds, report.minMilliseconds, report.p50Milliseconds,
            report.p95Milliseconds, report.p99Milliseconds, report.maxMilliseconds,
            report.ranking.minMilliseconds, report.ranking.p50Milliseconds, report.ranking.p95Milliseconds,
            report.ranking.p99Milliseconds, report.ranking.maxMilliseconds,
            report.questionsPerSecond, report.threads, report.peakMemoryMiB))
    }
}
