import DecayChat
import DecayCore
import DecayStore
import Foundation

/// Builds digests for the scheduler: who gets one, and one manager's payload for one week.
public protocol DigestComposer: Sendable {
    /// Starts a scheduling pass and lists its recipients; what a pass reads or fits is shared by its digests.
    func targets() async throws -> [DigestTarget]
    func payload(for target: DigestTarget, week: ISOWeek, now: Date) async throws -> ChatPayload
}

/// Digests from the database through ``Digests``, one ``DigestRun`` per scheduling pass.
public final class StoreDigestComposer: DigestComposer, @unchecked Sendable {
    private let digests: Digests
    private let resamples: Int
    private let lock = NSLock()
    private var run: DigestRun

    /// `resamples`: bootstrap resamples behind each message's intervals.
    public init(digests: Digests, resamples: Int = InputRules.defaultResamples) {
        self.digests = digests
        self.resamples = resamples
        self.run = digests.run(resamples: resamples)
    }

    public func targets() async throws -> [DigestTarget] {
        let run = self.digests.run(resamples: self.resamples)
        self.lock.withLock { self.run = run }
        return try await self.digests.recipients(run: run).map { DigestTarget(manager: $0.id, timeZone: $0.timeZone, chat: $0.chat) }
    }

    public func payload(for target: DigestTarget, week: ISOWeek, now: Date) async throws -> ChatPayload {
        guard let chat = target.chat else { throw UseCaseError(.unprocessable, "'\(target.manager)' has no chat destination", field: "manager") }
        let run = self.lock.withLock { self.run }
        return Digests.render(try await self.digests.build(manager: target.manager, week: week, now: now, run: run), as: chat.format)
    }
}
