import Foundation

/// Shrinks a text budget until a whole payload fits a byte limit (Teams, Google Chat, Matrix).
enum PayloadFit {
    /// Calls `build` with smaller budgets until its bytes fit `maxBytes`; each step drops at least the overflow.
    static func largest(maxBytes: Int, start: Int, build: (Int) -> Data) -> Data {
        var budget = start
        while true {
            let data = build(budget)
            if data.count <= maxBytes || budget == 0 { return data }
            budget = max(0, budget - max(data.count - maxBytes, 16))
        }
    }

    /// Key points as a Markdown list, the form every renderer cuts and redraws.
    static func keyPointList(_ points: [String]) -> String {
        points.map { "- " + $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
    }
}
