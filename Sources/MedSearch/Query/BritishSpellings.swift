/// British and American spellings of the same word: "tumour" and "tumor", "diarrhoea" and
/// "diarrhea", "haemoglobin" and "hemoglobin", "recognise" and "recognize". MedQuAD writes
/// American English, parts of the shipped Corpus British, and askers either; the porter stemmer
/// joins none of them. Used as word variants (`WordVariants`): a spelling counts only when the
/// index holds it, so a rule that makes a non-word costs nothing.
enum BritishSpellings {
    /// (British, American) letter groups that stand for each other inside a word, each with
    /// where it may stand. Kept to groups that seldom occur by chance: "oe" only at a word's
    /// start or in "rrhoea" ("shoe" is not "she"), "our" only ending a word of six letters or
    /// more ("four" is not "for").
    private static let table: [(String, String, Place)] = [
        ("rrhoea", "rrhea", .anywhere),       // diarrhoea, gonorrhoea
        ("haem", "hem", .start),              // haemoglobin, haemorrhage
        ("aemia", "emia", .end),              // anaemia, leukaemia, septicaemia
        ("aemic", "emic", .end),              // ischaemic
        ("paedi", "pedi", .anywhere),         // paediatric, orthopaedic
        ("oesoph", "esoph", .start),          // oesophagus
        ("oedem", "edem", .start),            // oedema
        ("oestr", "estr", .start),            // oestrogen
        ("foet", "fet", .start),              // foetus
        ("our", "or", .endOfLongWord),        // tumour, colour, behaviour
        ("ours", "ors", .endOfLongWord),      // tumours
        ("ise", "ize", .end),                 // recognise
        ("ised", "ized", .end),               // personalised
        ("ising", "izing", .end),
        ("isation", "ization", .end),
        ("yse", "yze", .end),                 // analyse
        ("tre", "ter", .end),                 // centre, litre, fibre
        ("tres", "ters", .end),
    ]
    private static let pairs: [(british: [UInt8], american: [UInt8], place: Place)] = table.map { british, american, place in
        (Array(british.utf8), Array(american.utf8), place)
    }

    private enum Place { case anywhere, start, end, endOfLongWord }

    /// The word's other spellings (not checked against the index). Works on bytes: it runs on
    /// every word of every question.
    static func variants(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        var result: [String] = []
        for (british, american, place) in pairs {
            for (from, to) in [(british, american), (american, british)] {
                guard let variant = replace(from, with: to, in: bytes, place: place) else { continue }
                let text = String(decoding: variant, as: UTF8.self)
                if text != word, !result.contains(text) { result.append(text) }
            }
        }
        return result
    }

    private static func replace(_ from: [UInt8], with to: [UInt8], in word: [UInt8], place: Place) -> [UInt8]? {
        guard word.count > from.count else { return nil }
        switch place {
        case .start:
            guard word.starts(with: from) else { return nil }
            return to + word[from.count...]
        case .end:
            guard word.count > from.count + 2, word.suffix(from.count).elementsEqual(from) else { return nil }
            return word.dropLast(from.count) + to
        case .endOfLongWord:
            guard word.count - from.count + min(from.count, to.count) >= 5, word.suffix(from.count).elementsEqual(from) else { return nil }
            return word.dropLast(from.count) + to
        case .anywhere:
            guard let start = (0...(word.count - from.count)).first(where: { word[$0..<($0 + from.count)].elementsEqual(from) }) else { return nil }
            return word[..<start] + to + word[(start + from.count)...]
        }
    }
}
