/// A literature reference parsed from a citation such as
/// `Waldman, A. D., Bellone, S., & Dranoff, G. (2020). Cancer immunotherapy: … *Journal of
/// Experimental Medicine*, 217(3), e20190850.`
///
/// Parts that cannot be recognised stay empty; `raw` always keeps the citation as written.
public struct Reference: Sendable, Equatable, Hashable, Codable {
    public var authors: [String]
    public var year: Int?
    public var title: String
    public var journal: String
    public var volume: String
    public var issue: String
    public var pages: String
    public var doi: String
    public var raw: String

    public init(
        authors: [String] = [], year: Int? = nil, title: String = "", journal: String = "",
        volume: String = "", issue: String = "", pages: String = "", doi: String = "", raw: String
    ) {
        self.authors = authors
        self.year = year
        self.title = title
        self.journal = journal
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.doi = doi
        self.raw = raw
    }

    /// The key that identifies the same work cited by several articles: DOI when known,
    /// otherwise first author's surname, year and title, folded to lowercase letters and digits.
    public var deduplicationKey: String {
        if !doi.isEmpty { return "doi:" + doi.lowercased() }
        let surname = authors.first.map { $0.split(separator: ",").first.map(String.init) ?? $0 } ?? ""
        let folded = (surname + "|" + (year.map(String.init) ?? "") + "|" + title).lowercased()
        return "cite:" + String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "|" }.map(Character.init))
    }

    /// A one-line form: `Authors (Year). Title. Journal Volume(Issue):Pages. doi:…`.
    public var formatted: String {
        guard !title.isEmpty, !journal.isEmpty else { return raw }
        var text = authorsShort
        if let year { text += " (\(year))" }
        text += ". \(title). \(journal)"
        if !volume.isEmpty {
            text += " \(volume)"
            if !issue.isEmpty { text += "(\(issue))" }
        }
        if !pages.isEmpty { text += ":\(pages)" }
        text += "."
        if !doi.isEmpty { text += " doi:\(doi)" }
        return text
    }

    /// "Waldman, Bellone & Dranoff" or "Galluzzi et al.".
    public var authorsShort: String {
        let surnames = authors.map { $0.split(separator: ",").first.map { String($0).trimmed } ?? $0 }
        switch surnames.count {
        case 0: return ""
        case 1: return surnames[0]
        case 2, 3: return surnames.dropLast().joined(separator: ", ") + " & " + surnames.last!
        default: return surnames[0] + " et al."
        }
    }

    func dump() -> String {
        "authors=\(authors.joined(separator: "; ")) | year=\(year.map(String.init) ?? "") | title=\(title) | journal=\(journal) | volume=\(volume) | issue=\(issue) | pages=\(pages) | doi=\(doi)"
    }
}

extension StringProtocol {
    /// Runs of spaces, tabs and carriage returns on a line joined into one space, ends trimmed.
    var collapsedSpaces: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// The text without leading and trailing white space.
    var trimmed: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
