import ArgumentParser
import MedSearch

struct RefsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refs",
        abstract: "List the indexed references that match words, with the articles citing them.",
        discussion: """
        Searches the references parsed from the articles (authors, year, title, journal) and \
        prints each match as authors, year, title, journal, volume(issue), pages and DOI, with \
        the id and title of every article that cites it. Every word is required; when no \
        reference has them all, references with any of them are listed, and the output says so. \
        Exits 0 whether or not a reference matched.

        Examples:
          medsearch refs "Waldman 2020"
          medsearch refs "checkpoint inhibitors" --limit 5
          medsearch refs "allergen immunotherapy" --format json
        """
    )

    @Argument(help: "Words to look for: an author, a year, words of a title or journal (quote them).")
    var query: String

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "How many references to list (1-100).")
    var limit = 10

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if query.allSatisfy({ $0.isWhitespace || $0.isNewline }) {
            throw ValidationError("the query is empty; try something like: medsearch refs \"Waldman 2020\"")
        }
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100") }
    }

    func run() throws {
        let logger = Logs.bootstrap(verbose: index.verbose)
        let search: IndexReader.ReferenceSearch
        do {
            search = try IndexReader(path: try index.resolvedIndexPath(logger: logger)).references(matching: query, limit: limit)
        } catch let error as SearchError {
            throw CommandError(error.description)
        }
        if format == .json { return try JSONOutput.print(RefsOutput(query: query, search: search)) }
        print(ReferenceList(query: query, search: search, style: Style(enabled: Terminal.colorEnabled)).render())
    }
}

/// The JSON form of `refs`.
struct RefsOutput: Encodable {
    var query: String
    var relaxed: Bool
    var references: [IndexReader.CitedReference]

    init(query: String, search: IndexReader.ReferenceSearch) {
        self.query = query
        relaxed = search.relaxed
        references = search.references
    }
}

/// The text form of `refs`: a numbered entry per reference.
struct ReferenceList {
    let query: String
    let search: IndexReader.ReferenceSearch
    let style: Style

    func render() -> String {
        guard !search.references.isEmpty else {
            return search.stages.isEmpty
                ? "No reference found: the query has no searchable words."
                : "No reference matches \"\(query.trimmed(maximum: 200))\"."
        }
        var lines: [String] = []
        if search.relaxed { lines += ["No reference has every word; these have some of them.", ""] }
        for (number, cited) in search.references.enumerated() {
            let reference = cited.reference
            let indent = "    "
            if reference.title.isEmpty || reference.journal.isEmpty {
                // Parts the citation parser could not find: show the citation as written.
                lines.append(style.bold("[\(number + 1)]") + " " + reference.raw)
            } else {
                var head = reference.authors.joined(separator: "; ")
                if let year = reference.year { head += " (\(year))" }
                lines.append(style.bold("[\(number + 1)]") + " \(head). \(reference.title).")
                var source = reference.journal
                if !reference.volume.isEmpty { source += " " + reference.volume + (reference.issue.isEmpty ? "" : "(\(reference.issue))") }
                if !reference.pages.isEmpty { source += ", " + reference.pages }
                source += "."
                if !reference.doi.isEmpty { source += " doi:" + reference.doi }
                lines.append(indent + source)
            }
            for (offset, article) in cited.citedBy.enumerated() {
                let label = offset == 0 ? "cited by: " : "          "
                lines.append(style.dim(indent + label + article.id + " — " + article.title))
            }
            lines.append("")
        }
        return lines.dropLast().joined(separator: "\n")
    }
}
