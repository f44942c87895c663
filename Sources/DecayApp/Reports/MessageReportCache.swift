import DecayCore
import DecayStore
import Foundation

/// Channel-wide message reports shared by the digests of one scheduler run. A report depends only on the message,
/// its version and the cut-off, and managers in one time zone share the cut-off, so each message is fitted once per
/// zone instead of once per manager. Fits run off the cooperative thread pool.
public actor MessageReportCache {
    private var reports: [String: Task<MessageReport, Never>] = [:]
    private let resamples: Int
    private let metrics: ReportMetrics

    /// `resamples` bootstrap refits give each half-life its interval; `metrics` times each fit.
    public init(resamples: Int = 200, metrics: ReportMetrics = ReportMetrics()) {
        self.resamples = resamples
        self.metrics = metrics
    }

    public func report(_ message: Message, surveys: [Survey], input: MessageReportInput, asOf: Date) async -> MessageReport {
        let key = "\(message.id)\u{0}\(message.version)\u{0}\(asOf.timeIntervalSince1970)"
        if let task = self.reports[key] { return await task.value }
        let builder = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: self.resamples, seed: 1))
        let metrics = self.metrics
        let task = Task {
            await OffPool.run { metrics.timeFit(message: message.id) { builder.build(message: message, surveys: surveys, input: input) } }
        }
        self.reports[key] = task
        return await task.value
    }
}
