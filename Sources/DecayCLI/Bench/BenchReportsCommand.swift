import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation
import GRDB

/// `decay bench reports`: builds a large seeded channel (the demo generator at 2,000 partners, every response
/// then repeated `--copies` more times an hour apart) unless the database already has one, and times the
/// partners report and each message report in-process (free texts stored before their statuses are scored first, untimed).
struct BenchReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reports", abstract: "Time the reports over a large seeded channel.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions
    @OptionGroup var channel: BenchChannelOptions

    @Option(help: "Timed runs of each report (the table shows the fastest and the slowest).")
    var runs: Int = 3

    func run() async throws {
        let catalog = try self.content.load()
        let database = try await self.database.open()
        try await self.channel.generateIfEmpty(database, catalog: catalog)
        let backfill = Date()
        let scored = try await FreeTextBackfill(store: database, catalog: catalog).run()
        if scored > 0 { print(String(format: "scored %d stored free texts once in %.1f s", scored, Date().timeIntervalSince(backfill))) }
        let sizes = try await database.reader.read { db in
            try ["partner", "person", "response", "answer", "delivery"].map { ($0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0) }
        }
        print(sizes.map { "\($0.1) \($0.0)s" }.joined(separator: ", "))

        let asOf = UTCDay.end(of: "2026-11-20")!
        try await self.time("partners report") {
            _ = try await EngagementReports(store: database).partners(asOf: asOf, category: nil)
        }
        for message in catalog.sortedMessages {
            try await self.time("message report \(message.id) (200 resamples)") {
                // A new cache each run: every run reads and fits, as the first request after new answers does.
                _ = try await MessageReports(store: database, catalog: catalog).report(message: message.id, resamples: 200)
            }
        }
    }

    private func time(_ name: String, _ work: () async throws -> Void) async throws {
        var seconds: [Double] = []
        for _ in 0..<max(1, self.runs) {
            let started = DispatchTime.now().uptimeNanoseconds
            try await work()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        print(String(format: "%@: %.3f s fastest, %.3f s slowest of %d", name, seconds.min()!, seconds.max()!, seconds.count))
    }

    /// Repeats every response and its answers an hour later per copy, with derived ids, in one transaction.
    /// `CROSS JOIN` keeps the copies as the outer loop, so each original is found through its unique index.
    static func repeatResponses(_ database: AppDatabase, copies: Int) async throws {
        try await database.writer.write { db in
            for copy in 0..<copies {
                let suffix = ":copy\(copy + 1)"
                try db.execute(sql: """
                    INSERT INTO response (source, external_id, survey_id, person_id, message_id, message_version, submitted_at,
                                          received_at, inbound_id, quiz_answers, quiz_correct)
                    SELECT source, external_id || ?, survey_id, person_id, message_id, message_version, submitted_at + ?,
                           received_at + ?, NULL, quiz_answers, quiz_correct
                    FROM response WHERE external_id NOT LIKE '%:copy%'
                    """, arguments: [suffix, Double(copy + 1) * 3600, Double(copy + 1) * 3600])
                try db.execute(sql: """
                    INSERT INTO answer (response_id, question_id, kind, choices, number, text, key_point, correct)
                    SELECT copy.id, a.question_id, a.kind, a.choices, a.number, a.text, a.key_point, a.correct
                    FROM response copy
                    CROSS JOIN response original ON original.source = copy.source
                        AND original.external_id = substr(copy.external_id, 1, length(copy.external_id) - ?)
                    JOIN answer a ON a.response_id = original.id
                    WHERE copy.external_id LIKE ?
                    """, arguments: [suffix.count, "%" + suffix])
                try db.execute(sql: """
                    INSERT INTO free_text_point (message_id, response_id, question_id, key_point, person_id, submitted_at, status)
                    SELECT p.message_id, copy.id, p.question_id, p.key_point, p.person_id, copy.submitted_at, p.status
                    FROM free_text_point p
                    JOIN response original ON original.id = p.response_id
                    JOIN response copy ON copy.source = original.source AND copy.external_id = original.external_id || ?
                    WHERE original.external_id NOT LIKE '%:copy%'
                    """, arguments: [suffix])
                try db.execute(sql: """
                    INSERT INTO quiz_outcome (message_id, response_id, question_id, message_version, person_id, survey_id, submitted_at,
                                              key_point, correct, choices)
                    SELECT q.message_id, copy.id, q.question_id, q.message_version, q.person_id, q.survey_id, copy.submitted_at,
                           q.key_point, q.correct, q.choices
                    FROM response copy
                    CROSS JOIN response original ON original.source = copy.source
                        AND original.external_id = substr(copy.external_id, 1, length(copy.external_id) - ?)
                    JOIN quiz_outcome q ON q.message_id = original.message_id AND q.response_id = original.id
                    WHERE copy.external_id LIKE ?
                    """, arguments: [suffix.count, "%" + suffix])
            }
        }
    }
}
