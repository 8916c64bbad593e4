import Foundation
import Testing
@testable import MedSearch

/// Security by inspection of the sources: SQL is never built from text, MATCH strings come
/// only from `FTS5Query`, the query commands open the index read-only, nothing touches the
/// network, and file paths come only from the command line or the documented defaults.
/// Each failure names the file and line to fix.
@Suite struct SourceSafetyTests {
    struct SourceFile {
        var path: String        // relative to the repository, e.g. Sources/MedSearch/SearchEngine.swift
        var text: String
        var lines: [String] { text.components(separatedBy: "\n") }
        /// The lines without `//` comments (a crude cut that is good enough for these checks).
        var codeLines: [(number: Int, text: String)] {
            lines.enumerated().compactMap { index, line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") { return nil }
                return (index + 1, line)
            }
        }
    }

    static let sources: [SourceFile] = {
        let root = TestPaths.repository.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [SourceFile] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = (try? String(contentsOfFile: root.appendingPathComponent(relative).path, encoding: .utf8)) ?? ""
            files.append(SourceFile(path: "Sources/" + relative, text: text))
        }
        return files.sorted { $0.path < $1.path }
    }()

    static let sqlKeywords = ["SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "PRAGMA", "ATTACH", "DETACH",
                              "ALTER", "REPLACE", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "VACUUM", "SAVEPOINT"]

    /// Every string literal of a file (single-line and `"""` blocks), with its first line.
    static func literals(_ file: SourceFile) -> [(line: Int, text: String)] {
        var found: [(Int, String)] = []
        let lines = file.lines
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("//") { index += 1; continue }
            if let open = line.range(of: "\"\"\"") {
                let rest = line[open.upperBound...]
                if let close = rest.range(of: "\"\"\"") {
                    found.append((index + 1, String(rest[..<close.lowerBound])))
                    index += 1
                    continue
                }
                var block: [String] = []
                var end = index + 1
                while end < lines.count, !lines[end].contains("\"\"\"") { block.append(lines[end]); end += 1 }
                found.append((index + 1, block.joined(separator: "\n")))
                index = end + 1
                continue
            }
            // Single-line literals: "…" with escapes.
            var scalars = Array(line.unicodeScalars)[...]
            while let quote = scalars.firstIndex(of: "\"") {
                var cursor = quote + 1
                var literal = ""
                var depth = 0
                while cursor < scalars.endIndex {
                    let scalar = scalars[cursor]
                    if scalar == "\\", cursor + 1 < scalars.endIndex {
                        if scalars[cursor + 1] == "(" { depth += 1 }
                        literal.unicodeScalars.append(scalar)
                        literal.unicodeScalars.append(scalars[cursor + 1])
                        cursor += 2
                        continue
                    }
                    if depth > 0 {
                        if scalar == "(" { depth += 1 } else if scalar == ")" { depth -= 1 }
                        literal.unicodeScalars.append(scalar)
                        cursor += 1
                        continue
                    }
                    if scalar == "\"" { break }
                    literal.unicodeScalars.append(scalar)
                    cursor += 1
                }
                found.append((index + 1, literal))
                scalars = scalars[min(cursor + 1, scalars.endIndex)...]
            }
            index += 1
        }
        return found
    }

    static func looksLikeSQL(_ literal: String) -> Bool {
        let first = literal.trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" }).first
        return first.map { sqlKeywords.contains(String($0).uppercased()) && String($0) == String($0).uppercased() } ?? false
    }

    // MARK: 1. No SQL built from text

    static func sqlBuildingOffenders(_ files: [SourceFile]) -> [String] {
        var offenders: [String] = []
        for file in files {
            for literal in literals(file) where looksLikeSQL(literal.text) {
                if literal.text.contains("\\(") { offenders.append("\(file.path):\(literal.line): interpolation in SQL") }
            }
            for (number, line) in file.codeLines {
                // "SELECT …" + something, or something + "… WHERE"
                if line.range(of: #""\s*\+|\+\s*""#, options: .regularExpression) != nil,
                   sqlKeywords.contains(where: { line.contains("\"\($0) ") || line.contains(" \($0) ") && line.contains("\"") }) {
                    offenders.append("\(file.path):\(number): SQL assembled with +")
                }
                if line.contains("String(format:"), sqlKeywords.contains(where: { line.contains("\($0) ") }) {
                    offenders.append("\(file.path):\(number): SQL assembled with String(format:)")
                }
            }
        }
        return offenders
    }

    @Test func sqlLiteralsHaveNoInterpolationAndNoConcatenation() {
        let offenders = Self.sqlBuildingOffenders(Self.sources)
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    /// The scanners find what they look for (so a pass means something).
    @Test func theScannersCatchStringBuiltSQL() {
        let bad = [
            SourceFile(path: "a.swift", text: #"let s = try db.prepare("SELECT * FROM t WHERE x = '\(user)'")"#),
            SourceFile(path: "b.swift", text: "let sql = \"DELETE FROM t WHERE id = \" + id"),
            SourceFile(path: "c.swift", text: "let sql = String(format: \"SELECT %@ FROM t\", column)"),
            SourceFile(path: "d.swift", text: "x = try db.prepare(\"\"\"\n  SELECT a FROM t\n  WHERE b = '\\(name)'\n  \"\"\")"),
        ]
        for file in bad {
            #expect(!Self.sqlBuildingOffenders([file]).isEmpty, "missed: \(file.text)")
        }
        let good = SourceFile(path: "e.swift", text: #"let s = try db.prepare("SELECT * FROM t WHERE x = ?").rows([.text(user)])"#)
        #expect(Self.sqlBuildingOffenders([good]).isEmpty)
        let unsafeMatch = SourceFile(path: "f.swift", text: """
            let find = try database.prepare("SELECT rowid FROM t WHERE t MATCH ?")
            let rows = try find.rows([.text(question)]) { $0.int(0) }
            """)
        #expect(!Self.matchBindingOffenders([unsafeMatch]).offenders.isEmpty)
    }

    @Test func onlyTheDatabaseWrapperTalksToSQLite() {
        var offenders: [String] = []
        for file in Self.sources where !file.path.hasPrefix("Sources/MedSearch/Database/") && file.path.hasSuffix(".swift") {
            for (number, line) in file.codeLines {
                if line.contains("import CSQLite") || line.contains("sqlite3_") {
                    offenders.append("\(file.path):\(number): \(line.trimmingCharacters(in: .whitespaces))")
                }
                if line.contains("Statement(database:") || line.contains("StaticSQL(stringLiteral") || line.contains("unsafeBitCast") && line.contains("StaticSQL") {
                    offenders.append("\(file.path):\(number): builds SQL outside a literal")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    /// `prepare` and `execute` take `StaticSQL`, which only a string literal can make.
    @Test func theWrapperAcceptsSQLOnlyFromLiterals() throws {
        let database = try #require(Self.sources.first { $0.path == "Sources/MedSearch/Database/Database.swift" })
        #expect(database.text.contains("public func execute(_ sql: StaticSQL)"))
        #expect(database.text.contains("public func prepare(_ sql: StaticSQL)"))
        let staticSQL = try #require(database.text.range(of: "public struct StaticSQL"))
        let body = database.text[staticSQL.lowerBound...].prefix { $0 != "}" }
        #expect(body.components(separatedBy: "init(").count == 2, "StaticSQL must have exactly one initializer")
        #expect(body.contains("init(stringLiteral value: StaticString)"))
        #expect(!body.contains("ExpressibleByStringInterpolation"))
        for file in Self.sources where file.path.hasPrefix("Sources/MedSearch/Database/") {
            for (number, line) in file.codeLines where line.contains("public") && line.contains("func") {
                #expect(!line.contains("sql: String") && !line.contains("_ sql: String"), "\(file.path):\(number) takes SQL as a String")
            }
        }
    }

    // MARK: 2. MATCH only through FTS5Query

    @Test func matchIsAlwaysABoundParameter() {
        for file in Self.sources {
            for literal in Self.literals(file) where Self.looksLikeSQL(literal.text) && literal.text.contains("MATCH") {
                let afterMatch = literal.text.components(separatedBy: "MATCH").dropFirst()
                for part in afterMatch {
                    #expect(part.trimmingCharacters(in: .whitespaces).hasPrefix("?"), "\(file.path):\(literal.line): MATCH must be followed by ?")
                }
            }
        }
    }

    /// Every value bound to a `… MATCH ?` statement is an `FTS5Query`'s `matchString`.
    @Test func matchParametersComeFromFTS5Query() throws {
        let (statements, checkedUses, offenders) = Self.matchBindingOffenders(Self.sources)
        #expect(statements.count >= 2, "found MATCH statements: \(statements)")
        #expect(checkedUses >= 2)
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    static func matchBindingOffenders(_ files: [SourceFile]) -> (statements: Set<String>, checkedUses: Int, offenders: [String]) {
        var matchStatements: Set<String> = []
        var checkedUses = 0
        var offenders: [String] = []
        // `name = try database.prepare(""" … MATCH ? … """)` and the single-line form.
        let pattern = try! NSRegularExpression(pattern: #"(\w+)\s*=\s*try\s+\w+\.prepare\(\s*("""[\s\S]*?"""|"[^"\n]*")"#)
        for file in files {
            let text = file.text
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let name = Range(match.range(at: 1), in: text), let sql = Range(match.range(at: 2), in: text) else { continue }
                if text[sql].contains("MATCH") { matchStatements.insert(String(text[name])) }
            }
            // Prepared and run in one chain: prepare("… MATCH ?").rows(…)
            if text.range(of: #"prepare\([^)]*MATCH[^)]*\)\s*\.(rows|run|bind)"#, options: .regularExpression) != nil {
                offenders.append("\(file.path): a MATCH statement run in one chain; name it so its bindings can be checked")
            }
        }
        for file in files {
            let text = file.text
            for name in matchStatements {
                var searchRange = text.startIndex..<text.endIndex
                while let use = text.range(of: name + ".", range: searchRange) {
                    searchRange = use.upperBound..<text.endIndex
                    let call = text[use.upperBound...].prefix(while: { $0 != "(" })
                    guard ["rows", "run", "bind"].contains(String(call)) else { continue }
                    let arguments = balanced(text[use.upperBound...], open: "(", close: ")")
                    let bindings = arguments.components(separatedBy: ".text(").dropFirst()
                    if bindings.isEmpty { offenders.append("\(file.path): \(name).\(call) binds no visible .text(…) for MATCH") }
                    for binding in bindings {
                        let value = balanced(Substring("(" + binding), open: "(", close: ")").dropFirst().dropLast()
                        checkedUses += 1
                        if !value.hasSuffix("matchString") { offenders.append("\(file.path): \(name) bound to \(value)") }
                    }
                }
            }
        }
        return (matchStatements, checkedUses, offenders)
    }

    /// The text from the first `open` to its matching `close`, both included.
    static func balanced(_ text: Substring, open: Character, close: Character) -> Substring {
        guard let start = text.firstIndex(of: open) else { return "" }
        var depth = 0
        var index = start
        while index < text.endIndex {
            if text[index] == open { depth += 1 }
            if text[index] == close { depth -= 1; if depth == 0 { return text[start...index] } }
            index = text.index(after: index)
        }
        return text[start...]
    }

    // MARK: 3. ask, eval and bench open the index read-only

    @Test func queryCommandsNeverOpenTheIndexForWriting() {
        let readers = Self.sources.filter { file in
            ["AskCommand.swift", "EvalCommand.swift", "BenchCommand.swift", "FuzzCommand.swift", "CheckCommand.swift"].contains { file.path.hasSuffix("medsearch/" + $0) }
                || file.path.hasSuffix("SearchEngine.swift") || file.path.hasSuffix("IndexReader.swift")
                || file.path.hasSuffix("IndexChecker.swift") || file.path.contains("/Evaluation/")
        }
        #expect(readers.count >= 5)
        for file in readers {
            for (number, line) in file.codeLines {
                let opensForWriting = line.contains("IndexWriter(") || line.contains("IndexWriter.rebuild")
                    || (line.contains(".readWrite") && !line.contains("\":memory:\""))
                #expect(!opensForWriting, "\(file.path):\(number): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        // Only the writer opens files read-write.
        for file in Self.sources where !file.path.hasSuffix("IndexWriter.swift") && !file.path.contains("/Database/") {
            for (number, line) in file.codeLines where line.contains("mode: .readWrite") && !line.contains("\":memory:\"") {
                Issue.record("\(file.path):\(number) opens a database read-write")
            }
        }
    }

    // MARK: 4. No network

    @Test func nothingTouchesTheNetwork() throws {
        let forbidden = ["URLSession", "FoundationNetworking", "URLRequest", "NWConnection", "getaddrinfo", "socket(",
                         "connect(", "CFSocket", "CFStream", "AsyncHTTPClient", "NIOCore", "NIOPosix", "URL(string:"]
        for file in Self.sources {
            for (number, line) in file.codeLines {
                for word in forbidden where line.contains(word) {
                    Issue.record("\(file.path):\(number) uses \(word)")
                }
            }
        }
        let manifest = try String(contentsOf: TestPaths.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        for word in ["swift-nio", "async-http-client", "AsyncHTTPClient", "Alamofire"] {
            #expect(!manifest.contains(word), "Package.swift depends on \(word)")
        }
    }

    // MARK: 5. File paths only from the command line or documented defaults

    @Test func environmentVariablesAreTheDocumentedOnes() throws {
        let documented: Set = ["MEDSEARCH_CORPUS", "MEDSEARCH_INDEX", "XDG_CACHE_HOME", "NO_COLOR", "TERM"]
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"environment\["([A-Z_]+)"\]"#)
        var used: Set<String> = []
        for file in Self.sources {
            for match in pattern.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)) {
                if let range = Range(match.range(at: 1), in: file.text) { used.insert(String(file.text[range])) }
            }
            for (number, line) in file.codeLines where line.contains("getenv(") || line.contains("environment[") && !line.contains("environment[\"") {
                Issue.record("\(file.path):\(number): environment read by a computed name")
            }
        }
        #expect(used.isSubset(of: documented), "undocumented variables: \(used.subtracting(documented))")
        for name in used where name.hasPrefix("MEDSEARCH") || name.hasPrefix("XDG") || name == "NO_COLOR" {
            #expect(readme.contains(name), "README does not document \(name)")
        }
    }

    @Test func noHardCodedPaths() {
        for file in Self.sources {
            for literal in Self.literals(file) {
                let text = literal.text
                if text.range(of: #"^(/|~/)[A-Za-z]"#, options: .regularExpression) != nil && !Self.looksLikeSQL(text) {
                    Issue.record("\(file.path):\(literal.line): hard-coded path \"\(text)\"")
                }
            }
            for (number, line) in file.codeLines where !file.path.hasSuffix("DefaultIndex.swift") {
                for word in ["NSTemporaryDirectory", "temporaryDirectory", "NSHomeDirectory", "homeDirectoryForCurrentUser", "#filePath"]
                where line.contains(word) {
                    Issue.record("\(file.path):\(number): \(word) outside DefaultIndex (the documented defaults)")
                }
            }
        }
    }
}
