import Foundation
import Testing
@testable import MedSearch

/// `OrderedWork`: results come back in index order whatever the workers' timing, and the
/// finished results waiting for the reader stay within the budget.
@Suite struct OrderedWorkTests {
    @Test func resultsComeInOrderWithinTheBudget() {
        // Each result costs 5; budget 10: at most the budget plus one result per worker waits.
        let work = OrderedWork(count: 200, workers: 2, window: 64, budget: 10, cost: { _ in 5 }) { index -> Int in
            if index % 7 == 0 { usleep(200) }
            return index
        }
        defer { work.finish() }
        var seen: [Int] = []
        while let next = work.next() {
            if next % 50 == 0 { usleep(5_000) }  // a slow reader: the workers run ahead
            seen.append(next)
        }
        #expect(seen == Array(0..<200))
        #expect(work.mostWaitingCost <= 10 + 5 * 2)
        #expect(work.mostWaitingCost >= 10)
    }

    @Test func aResultLargerThanTheBudgetStillComes() {
        let work = OrderedWork(count: 20, workers: 2, window: 64, budget: 10, cost: { _ in 100 }) { $0 }
        defer { work.finish() }
        var seen: [Int] = []
        while let next = work.next() { seen.append(next) }
        #expect(seen == Array(0..<20))
    }

    @Test func withoutABudgetTheWindowBounds() {
        let work = OrderedWork(count: 100, workers: 2, window: 4, cost: { _ in 1 }) { $0 }
        defer { work.finish() }
        var seen: [Int] = []
        while let next = work.next() {
            if next == 0 { usleep(20_000) }
            seen.append(next)
        }
        #expect(seen == Array(0..<100))
        #expect(work.mostWaitingCost <= 4)
    }
}
