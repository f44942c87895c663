/// Builds SVG markup one element at a time, escaping every string and refusing to write a number that is not finite.
///
/// Charts never concatenate markup themselves: names come from a directory and message files and may hold
/// `<script>` or quotes, and a NaN coordinate would make a browser drop the shape silently.
/// ```swift
/// var svg = SVGWriter()
/// svg.element("rect", ["x": 10, "y": 0, "width": 20, "height": 5, "fill": "#0072B2"], title: "Hop 0: 62%")
/// ```
public struct SVGWriter: Sendable {
    /// The markup written so far.
    public internal(set) var output = ""

    public init() {}

    /// Opens a container element; an attribute whose number is not finite is left out.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, SVGValue> = [:]) {
        self.output += "<" + name
        for (key, value) in attributes {
            if let text = value.markup { self.output += " \(key)=\"\(text)\"" }
        }
        self.output += ">"
    }

    /// Closes the element `open` started.
    public mutating func close(_ name: String) {
        self.output += "</\(name)>"
    }

    /// Writes an empty element, or a `<title>` child for hover when `title` is given; writes nothing and
    /// returns false when any number is not finite, so degenerate data draws no shape instead of a broken one.
    @discardableResult
    public mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, SVGValue>, title: String? = nil
    ) -> Bool {
        guard let markup = Self.attributeMarkup(attributes) else { return false }
        if let title {
            self.output += "<\(name)\(markup)><title>\(Self.escape(title))</title></\(name)>"
        } else {
            self.output += "<\(name)\(markup)/>"
        }
        return true
    }

    /// Writes a `<text>` element with escaped content and an optional `<title>` (the full text of a truncated label).
    @discardableResult
    public mutating func text(
        _ content: String, _ attributes: KeyValuePairs<String, SVGValue>, title: String? = nil
    ) -> Bool {
        guard let markup = Self.attributeMarkup(attributes) else { return false }
        self.output += "<text\(markup)>"
        if let title { self.output += "<title>\(Self.escape(title))</title>" }
        self.output += Self.escape(content) + "</text>"
        return true
    }

    /// Escapes text for content and for either kind of quoted attribute; characters XML 1.0 forbids
    /// (control characters, lone surrogates' replacements, U+FFFE/U+FFFF) become U+FFFD so the document stays well formed.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F...0x9F).contains(v) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A coordinate with at most two decimals, without exponent or locale: `12.5`, `-3`, `0.25`;
    /// nil when the value is not finite.
    public static func number(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        let clamped = min(max(value, -1_000_000), 1_000_000)
        let hundredths = Int((clamped * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return "\(sign)\(whole).\(digits)"
    }

    /// A value usable as an XML id (and CSS selector) from any caller's string: letters, digits, `-` and `_` kept,
    /// everything else becomes `-`, and a leading `c-` when it would not start with a letter.
    public static func identifier(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            let isWord = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            out.unicodeScalars.append(isWord || scalar == "-" || scalar == "_" ? scalar : "-")
        }
        if let first = out.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic { return out }
        return "c-" + out
    }

    private static func attributeMarkup(_ attributes: KeyValuePairs<String, SVGValue>) -> String? {
        var markup = ""
        for (key, value) in attributes {
            guard let text = value.markup else { return nil }
            markup += " \(key)=\"\(text)\""
        }
        return markup
    }
}

/// An attribute value: text (escaped when written) or a number (written only when finite).
public enum SVGValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral
{
    case text(String)
    case number(Double)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }

    /// The escaped attribute text, or nil for a number that is not finite.
    var markup: String? {
        switch self {
        case .text(let text): SVGWriter.escape(text)
        case .number(let value): SVGWriter.number(value)
        }
    }
}
