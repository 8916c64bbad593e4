import ArgumentParser
import Foundation
import MedSearch

/// The question soak: many random and adversarial questions against one index, in process.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Ask an index many random and adversarial questions and count what breaks (a soak test).",
        discussion: """
        Questions mix FTS5 operators, SQL fragments, quotes, control characters, combining marks, \
        right-to-left text, emoji, other scripts and 1 MB strings (QuestionFuzzer). Each answer \
        is checked (no undocumented error; answer count, order, per-article limit, finite scores, \
        JSON output); every 10th question is asked twice and must get the same answers. Case N \
        of a seed is always the same question: replay a failure with --seed S --start N --cases 1. \
        Exits 1 when anything failed.

        Examples:
          medsearch fuzz --db corpus.sqlite --cases 100000
          medsearch fuzz --db corpus.sqlite --seed 7 --start 4312 --cases 1
        """,
        shouldDisplay: false
    )

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "How many questions to ask.")
    var cases = 100_000

    @Option(name: .long, help: "The generator's seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The first case number.")
    var start = 0

    @Option(name: .customLong("huge-every"), help: "Every Nth case is a 1 MB question (0: never).")
    var hugeEvery = 1_000

    @Option(name: .long, help: "Answers per question.")
    var limit = 5

    @Option(name: .long, help: "Output format of the report: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard cases > 0, start >= 0, hugeEvery >= 0, (1...50).contains(limit) else {
            throw ValidationError("--cases must be positive, --start and --huge-every not negative, --limit 1-50")
        }
    }

    func run() throws {
        let logger = Logs.bootstrap(verbose: index.verbose)
        let engine: SearchEngine
        do {
            engine = try SearchEngine(path: try index.resolvedIndexPath(logger: logger), logger: logger)
        } catch let error as SearchError {
            throw CommandError(error.description)
        }
        var runner = QuestionFuzzRunner(engine: engine, fuzzer: QuestionFuzzer(seed: seed, hugeEvery: hugeEvery))
        runner.limit = limit
        let report = runner.run(start: start, count: cases) { Terminal.standardError("… \($0.cases) questions, \($0.failureCount) failures") }
        switch format {
        case .json:
            try JSONOutput.print(report)
        case .text:
            for failure in report.failures {
                print("case \(failure.number) (\(failure.kind.rawValue)): \(failure.problem)\n  question: \(failure.question)")
            }
            for (error, count) in report.documentedErrors.sorted(by: { $0.key < $1.key }) { print("documented error ×\(count): \(error)") }
            print("by kind: " + report.casesByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print(report.summaryLine)
        }
        if !report.passed { throw ExitCode.failure }
    }
}
