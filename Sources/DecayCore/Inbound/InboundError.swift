/// Why an inbound request was refused: HTTP status, a stable code, what was wrong and which field.
public struct InboundError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// 401: missing, malformed or non-matching signature, stale or future timestamp.
        case unauthorized
        /// 413: body over the size limit.
        case tooLarge = "payload_too_large"
        /// 400: not the JSON (or form) shape the source sends.
        case malformed = "bad_request"
        /// 422: well-formed, but names a survey, question, person, message or option that is not known.
        case unprocessable = "unprocessable"

        public var status: Int {
            switch self {
            case .unauthorized: return 401
            case .tooLarge: return 413
            case .malformed: return 400
            case .unprocessable: return 422
            }
        }
    }

    public var kind: Kind
    public var message: String
    public var field: String?

    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    public var description: String {
        self.field.map { "\($0): \(self.message)" } ?? self.message
    }
}
