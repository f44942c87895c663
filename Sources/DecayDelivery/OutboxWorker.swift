import DecayCore
import DecayStore
import Foundation
import Logging
import ServiceLifecycle

/// Delivers the outbox: fetches due posts, sends them through libcurl within per-destination rate limits,
/// and writes each outcome back (delivered, retry at the next step of the schedule, dead, or destination gone).
/// One loop task owns all state, and a post leaves the in-memory claimed set only after its outcome is
/// committed, so it is never sent twice by this worker. Run one worker per database.
public final class OutboxWorker: Service, Sendable {
    private let database: AppDatabase
    private let client: CurlClient
    private let configuration: OutboxWorkerConfiguration
    private let logger: Logger
    private let metrics: DeliveryMetrics
    private let wakeup = Wakeup()
    private let completions = CompletionBuffer()
    private let commits = CommitSlot()
    /// This worker's name in the database's delivery lease.
    private let leaseOwner = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
    /// How long a lease lasts without renewal: a crashed worker blocks others for at most this long.
    static let leaseDuration: TimeInterval = 30

    public init(
        database: AppDatabase, client: CurlClient = CurlClient(), configuration: OutboxWorkerConfiguration, logger: Logger,
        metrics: DeliveryMetrics = DeliveryMetrics()
    ) {
        self.database = database
        self.client = client
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
    }

    /// Tells the worker that new posts were written, so it need not wait for its next poll.
    public func wake() {
        self.wakeup.signal()
    }

    /// Runs until graceful shutdown, then drains: sends what is due for up to `drainTimeout`, waits for posts
    /// in flight and records their outcomes.
    public func run() async throws {
        let stop = StopFlag()
        try await withGracefulShutdownHandler {
            while let holder = try await self.database.acquireOutboxLease(owner: self.leaseOwner, now: Date(), duration: Self.leaseDuration) {
                guard stop.deadline == nil else { return }
                self.logger.warning("another worker delivers this database's outbox; waiting for its lease", metadata: [
                    "holder": "\(holder.owner)", "until": "\(holder.expires)",
                ])
                await self.wakeup.wait(timeout: .seconds(5))
            }
            var loop = DeliveryLoop(worker: self)
            try await self.holdingLease { try await loop.run(until: { stop.deadline }, idleExit: false) }
        } onGracefulShutdown: {
            stop.begin(after: self.configuration.drainTimeout)
            self.wakeup.signal()
        }
    }

    /// Delivers everything due now, waiting out retries that fall due within `horizon`; for `decay outbox deliver` and tests.
    /// Throws ``OutboxLeaseHeld`` when another worker (e.g. `decay serve`) is delivering this database's outbox.
    public func deliverDue(horizon: Duration = .zero) async throws {
        if let holder = try await self.database.acquireOutboxLease(owner: self.leaseOwner, now: Date(), duration: Self.leaseDuration) {
            throw OutboxLeaseHeld(holder: holder)
        }
        var loop = DeliveryLoop(worker: self)
        loop.idleHorizon = horizon
        try await self.holdingLease { try await loop.run(until: { nil }, idleExit: true) }
    }

    /// Runs `work` with the lease already taken, and gives the lease up however `work` ends.
    private func holdingLease(_ work: () async throws -> Void) async throws {
        do {
            try await work()
        } catch {
            try? await self.database.releaseOutboxLease(owner: self.leaseOwner)
            throw error
        }
        try await self.database.releaseOutboxLease(owner: self.leaseOwner)
    }

    /// Renews the lease when a third of it has passed; called from the delivery loop.
    fileprivate func renewLease(_ renewed: inout Date) async throws {
        let now = Date()
        guard now.timeIntervalSince(renewed) > Self.leaseDuration / 3 else { return }
        if let holder = try await self.database.acquireOutboxLease(owner: self.leaseOwner, now: now, duration: Self.leaseDuration) {
            throw OutboxLeaseHeld(holder: holder)
        }
        renewed = now
    }

    fileprivate func send(_ entry: OutboxEntry, permit: DestinationPolicy.Permit) {
        var headers = entry.headers.map { ($0.name, $0.value) }
        headers.append(("Idempotency-Key", entry.idempotencyKey))
        let body = Array(entry.body)
        if entry.format == ChatFormat.webhook.rawValue, let signer = self.configuration.webhookSigner {
            headers += signer.headers(id: entry.idempotencyKey, timestamp: Int(Date().timeIntervalSince1970), body: body)
        }
        let post = HTTPPost(
            method: entry.method, url: entry.url, headers: headers, body: body,
            connectTimeout: self.configuration.connectTimeout, totalTimeout: self.configuration.totalTimeout,
            allowPrivateAddresses: permit.allowPrivateAddresses
        )
        let completions = self.completions
        let wakeup = self.wakeup
        let metrics = self.metrics
        let started = ContinuousClock.now
        self.client.start(post) { outcome in
            metrics.sent(format: entry.format, in: started.duration(to: .now))
            completions.append(entry, outcome)
            wakeup.signal()
        }
    }

    /// The loop's state and steps; lives only inside one `run` call.
    private struct DeliveryLoop {
        let worker: OutboxWorker
        var idleHorizon: Duration = .zero
        var inFlight: [Int64: OutboxEntry] = [:]
        var held: [String: [OutboxEntry]] = [:]
        var heldIDs: Set<Int64> = []
        /// Destinations that answered 410 and whose commit (which kills their pending posts) has not finished:
        /// nothing more is claimed for them.
        var gone: Set<String> = []
        var limiter = RateLimiter()
        var nextReady: Date?
        /// Outcomes waiting for the next commit, and whether one is running.
        var uncommitted: [OutboxResult] = []
        var committing = false
        var committingCount = 0
        var cursor: AppDatabase.OutboxCursor?
        /// The destination policy's answer per URL, so each URL is parsed once per run.
        var verdicts: [String: Result<DestinationPolicy.Permit, DestinationPolicyError>] = [:]

        /// Posts on the wire: claimed and started, outcome not yet known.
        var sending: Int { self.inFlight.count - self.uncommitted.count - self.committingCount }

        init(worker: OutboxWorker) {
            self.worker = worker
        }

        /// A destination holding this many posts (waiting on its rate limit) gets no more until some are sent,
        /// so one slow destination never crowds out the others.
        let perDestinationHold = 64

        mutating func run(until stopDeadline: () -> Date?, idleExit: Bool) async throws {
            let configuration = self.worker.configuration
            var renewed = Date()
            while !Task.isCancelled {
                try await self.worker.renewLease(&renewed)
                try self.recordCompletions()
                let deadline = stopDeadline()
                let timeUp = deadline.map { Date() >= $0 } ?? false
                var fetchedFull = false
                if !timeUp {
                    fetchedFull = try await self.claimDue()
                    self.dispatch()
                }
                var timeout = configuration.pollInterval
                if self.inFlight.isEmpty, !self.worker.completions.hasItems, !self.committing, !fetchedFull {
                    if timeUp || (deadline != nil && self.held.isEmpty) { return }
                    let next = try await self.nextWork()
                    if idleExit, next.map({ $0.timeIntervalSinceNow > self.idleHorizon.seconds }) ?? true { return }
                    if let next { timeout = min(timeout, Self.duration(until: next)) }
                }
                if let ready = self.nextReady { timeout = min(timeout, Self.duration(until: ready)) }
                if fetchedFull, self.sending < configuration.maxInFlight { continue }
                await self.worker.wakeup.wait(timeout: timeout)
            }
        }

        private static func duration(until date: Date) -> Duration {
            .milliseconds(max(1, Int64(date.timeIntervalSinceNow * 1000)))
        }

        /// The earliest time something could be sent: a held post's rate-limit slot or a pending post's retry time.
        private func nextWork() async throws -> Date? {
            let pending = try await self.worker.database.nextOutboxAttempt()
            return [pending, self.held.isEmpty ? nil : self.nextReady].compactMap { $0 }.min()
        }

        /// Claims due posts not already claimed when the local queue runs low; returns true when the fetch was full
        /// (more may be due). Scans resume after the last post read and restart from the oldest once a scan comes
        /// back short, so a post committed late by another writer is still found.
        private mutating func claimDue() async throws -> Bool {
            let maxInFlight = self.worker.configuration.maxInFlight
            let saturated = Set(self.held.filter { $0.value.count >= self.perDestinationHold }.keys)
            let waiting = self.held.filter { !saturated.contains($0.key) }.reduce(0) { $0 + $1.value.count }
            guard self.sending + waiting < maxInFlight * 4 else { return false }
            let limit = maxInFlight * 8
            let due = try await self.worker.database.dueOutbox(now: Date(), limit: limit, after: self.cursor, excludedDestinations: saturated)
            for entry in due where self.inFlight[entry.id] == nil && !self.heldIDs.contains(entry.id) && !self.gone.contains(entry.destination) {
                self.held[entry.destination, default: []].append(entry)
                self.heldIDs.insert(entry.id)
            }
            let full = due.count == limit
            self.cursor = full ? due.last.map { AppDatabase.OutboxCursor(nextAttemptAt: $0.nextAttemptAt.timeIntervalSince1970, id: $0.id) } : nil
            return full
        }

        /// Sends held posts, oldest destination queue first, while slots are free and rate limits allow.
        private mutating func dispatch() {
            let configuration = self.worker.configuration
            let now = Date()
            self.nextReady = nil
            for destination in Array(self.held.keys) {
                guard self.sending < configuration.maxInFlight else { break }
                guard var queue = self.held[destination] else { continue }
                while let entry = queue.first, self.sending < configuration.maxInFlight {
                    let limit = configuration.rateLimit(ChatFormat(rawValue: entry.format))
                    if let ready = self.limiter.reserve(destination, limit: limit, now: now) {
                        self.nextReady = min(self.nextReady ?? ready, ready)
                        break
                    }
                    queue.removeFirst()
                    self.heldIDs.remove(entry.id)
                    self.start(entry)
                }
                self.held[destination] = queue.isEmpty ? nil : queue
            }
        }

        private mutating func start(_ entry: OutboxEntry) {
            self.inFlight[entry.id] = entry
            let verdict = self.verdicts[entry.url] ?? self.worker.configuration.destinationPolicy.check(entry.url)
            self.verdicts[entry.url] = verdict
            switch verdict {
            case .failure(let refusal):
                self.worker.completions.append(entry, .failure(HTTPTransportError(code: 0, message: refusal.reason, isBlocked: true)))
            case .success(let permit):
                if entry.format == ChatFormat.webhook.rawValue, self.worker.configuration.webhookSigner == nil {
                    let message = "webhook posts are signed with Standard Webhooks; set DECAY_OUTBOUND_WEBHOOK_SECRET (whsec_...)"
                    self.worker.completions.append(entry, .failure(HTTPTransportError(code: 0, message: message, isBlocked: true)))
                } else {
                    self.worker.send(entry, permit: permit)
                }
            }
        }

        /// Turns finished attempts into outcomes and commits them in the background, one transaction at a time,
        /// so sending continues during the fsync; a claim is released only once its outcome is committed.
        private mutating func recordCompletions() throws {
            if let committed = try self.worker.commits.takeFinished() {
                for result in committed {
                    self.inFlight[result.id] = nil
                    if case .gone(_, let destination, _) = result { self.gone.remove(destination) }
                    self.log(result)
                }
                self.committing = false
                self.committingCount = 0
            }
            let now = Date()
            for (entry, outcome) in self.worker.completions.take() {
                let result = self.result(for: entry, outcome: outcome, now: now)
                self.worker.metrics.attempted(format: entry.format, result: result)
                self.uncommitted.append(result)
                if case .gone(_, let destination, _) = result { self.dropHeld(destination) }
            }
            guard !self.committing, !self.uncommitted.isEmpty else { return }
            let batch = self.uncommitted
            self.uncommitted.removeAll(keepingCapacity: true)
            self.committing = true
            self.committingCount = batch.count
            let database = self.worker.database
            let commits = self.worker.commits
            let wakeup = self.worker.wakeup
            Task {
                do {
                    try await database.recordOutboxResults(batch)
                    commits.finish(.success(batch))
                } catch {
                    commits.finish(.failure(error))
                }
                wakeup.signal()
            }
        }

        /// A 410 disables the destination, and its commit kills every pending post to it: posts held back by the
        /// destination's rate limit are not sent (they used to go out after the kill and be recorded as never tried).
        private mutating func dropHeld(_ destination: String) {
            for entry in self.held.removeValue(forKey: destination) ?? [] {
                self.heldIDs.remove(entry.id)
            }
            self.gone.insert(destination)
        }

        private mutating func result(for entry: OutboxEntry, outcome: Result<HTTPResult, HTTPTransportError>, now: Date) -> OutboxResult {
            switch DeliveryDecision.classify(outcome, now: now) {
            case .delivered(let status):
                return .delivered(id: entry.id, status: status, at: now)
            case .gone(let reason):
                return .gone(id: entry.id, destination: entry.destination, error: reason)
            case .dead(let status, let reason):
                return .dead(id: entry.id, status: status, error: reason)
            case .retry(let status, let reason, let retryAfter):
                let attempt = entry.attempts + 1
                guard let delay = self.worker.configuration.retryPolicy.delay(afterFailedAttempt: attempt, retryAfter: retryAfter) else {
                    return .dead(id: entry.id, status: status, error: "gave up after \(attempt) attempts: \(reason)")
                }
                let next = now.addingTimeInterval(delay.seconds)
                if retryAfter != nil { self.limiter.pause(entry.destination, until: next) }
                return .retry(id: entry.id, status: status, error: reason, next: next)
            }
        }

        private func log(_ result: OutboxResult) {
            let logger = self.worker.logger
            switch result {
            case .delivered: break
            case .retry(let id, _, let error, let next):
                logger.info("outbox post will be retried", metadata: ["id": "\(id)", "error": "\(error)", "next": "\(next)"])
            case .dead(let id, _, let error):
                logger.warning("outbox post is dead", metadata: ["id": "\(id)", "error": "\(error)"])
            case .gone(let id, let destination, let error):
                logger.warning("destination disabled by 410", metadata: [
                    "id": "\(id)", "destination": "\(OutboxURL.redacted(destination))", "error": "\(error)",
                ])
            }
        }
    }
}

/// Another worker holds the outbox-delivery lease: one worker per database, so nothing is sent twice.
public struct OutboxLeaseHeld: Error, CustomStringConvertible {
    public var holder: OutboxLease

    public var description: String {
        "another worker (\(self.holder.owner), e.g. `decay serve`) is delivering this database's outbox; its lease runs until \(self.holder.expires)"
    }
}

/// Finished attempts, handed from the transfer tasks to the loop.
private final class CompletionBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(OutboxEntry, Result<HTTPResult, HTTPTransportError>)] = []

    func append(_ entry: OutboxEntry, _ outcome: Result<HTTPResult, HTTPTransportError>) {
        self.lock.lock()
        self.items.append((entry, outcome))
        self.lock.unlock()
    }

    func take() -> [(OutboxEntry, Result<HTTPResult, HTTPTransportError>)] {
        self.lock.lock()
        defer { self.lock.unlock() }
        let taken = self.items
        self.items.removeAll(keepingCapacity: true)
        return taken
    }

    var hasItems: Bool {
        self.lock.lock()
        defer { self.lock.unlock() }
        return !self.items.isEmpty
    }
}

/// The outcome of the background commit, picked up by the loop.
private final class CommitSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<[OutboxResult], any Error>?

    func finish(_ result: Result<[OutboxResult], any Error>) {
        self.lock.lock()
        self.result = result
        self.lock.unlock()
    }

    /// The committed outcomes once the commit has finished (rethrowing its error), else nil.
    func takeFinished() throws -> [OutboxResult]? {
        self.lock.lock()
        let result = self.result
        self.result = nil
        self.lock.unlock()
        return try result?.get()
    }
}

/// Set once graceful shutdown begins: the time after which no new post is sent.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date?

    func begin(after timeout: Duration) {
        self.lock.lock()
        self.value = Date().addingTimeInterval(timeout.seconds)
        self.lock.unlock()
    }

    var deadline: Date? {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.value
    }
}
