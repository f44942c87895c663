import DecayApp
import DecayCore
import DecayStore
import Foundation
import Synchronization
import Testing

/// Who may open the dashboard: manager links and the scope they open, on a real SQLite file with the demo channel.
@Suite("Dashboard access")
struct DashboardAccessTests {
    static let signer = try! SurveyTokenSigner(secret: Array(repeating: 9, count: 32))

    static func access(_ database: AppDatabase) -> DashboardAccess {
        DashboardAccess(store: database, signer: self.signer, adminToken: "admin-token-0123456789abcdef0123456789", baseURL: "https://decay.example/")
    }

    static func token(_ link: String) throws -> String {
        try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
    }

    @Test func aChannelManagersLinkOpensTheirPartnersOnly() async throws {
        let (database, _) = try await DigestsTests.seeded()
        let partners = try await database.partners()
        let manager = try #require(partners.compactMap(\.manager).first)
        let access = Self.access(database)
        let link = access.link(manager: manager, now: DigestsTests.now)
        #expect(link.hasPrefix("https://decay.example/login/link?token="))
        let viewer = try await access.open(link: try Self.token(link), now: DigestsTests.now)
        #expect(viewer.manager == manager)
        #expect(viewer.partners == partners.filter { $0.manager == manager }.map(\.id).sorted())
        #expect(!viewer.isAdmin)
        let other = try #require(partners.first { $0.manager != manager })
        #expect(!viewer.canSee(partner: other.id))
    }

    @Test func aPartnerManagersLinkOpensTheirTeamOnly() async throws {
        let (database, _) = try await DigestsTests.seeded()
        let people = try await database.people(partner: nil)
        let manager = try #require(people.first { person in person.role == .partnerManager && people.contains { $0.reportsTo == person.id && $0.role == .rep } })
        let access = Self.access(database)
        let viewer = try await access.open(link: try Self.token(access.link(manager: manager.id, now: DigestsTests.now)), now: DigestsTests.now)
        let team = DigestsTests.reportees(of: manager.id, people)
        #expect(Set(viewer.people ?? []) == Set(people.filter { team.contains($0.id) && $0.role == .rep }.map(\.id)))
        let colleague = try #require(people.first { $0.partner == manager.partner && $0.role == .rep && !team.contains($0.id) } ?? people.first { $0.partner != manager.partner })
        #expect(!viewer.canSee(person: colleague.id, partner: colleague.partner))
    }

    @Test func expiredTamperedAndSurveyLinksAreRefused() async throws {
        let (database, _) = try await DigestsTests.seeded()
        let access = Self.access(database)
        let manager = try #require(try await database.partners().compactMap(\.manager).first)
        let token = try Self.token(access.link(manager: manager, now: DigestsTests.now))
        let late = DigestsTests.now.addingTimeInterval(Double(DashboardAccess.linkDays) * 86_400 + 1)
        await #expect(throws: UseCaseError.self) { try await access.open(link: token, now: late) }
        await #expect(throws: UseCaseError.self) { try await access.open(link: "x" + token, now: DigestsTests.now) }
        let survey = Self.signer.token(for: SurveyToken(person: manager, survey: "vault-3-check", expires: late))
        do {
            _ = try await access.open(link: survey, now: DigestsTests.now)
            Issue.record("a survey link opened the dashboard")
        } catch let error as UseCaseError {
            #expect(error.field == "token")
            #expect(error.message.contains("not a dashboard sign-in link"))
        }
        #expect(access.isAdminToken("admin-token-0123456789abcdef0123456789"))
        #expect(!access.isAdminToken("admin-token-0123456789abcdef012345678"))
    }

    @Test func aCachedResultIsReusedUntilTheDataChanges() async throws {
        let cache = ReportResultCache<Int>(capacity: 2)
        let calls = Atomic<Int>(0)
        let compute: @Sendable () async throws -> Int = { calls.add(1, ordering: .relaxed).newValue }
        #expect(try await cache.value(key: "a", stamp: 1, compute: compute) == 1)
        #expect(try await cache.value(key: "a", stamp: 1, compute: compute) == 1)
        #expect(try await cache.value(key: "a", stamp: 2, compute: compute) == 2, "a new stamp recomputes")
        #expect(try await cache.value(key: "b", stamp: 2, compute: compute) == 3)
        #expect(try await cache.value(key: "c", stamp: 2, compute: compute) == 4)
        #expect(await cache.count == 2, "the oldest entry went")
        let old = Date().addingTimeInterval(-3600)
        let aged = ReportResultCache<Int>(maxAge: 60)
        _ = try await aged.value(key: "a", stamp: 1, now: old, compute: compute)
        #expect(try await aged.value(key: "a", stamp: 1, compute: compute) == 6, "an entry older than maxAge is recomputed")
    }

    @Test func aStaleResultIsServedAtOnceWhileOneRefreshRuns() async throws {
        let cache = ReportResultCache<Int>()
        let calls = Atomic<Int>(0)
        let gate = AsyncStream<Void>.makeStream()
        let compute: @Sendable () async throws -> Int = { calls.add(1, ordering: .relaxed).newValue }
        #expect(try await cache.value(key: "a", stamp: 1, servingStale: true, compute: compute) == 1)
        let slow: @Sendable () async throws -> Int = {
            for await _ in gate.stream { break }
            return calls.add(1, ordering: .relaxed).newValue
        }
        #expect(try await cache.value(key: "a", stamp: 2, servingStale: true, compute: slow) == 1, "the data changed: the last result, at once")
        #expect(try await cache.value(key: "a", stamp: 3, servingStale: true, compute: slow) == 1, "still the last one while the refresh runs")
        #expect(calls.load(ordering: .relaxed) == 1, "one refresh, not one per caller")
        gate.continuation.yield()
        gate.continuation.finish()
        for _ in 0..<500 {
            if try await cache.value(key: "a", stamp: 2, servingStale: true, compute: compute) != 1 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(try await cache.value(key: "a", stamp: 2, compute: compute) == 2, "the refreshed result replaces it, at the stamp it was started for")
        #expect(try await cache.value(key: "a", stamp: 3, compute: compute) == 3, "a caller who cannot take stale figures waits for a fresh one")
        let minute = Date().addingTimeInterval(-61)
        _ = try await cache.value(key: "t", stamp: 3, freshFor: 60, now: minute, compute: compute)
        #expect(try await cache.value(key: "t", stamp: 3, freshFor: 60, compute: compute) == 5, "freshFor bounds a result that moves with the clock")
    }

    @Test func theChangeStampMovesOnEveryCommit() async throws {
        let database = try await TestDatabase.open()
        let before = database.changeStamp
        _ = try await database.upsertPartners([Partner(id: "p-1", name: "One")], from: .cli)
        #expect(database.changeStamp > before)
        let after = database.changeStamp
        _ = try await database.setSession(key: "k", value: Data([1]), person: nil, expiresAt: nil, onlyIfNew: true)
        #expect(database.changeStamp == after, "a sign-in does not throw the report caches away")
    }
}

@Suite("Digest links to the dashboard")
struct DigestDashboardLinkTests {
    /// The digest's "Open your dashboard" link is the manager's signed link: it opens a session scoped to the same
    /// partners the digest covers, in every format's payload.
    @Test func eachDigestCarriesItsManagersScopedLink() async throws {
        let (database, catalog) = try await DigestsTests.seeded()
        let access = DashboardAccessTests.access(database)
        let digests = Digests(store: database, catalog: catalog, dashboard: access)
        let partners = try await database.partners()
        let manager = try #require(partners.compactMap(\.manager).first)
        let preview = try await digests.preview(manager: manager, week: nil, format: .slack, resamples: 0, now: DigestsTests.now)
        let link = try #require(preview.digest.dashboardURL)
        let viewer = try await access.open(link: try DashboardAccessTests.token(link), now: DigestsTests.now)
        #expect(viewer.manager == manager)
        #expect(Set(viewer.partners) == Set(preview.digest.partners.map(\.id)), "the link opens what the digest covers")
        for format in ChatFormat.allCases {
            let body = String(decoding: Digests.render(preview.digest, as: format).body, as: UTF8.self)
            let escaped = link.replacingOccurrences(of: "/", with: "\\/")
            #expect(body.contains(link) || body.contains(escaped), "\(format) carries the link")
        }
        let plain = Digests(store: database, catalog: catalog)
        #expect(try await plain.preview(manager: manager, week: nil, format: .slack, resamples: 0, now: DigestsTests.now).digest.dashboardURL == nil)
    }
}
