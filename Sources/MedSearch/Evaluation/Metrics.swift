import Foundation

/// The scoring protocols of `../shared/data/README.md` (LiveQA-Med × MedQuAD) and of the
/// project's own question sets (`Benchmarks/corpus-questions/README.md`).
public enum Metrics {
    /// LiveQA-Med: grade g (1-4) is worth g−1 points; unjudged answers are worth 0; every judged
    /// question counts, also when the run returned nothing for it.
    public struct LiveQAScores: Sendable, Codable, Equatable {
        public var questions = 0
        public var avgScore = 0.0
        public var succ2 = 0.0
        public var succ3 = 0.0
        public var succ4 = 0.0
        public var mrr10 = 0.0
        public var map10 = 0.0
        public var ndcg10 = 0.0
        public var judged10 = 0.0
    }

    public static func liveQA(run: [String: [String]], qrels: Qrels) -> LiveQAScores {
        var scores = LiveQAScores()
        let judgedQuestions = qrels.grades.keys.sorted()
        scores.questions = judgedQuestions.count
        guard !judgedQuestions.isEmpty else { return scores }
        var judgedReturned = 0, returned = 0
        for qid in judgedQuestions {
            let grades = qrels.grades[qid] ?? [:]
            let ranking = Array((run[qid] ?? []).prefix(10))
            let gradesOfRanking = ranking.map { grades[$0] ?? 0 }
            if let first = gradesOfRanking.first {
                scores.avgScore += Double(max(first - 1, 0))
                if first >= 2 { scores.succ2 += 1 }
                if first >= 3 { scores.succ3 += 1 }
                if first >= 4 { scores.succ4 += 1 }
            }
            if let rank = gradesOfRanking.firstIndex(where: { $0 >= 3 }) { scores.mrr10 += 1 / Double(rank + 1) }
            // MAP@10: precision at each relevant (grade ≥ 3) rank, over min(#relevant, 10).
            let relevantTotal = grades.values.filter { $0 >= 3 }.count
            if relevantTotal > 0 {
                var hits = 0, sum = 0.0
                for (index, grade) in gradesOfRanking.enumerated() where grade >= 3 {
                    hits += 1
                    sum += Double(hits) / Double(index + 1)
                }
                scores.map10 += sum / Double(min(relevantTotal, 10))
            }
            // nDCG@10: gain 2^(g−1) − 1, log2 discount, ideal from every judged answer.
            func gain(_ grade: Int) -> Double { grade > 0 ? Double((1 << (grade - 1)) - 1) : 0 }
            func dcg(_ list: [Int]) -> Double {
                list.enumerated().reduce(0) { $0 + gain($1.element) / log2(Double($1.offset + 2)) }
            }
            let ideal = dcg(Array(grades.values.sorted(by: >).prefix(10)))
            if ideal > 0 { scores.ndcg10 += dcg(gradesOfRanking) / ideal }
            judgedReturned += ranking.filter { grades[$0] != nil }.count
            returned += ranking.count
        }
        let count = Double(judgedQuestions.count)
        scores.avgScore /= count; scores.succ2 /= count; scores.succ3 /= count; scores.succ4 /= count
        scores.mrr10 /= count; scores.map10 /= count; scores.ndcg10 /= count
        scores.judged10 = returned > 0 ? Double(judgedReturned) / Double(returned) : 0
        return scores
    }

    /// The project's question sets: grade 3 = the best section, 2 = also answers, 1 = related.
    public struct CorpusScores: Sendable, Codable, Equatable {
        public var answerable = 0
        public var unanswerable = 0
        /// First answer's article is the article of the grade-3 passage.
        public var top1Article = 0.0
        /// First answer has grade ≥ 2.
        public var top1Section = 0.0
        /// Reciprocal rank of the first answer with grade ≥ 2, over answerable questions.
        public var mrr10 = 0.0
        /// Unanswerable questions for which the engine said it found no good answer.
        public var declinedUnanswerable = 0.0
        /// Answerable questions the engine wrongly declined.
        public var declinedAnswerable = 0.0
    }

    /// `run`: question id → passage ids, best first (empty when the engine declined).
    public static func corpus(run: [String: [String]], qrels: Qrels, questionIDs: [String]) -> CorpusScores {
        var scores = CorpusScores()
        for qid in questionIDs {
            let ranking = Array((run[qid] ?? []).prefix(10))
            guard let grades = qrels.grades[qid], !grades.isEmpty else {
                scores.unanswerable += 1
                if ranking.isEmpty { scores.declinedUnanswerable += 1 }
                continue
            }
            scores.answerable += 1
            if ranking.isEmpty { scores.declinedAnswerable += 1; continue }
            let bestArticles = Set(grades.filter { $0.value == 3 }.keys.map(articleID))
            if bestArticles.contains(articleID(ranking[0])) { scores.top1Article += 1 }
            if (grades[ranking[0]] ?? 0) >= 2 { scores.top1Section += 1 }
            if let rank = ranking.firstIndex(where: { (grades[$0] ?? 0) >= 2 }) { scores.mrr10 += 1 / Double(rank + 1) }
        }
        if scores.answerable > 0 {
            let count = Double(scores.answerable)
            scores.top1Article /= count; scores.top1Section /= count; scores.mrr10 /= count
            scores.declinedAnswerable /= count
        }
        if scores.unanswerable > 0 { scores.declinedUnanswerable /= Double(scores.unanswerable) }
        return scores
    }

    /// `immunotherapy-overview#6` → `immunotherapy-overview`.
    static func articleID(_ passageID: String) -> String {
        passageID.split(separator: "#").first.map(String.init) ?? passageID
    }
}
