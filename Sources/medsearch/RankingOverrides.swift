import ArgumentParser
import MedSearch

/// `--set name=value`: ranking constants overridden for one `eval` or `bench` run, for
/// measuring a change before it is made the default.
struct RankingOverrides: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a ranking constant for this run (repeatable), e.g. --set fieldKeywords=2. Names: \(RankingWeights.names.joined(separator: ", ")).", valueName: "name=value"))
    var assignments: [String] = []

    func validate() throws {
        var weights = RankingWeights.standard
        for assignment in assignments where !weights.set(assignment) {
            throw ValidationError("--set \(assignment): expected name=value with a name from: \(RankingWeights.names.joined(separator: ", "))")
        }
    }

    /// `weights` with the overrides applied.
    func applied(to weights: RankingWeights) -> RankingWeights {
        var result = weights
        for assignment in assignments { _ = result.set(assignment) }
        return result
    }
}
