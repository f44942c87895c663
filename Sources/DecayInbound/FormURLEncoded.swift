/// Decodes `application/x-www-form-urlencoded` bodies as browsers and Slack send them (WHATWG URL spec):
/// `+` is a space, `%XX` a byte, and the bytes are UTF-8; malformed escapes stay as typed.
public enum FormURLEncoded {
    /// Name/value pairs in body order, repeated names kept (`a=1&a=2` gives two pairs).
    ///
    /// ```swift
    /// FormURLEncoded.decode(Array("q.q1=b&name=J%C3%BCrgen+K".utf8))  // [("q.q1", "b"), ("name", "Jürgen K")]
    /// ```
    public static func decode(_ body: [UInt8]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for sequence in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = sequence.firstIndex(of: UInt8(ascii: "=")) {
                let name = self.unescape(sequence[sequence.startIndex..<equals])
                let value = self.unescape(sequence[sequence.index(after: equals)...])
                pairs.append((name, value))
            } else {
                pairs.append((self.unescape(sequence), ""))
            }
        }
        return pairs
    }

    /// Turns `+` into a space and `%XX` into its byte, then reads the bytes as UTF-8 (invalid bytes become U+FFFD).
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = self.hexValue(bytes[index + 1]), let low = self.hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
