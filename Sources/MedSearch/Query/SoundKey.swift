/// A word as it sounds, roughly: the consonant sounds in order, one letter each, with a mark
/// for a leading vowel. Misspellings of medical names are often spelled by ear: "exema" and
/// "eczema" both give "aksm", "nemonia" and "pneumonia" "nmn". Used only when no lexicon name
/// is within the usual edit distance (`Synonyms.closestWord`).
enum SoundKey {
    static func of(_ word: String) -> String {
        var letters = Array(word.unicodeScalars.filter { $0.value >= 97 && $0.value <= 122 }.map(Character.init))
        // Silent first letters: "pneumonia", "psoriasis", "knee", "gnat", "wrist".
        if letters.count > 2, ["pn", "ps", "kn", "gn", "wr"].contains(String(letters[0...1])) { letters.removeFirst() }
        var key: [Character] = []
        func add(_ sound: Character) { if key.last != sound { key.append(sound) } }
        var index = 0
        while index < letters.count {
            let letter = letters[index]
            let next: Character? = index + 1 < letters.count ? letters[index + 1] : nil
            switch letter {
            case "a", "e", "i", "o", "u", "y":
                if index == 0 { key.append("a") }
            case "h", "w":
                break  // "rh", "th", "wh": written, barely heard
            case "c":
                add(next == "e" || next == "i" || next == "y" ? "s" : "k")
            case "x":
                add("k")
                add("s")
            case "z":
                add("s")
            case "q":
                add("k")
            case "p" where next == "h":
                add("f")
                index += 1
            default:
                add(letter)
            }
            index += 1
        }
        return String(key)
    }
}
