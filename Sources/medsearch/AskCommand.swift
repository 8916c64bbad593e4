import ArgumentParser
import Foundation
import MedSearch

struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a health question from the index.",
        discussion: """
        Prints the passages that best answer the question, with the article, section, date and \
        references of each. Exits 0 whether or not an answer was found; says so when none is good, \
        and names any passage that mentions the question's words only in passing. A question \
        asking how much of a medicine to take is answered with a note that MedSearch gives no \
        doses (ask a pharmacist or doctor).

        When the question describes an emergency happening now ("crushing chest pain and my arm \
        is numb"), a notice to call the emergency number comes first, and a section on when to \
        seek care is preferred among the answers. A misspelled word the index lacks is searched as \
        the closest indexed word (or the closest drug or condition name the lexicon knows), and \
        the card says so under the question; an English word is never \
        changed ("bread" stays "bread"), and a British or American spelling also finds the other \
        ("tumour", "tumor"). A short form the indexed articles define ("normal pressure \
        hydrocephalus (NPH)") is also searched as the words it stands for ("nph"); --explain \
        shows every term's alternatives and role (topic, generic, type cue). The JSON \
        has the same parts: question, questionType, emergency, answers, noAnswer, mentionedIn, \
        corrections, abbreviations, disclaimer (and explain with --explain); a part with no value is left out.

        Examples:
          medsearch ask "is immunotherapy a cure"
          medsearch ask "side effects of allergy shots" --limit 3
          medsearch ask "car-t for lymphoma" --format json
          medsearch ask "immunotharapy for melanoma" --explain
        """
    )

    @Argument(help: "The question, in your own words (quote it).")
    var question: String

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "How many answers to show (1-50).")
    var limit = 3

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Show the analyzed question, the MATCH expressions and each score's parts.")
    var explain = false

    func validate() throws {
        if question.allSatisfy({ $0.isWhitespace || $0.isNewline }) {
            throw ValidationError("the question is empty; ask something like: medsearch ask \"is immunotherapy a cure\"")
        }
        guard (1...50).contains(limit) else { throw ValidationError("--limit must be between 1 and 50") }
    }

    func run() throws {
        let logger = Logs.bootstrap(verbose: index.verbose)
        let path = try index.resolvedIndexPath(logger: logger)
        let result: SearchResult
        do {
            let engine = try SearchEngine(path: path, logger: logger)
            result = try engine.answers(to: question, limit: limit)
        } catch let error as SearchError {
            throw CommandError(error.description)
        }
        switch format {
        case .json: try JSONOutput.print(AskOutput(result, explain: explain))
        case .text: print(AnswerCard(result: result, style: Style(enabled: Terminal.colorEnabled), explain: explain).render())
        }
    }
}

/// The note under every answer card.
let notMedicalAdvice = "Information, not medical advice or a diagnosis: talk to a doctor about your own situation."

/// The JSON form of `ask`: the same fields as the text card.
struct AskOutput: Encodable {
    struct Term: Encodable {
        var term: String
        var alternatives: [String]
        var documentFrequency: Int
        var weight: Double
        var correctedFrom: String?
        /// "topic", "generic" (says what kind of answer, or who asks) or "type cue" (a word of
        /// a type phrase such as "go away"): only topic terms count in coverage.
        var role: String
    }
    struct Explanation: Encodable {
        var type: String
        var terms: [Term]
        /// Terms narrowed to their topic lists over the posting budget.
        var narrowed: [Narrowed]
        var stages: [Stage]
    }
    struct Narrowed: Encodable {
        var term: String
        var postings: Int
        var topicPostings: Int
    }
    struct Stage: Encodable {
        var match: String
        var rows: Int
    }

    var question: String
    var questionType: String
    var emergency: EmergencyNotice?
    var answers: [Answer]
    var noAnswer: String?
    /// With `noAnswer`: passages that mention the question's words only in passing.
    var mentionedIn: [PassageMention]
    /// Words searched as another, indexed word (spelling correction).
    var corrections: [Correction]
    /// Short forms also searched as the words the indexed articles give them.
    var abbreviations: [Abbreviation]
    struct Abbreviation: Encodable {
        var short: String
        var longForms: [String]
    }
    struct Correction: Encodable {
        var typed: String
        var searched: String
    }
    var disclaimer = notMedicalAdvice
    var explain: Explanation?

    init(_ result: SearchResult, explain: Bool) {
        question = result.question.original
        questionType = result.question.type.rawValue
        emergency = result.emergency
        answers = result.answers
        noAnswer = result.noAnswerReason
        mentionedIn = result.mentionedIn
        corrections = result.corrections.map { Correction(typed: $0.typed, searched: $0.searched) }
        abbreviations = result.abbreviations.map { Abbreviation(short: $0.short, longForms: $0.long) }
        if explain {
            self.explain = Explanation(
                type: result.question.type.rawValue,
                terms: result.terms.map {
                    Term(term: $0.group.surface.joined(separator: " "),
                         alternatives: $0.group.alternatives.map { $0.joined(separator: " ") },
                         documentFrequency: $0.documentFrequency, weight: $0.weight, correctedFrom: $0.correctedFrom,
                         role: $0.group.isTypeCue ? "type cue" : $0.isGeneric ? "generic" : "topic")
                },
                narrowed: result.narrowed.map { Narrowed(term: $0.term, postings: $0.postings, topicPostings: $0.topicPostings) },
                stages: result.stages.map { Stage(match: $0.match, rows: $0.rows) })
        }
    }
}

/// The text form of `ask`: an answer card per passage.
struct AnswerCard {
    let result: SearchResult
    let style: Style
    let explain: Bool

    func render() -> String {
        var lines: [String] = []
        if let emergency = result.emergency {
            // Before anything else: the notice comes first, answers follow below it.
            for line in emergency.description.split(separator: "\n") { lines.append(style.red(String(line))) }
            lines.append("")
        }
        if explain { lines.append(contentsOf: explanation()); lines.append("") }
        lines.append(style.bold("Q: ") + result.question.original.trimmed(maximum: 300))
        let corrections = result.corrections
        if !corrections.isEmpty {
            // Said up front: a correction can be wrong (a name the index lacks taken for a word it holds).
            lines.append(style.dim("Searched for " + corrections.map { "\"\($0.searched)\" (you typed \"\($0.typed)\")" }
                .joined(separator: ", ") + "."))
        }
        let abbreviations = result.abbreviations
        if !abbreviations.isEmpty {
            // Said too: a short form can stand for something else than the articles' sense.
            lines.append(style.dim("Also searched " + abbreviations.map { item in
                "\"\(item.short)\" as " + item.long.map { "\"\($0)\"" }.joined(separator: " or ")
            }.joined(separator: ", ") + " (as the articles define it)."))
        }
        lines.append("")
        if result.answers.isEmpty {
            lines.append("No good answer found in this index: \(result.noAnswerReason ?? "nothing matched").")
            for mention in result.mentionedIn {
                lines.append("Mentioned only in passing in \"\(mention.heading)\" (\(mention.articleTitle); medsearch show \(mention.articleID)).")
            }
            lines.append("Try other words, or ask a doctor or pharmacist.")
        }
        for (number, answer) in result.answers.enumerated() {
            lines.append(style.bold("\(number + 1). \(answer.heading)"))
            for sentence in answer.sentences { lines.append("   " + sentence) }
            var source = "   — \(answer.articleTitle) · \(answer.heading) · \(answer.published.isEmpty ? "undated" : answer.published)"
            if let url = answer.url { source += " · \(url)" }
            lines.append(style.dim(source))
            lines.append(style.dim("   article: \(answer.articleID)   passage: \(answer.passageID)"))
            for (index, reference) in answer.references.prefix(3).enumerated() {
                lines.append(style.dim("   [\(index + 1)] \(reference.formatted)"))
            }
            if explain {
                let parts = answer.scoreParts
                lines.append(style.yellow(String(format: "   score %.3f = bm25 %.3f × (1 + type %.2f) × (1 + heading %.2f) × (0.5 + 0.5 × coverage %.2f)",
                                                 answer.score, parts.bm25, parts.typeBoost, parts.headingSimilarity, parts.coverage)))
                lines.append(style.yellow("   snippet: \(answer.snippet)"))
            }
            lines.append("")
        }
        lines.append(style.dim(notMedicalAdvice))
        return lines.joined(separator: "\n")
    }

    private func explanation() -> [String] {
        var lines = [style.cyan("question type: \(result.question.type.rawValue)")]
        for term in result.terms {
            var line = "term \(term.group.description) df=\(term.documentFrequency) weight=\(String(format: "%.2f", term.weight))"
            if let from = term.correctedFrom { line += " (corrected from \"\(from)\")" }
            if !term.informative { line += " (common)" }
            if term.group.isTypeCue { line += " (type cue)" } else if term.isGeneric { line += " (generic)" }
            lines.append(style.cyan(line))
        }
        if !result.narrowed.isEmpty {
            let terms = result.narrowed.map { "\($0.term) \($0.postings) → \($0.topicPostings)" }.joined(separator: ", ")
            lines.append(style.cyan("over the posting budget, read in titles, headings and keywords only: \(terms) postings"))
        }
        for stage in result.stages { lines.append(style.cyan("MATCH \(stage.match)  → \(stage.rows) rows")) }
        return lines
    }
}

extension String {
    /// At most `maximum` characters, with an ellipsis when cut; newlines folded.
    func trimmed(maximum: Int) -> String {
        let flat = split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > maximum ? String(flat.prefix(maximum)) + "…" : flat
    }
}
