#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File paths held as one byte buffer, each path a `String` only when it is read.
///
/// An index run keeps the list of its input files from the walk to the end. For the 563,508
/// paths of a 50× MedQuAD tree, the run's RSS once they were listed (18 MB before) was 102 MB
/// with `[String]`, 65 MB with their bytes plus an offset each, and is 41 MB front-coded: sorted
/// paths share most of their bytes with the path before (the folder, the start of the name),
/// so each is stored as the length of that shared start and the bytes after it, as SQLite's
/// and LevelDB's index pages do; every `restartInterval`-th path is stored whole, so reading
/// any path decodes at most that many. A finished list over 1 MB waits in a temporary file
/// (`spilled(over:in:)`), read back one run of paths at a time.
public struct PathList: RandomAccessCollection, Sendable, Equatable {
    /// Per path: varint(bytes shared with the path before), varint(length of the rest), the rest.
    private var bytes: [UInt8] = []
    /// The same bytes in a temporary file instead (`spilled(over:in:)`); `bytes` is then empty.
    private var file: SpilledBytes?
    /// Where every `restartInterval`-th path starts in `bytes` (it shares nothing).
    private var restarts: [Int] = []
    public private(set) var count = 0
    /// The last path appended, whole: what the next one is compared with.
    private var last: [UInt8] = []

    static let restartInterval = 16

    public init() {}

    public init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> String {
        precondition(position >= 0 && position < count, "PathList index out of range")
        var path: [UInt8] = []
        var (source, offset) = run(position / Self.restartInterval)
        for _ in 0...(position % Self.restartInterval) {
            Self.decode(source, at: &offset, into: &path)
        }
        return String(decoding: path, as: UTF8.self)
    }

    /// Bytes holding run `number` (the paths from its restart on) and where it starts in them:
    /// the whole buffer in memory, or the run read from the file.
    private func run(_ number: Int) -> (bytes: [UInt8], offset: Int) {
        guard let file else { return (bytes, restarts[number]) }
        let end = number + 1 < restarts.count ? restarts[number + 1] : file.count
        return (file.read(restarts[number]..<end), 0)
    }

    /// A copy whose bytes live in an unlinked temporary file in `folder` when they exceed
    /// `limit` (a finished list that a long run reads a path at a time: 563,508 paths of a 50×
    /// MedQuAD tree are ~8 MB that need not stay in memory). The same list in memory when the
    /// file cannot be written. Nothing can be appended to the copy.
    public func spilled(over limit: Int, in folder: String) -> PathList {
        guard file == nil, bytes.count > limit, let file = SpilledBytes(bytes, in: folder) else { return self }
        var copy = self
        copy.file = file
        copy.bytes = []
        copy.last = []
        return copy
    }

    /// The bytes, read back whole when they were spilled.
    private var allBytes: [UInt8] { file.map { $0.read(0..<$0.count) } ?? bytes }

    /// Reads the path at `offset` over `path` (which holds the one before) and moves past it.
    private static func decode(_ bytes: [UInt8], at offset: inout Int, into path: inout [UInt8]) {
        let shared = varint(bytes, at: &offset), length = varint(bytes, at: &offset)
        path.removeSubrange(Swift.min(shared, path.count)...)
        path.append(contentsOf: bytes[offset..<offset + length])
        offset += length
    }

    public mutating func append(_ path: String) {
        precondition(file == nil, "a spilled PathList is finished")
        let utf8 = Array(path.utf8)
        var shared = 0
        if count % Self.restartInterval == 0 {
            restarts.append(bytes.count)
        } else {
            let limit = Swift.min(last.count, utf8.count)
            while shared < limit, last[shared] == utf8[shared] { shared += 1 }
        }
        Self.appendVarint(shared, to: &bytes)
        Self.appendVarint(utf8.count - shared, to: &bytes)
        bytes.append(contentsOf: utf8[shared...])
        last = utf8
        count += 1
    }

    private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func varint(_ bytes: [UInt8], at offset: inout Int) -> Int {
        var value = 0, shift = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// The paths in order, decoded one after the other (each from the one before).
    public struct Iterator: IteratorProtocol {
        private let list: PathList
        /// The bytes of the current run (all of them, in memory) and the next path's offset.
        private var source: [UInt8] = []
        private var offset = 0
        private var position = 0
        private var path: [UInt8] = []

        init(_ list: PathList) { self.list = list }

        public mutating func next() -> String? {
            nextBytes().map { String(decoding: $0, as: UTF8.self) }
        }

        /// The next path's bytes, without making a `String` of them.
        mutating func nextBytes() -> [UInt8]? {
            guard position < list.count else { return nil }
            if position % PathList.restartInterval == 0 { (source, offset) = list.run(position / PathList.restartInterval) }
            PathList.decode(source, at: &offset, into: &path)
            position += 1
            return path
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    /// The paths for which `isIncluded` is true, in order.
    public func filter(_ isIncluded: (String) throws -> Bool) rethrows -> PathList {
        var kept = PathList()
        for path in self where try isIncluded(path) { kept.append(path) }
        return kept
    }

    /// Whether `a` comes before `b` in byte order (UTF-8, which is Unicode scalar order).
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = Swift.min(a.count, b.count)
        if common > 0 {
            let order = a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) }
            }
            if order != 0 { return order < 0 }
        }
        return a.count < b.count
    }

    /// Calls `body` with every path's bytes in order.
    private func forEachPath(_ body: ([UInt8]) -> Void) {
        var paths = makeIterator()
        while let path = paths.nextBytes() { body(path) }
    }

    /// The paths in byte order, each once. Sorting holds every path whole for the while: a
    /// single folder's walk comes out sorted and needs none (`InputFiles.collect`).
    public func sortedUnique() -> PathList {
        var whole: [[UInt8]] = []
        whole.reserveCapacity(count)
        forEachPath { whole.append($0) }
        whole.sort(by: Self.precedes)
        var result = PathList()
        for (index, path) in whole.enumerated() where index == 0 || path != whole[index - 1] {
            result.append(String(decoding: path, as: UTF8.self))
        }
        return result
    }

    /// Whether every path comes after the one before it in byte order (as `sortedUnique()`
    /// leaves them).
    public var isSortedUnique: Bool {
        var previous: [UInt8]?, sorted = true
        forEachPath { path in
            if sorted, let previous, !Self.precedes(previous, path) { sorted = false }
            previous = path
        }
        return sorted
    }

    /// Whether the list, which must be `sortedUnique()`, holds `path`: a binary search over
    /// the whole paths at the restarts, then a walk through one run of paths.
    public func sortedContains(_ path: String) -> Bool {
        let wanted = Array(path.utf8)
        func restartPath(_ number: Int) -> [UInt8] {
            var (source, offset) = run(number), whole: [UInt8] = []
            Self.decode(source, at: &offset, into: &whole)
            return whole
        }
        // The last run whose first path is not after `wanted`.
        var low = 0, high = restarts.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(wanted, restartPath(middle)) { high = middle } else { low = middle + 1 }
        }
        guard low > 0 else { return false }
        let found = low - 1
        var (source, offset) = run(found), current: [UInt8] = []
        for _ in 0..<Swift.min(Self.restartInterval, count - found * Self.restartInterval) {
            Self.decode(source, at: &offset, into: &current)
            if current == wanted { return true }
            if Self.precedes(wanted, current) { return false }
        }
        return false
    }

    public static func == (a: PathList, b: PathList) -> Bool {
        a.count == b.count && a.allBytes == b.allBytes
    }
}

/// Bytes written once to a temporary file that is unlinked at once (it goes with the last
/// descriptor, also when the process dies) and read back a range at a time with `pread`, which
/// threads may call together.
final class SpilledBytes: @unchecked Sendable {
    private let descriptor: Int32
    let count: Int

    init?(_ bytes: [UInt8], in folder: String) {
        var template = Array((folder + "/" + ".medsearch-paths-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress! + written, raw.count - written)
            }
            guard result > 0 else {
                close(descriptor)
                return nil
            }
            written += result
        }
        self.descriptor = descriptor
        count = bytes.count
    }

    /// The bytes in `range`; a read that fails (the file cannot vanish, but a disk can) stops
    /// the run rather than returning wrong paths.
    func read(_ range: Range<Int>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var done = 0
            while done < range.count {
                let result = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                precondition(result > 0, "cannot read back the list of input paths from its temporary file")
                done += result
            }
            initialized = done
        }
    }

    deinit { close(descriptor) }
}
