import Testing
@testable import MedSearch

@Suite struct AnswerExtractorTests {
    static let text = "Sometimes, but not usually. Some people have long remission after immunotherapy. Others do not respond.\n• Allergy immunotherapy can last years, e.g. after stopping."

    static func groups(_ words: [String]) -> [WeightedGroup] {
        words.map { WeightedGroup(group: TermGroup(surface: [$0], alternatives: [[$0]]), documentFrequency: 1, weight: 1, informative: true, correctedFrom: nil) }
    }

    @Test func splitsSentencesAndBulletsButNotAbbreviations() {
        #expect(AnswerExtractor.split(Self.text) == [
            "Sometimes, but not usually.", "Some people have long remission after immunotherapy.", "Others do not respond.",
            "• Allergy immunotherapy can last years, e.g. after stopping.",
        ])
    }

    @Test func keepsTheOpeningAnswerWhenTheSectionAnswersTheQuestion() {
        let chosen = AnswerExtractor().sentences(of: Self.text, for: Self.groups(["immunotherapi", "remiss"]), sectionAnswersQuestion: true)
        #expect(chosen.first == "Sometimes, but not usually.")
        #expect(chosen.contains("Some people have long remission after immunotherapy."))
    }

    /// "The most common triggers are:" alone says nothing: one of its items comes with it.
    @Test func aListLeadInIsShownWithAnItem() {
        let text = "The most common triggers are:\n• Foods such as peanut\n• Insect stings\nHeart disease may affect how severe a reaction becomes.\nAsthma raises the risk of a severe reaction."
        let chosen = AnswerExtractor().sentences(of: text, for: Self.groups(["sever", "reaction"]))
        #expect(chosen.first == "The most common triggers are:")
        #expect(chosen.count == 3)
        #expect(chosen[1] == "• Foods such as peanut", "\(chosen)")
        #expect(chosen.contains("Heart disease may affect how severe a reaction becomes."))
        // With an item chosen on its own merit, nothing is added.
        let withItem = AnswerExtractor().sentences(of: text, for: Self.groups(["insect"]))
        #expect(withItem == ["The most common triggers are:", "• Insect stings"], "\(withItem)")
        // Two lead-ins keep both items and stay within the limit.
        let two = "Triggers are:\n• Peanut reaction\nSigns are:\n• Hives reaction\nA severe reaction is an emergency."
        let both = AnswerExtractor().sentences(of: two, for: Self.groups(["trigger", "sign", "sever"]))
        #expect(both.count <= 3)
        #expect(both.contains("Triggers are:") == both.contains("• Peanut reaction"), "\(both)")
        #expect(both.contains("Signs are:") == both.contains("• Hives reaction"), "\(both)")
    }

    @Test func otherwiseChoosesTheSentencesWithTheQuestionsWords() {
        let chosen = AnswerExtractor().sentences(of: Self.text, for: Self.groups(["allergi"]))
        #expect(chosen.contains("• Allergy immunotherapy can last years, e.g. after stopping."))
        #expect(chosen.count <= 3)
    }
}
