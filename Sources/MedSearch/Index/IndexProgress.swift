import Foundation

/// How far an index run has got, for the progress line `medsearch index` shows on a terminal.
public struct IndexProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        /// Going through the files: each changed one is read, parsed and written in turn.
        case reading
        /// Finishing the run's transaction after the last file.
        case writing
    }

    public var stage: Stage
    public var filesDone: Int
    public var filesTotal: Int
    public var passages: Int
    /// Bytes of the files read so far.
    public var bytes: Int
    public var seconds: Double

    /// `reading 1200/11000 files, 5300 passages, 4.1 MB/s`.
    public var line: String {
        let rate = seconds > 0 ? String(format: ", %.1f MB/s", Double(bytes) / 1_048_576 / seconds) : ""
        return "\(stage.rawValue) \(filesDone)/\(filesTotal) files, \(passages) passages\(rate)"
    }
}
