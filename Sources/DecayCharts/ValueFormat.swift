/// How a chart prints a value: a share as a percentage or a plain number, with a fixed number of decimals,
/// independent of the server's locale so the same data always gives the same markup.
public enum ValueFormat: Sendable, Equatable {
    /// A share in 0...1 printed as `62%` (or `62.5%` with one decimal).
    case percent(decimals: Int = 0)
    /// A number printed as is: `7.2`.
    case number(decimals: Int = 1)

    /// The printed value; an em dash for a value that is not finite.
    public func string(_ value: Double) -> String {
        switch self {
        case .percent(let decimals): Self.fixed(value * 100, decimals: decimals).map { $0 + "%" } ?? "—"
        case .number(let decimals): Self.fixed(value, decimals: decimals) ?? "—"
        }
    }

    /// `value` rounded to `decimals` places (0...4), without exponent or locale; nil when not finite.
    static func fixed(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite, abs(value) < 1e12 else { return nil }
        let places = min(max(decimals, 0), 4)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        guard places > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return "\(sign)\(magnitude / scale).\(padded)"
    }
}
