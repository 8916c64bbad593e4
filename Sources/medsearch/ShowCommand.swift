import ArgumentParser
import MedSearch

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one indexed article with its sections and numbered references.",
        discussion: """
        Examples:
          medsearch show immunotherapy-overview
          medsearch show allergy-shots --format json
        """
    )

    @Argument(help: "The article id, as printed by `ask` (e.g. immunotherapy-overview).")
    var id: String

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if id.allSatisfy({ $0.isWhitespace || $0.isNewline }) {
            throw ValidationError("the article id is empty; `medsearch ask` prints the id of each answer's article, e.g. medsearch show immunotherapy-overview")
        }
    }

    func run() throws {
        let logger = Logs.bootstrap(verbose: index.verbose)
        let reader: IndexReader
        let found: IndexReader.StoredArticle?
        do {
            reader = try IndexReader(path: try index.resolvedIndexPath(logger: logger))
            found = try reader.article(id: id)
        } catch let error as SearchError {
            throw CommandError(error.description)
        }
        guard let article = found else {
            let suggestions = (try? reader.articleIDs(startingWith: String(id.prefix(3)))) ?? []
            throw CommandError("no article with id '\(id)'" + (suggestions.isEmpty ? "" : "; did you mean: \(suggestions.joined(separator: ", "))?"))
        }
        if format == .json { return try JSONOutput.print(article) }
        let style = Style(enabled: Terminal.colorEnabled)
        var lines = [style.bold(article.title), style.dim("\(article.id) · " + (article.published.isEmpty ? "undated" : "published \(article.published)")
            + (article.reviewed.map { " · reviewed \($0)" } ?? "") + " · \(article.source)"), ""]
        for section in article.sections {
            lines.append(style.bold(section.heading) + style.dim("  [\(section.passageID), \(section.answersType)]"))
            lines.append(section.text)
            lines.append("")
        }
        if !article.related.isEmpty { lines.append("Related: \(article.related)") }
        if !article.references.isEmpty {
            lines.append(style.bold("References"))
            for (number, reference) in article.references.enumerated() { lines.append("[\(number + 1)] \(reference)") }
        }
        print(lines.joined(separator: "\n"))
    }
}
