import ArgumentParser
import Foundation
import MedSearch

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index article files into an SQLite FTS5 database.",
        discussion: """
        Reads Markdown articles (.md, format: Corpus/README.md), article pages copied from the \
        web (.txt), JSON Lines of {"_id", "title", "text"} records (.jsonl) and MedQuAD XML \
        (.xml). Folders are walked recursively. Without --rebuild only files whose content \
        changed are re-indexed and deleted files are removed; with --rebuild (or when the index \
        does not exist yet) a new index is built beside the old one and put in its place in one \
        transaction, so readers never see a half-built index. Either way a failed run (a full \
        disk, a read-only file) changes nothing and says why.

        A bad file is reported as `path:line: error: …` and skipped (its previous version stays \
        indexed); a bad line of a .jsonl file is reported and left out, the other lines are \
        indexed. The summary line counts it all; the exit status is 1 when anything was left out \
        for an error. With --strict the first error stops the run and the index is not changed. \
        On a terminal a progress line is shown on stderr.

        Examples:
          medsearch index Corpus --db corpus.sqlite
          medsearch index Corpus extra/article.md pages/ --db corpus.sqlite --rebuild
          medsearch index beir/corpus.jsonl --db beir.sqlite --strict
          medsearch index                      # refresh the default index of the shipped Corpus
        """
    )

    @Argument(help: "Files or folders to index (default: the shipped Corpus).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("The index file to write (default: the index of the shipped Corpus).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Build a fresh index and atomically replace the old one.")
    var rebuild = false

    @Flag(name: .long, help: "Treat any bad file or entry as fatal: the index is not changed.")
    var strict = false

    @Option(name: .long, help: "Output format of the summary: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Log what happens, on stderr.")
    var verbose = false

    func run() throws {
        let logger = Logs.bootstrap(verbose: verbose)
        let inputs = paths.isEmpty ? [DefaultIndex.corpusPath] : paths
        let target = db ?? DefaultIndex.indexPath
        let directory = (target as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let report: IndexReport
        let progress = ProgressLine()
        defer { progress.finish() }
        do {
            // A new index is built like a rebuild: nothing is left behind if the run stops.
            if rebuild || !FileManager.default.fileExists(atPath: target) {
                report = try IndexWriter.rebuild(at: target, from: inputs, strict: strict, logger: logger, progress: progress.show)
            } else {
                report = try IndexWriter(path: target, logger: logger).update(from: inputs, strict: strict, progress: progress.show)
            }
        } catch let diagnostic as IngestDiagnostic {
            progress.finish()
            Terminal.standardError(diagnostic.description)
            if strict { Terminal.standardError("stopped (--strict): the index at \(target) was not changed") }
            throw ExitCode.failure
        } catch let error as SQLiteError {
            throw CommandError(IndexWriteError(path: target, error: error).description)
        } catch let error as IndexWriteError {
            throw CommandError(error.description)
        }
        progress.finish()
        switch format {
        case .json:
            try JSONOutput.print(report)
        case .text:
            for line in report.diagnostics { Terminal.standardError(line) }
            print(report.summaryLine)
        }
        if report.hasErrors { throw ExitCode.failure }
    }
}
