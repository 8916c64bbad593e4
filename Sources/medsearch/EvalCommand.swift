import ArgumentParser
import Foundation
import MedSearch

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Answer a question set and score the answers against judgements.",
        discussion: """
        Questions: LiveQA-Med question XML (use --field message|summary|paraphrase) or the project's TSV \
        (qid<TAB>question). Judgements (--qrels): LiveQA's `number grade-Label AnswerID.txt` lines, \
        scored with the protocol of shared/data/README.md (avgScore, succ@2+/3+/4+, MRR@10, \
        MAP@10, nDCG@10, judged@10), or TREC `qid 0 passage-id grade` lines of the project's sets \
        (top-1 article, top-1 section, MRR@10, unanswerable questions declined). The ranking is \
        that of `ask`, without its display cap of two passages per article.

        Examples:
          medsearch eval --db medquad.sqlite --questions ../shared/data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml \\
              --field summary --qrels ../shared/data/liveqa-dev/qrels-medquad-judged.dev.txt --run-out summary.run
          medsearch eval --questions Benchmarks/corpus-questions/questions.tsv --qrels Benchmarks/corpus-questions/qrels.txt
        """
    )

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: ArgumentHelp("The question file (LiveQA XML or qid<TAB>question TSV).", valueName: "file"))
    var questions: String

    @Option(name: .long, help: "Which LiveQA form to ask: message (subject + message), summary, or paraphrase (NIST's rewording of the same question).")
    var field: QuestionField = .message

    @Option(name: .long, help: ArgumentHelp("Judgements to score against.", valueName: "file"))
    var qrels: String?

    @Option(name: .long, help: "Answers per question (1-100).")
    var limit = 10

    @Option(name: .customLong("run-out"), help: ArgumentHelp("Write a TREC run file (qid Q0 answer-id rank score tag).", valueName: "file"))
    var runOut: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var overrides: RankingOverrides

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100") }
    }

    func run() throws {
        let logger = Logs.bootstrap(verbose: index.verbose)
        let questionSet: [EvaluationQuestion]
        let judgements: Qrels?
        do {
            questionSet = try QuestionSet.load(path: questions, field: field)
            judgements = try qrels.map { try Qrels.load(path: $0) }
        } catch let diagnostic as IngestDiagnostic {
            throw CommandError(diagnostic.description)
        }
        // A question whose chosen form is empty (LiveQA's TQ103 has no NIST-PARAPHRASE) is still
        // scored, as unanswered: say so rather than let it lower the figures silently.
        let empty = questionSet.filter { $0.text.allSatisfy(\.isWhitespace) }.map(\.id)
        if !empty.isEmpty {
            Terminal.standardError("warning: \(questions): \(empty.count) question(s) have no \(field.rawValue) text and count as unanswered: \(empty.prefix(10).joined(separator: ", "))\(empty.count > 10 ? ", …" : "")")
        }
        let results: [Evaluator.QuestionResult]
        do {
            var weights = RankingWeights.standard
            // A run file ranks answers; the two-per-article cap is for reading `ask` output.
            weights.passagesPerArticle = limit
            weights = overrides.applied(to: weights)
            let engine = try SearchEngine(path: try index.resolvedIndexPath(logger: logger), weights: weights, logger: logger)
            // LiveQA's protocol scores every question's top 10: never decline there.
            let declineWeak = judgements?.scale != .liveQA
            results = try Evaluator(engine: engine).run(questionSet, limit: limit, declineWeak: declineWeak)
        } catch let error as SearchError {
            throw CommandError(error.description)
        }
        if let runOut {
            let tag = "medsearch-" + field.rawValue
            do {
                try Evaluator.runFile(results, tag: tag).write(toFile: runOut, atomically: true, encoding: .utf8)
            } catch {
                throw CommandError("cannot write the run file \(runOut): \(error.localizedDescription)")
            }
        }
        let report = Evaluator.report(results, qrels: judgements)
        if format == .json { return try JSONOutput.print(report) }
        var lines = ["questions: \(report.questions)"]
        if let scores = report.liveQA {
            lines.append(String(format: "avgScore %.3f  succ@2+ %.3f  succ@3+ %.3f  succ@4+ %.3f  MRR@10 %.3f  MAP@10 %.3f  nDCG@10 %.3f  judged@10 %.3f  (%d judged questions)",
                                scores.avgScore, scores.succ2, scores.succ3, scores.succ4, scores.mrr10, scores.map10,
                                scores.ndcg10, scores.judged10, scores.questions))
        }
        if let scores = report.corpus {
            lines.append(String(format: "top-1 article %.1f %%  top-1 section %.1f %%  MRR@10 %.3f  (%d answerable)",
                                scores.top1Article * 100, scores.top1Section * 100, scores.mrr10, scores.answerable))
            lines.append(String(format: "unanswerable declined %.1f %% (%d questions)  answerable wrongly declined %.1f %%",
                                scores.declinedUnanswerable * 100, scores.unanswerable, scores.declinedAnswerable * 100))
        }
        lines.append(String(format: "latency p50 %.2f ms  p99 %.2f ms (in-process, this build)", report.latencyP50Milliseconds, report.latencyP99Milliseconds))
        let slowest = results.sorted { $0.seconds > $1.seconds }.prefix(3)
        lines.append("slowest: " + slowest.map { String(format: "%@ %.2f ms", $0.id, $0.seconds * 1000) }.joined(separator: ", "))
        print(lines.joined(separator: "\n"))
    }
}

extension QuestionField: ExpressibleByArgument {}
