/// Reads RFC 4180 CSV: comma-separated fields, double-quoted fields may hold commas, newlines
/// and doubled quotes. Small and strict enough for MedQuAD's `judged-answers.csv`.
enum CSVReader {
    /// The rows of `text`, each a list of fields, with the 1-based line where the row starts.
    static func rows(_ text: String) -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var field = "", fields: [String] = []
        var inQuotes = false, line = 1, rowLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        while let scalar = next() {
            if scalar == "\n" { line += 1 }
            if inQuotes {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n":
                fields.append(field); field = ""
                rows.append((rowLine, fields)); fields = []
                rowLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); rows.append((rowLine, fields)) }
        return rows
    }
}
