// TEMPORARY (not committed): placeholder until the red-flag detector lands.
public enum EmergencyKind: String, Sendable, Codable, Equatable, CaseIterable { case heartAttack }
public struct EmergencyNotice: Sendable, Codable, Equatable {
    public var kind: EmergencyKind
    public var matchedWords: [String]
    public var advice: String
    public var isCrisisLine: Bool { false }
}
public struct RedFlagDetector: Sendable {
    public static let ruleSetVersion = "0"
    public init() {}
    public func assess(_ question: String) -> EmergencyNotice? { nil }
}
