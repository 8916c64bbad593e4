import ArgumentParser
import MedSearch

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print what an index holds: files, articles, passages, references, terms, abbreviations, size."
    )

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let logger = Logs.bootstrap(verbose: index.verbose)
        let statistics: IndexReader.Statistics
        do {
            statistics = try IndexReader(path: try index.resolvedIndexPath(logger: logger)).statistics()
        } catch let error as SearchError {
            throw CommandError(error.description)
        }
        if format == .json { return try JSONOutput.print(statistics) }
        print("""
        index:       \(statistics.path)
        schema:      \(statistics.schemaVersion) (SQLite \(statistics.sqliteVersion))
        files:       \(statistics.files)
        articles:    \(statistics.articles)
        passages:    \(statistics.passages)
        references:  \(statistics.references) distinct, \(statistics.citations) citations
        terms:       \(statistics.terms)
        short forms: \(statistics.abbreviations) the articles define, searched with their long forms
        size:        \(statistics.bytes / 1024) KiB
        by type:     \(statistics.passagesByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        """)
    }
}
