import CLibXML2

/// A pull reader over XML bytes through libxml2's streaming `xmlTextReader`: elements and text
/// as events, without building a tree. Errors carry the line where parsing stopped.
final class XMLEventReader {
    enum Event: Equatable {
        case start(String, isEmpty: Bool)
        case text(String)
        case end(String)
    }

    private let reader: xmlTextReaderPtr
    private let bytes: [UInt8]
    let path: String

    init(bytes: [UInt8], path: String) throws {
        guard !bytes.isEmpty else { throw IngestDiagnostic(path: path, message: "file is empty") }
        self.bytes = bytes
        self.path = path
        let options = Int32(MEDSEARCH_XML_PARSE_NONET | MEDSEARCH_XML_PARSE_NOERROR | MEDSEARCH_XML_PARSE_NOWARNING)
        // libxml2 reads the buffer lazily: `bytes` is kept alive by this object.
        guard let reader = self.bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReaderForMemory($0, Int32(clamping: buffer.count), nil, "UTF-8", options)
            }
        }) else { throw IngestDiagnostic(path: path, message: "cannot start the XML reader") }
        self.reader = reader
        // libxml2 would print its own errors to stderr; ours carry the location instead.
        xmlTextReaderSetErrorHandler(reader, { _, _, _, _ in }, nil)
    }

    deinit { xmlFreeTextReader(reader) }

    /// The next event, or nil at the end of the document.
    func next() throws -> Event? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 {
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                throw IngestDiagnostic(path: path, line: max(line, 1), message: "invalid or truncated XML")
            }
            switch xmlTextReaderNodeType(reader) {
            case 1: return .start(localName, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
            case 3, 4, 13, 14: return .text(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "")
            case 15: return .end(localName)
            default: continue
            }
        }
    }

    /// An attribute of the element just started.
    func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { medsearch_xml_free(value) }
        return String(cString: value)
    }

    private var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }
}
