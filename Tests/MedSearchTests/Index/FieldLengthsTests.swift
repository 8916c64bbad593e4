import Testing
@testable import MedSearch

/// `passages.len_*` hold the tokenizer's counts: the byte-level count of ASCII text agrees
/// with `TextTokenizer.tokenCount`, and other text takes the tokenizer's path.
@Suite struct FieldLengthsTests {
    @Test(arguments: [
        "", "   ", "What is (are) Deep Vein Thrombosis ?", "covid-19 and CAR-T cells, 2nd dose/3rd dose",
        "a_b c'd e.f 10,000 mg; x@y [z] {w} `q` ~tilde~", "\tTabs\nand\r\nnewlines\u{7F}del",
        "Café au lait spots", "naïve Ångström ﬁne", "Straße 東京 ２０２０", "e\u{0301}te\u{0301}",
    ])
    func countsAgreeWithTheTokenizer(text: String) {
        #expect(FieldLengths.tokenCount(text) == TextTokenizer.tokenCount(text))
    }
}
