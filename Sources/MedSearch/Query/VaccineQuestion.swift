/// A question about the vaccine against a named disease ("rsv vaccine side effects", "do adults
/// need a measles booster") is answered only by a passage about that vaccine: one that names
/// the disease right before a vaccine word ("the shingles vaccine"), names it after "vaccine
/// for/against", or names it in its heading or title. A passage on the flu vaccine that lists
/// "COVID-19, RSV or pneumococcal vaccines" among others to ask about does not answer it.
/// A question about its schedule ("up to what age", "how many shots", "how far apart") is
/// answered only by such a passage that gives one: a number of doses, an age or a spacing.
/// A passage saying what the HPV vaccine prevents does not say when to have it.
public enum VaccineQuestion {
    /// The names of the disease whose vaccine `words` ask about (its group: "rsv" also as
    /// "respiratory syncytial virus"), or nil when they name none.
    public static func disease(in words: [String]) -> [[String]]? {
        for (index, word) in words.enumerated() where vaccineWords.contains(word) {
            // "rsv vaccine", "whooping cough shot"
            for length in stride(from: 3, through: 1, by: -1) where index >= length {
                if let group = groupOf[Array(words[(index - length)..<index])] { return diseases[group] }
            }
            // "vaccine for measles", "vaccination against tetanus"; a "shot for RSV" may be an
            // antibody, not a vaccine.
            if namingWords.contains(word), index + 2 < words.count, words[index + 1] == "for" || words[index + 1] == "against" {
                for length in stride(from: 3, through: 1, by: -1) where index + 2 + length <= words.count {
                    if let group = groupOf[Array(words[(index + 2)..<(index + 2 + length)])] { return diseases[group] }
                }
            }
        }
        return nil
    }

    /// Whether a passage (its heading, its article's title and its text, as words) is about the
    /// vaccine against the disease named `names`.
    public static func isAbout(_ names: [[String]], heading: [String], title: [String], text: [String]) -> Bool {
        if names.contains(where: { contains(heading, $0) || contains(title, $0) }) { return true }
        for name in names {
            for start in occurrences(of: name, in: text) {
                let after = start + name.count
                if after < text.count, vaccineWords.contains(text[after]) { return true }
                if start >= 2, vaccineWords.contains(text[start - 2]), text[start - 1] == "for" || text[start - 1] == "against" { return true }
            }
        }
        return false
    }

    /// Whether `words` ask when, how often or at what age to have a vaccine.
    public static func asksSchedule(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let previous = index > 0 ? words[index - 1] : ""
            switch word {
            case "schedule", "apart", "age", "ages": return true
            case "old" where ["how", "too"].contains(previous): return true
            case "young" where ["how", "too"].contains(previous): return true
            case "many" where previous == "how" && words[(index + 1)..<min(words.count, index + 3)].contains { doseWords.contains($0) }: return true
            case "often" where previous == "how": return true
            case "when" where next == "to": return true
            default: continue
            }
        }
        return false
    }

    /// Whether a passage's text gives a schedule: a schedule word ("doses", "aged", "yearly",
    /// "apart") within a few words of a number.
    public static func givesSchedule(_ text: [String]) -> Bool {
        for (index, word) in text.enumerated() where scheduleWords.contains(word) {
            if ["yearly", "annual", "annually"].contains(word) { return true }
            let window = text[max(0, index - 5)..<min(text.count, index + 6)]
            if window.contains(where: { $0.first?.isNumber == true || numberWords.contains($0) }) { return true }
        }
        return false
    }

    static let doseWords: Set<String> = ["shot", "shots", "dose", "doses", "jab", "jabs", "booster", "boosters", "injections"]
    static let scheduleWords: Set<String> = ["dose", "doses", "age", "ages", "aged", "older", "younger", "apart", "yearly",
                                             "annual", "annually", "every", "booster", "boosters"]
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                           "eleven", "twelve", "single", "second", "third", "year", "years", "months"]

    static let vaccineWords: Set<String> = ["vaccine", "vaccines", "vaccination", "vaccinations", "shot", "shots", "booster",
                                            "boosters", "jab", "jabs", "vax", "immunization", "immunisation"]

    /// The words that say "vaccine" and nothing else.
    static let namingWords: Set<String> = ["vaccine", "vaccines", "vaccination", "vaccinations", "immunization", "immunisation"]

    /// Diseases vaccines prevent, each with its other names (a combined vaccine's name counts).
    static let diseases: [[[String]]] = [
        ["rsv", "respiratory syncytial virus"], ["measles", "mmr"], ["mumps", "mmr"], ["rubella", "mmr"],
        ["mmr", "measles"], ["tetanus", "tdap", "td"], ["tdap", "tetanus", "whooping cough", "pertussis"],
        ["whooping cough", "pertussis", "tdap"], ["pertussis", "whooping cough", "tdap"], ["diphtheria", "tdap"],
        ["polio"], ["hpv", "human papillomavirus", "gardasil"], ["hepatitis a", "hep a"], ["hepatitis b", "hep b"],
        ["hep a", "hepatitis a"], ["hep b", "hepatitis b"], ["chickenpox", "chicken pox", "varicella"],
        ["chicken pox", "chickenpox", "varicella"], ["varicella", "chickenpox"],
        ["pneumococcal", "pneumonia", "prevnar", "pneumovax"], ["pneumonia", "pneumococcal", "prevnar", "pneumovax"],
        ["meningitis", "meningococcal"], ["meningococcal", "meningitis"], ["rotavirus"], ["rabies"], ["typhoid"],
        ["cholera"], ["yellow fever"], ["japanese encephalitis"], ["mpox", "monkeypox"], ["monkeypox", "mpox"],
        ["dengue"], ["ebola"], ["tb", "tuberculosis", "bcg"], ["tuberculosis", "tb", "bcg"],
        ["covid", "covid 19", "coronavirus"], ["coronavirus", "covid", "covid 19"], ["flu", "influenza"],
        ["influenza", "flu"], ["shingles", "zoster", "shingrix"], ["zoster", "shingles", "shingrix"],
    ].map { $0.map { $0.split(separator: " ").map(String.init) } }

    /// Each disease's first name → its group.
    static let groupOf: [[String]: Int] = Dictionary(diseases.enumerated().map { ($0.element[0], $0.offset) }, uniquingKeysWith: { first, _ in first })

    static func contains(_ words: [String], _ phrase: [String]) -> Bool { !occurrences(of: phrase, in: words).isEmpty }

    static func occurrences(of phrase: [String], in words: [String]) -> [Int] {
        guard let first = phrase.first, words.count >= phrase.count else { return [] }
        return (0...(words.count - phrase.count)).filter { start in
            words[start] == first && phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
        }
    }
}
