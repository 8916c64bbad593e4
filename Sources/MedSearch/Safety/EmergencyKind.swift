/// The kind of emergency a red-flag rule recognises.
///
/// The raw values are stable identifiers: they appear in JSON output and in
/// the judged benchmark set (`Benchmarks/emergency/questions.tsv`).
public enum EmergencyKind: String, CaseIterable, Sendable, Codable, Equatable {
    case heartAttack
    case stroke
    case anaphylaxis
    case breathing
    case bleeding
    case seizure
    case confusion
    case unresponsive
    case infantFever
    case poisoning
    case meningitis
    case suicide

    /// `true` when the right help is a crisis line rather than an ambulance.
    public var isCrisisLine: Bool { self == .suicide }

    /// A short human-readable name ("possible heart attack").
    public var title: String {
        switch self {
        case .heartAttack: return "possible heart attack"
        case .stroke: return "possible stroke"
        case .anaphylaxis: return "possible severe allergic reaction (anaphylaxis)"
        case .breathing: return "severe difficulty breathing"
        case .bleeding: return "heavy or uncontrolled bleeding"
        case .seizure: return "seizure"
        case .confusion: return "sudden confusion"
        case .unresponsive: return "unconscious or unresponsive person"
        case .infantFever: return "fever in a baby under 3 months"
        case .poisoning: return "possible poisoning or overdose"
        case .meningitis: return "possible meningitis or sepsis"
        case .suicide: return "thoughts of suicide or self-harm"
        }
    }

    /// The full advice, self-contained (it is all a JSON consumer gets): what to call,
    /// then ``firstAid``.
    public var advice: String { callToAction + " " + firstAid }

    /// Whom to call, and how urgently.
    public var callToAction: String {
        switch self {
        case .suicide:
            return "Call or text 988 (Suicide & Crisis Lifeline, US) or your local crisis line now."
        case .poisoning:
            return "Call Poison Control (1-800-222-1222 in the US) or your local emergency number (911 in the US) now."
        case .infantFever:
            return "Call your baby's doctor now or go to an emergency department; call your local emergency number (911 in the US) if the baby is hard to wake, floppy or struggling to breathe."
        default:
            return "Call your local emergency number (911 in the US) now."
        }
    }

    /// `true` when ``callToAction`` says more than the notice's headline
    /// (Poison Control, the baby's doctor), so the text block keeps it.
    var needsOwnCallToAction: Bool { self == .poisoning || self == .infantFever }

    /// What the person or those with them can do while help comes. Kept short, and
    /// limited to what the cited public sources tell a lay person.
    public var firstAid: String {
        switch self {
        case .heartAttack:
            return "Chest pain or pressure, especially with sweating, sickness, breathlessness or pain spreading to the arm, jaw or back, can be a heart attack. Do not drive yourself; stop and rest while help comes."
        case .stroke:
            return "A drooping face, arm or leg weakness, slurred speech, sudden loss of vision or balance, or a sudden severe headache can be a stroke. Note the time the symptoms started: every minute counts."
        case .anaphylaxis:
            return "Swelling of the throat, tongue or lips or trouble breathing after an allergen can be anaphylaxis. Use an adrenaline (epinephrine) auto-injector now if one is available, then call."
        case .breathing:
            return "Severe trouble breathing, blue lips or choking needs help now. Sit the person upright; if they are choking or stop breathing, follow the dispatcher's first-aid instructions."
        case .bleeding:
            return "Press firmly on the wound with a clean cloth and keep pressing until help arrives. Vomiting or coughing up blood, or heavy bleeding in pregnancy, also needs urgent care."
        case .seizure:
            return "Keep the person safe: move hard objects away, turn them on their side and time the seizure. Do not put anything in their mouth."
        case .confusion:
            return "Sudden confusion can be a sign of stroke, infection, low blood sugar or another emergency. Stay with the person."
        case .unresponsive:
            return "If the person is not breathing normally, start CPR (push hard and fast in the centre of the chest) and follow the dispatcher's instructions."
        case .infantFever:
            return "A temperature of 100.4 F (38 C) or higher in a baby under 3 months needs a doctor's check right away, even if the baby seems well."
        case .poisoning:
            return "Keep the container or pill bottle to tell them what was taken. Do not make the person vomit."
        case .meningitis:
            return "Fever with a stiff neck or confusion, or a rash that does not fade when a glass is pressed on it, can be meningitis or sepsis."
        case .suicide:
            return "You are not alone, and someone is there to talk to any time of day. If you or someone else is in immediate danger or has already taken something, call 911 (or your local emergency number)."
        }
    }
}
