import DecayCore
import DecayInbound
import DecayStore
import Foundation

/// Signed quick-survey links: one person's own form (`/s/{token}`, from `GET /api/links`) and a partner channel's
/// pick-your-name page (`/s/p/{token}`, carried by broadcasts), under the secret `decay serve` verifies with.
public struct SurveyLinks: Sendable {
    public static let days = 1...365
    public static let defaultDays = 30

    public let store: any DirectoryRepository
    public let catalog: ContentCatalog
    public let pipeline: InboundPipeline
    /// Where people reach the service (`DECAY_PUBLIC_URL`).
    public let baseURL: String

    public init(store: any DirectoryRepository, catalog: ContentCatalog, pipeline: InboundPipeline, baseURL: String) {
        self.store = store
        self.catalog = catalog
        self.pipeline = pipeline
        self.baseURL = baseURL
    }

    /// A link for one person who is in the directory and one survey that exists, valid for `days`.
    public func personLink(person: String, survey: String, days: Int?, now: Date) async throws -> SurveyLink {
        let days = days ?? Self.defaultDays
        guard Self.days.contains(days) else {
            throw UseCaseError.invalid("days must be a whole number from \(Self.days.lowerBound) to \(Self.days.upperBound), got \(days)", field: "days")
        }
        guard self.catalog.surveys[survey] != nil else { throw UseCaseError(.unprocessable, "unknown survey '\(survey)'", field: "survey") }
        guard try await self.store.person(person) != nil else { throw UseCaseError(.unprocessable, "unknown person '\(person)'", field: "person") }
        let url = self.pipeline.surveyLink(person: person, survey: survey, baseURL: self.baseURL, now: now, days: days)
        return SurveyLink(url: url, person: person, survey: survey, expiresInDays: days)
    }

    /// A person's own link for a person already known to be in the directory (a re-check or reminder to them).
    public func personLink(person: String, survey: String, now: Date) -> String {
        self.pipeline.surveyLink(person: person, survey: survey, baseURL: self.baseURL, now: now, days: Self.defaultDays)
    }

    /// The link a broadcast to a partner's channel carries.
    public func partnerLink(partner: String, survey: String, now: Date) -> String {
        self.pipeline.partnerSurveyLink(partner: partner, survey: survey, baseURL: self.baseURL, now: now)
    }
}

/// A signed link to one person's quick-survey form.
public struct SurveyLink: Sendable, Equatable, Codable {
    public var url: String
    public var person: String
    public var survey: String
    public var expiresInDays: Int
}
