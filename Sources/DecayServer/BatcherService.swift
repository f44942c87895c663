import DecayStore
import ServiceLifecycle

/// Runs the group-commit loop; on graceful shutdown it commits what is pending, then ends.
struct BatcherService: Service {
    let batcher: WriteBatcher

    func run() async throws {
        await withGracefulShutdownHandler {
            await self.batcher.run()
        } onGracefulShutdown: {
            Task { await self.batcher.finish() }
        }
    }
}
