import Foundation
import Testing
@testable import MedSearch

/// Over the posting budget, a question's commonest terms read only the passages that hold
/// them in a title, heading or keywords (`PostingBudget`, `topic_postings`).
@Suite struct PostingBudgetTests {
    @Test func theCostliestGroupsAreNarrowedUntilTheTotalFits() {
        // Within budget, or no budget: nothing narrowed.
        #expect(PostingBudget.narrowed(full: [10, 20], topic: [1, 2], budget: 30).isEmpty)
        #expect(PostingBudget.narrowed(full: [10, 20], topic: [1, 2], budget: 0).isEmpty)
        // 20 goes first (→ 2: total 22), then 15 (→ 3: total 10); with 25 the first was enough.
        #expect(PostingBudget.narrowed(full: [5, 20, 15], topic: [5, 2, 3], budget: 20) == [1, 2])
        #expect(PostingBudget.narrowed(full: [5, 20, 15], topic: [5, 2, 3], budget: 25) == [1])
        // A group with no narrower list is passed over; of equal costs the later goes first.
        #expect(PostingBudget.narrowed(full: [50, 30, 30], topic: [50, 10, 10], budget: 90) == [2])
        // Nothing narrower left: the total stays over budget rather than losing a term.
        #expect(PostingBudget.narrowed(full: [50, 40], topic: [50, 40], budget: 10).isEmpty)
    }

    /// 31 passages hold "common" in the body, four of them in the title too; one holds "rare".
    static func index(partSize: Int = SearchTablesBuilder.partSize) throws -> String {
        let folder = TestPaths.temporaryFolder()
        var lines = (0..<30).map { number in
            "{\"_id\": \"p\(number)\", \"title\": \"\(number < 4 ? "Common note" : "Note") \(number)\", \"text\": \"Some common words about item \(number).\"}"
        }
        lines.append("{\"_id\": \"r\", \"title\": \"Another topic\", \"text\": \"A rare word and a common one.\"}")
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/notes.jsonl", atomically: true, encoding: .utf8)
        let path = folder + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: path, from: [folder])
        // Topic lists for lists of ten passages or more (the shipped minimum needs thousands).
        let database = try Database(path: path, mode: .readWrite)
        try database.transaction { _ = try SearchTablesBuilder.rebuild(database, topicListMinimum: 10, partSize: partSize) }
        return path
    }

    @Test func longListsGetTopicListsOfThePassagesAboutTheTerm() throws {
        let database = try Database(path: try Self.index(), mode: .readOnly)
        let counts = try database.prepare("SELECT term, documents, topic_documents FROM postings WHERE term IN ('common', 'rare') AND part = 0 ORDER BY term")
            .rows { "\($0.text(0)) \($0.int(1)) \($0.int(2))" }
        #expect(counts == ["common 31 4", "rare 1 1"])
        let topic = try database.prepare("SELECT term, entries FROM topic_postings").rows { ($0.text(0), PostingList(bytes: $0.blob(1)).entries()) }
        #expect(topic.map(\.0) == ["common"])
        #expect(topic.first?.1.count == 4)
        #expect(topic.first?.1.allSatisfy { $0.counts[0] > 0 && $0.counts[2] > 0 } == true)
    }

    /// Lists stored in parts of two passages rank and narrow as whole lists do.
    @Test func listsInPartsReadBackWhole() throws {
        let parted = try Database(path: try Self.index(partSize: 2), mode: .readOnly)
        #expect(try parted.prepare("SELECT count(*) FROM postings WHERE term = 'common'").rows { $0.int(0) } == [16])
        #expect(try parted.prepare("SELECT count(*) FROM topic_postings WHERE term = 'common'").rows { $0.int(0) } == [2])
        for budget in [0, 10] {
            var weights = RankingWeights.standard
            weights.postingBudget = budget
            let answers = try [Self.index(), Self.index(partSize: 2)].map { path in
                try SearchEngine(path: path, weights: weights).answers(to: "common rare", limit: 50, declineWeak: false, detail: .ranking)
                    .answers.map { "\($0.passageID) \($0.score)" }
            }
            #expect(answers[0] == answers[1])
            #expect(answers[0].count == (budget == 0 ? 31 : 5))
        }
    }

    /// `check` notices a list that lost its first part (its lengths) or a topic list of a term
    /// whose list says it has none; the engine still answers from what is left.
    @Test func brokenPartsAreFoundByTheCheck() throws {
        let healthy = try Self.index(partSize: 2)
        #expect(IndexChecker.check(path: healthy).isHealthy)
        for damage in 0..<2 {
            let path = try Self.index(partSize: 2)
            let database = try Database(path: path, mode: .readWrite)
            if damage == 0 {
                try database.execute("DELETE FROM postings WHERE term = 'common' AND part = 0")
            } else {
                try database.execute("INSERT INTO topic_postings(term, part, entries) VALUES('rare', 0, x'0201')")
            }
            let report = IndexChecker.check(path: path)
            #expect(!report.isHealthy, "\(damage): \(report.findings)")
            let result = try SearchEngine(path: path).answers(to: "common rare", limit: 5, declineWeak: false)
            #expect(SearchInvariants.violations(of: result, limit: 5).isEmpty)
        }
    }

    @Test func aQuestionOverBudgetReadsItsCommonestTermNarrowed() throws {
        let path = try Self.index()
        func ask(budget: Int) throws -> SearchResult {
            var weights = RankingWeights.standard
            weights.postingBudget = budget
            return try SearchEngine(path: path, weights: weights)
                .answers(to: "common rare", limit: 50, declineWeak: false, detail: .ranking)
        }
        let whole = try ask(budget: 0)
        #expect(whole.narrowed.isEmpty)
        #expect(whole.answers.count == 31)

        let narrowed = try ask(budget: 10)
        #expect(narrowed.narrowed.map { "\($0.term) \($0.postings) \($0.topicPostings)" } == ["common 31 4"])
        // The four titled passages and the rare one; "common" weighs as its whole list says.
        #expect(Set(narrowed.answers.map(\.articleID)).count == 5)
        #expect(narrowed.terms.first { $0.group.surface == ["common"] }?.documentFrequency == 31)
        #expect(narrowed.terms.map(\.weight) == whole.terms.map(\.weight))
        #expect(narrowed.answers.first?.passageID == whole.answers.first?.passageID)
    }
}
