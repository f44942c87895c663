import DecayCore
import DecayStore
import Foundation

/// Channel-wide message reports shared by the digests of one scheduler run. A report depends only on the message,
/// its version and the cut-off, and managers in one time zone share the cut-off, so each message is fitted once per
/// zone instead of once per manager. Fits run off the cooperative thread pool.
public actor MessageReportCache {
    private var reports: [String: Task<MessageReport, Never>] = [:]
    private let resamples: Int

    /// `resamples` bootstrap refits give each half-life its interval.
    public init(resamples: Int = 200) {
        self.resamples = resamples
    }

    public func report(_ message: Message, surveys: [Survey], input: MessageReportInput, asOf: Date) async -> MessageReport {
        let key = "\(message.id)\u{0}\(message.version)\u{0}\(asOf.timeIntervalSince1970)"
        if let task = self.reports[key] { return await task.value }
        let builder = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: self.resamples, seed: 1))
        let task = Task { await OffPool.run { builder.build(message: message, surveys: surveys, input: input) } }
        self.reports[key] = task
        return await task.value
    }
}
