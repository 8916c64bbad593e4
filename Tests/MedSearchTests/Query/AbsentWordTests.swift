import Testing
@testable import MedSearch

/// Words the index lacks: in a short question they are its topic (decline rather than answer
/// without them); in a long one they are mostly everyday words the shipped Corpus never uses
/// (`RankingWeights.shortQuestionTopicWords`).
@Suite struct AbsentWordTests {
    static let index = TestPaths.freshIndex()

    /// The first answer's article and passage for `question`, and what to print when a test
    /// fails (the decline reason and the passages found).
    static func first(_ question: String) throws -> (article: String?, passage: String?, found: String) {
        let result = try SearchEngine(path: index).answers(to: question, limit: 3)
        return (result.answers.first?.articleID, result.answers.first?.passageID,
                "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
    }

    static let longQuestion = "took ibuprofen for my migraine on tuesday and the headache came back worse"

    @Test func aLongQuestionIsAnsweredDespiteAnEverydayWordTheIndexLacks() throws {
        let result = try SearchEngine(path: Self.index).answers(to: Self.longQuestion, limit: 3)
        #expect(result.answers.first?.articleID == "migraine", "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
        let absent = try #require(result.terms.first { $0.documentFrequency == 0 && !$0.isGeneric })
        let heaviest = result.terms.filter { $0.documentFrequency > 0 && !$0.isGeneric }.map(\.weight).max()
        #expect(absent.weight == heaviest)

        var uncapped = RankingWeights.standard
        uncapped.shortQuestionTopicWords = 1000
        uncapped.minimumCoverageManyWords = uncapped.minimumCoverage
        #expect(try SearchEngine(path: Self.index, weights: uncapped).answers(to: Self.longQuestion, limit: 3).answers.isEmpty)
    }

    /// "overview", "details", "basics" ask for the kind of answer, like "side effects": a
    /// question is not declined because no passage is "about" them.
    @Test(arguments: [("lupus overview", "lupus#1"), ("details on cytokine release syndrome", "cytokine-release-syndrome#1"),
                      ("basics of allergy shots", "allergy-shots#1"), ("learn about celiac disease", "celiac-disease#1")])
    func aRequestForAnOverviewIsAnsweredWithTheDefinition(question: String, expected: String) throws {
        let result = try SearchEngine(path: Self.index).answers(to: question, limit: 3)
        #expect(result.answers.first?.passageID == expected, "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
        #expect(result.question.type == .definition)
    }

    /// A declined question whose words one passage mentions in passing points to it.
    @Test func aDeclinedQuestionNamesThePassageThatMentionsItInPassing() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "what is the best treatment for acne", limit: 3)
        #expect(result.answers.isEmpty)
        #expect(result.mentionedIn.map(\.passageID).contains("monoclonal-antibodies#6"), "\(result.mentionedIn)")
        let unknown = try SearchEngine(path: Self.index).answers(to: "gout diet", limit: 3)
        #expect(unknown.answers.isEmpty && unknown.mentionedIn.isEmpty)
    }

    /// A question made only of generic words is about those the index holds: "toddler" (not
    /// in the Corpus) does not decline "my toddler is always sick, is that normal"; ordinals
    /// are generic ("prevent a second stroke").
    @Test(arguments: [("my toddler is always sick is that normal", "recurrent-infections"),
                      ("how do i prevent a second stroke", "stroke-warning-signs")])
    func aGenericWordTheIndexLacksDoesNotDecline(question: String, article: String) throws {
        let first = try Self.first(question)
        #expect(first.article == article, "\(first.found)")
    }

    /// A question of many topic words needs less of their weight covered: some are the asker's
    /// circumstances. One about a topic the Corpus lacks is still declined.
    @Test func aQuestionOfManyWordsNeedsLessCoverage() throws {
        let engine = try SearchEngine(path: Self.index)
        let circumstances = try engine.answers(to: "my blood pressure tablets gave me a dry tickly cough, is that normal", limit: 3)
        #expect(circumstances.answers.first?.articleID == "high-blood-pressure", "\(circumstances.noAnswerReason ?? "")")
        let absent = try engine.answers(to: "my dad was just diagnosed with parkinsons, which medications will they give him and will the shaking stop", limit: 3)
        #expect(absent.answers.isEmpty, "\(absent.answers.map(\.passageID))")
    }

    /// A long message is mostly the asker's story ("goes fishing with his mates every weekend"):
    /// a passage naming its topic needs only `minimumCoverageLongMessage` of the weight to answer.
    @Test func aLongMessageIsAnsweredFromItsMedicalWords() throws {
        let engine = try SearchEngine(path: Self.index)
        let message = "My dad is 66 and has been on Humira for his Crohn's for about a year, he feels great and goes fishing "
            + "with his mates every weekend, but now he has a fever and a cough, should he skip his next shot"
        let story = try engine.answers(to: message, limit: 3)
        #expect(story.answers.first?.articleID == "biologics-inflammatory-bowel-disease", "\(story.noAnswerReason ?? "")")
        var strict = RankingWeights.standard
        strict.longMessageTopicWords = 1000
        let declined = try SearchEngine(path: Self.index, weights: strict).answers(to: message, limit: 3)
        #expect(declined.answers.isEmpty, "\(declined.answers.map(\.passageID))")
    }

    /// Relatives are the asker's circumstances, like "mom" and "dad": "mum" and "grandma" do not
    /// decide which passage covers the question.
    @Test func relativesAreNotTopicWords() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "my grandma has shingles, can my mum catch it from her", limit: 3)
        for word in ["grandma", "mum"] {
            #expect(result.terms.first { $0.group.surface == [word] }?.isGeneric == true, "\(word)")
        }
        #expect(result.answers.first?.articleID == "shingles", "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
    }

    /// So are in-laws, written as one hyphenated phrase: its stop word does not make it a topic.
    @Test func inLawsAreNotTopicWords() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "my mother-in-law says eczema is contagious, is it", limit: 3)
        #expect(result.terms.first { $0.group.surface == ["mother", "in", "law"] }?.isGeneric == true)
        #expect(result.terms.first { $0.group.surface == ["eczema"] }?.isGeneric == false)
        #expect(result.answers.first?.articleID == "eczema", "\(result.answers.map(\.passageID))")
    }

    /// "hasn't" is a stop word like "doesn't"; "my GP" and "my OB" are the asker's doctors.
    @Test func contractionsAndTheAskersDoctorsAreNotTopicWords() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "my GP hasn't said if my son will outgrow his milk allergy", limit: 3)
        #expect(!result.terms.contains { $0.group.surface == ["hasn"] })
        #expect(result.terms.first { $0.group.surface == ["gp"] }?.isGeneric == true)
        #expect(result.answers.first?.articleID == "food-allergy", "\(result.answers.map(\.passageID))")
    }

    /// How strongly the asker says it ("totally", "already") is chatter too.
    @Test func intensifiersAreNotTopicWords() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "my bp is 190/120 and i feel totally fine", limit: 3)
        #expect(result.terms.first { $0.group.surface == ["totally"] }?.isGeneric == true)
        #expect(result.answers.first?.articleID == "high-blood-pressure", "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
    }

    /// Hours and minutes are chatter like days and weeks: they do not decide which passage
    /// covers the question.
    @Test func timeWordsAreNotTopicWords() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "throat swelling at home a few hours after allergy shot", limit: 3)
        #expect(result.answers.first?.articleID == "allergy-shots", "\(result.answers.map(\.passageID))")
        #expect(result.terms.first { $0.group.surface == ["hours"] }?.isGeneric == true)
    }

    /// What the question asked decides whether a term is generic, not its synonym group's other
    /// alternatives: "side effects" searches "adverse events" too and still only names the kind
    /// of answer wanted, so the side effects of vaccines that lack "rsv" no longer come first.
    @Test func aGenericPhraseStaysGenericThroughItsSynonyms() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "rsv vaccine side effects for people over 60", limit: 3)
        let sideEffects = try #require(result.terms.first { $0.group.surface == ["side", "effects"] })
        #expect(sideEffects.group.alternatives.contains(["adverse", "events"]))
        #expect(sideEffects.isGeneric)
        let first = result.answers.first?.heading ?? ""
        #expect(!first.localizedCaseInsensitiveContains("side effects"), "\(result.answers.map(\.passageID))")
    }

    /// A passage that holds every topic word of a question of several answers it, though its
    /// title and heading name none of them.
    /// So does one that lists the drug a question names (erenumab, Aimovig's generic name).
    @Test(arguments: [("scarlet fever", "strep-throat#2"), ("what does a positive ana test mean", "lupus#4"),
                      ("aimovig side effects", "migraine#6")])
    func aPassageHoldingEveryTopicWordAnswers(question: String, expected: String) throws {
        let first = try Self.first(question)
        #expect(first.passage == expected, "\(first.found)")
    }

    @Test func aShortQuestionAboutAWordTheIndexLacksIsDeclined() throws {
        let result = try SearchEngine(path: Self.index).answers(to: "can shingles be cured with lysine", limit: 3)
        #expect(result.answers.isEmpty)
        #expect(result.noAnswerReason?.contains("lysine") == true, "\(result.noAnswerReason ?? "")")
    }
}
