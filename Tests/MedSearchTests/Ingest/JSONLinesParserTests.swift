import Foundation
import Testing
@testable import MedSearch

@Suite struct JSONLinesParserTests {
    static func parse(_ fixture: String) throws -> ParsedFile {
        let path = TestPaths.fixture("jsonl/" + fixture)
        return try ArticleFileParser().parse(bytes: InputFiles.read(path), path: fixture)
    }

    @Test func eachLineIsAnArticleWithOnePassage() throws {
        let parsed = try Self.parse("passages.jsonl")
        #expect(parsed.entryErrors.isEmpty, "\(parsed.entryErrors)")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        #expect(parsed.articles.map(\.id) == ["hf-1", "42", "hf-3"])
        #expect(parsed.articleLines == ["hf-1": 1, "42": 2, "hf-3": 4])
        let first = parsed.articles[0]
        #expect(first.title == "Hay fever and pollen")
        #expect(first.url == "https://example.org/hay-fever")
        #expect(first.published == "2025-04-01")
        #expect(first.source == "passages.jsonl")
        #expect(first.sections.map(\.text) == ["Hay fever is an allergy to pollen from grass, trees or weeds.\nIt makes the nose run and the eyes itch."])
        // The passage id is the record's _id, so BEIR judgements name it directly.
        #expect(parsed.articles.flatMap { $0.passages().map(\.id) } == ["hf-1", "42", "hf-3"])
        // No title: the start of the text stands in, cut at a word.
        #expect(parsed.articles[1].title == "Washing hands with soap for twenty seconds removes most of the germs that spread…")
        #expect(parsed.articles[2].published == "2025-04-01")
    }

    @Test func badLinesAreReportedAndTheOthersKept() throws {
        let parsed = try Self.parse("mixed.jsonl")
        #expect(parsed.articles.map(\.id) == ["m-1", "m-6", "m-9"])
        let expected = [
            "mixed.jsonl:2: error: not valid JSON",
            "mixed.jsonl:3: error: expected a JSON object such as {\"_id\": …, \"title\": …, \"text\": …}, found an array",
            "mixed.jsonl:4: error: record has no \"_id\"",
            "mixed.jsonl:5: error: record 'm-5' has no \"text\" (or it is empty)",
            "mixed.jsonl:7: error: duplicate _id 'm-1': already on line 1",
            "mixed.jsonl:8: error: \"_id\" must be a string or an integer, found a boolean",
        ]
        #expect(parsed.entryErrors.count == expected.count, "\(parsed.entryErrors)")
        for (diagnostic, prefix) in zip(parsed.entryErrors, expected) {
            #expect(diagnostic.description.hasPrefix(prefix), "expected \(prefix), got \(diagnostic)")
        }
        #expect(parsed.warnings.map(\.description) == ["mixed.jsonl:9: warning: \"published\" 'yesterday' is not a date YYYY-MM-DD; ignored"])
    }

    @Test func aFileOfBlankLinesIsAnError() {
        #expect(throws: IngestDiagnostic(path: "blank.jsonl", line: 1, message: "no records: the file holds only blank lines")) {
            try JSONLinesParser().parse("\n   \n\n", path: "blank.jsonl")
        }
    }
}
