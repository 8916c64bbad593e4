import Foundation
import Testing
@testable import MedSearch

@Suite struct MetricsTests {
    /// q1: grades a=4, b=3, c=1; run [c, b, x]. q2 judged but not answered.
    @Test func liveQAProtocolOnAHandComputedCase() {
        let qrels = Qrels(grades: ["TQ1": ["a": 4, "b": 3, "c": 1], "TQ2": ["d": 4]], scale: .liveQA)
        let scores = Metrics.liveQA(run: ["TQ1": ["c", "b", "x"]], qrels: qrels)
        #expect(scores.questions == 2)
        #expect(scores.avgScore == 0)          // first answer grade 1 → 0 points; q2 → 0
        #expect(scores.succ2 == 0)
        #expect(scores.mrr10 == 0.25)          // (1/2 + 0) / 2
        #expect(scores.map10 == 0.125)         // q1: (1/2) / min(2, 10) = 0.25; q2: 0
        // q1: DCG = 3/log2(3); ideal = 7 + 3/log2(3); q2: 0.
        let expected = (3 / log2(3.0)) / (7 + 3 / log2(3.0)) / 2
        #expect(abs(scores.ndcg10 - expected) < 1e-12)
        #expect(abs(scores.judged10 - 2.0 / 3.0) < 1e-12)
    }

    @Test func liveQAPerfectRunScoresTheMaximum() {
        let qrels = Qrels(grades: ["TQ1": ["a": 4, "b": 2]], scale: .liveQA)
        let scores = Metrics.liveQA(run: ["TQ1": ["a", "b"]], qrels: qrels)
        #expect(scores.avgScore == 3)
        #expect(scores.succ4 == 1)
        #expect(scores.ndcg10 == 1)
        #expect(scores.mrr10 == 1)
    }

    @Test func corpusMetrics() {
        let qrels = Qrels(grades: ["C1": ["x#2": 3, "x#1": 2], "C2": ["y#1": 3]], scale: .trec)
        let run = ["C1": ["x#5", "x#1"], "C2": [String](), "C3": [String]()]
        let scores = Metrics.corpus(run: run, qrels: qrels, questionIDs: ["C1", "C2", "C3"])
        #expect(scores.answerable == 2)
        #expect(scores.unanswerable == 1)
        #expect(scores.top1Article == 0.5)     // C1's first answer is in article x
        #expect(scores.top1Section == 0)       // x#5 is not judged
        #expect(scores.mrr10 == 0.25)          // C1: 1/2, C2 declined
        #expect(scores.declinedUnanswerable == 1)
        #expect(scores.declinedAnswerable == 0.5)
    }

    @Test func qrelsReadsBothFormats() throws {
        let folder = TestPaths.temporaryFolder()
        try "13 4-Excellent NHLBI_0000051_Sec6.txt\n13 1-Incorrect X_1_Sec1.txt\n".write(toFile: folder + "/live.txt", atomically: true, encoding: .utf8)
        try "C1 0 asthma#3 3\n\nC1 0 asthma#1 1\n".write(toFile: folder + "/trec.txt", atomically: true, encoding: .utf8)
        let live = try Qrels.load(path: folder + "/live.txt")
        #expect(live.scale == .liveQA)
        #expect(live.grades["TQ13"] == ["NHLBI_0000051_Sec6": 4, "X_1_Sec1": 1])
        let trec = try Qrels.load(path: folder + "/trec.txt")
        #expect(trec.scale == .trec)
        #expect(trec.grades["C1"] == ["asthma#3": 3, "asthma#1": 1])
    }
}
