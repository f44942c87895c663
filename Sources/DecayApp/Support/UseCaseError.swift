/// A request a use case cannot carry out, naming the input at fault; every front end renders it its own way
/// (HTTP: the status and the JSON error shape; CLI: `field: message`), so the same input fails the same way.
public struct UseCaseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The input is malformed or out of range (HTTP 400).
        case invalid
        /// The named thing does not exist (HTTP 404).
        case notFound
        /// Well-formed, but it cannot be done with the data as it is (HTTP 422).
        case unprocessable
    }

    public var kind: Kind
    public var message: String
    public var field: String?
    /// Per-row problems, for bulk inputs such as imports.
    public var details: [String]

    public init(_ kind: Kind, _ message: String, field: String? = nil, details: [String] = []) {
        self.kind = kind
        self.message = message
        self.field = field
        self.details = details
    }

    public var description: String { self.field.map { "\($0): \(self.message)" } ?? self.message }

    public static func invalid(_ message: String, field: String) -> UseCaseError {
        UseCaseError(.invalid, message, field: field)
    }

    public static func unprocessable(field: String, _ message: String) -> UseCaseError {
        UseCaseError(.unprocessable, message, field: field)
    }

}
