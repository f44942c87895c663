/// One bad row in a directory import: where it is and what was expected.
public struct ImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// 1-based record number; in a CSV the header is row 1, so the first data row is row 2. Nil for the whole file.
    public var row: Int?
    public var field: String?
    public var message: String

    public init(row: Int?, field: String?, message: String) {
        self.row = row
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let row { parts.append("row \(row)") }
        if let field { parts.append("field '\(field)'") }
        parts.append(self.message)
        return parts.joined(separator: ": ")
    }
}

/// Every problem in an import; the import changes nothing when there is any.
public struct ImportErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) {
        self.problems = problems
    }

    public var description: String { self.problems.map(\.description).joined(separator: "\n") }
}
