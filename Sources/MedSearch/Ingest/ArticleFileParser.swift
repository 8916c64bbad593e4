/// Chooses the parser for a file by its ending and turns its text into articles.
public struct ArticleFileParser: Sendable {
    public init() {}

    public func parse(bytes: [UInt8], path: String) throws -> ParsedFile {
        let ending = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard InputFiles.articleExtensions.contains(ending) else {
            throw IngestDiagnostic(path: path, message: "unknown file type '.\(ending)' (known: \(InputFiles.articleExtensions.sorted().map { "." + $0 }.joined(separator: ", ")))")
        }
        let text = try InputFiles.text(of: bytes, path: path)
        switch ending {
        default:
            return try MarkdownArticleParser().parse(text, path: path)
        }
    }
}
