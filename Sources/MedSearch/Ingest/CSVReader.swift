/// Reads RFC 4180 CSV: comma-separated fields, double-quoted fields may hold commas, newlines
/// and doubled quotes. Small and strict enough for MedQuAD's `judged-answers.csv`.
enum CSVReader {
    /// The rows of `text`, each a list of fields, with the 1-based line where the row starts.
    ///
    /// Reads the UTF-8 bytes: the quote, comma, CR and LF it looks for are ASCII, which never
    /// occurs inside a multi-byte character, so each field is whole characters.
    static func rows(_ text: String) -> [(line: Int, fields: [String])] {
        var text = text
        return text.withUTF8 { bytes in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            var rows: [(Int, [String])] = []
            var field: [UInt8] = [], fields: [String] = []
            var inQuotes = false, line = 1, rowLine = 1
            func endField() {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            }
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                if byte == lf { line += 1 }
                if inQuotes {
                    if byte == quote {
                        // A doubled quote is a quote; a single one ends the quoted part.
                        if offset < bytes.count, bytes[offset] == quote {
                            field.append(quote)
                            offset += 1
                        } else {
                            inQuotes = false
                        }
                    } else {
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case quote: inQuotes = true
                case comma: endField()
                case cr: continue
                case lf:
                    endField()
                    rows.append((rowLine, fields)); fields = []
                    rowLine = line
                default: field.append(byte)
                }
            }
            if !field.isEmpty || !fields.isEmpty { endField(); rows.append((rowLine, fields)) }
            return rows
        }
    }
}
