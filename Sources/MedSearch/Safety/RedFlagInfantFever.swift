/// The extra checks of the infant-fever rule.
///
/// Source: American Academy of Pediatrics, HealthyChildren.org, "When to Call the
/// Pediatrician: Fever" — a baby younger than 3 months with a rectal temperature of
/// 100.4 F (38 C) or higher needs to be seen right away.
enum RedFlagInfantFever {
    /// 100.4 F.
    static let feverFahrenheit = 100.4
    /// 38 C.
    static let feverCelsius = 38.0
    /// Plausible body temperatures, to tell a reading from an age or a dose.
    static let fahrenheitRange = 93.0...110.0
    static let celsiusRange = 34.0...43.5

    /// Spelled-out amounts used in ages and durations ("two month old").
    static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 2, "couple": 2,
    ]
    /// Age units and the largest value still under 3 months.
    static let ageUnitsUnderThreeMonths: [String: Double] = [
        "day": 90, "days": 90, "week": 12.9, "weeks": 12.9, "wk": 12.9, "wks": 12.9, "wek": 12.9,
        "month": 2.99, "months": 2.99, "mo": 2.99, "mos": 2.99, "mth": 2.99, "mths": 2.99, "mnth": 2.99,
    ]
    /// Words that name a baby under 3 months by themselves.
    static let newbornWords: Set<String> = ["newborn", "newborns", "neonate", "neonatal", "newbie"]
    /// Words after "<n> <unit>" that make it an age ("6 weeks old").
    static let ageMarkers: Set<String> = ["old", "olds", "age", "aged"]
    /// Words after a reading that mark it as a temperature.
    static let temperatureUnits: Set<String> = ["f", "c", "degrees", "degree", "deg", "fahrenheit", "celsius", "centigrade"]
    /// Words before a reading that mark it as a temperature.
    static let temperatureWords: Set<String> = Set(RedFlagLexicon.classes["fever"] ?? []).union(["reading", "thermometer", "rectal", "rectally"])

    /// `true` when the question names a baby under 3 months, and any temperature it quotes is
    /// a fever; with no reading, it must say so in words ("fever", "felt hot", "warm"): a
    /// question about the thermometer itself is not an emergency.
    static func isSatisfied(by tokens: [RedFlagToken]) -> Bool {
        guard mentionsBabyUnderThreeMonths(tokens) else { return false }
        let readings = temperatureReadings(tokens)
        if readings.isEmpty { return tokens.contains { feverWords.contains($0.text) } }
        return readings.contains(where: isFever)
    }

    /// Words that say a baby has a fever without a reading.
    static let feverWords: Set<String> = Set(RedFlagLexicon.classes["fever"] ?? []).union(["hot", "warm", "burning"])

    static func mentionsBabyUnderThreeMonths(_ tokens: [RedFlagToken]) -> Bool {
        for (i, token) in tokens.enumerated() {
            if newbornWords.contains(token.text) { return true }
            guard let amount = token.number ?? numberWords[token.text], i + 1 < tokens.count,
                  let limit = ageUnitsUnderThreeMonths[tokens[i + 1].text] else { continue }
            let marker = tokens[(i + 2)..<min(i + 4, tokens.count)].contains { ageMarkers.contains($0.text) }
            if marker && amount <= limit { return true }
        }
        return false
    }

    /// Body-temperature readings quoted in the question.
    static func temperatureReadings(_ tokens: [RedFlagToken]) -> [Double] {
        var readings: [Double] = []
        for (i, token) in tokens.enumerated() {
            guard let value = token.number, fahrenheitRange.contains(value) || celsiusRange.contains(value) else { continue }
            let unitAfter = i + 1 < tokens.count && temperatureUnits.contains(tokens[i + 1].text)
            let wordBefore = tokens[max(0, i - 3)..<i].contains { temperatureWords.contains($0.text) }
            if unitAfter || wordBefore { readings.append(value) }
        }
        return readings
    }

    static func isFever(_ value: Double) -> Bool {
        fahrenheitRange.contains(value) ? value >= feverFahrenheit : value >= feverCelsius
    }
}
