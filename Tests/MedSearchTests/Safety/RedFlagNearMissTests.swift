import XCTest
@testable import MedSearch

/// Questions that mention an emergency sign without describing one happening now.
final class RedFlagNearMissTests: XCTestCase {
    /// Questions about a condition in general.
    func testGeneralQuestionsAboutAConditionAreSilent() {
        for question in [
            "what causes chest pain in teenagers",
            "how is a stroke diagnosed",
            "what are the warning signs of a heart attack in women",
            "is shortness of breath a symptom of covid",
            "what is anaphylaxis",
            "how long does a seizure usually last",
            "can dehydration cause confusion in the elderly",
            "why do lips turn blue in the cold",
            "what does suicidal ideation mean",
            "chest pain causes",
            "stroke symptoms",
            "do I need to see a doctor for chest pain?",
            "what is the treatment for vomiting blood",
            "fever in newborns",
        ] {
            RedFlagTestSupport.assertSilent(question)
        }
    }

    /// A question naming nobody and no time: one warning sign is a topic to look up; two
    /// signs, or one strong one, describe someone now — unless it opens as a question.
    func testFragmentsNeedTwoSignsOrAStrongOne() {
        RedFlagTestSupport.assertFires("chest pain and cant breathe", .heartAttack)
        RedFlagTestSupport.assertFires("face drooping on one side and slurred speech", .stroke)
        RedFlagTestSupport.assertFires("blue lips and gasping for air", .breathing)
        RedFlagTestSupport.assertFires("sudden worst headache ever", .stroke)
        for question in [
            "chest pain",
            "slurred speech",
            "fever in a newborn temperature",
            "are chest pain and shortness of breath symptoms of covid",
            "what does face drooping and slurred speech mean",
            "chest pain and shortness of breath when climbing stairs for months",
            "no chest pain and no shortness of breath",
        ] {
            RedFlagTestSupport.assertSilent(question)
        }
    }

    /// Negated signs ("no chest pain") and signs that have stopped.
    func testNegatedSignsAreSilent() {
        for question in [
            "no chest pain, just a cough for two days",
            "I don't have chest pain but my back aches",
            "my chest doesn't hurt, only my shoulder",
            "I'm not short of breath, just tired",
            "my son is not choking, he just coughs a lot",
            "my baby is 5 weeks old with a runny nose and no fever",
            "I'm not suicidal, I just feel low",
            "the bleeding has stopped, should I get stitches",
            "denies chest pain or shortness of breath",
            "without any trouble breathing",
        ] {
            RedFlagTestSupport.assertSilent(question)
        }
    }

    /// A negation does not reach past "but", and pseudo-negations are not negations.
    func testNegationScopeEndsAndPseudoNegations() {
        RedFlagTestSupport.assertFires("no fever but my chest really hurts", .heartAttack)
        RedFlagTestSupport.assertFires("I'm not sure but I think I'm having a stroke", .stroke)
        RedFlagTestSupport.assertFires("I don't know why my chest hurts so much", .heartAttack)
        RedFlagTestSupport.assertFires("no one is home and I can't breathe", .breathing)
        RedFlagTestSupport.assertFires("my husband is not breathing", .unresponsive)
    }

    /// Past events, unless something is happening now again.
    func testPastEventsAreSilentUnlessSomethingIsHappeningNow() {
        RedFlagTestSupport.assertSilent("I had a stroke last year, what diet should I follow")
        RedFlagTestSupport.assertSilent("my dad had a heart attack 5 years ago, can he take viagra")
        RedFlagTestSupport.assertSilent("I had a seizure yesterday for the first time, which doctor should I see")
        RedFlagTestSupport.assertSilent("I used to feel like I couldn't breathe during panic attacks")
        RedFlagTestSupport.assertSilent("my grandpa's speech has been slurred since his stroke 3 years ago")
        RedFlagTestSupport.assertFires("I had a stroke 2 years ago and right now my face is drooping again", .stroke)
        RedFlagTestSupport.assertFires("my son had a seizure 10 minutes ago and is still very sleepy", .seizure)
        RedFlagTestSupport.assertFires("I've had crushing chest pain for 20 minutes", .heartAttack)
    }

    /// Hypothetical and "what should I do if" questions.
    func testHypotheticalQuestionsAreSilent() {
        for question in [
            "what should you do if someone is having a seizure",
            "what to do if my child is choking",
            "how can I lower my risk of having a stroke",
            "I'm scared of having a heart attack because my dad had one",
            "can anxiety cause chest pain",
            "in case my son has an anaphylactic reaction, where do I keep the epipen",
            "what happens if a child swallows a penny",
        ] {
            RedFlagTestSupport.assertSilent(question)
        }
        RedFlagTestSupport.assertFires("not sure if this is serious but my chest really hurts", .heartAttack)
        RedFlagTestSupport.assertFires("I want to ask if my chest pain is a heart attack", .heartAttack)
        RedFlagTestSupport.assertSilent("I just wanted to ask whether chest pain can come from the spine")
    }

    /// Past-tense signs and signs with a named treatment are not a present emergency.
    func testPastTenseAndTreatmentResponses() {
        RedFlagTestSupport.assertSilent("I am on blood thinners and bled a lot after a small cut, is that normal")
        RedFlagTestSupport.assertSilent("my dad has parkinsons and his hands are shaking, he is not responding to levodopa")
        RedFlagTestSupport.assertFires("my dad is shaking and not responding to us", .seizure)
    }

    /// Long-standing or recurring complaints suppress the acute patterns.
    func testChronicAndRecurringComplaintsAreSilent() {
        for question in [
            "i get chest pain on and off for 2 years, ecg was normal",
            "my chest hurts when i cough, i have had a cold for a week",
            "i get short of breath sometimes when i exercise",
            "my mother has dementia and gets confused in the evenings",
            "my left arm has been numb and tingling for 3 weeks",
            "my nose bleeds a lot in winter",
            "heavy bleeding every month during my period",
            "why do i wake up gasping for air sometimes",
            "he gets short of breath playing soccer",
        ] {
            RedFlagTestSupport.assertSilent(question)
        }
        // Strong patterns describe an acute event whatever else is said.
        RedFlagTestSupport.assertFires("I get chest pain sometimes but right now it's crushing", .heartAttack)
        RedFlagTestSupport.assertFires("my son has asthma and his ribs are sucking in with each breath", .breathing)
    }

    /// Benign explanations named in the same sentence.
    func testBenignExplanationsAreSilent() {
        RedFlagTestSupport.assertSilent("why does my face still feel numb hours after the dentist")
        RedFlagTestSupport.assertSilent("I have trouble breathing through my nose because of allergies")
        RedFlagTestSupport.assertSilent("my husband snores and stops breathing at night, is that sleep apnea")
        RedFlagTestSupport.assertSilent("I'm really confused about my test results")
        RedFlagTestSupport.assertSilent("my cancer is not responding to chemo")
        RedFlagTestSupport.assertSilent("my 1 month old's temperature is normal")
        RedFlagTestSupport.assertSilent("my blood pressure is high, I had a chest x-ray last week")
        RedFlagTestSupport.assertSilent("my doctor's explanation isn't making sense to me")
    }

    /// Rules about someone else's state do not fire on the writer describing themselves.
    func testWriterOnlyRulesNeedSomeoneElse() {
        RedFlagTestSupport.assertSilent("I'm so confused")
        RedFlagTestSupport.assertSilent("I can't wake up in the mornings")
        RedFlagTestSupport.assertFires("my son won't wake up", .unresponsive)
        RedFlagTestSupport.assertFires("my wife is very confused and disoriented", .confusion)
    }

    /// "Passed out" and "collapsed" are past by nature: they need a now cue.
    func testPastTensePatternsNeedANowCue() {
        RedFlagTestSupport.assertSilent("my friend passed out at a party last month")
        RedFlagTestSupport.assertSilent("my daughter fainted at school, doctor said it was dehydration")
        RedFlagTestSupport.assertFires("my husband collapsed a minute ago", .unresponsive)
    }

    /// Infant fever: age under 3 months, and a quoted reading must be a fever.
    func testInfantFeverAgeAndTemperature() {
        RedFlagTestSupport.assertFires("my 6 week old has a fever of 100.8", .infantFever)
        RedFlagTestSupport.assertFires("my two month old is running a fever of 101", .infantFever)
        RedFlagTestSupport.assertFires("my newborn has a temp of 38.1 C", .infantFever)
        RedFlagTestSupport.assertFires("she is 7 weeks old and the rectal thermometer says 100.6", .infantFever)
        RedFlagTestSupport.assertFires("my 5 week old feels warm", .infantFever)
        RedFlagTestSupport.assertSilent("she is 7 weeks old and the rectal thermometer says 99.5")
        RedFlagTestSupport.assertSilent("how do i use a rectal thermometer on my 3 week old")
        RedFlagTestSupport.assertSilent("my 1 month old's temperature is 99.1, is that a fever?")
        RedFlagTestSupport.assertSilent("my 6 week old has a temperature of 37.2")
        RedFlagTestSupport.assertSilent("my baby is 6 months old and has a fever of 101")
        RedFlagTestSupport.assertSilent("my 3 month old has a fever")
        RedFlagTestSupport.assertSilent("my 4 year old has a fever of 102")
        XCTAssertTrue(RedFlagInfantFever.mentionsBabyUnderThreeMonths(RedFlagNormalizer.tokenize("a 12-week-old")))
        XCTAssertFalse(RedFlagInfantFever.mentionsBabyUnderThreeMonths(RedFlagNormalizer.tokenize("bleeding for 3 weeks")))
    }

    /// Suicide questions about others or about the topic.
    func testSuicideNearMisses() {
        for question in [
            "what are the risk factors for suicide in older adults",
            "does zoloft increase suicidal thoughts in teenagers",
            "my brother committed suicide last year and i can't stop thinking about it",
            "how do I talk to my teenager about suicide after a classmate died",
            "I cut myself while cooking, is it infected",
            "I want to end things with my boyfriend",
            "I want this mole gone",
            "I don't want it anymore",
            "the cancer is taking his life slowly and I want to support him",
        ] {
            RedFlagTestSupport.assertSilent(question)
        }
        RedFlagTestSupport.assertFires("my son told me he wants to kill himself", .suicide)
    }
}
