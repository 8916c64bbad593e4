/// Parses one MedQuAD XML `Document` into an `Article` whose sections are its question–answer
/// pairs, streaming with libxml2's `xmlTextReader` (no tree is built).
///
/// - article id: `<source>_<Document id>`; title: the focus;
/// - one section per `QAPair` with an answer: heading = the question, text = the answer,
///   keywords = focus, focus synonyms and `qtype`, external id = the judged-answer id
///   `<source>_<Document id>_Sec<n>` (n = position of the pair in its document;
///   `MPlusHerbsSupplements` is written `MPlusHerbsSuppls`);
/// - a pair whose `<Answer>` is empty takes its text from `judged-answers.csv` when given,
///   otherwise it is skipped and counted.
///
/// See `../shared/data/README.md` and <https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-xmlreader.html>.
public struct MedQuADParser {
    public init() {}

    /// The source name as the judged answer ids write it.
    static func idSource(_ source: String) -> String {
        source == "MPlusHerbsSupplements" ? "MPlusHerbsSuppls" : source
    }

    public func parse(bytes: [UInt8], path: String, supplement: MedQuADSupplement?) throws -> ParsedFile {
        let reader = try XMLEventReader(bytes: bytes, path: path)
        var documentID = "", source = "", url: String?
        var focus = "", synonyms: [String] = [], pairs: [(question: String, qtype: String, answer: String)] = []
        var question = "", qtype = "", text = ""
        var capturing = false
        var sawDocument = false

        while let event = try reader.next() {
            switch event {
            case .start(let name, let isEmpty):
                switch name {
                case "Document", "DiseaseFile":
                    // One CDC file uses <DiseaseFile fid=…> for the same layout.
                    sawDocument = true
                    documentID = reader.attribute("id") ?? reader.attribute("fid") ?? ""
                    source = reader.attribute("source") ?? ""
                    url = reader.attribute("url")
                case "doc" where !sawDocument:
                    // Four NINDS files use a lower-case <doc>/<pair> layout that the evaluation
                    // corpus leaves out (none of their answers was judged).
                    throw IngestDiagnostic(path: path, line: 2, severity: .warning,
                                           message: "MedQuAD file in the unsupported <doc> layout; skipped")
                case "Focus", "Synonym", "Question", "Answer":
                    if name == "Question" { qtype = reader.attribute("qtype") ?? "" }
                    text = ""
                    capturing = !isEmpty
                    if isEmpty { finish(name) }
                default: break
                }
            case .text(let value):
                if capturing { text += value }
            case .end(let name):
                if capturing, ["Focus", "Synonym", "Question", "Answer"].contains(name) {
                    capturing = false
                    finish(name)
                }
            }
        }

        func finish(_ element: String) {
            switch element {
            case "Focus": focus = text.trimmed
            case "Synonym": if !text.trimmed.isEmpty { synonyms.append(text.trimmed) }
            case "Question": question = text.trimmed
            case "Answer": pairs.append((question, qtype, Self.cleanAnswer(text)))
            default: break
            }
        }

        guard sawDocument, !documentID.isEmpty, !source.isEmpty else {
            throw IngestDiagnostic(path: path, line: 1, message: "not a MedQuAD document: no <Document id=… source=…> element")
        }
        let idSource = Self.idSource(source)
        var article = Article(id: "\(idSource)_\(documentID)", title: focus.isEmpty ? documentID : focus,
                              source: source, url: url)
        article.tags = [focus] + synonyms
        var skipped = 0
        for (offset, pair) in pairs.enumerated() {
            let answerID = "\(idSource)_\(documentID)_Sec\(offset + 1)"
            var answer = pair.answer
            if answer.isEmpty, let filled = supplement?.answers[answerID] { answer = filled }
            guard !answer.isEmpty else { skipped += 1; continue }
            let blocks = Self.lines(of: answer).map { Section.Block.paragraph($0) }
            article.sections.append(Section(heading: pair.question, blocks: blocks, keywords: pair.qtype,
                                            externalID: answerID, answersType: MedQuADQuestionTypes.type(of: pair.qtype)))
        }
        var parsed = ParsedFile(articles: [article])
        parsed.skippedEntries = skipped
        // MedQuAD repeats a few documents under one id (CancerGov 0000013_2 in 7 files): the
        // first file in path order keeps the id, the repeats are skipped with a warning.
        parsed.duplicatesAreWarnings = true
        return parsed
    }

    /// Lines trimmed, blank lines dropped: MedQuAD answers are indented inside the XML.
    ///
    /// Works on the UTF-8 bytes: a line is cut at each "\n" that does not end a "\r\n" (one
    /// `Character`, which `split(separator: "\n")` does not cut either) and trimmed of ASCII
    /// white space; a line whose ends are not ASCII after that is trimmed by `trimmed`, which
    /// also knows Unicode spaces and combining marks.
    static func cleanAnswer(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            func append(_ start: Int, _ end: Int) {
                var first = start, last = end
                while first < last, isASCIISpace(bytes[first]) { first += 1 }
                while last > first, isASCIISpace(bytes[last - 1]) { last -= 1 }
                guard first < last else { return }
                if bytes[first] >= 0x80 || bytes[last - 1] >= 0x80 {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmed
                    guard !line.isEmpty else { return }
                    if !result.isEmpty { result.append(10) }
                    result.append(contentsOf: line.utf8)
                    return
                }
                if !result.isEmpty { result.append(10) }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[first..<last]))
            }
            forEachLine(of: bytes, append)
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The lines of `text` that are not empty, cut where `split(separator: "\n")` cuts (see
    /// `forEachLine`), without its `Character`-by-`Character` walk.
    static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            forEachLine(of: bytes) { start, end in
                if start < end { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
            }
            return lines
        }
    }

    /// Calls `body` with the byte range of each line of `bytes`: lines end at each "\n" that
    /// does not end a "\r\n" (one `Character`, where `split(separator: "\n")` does not cut).
    private static func forEachLine(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        var lineStart = 0
        for offset in 0..<bytes.count where bytes[offset] == 10 && (offset == 0 || bytes[offset - 1] != 13) {
            body(lineStart, offset)
            lineStart = offset + 1
        }
        body(lineStart, bytes.count)
    }

    /// The ASCII characters `Character.isWhitespace` holds: tab, line feed, vertical tab, form
    /// feed, carriage return and space.
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 32 || (byte >= 9 && byte <= 13)
    }
}

/// Answers from MedQuAD's `judged-answers.csv` (`AnswerID,Answer`, the answer written as
/// `Question: …\nURL: …\nAnswer: …`), used where the XML's `<Answer>` is empty.
public struct MedQuADSupplement: Sendable {
    public static let fileName = "judged-answers.csv"

    /// Answer id (without `.txt`) → answer text.
    public var answers: [String: String]
    /// Content hash of the CSV: XML files that use it are re-indexed when it changes.
    public var hash: String

    public init(bytes: [UInt8], path: String) throws {
        let text = try InputFiles.text(of: bytes, path: path)
        let rows = CSVReader.rows(text)
        guard let header = rows.first, header.fields.count >= 2, header.fields[0] == "AnswerID" else {
            throw IngestDiagnostic(path: path, line: 1, message: "expected the header 'AnswerID,Answer'")
        }
        var answers: [String: String] = [:]
        for row in rows.dropFirst() where row.fields.count >= 2 {
            var id = row.fields[0].trimmed
            if id.hasSuffix(".txt") { id.removeLast(4) }
            var answer = row.fields[1]
            if let marker = answer.firstRange(of: "\nAnswer:") { answer = String(answer[marker.upperBound...]) }
            answers[id] = MedQuADParser.cleanAnswer(answer)
        }
        self.answers = answers
        hash = InputFiles.contentHash(bytes)
    }
}
