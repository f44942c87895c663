import DecayCore
import DecayStore
import Foundation

/// Who may open the dashboard: the admin token, or a manager's signed sign-in link (14 days) as their digest carries.
/// The link is a survey-link token for a reserved survey id no content file can have, so one secret signs both and
/// neither kind of link can stand in for the other.
public struct DashboardAccess: Sendable {
    public static let linkDays = 14
    /// The survey id of dashboard links: a NUL cannot appear in a survey id, so no survey link matches it.
    static let linkPurpose = "\u{0}dashboard"

    public let store: any DirectoryRepository
    public let signer: SurveyTokenSigner
    public let adminToken: String
    /// Where people reach the service (`DECAY_PUBLIC_URL`).
    public let baseURL: String

    public init(store: any DirectoryRepository, signer: SurveyTokenSigner, adminToken: String, baseURL: String) {
        self.store = store
        self.signer = signer
        self.adminToken = adminToken
        self.baseURL = baseURL
    }

    /// Whether `token` is the admin token, compared in constant time.
    public func isAdminToken(_ token: String) -> Bool {
        !self.adminToken.isEmpty && ConstantTime.equals(Array(token.utf8), Array(self.adminToken.utf8))
    }

    /// The signed sign-in URL for one manager, valid for ``linkDays`` days from `now`.
    public func link(manager: String, now: Date) -> String {
        let token = SurveyToken(person: manager, survey: Self.linkPurpose, expires: now.addingTimeInterval(Double(Self.linkDays) * 86_400))
        let base = self.baseURL.hasSuffix("/") ? String(self.baseURL.dropLast()) : self.baseURL
        return "\(base)/login/link?token=\(self.signer.token(for: token))"
    }

    /// Checks a link's token and answers the manager's scope as it is now (a manager who lost their partners loses
    /// them here too).
    public func open(link token: String, now: Date) async throws -> DashboardViewer {
        let verified: SurveyToken
        do throws(SurveyTokenError) {
            verified = try self.signer.verify(token, now: now)
        } catch {
            throw UseCaseError.invalid(error.message, field: "token")
        }
        guard verified.survey == Self.linkPurpose else {
            throw UseCaseError.invalid("this is not a dashboard sign-in link", field: "token")
        }
        guard let viewer = try await self.viewer(manager: verified.person) else {
            throw UseCaseError(.unprocessable, "'\(verified.person)' is no longer in the directory", field: "token")
        }
        return viewer
    }

    /// A manager's scope as the directory has it now, or nil once they are no longer in it. Signed-in managers are
    /// checked again with this, so partners or reps that move away leave their open sessions too.
    public func viewer(manager id: String) async throws -> DashboardViewer? {
        guard let manager = try await self.store.person(id) else { return nil }
        // A channel manager's scope is their partners; only a partner manager's team needs the people read.
        var people: [Person] = []
        if manager.role == .partnerManager, let partner = manager.partner {
            people = try await self.store.people(partner: partner)
        }
        do {
            return DashboardViewer(scope: try DigestScope(manager: manager, partners: try await self.store.partners(), people: people))
        } catch let error as DigestError {
            throw UseCaseError(.unprocessable, "\(error)", field: "token")
        }
    }
}
