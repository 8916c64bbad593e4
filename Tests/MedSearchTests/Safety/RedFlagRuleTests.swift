import XCTest
@testable import MedSearch

/// One table of lay wordings per rule; together they must exercise every pattern
/// of the rule book (``testEveryPatternIsExercised``).
final class RedFlagRuleTests: XCTestCase {
    static let examples: [EmergencyKind: [String]] = [
        .heartAttack: [
            "I think I'm having a heart attack",
            "my dad is having a cardiac arrest i think",
            "crushing feeling in my chest",
            "my chest feels like it is being squeezed",
            "chest pain going down my left arm",
            "my chest really hurts",
            "there is pressure in the middle of my chest",
            "he is clutching his chest and sweating",
            "my chesst hurts",
            "bad chest presure right now",
        ],
        .stroke: [
            "I think my mom is having a stroke",
            "worst headache of my life",
            "i have a thunderclap headache",
            "my husband's face is drooping",
            "her smile is crooked",
            "there is a droop on one side of his face",
            "my face is numb on one side",
            "his speech is slurred",
            "she is slurring her words",
            "my words are coming out all wrong",
            "my dad cant talk properly",
            "my wife can't find the right words",
            "his right hand won't work",
            "I can't lift my left arm",
            "my arm feels weak and heavy",
            "weakness on the left side of my body",
            "I lost vision in my right eye",
            "I suddenly went blind in one eye",
            "suddenly I have double vision",
            "my vision went black",
            "suddenly a terrible headache, i'm vomiting",
            "my headache came on suddenly like a thunderbolt",
            "suddenly i lost my balance and cant stand",
        ],
        .anaphylaxis: [
            "my son is having an anaphylactic reaction",
            "I think I'm going into anaphylaxis",
            "she is in anaphylactic shock",
            "my throat is closing up",
            "ate shrimp and my throat feels tight",
            "my lips are swelling after eating peanuts",
            "bee sting and now my swollen tongue",
            "allergic to penicillin and now it's hard to breathe",
            "i ate nuts and i cant breathe",
            "my daughter is wheezing after a wasp sting",
            "I just used my epipen",
        ],
        .breathing: [
            "my baby's ribs are sucking in with each breath",
            "I can't breathe",
            "my son is having trouble breathing",
            "my breathing is very difficult",
            "I'm so short of breath",
            "shortness of breath is awful, I'm scared",
            "I feel breathless sitting still",
            "my mom can't catch her breath",
            "he is gasping for air",
            "I'm not breathing properly",
            "my lips are blue",
            "my son has blue lips",
            "my son is choking on food",
            "my inhaler isn't helping",
            "her inhaler does nothing and she is wheezing",
            "I can't finish a sentence without stopping to breathe",
            "my baby is breathing really fast",
            "i'm having an asthma attack",
            "i can't talk because of my asthma",
            "my baby is grunting",
            "her nostrils are flaring",
            "my toddler has flaring nostrils",
        ],
        .bleeding: [
            "blood is gushing from my arm",
            "my leg has blood spurting out",
            "my hand is spurting blood",
            "there's blood everywhere, my son fell through a window",
            "my dad is lying in a pool of blood",
            "my cut won't stop bleeding",
            "I can't stop the bleeding",
            "my mom is vomiting blood",
            "i'm throwing up blood",
            "I'm bleeding heavily after giving birth",
            "my wife is bleeding a lot",
            "I'm bleeding so much",
            "heavy bleeding, I'm pregnant",
            "I've lost a lot of blood",
            "there are lots of blood in my vomit",
            "my son has lost too much blood",
            "I've soaked through two pads in an hour",
        ],
        .seizure: [
            "my son is seizing",
            "my husband is shaking and not responding",
            "she is foaming at the mouth",
            "my daughter is having a seizure",
            "he is in the middle of a seizure",
            "my wife's seizure won't stop",
            "my son's seizure has lasted 5 minutes",
            "my baby just had a seizure",
            "my dad had a seizure 10 minutes ago",
            "her eyes are rolling back",
            "my son is having a siezure",
        ],
        .unresponsive: [
            "my husband is not breathing",
            "my dad has no pulse",
            "i can't wake my mother",
            "my son is not responding",
            "my wife is unconscious",
            "my friend just passed out",
            "my dad just collapsed",
            "my brother just blacked out",
            "my grandma just fainted and is pale",
        ],
        .poisoning: [
            "my toddler swallowed a button battery",
            "my son drank lamp oil",
            "my friend overdosed",
            "my daughter took an overdose",
            "my husband took a whole bottle of pills",
            "my son took too many of his pills",
            "my toddler ate a handful of my vitamins",
            "my son got into the medicine cabinet",
        ],
        .infantFever: [
            "my 6 week old has a fever",
            "my 2 month old feels hot",
            "my newborn is burning up",
            "my 3 week old's temperature is 38.2",
            "my 7 week old's thermometer reading is 100.6",
            "my 5 week old's rectal reading is 38.4 c",
            "my 4 week old measured rectally at 100.9",
            "my 2 month old feels warm",
        ],
        .meningitis: [
            "my son has a rash that doesn't fade",
            "my daughter has a non blanching rash",
            "i did the glass test on my baby's rash",
            "my son's rash shows through the glass test",
            "my son has a stiff neck and a fever",
            "my neck is really stiff and I have a high temperature",
        ],
        .confusion: [
            "my mom is suddenly confused",
            "my dad is confused all of a sudden",
            "my grandpa is very confused",
            "my wife doesn't recognize me",
            "my husband doesn't know me",
            "my mother doesn't know where she is",
            "my dad isn't making any sense",
            "my grandmother is talking nonsense",
        ],
        .suicide: [
            "I want to kill myself",
            "i want to kill my self",
            "i just want to kms",
            "I want to die",
            "my family would be better off if I were dead",
            "everyone would be better off without me",
            "I'm going to end my life",
            "thinking about ending it all",
            "he is thinking of taking his own life",
            "I feel suicidal",
            "I've been thinking about suicide",
            "I wrote a suicide note",
            "I'm planning to overdose",
            "I want to hurt myself",
            "I've been cutting myself",
            "i keep self harming",
            "I don't want to live anymore",
            "I have no reason to live",
            "I have nothing to live for",
            "I don't want to be here",
            "I want to end it all tonight",
            "my son said he wants to end it and he has a gun",
        ],
    ]

    func testEachRuleFiresOnItsExamples() {
        for (kind, questions) in Self.examples {
            for question in questions { RedFlagTestSupport.assertFires(question, kind) }
        }
    }

    func testEveryKindHasARuleAndExamples() {
        let ruled = Set(RedFlagRuleBook.rules.map(\.kind))
        for kind in EmergencyKind.allCases {
            XCTAssertTrue(ruled.contains(kind), "no rule for \(kind)")
            XCTAssertFalse(Self.examples[kind, default: []].isEmpty, "no examples for \(kind)")
        }
    }

    /// Every pattern of the rule book is accepted on at least one example.
    func testEveryPatternIsExercised() {
        var exercised = Set<String>()
        for questions in Self.examples.values {
            for question in questions {
                let (_, candidates) = RedFlagEngine.shared.evaluate(question, explaining: true)
                for candidate in candidates where candidate.verdict == .accepted {
                    exercised.insert(candidate.kind.rawValue + " " + candidate.pattern)
                }
            }
        }
        for rule in RedFlagRuleBook.rules {
            for pattern in rule.strong + rule.acute {
                XCTAssertTrue(exercised.contains(rule.kind.rawValue + " " + pattern),
                              "pattern \"\(pattern)\" of \(rule.kind) has no accepted example")
            }
        }
    }

    func testRuleBookCompilesCleanlyAndCitesSources() {
        XCTAssertEqual(RedFlagEngine.shared.problems, [])
        for rule in RedFlagRuleBook.rules {
            XCTAssertTrue(rule.source.contains("."), "\(rule.kind) cites no site: \(rule.source)")
            XCTAssertFalse(rule.strong.isEmpty && rule.acute.isEmpty, "\(rule.kind) has no patterns")
        }
        XCTAssertEqual(Set(RedFlagRuleBook.rules.map(\.kind)).count, RedFlagRuleBook.rules.count, "one rule per kind")
        XCTAssertFalse(RedFlagDetector.ruleSetVersion.isEmpty)
    }

    func testLexiconWordsAreNormalisedTokens() {
        for (name, words) in RedFlagLexicon.classes {
            for word in words {
                XCTAssertEqual(RedFlagNormalizer.tokenize(word).map(\.text), [word], "class \(name): \"\(word)\"")
            }
        }
    }

    func testPriorityPrefersTheMoreSpecificKind() {
        RedFlagTestSupport.assertFires("ate peanuts, my throat is swelling and I can't breathe", .anaphylaxis)
        RedFlagTestSupport.assertFires("my son has a stiff neck, a fever and is very confused", .meningitis)
        RedFlagTestSupport.assertFires("my wife is shaking all over and not responding", .seizure)
        RedFlagTestSupport.assertFires("I took all my pills because I want to die", .suicide)
    }
}
