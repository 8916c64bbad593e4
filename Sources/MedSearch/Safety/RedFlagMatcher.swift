/// One occurrence of a pattern part: the token positions of its elements.
struct RedFlagMatch: Sendable, Equatable {
    var indices: [Int]
    var start: Int { indices[0] }
    var end: Int { indices[indices.count - 1] }
}

/// A pattern compiled to term ids (see ``RedFlagPattern``).
struct RedFlagCompiledPattern: Sendable {
    struct Element: Sendable {
        var terms: [Int]
        var maxGap: Int
    }
    var source: RedFlagPattern
    var parts: [[Element]]
    /// From ``RedFlagRule/strong``: not suppressed by chronic cues.
    var isStrong: Bool
}

/// Finds pattern occurrences in a ``RedFlagText``.
///
/// Candidates start only where the first element's terms occur (from the term
/// index), and each following element is searched within its gap inside the same
/// sentence, so the cost grows with the number of symptom words, not the text length.
enum RedFlagMatcher {
    /// At most this many occurrences of one part are reported (bounds work on huge inputs).
    static let maxMatchesPerPart = 256

    static func matches(of part: [RedFlagCompiledPattern.Element], in text: RedFlagText) -> [RedFlagMatch] {
        guard let first = part.first else { return [] }
        var starts: [Int] = []
        for term in first.terms { starts.append(contentsOf: text.positions[term] ?? []) }
        if first.terms.count > 1 { starts.sort() }
        var result: [RedFlagMatch] = []
        var path: [Int] = []
        var previous = -1
        for start in starts where start != previous {
            previous = start
            path.removeAll(keepingCapacity: true)
            path.append(start)
            let limit = text.sentenceRange(of: start).upperBound
            if extend(part, 1, &path, limit, text) {
                result.append(RedFlagMatch(indices: path))
                if result.count >= maxMatchesPerPart { break }
            }
        }
        return result
    }

    /// Depth-first search for element `k` after `path.last`, first fit wins.
    private static func extend(_ part: [RedFlagCompiledPattern.Element], _ k: Int, _ path: inout [Int],
                               _ limit: Int, _ text: RedFlagText) -> Bool {
        if k == part.count { return true }
        let element = part[k]
        let from = path[path.count - 1] + 1
        let to = min(from + element.maxGap + 1, limit)
        var i = from
        while i < to {
            if text.token(i, hasAnyOf: element.terms) {
                path.append(i)
                if extend(part, k + 1, &path, limit, text) { return true }
                path.removeLast()
            }
            i += 1
        }
        return false
    }
}
