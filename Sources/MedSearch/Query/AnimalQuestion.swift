/// Whether a question asks about an animal's health ("can dogs get hay fever", "how much
/// benadryl can I give my dog", "best food for an older cat with kidney problems"). The
/// articles are about people: such a question is declined with that reason rather than answered
/// with the human passage that shares its words. An animal in the asker's life ("allergic to my
/// cat", "cat dander", "he has two dogs at home", "a dog bite") is not asked about.
public enum AnimalQuestion {
    public static func matches(words: [String]) -> Bool {
        for (index, word) in words.enumerated() where animals.contains(word) {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if humanSide.contains(next) { continue }
            let before = words[max(0, index - 3)..<index]
            if before.contains("allergic") || before.contains("allergy") || before.contains("allergies") { continue }
            let previous = before.last ?? ""
            let twoBefore = before.count >= 2 ? before[before.index(before.endIndex, offsetBy: -2)] : ""
            // "can dogs get", "do cats catch"
            if askingVerbs.contains(previous), gettingVerbs.contains(next) { return true }
            // "my dog has", "our cat is", "my dog's"
            if owners.contains(previous), ownStates.contains(next) { return true }
            // "give my dog", "feed our cat", "for my dog", "for an older cat"
            if givingWords.contains(previous) || (givingWords.contains(twoBefore) && (owners.contains(previous) || determiners.contains(previous)))
                || (twoBefore == "for" && ageWords.contains(previous)) { return true }
            // "a cat with kidney problems"
            if next == "with", determiners.contains(previous) || owners.contains(previous) || ageWords.contains(previous) { return true }
        }
        return false
    }

    static let animals: Set<String> = ["dog", "dogs", "puppy", "puppies", "cat", "cats", "kitten", "kittens", "pet", "pets",
                                       "horse", "horses", "rabbit", "rabbits", "hamster", "parrot", "ferret"]
    /// After the animal: the person's side of it (an allergy to it, a bite from it).
    static let humanSide: Set<String> = ["allergy", "allergies", "allergic", "allergen", "allergens", "dander", "hair", "fur",
                                         "saliva", "bite", "bites", "bit", "scratch", "scratches", "scratched", "owner", "owners"]
    static let askingVerbs: Set<String> = ["can", "do", "does", "will", "could", "would"]
    static let gettingVerbs: Set<String> = ["get", "have", "catch", "be", "take", "suffer"]
    static let owners: Set<String> = ["my", "our", "his", "her", "their"]
    static let ownStates: Set<String> = ["has", "have", "is", "was", "keeps", "got", "gets", "had", "seems", "s"]
    static let givingWords: Set<String> = ["give", "giving", "gave", "feed", "feeding", "for", "treat", "treating"]
    static let determiners: Set<String> = ["a", "an", "the"]
    static let ageWords: Set<String> = ["old", "older", "senior", "young", "sick", "elderly"]
}
