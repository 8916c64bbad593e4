import Foundation
import ArgumentParser

/// Where output goes, and whether it may be coloured (a TTY, and `NO_COLOR` unset).
enum Terminal {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var colorEnabled: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    static var standardErrorIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
}

/// ANSI styles, applied only when colour is enabled.
struct Style {
    let enabled: Bool
    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func cyan(_ text: String) -> String { wrap(text, "36") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

enum FileManagerShim {
    static func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

/// JSON for `--format json`: sorted keys, so output is stable for scripts and tests.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}

/// `text` or `json`.
enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case text, json
}
