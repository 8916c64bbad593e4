import ArgumentParser
import Foundation
import Logging
import MedSearch

@main
struct MedSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medsearch",
        abstract: "Search medical explanations offline and get the passage that answers your question.",
        discussion: """
        Answers come from an SQLite FTS5 index of articles. Without --db, `ask` uses the index of \
        the shipped Corpus, built on first use in ~/.cache/medsearch (override with MEDSEARCH_INDEX).

        Answers are information, not medical advice or a diagnosis. If a question describes an \
        emergency, MedSearch says so first: call your local emergency number (911 in the US).

        Examples:
          medsearch ask "is immunotherapy a cure"
          medsearch ask "what are the side effects of allergy shots" --format json
          medsearch index Corpus --db my.sqlite --rebuild
          medsearch show immunotherapy-overview
        """,
        version: "0.1.0",
        subcommands: [AskCommand.self, IndexCommand.self, ShowCommand.self, RefsCommand.self, StatsCommand.self,
                      EvalCommand.self, BenchCommand.self, CheckCommand.self, FuzzCommand.self]
    )

    static func main() {
        // Past a file-size limit (`ulimit -f`) a write should fail with an error that `index`
        // reports ("the index was not changed"), not kill the process with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        // `ask` is what people run and time: parsed on its own it skips the reflection of the
        // whole command tree. Whatever it does not parse cleanly (help, a mistake) goes the usual
        // way, for the usual messages.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "ask", let ask = try? AskCommand.parse(Array(arguments.dropFirst())) {
            do {
                try ask.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        main(nil)
    }
}

/// Options shared by the commands that read an index.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index file (default: the index of the shipped Corpus).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Log what happens, on stderr.")
    var verbose = false

    /// The index to read: `--db`, or the default index built or refreshed as needed.
    func resolvedIndexPath(logger: Logger) throws -> String {
        if let db {
            guard FileManagerShim.fileExists(db) else {
                throw CommandError("no index at \(db); build one with `medsearch index --db \(db) PATH…`")
            }
            return db
        }
        return try DefaultIndex.prepare(logger: logger) { Terminal.standardError($0) }
    }
}

/// A user-facing failure: printed as `medsearch: error: …`, exit status 1.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Logging to stderr so that `--format json` on stdout stays clean.
enum Logs {
    static func bootstrap(verbose: Bool) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .warning
            return handler
        }
        return Logger(label: "medsearch")
    }
}
