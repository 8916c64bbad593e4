/// Whether a question asks how much of a medicine to take or give ("how much benadryl can I
/// give my dog", "melatonin dose for jet lag", "maximum daily dosage of metformin"). The shipped
/// articles give no amounts, on purpose: the right dose depends on the person and the product,
/// so such a question is declined with that reason rather than answered from a passage that
/// only names the medicine. A question about a course of doses ("when is the second dose of
/// shingrix", "how many doses", "should I skip my dose") is not a dose request, nor is a
/// strength named in passing ("interactions between carvedilol 25 mg and hydralazine").
public enum DoseRequest {
    public static func matches(words: [String]) -> Bool {
        for (index, word) in words.enumerated() {
            let previous = index > 0 ? words[index - 1] : ""
            let next = index + 1 < words.count ? words[index + 1] : ""
            switch word {
            case "dosage", "dosages", "dosing":
                return true
            case "dose", "doses":
                if amountWords.contains(previous) || (["for", "of", "is"].contains(next) && !courseWords.contains(previous)
                    && previous.first?.isNumber != true) { return true }
                // "what amoxicillin dose should a 20 kg child take": asked with a medicine between.
                if index >= 2, ["what", "which"].contains(words[index - 2]), !courseWords.contains(previous) { return true }
            case "much" where previous == "how":
                // "how much vitamin d should i take", "how much benadryl can i give"; not "how
                // much does it cost" or "how much of his speech will come back".
                let ahead = words[(index + 1)..<min(words.count, index + 7)]
                if ahead.contains(where: { takingWords.contains($0) }) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// Before "dose": asking for the amount.
    static let amountWords: Set<String> = ["what", "right", "correct", "max", "maximum", "safe", "usual", "recommended",
                                           "daily", "normal", "adult", "child", "children", "kids", "starting", "much"]
    /// Before "dose": one of a course ("the second dose of shingrix", "how many doses", "two
    /// doses", "miss a dose of humira"), or the asker's own.
    static let courseWords: Set<String> = ["a", "an", "first", "second", "third", "next", "last", "another", "booster", "missed", "many", "two", "three", "few", "several",
                                           "missing", "skipped", "skip", "my", "his", "her", "their", "each", "every", "extra"]
    static let takingWords: Set<String> = ["take", "taking", "give", "giving", "use", "have"]
}
