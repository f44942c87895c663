import DecayApp
import DecayCore
import DecayDelivery
import Foundation

/// Outbound settings from the environment: `DECAY_ALLOW_HOSTS` (hosts allowed over http and on private
/// addresses), `DECAY_OUTBOUND_WEBHOOK_SECRET` (signs `webhook` posts), `DECAY_RATE_LIMITS` (`on`|`off`),
/// `DECAY_DIGEST_AT` (weekday and local time of weekly digests), `DECAY_TARGETS` (scorecard targets file) and
/// `DECAY_RAW_RETENTION_DAYS` (how long raw inbound bodies are kept).
enum DeliverySettings {
    static func workerConfiguration() throws -> OutboxWorkerConfiguration {
        var configuration = OutboxWorkerConfiguration()
        configuration.destinationPolicy = try self.policy()
        configuration.webhookSigner = try self.webhookSigner()
        switch Environment.value("DECAY_RATE_LIMITS") ?? "on" {
        case "on": break
        case "off": configuration = .unlimited(configuration)
        case let other: throw CLIError("DECAY_RATE_LIMITS must be on or off, got '\(other)'")
        }
        return configuration
    }

    static func digestSchedule() throws -> DigestSchedule {
        guard let text = Environment.value("DECAY_DIGEST_AT") else { return .standard }
        do {
            return try DigestSchedule.parse(text)
        } catch {
            throw CLIError(error.description)
        }
    }

    static func targets() throws -> ScoreTargets? {
        try Environment.value("DECAY_TARGETS").map { path in
            do {
                return try ScoreTargets.load(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw CLIError("DECAY_TARGETS (\(path)): \(error)")
            }
        }
    }

    /// `DECAY_RECHECKS=off` stops the re-check scheduler; `DECAY_RECHECKS_PER_WEEK` caps contacts per rep per week
    /// (default 1), `DECAY_NUDGE_DAYS` lists the working days after a broadcast when silent reps are reminded
    /// (default `3,5`; `off` for none), `DECAY_RECHECK_INTERVAL` is the seconds between passes (default 900).
    static func rechecks() throws -> RecheckSettings? {
        if let text = Environment.value("DECAY_RECHECKS"), ["off", "false", "0", "no"].contains(text.lowercased()) { return nil }
        var settings = RecheckSettings.standard
        if let text = Environment.value("DECAY_RECHECKS_PER_WEEK") {
            guard let value = Int(text), RecheckSettings.perWeekRange.contains(value) else {
                throw CLIError("DECAY_RECHECKS_PER_WEEK must be a whole number from \(RecheckSettings.perWeekRange.lowerBound) to \(RecheckSettings.perWeekRange.upperBound), got '\(text)'")
            }
            settings.perWeek = value
        }
        if let text = Environment.value("DECAY_NUDGE_DAYS") {
            if text.lowercased() == "off" {
                settings.nudges.afterWorkingDays = []
            } else {
                let days = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !days.isEmpty, days.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 30 }) else {
                    throw CLIError("DECAY_NUDGE_DAYS must be working days from 1 to 30 separated by commas (e.g. 3,5) or off, got '\(text)'")
                }
                settings.nudges = NudgeRules(afterWorkingDays: days.compactMap { $0 }, windowWorkingDays: max(10, days.compactMap { $0 }.max() ?? 0))
            }
        }
        if let text = Environment.value("DECAY_RECHECK_INTERVAL") {
            guard let seconds = Int(text), (10...86_400).contains(seconds) else {
                throw CLIError("DECAY_RECHECK_INTERVAL must be seconds from 10 to 86400, got '\(text)'")
            }
            settings.interval = .seconds(seconds)
        }
        return settings
    }

    /// `DECAY_RAW_RETENTION_DAYS`: days raw inbound bodies are kept (default 90).
    static func rawRetentionDays() throws -> Int {
        guard let text = Environment.value("DECAY_RAW_RETENTION_DAYS") else { return RawBodyRetention.defaultDays }
        guard let days = Int(text), days >= 1 else { throw CLIError("DECAY_RAW_RETENTION_DAYS must be a whole number of days, 1 or more, got '\(text)'") }
        return days
    }

    static func policy() throws -> DestinationPolicy {
        do {
            return try DestinationPolicy.parse(allowHosts: Environment.value("DECAY_ALLOW_HOSTS") ?? "")
        } catch {
            throw CLIError(error.reason)
        }
    }

    static func webhookSigner() throws -> StandardWebhooks? {
        try Environment.value("DECAY_OUTBOUND_WEBHOOK_SECRET").map { secret in
            do {
                return try StandardWebhooks(secret: secret)
            } catch {
                throw CLIError("DECAY_OUTBOUND_WEBHOOK_SECRET is not a Standard Webhooks secret (whsec_ followed by base64): \(error)")
            }
        }
    }
}
