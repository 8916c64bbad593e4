import ArgumentParser
import MedSearch

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an index for damage: SQLite's and FTS5's integrity checks.",
        discussion: """
        Runs PRAGMA integrity_check, FTS5's integrity-check on the full-text tables (on an \
        in-memory copy: the index is opened read-only and never written), the foreign key check, \
        the schema version and the passage/text pairing, and notes leftovers of interrupted runs. \
        Exits 0 when the index is healthy, 1 when it is damaged or cannot be read.

        Examples:
          medsearch check --db corpus.sqlite
          medsearch check                       # the default index of the shipped Corpus
          medsearch check --db corpus.sqlite --format json
        """
    )

    @Option(name: .long, help: ArgumentHelp("The index file (default: the index of the shipped Corpus).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        // The default index is checked where it is, never built or refreshed first.
        let report = IndexChecker.check(path: db ?? DefaultIndex.indexPath)
        switch format {
        case .json:
            try JSONOutput.print(report)
        case .text:
            for finding in report.findings {
                let status = finding.status == .failed ? "FAILED" : finding.status.rawValue
                print("\(status.padding(toLength: 7, withPad: " ", startingAt: 0)) \(finding.check): \(finding.detail)")
            }
            print(report.verdict)
        }
        if !report.isHealthy { throw ExitCode.failure }
    }
}
