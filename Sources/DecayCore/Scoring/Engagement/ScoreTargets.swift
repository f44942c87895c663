import Foundation
import Yams

/// Targets per partner category and metric (`[category: [metric: target]]`), read from `targets.yaml`;
/// the `default` entry applies to every category and a category's own entries override it.
///
/// ```yaml
/// default: { response_rate: 0.5, ack_rate: 0.7, median_ack_hours: 24 }
/// msp: { response_rate: 0.6, score: 65 }
/// ```
public struct ScoreTargets: Sendable, Equatable {
    /// The category key whose targets apply to all categories.
    public static let defaultKey = "default"

    public var byCategory: [String: [Metric: Double]]

    public init(_ byCategory: [String: [Metric: Double]] = [:]) {
        self.byCategory = byCategory
    }

    /// The targets that apply to `category`: the defaults, overridden by the category's own.
    public func targets(for category: String) -> [Metric: Double] {
        let defaults = self.byCategory[Self.defaultKey] ?? [:]
        return defaults.merging(self.byCategory[category] ?? [:]) { _, own in own }
    }

    /// Reads a targets file (YAML or JSON); every problem is reported, and nothing is half-loaded.
    public static func load(contentsOf url: URL) throws -> ScoreTargets {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ScoreTargetsError(problems: [
                ContentProblem(file: url.path, line: 1, message: "cannot read targets: \(error.localizedDescription)")
            ])
        }
        return try Self.parse(text, file: url.path)
    }

    /// Parses YAML or JSON text; problems are `file:line: key: what is wrong`, e.g.
    /// `targets.yaml:3: msp.respons_rate: unknown metric`.
    public static func parse(_ text: String, file: String = "targets.yaml") throws -> ScoreTargets {
        var problems: [ContentProblem] = []
        func report(_ node: Node?, _ message: String) {
            problems.append(ContentProblem(file: file, line: node?.mark?.line ?? 1, message: message))
        }

        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ScoreTargetsError(problems: [ContentProblem(file: file, line: Self.line(of: error), message: "invalid YAML: \(error)")])
        }
        guard let root else { return ScoreTargets() }
        guard case .mapping(let categories) = root else {
            report(root, "targets must be a mapping of category: { metric: target }")
            throw ScoreTargetsError(problems: problems)
        }

        var byCategory: [String: [Metric: Double]] = [:]
        for (categoryNode, metricsNode) in categories {
            guard let category = categoryNode.string, !category.isEmpty else {
                report(categoryNode, "category keys must be text")
                continue
            }
            if metricsNode.null != nil {
                byCategory[category] = [:]
                continue
            }
            guard case .mapping(let metrics) = metricsNode else {
                report(metricsNode, "\(category): must be a mapping of metric: target")
                continue
            }
            var targets: [Metric: Double] = [:]
            for (metricNode, valueNode) in metrics {
                let name = metricNode.string ?? ""
                let key = "\(category).\(name)"
                guard let metric = Metric(rawValue: name) else {
                    let known = Metric.allCases.map(\.rawValue).joined(separator: ", ")
                    report(metricNode, "\(key): unknown metric (expected one of: \(known))")
                    continue
                }
                guard case .scalar = valueNode, let value = valueNode.float ?? valueNode.int.map(Double.init),
                    value.isFinite
                else {
                    report(valueNode, "\(key): target must be a number, got '\(valueNode.string ?? "?")'")
                    continue
                }
                guard metric.validRange.contains(value) else {
                    report(valueNode, "\(key): target \(valueNode.string ?? "\(value)") is outside \(Self.rangeText(metric))")
                    continue
                }
                targets[metric] = value
            }
            byCategory[category] = targets
        }
        guard problems.isEmpty else { throw ScoreTargetsError(problems: problems) }
        return ScoreTargets(byCategory)
    }

    /// The allowed range as users write it, e.g. `0...1 (a share, 0.6 = 60%)`.
    private static func rangeText(_ metric: Metric) -> String {
        switch metric {
        case .responseRate, .ackRate, .recall, .activeShare: "0...1 (a share: 0.6 = 60%)"
        case .medianAckHours: "0 or more hours"
        case .score: "0...100"
        }
    }

    /// The line a Yams parse error points at, or 1.
    private static func line(of error: Error) -> Int {
        guard let error = error as? YamlError else { return 1 }
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return 1
        }
    }
}
