import Foundation

/// Runs `work(0) … work(count - 1)` on a few worker threads and hands the results back in
/// index order, one at a time, to the thread that calls `next()`.
///
/// An index run parses files on the workers while its own thread writes them to the index in
/// path order, so the output (row ids, diagnostics) never depends on timing. At most `window`
/// results are computed ahead of the one `next()` waits for, and no new one is started while
/// the finished ones waiting cost more than `budget` (by `cost`): memory stays flat however
/// many files there are and however large they are.
final class OrderedWork<Result: Sendable>: @unchecked Sendable {
    private let count: Int
    private let window: Int
    private let work: @Sendable (Int) -> Result
    private let budget: Int
    private let cost: @Sendable (Result) -> Int
    /// What the finished results not yet handed out cost together, and the most it has been.
    private var waitingCost = 0
    private var mostWaiting = 0
    /// Guards everything below.
    private let condition = NSCondition()
    private var results: [Int: Result] = [:]
    private var nextToStart = 0
    private var nextToHand = 0
    private var running = 0
    private var cancelled = false

    /// Starts `workers` threads (at least one) on `work`.
    init(count: Int, workers: Int, window: Int, budget: Int = .max, cost: @escaping @Sendable (Result) -> Int = { _ in 0 },
         work: @escaping @Sendable (Int) -> Result) {
        self.count = count
        self.window = max(1, window)
        self.budget = budget
        self.cost = cost
        self.work = work
        let threads = max(1, min(workers, count))
        guard count > 0 else { return }
        running = threads
        for number in 0..<threads {
            let thread = Thread { [self] in runWorker() }
            thread.name = "medsearch-parse-\(number)"
            // Parsers recurse (YAML, Markdown): give them the stack a main thread has.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The number of worker threads that suits this machine: one core is left to the thread
    /// that writes (FTS5's tokenizing there is the longest part of a build, and a parser that
    /// shares its core slows it). MedQuAD fresh builds on 2 cores, 8 alternating runs each:
    /// median 1.53 s with 1 worker, 1.65 s with 2.
    static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    private func runWorker() {
        while true {
            condition.lock()
            // Over budget, a worker waits until the writer takes results, unless nothing is
            // waiting (one result larger than the budget still gets made).
            while !cancelled, nextToStart < count, nextToStart >= nextToHand + window || (waitingCost > budget && nextToStart > nextToHand) {
                condition.wait()
            }
            guard !cancelled, nextToStart < count else {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = nextToStart
            nextToStart += 1
            condition.unlock()

            let result = work(index)
            let resultCost = cost(result)

            condition.lock()
            results[index] = result
            waitingCost += resultCost
            mostWaiting = max(mostWaiting, waitingCost)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The most the finished results waiting for `next()` have cost together so far.
    var mostWaitingCost: Int {
        condition.lock()
        defer { condition.unlock() }
        return mostWaiting
    }

    /// The result of the next index in order (waiting for it), or nil after the last.
    func next() -> Result? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToHand < count else { return nil }
        while results[nextToHand] == nil { condition.wait() }
        let result = results.removeValue(forKey: nextToHand)
        if let result { waitingCost -= cost(result) }
        nextToHand += 1
        condition.broadcast()
        return result
    }

    /// Stops the workers (each finishes the item it is on) and waits until they have exited;
    /// call it before leaving, also when leaving early.
    func finish() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        results.removeAll()
        condition.unlock()
    }
}
