/// Context word lists: who the question is about, when it happens, and negation.
///
/// Phrases are written with `+` between words ("right+now"); every word is a
/// normalised token, matched exactly (no misspelling tolerance: these are
/// common short words).
enum RedFlagCues {
    // MARK: Negation (a NegEx-style scope: Chapman et al., "A simple algorithm for
    // identifying negated findings and diseases in discharge summaries", 2001)

    /// Words that negate a symptom named within the next ``negationScope`` words.
    static let negators: Set<String> = [
        "no", "not", "never", "without", "denies", "deny", "denied", "dont", "doesnt", "didnt", "isnt",
        "arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "nor", "neither", "free", "absent",
    ]
    /// How many words before a symptom a negator reaches ("no fever, cough or chest pain").
    static let negationScope = 4
    /// A negator followed by one of these is not a negation ("not sure", "no one").
    static let pseudoNegationFollowers: Set<String> = [
        "sure", "certain", "know", "knowing", "idea", "one", "only", "doubt", "matter", "clue", "longer",
        "wonder", "question", "problem", "way", "joke", "kidding", "exaggeration",
    ]
    /// Words that end a negation's scope ("no fever but chest pain").
    static let negationBreakers: Set<String> = [
        "but", "however", "although", "though", "yet", "except", "now", "still", "instead", "whereas", "while",
    ]
    /// Words right after a symptom that say it is over ("bleeding stopped", "pain has gone").
    static let resolvedFollowers: Set<String> = [
        "stopped", "resolved", "subsided", "gone", "disappeared", "eased", "ended", "cleared",
    ]

    // MARK: Who: a person describing themselves or someone with them

    /// The writer ("I can't breathe").
    static let firstPerson: Set<String> = ["i", "im", "ive", "id", "me", "myself", "we", "weve", "us", "ourselves"]
    /// Verbs that open a sentence without a subject, which in chatty writing means
    /// "I" ("been having chest pain since noon", "cant breathe", "feel like dying").
    static let subjectlessOpeners: Set<String> = [
        "been", "having", "feeling", "feel", "felt", "got", "getting", "woke", "cant", "think", "thinking",
        "keep", "started", "took", "ate", "drank", "need", "needing", "hurting", "bleeding", "struggling",
    ]
    /// First words of a question about a topic ("are chest pain and shortness of breath
    /// symptoms of covid"): such a question is not read as a fragment describing someone.
    static let questionOpeners: Set<String> = [
        "what", "whats", "which", "who", "why", "how", "when", "where", "is", "are", "can", "could", "do", "does",
        "should", "would", "will",
    ]
    /// Someone the writer is with or speaks for ("my husband", "she", "his chest").
    static let otherPerson: Set<String> = [
        "my", "mine", "our", "ours", "he", "hes", "him", "his", "himself", "she", "shes", "her", "hers", "herself",
    ]
    /// Family and companions, personal unless generic ("a husband", "your wife").
    static let relations: Set<String> = [
        "husband", "wife", "son", "daughter", "mom", "mum", "mother", "dad", "father", "grandma", "grandpa",
        "grandmother", "grandfather", "granny", "nana", "nan", "brother", "sister", "boyfriend", "girlfriend",
        "partner", "fiance", "fiancee", "roommate", "friend", "coworker", "uncle", "aunt", "grandson",
        "granddaughter", "stepson", "stepdaughter", "nephew", "niece", "cousin", "neighbor", "neighbour",
        "hubby", "bf", "gf", "mommy", "daddy", "papa", "mama", "twin",
    ]
    /// Words that make a following relation noun generic.
    static let genericDeterminers: Set<String> = ["a", "an", "any", "every", "some", "your", "the", "each", "one"]
    /// How far (in words, either side) a person or "now" cue may be from the symptom.
    static let personWindow = 15

    // MARK: When: happening now

    /// "Now" cues: they mark a present event and override past, chronic and
    /// hypothetical cues ("I had a stroke 2 years ago and right now my face is drooping").
    static let present: [String] = [
        "now", "right+now", "rightnow", "currently", "today", "tonight", "this+morning", "this+afternoon",
        "this+evening", "still", "again", "minutes", "minute", "mins", "min", "an+hour", "half+an+hour",
        "please+help", "pls+help", "plz+help", "help+me", "help+us", "need+help", "asap", "urgent", "urgently",
        "immediately", "at+the+moment", "atm", "as+we+speak", "as+i+type", "as+i+write", "happening",
    ]
    /// `help` in a short sentence of its own is a plea ("chest pain, sweating. Help!", "pls help"),
    /// and then a present cue; "can you help with my diet?" is not.
    static let plea = "help"
    static let pleaMaxWords = 3
    /// `just` is a present cue when a past-tense event follows (one of these, or any word
    /// ending in -ed: "just collapsed"), not in "just wondering".
    static let justEvents: Set<String> = [
        "had", "took", "ate", "drank", "fell", "got", "began", "started", "now", "swallowed", "threw", "woke",
        "passed", "went", "came", "hit", "collapsed", "fainted", "used", "gave", "found", "noticed", "stopped",
        "turned", "happened", "choked", "stung", "bit", "seized", "cut",
    ]
    /// "-ed" words after `just` that are not events ("just wanted to ask").
    static let justNonEvents: Set<String> = [
        "wanted", "needed", "wondered", "asked", "hoped", "worried", "concerned", "interested", "tired",
    ]

    // MARK: When: in the past, hypothetical or recurring

    /// Past-event cues in the same sentence ("last year", "3 years ago").
    static let past: [String] = [
        "years+ago", "year+ago", "yrs+ago", "months+ago", "month+ago", "weeks+ago", "week+ago", "days+ago",
        "day+ago", "last+year", "last+month", "last+week", "last+summer", "last+winter", "last+spring",
        "last+fall", "last+time", "yesterday", "in+the+past", "used+to", "history+of", "previous", "previously",
        "recovered", "recovering", "recovery", "survivor", "survived", "when+i+was", "when+he+was",
        "when+she+was", "as+a+child", "as+a+kid", "back+in", "once+had", "ever+had",
    ]
    /// Past-tense verbs that date a symptom named right after them ("I had chest pain").
    static let pastVerbs: Set<String> = ["had", "was", "were"]
    /// Auxiliaries that turn the past verb into an ongoing state ("I've had chest pain").
    static let perfectAuxiliaries: Set<String> = ["have", "ive", "has", "hes", "shes", "weve", "theyve", "been"]
    /// How many words before a symptom a past verb reaches.
    static let pastVerbScope = 3
    /// Time words that, after "ago", still mean "just now" ("10 minutes ago").
    static let recentUnits: Set<String> = ["minutes", "minute", "mins", "min", "seconds", "hour", "hours", "hrs", "hr"]

    /// Hypothetical or general framing before the symptom in the same sentence
    /// ("what to do if", "risk of having a stroke").
    static let hypothetical: [String] = [
        "in+case", "suppose", "supposing", "hypothetically", "risk+of", "risks+of", "chance+of", "chances+of",
        "odds+of", "scared+of", "afraid+of", "fear+of", "frightened+of", "signs+of", "sign+of",
        "symptoms+of", "symptom+of", "prevent", "preventing", "avoid", "avoiding", "worried+about",
        "worry+about", "likely+to", "likelihood+of", "what+would", "would+it", "could+it+cause",
        "lead+to", "cause", "causes", "caused", "increase", "increases",
    ]
    /// A symptom named right after one of these is a topic, not a complaint
    /// ("do I need to see a doctor for chest pain", "what to take for shortness of breath").
    static let topicPrepositions: Set<String> = ["for", "regarding", "re"]
    /// A symptom followed by one of these is talked about in general
    /// ("whether chest pain can come from the spine", "what chest pain means").
    static let generalFollowers: Set<String> = ["can", "cause", "causes", "caused", "mean", "means", "indicate", "indicates"]
    /// How many words before a symptom a hypothetical cue reaches (`if` and `whether` reach the whole sentence).
    static let hypotheticalScope = 4
    /// Words before `if`/`whether` that make it epistemic, not hypothetical ("not sure if this is a stroke").
    static let epistemicBeforeIf: Set<String> = [
        "sure", "unsure", "know", "wondering", "wonder", "tell", "see", "check", "certain", "ask", "asking",
        "idea", "decide", "deciding", "worried", "scared", "afraid", "matter", "clue", "even",
    ]

    /// Chronic or recurring cues in the same sentence ("on and off", "for 2 years",
    /// "when I exercise"). They suppress ``RedFlagRule/acute`` patterns only.
    static let chronic: [String] = [
        "sometimes", "occasionally", "often", "frequently", "always", "usually", "regularly", "chronic",
        "chronically", "recurring", "recurrent", "recurrently", "periodically", "on+and+off", "off+and+on",
        "every+time", "everytime", "every+day", "every+night", "every+morning", "every+week", "every+month",
        "every+year", "every+winter", "every+summer", "whenever", "at+night", "at+times", "in+the+evening",
        "in+the+evenings", "in+the+morning", "in+the+mornings", "in+winter", "in+the+winter", "for+years",
        "for+months", "for+weeks", "since+childhood", "since+birth", "since+age", "since+i+was",
        "since+he+was", "since+she+was", "all+my+life", "my+whole+life", "dementia", "alzheimers",
        "a+few+times", "times+a", "slowly", "gradually", "gradual", "over+time", "over+the+years",
        "when+i", "when+he", "when+she", "when+we", "when+its", "when+it", "when+im", "after+exercise",
        "after+exercising", "for+a+week", "for+a+month", "for+a+year", "constantly", "lately", "recently",
        "these+days", "past+few",
    ]
    /// Habitual verbs right before a symptom make it recurring ("he gets short of breath",
    /// "I get chest pains"); like ``chronic`` they suppress acute patterns only.
    static let habitualVerbs: Set<String> = ["get", "gets", "suffer", "suffers", "experience", "experiences"]
    /// How many words before a symptom a habitual verb reaches.
    static let habitualScope = 2
    /// Units that make "for N <unit>" a long-standing complaint ("for 3 weeks").
    static let chronicDurationUnits: Set<String> = [
        "day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "year", "years", "yr", "yrs",
    ]
    /// Words allowed between "for" and the number ("for the past 3 weeks").
    static let durationFillers: Set<String> = ["the", "past", "last", "about", "almost", "over", "nearly", "around", "a", "few", "couple", "of", "several", "like"]
}
