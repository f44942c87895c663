import DecayApp
import Foundation
import Logging
import ServiceLifecycle

/// Fills the report caches once the service is up (the overview, each message with its intervals and its partner ×
/// key point grid, the pulse report),
/// so the first visitor after a restart does not wait for the fits; a visitor who comes earlier shares the fit in
/// flight. It starts once content is synced and the demo seeded (`gate`): results of a still-empty database would be
/// what the first visitors see while the refresh runs. Then it waits for shutdown.
struct ReportWarmer: Service {
    let overview: DashboardOverview
    let recall: PartnerKeyPointRecall
    let pulse: PulseReports
    let gate: StartGate
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.gate.wait() }
        let started = ContinuousClock.now
        do {
            _ = try await self.overview.overview(asOf: Date(), viewer: .admin)
            for message in self.overview.messages.catalog.sortedMessages {
                try Task.checkCancellation()
                _ = try await self.overview.messages.report(message: message.id, resamples: nil)
                _ = try await self.recall.grid(message: message.id, asOf: Date())
            }
            _ = try await self.pulse.report(asOf: Date())
            self.logger.info("Report caches warm", metadata: ["seconds": "\((ContinuousClock.now - started).components.seconds)"])
        } catch is CancellationError {
            return
        } catch {
            self.logger.warning("Could not warm the report caches", metadata: ["error": "\(error)"])
        }
        try? await gracefulShutdown()
    }
}
