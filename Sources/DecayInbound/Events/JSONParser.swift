/// A small strict JSON parser (RFC 8259) straight from bytes to ``JSONValue``. Webhook bodies are parsed on every
/// request, and decoding an untyped tree through `JSONDecoder` cost several thrown errors per value.
struct JSONParser {
    struct Failure: Error {}

    /// Nesting beyond this is refused, so a hostile body cannot exhaust the stack.
    static let maxDepth = 64

    private let bytes: [UInt8]
    private var index = 0

    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw Failure() }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maxDepth, self.index < self.bytes.count else { throw Failure() }
        switch self.bytes[self.index] {
        case UInt8(ascii: "{"): return try self.object(depth: depth)
        case UInt8(ascii: "["): return try self.array(depth: depth)
        case UInt8(ascii: "\""): return .string(try self.string())
        case UInt8(ascii: "t"): try self.literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try self.literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try self.literal("null"); return .null
        default: return .number(try self.number())
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        self.index += 1
        var object: [String: JSONValue] = [:]
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "}") {
            self.index += 1
            return .object(object)
        }
        while true {
            self.skipWhitespace()
            guard self.peek() == UInt8(ascii: "\"") else { throw Failure() }
            let key = try self.string()
            self.skipWhitespace()
            guard self.peek() == UInt8(ascii: ":") else { throw Failure() }
            self.index += 1
            self.skipWhitespace()
            object[key] = try self.value(depth: depth + 1)
            self.skipWhitespace()
            switch self.peek() {
            case UInt8(ascii: ","): self.index += 1
            case UInt8(ascii: "}"): self.index += 1; return .object(object)
            default: throw Failure()
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        self.index += 1
        var items: [JSONValue] = []
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "]") {
            self.index += 1
            return .array(items)
        }
        while true {
            self.skipWhitespace()
            items.append(try self.value(depth: depth + 1))
            self.skipWhitespace()
            switch self.peek() {
            case UInt8(ascii: ","): self.index += 1
            case UInt8(ascii: "]"): self.index += 1; return .array(items)
            default: throw Failure()
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        self.index += 1
        var scalars = String.UnicodeScalarView()
        var start = self.index
        var plain: [UInt8] = []
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                plain.append(contentsOf: self.bytes[start..<self.index])
                self.index += 1
                guard let text = String(validating: plain, as: UTF8.self) else { throw Failure() }
                if scalars.isEmpty { return text }
                scalars.append(contentsOf: text.unicodeScalars)
                return String(scalars)
            }
            if byte < 0x20 { throw Failure() }
            if byte == UInt8(ascii: "\\") {
                plain.append(contentsOf: self.bytes[start..<self.index])
                guard let text = String(validating: plain, as: UTF8.self) else { throw Failure() }
                scalars.append(contentsOf: text.unicodeScalars)
                plain.removeAll(keepingCapacity: true)
                scalars.append(try self.escape())
                start = self.index
                continue
            }
            self.index += 1
        }
        throw Failure()
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        self.index += 1
        guard self.index < self.bytes.count else { throw Failure() }
        let byte = self.bytes[self.index]
        self.index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try self.hex4()
            if (0xD800...0xDBFF).contains(high) {
                guard self.peek() == UInt8(ascii: "\\"), self.index + 1 < self.bytes.count, self.bytes[self.index + 1] == UInt8(ascii: "u") else {
                    throw Failure()
                }
                self.index += 2
                let low = try self.hex4()
                guard (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw Failure()
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw Failure() }
            return scalar
        default:
            throw Failure()
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard self.index + 4 <= self.bytes.count else { throw Failure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = self.bytes[self.index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Failure()
            }
            value = value << 4 | digit
            self.index += 1
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, converted with the standard library's parser.
    private mutating func number() throws(Failure) -> Double {
        let start = self.index
        if self.peek() == UInt8(ascii: "-") { self.index += 1 }
        guard let first = self.peek(), first.isDigit else { throw Failure() }
        self.index += 1
        if first != UInt8(ascii: "0") { self.skipDigits() }
        if self.peek() == UInt8(ascii: ".") {
            self.index += 1
            guard self.peek()?.isDigit == true else { throw Failure() }
            self.skipDigits()
        }
        if self.peek() == UInt8(ascii: "e") || self.peek() == UInt8(ascii: "E") {
            self.index += 1
            if self.peek() == UInt8(ascii: "+") || self.peek() == UInt8(ascii: "-") { self.index += 1 }
            guard self.peek()?.isDigit == true else { throw Failure() }
            self.skipDigits()
        }
        guard let value = Double(String(decoding: self.bytes[start..<self.index], as: UTF8.self)), value.isFinite else { throw Failure() }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { throw Failure() }
        for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] {
            throw Failure()
        }
        self.index += count
    }

    private mutating func skipDigits() {
        while let byte = self.peek(), byte.isDigit { self.index += 1 }
    }

    private mutating func skipWhitespace() {
        while let byte = self.peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { self.index += 1 }
    }

    private func peek() -> UInt8? {
        self.index < self.bytes.count ? self.bytes[self.index] : nil
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
