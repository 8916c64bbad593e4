import Foundation
import Testing
@testable import MedSearch

/// "Does X cause Y" asks what X causes: X's symptoms or side effects answer it, not the
/// section on what causes X; "can Y cause X" still asks for X's causes.
@Suite struct CauseDirectionTests {
    static let index: String = {
        let folder = TestPaths.temporaryFolder()
        for name in ["fx-gout.md", "fx-heartburn.md", "fx-kidney-stones.md", "fx-sinusitis.md"] {
            try? FileManager.default.copyItem(atPath: TestPaths.fixture("ranking/" + name), toPath: folder + "/" + name)
        }
        try? """
            ---
            id: appendicitis
            title: "What Is Appendicitis?"
            published: 2025-02-01
            summary: Appendicitis is an inflamed appendix and usually needs surgery.
            tags: [appendicitis]
            related: []
            ---

            ## What causes appendicitis?

            A blockage inside the appendix, often by hard stool or swollen lymph tissue after an infection, lets bacteria multiply.

            ## What are the symptoms of appendicitis?

            Pain that starts near the navel and moves to the lower right belly, loss of appetite, nausea and often a low fever, though fever can be absent early on.

            ## References

            - Bhangu A, Søreide K, Di Saverio S, et al. (2015). Acute appendicitis: modern understanding of pathogenesis, diagnosis, and management. Lancet, 386(10000), 1278-1287.
            """.write(toFile: folder + "/appendicitis.md", atomically: true, encoding: .utf8)
        let path = folder + "/index.sqlite"
        _ = try? IndexWriter.rebuild(at: path, from: [folder])
        return path
    }()

    @Test(arguments: [
        ("does appendicitis always cause fever", "appendicitis#2"),
        ("can an infection cause appendicitis", "appendicitis#1"),
    ])
    func theFocusBeforeCauseAsksWhatItCauses(question: String, expected: String) throws {
        let result = try SearchEngine(path: Self.index).answers(to: question, limit: 3, declineWeak: false)
        #expect(result.answers.first?.passageID == expected, "\(question): \(result.answers.map(\.passageID))")
    }

    @Test func theTermsBeforeCauseAreMarked() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "does appendicitis always cause fever", limit: 1, declineWeak: false)
        let terms = result.terms.map { $0.group.surface.joined(separator: " ") }
        let before = CandidateScorer.termsBeforeCause(result.terms[...])
        let cause = try #require(terms.firstIndex(of: "cause"))
        #expect(before == (1 << UInt64(cause)) - 1, "\(terms)")
        #expect(CandidateScorer.termsBeforeCause(result.terms[cause...]) == 0)
    }
}
