/// Dates as web pages and JSON records write them, turned into the index's `YYYY-MM-DD`.
///
/// Recognised: `2/27/2026` (month first, as US consumer sites print it), `2026-02-27` (also the
/// date part of an ISO 8601 timestamp such as `2026-02-27T10:00:00Z`), `February 27, 2026`,
/// `Feb 27, 2026` and `27 February 2026`.
enum PageDate {
    /// A date line's role on a page: `Published on: 2/27/2026` or `Last updated: …`.
    enum Kind: Sendable, Equatable { case published, reviewed }

    /// The labels that introduce a date line, folded to lowercase, longest first.
    private static let labels: [(String, Kind)] = [
        ("medically reviewed on", .reviewed), ("last reviewed on", .reviewed), ("last updated on", .reviewed),
        ("last reviewed", .reviewed), ("last updated", .reviewed), ("reviewed on", .reviewed), ("updated on", .reviewed),
        ("reviewed", .reviewed), ("updated", .reviewed),
        ("published on", .published), ("posted on", .published), ("published", .published), ("posted", .published),
    ]

    /// `Published on: 2/27/2026` → (.published, "2/27/2026"); nil when the line is not a date line.
    /// The value is returned as written so that a bad date can be reported.
    static func labelled(_ line: String) -> (kind: Kind, value: String)? {
        let lower = line.lowercased()
        for (label, kind) in labels where lower.hasPrefix(label) {
            var rest = line.dropFirst(label.count)
            guard rest.first == ":" else { continue }
            rest = rest.dropFirst()
            let value = rest.trimmed
            // A date line is short: "Published: how we wrote this guide and why" is prose.
            guard !value.isEmpty, value.count <= 40 else { return nil }
            return (kind, value)
        }
        return nil
    }

    /// The date as `YYYY-MM-DD`, or nil when it is not a valid date in a recognised form.
    static func iso(_ text: String) -> String? {
        let value = text.trimmed
        let slash = value.split(separator: "/")
        if slash.count == 3 {
            return make(year: Int(slash[2]), month: Int(slash[0]), day: Int(slash[1]), yearDigits: slash[2].count)
        }
        if value.count >= 10, value.dropFirst(4).first == "-" {
            let parts = value.prefix(10).split(separator: "-")
            // Anything after the date must be a time: "T10:00:00Z" or " 10:00".
            let rest = value.dropFirst(10)
            guard parts.count == 3, parts[1].count == 2, parts[2].count == 2,
                  rest.isEmpty || rest.first == "T" || rest.first == " " else { return nil }
            return make(year: Int(parts[0]), month: Int(parts[1]), day: Int(parts[2]), yearDigits: parts[0].count)
        }
        let words = value.replacing(",", with: " ").split(separator: " ").map(String.init)
        guard words.count == 3 else { return nil }
        if let month = month(named: words[0]) {
            return make(year: Int(words[2]), month: month, day: Int(words[1]), yearDigits: words[2].count)
        }
        if let month = month(named: words[1]) {
            return make(year: Int(words[2]), month: month, day: Int(words[0]), yearDigits: words[2].count)
        }
        return nil
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"]

    private static func month(named word: String) -> Int? {
        let lower = word.lowercased().replacing(".", with: "")
        guard lower.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(lower) && (lower.count == 3 || $0 == lower || (lower == "sept" && $0 == "september")) }
            .map { $0 + 1 }
    }

    private static func make(year: Int?, month: Int?, day: Int?, yearDigits: Int) -> String? {
        guard let year, let month, let day, yearDigits == 4, (1800...2200).contains(year),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        let pad = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
