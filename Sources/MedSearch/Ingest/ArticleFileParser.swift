import Foundation

/// Chooses the parser for a file by its ending and turns its bytes into articles.
///
/// | ending | format |
/// |---|---|
/// | `.md` | Markdown article with YAML front matter (`Corpus/README.md`) |
/// | `.txt` | a consumer-health article page as copied from the web (`WebPageParser`) |
/// | `.jsonl` | JSON Lines of `{"_id", "title", "text"}` records, one article each (`JSONLinesParser`) |
/// | `.xml` | a MedQuAD `Document` |
/// | `judged-answers.csv` | MedQuAD's judged answers: fills answers the XML lacks; no articles of its own |
///
/// One parser serves one index run: it remembers the MedQuAD supplements it has read. Files
/// can be parsed on several threads at once.
public final class ArticleFileParser: @unchecked Sendable {
    public static let knownEndings = ["md", "txt", "jsonl", "xml", MedQuADSupplement.fileName]
    /// Folder → the supplement read there (nil: none there); guarded by `lock`.
    private var supplements: [String: MedQuADSupplement?] = [:]
    private let lock = NSLock()

    public init() {}

    static func ending(of path: String) -> String {
        asciiEnding(of: path) ?? characterEnding(of: path)
    }

    /// `ending(of:)` by `Character`s: any path.
    static func characterEnding(of path: String) -> String {
        if path.hasSuffix("/" + MedQuADSupplement.fileName) || path == MedQuADSupplement.fileName {
            return MedQuADSupplement.fileName
        }
        let name = path.split(separator: "/").last ?? ""
        return name.contains(".") ? (name.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
    }

    /// `ending(of:)` of an ASCII path, read from its bytes without splitting it (an index run
    /// asks for every file's ending several times); nil for other paths.
    static func asciiEnding(of path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            let supplement = Array(MedQuADSupplement.fileName.utf8)
            if bytes.count >= supplement.count, bytes.suffix(supplement.count).elementsEqual(supplement),
               bytes.count == supplement.count || bytes[bytes.count - supplement.count - 1] == slash {
                return MedQuADSupplement.fileName
            }
            // The last non-empty component, then its last non-empty part after a dot.
            var end = bytes.count
            while end > 0, bytes[end - 1] == slash { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != slash { start -= 1 }
            guard bytes[start..<end].contains(dot) else { return "" }
            while end > start, bytes[end - 1] == dot { end -= 1 }
            var partStart = end
            while partStart > start, bytes[partStart - 1] != dot { partStart -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[partStart..<end]), as: UTF8.self).lowercased()
        }
    }

    /// The hash that decides whether the file must be re-indexed: its content, plus the
    /// supplement it draws answers from.
    public func changeKey(bytes: [UInt8], path: String) -> String {
        let own = InputFiles.contentHash(bytes)
        guard Self.ending(of: path) == "xml", let supplement = supplement(near: path) else { return own }
        return own + "+" + supplement.hash
    }

    public func parse(bytes: [UInt8], path: String) throws -> ParsedFile {
        switch Self.ending(of: path) {
        case "md":
            return try MarkdownArticleParser().parse(InputFiles.text(of: bytes, path: path), path: path)
        case "txt":
            return try WebPageParser().parse(InputFiles.text(of: bytes, path: path), path: path)
        case "jsonl":
            return try JSONLinesParser().parse(InputFiles.text(of: bytes, path: path), path: path)
        case "xml":
            _ = try InputFiles.text(of: bytes, path: path)
            return try MedQuADParser().parse(bytes: bytes, path: path, supplement: supplement(near: path))
        case MedQuADSupplement.fileName:
            let supplement = try MedQuADSupplement(bytes: bytes, path: path)
            lock.withLock { supplements[InputFiles.parentFolder(path)] = supplement }
            return ParsedFile(articles: [])
        case let ending:
            throw IngestDiagnostic(path: path, message: "unknown file type '\(ending.isEmpty ? "(none)" : "." + ending)' (known: .md, .txt, .jsonl, .xml, \(MedQuADSupplement.fileName))")
        }
    }

    /// `judged-answers.csv` in the file's folder or the folder above it (MedQuAD's layout:
    /// `medquad/judged-answers.csv` beside `medquad/1_CancerGov_QA/*.xml`).
    func supplement(near path: String) -> MedQuADSupplement? {
        lock.lock()
        defer { lock.unlock() }
        var folder = InputFiles.parentFolder(path)
        for _ in 0..<2 {
            if let cached = supplements[folder] { if let cached { return cached } }
            else {
                let candidate = folder + "/" + MedQuADSupplement.fileName
                let loaded = (try? InputFiles.read(candidate)).flatMap { try? MedQuADSupplement(bytes: $0, path: candidate) }
                supplements[folder] = .some(loaded)
                if let loaded { return loaded }
            }
            folder = InputFiles.parentFolder(folder)
        }
        return nil
    }
}
