/// Relevance judgements: question id → (answer id → grade).
///
/// Two line formats are read:
/// - TREC: `qid 0 answer-id grade` (the project's own question sets, grades 1-3);
/// - LiveQA-Med: `number grade-Label AnswerID.txt` (`13 4-Excellent NHLBI_0000051_Sec6.txt`),
///   read as qid `TQ<number>` with grades 1-4.
public struct Qrels: Sendable {
    public enum Scale: String, Sendable { case trec, liveQA }

    public var grades: [String: [String: Int]]
    public var scale: Scale

    public init(grades: [String: [String: Int]], scale: Scale) {
        self.grades = grades
        self.scale = scale
    }

    public static func load(path: String) throws -> Qrels {
        let text = try InputFiles.text(of: try InputFiles.read(path), path: path)
        var grades: [String: [String: Int]] = [:]
        var scale: Scale?
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            let location = IngestDiagnostic(path: path, line: offset + 1, message: "expected 'qid 0 answer-id grade' or 'number grade-Label AnswerID.txt'")
            if fields.count == 4, let grade = Int(fields[3]) {
                scale = scale ?? .trec
                grades[fields[0], default: [:]][fields[2]] = grade
            } else if fields.count == 3, let grade = Int(fields[1].prefix { $0.isNumber }) {
                scale = scale ?? .liveQA
                var answer = fields[2]
                if answer.hasSuffix(".txt") { answer.removeLast(4) }
                let qid = fields[0].hasPrefix("TQ") ? fields[0] : "TQ" + fields[0]
                grades[qid, default: [:]][answer] = grade
            } else {
                throw location
            }
        }
        return Qrels(grades: grades, scale: scale ?? .trec)
    }
}
