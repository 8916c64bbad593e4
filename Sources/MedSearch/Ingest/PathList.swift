#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File paths held as one byte buffer, each path a `String` only when it is read.
///
/// An index run keeps the list of its input files from the walk to the end. As `[String]`, the
/// 563,508 paths of a 50× MedQuAD tree were ~85 MB of the run's memory (RSS sampled every
/// second: 18 MB at start, 102 MB once they were listed, 134 MB at the peak); here they are
/// their bytes plus an offset each (64 MB once listed, 93 MB at the peak).
public struct PathList: RandomAccessCollection, Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// Where each path ends in `bytes` (it starts where the one before ends).
    private var ends: [Int] = []

    public init() {}

    public init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> String {
        String(decoding: bytes[range(of: position)], as: UTF8.self)
    }

    private func range(of position: Int) -> Range<Int> {
        (position == 0 ? 0 : ends[position - 1])..<ends[position]
    }

    public mutating func append(_ path: String) {
        bytes.append(contentsOf: path.utf8)
        ends.append(bytes.count)
    }

    /// The paths for which `isIncluded` is true, in order.
    public func filter(_ isIncluded: (String) throws -> Bool) rethrows -> PathList {
        var kept = PathList()
        for path in self where try isIncluded(path) { kept.append(path) }
        return kept
    }

    /// The paths in byte order (UTF-8, which is Unicode scalar order), each once.
    public func sortedUnique() -> PathList {
        var order = Array(indices)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            order.sort { first, second in
                let a = range(of: first), b = range(of: second)
                let order = memcmp(base + a.lowerBound, base + b.lowerBound, Swift.min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
        var result = PathList()
        result.bytes.reserveCapacity(bytes.count)
        result.ends.reserveCapacity(ends.count)
        var last: Range<Int>?
        for position in order {
            let span = range(of: position)
            if let last, bytes[last].elementsEqual(bytes[span]) { continue }
            result.bytes.append(contentsOf: bytes[span])
            result.ends.append(result.bytes.count)
            last = span
        }
        return result
    }

    /// Whether every path comes after the one before it in byte order (as `sortedUnique()`
    /// leaves them).
    public var isSortedUnique: Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            for position in indices.dropFirst() {
                let a = range(of: position - 1), b = range(of: position)
                let order = memcmp(base + a.lowerBound, base + b.lowerBound, Swift.min(a.count, b.count))
                if order > 0 || (order == 0 && a.count >= b.count) { return false }
            }
            return true
        }
    }

    /// Whether the list, which must be `sortedUnique()`, holds `path` (binary search).
    public func sortedContains(_ path: String) -> Bool {
        let wanted = Array(path.utf8)
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            let candidate = bytes[range(of: middle)]
            if candidate.elementsEqual(wanted) { return true }
            if candidate.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
