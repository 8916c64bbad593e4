/// Parses an APA-style citation into a `Reference`.
///
/// Recognised form (the one `Corpus/README.md` documents and consumer sites print):
/// `Authors (Year). Title. *Journal*, *Volume*(Issue), pages. https://doi.org/DOI`.
/// A part that is missing stays empty; `raw` always keeps the whole citation.
public enum CitationParser {
    public static func parse(_ citation: String) -> Reference {
        var raw = citation.trimmed
        // Web pages prefix citations with "* ".
        while raw.hasPrefix("*") && !raw.hasPrefix("**") && raw.dropFirst().first == " " {
            raw = String(raw.dropFirst(2)).trimmed
        }
        var reference = Reference(raw: raw)
        var rest = Substring(raw)

        // DOI anywhere: "https://doi.org/10.…" or "doi:10.…".
        if let doiRange = raw.firstRange(of: "doi.org/") ?? raw.firstRange(of: "doi:") {
            var doi = raw[doiRange.upperBound...].trimmed
            if let space = doi.firstIndex(where: { $0.isWhitespace }) { doi = String(doi[..<space]) }
            while let last = doi.last, last == "." || last == "," { doi.removeLast() }
            reference.doi = doi
            let cut = raw.firstRange(of: "https://doi.org/")?.lowerBound ?? raw.firstRange(of: "http://doi.org/")?.lowerBound ?? doiRange.lowerBound
            rest = raw[..<cut]
        }

        // "Authors (Year)."
        guard let open = rest.firstIndex(of: "("),
              let close = rest[open...].firstIndex(of: ")"),
              let year = Int(rest[rest.index(after: open)..<close].trimmed.prefix(4)),
              (1800...2100).contains(year)
        else { return reference }
        reference.year = year
        reference.authors = splitAuthors(String(rest[..<open]))
        rest = rest[rest.index(after: close)...]
        rest = rest.drop(while: { $0 == "." || $0.isWhitespace })

        // "Title." up to the journal in *…*, or up to the next ". ".
        if let star = rest.firstIndex(of: "*") {
            reference.title = trimTrailingDot(String(rest[..<star]))
            rest = rest[rest.index(after: star)...]
            guard let end = rest.firstIndex(of: "*") else { return reference }
            reference.journal = rest[..<end].trimmed
            rest = rest[rest.index(after: end)...]
        } else if let dot = rest.firstRange(of: ". ") {
            reference.title = String(rest[..<dot.lowerBound]).trimmed
            rest = rest[dot.upperBound...]
            let parts = rest.split(separator: ",", maxSplits: 1)
            reference.journal = parts.first.map { trimTrailingDot(String($0)) } ?? ""
            rest = parts.count > 1 ? parts[1] : ""
        }
        // ", *217*(3), e20190850." — strip the emphasis stars first.
        let tail = rest.filter { $0 != "*" }.drop(while: { $0 == "," || $0.isWhitespace })
        let fields = tail.split(separator: ",", maxSplits: 1).map { trimTrailingDot(String($0)) }
        if let volumeField = fields.first {
            if let paren = volumeField.firstIndex(of: "("), let end = volumeField.firstIndex(of: ")") , paren < end {
                reference.volume = volumeField[..<paren].trimmed
                reference.issue = volumeField[volumeField.index(after: paren)..<end].trimmed
            } else {
                reference.volume = volumeField
            }
        }
        if fields.count > 1 { reference.pages = fields[1] }
        return reference
    }

    /// The parts of a complete citation that `reference` lacks, e.g. `["year", "journal"]`.
    public static func missingParts(of reference: Reference) -> [String] {
        [("authors", reference.authors.isEmpty), ("year", reference.year == nil),
         ("title", reference.title.isEmpty), ("journal", reference.journal.isEmpty)]
            .filter(\.1).map(\.0)
    }

    /// "Waldman, A. D., Bellone, S., & Dranoff, G." → ["Waldman, A. D.", "Bellone, S.", "Dranoff, G."].
    static func splitAuthors(_ text: String) -> [String] {
        let cleaned = text.replacing("&", with: ",").replacing(" and ", with: ", ").replacing("...", with: ",").replacing("…", with: ",")
        let pieces = cleaned.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
        var authors: [String] = []
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            // A surname is followed by its initials ("A. D."); "et al." stands alone.
            if index + 1 < pieces.count, isInitials(pieces[index + 1]) {
                authors.append("\(piece), \(pieces[index + 1])")
                index += 2
            } else {
                if piece.lowercased() != "et al." && piece.lowercased() != "et al" { authors.append(piece) }
                index += 1
            }
        }
        return authors
    }

    static func isInitials(_ text: String) -> Bool {
        let letters = text.filter { $0.isLetter }
        return !letters.isEmpty && letters.count <= 4 && text.contains(".") && letters.allSatisfy { $0.isUppercase }
    }

    static func trimTrailingDot(_ text: String) -> String {
        var result = text.trimmed
        while let last = result.last, last == "." || last == "," { result.removeLast() }
        return result.trimmed
    }
}
