import ArgumentParser
import Foundation
import MedSearch

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index article files into an SQLite FTS5 database.",
        discussion: """
        Reads Markdown articles (format: Corpus/README.md). Folders are walked recursively. \
        Without --rebuild only files whose content changed are re-indexed and deleted files are \
        removed; with --rebuild a new index is built beside the old one and put in its place in \
        one transaction, so readers never see a half-built index. Either way a failed run (a \
        full disk, a read-only file) changes nothing and says why. A bad file is reported as `path:line: error: …` \
        and skipped; the exit status is 1 when any file failed (0 otherwise).

        Examples:
          medsearch index Corpus --db corpus.sqlite
          medsearch index Corpus extra/article.md --db corpus.sqlite --rebuild
          medsearch index                      # refresh the default index of the shipped Corpus
        """
    )

    @Argument(help: "Files or folders to index (default: the shipped Corpus).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("The index file to write (default: the index of the shipped Corpus).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Build a fresh index and atomically replace the old one.")
    var rebuild = false

    @Flag(name: .long, help: "Treat any bad file as fatal: nothing is written.")
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
        do {
            if rebuild {
                report = try IndexWriter.rebuild(at: target, from: inputs, strict: strict, logger: logger)
            } else {
                report = try IndexWriter(path: target, logger: logger).update(from: inputs, strict: strict)
            }
        } catch let diagnostic as IngestDiagnostic {
            Terminal.standardError(diagnostic.description)
            Terminal.standardError("stopped (--strict): the index at \(target) was not changed")
            throw ExitCode.failure
        } catch let error as SQLiteError {
            throw CommandError(IndexWriteError(path: target, error: error).description)
        } catch let error as IndexWriteError {
            throw CommandError(error.description)
        }
        switch format {
        case .json:
            try JSONOutput.print(report)
        case .text:
            for line in report.diagnostics { Terminal.standardError(line) }
            print(report.summaryLine)
        }
        if report.filesFailed > 0 { throw ExitCode.failure }
    }
}
