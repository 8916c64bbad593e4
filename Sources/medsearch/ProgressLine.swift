import Foundation
import MedSearch

/// The progress line of `medsearch index` on stderr, rewritten in place with `\r`: only when
/// stderr is a terminal (a log file or a pipe gets the summary line alone), at most ten
/// times a second.
final class ProgressLine {
    private let enabled: Bool
    private var lastShown = 0.0
    private var shown = false

    init(enabled: Bool = Terminal.standardErrorIsTTY) {
        self.enabled = enabled
    }

    func show(_ progress: IndexProgress) {
        guard enabled, progress.seconds - lastShown >= 0.1 || !shown else { return }
        lastShown = progress.seconds
        shown = true
        // \u{1B}[K clears what a longer previous line left behind.
        FileHandle.standardError.write(Data(("\r" + progress.line + "\u{1B}[K").utf8))
    }

    /// Erases the line, so the diagnostics and the summary start on a clean line.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
