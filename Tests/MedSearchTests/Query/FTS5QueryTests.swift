import Testing
@testable import MedSearch

/// Hostile questions: each must give a MATCH string FTS5 accepts (or no query at all).
@Suite struct FTS5QueryTests {
    static let hostile: [String] = [
        "is immunotherapy a cure?", "what's", "covid-19", "type:2", "cancer -vaccine", "AND", "OR", "NOT",
        "NEAR(", "\"", "*", "", "   \t\n ", String(repeating: "immunotherapy cure ", count: 530), "🙂💉 allergy 🤧",
        "a AND b OR NOT c", "col:value^2 + \"unbalanced", "'; DROP TABLE passages; --", "x\u{0}y\u{7}z",
        "مرحبا immunotherapy", "e\u{301}\u{301}\u{301}czema", "((((", "-", "+", "%", "/", ".", "NEAR(a b, 2)",
    ]

    @Test(arguments: hostile)
    func matchStringIsValidFTS5(question: String) throws {
        let database = try Database(path: ":memory:", mode: .readWriteCreate)
        try database.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')")
        try database.prepare("INSERT INTO t(body) VALUES(?)").run([.text("immunotherapy is sometimes a cure for cancer")])
        let analyzed = QuestionAnalyzer().analyze(question)
        let statement = try database.prepare("SELECT count(*) FROM t WHERE t MATCH ?")
        for query in [analyzed.allTermsQuery, analyzed.anyTermQuery].compactMap({ $0 }) {
            // Throws (and fails the test, naming the question) if FTS5 rejects the syntax.
            _ = try statement.rows([.text(query.matchString)]) { $0.int(0) }
        }
    }

    @Test(arguments: [
        ("is immunotherapy a cure?", "\"immunotherapy\" AND \"cure\""),
        ("covid-19 vaccine", "\"covid 19\" AND (\"vaccine\" OR \"vax\")"),
        ("type:2", "\"type\""),
        ("what's", nil),
        ("AND OR NOT", nil),
        ("say \"hi\" NEAR(", "\"near\""),
        ("RA flare", "(\"ra\" OR \"rheumatoid arthritis\") AND \"flare\""),
        ("genetic", "\"genetic\" OR \"hereditary\" OR \"inherited\" OR \"run in families\" OR \"runs in families\" OR \"passed down\""),
        ("WBC count", "(\"wbc\" OR \"wbcs\" OR \"white blood cell\" OR \"white blood cells\" OR \"white cell\" OR \"white cells\" OR \"leukocytes\") AND \"count\""),
        ("kidney cancer", "\"kidney cancer\" OR \"renal cell carcinoma\" OR \"renal cancer\" OR \"rcc\""),
        ("mini stroke", "\"mini stroke\" OR \"ministroke\" OR \"transient ischemic attack\" OR \"tia\""),
        ("womb", "\"womb\" OR \"uterus\""),
        ("heart racing", "\"heart racing\" OR \"palpitations\" OR \"racing heart\" OR \"heart race\" OR \"heart races\" OR \"fast heartbeat\" OR \"pounding heartbeat\" OR \"rapid heartbeat\" OR \"heart pounding\" OR \"fast heart rate\""),
    ] as [(String, String?)])
    func matchStringGolden(question: String, expected: String?) {
        #expect(QuestionAnalyzer().analyze(question).allTermsQuery?.matchString == expected, "question: \(question)")
    }

    @Test func quotesAreDoubledInsidePhrases() {
        let query = FTS5Query(.phrase(["a\"b"]))
        #expect(query?.matchString == "\"a\"\"b\"")
    }

    /// A column filter renders FTS5's `{col …} : (…)`; only plain lowercase names are kept.
    @Test func columnFiltersRenderAndKeepOnlyPlainNames() {
        #expect(FTS5Query(.inColumns(["title", "heading"], .phrase(["kidney", "stones"])))?.matchString
                == "{title heading} : (\"kidney stones\")")
        #expect(FTS5Query(.inColumns(["title} OR {body", ""], .phrase(["acne"])))?.matchString == "\"acne\"")
        #expect(FTS5Query(.inColumns(["title"], .phrase([]))) == nil)
    }

    @Test func emptyExpressionsCannotBeBuilt() {
        #expect(FTS5Query(.all([])) == nil)
        #expect(FTS5Query(.any([.phrase([]), .phrase(["  "])])) == nil)
    }
}

@Suite struct QuestionClassifierTests {
    @Test(arguments: [
        ("is immunotherapy a cure", QuestionType.cure),
        ("Can celiac disease be cured?", .cure),
        ("what are the side effects of allergy shots", .sideEffects),
        ("When should I seek emergency care?", .emergency),
        ("how is lupus treated", .treatment),
        ("how is strep throat diagnosed", .diagnosis),
        ("what causes hives", .causes),
        ("Who is at risk of a stroke?", .causes),
        ("what are the symptoms of shingles", .symptoms),
        ("how can I prevent the flu", .prevention),
        ("who should consider CAR-T", .candidates),
        ("how does immunotherapy work", .mechanism),
        ("How well do allergy shots work?", .evidence),
        ("What are common myths about asthma?", .misconceptions),
        ("What is celiac disease not?", .misconceptions),
        ("what is eczema", .definition),
        ("sudden crushing chest pain, could this be a heart attack", .symptoms),
        ("am i having an asthma attack", .symptoms),
        ("is it okay to take my mom's leftover antibiotics", .sideEffects),
        ("how soon do I need to get it checked", .emergency),
        ("what should he do now that it has passed", .nextSteps),
        ("how long does flonase take to kick in", .outlook),
        ("when does flonase kick in", .mechanism),
        ("grass allergy tablets when to start", .mechanism),
        ("exema on my babys cheeks what can i put on it", .treatment),
        ("do monoclonal antibodies come as tablets", .treatment),
        ("water pills for my bp have me peeing all the time", .sideEffects),
        ("hives every day for months, what is causing them", .causes),
        // Section headings of the Corpus that had no type, or the wrong one.
        ("Who is most likely to get shingles?", .causes),
        ("Who is more likely to have a serious cause of chest pain?", .causes),
        ("Who might benefit from allergy tablets under the tongue?", .candidates),
        ("What should I ask before starting checkpoint inhibitors?", .nextSteps),
        ("How can I tell if chest pain is coming from my heart?", .diagnosis),
        ("How are recurrent infections evaluated?", .diagnosis),
        ("How are monoclonal antibodies given?", .treatment),
        ("Which cancer vaccines are available today?", .treatment),
        ("How can I use antibiotics safely?", .sideEffects),
        ("car t side affects", .sideEffects),
        ("How can I lower my chances of getting another UTI?", .prevention),
        ("how do we keep the kids from catching it", .prevention),
        ("hello", .other),
    ])
    func classifies(question: String, expected: QuestionType) {
        #expect(QuestionClassifier.classify(question) == expected, "question: \(question)")
    }

    /// The rules are split at spaces, not tokenized: each word must already be a token.
    @Test func rulePatternsAreWrittenAsTokens() {
        for (_, patterns) in QuestionClassifier.compiledRules {
            for words in patterns {
                for word in words {
                    let bare = word.hasSuffix("*") ? String(word.dropLast()) : word
                    #expect(TextTokenizer.words(bare) == [bare], "\(words)")
                }
            }
        }
        #expect(QuestionClassifier.compiledRules.count == QuestionClassifier.rules.count)
    }

    /// The words of a type phrase are type cues, not topics; a one-word pattern
    /// ("biomarker*") and a topical word inside a phrase ("what cream") are not.
    @Test(arguments: [
        ("will my hay fever ever go away", ["away"]),
        ("what sets off asthma", ["sets"]),
        ("who gets shingles", ["gets"]),
        ("immunotherapy success rate for lung cancer", ["success", "rate"]),
        ("biomarker testing for lung cancer", []),
        ("what cream should we use for eczema", []),
    ])
    func typePhraseWordsAreCues(question: String, cues: [String]) {
        let analyzed = QuestionAnalyzer().analyze(question)
        #expect(analyzed.groups.filter(\.isTypeCue).flatMap(\.surface) == cues, "question: \(question)")
    }
}

@Suite struct TextTokenizerTests {
    @Test func foldsCaseAndDiacriticsAndKeepsCompounds() {
        let tokens = TextTokenizer.tokens("Café COVID-19 and/or T-cell")
        #expect(tokens.map(\.text) == ["cafe", "covid", "19", "and", "or", "t", "cell"])
        #expect(tokens[1].compound == tokens[2].compound)
        #expect(tokens[0].compound != tokens[1].compound)
    }

    @Test func longInputIsBounded() {
        #expect(TextTokenizer.tokens(String(repeating: "word ", count: 200_000)).count == 2_000)
    }
}
