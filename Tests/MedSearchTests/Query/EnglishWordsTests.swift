import Testing
@testable import MedSearch

@Suite struct EnglishWordsTests {
    /// The first and last lines of the list, words between, and words it must not hold.
    @Test func findsWordsOfTheListOnly() {
        for word in ["aardvarks", "zygotes", "bread", "stunt", "asthmatics", "colon", "snoring", "car", "cat", "med"] {
            #expect(EnglishWords.contains(word), "\(word)")
        }
        for word in ["immunotharapy", "migrane", "lupis", "aaaaa", "zzzzzz", "brea", "breads2", "", "Bread", "bread ", "nph", "cvid", "dvt", "ab"] {
            #expect(!EnglishWords.contains(word), "\(word)")
        }
    }

    /// The binary search assumes byte order, one word per line, no empty line.
    @Test func theListIsSortedWithOneWordPerLine() {
        let lines = EnglishWords.list.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 50_000)
        #expect(lines.allSatisfy { $0.count >= 3 && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } })
        #expect(zip(lines, lines.dropFirst()).allSatisfy { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}
