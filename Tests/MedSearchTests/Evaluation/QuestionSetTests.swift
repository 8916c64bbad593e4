import Foundation
import Testing
@testable import MedSearch

@Suite struct QuestionSetTests {
    /// A made-up file in LiveQA's layout: each form of a question is read from its element.
    static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Questions>
      <NLM-QUESTION qid="TQ7">
        <Original-Question qfile="7.txt">
          <SUBJECT>knee</SUBJECT>
          <MESSAGE>my knee hurts when i climb stairs &amp; kneel</MESSAGE>
        </Original-Question>
        <NIST-PARAPHRASE>Why does my knee hurt on stairs?</NIST-PARAPHRASE>
        <NLM-Summary>What causes knee pain when climbing stairs?</NLM-Summary>
      </NLM-QUESTION>
      <NLM-QUESTION qid="TQ9">
        <Original-Question><MESSAGE>no subject here</MESSAGE></Original-Question>
        <NIST-PARAPHRASE/>
        <NLM-Summary>Short form?</NLM-Summary>
      </NLM-QUESTION>
    </Questions>
    """

    @Test(arguments: [
        (QuestionField.message, ["knee my knee hurts when i climb stairs & kneel", "no subject here"]),
        (.summary, ["What causes knee pain when climbing stairs?", "Short form?"]),
        (.paraphrase, ["Why does my knee hurt on stairs?", ""]),
    ])
    func readsEachFormOfALiveQAQuestion(field: QuestionField, expected: [String]) throws {
        let path = TestPaths.temporaryFolder() + "/questions.xml"
        try Self.xml.write(toFile: path, atomically: true, encoding: .utf8)
        let questions = try QuestionSet.load(path: path, field: field)
        #expect(questions.map(\.id) == ["TQ7", "TQ9"])
        #expect(questions.map(\.text) == expected)
    }

    @Test func aTSVLineWithoutATabSaysWhere() throws {
        let path = TestPaths.temporaryFolder() + "/questions.tsv"
        try "qid\tquestion\nQ1\tis it catching\nQ2 no tab here\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: IngestDiagnostic.self) { try QuestionSet.load(path: path, field: .message) }
        do {
            _ = try QuestionSet.load(path: path, field: .message)
        } catch let diagnostic as IngestDiagnostic {
            #expect(diagnostic.description.contains("questions.tsv:3"), "\(diagnostic)")
        }
    }
}
