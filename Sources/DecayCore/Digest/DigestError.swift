/// Why no digest can be made for a person and week, in words that say what was expected.
public enum DigestError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownManager(String)
    case notAManager(id: String, role: Role)
    /// A channel manager who owns no partners, or a partner manager with no reps under them.
    case nothingToReport(id: String, role: Role)
    /// The week starts after `now` in the manager's time zone.
    case weekNotStarted(ISOWeek, timeZone: String)

    public var description: String {
        switch self {
        case .unknownManager(let id):
            "unknown manager '\(id)': expected the id of a channel manager or partner manager in the directory"
        case .notAManager(let id, let role):
            "'\(id)' is a \(role.rawValue.replacingOccurrences(of: "_", with: " ")): digests go to channel managers and partner managers"
        case .nothingToReport(let id, let role):
            role == .channelManager
                ? "channel manager '\(id)' owns no partners (partner.manager), so there is nothing to report"
                : "partner manager '\(id)' has no reps reporting to them, so there is nothing to report"
        case .weekNotStarted(let week, let timeZone):
            "week \(week) has not started yet in \(timeZone)"
        }
    }
}
