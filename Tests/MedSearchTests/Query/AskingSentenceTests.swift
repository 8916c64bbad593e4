import Testing
@testable import MedSearch

/// In a message of several sentences, the one that asks (ends in "?") gives the type; the
/// story around it ("keeps asking if it's the same as…", "I was diagnosed with…") does not.
@Suite struct AskingSentenceTests {
    let analyzer = QuestionAnalyzer()

    @Test func theAskingSentenceDecides() {
        let message = "My uncle gets BCG every week. He keeps asking if it's the same as the TB shot. What side effects should he watch for?"
        #expect(analyzer.analyze(message).type == .sideEffects)
        // The story alone reads as a comparison: the rule is what changed the answer.
        #expect(QuestionClassifier.classify(message.replacingOccurrences(of: "?", with: ".")) == .comparison)
    }

    @Test func theWholeMessageDecidesWhenTheAskingSentenceNamesNoType() {
        #expect(analyzer.analyze("I was diagnosed with UC last year. Will it wreck me?").type == .diagnosis)
    }

    @Test func oneSentenceOrNoQuestionMarkIsClassifiedWhole() {
        #expect(QuestionAnalyzer.askingSentences("is it the same as a cure? ") == nil)
        #expect(QuestionAnalyzer.askingSentences("My dad smoked. He has AMD. Could smoke cause it.") == nil)
        #expect(QuestionAnalyzer.askingSentences("I have hives. Is it an allergy? What helps?") == "Is it an allergy? What helps?")
        #expect(QuestionAnalyzer.askingSentences("") == nil)
        #expect(QuestionAnalyzer.askingSentences("??? ... !!") == nil)
    }
}
