/// Tells a copied web page's site chrome from its article: logos, the dividers of the answer
/// box, sharing and sign-up prompts, disclaimers and the footer.
///
/// The rules look at the shape and the wording of a line, not at one site: a logo line is a
/// short line with the word "logo"; a prompt is a short line that talks about the site
/// ("Tell your friends about us.", "Sign up for our newsletter"); a disclaimer is a paragraph
/// that says the page is for information only. `WebPageParser` drops chrome wherever it
/// stands and ignores everything after the footer starts, except related topics.
enum WebPageBoilerplate {
    /// What a line is to the page, when it is not article text.
    enum Kind: Sendable, Equatable {
        /// Site chrome: dropped wherever it stands.
        case chrome
        /// A divider between the answer box and the article ("answer background",
        /// "Explanation"): dropped, and it ends the summary.
        case divider
        /// The first line of the page's footer ("Was this page helpful?"): nothing after it is
        /// article text.
        case footer
        /// "Learn more about diseases", "Related topics": starts the footer, and the short
        /// lines after it name related topics.
        case relatedTopics
    }

    /// The kind of `line` (already trimmed), or nil for article text.
    static func kind(of line: String) -> Kind? {
        let folded = fold(line)
        if folded.isEmpty { return nil }
        if dividers.contains(folded) { return .divider }
        let words = folded.split(separator: " ").count
        if words <= 8, relatedTopicIntroductions.contains(where: { folded == $0 || folded.hasPrefix($0 + " ") }),
           !endsSentence(line) {
            return .relatedTopics
        }
        if footerStarts.contains(where: { folded == $0 || folded.hasPrefix($0 + " ") }) { return .footer }
        if isChrome(folded, words: words) { return .chrome }
        return nil
    }

    /// Lowercase, typographic quotes straightened, runs of spaces joined, trailing punctuation
    /// dropped: `Tell your friends about us.` → `tell your friends about us`.
    static func fold(_ line: String) -> String {
        var text = line.lowercased()
        for (curly, straight) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\"")] {
            text = text.replacing(curly, with: straight)
        }
        let joined = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return String(joined.reversed().drop(while: { ".!?:;,".contains($0) }).reversed()).trimmed
    }

    /// Ends like a sentence: `.`, `:`, `;` or `,` (a question mark does not: headings ask).
    static func endsSentence(_ line: String) -> Bool {
        // A closing quote or bracket after the period still ends the sentence: `… "cure."`
        let last = line.trimmed.reversed().first { !"\"'\u{201D}\u{2019})]".contains($0) }
        return last.map { ".:;,…".contains($0) } ?? false
    }

    /// Lines that separate the short answer from the article on Q&A-style pages.
    private static let dividers: Set<String> = ["answer background", "explanation"]

    private static let relatedTopicIntroductions = [
        "learn more about", "related topics", "related articles", "related conditions", "related diseases",
        "related pages", "see also", "you may also like", "more on this topic",
    ]

    private static let footerStarts = [
        "was this page helpful", "was this article helpful", "was this answer helpful", "was this information helpful",
        "did you find this helpful", "tell your friends about us", "for first time users", "thinking about asking",
        "about the author", "about us",
    ]

    /// Prompts that are about the site wherever they appear in a short line.
    private static let promptPhrases = [
        "share this", "share on ", "share via", "follow us", "about us", "tell your friends", "help them too",
        "download the app", "download our app", "get the app", "our newsletter", "rate this", "ask me instead",
        "we use cookies", "uses cookies", "accept cookies", "all rights reserved", "copyright", "©",
        "skip to content", "skip to main content", "back to top", "print this page", "advertisement",
        "first time users", "was this page helpful", "was this article helpful",
    ]

    /// Sign-up prompts name the site ("our", "free", "account"…); "Sign up for a flu shot" is advice.
    private static let signUpPhrases = ["sign up", "sign in", "log in", "subscribe", "create an account", "join now"]
    private static let siteWords: Set<String> = ["our", "us", "free", "account", "newsletter", "email", "updates", "now", "today", "here"]

    /// Disclaimers: the page saying it is information, not treatment.
    private static let disclaimerPhrases = [
        "for informational purposes", "for information purposes", "is not a medical treatment",
        "not a substitute for professional medical advice", "does not provide medical advice",
        "is not intended to be a substitute", "purpose and positioning of services",
    ]

    private static func isChrome(_ folded: String, words: Int) -> Bool {
        if disclaimerPhrases.contains(where: folded.contains) { return true }
        guard words <= 14 else { return false }
        let wordList = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        // Image and logo lines that a copy keeps as text: "Doctors Note Logo".
        if words <= 8, wordList.contains("logo") || wordList.contains("logotype") { return true }
        if ["share", "print", "menu", "advertisement", "sponsored"].contains(folded) { return true }
        if promptPhrases.contains(where: folded.contains) { return true }
        if signUpPhrases.contains(where: folded.contains), wordList.contains(where: siteWords.contains) { return true }
        return false
    }
}
