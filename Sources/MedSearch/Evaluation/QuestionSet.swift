/// Questions to evaluate: LiveQA's question XML (`NLM-QUESTION` with `SUBJECT`, `MESSAGE`,
/// `NIST-PARAPHRASE` and `NLM-Summary`) or the project's own TSV (`qid<TAB>question`, header
/// line first).
public struct EvaluationQuestion: Sendable, Equatable {
    public var id: String
    public var text: String
}

public enum QuestionField: String, Sendable, CaseIterable {
    /// SUBJECT + " " + MESSAGE: what the person typed.
    case message
    /// NLM-Summary: a short clean question.
    case summary
    /// NIST-PARAPHRASE: another clean rewording, by NIST. The targets name the other two
    /// forms, and no ranking rule was tuned on this one: a check of how far a change carries.
    case paraphrase
}

public enum QuestionSet {
    /// Reads the questions of `path`, choosing the format by its first non-blank character.
    public static func load(path: String, field: QuestionField) throws -> [EvaluationQuestion] {
        let bytes = try InputFiles.read(path)
        let text = try InputFiles.text(of: bytes, path: path)
        if text.drop(while: { $0.isWhitespace }).first == "<" {
            return try liveQA(bytes: bytes, path: path, field: field)
        }
        return try tsv(text, path: path)
    }

    static func tsv(_ text: String, path: String) throws -> [EvaluationQuestion] {
        var questions: [EvaluationQuestion] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: "\t", maxSplits: 1).map { $0.trimmed }
            if offset == 0, fields.first == "qid" { continue }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw IngestDiagnostic(path: path, line: offset + 1, message: "expected 'qid<TAB>question'")
            }
            questions.append(EvaluationQuestion(id: fields[0], text: fields[1]))
        }
        return questions
    }

    static func liveQA(bytes: [UInt8], path: String, field: QuestionField) throws -> [EvaluationQuestion] {
        let reader = try XMLEventReader(bytes: bytes, path: path)
        var questions: [EvaluationQuestion] = []
        var qid = "", subject = "", message = "", summary = "", paraphrase = "", text = "", capturing = false
        while let event = try reader.next() {
            switch event {
            case .start("NLM-QUESTION", _):
                qid = reader.attribute("qid") ?? ""
                subject = ""; message = ""; summary = ""; paraphrase = ""
            case .start(let name, let isEmpty) where ["SUBJECT", "MESSAGE", "NLM-Summary", "NIST-PARAPHRASE"].contains(name):
                text = ""
                capturing = !isEmpty
            case .text(let value):
                if capturing { text += value }
            case .end(let name):
                guard capturing || name == "NLM-QUESTION" else { continue }
                capturing = false
                switch name {
                case "SUBJECT": subject = text.trimmed
                case "MESSAGE": message = text.trimmed
                case "NLM-Summary": summary = text.trimmed
                case "NIST-PARAPHRASE": paraphrase = text.trimmed
                case "NLM-QUESTION":
                    let question = switch field {
                    case .message: [subject, message].filter { !$0.isEmpty }.joined(separator: " ")
                    case .summary: summary
                    case .paraphrase: paraphrase
                    }
                    questions.append(EvaluationQuestion(id: qid, text: question))
                default: break
                }
            default: break
            }
        }
        return questions
    }
}
