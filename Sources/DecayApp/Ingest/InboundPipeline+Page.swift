import DecayCore
import DecayInbound
import DecayStore
import Foundation

/// An HTML page and its status, for `GET|POST /s/{token}`; also the failure of resolving a link, which is itself a page.
public struct PageResponse: Error, Sendable, Equatable {
    public var status: Int
    public var html: String
}

extension InboundPipeline {
    /// `GET /s/{token}`: the form, or a page saying the link was already answered, has expired or is not valid.
    public func surveyPage(token: String, now: Date) async throws -> PageResponse {
        let link: (SurveyToken, Survey, Person)
        switch await self.resolve(token: token, now: now) {
        case .failure(let page): return page
        case .success(let resolved): link = resolved
        }
        if try await self.database.inboundOutcome(source: "page", externalID: token)?.status == .accepted {
            return PageResponse(status: 200, html: QuickSurveyPage.thanks(survey: link.1, alreadyRecorded: true))
        }
        return PageResponse(status: 200, html: self.form(link, token: token))
    }

    /// `POST /s/{token}`: validates the form, stores the answers once (the token is the idempotency key) and thanks.
    public func submitSurveyPage(token: String, body: [UInt8], now: Date) async throws -> PageResponse {
        let link: (SurveyToken, Survey, Person)
        switch await self.resolve(token: token, now: now) {
        case .failure(let page):
            self.metrics.count(.page, .invalid)
            return page
        case .success(let resolved): link = resolved
        }
        try Self.checkSize(body)
        let answers: [String: AnswerValue]
        do {
            answers = try QuickSurveyForm.parse(body, survey: link.1)
        } catch {
            self.metrics.count(.page, .invalid)
            return PageResponse(status: 422, html: self.form(link, token: token, errors: error.errors, values: error.values))
        }
        let request = InboundRequest(source: "page", externalID: token, receivedAt: now, body: body)
        let event = InboundEvent.surveyResponse(SurveyResponseEvent(survey: link.1.id, person: link.0.person, submittedAt: now, answers: answers))
        let outcome = try await self.database.ingest(request, checked: self.checkForIngest(.success(event), receivedAt: now))
        self.metrics.count(.page, outcome)
        if let error = outcome.error {
            return PageResponse(status: 422, html: QuickSurveyPage.problem(title: "Your answers could not be recorded", detail: error.description))
        }
        return PageResponse(status: 200, html: QuickSurveyPage.thanks(survey: link.1, alreadyRecorded: outcome.duplicate))
    }

    /// `GET /s/p/{token}`: a partner channel's survey link, answered by picking one's name (the channel is the
    /// trust boundary, as with Slack buttons); each name leads to that person's own signed link.
    public func partnerSurveyPage(token: String, now: Date) async throws -> PageResponse {
        guard let link = try? self.secrets.links.verify(token, now: now), link.person.hasPrefix(Self.partnerPrefix),
              let survey = self.catalog.surveys[link.survey]
        else {
            return PageResponse(status: 404, html: QuickSurveyPage.problem(
                title: "This link is not valid", detail: "It may have expired or been cut short. Open it again from the latest message."
            ))
        }
        let partnerID = String(link.person.dropFirst(Self.partnerPrefix.count))
        let people = try await self.database.people(partner: partnerID).filter { $0.role != .channelManager }.sorted { $0.name < $1.name }
        let partnerName = try await self.database.partners().first { $0.id == partnerID }?.name ?? partnerID
        let choices = people.map { person in
            (name: person.name, href: "/s/" + self.secrets.links.token(for: SurveyToken(person: person.id, survey: survey.id, expires: link.expires)))
        }
        return PageResponse(status: 200, html: QuickSurveyPage.picker(survey: survey, partnerName: partnerName, people: choices))
    }

    /// The link a partner channel's broadcast carries, valid for `days`.
    public func partnerSurveyLink(partner: String, survey: String, baseURL: String, now: Date, days: Int = 30) -> String {
        let token = self.secrets.links.token(for: SurveyToken(
            person: Self.partnerPrefix + partner, survey: survey, expires: now.addingTimeInterval(Double(days) * 86_400)
        ))
        return baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/s/p/" + token
    }

    /// Marks a partner token's subject; person ids never contain NUL, so one cannot pass for the other.
    static let partnerPrefix = "partner\u{0}"

    /// The link for one person and survey, valid for `days`.
    public func surveyLink(person: String, survey: String, baseURL: String, now: Date, days: Int = 30) -> String {
        let token = self.secrets.links.token(for: SurveyToken(person: person, survey: survey, expires: now.addingTimeInterval(Double(days) * 86_400)))
        return baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/s/" + token
    }

    /// A stored page submission decoded again; expiry is judged at the time it first arrived.
    func pageEvent(_ request: InboundRequest) throws -> InboundEvent {
        let link: SurveyToken
        do {
            link = try self.secrets.links.verify(request.externalID, now: request.receivedAt)
        } catch {
            throw InboundError(.unprocessable, error.message, field: "token")
        }
        guard let survey = self.catalog.surveys[link.survey] else {
            throw InboundError(.unprocessable, "unknown survey '\(link.survey)'", field: "survey")
        }
        do {
            let answers = try QuickSurveyForm.parse(request.body, survey: survey)
            return .surveyResponse(SurveyResponseEvent(survey: survey.id, person: link.person, submittedAt: request.receivedAt, answers: answers))
        } catch {
            throw InboundError(.unprocessable, error.description, field: "answers")
        }
    }

    private func form(_ link: (SurveyToken, Survey, Person), token: String, errors: [String: String] = [:], values: [String: AnswerValue] = [:]) -> String {
        QuickSurveyPage.form(
            survey: link.1, message: link.1.message.flatMap { self.catalog.messages[$0] }, personName: link.2.name,
            action: "/s/\(token)", errors: errors, values: values
        )
    }

    private func resolve(token: String, now: Date) async -> Result<(SurveyToken, Survey, Person), PageResponse> {
        let link: SurveyToken
        do {
            link = try self.secrets.links.verify(token, now: now)
        } catch .expired {
            return .failure(PageResponse(status: 410, html: QuickSurveyPage.problem(
                title: "This link has expired", detail: "Ask your channel manager for a new survey link."
            )))
        } catch {
            return .failure(PageResponse(status: 404, html: QuickSurveyPage.problem(
                title: "This link is not valid", detail: "It may have been cut short when it was copied. Open it again from the original message."
            )))
        }
        guard let survey = self.catalog.surveys[link.survey] else {
            return .failure(PageResponse(status: 404, html: QuickSurveyPage.problem(
                title: "This survey is no longer available", detail: "The survey this link points to has been retired."
            )))
        }
        guard let person = try? await self.database.person(link.person) else {
            return .failure(PageResponse(status: 404, html: QuickSurveyPage.problem(
                title: "We could not find you", detail: "Your name is not in the partner directory yet. Ask your channel manager to add you."
            )))
        }
        return .success((link, survey, person))
    }
}
