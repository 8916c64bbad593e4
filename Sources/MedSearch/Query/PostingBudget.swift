/// Bounds the work of one question on a large index: when the stored posting lists of its
/// terms hold more entries together than the budget, the terms with the longest lists (the
/// commonest, which weigh least) are narrowed to their topic lists — the passages that hold
/// them in the title, heading or keywords (`topic_postings`) — until the total fits. A
/// narrowed term keeps its weight (from its whole list) and still lifts every passage about
/// it; it no longer adds its small share to passages that only mention it in the body.
///
/// Ranking time grows with the postings read (decoding them and adding each to its passage):
/// about 23 ns an entry at 50× MedQuAD on this machine, so a chatty message of twenty terms
/// reading 2.6 million entries took 59 ms. Dropping such terms instead cost answer quality at
/// 50× (summary avgScore 1.510 → 1.275 at a budget of 600,000); narrowing them did not
/// (`Benchmarks/RESULTS.md`).
/// At 1× MedQuAD no question comes near the budget: the rankings are unchanged.
enum PostingBudget {
    /// The indices of the groups to narrow, given what each reads whole (`full`) and narrowed
    /// (`topic`): the costliest first (the later of equal ones) while the total exceeds
    /// `budget`. Empty when the total fits or the budget is 0 or less. No group is left out,
    /// even when the narrowed total still exceeds the budget: leaving the costliest narrowed
    /// terms out as well lost summary nDCG@10 0.584 → 0.564 at 50× (`Benchmarks/RESULTS.md`).
    static func narrowed(full: [Int], topic: [Int], budget: Int) -> Set<Int> {
        var total = full.reduce(0, +)
        guard budget > 0, total > budget else { return [] }
        var result = Set<Int>()
        for index in full.indices.sorted(by: { (full[$0], $0) > (full[$1], $1) }) where total > budget && topic[index] < full[index] {
            result.insert(index)
            total -= full[index] - topic[index]
        }
        return result
    }
}
