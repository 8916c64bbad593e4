/// Maps normalised tokens to the "terms" that patterns are compiled to.
///
/// A term is either a word class of ``RedFlagLexicon`` or a literal word used in a
/// pattern. A token can carry several terms (`heavy` is both a `pain` and an
/// `aLot` word); an unknown token gets the terms of its one-typo corrections.
struct RedFlagVocabulary: Sendable {
    private(set) var termNames: [String] = []
    private var termIDs: [String: Int] = [:]
    private var wordTerms: [String: [Int]] = [:]
    private var fuzzy = RedFlagFuzzyIndex(words: [], blocked: [])

    init() {}

    /// The term for `{name}`, registering the class's words on first use;
    /// `nil` when the class does not exist.
    mutating func term(forClass name: String) -> Int? {
        if let id = termIDs["{" + name + "}"] { return id }
        guard let words = RedFlagLexicon.classes[name] else { return nil }
        let id = register("{" + name + "}")
        for word in words { add(id, to: word) }
        return id
    }

    /// The term for a literal pattern word.
    mutating func term(forWord word: String) -> Int {
        if let id = termIDs[word] { return id }
        let id = register(word)
        add(id, to: word)
        return id
    }

    /// Builds the misspelling index; call once after all patterns are compiled.
    mutating func finish() {
        fuzzy = RedFlagFuzzyIndex(words: wordTerms.keys, blocked: RedFlagLexicon.notMisspellings)
    }

    /// Terms of `token`: exact words first, else the words it is one typo away from.
    func terms(of token: String, cache: inout [String: [Int]]) -> [Int] {
        if let exact = wordTerms[token] { return exact }
        if let cached = cache[token] { return cached }
        var found: [Int] = []
        for word in fuzzy.corrections(of: token) {
            for id in wordTerms[word] ?? [] where !found.contains(id) { found.append(id) }
        }
        found.sort()
        cache[token] = found
        return found
    }

    /// `true` if `token` is a word of some class or pattern, exactly.
    func isKnown(_ token: String) -> Bool { wordTerms[token] != nil }

    private mutating func register(_ name: String) -> Int {
        let id = termNames.count
        termNames.append(name)
        termIDs[name] = id
        return id
    }

    private mutating func add(_ id: Int, to word: String) {
        var ids = wordTerms[word] ?? []
        if !ids.contains(id) { ids.append(id); ids.sort() }
        wordTerms[word] = ids
    }
}
