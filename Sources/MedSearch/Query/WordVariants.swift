/// Derivational variants that FTS5's porter stemmer does not join: "treatment" and "treated"
/// stem to `treatment` and `treat`, "diagnosis" and "diagnosed" to `diagnosi` and `diagnos`;
/// and British or American spellings (`BritishSpellings`).
/// The searcher adds a variant to a term's alternatives only when the index contains it.
public enum WordVariants {
    /// (suffix of the question word, replacement) pairs, tried in order.
    static let rules: [(String, String)] = [
        ("ments", ""), ("ment", ""),           // treatment → treat
        ("ations", "e"), ("ation", "e"),       // medication → medicate
        ("ions", ""), ("ion", ""),             // prevention → prevent, infection → infect
        ("sis", "se"),                         // diagnosis → diagnose
        ("ic", "y"),                           // allergic → allergy
        ("atics", "a"), ("atic", "a"),         // asthmatics → asthma
        ("atics", "asis"), ("atic", "asis"),   // psoriatic → psoriasis
        ("ics", "es"), ("ic", "es"),           // diabetics → diabetes
        ("ics", "is"), ("ic", "is"),           // arthritic → arthritis
        ("kage", "k"), ("kages", "k"),         // blockage → block, breakage → break
        ("ing", "ment"), ("ed", "ment"),       // treated → treatment
        ("ing", "ion"), ("ed", "ion"),         // prevented → prevention
        ("sed", "sis"), ("se", "sis"),         // diagnosed → diagnosis
        ("y", "ic"),                           // allergy → allergic
        ("us", "al"), ("al", "us"),            // streptococcus ↔ streptococcal, fungus ↔ fungal
        ("ant", "ancy"), ("ancy", "ant"),      // pregnant ↔ pregnancy
        ("ent", "ency"), ("ency", "ent"),      // deficient ↔ deficiency, urgent ↔ urgency
        ("logy", "logist"), ("logist", "logy"), // oncology ↔ oncologist
        ("ious", "ion"),                       // infectious → infection
    ]

    /// Irregular participles a question uses for a symptom or an injury, and the verb the
    /// articles' nouns stem to: "swollen ankles" finds "ankle swelling" (`swell`).
    static let irregular: [String: String] = [
        "swollen": "swell", "broken": "break", "bitten": "bite", "torn": "tear", "stung": "sting",
        "burnt": "burn", "bled": "bleed", "fallen": "fall", "frozen": "freeze", "shaken": "shake",
    ]

    /// Candidate variants of `word` (not checked against the index).
    public static func candidates(_ word: String) -> [String] {
        if let verb = irregular[word] { return [verb] }
        guard word.count >= 5, word.allSatisfy(\.isLetter) else { return [] }
        var result: [String] = []
        for (suffix, replacement) in rules where word.hasSuffix(suffix) {
            let base = String(word.dropLast(suffix.count))
            guard base.count >= 4 else { continue }
            let variant = base + replacement
            if variant != word, !result.contains(variant) { result.append(variant) }
        }
        // The other side of the Atlantic: tumour ↔ tumor, diarrhoea ↔ diarrhea.
        for variant in BritishSpellings.variants(of: word) where !result.contains(variant) { result.append(variant) }
        // A bare verb gains its noun: treat → treatment, prevent → prevention.
        if !word.hasSuffix("e") {
            for suffix in ["ment", "ion"] where !result.contains(word + suffix) { result.append(word + suffix) }
        }
        return result
    }
}
