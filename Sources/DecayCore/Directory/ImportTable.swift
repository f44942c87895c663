import CSV
import Foundation

/// A directory file (CSV or JSON array of objects) read into rows of named text fields.
public struct ImportTable: Sendable {
    public struct Row: Sendable {
        /// Row number as users see it (CSV: header is row 1; JSON: 1-based array position).
        public var number: Int
        public var fields: [String: String]

        /// The trimmed value, or nil when absent or empty.
        public subscript(_ column: String) -> String? {
            guard let value = self.fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                return nil
            }
            return value
        }

        /// One problem per field holding a control character (a NUL would cut the value short in SQLite), in column order.
        func controlCharacterProblems(order: [String]) -> [ImportProblem] {
            order.compactMap { column in
                self.fields[column].flatMap { ControlCharacters.problem(in: $0) }.map {
                    ImportProblem(row: self.number, field: column, message: $0)
                }
            }
        }
    }

    public enum Format: String, Sendable {
        case csv
        case json

        /// By file extension, else by the first non-blank character (`[` means JSON).
        public static func detect(path: String?, text: String) -> Format {
            if let ext = path.map({ ($0 as NSString).pathExtension.lowercased() }), ext == "json" || ext == "csv" {
                return ext == "json" ? .json : .csv
            }
            return text.first(where: { !$0.isWhitespace }) == "[" ? .json : .csv
        }
    }

    public var rows: [Row]

    /// Parses `text`; `columns` are the known keys, `required` those every row must name in its header.
    public static func parse(_ text: String, format: Format, columns: [String], required: [String]) -> Result<ImportTable, ImportErrors> {
        switch format {
        case .csv: return self.parseCSV(text, columns: columns, required: required)
        case .json: return self.parseJSON(text, columns: columns)
        }
    }

    private static func parseCSV(_ text: String, columns: [String], required: [String]) -> Result<ImportTable, ImportErrors> {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if let unclosed = ImportText.unclosedQuote(in: body) { return .failure(ImportErrors([unclosed])) }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true)
        } catch {
            return .failure(ImportErrors([ImportProblem(row: 1, field: nil, message: "cannot read the CSV header row")]))
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [ImportProblem] = []
        for name in header where !columns.contains(name) {
            problems.append(ImportProblem(row: 1, field: name, message: "unknown column (expected: \(columns.joined(separator: ",")))"))
        }
        for name in required where !header.contains(name) {
            problems.append(ImportProblem(row: 1, field: name, message: "required column is missing from the header"))
        }
        var seenHeader: Set<String> = []
        for name in header where !seenHeader.insert(name).inserted {
            problems.append(ImportProblem(row: 1, field: name, message: "column appears twice in the header"))
        }
        if !problems.isEmpty { return .failure(ImportErrors(problems)) }

        var rows: [Row] = []
        var number = 1
        while let record = reader.next() {
            number += 1
            if record.allSatisfy({ $0.isEmpty }) { continue }
            if record.count != header.count {
                problems.append(ImportProblem(row: number, field: nil, message: "has \(record.count) fields, the header has \(header.count)"))
                continue
            }
            let row = Row(number: number, fields: Dictionary(uniqueKeysWithValues: zip(header, record)))
            problems += row.controlCharacterProblems(order: header)
            rows.append(row)
        }
        if let error = reader.error {
            problems.append(ImportProblem(row: number + 1, field: nil, message: "malformed CSV: \(error)"))
        }
        return problems.isEmpty ? .success(ImportTable(rows: rows)) : .failure(ImportErrors(problems))
    }

    private static func parseJSON(_ text: String, columns: [String]) -> Result<ImportTable, ImportErrors> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            return .failure(ImportErrors([ImportProblem(row: nil, field: nil, message: "not valid JSON: expected an array of objects")]))
        }
        guard let items = object as? [Any] else {
            return .failure(ImportErrors([ImportProblem(row: nil, field: nil, message: "expected a JSON array of objects")]))
        }
        var rows: [Row] = []
        var problems: [ImportProblem] = []
        for (index, item) in items.enumerated() {
            let number = index + 1
            guard var dictionary = item as? [String: Any] else {
                problems.append(ImportProblem(row: number, field: nil, message: "expected an object"))
                continue
            }
            var fields: [String: String] = [:]
            if columns.contains("chat_format"), let chat = dictionary.removeValue(forKey: "chat") {
                problems += Self.flattenChat(chat, into: &dictionary, row: number)
            }
            for (key, value) in dictionary {
                guard columns.contains(key) else {
                    problems.append(ImportProblem(row: number, field: key, message: "unknown key (expected: \(columns.joined(separator: ", ")))"))
                    continue
                }
                switch value {
                case let text as String: fields[key] = text
                case is NSNull: continue
                case let number as NSNumber: fields[key] = number.stringValue
                default: problems.append(ImportProblem(row: number, field: key, message: "expected text"))
                }
            }
            let row = Row(number: number, fields: fields)
            problems += row.controlCharacterProblems(order: columns)
            rows.append(row)
        }
        return problems.isEmpty ? .success(ImportTable(rows: rows)) : .failure(ImportErrors(problems))
    }

    /// `"chat": {"format", "url"}`, as `GET /api/partners` and `/api/people` answer, read as `chat_format` and
    /// `chat_url`, so a listing edited and sent back imports as it is.
    private static func flattenChat(_ chat: Any, into dictionary: inout [String: Any], row: Int) -> [ImportProblem] {
        if chat is NSNull { return [] }
        guard let chat = chat as? [String: Any] else {
            return [ImportProblem(row: row, field: "chat", message: "expected an object with format and url")]
        }
        var problems: [ImportProblem] = []
        for (key, value) in chat {
            let flat = "chat_\(key)"
            guard key == "format" || key == "url" else {
                problems.append(ImportProblem(row: row, field: "chat.\(key)", message: "unknown key (expected: format, url)"))
                continue
            }
            guard dictionary[flat] == nil else {
                problems.append(ImportProblem(row: row, field: "chat.\(key)", message: "given twice, here and as \(flat); keep one"))
                continue
            }
            dictionary[flat] = value
        }
        return problems
    }
}
