import DecayCore
import Foundation

/// A parsed JSON document that keeps booleans and numbers apart, so adapters can name the exact field that is wrong.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a request body; a syntax error is a 400 that says so.
    public static func parse(_ body: [UInt8]) throws(InboundError) -> JSONValue {
        do {
            return try JSONParser.parse(body)
        } catch {
            throw InboundError(.malformed, "body is not valid JSON")
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Typed field access that throws a 400 naming the field, e.g. `answers.q3: expected a number or a string, got an object`.
struct JSONFields {
    let object: [String: JSONValue]
    let path: String

    init(_ value: JSONValue, path: String = "") throws(InboundError) {
        guard case .object(let object) = value else {
            throw InboundError(.malformed, "expected a JSON object, got \(value.typeName)", field: path.isEmpty ? nil : path)
        }
        self.object = object
        self.path = path
    }

    func name(_ key: String) -> String { self.path.isEmpty ? key : "\(self.path).\(key)" }

    func string(_ key: String) throws(InboundError) -> String {
        guard let value = self.object[key] else { throw InboundError(.malformed, "is required", field: self.name(key)) }
        guard case .string(let text) = value, !text.isBlank else {
            throw InboundError(.malformed, "expected a non-empty string, got \(value.typeName)", field: self.name(key))
        }
        return text
    }

    func date(_ key: String) throws(InboundError) -> Date {
        let text = try self.string(key)
        guard let date = RFC3339.parse(text) else {
            throw InboundError(.malformed, "expected an RFC 3339 time like 2026-11-20T10:15:00Z, got '\(text)'", field: self.name(key))
        }
        return date
    }

    func strings(_ key: String) throws(InboundError) -> [String] {
        guard let value = self.object[key] else { throw InboundError(.malformed, "is required", field: self.name(key)) }
        guard case .array(let items) = value else {
            throw InboundError(.malformed, "expected an array of strings, got \(value.typeName)", field: self.name(key))
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw InboundError(.malformed, "expected a string, got \(item.typeName)", field: "\(self.name(key))[\(index)]")
            }
            result.append(text)
        }
        return result
    }

    func object(_ key: String) throws(InboundError) -> JSONFields {
        guard let value = self.object[key] else { throw InboundError(.malformed, "is required", field: self.name(key)) }
        return try JSONFields(value, path: self.name(key))
    }
}

/// RFC 3339 times with or without fractional seconds.
public enum RFC3339 {
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
