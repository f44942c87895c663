import DecayCharts
import Foundation
import Testing

/// Printed heatmap values stay readable: the text colour that contrasts more, at least 4.5:1 on every step.
@Suite("Heatmap text contrast")
struct HeatmapContrastTests {
    private func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    @Test("text on every colour step has a contrast of at least 4.5:1", arguments: 0...20)
    func contrast(step: Int) {
        let share = Double(step) / 20
        let background = self.luminance(ChartPalette.sequential(share))
        let text = self.luminance(ChartPalette.textOnSequential(share))
        let ratio = (max(background, text) + 0.05) / (min(background, text) + 0.05)
        #expect(ratio >= 4.5, "step \(step): \(ChartPalette.sequential(share)) \(ratio)")
    }
}
