import Foundation
import Testing

/// Runs the built `medsearch` binary: help, exit codes, JSON, hostile questions, bad files.
@Suite(.serialized) struct CLITests {
    /// The binary next to the test bundle (`.build/debug/medsearch`).
    static var binary: URL {
        var directory = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directory = bundle.bundleURL.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("medsearch")
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// One folder per test run for the suites' temporary files, removed when the run exits.
    static let scratch: String = {
        let path = NSTemporaryDirectory() + "medsearch-cli-tests-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: CLITests.scratch) }
        return path
    }()

    /// One index of the shipped Corpus for the whole suite.
    static let index: String = {
        let path = scratch + "/corpus.sqlite"
        _ = try? run(["index", repository.appendingPathComponent("Corpus").path, "--db", path, "--rebuild"])
        return path
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func helpListsEverySubcommand() throws {
        let output = try Self.run(["--help"])
        #expect(output.status == 0)
        for command in ["ask", "index", "show", "refs", "stats"] {
            #expect(output.stdout.contains(command), "help lacks \(command)")
        }
    }

    @Test func askPutsTheCureSectionFirst() throws {
        let output = try Self.run(["ask", "is immunotherapy a cure", "--db", Self.index])
        #expect(output.status == 0)
        let firstAnswer = output.stdout.components(separatedBy: "\n").first { $0.hasPrefix("1. ") }
        #expect(firstAnswer == "1. Is immunotherapy a cure?")
        #expect(output.stdout.contains("article: immunotherapy-overview"))
        #expect(output.stdout.contains("Waldman"))
        #expect(output.stdout.contains("not medical advice"))
        #expect(!output.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set")
    }

    @Test func askJSONHasTheAnswerFields() throws {
        let output = try Self.run(["ask", "is immunotherapy a cure", "--db", Self.index, "--format", "json"])
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let answers = try #require(json["answers"] as? [[String: Any]])
        let first = try #require(answers.first)
        #expect(first["articleID"] as? String == "immunotherapy-overview")
        #expect(first["passageID"] as? String == "immunotherapy-overview#6")
        for field in ["articleTitle", "heading", "published", "sentences", "snippet", "score", "references", "scoreParts"] {
            #expect(first[field] != nil, "JSON answer lacks \(field)")
        }
        #expect((first["sentences"] as? [String])?.isEmpty == false)
        #expect(json["disclaimer"] != nil)
    }

    @Test(arguments: ["is immunotherapy a cure?", "what's", "covid-19", "type:2", "cancer -vaccine", "AND", "OR", "NOT",
                      "NEAR(", "\"", "*", "🙂💉", String(repeating: "why does my arm hurt so much ", count: 350)])
    func hostileQuestionsExitZero(question: String) throws {
        let output = try Self.run(["ask", question, "--db", Self.index])
        #expect(output.status == 0, "question \(question.prefix(40)): \(output.stderr)")
        #expect(output.stdout.contains("1. ") || output.stdout.contains("No good answer found"))
    }

    @Test(arguments: ["", "   "])
    func emptyQuestionIsAUsageError(question: String) throws {
        let output = try Self.run(["ask", question, "--db", Self.index])
        #expect(output.status == 64)
        #expect(output.stderr.contains("the question is empty"))
    }

    @Test func unanswerableQuestionSaysSo() throws {
        let output = try Self.run(["ask", "how long does a tattoo take to heal", "--db", Self.index])
        #expect(output.status == 0)
        #expect(output.stdout.contains("No good answer found"))
    }

    /// A second checkout (or a moved one) has its own Corpus folder with the same article ids:
    /// the default index is built anew from it, not updated into a clash with the old folder's.
    @Test func defaultIndexFollowsTheCorpusFolder() throws {
        let first = Self.scratch + "/corpus-a", second = Self.scratch + "/corpus-b"
        let article = try String(contentsOf: Self.repository.appendingPathComponent("Corpus/asthma.md"), encoding: .utf8)
        for folder in [first, second] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try article.write(toFile: first + "/asthma.md", atomically: true, encoding: .utf8)
        // The same article id, another sentence in its summary.
        let changed = article.replacingOccurrences(of: "\nAsthma is one of", with: "\nZebrafinch marker sentence. Asthma is one of")
        #expect(changed != article)
        try changed.write(toFile: second + "/asthma.md", atomically: true, encoding: .utf8)
        let index = Self.scratch + "/default-index.sqlite"
        let fromFirst = try Self.run(["ask", "asthma"], environment: ["MEDSEARCH_CORPUS": first, "MEDSEARCH_INDEX": index])
        #expect(fromFirst.status == 0)
        #expect(fromFirst.stderr.contains("first use"), "\(fromFirst.stderr)")
        let fromSecond = try Self.run(["ask", "zebrafinch"], environment: ["MEDSEARCH_CORPUS": second, "MEDSEARCH_INDEX": index])
        #expect(fromSecond.status == 0)
        #expect(fromSecond.stderr.contains("rebuilding the index"), "\(fromSecond.stderr)")
        #expect(!fromSecond.stderr.contains("error"), "\(fromSecond.stderr)")
        #expect(fromSecond.stdout.contains("article: asthma"), "\(fromSecond.stdout)")
        let again = try Self.run(["ask", "zebrafinch"], environment: ["MEDSEARCH_CORPUS": second, "MEDSEARCH_INDEX": index])
        #expect(again.stderr.isEmpty, "an unchanged Corpus is not re-indexed: \(again.stderr)")
    }

    /// A spelling correction is said, in the answers' own spelling, and listed in the JSON.
    @Test func askSaysWhatItSearchedForAMisspelledWord() throws {
        let output = try Self.run(["ask", "is immunotharapy a cure", "--db", Self.index])
        #expect(output.stdout.contains("Searched for \"immunotherapy\" (you typed \"immunotharapy\")."), "\(output.stdout)")
        let json = try Self.run(["ask", "is immunotharapy a cure", "--db", Self.index, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let corrections = object?["corrections"] as? [[String: String]]
        #expect(corrections?.first?["typed"] == "immunotharapy")
        #expect(corrections?.first?["searched"] == "immunotherapy", "\(corrections ?? [])")
        let plain = try Self.run(["ask", "is immunotherapy a cure", "--db", Self.index])
        #expect(!plain.stdout.contains("Searched for"))
    }

    @Test func missingIndexIsAClearError() throws {
        let output = try Self.run(["ask", "asthma", "--db", "/nonexistent/index.sqlite"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("no index at /nonexistent/index.sqlite"))
    }

    @Test func damagedIndexIsAClearError() throws {
        let path = Self.scratch + "/damaged.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let output = try Self.run(["ask", "asthma", "--db", path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("is damaged"), "\(output.stderr)")
    }

    @Test func indexReportsABrokenArticleAndIndexesTheRest() throws {
        let folder = Self.scratch + "/broken"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let corpus = Self.repository.appendingPathComponent("Corpus")
        for name in ["asthma.md", "hives.md"] {
            try FileManager.default.copyItem(atPath: corpus.appendingPathComponent(name).path, toPath: folder + "/" + name)
        }
        try "---\nid: broken\ntitle: \"Broken?\"\npublished: 2025-13-45\nsummary: x\n---\n".write(toFile: folder + "/broken.md", atomically: true, encoding: .utf8)
        let db = folder + "/index.sqlite"
        let output = try Self.run(["index", folder, "--db", db])
        #expect(output.status == 1)
        #expect(output.stderr.contains("broken.md:4: error: published '2025-13-45' must be a date YYYY-MM-DD"), "\(output.stderr)")
        #expect(output.stdout.contains("indexed 2 files"), "\(output.stdout)")
        #expect(output.stdout.contains("1 failed"))
        let ask = try Self.run(["ask", "asthma inhaler", "--db", db])
        #expect(ask.stdout.contains("article: asthma"))

        // Incremental: nothing changed → nothing re-indexed; a deleted file disappears.
        try FileManager.default.removeItem(atPath: folder + "/broken.md")
        try FileManager.default.removeItem(atPath: folder + "/hives.md")
        let again = try Self.run(["index", folder, "--db", db])
        #expect(again.status == 0)
        #expect(again.stdout.contains("indexed 0 files"), "\(again.stdout)")
        #expect(again.stdout.contains("1 unchanged"))
        #expect(again.stdout.contains("1 removed"))
        let show = try Self.run(["show", "hives", "--db", db])
        #expect(show.status == 1)
        #expect(show.stderr.contains("no article with id 'hives'"))
        // No id at all is a usage error (64), not a failed look-up.
        let empty = try Self.run(["show", " ", "--db", db])
        #expect(empty.status == 64 && empty.stderr.contains("the article id is empty"), "\(empty.status) \(empty.stderr)")
    }

    @Test func showPrintsNumberedReferences() throws {
        let output = try Self.run(["show", "immunotherapy-overview", "--db", Self.index])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Is immunotherapy a cure?"))
        #expect(output.stdout.contains("[1] Waldman"))
    }

    /// `eval` and `bench` take the same `--set` overrides, and both refuse an unknown name.
    @Test(arguments: ["eval", "bench"])
    func rankingOverridesAreChecked(command: String) throws {
        let questions = Self.scratch + "/overrides.tsv"
        try "q1\tis immunotherapy a cure\n".write(toFile: questions, atomically: true, encoding: .utf8)
        let common = [command, "--db", Self.index, "--questions", questions] + (command == "bench" ? ["--passes", "1", "--warmup", "0"] : [])
        let bad = try Self.run(common + ["--set", "noSuchWeight=2"])
        #expect(bad.status == 64, "\(bad.stderr)")
        #expect(bad.stderr.contains("noSuchWeight=2"))
        let good = try Self.run(common + ["--set", "fieldKeywords=2"])
        #expect(good.status == 0, "\(good.stderr)")
    }

    /// A question whose chosen form is empty is named on stderr, and still counted.
    @Test func evalNamesQuestionsWithoutText() throws {
        let questions = Self.scratch + "/empty-paraphrase.xml"
        try """
        <LiveQA_Medical_Task_TREC2017>
        <NLM-QUESTION qid="TQ1"><NLM-Summary>is immunotherapy a cure</NLM-Summary><NIST-PARAPHRASE>Can immunotherapy cure cancer?</NIST-PARAPHRASE></NLM-QUESTION>
        <NLM-QUESTION qid="TQ2"><NLM-Summary>what causes hives</NLM-Summary><NIST-PARAPHRASE></NIST-PARAPHRASE></NLM-QUESTION>
        </LiveQA_Medical_Task_TREC2017>
        """.write(toFile: questions, atomically: true, encoding: .utf8)
        let output = try Self.run(["eval", "--db", Self.index, "--questions", questions, "--field", "paraphrase"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("1 question(s) have no paraphrase text and count as unanswered: TQ2"), "\(output.stderr)")
        #expect(output.stdout.contains("questions: 2"), "\(output.stdout)")
        let summary = try Self.run(["eval", "--db", Self.index, "--questions", questions, "--field", "summary"])
        #expect(!summary.stderr.contains("warning"), "\(summary.stderr)")
    }

    /// A short form searched as its long form is said under the question and in the JSON.
    @Test func askSaysWhichAbbreviationItExpanded() throws {
        let text = try Self.run(["ask", "what does icans mean", "--db", Self.index])
        #expect(text.stdout.contains("Also searched \"icans\" as \"immune effector cell associated neurotoxicity syndrome\""), "\(text.stdout)")
        let json = try Self.run(["ask", "what does icans mean", "--db", Self.index, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let abbreviations = try #require(object["abbreviations"] as? [[String: Any]])
        #expect(abbreviations.first?["short"] as? String == "icans")
        let plain = try Self.run(["ask", "is immunotherapy a cure", "--db", Self.index])
        #expect(!plain.stdout.contains("Also searched"))
    }

    @Test func statsCountsTheCorpus() throws {
        let output = try Self.run(["stats", "--db", Self.index, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((json["articles"] as? Int ?? 0) >= 40)
        #expect((json["references"] as? Int ?? 0) > 80)
        // "cytokine release syndrome (CRS)", "chimeric antigen receptor (CAR)", …
        #expect((json["abbreviations"] as? Int ?? 0) > 40)
    }

    @Test func refsFindsAReferenceByAuthorAndYear() throws {
        let output = try Self.run(["refs", "Waldman 2020", "--db", Self.index])
        #expect(output.status == 0, "\(output.stderr)")
        let first = try #require(output.stdout.components(separatedBy: "\n\n").first)
        #expect(first.hasPrefix("[1] Waldman, A. D.; Bellone, S.; Dranoff, G. (2020). Cancer immunotherapy: A review of the past, present, and future."), "\(output.stdout)")
        #expect(first.contains("Journal of Experimental Medicine 217(3), e20190850. doi:10.1084/jem.20190850"), "\(first)")
        #expect(first.contains("cited by: cancer-vaccines — "), "\(first)")
        #expect(first.contains("immunotherapy-overview — Is Immunotherapy the Answer?"), "\(first)")
    }

    @Test func refsFindsReferencesByTitleWords() throws {
        let output = try Self.run(["refs", "checkpoint inhibitors", "--db", Self.index, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let references = try #require(json["references"] as? [[String: Any]])
        #expect(references.count >= 3)
        #expect(json["relaxed"] as? Bool == false)
        let first = try #require(references.first?["reference"] as? [String: Any])
        // The words as written come before their synonyms ("pembrolizumab").
        #expect((first["title"] as? String)?.lowercased().contains("checkpoint inhibitor") == true, "\(first)")
        for field in ["authors", "year", "title", "journal", "volume", "issue", "pages", "doi", "raw"] {
            #expect(first[field] != nil, "JSON reference lacks \(field)")
        }
        let citing = references.flatMap { ($0["citedBy"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(citing.contains("checkpoint-inhibitors"), "\(citing)")
    }

    @Test(arguments: ["zebra unicorn", "NEAR(", "\"", "the of and", "covid-19 type:2 -x"])
    func refsWithoutAMatchSaysSo(query: String) throws {
        let output = try Self.run(["refs", query, "--db", Self.index])
        #expect(output.status == 0, "refs \(query): \(output.stderr)")
        #expect(output.stdout.hasPrefix("No reference"), "refs \(query): \(output.stdout)")
    }

    @Test func refsWithAnEmptyQueryIsAUsageError() throws {
        let output = try Self.run(["refs", "  ", "--db", Self.index])
        #expect(output.status == 64)
        #expect(output.stderr.contains("the query is empty"))
    }

    @Test func indexReadsWebPagesAndJSONLines() throws {
        let folder = Self.scratch + "/formats"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "Published on: 4/2/2025\n\nWhy Do Onions Make Eyes Water?\n\nCutting an onion releases a gas that stings the eyes.\n\nWas this page helpful?\n"
            .write(toFile: folder + "/onion.txt", atomically: true, encoding: .utf8)
        try "{\"_id\": \"tip-1\", \"title\": \"Chilled onions\", \"text\": \"Chilling an onion first means less gas reaches the eyes.\"}\n{broken\n"
            .write(toFile: folder + "/tips.jsonl", atomically: true, encoding: .utf8)
        let db = folder + "/index.sqlite"
        let output = try Self.run(["index", folder, "--db", db])
        #expect(output.status == 1, "a bad line is an error")
        #expect(output.stderr.contains("tips.jsonl:2: error: not valid JSON"), "\(output.stderr)")
        #expect(output.stdout.contains("indexed 2 files (2 articles, 2 passages)"), "\(output.stdout)")
        #expect(output.stdout.contains("1 bad entry left out"), "\(output.stdout)")
        let show = try Self.run(["show", "why-do-onions-make-eyes-water", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("published 2025-04-02"))
        #expect(!show.stdout.contains("helpful"))
        let ask = try Self.run(["ask", "why do onions sting eyes", "--db", db])
        #expect(ask.stdout.contains("article: why-do-onions-make-eyes-water") || ask.stdout.contains("article: tip-1"), "\(ask.stdout)")
    }

    @Test func strictIndexStopsAndLeavesTheIndexAsItWas() throws {
        let folder = Self.scratch + "/strict"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        let corpus = Self.repository.appendingPathComponent("Corpus")
        for name in ["asthma.md", "hives.md"] {
            try FileManager.default.copyItem(atPath: corpus.appendingPathComponent(name).path, toPath: folder + "/articles/" + name)
        }
        let db = folder + "/index.sqlite"
        #expect(try Self.run(["index", folder + "/articles", "--db", db, "--strict"]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let answer = try Self.run(["ask", "asthma inhaler", "--db", db, "--format", "json"]).stdout

        // A new good article and a bad one: --strict writes neither.
        try FileManager.default.copyItem(atPath: corpus.appendingPathComponent("fever.md").path, toPath: folder + "/articles/fever.md")
        try Data([0x47, 0x49, 0x46, 0x38, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder + "/articles/image.md"))
        let output = try Self.run(["index", folder + "/articles", "--db", db, "--strict"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("image.md:1: error: file is binary (NUL byte), not text"), "\(output.stderr)")
        #expect(output.stderr.contains("stopped (--strict): the index at \(db) was not changed"), "\(output.stderr)")
        #expect(output.stdout.isEmpty, "no summary: nothing was indexed")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes, "the index file changed")
        #expect(try Self.run(["ask", "asthma inhaler", "--db", db, "--format", "json"]).stdout == answer)
        #expect(try Self.run(["show", "fever", "--db", db]).status == 1, "the good article was not written either")

        // Without --strict the good article goes in and the bad one is reported.
        let lenient = try Self.run(["index", folder + "/articles", "--db", db])
        #expect(lenient.status == 1)
        #expect(lenient.stdout.contains("indexed 1 files") && lenient.stdout.contains("1 failed"), "\(lenient.stdout)")
        #expect(!lenient.stderr.contains("\r"), "no progress line when stderr is not a terminal")
    }

    @Test func strictFirstBuildLeavesNoIndexBehind() throws {
        let folder = Self.scratch + "/strict-new"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: folder + "/articles/empty.md"))
        let db = folder + "/index.sqlite"
        let output = try Self.run(["index", folder + "/articles", "--db", db, "--strict"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("empty.md: error: file is empty"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["articles"], "no temporary file is left")
    }
}
