/// The bytes of a directory file checked before they are parsed: valid UTF-8 (a bad byte is refused with the row it
/// sits on, never replaced with U+FFFD) and, for CSV, every quoted field closed.
public enum ImportText {
    /// The text, or the problem: the row is the CSV record (header = row 1) or, for JSON, nil with the line in the message.
    public static func decode(_ bytes: [UInt8], format: ImportTable.Format?) -> Result<String, ImportErrors> {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                offset += UTF8.width(scalar)
            case .emptyInput:
                break decoding
            case .error:
                let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
                let detail = "is not valid UTF-8 (byte \(byte) at offset \(offset)); save the file as UTF-8"
                let prefix = bytes[..<offset]
                if (format ?? .csv) == .csv {
                    return .failure(ImportErrors([ImportProblem(row: self.csvRow(in: prefix), field: nil, message: detail)]))
                }
                let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
                return .failure(ImportErrors([ImportProblem(row: nil, field: nil, message: "line \(line) \(detail)")]))
            }
        }
        return .success(String(scalars))
    }

    /// The CSV record a byte offset falls in: line breaks inside quoted fields do not end a record.
    static func csvRow(in bytes: ArraySlice<UInt8>) -> Int {
        var scanner = QuoteScanner()
        for byte in bytes { scanner.consume(byte) }
        return scanner.row
    }

    /// For CSV: a quoted field still open at the end of the file, named with the row where its quote opened.
    public static func unclosedQuote(in text: String) -> ImportProblem? {
        var scanner = QuoteScanner()
        for byte in text.utf8 { scanner.consume(byte) }
        scanner.finish()
        guard let row = scanner.openedOnRow else { return nil }
        return ImportProblem(
            row: row, field: nil,
            message: "a quoted field opens on this row and is never closed: add the closing \" (inside a quoted field, write \"\" for a quote)"
        )
    }

    /// RFC 4180 quoting, byte by byte: a quote opens a field only at its start; inside, `""` is a quote and `"` closes.
    struct QuoteScanner {
        private(set) var row = 1
        private(set) var openedOnRow: Int?
        private var atFieldStart = true
        private var quoteSeen = false

        mutating func consume(_ byte: UInt8) {
            let quote = UInt8(ascii: "\"")
            if self.openedOnRow != nil {
                if self.quoteSeen {
                    self.quoteSeen = false
                    if byte == quote { return }
                    self.openedOnRow = nil
                } else if byte == quote {
                    self.quoteSeen = true
                    return
                } else {
                    return
                }
            }
            switch byte {
            case quote where self.atFieldStart:
                self.openedOnRow = self.row
                self.atFieldStart = false
            case UInt8(ascii: ","):
                self.atFieldStart = true
            case UInt8(ascii: "\n"):
                self.row += 1
                self.atFieldStart = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                self.atFieldStart = false
            }
        }

        /// A closing quote as the file's last byte closes the field.
        mutating func finish() {
            if self.quoteSeen {
                self.quoteSeen = false
                self.openedOnRow = nil
            }
        }
    }
}
