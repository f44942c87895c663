import Foundation

/// Colours and line styles that stay apart for colour-blind readers and on a grey-scale printout:
/// the Okabe-Ito palette in an order that alternates dark and light, each with its own dash pattern and marker.
public enum ChartPalette {
    /// Okabe-Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, black (yellow left out: too
    /// light for lines on white).
    public static let series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    /// Dash patterns paired with `series` so lines differ without colour; the first is solid.
    public static let dashes = ["", "9 3", "2 3", "9 3 2 3", "5 5", "1 2", "12 3 3 3"]
    /// Ink for axes, labels and observed points.
    public static let ink = "#1a1a1a"
    /// Grid lines and secondary text.
    public static let grid = "#d0d0d0"
    public static let muted = "#595959"

    /// The colour of series `index`, repeating after the palette's length.
    public static func color(_ index: Int) -> String {
        self.series[index % self.series.count]
    }

    /// The dash pattern of series `index` (empty = solid).
    public static func dash(_ index: Int) -> String {
        self.dashes[index % self.dashes.count]
    }

    /// Viridis at nine stops: perceptually even, readable by colour-blind readers and monotonic in lightness,
    /// so a grey-scale print still orders the cells. Low values are light, high values dark.
    static let sequentialStops: [(Double, Double, Double)] = [
        (253, 231, 37), (170, 220, 50), (94, 201, 98), (33, 165, 133), (33, 145, 140),
        (44, 114, 142), (59, 82, 139), (71, 44, 122), (68, 1, 84),
    ]

    /// The sequential colour for a share in 0...1 (clamped), as `#rrggbb`.
    public static func sequential(_ share: Double) -> String {
        let rgb = self.sequentialRGB(share)
        return "#" + [rgb.0, rgb.1, rgb.2].map { hex2(Int($0.rounded())) }.joined()
    }

    /// Black or white, whichever contrasts more with `sequential(share)` by WCAG relative luminance (black from
    /// about L = 0.18 up, so mid-scale teal gets black at 5:1 rather than white at under 4:1).
    public static func textOnSequential(_ share: Double) -> String {
        let (r, g, b) = self.sequentialRGB(share)
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff"
    }

    private static func sequentialRGB(_ share: Double) -> (Double, Double, Double) {
        let t = share.isFinite ? min(max(share, 0), 1) : 0
        let position = t * Double(self.sequentialStops.count - 1)
        let lower = min(Int(position), self.sequentialStops.count - 2)
        let f = position - Double(lower)
        let a = self.sequentialStops[lower]
        let b = self.sequentialStops[lower + 1]
        return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }
}

/// An sRGB channel (0-255) as linear light, for relative luminance.
private func linear(_ channel: Double) -> Double {
    let c = channel / 255
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
}

private func hex2(_ value: Int) -> String {
    let digits = Array("0123456789abcdef")
    let v = min(max(value, 0), 255)
    return String([digits[v / 16], digits[v % 16]])
}
