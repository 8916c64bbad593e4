import Foundation

/// Finds the files to index under the paths a user gives, and reads them safely.
public enum InputFiles {
    /// Files under `paths` (a file stands for itself; a folder is walked recursively, skipping
    /// hidden entries and documentation: names starting with README or LICENSE), sorted, with a diagnostic for each path
    /// that does not exist or cannot be read.
    public static func collect(_ paths: [String]) -> (files: [String], problems: [IngestDiagnostic]) {
        var files: [String] = []
        var problems: [IngestDiagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(IngestDiagnostic(path: path, message: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                files.append(absolute(path))
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else {
                problems.append(IngestDiagnostic(path: path, message: "folder cannot be read"))
                continue
            }
            var found = 0
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                _ = manager.fileExists(atPath: full, isDirectory: &childIsDirectory)
                if childIsDirectory.boolValue || isDocumentation(name) { continue }
                files.append(absolute(full))
                found += 1
            }
            if found == 0 {
                problems.append(IngestDiagnostic(path: path, severity: .warning, message: "folder holds no files to index"))
            }
        }
        return (Array(Set(files)).sorted(), problems)
    }

    /// README.md, readme.txt, LICENSE.txt…: a collection's documentation, not its content.
    static func isDocumentation(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("readme") || lower.hasPrefix("license") || lower.hasPrefix("licence")
    }

    /// The path made absolute and standardized, so that runs from other folders agree.
    public static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }

    /// The file's bytes, or a diagnostic when it cannot be read.
    public static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestDiagnostic(path: path, message: "file cannot be read (missing or permission denied)")
        }
        return [UInt8](data)
    }

    /// The bytes as text, refusing binary files and invalid UTF-8 with the line of the problem.
    public static func text(of bytes: [UInt8], path: String) throws -> String {
        if bytes.isEmpty { throw IngestDiagnostic(path: path, message: "file is empty") }
        if let nul = bytes.firstIndex(of: 0) {
            throw IngestDiagnostic(path: path, line: line(at: nul, in: bytes), message: "file is binary (NUL byte), not text")
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break decoding
            case .error:
                throw IngestDiagnostic(path: path, line: line(at: offset, in: bytes), message: "file is not valid UTF-8")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The file name without folder and ending: `a/0000013_3_1.xml` → `0000013_3_1`.
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    /// The folder holding `path`.
    static func parentFolder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// FNV-1a, 64 bits: enough to notice that a file changed.
    public static func contentHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16) + "-" + String(bytes.count)
    }

    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }
}
