import Testing
@testable import MedSearch

/// The articles are about people: a question about an animal's health is declined with that
/// reason; an animal in the asker's life is not what is asked about.
@Suite struct AnimalQuestionTests {
    @Test(arguments: [
        ("can dogs get hay fever? my lab sneezes every spring", true),
        ("how much benadryl can i give my dog", true),
        ("best food for an older cat with kidney problems", true),
        ("my dog has itchy skin, is it eczema", true),
        ("what can i give my cat for a cold", true),
        ("allergy shots for grass and cat", false),
        ("am i allergic to my dog", false),
        ("cat dander and asthma", false),
        ("do i need a rabies shot after a dog bite", false),
        ("she lives alone and has two dogs at home, how soon can she drive after car t", false),
        ("his dog needs walking every day after knee surgery", false),
    ])
    func recognisesAQuestionAboutAnAnimal(question: String, expected: Bool) {
        #expect(AnimalQuestion.matches(words: TextTokenizer.words(question)) == expected, "\(question)")
    }

    @Test func anAnimalsHealthQuestionIsDeclinedWithTheReason() throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: "can dogs get hay fever", limit: 3)
        #expect(result.answers.isEmpty)
        #expect(result.noAnswerReason == SearchEngine.animalReason)
        let person = try SearchEngine(path: AbsentWordTests.index).answers(to: "can my dog give me hay fever", limit: 3)
        #expect(person.answers.first?.articleID == "hay-fever", "\(person.noAnswerReason ?? "")")
    }
}
