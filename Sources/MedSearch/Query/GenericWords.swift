/// Words that say what kind of answer a question wants, or describe the asker, rather than
/// what the question is about: "side effects", "cure", "treatment", "kids", "week".
///
/// A question is answered only when the best passage's title, heading or keywords contain at
/// least one of its other (topic) words; see `SearchEngine.declineReason`. Stored as porter
/// stems.
public enum GenericWords {
    public static func contains(_ stem: String) -> Bool { stems.contains(stem) }

    static let stems: Set<String> = Set([
        // answer types
        "side", "effect", "effects", "treatment", "treat", "treated", "therapy", "cure", "cured", "curable",
        "symptom", "symptoms", "sign", "signs", "cause", "causes", "caused", "risk", "risks", "diagnosis",
        "diagnose", "diagnosed", "test", "tests", "testing", "prevent", "prevention", "avoid", "dose", "dosage",
        "work", "works", "safe", "safety", "dangerous", "danger", "help", "helps", "option", "options",
        "medicine", "medicines", "medication", "medications", "drug", "drugs", "pill", "pills", "mean",
        "means", "meaning", "difference", "different", "vs", "versus", "type", "types", "kind", "kinds",
        "common", "normal", "serious", "severe", "bad", "good", "best", "better", "worse", "long", "often",
        "happen", "happens", "need", "needed", "number", "level", "levels", "high", "low", "much", "many",
        "lot", "amount", "matter", "worth", "late", "early", "soon", "quick", "quickly", "fast", "slow", "doctor", "doctors", "specialist", "hospital", "emergency",
        "condition", "disease", "diseases", "problem", "problems", "illness", "health", "healthy", "medical",
        "get", "take", "taking", "stop", "start", "use", "way", "ways", "thing", "first", "next", "last",
        "recover", "recovery", "heal", "outlook", "chance", "chances", "rate", "rates", "term",
        // the asker and time
        "kid", "kids", "child", "children", "baby", "babies", "adult", "adults", "people", "person", "man",
        "woman", "men", "women", "mom", "mother", "dad", "father", "husband", "wife", "son", "daughter",
        "friend", "family", "year", "years", "old", "age", "day", "days", "week", "weeks", "month", "months",
        "time", "times", "now", "today", "ago", "feel", "feels", "feeling", "felt", "want", "wants", "think",
        "sure", "true", "really", "actually", "ok", "okay", "fine", "always", "never", "sick", "toddler",
        "teen", "teenager", "infant", "newborn", "grow", "simple", "terms", "explain", "mention", "mentioned",
        "made", "make", "took", "later", "whole", "new", "moving", "move", "scared", "afraid", "worried", "worry",
        "fastest", "regular", "usual", "usually", "summer", "winter", "spring", "fall", "season", "try", "meds",
        "mechanism", "outgrow", "older", "set", "sets", "hassle", "bring", "young", "elderly", "lately", "recently", "suddenly",
        "read", "heard", "told", "say", "says", "anymore", "still", "again", "ever", "forever", "step",
        "mum", "mummy", "grandmother", "grandma", "grandfather", "grandpa", "granny", "aunt", "uncle", "niece",
        "nephew", "cousin", "grandson", "granddaughter", "grandkids", "grandchildren", "grandchild", "sister",
        "brother", "sibling", "siblings", "boyfriend", "girlfriend", "partner", "teenage", "stepson", "stepdaughter",
        "second", "third", "another", "hour", "hours", "minute", "minutes", "yesterday", "tomorrow", "tonight",
        "show", "showed", "shows", "few", "law", "laws", "inlaw", "inlaws",
        // the asker's doctors and shorthand: "my GP", "my OB", "my 12 yo"
        "gp", "ob", "obgyn", "pcp", "yo",
        // asking for an overview ("lupus overview", "details on CRS"): a word for the answer, not the topic
        "overview", "information", "info", "facts", "fact", "details", "detail", "basics", "basic", "guide",
        "learn", "understand", "understanding", "know", "tell", "summary", "everything",
        // how strongly the asker says it ("I feel totally fine"), not what it is about
        "totally", "completely", "absolutely", "literally", "extremely", "pretty", "quite", "super",
        "already", "probably", "honestly", "anyway", "constantly",
        // "does it just buy some time": an idiom, not a topic
        "buy", "bought",
        // "what's wrong with only using my inhaler when I need it": the asker's framing
        "wrong",
        // weighing up ("pros and cons of SCIG versus IVIG"), and how it keeps happening ("I keep
        // breaking out in hives for no reason", "passing strep around"): the asker's framing too
        "pros", "cons", "advantages", "disadvantages", "upside", "upsides", "downside", "downsides",
        "breaking", "broke", "around", "reason", "reasons",
    ].map(PorterStemmer.stem))
}
