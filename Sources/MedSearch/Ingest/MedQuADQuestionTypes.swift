/// MedQuAD labels every question with a `qtype` (37 kinds); this is the question type each
/// answers, in our terms. The label is the collection's own, more reliable than classifying
/// the question text, whose focus words mislead the rules ("What is (are) hereditary
/// hypophosphatemic rickets?" read as an inheritance question for "hereditary").
/// Labels not listed (storage, brand names, a forgotten dose, …) answer no type we ask about.
enum MedQuADQuestionTypes {
    static func type(of qtype: String) -> QuestionType {
        table[qtype.lowercased().trimmed] ?? .other
    }

    static let table: [String: QuestionType] = [
        "information": .definition,
        "symptoms": .symptoms,
        "treatment": .treatment,
        "causes": .causes,
        "genetic changes": .causes,
        "susceptibility": .causes,
        "outlook": .outlook,
        "exams and tests": .diagnosis,
        "when to contact a medical professional": .emergency,
        "emergency or overdose": .emergency,
        "inheritance": .inheritance,
        "frequency": .frequency,
        "prevention": .prevention,
        "why get vaccinated": .prevention,
        "side effects": .sideEffects,
        "complications": .sideEffects,
        "precautions": .sideEffects,
        "important warning": .sideEffects,
        "severe reaction": .sideEffects,
        "contraindication": .sideEffects,
        "interactions with medications": .sideEffects,
        "interactions with herbs and supplements": .sideEffects,
        "interactions with foods": .sideEffects,
        "indication": .treatment,
        "usage": .treatment,
        "dose": .treatment,
        "research": .evidence,
        "how effective is it": .evidence,
        "how does it work": .mechanism,
        "stages": .types,
        "how can i learn more": .nextSteps,
        "support groups": .nextSteps,
    ]
}
