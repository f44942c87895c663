import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Stores the raw request and what it produced in one transaction (run it inside ``WriteBatcher`` or a write).
    /// A repeated `(source, externalID)` returns the stored outcome and changes nothing; an event the use case found
    /// invalid, or naming people not in the directory, is kept as `rejected`, to be replayed once that is fixed.
    /// `checked` comes graded and checked against the content: the store only checks the people and writes.
    public static func ingest(_ request: InboundRequest, checked: Result<CheckedEvent, InboundError>, _ db: Database) throws -> IngestOutcome {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO inbound_event (source, external_id, received_at, headers, body, status)
            VALUES (?, ?, ?, ?, ?, 'processing') ON CONFLICT(source, external_id) DO NOTHING
            """)
        try insert.run([
            .text(request.source), .text(request.externalID), .real(request.receivedAt.timeIntervalSince1970),
            .text(JSONText.object(request.headers)), .blob(request.body),
        ])
        guard db.changesCount > 0 else {
            guard var original = try self.storedOutcome(source: request.source, externalID: request.externalID, db) else {
                throw InboundError(.unprocessable, "inbound event \(request.externalID) from \(request.source) is stored without a result")
            }
            original.duplicate = true
            return original
        }
        let inboundID = db.lastInsertedRowID
        let outcome = try self.process(inboundID: inboundID, request: request, checked: checked, db)
        try self.record(outcome, inboundID: inboundID, db)
        return outcome
    }

    /// Re-processes a stored rejected request with its event checked again; accepted ones are left alone.
    public static func replay(inboundID: Int64, request: InboundRequest, checked: Result<CheckedEvent, InboundError>, _ db: Database) throws -> IngestOutcome {
        guard let stored = try self.storedOutcome(inboundID: inboundID, db) else {
            throw InboundError(.unprocessable, "no inbound event \(inboundID)")
        }
        guard stored.status == .rejected else { return stored }
        let outcome = try self.process(inboundID: inboundID, request: request, checked: checked, db)
        try self.record(outcome, inboundID: inboundID, db)
        return outcome
    }

    private static func process(
        inboundID: Int64, request: InboundRequest, checked: Result<CheckedEvent, InboundError>, _ db: Database
    ) throws -> IngestOutcome {
        let changes = db.totalChangesCount
        do {
            return try self.apply(try checked.get(), inboundID: inboundID, request: request, db)
        } catch let error as InboundError {
            guard db.totalChangesCount == changes else { throw PartialApply(error: error) }
            return IngestOutcome(inboundID: inboundID, status: .rejected, error: error)
        }
    }

    private static func record(_ outcome: IngestOutcome, inboundID: Int64, _ db: Database) throws {
        let update = try db.cachedStatement(sql: """
            UPDATE inbound_event SET status = ?, error_code = ?, error_field = ?, error_message = ?, outcome_kind = ?, response_id = ?,
                graded = ?, correct = ?, reached = ?, processed_at = ?
            WHERE id = ?
            """)
        try update.run([
            .text(outcome.status.rawValue), .init(outcome.error?.kind.rawValue), .init(outcome.error?.field), .init(outcome.error?.message),
            .init(outcome.kind), .init(outcome.responseID), .init(outcome.graded.map(Int64.init)), .init(outcome.correct.map(Int64.init)),
            .init(outcome.reached.map(Int64.init)), .real(Date().timeIntervalSince1970), .integer(inboundID),
        ])
    }

    private static let outcomeColumns = "id, status, error_code, error_field, error_message, outcome_kind, response_id, graded, correct, reached"

    static func storedOutcome(source: String, externalID: String, _ db: Database) throws -> IngestOutcome? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.outcomeColumns) FROM inbound_event WHERE source = ? AND external_id = ?")
        return try Row.fetchOne(statement, arguments: [source, externalID]).flatMap(Self.outcome)
    }

    static func storedOutcome(inboundID: Int64, _ db: Database) throws -> IngestOutcome? {
        try Row.fetchOne(db, sql: "SELECT \(Self.outcomeColumns) FROM inbound_event WHERE id = ?", arguments: [inboundID]).flatMap(Self.outcome)
    }

    /// Nil while the request is still being processed (no outcome yet).
    private static func outcome(_ row: Row) -> IngestOutcome? {
        guard let status = IngestOutcome.Status(rawValue: row["status"]) else { return nil }
        let error = (row["error_code"] as String?).map { code in
            InboundError(InboundError.Kind(rawValue: code) ?? .unprocessable, row["error_message"] ?? "", field: row["error_field"])
        }
        return IngestOutcome(
            inboundID: row["id"], status: status, kind: row["outcome_kind"], responseID: row["response_id"], graded: row["graded"],
            correct: row["correct"], reached: row["reached"], error: error)
    }

    /// `apply` checks everything that can reject an event before its first write, so a rejection needs no savepoint.
    /// Were that ever broken, this error fails the whole job and the caller's transaction or savepoint undoes it.
    struct PartialApply: Error, CustomStringConvertible {
        let error: InboundError
        var description: String { "event rejected after it had written (\(error.message)); nothing of it was kept" }
    }

    private static func apply(_ event: CheckedEvent, inboundID: Int64, request: InboundRequest, _ db: Database) throws -> IngestOutcome {
        for (person, field) in event.people {
            try self.requirePerson(person, field: field, db)
        }
        switch event {
        case .response(let response, let graded, let messageVersion):
            return try self.applyResponse(response, graded: graded, messageVersion: messageVersion, inboundID: inboundID, request: request, db)
        case .ack(let ack, let message):
            try self.recordAck(message: message, person: ack.person, at: ack.at, db)
            return IngestOutcome(inboundID: inboundID, status: .accepted, kind: "message.ack", reached: 1)
        case .relay(let relay, let message):
            let reached = try self.recordRelay(relay, message: message, inboundID: inboundID, db)
            return IngestOutcome(inboundID: inboundID, status: .accepted, kind: "message.relay", reached: reached)
        }
    }

    private static func applyResponse(
        _ response: SurveyResponseEvent, graded: GradedResponse, messageVersion: Int?, inboundID: Int64, request: InboundRequest, _ db: Database
    ) throws -> IngestOutcome {
        let survey = graded.survey
        let answers = graded.answers
        var version: Int?
        if let messageID = survey.message {
            let latest = try db.cachedStatement(
                sql: "SELECT message_version FROM delivery WHERE message_id = ? AND person_id = ? ORDER BY delivered_at DESC LIMIT 1"
            )
            version = try latest.firstInteger([.text(messageID), .text(response.person)]).map(Int.init) ?? messageVersion
        }
        let responseID = try self.insertResponse(
            source: request.source, externalID: request.externalID, surveyID: survey.id, personID: response.person,
            messageID: survey.message, messageVersion: version, submittedAt: response.submittedAt, receivedAt: request.receivedAt,
            inboundID: inboundID, answers: answers, db
        )
        if let responseID {
            try self.storeFreeTextPoints(
                graded.freeTextPoints, responseID: responseID, messageID: survey.message, personID: response.person,
                submittedAt: response.submittedAt, db)
        }
        let quiz = answers.compactMap(\.correct)
        return IngestOutcome(
            inboundID: inboundID, status: .accepted, kind: "survey.response", responseID: responseID,
            graded: quiz.count, correct: quiz.filter { $0 }.count
        )
    }

    private static func requirePerson(_ id: String, field: String, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM person WHERE id = ?")
        guard try statement.firstInteger([.text(id)]) == 1 else {
            throw InboundError(.unprocessable, "unknown person '\(id)': import them first", field: field)
        }
    }

    /// Clocks disagree by seconds, not by this: an ack earlier than every delivery of the message by more is refused.
    public static let ackClockSkew: TimeInterval = 300

    /// Marks acknowledged the person's latest delivery of the message made before the ack (first ack wins). An ack up
    /// to ``ackClockSkew`` before that delivery counts at the delivery time (delay 0); an ack before every delivery
    /// by more is refused, naming `at`, and the delivery keeps its time. An ack with no known delivery records one, as
    /// a direct delivery at the ack time.
    private static func recordAck(message: Message, person: String, at: Date, _ db: Database) throws {
        let time = at.timeIntervalSince1970
        let delivery = try Row.fetchOne(db, sql: """
            SELECT id, delivered_at FROM delivery WHERE message_id = ? AND person_id = ?
            ORDER BY delivered_at <= ? DESC, message_version DESC, delivered_at DESC LIMIT 1
            """, arguments: [message.id, person, time + self.ackClockSkew])
        guard let delivery else {
            try db.execute(
                sql: "INSERT INTO delivery (message_id, message_version, person_id, hops, delivered_at, acked_at) VALUES (?, ?, ?, 0, ?, ?)",
                arguments: [message.id, message.version, person, time, time]
            )
            return
        }
        let deliveredAt: Double = delivery["delivered_at"]
        guard deliveredAt <= time + self.ackClockSkew else {
            let format = Date.ISO8601FormatStyle()
            throw InboundError(
                .unprocessable,
                "is \(at.formatted(format)), before '\(message.id)' was delivered to \(person) (\(Date(timeIntervalSince1970: deliveredAt).formatted(format))); check the sender's clock",
                field: "at"
            )
        }
        let acked = max(time, deliveredAt)
        try db.execute(
            sql: "UPDATE delivery SET acked_at = MIN(COALESCE(acked_at, ?), ?) WHERE id = ?",
            arguments: [acked, acked, delivery["id"] as Int64]
        )
    }

    /// Stores the relayed text and gives each recipient a delivery one hop further than the sender's
    /// (vendor staff relaying directly give hop 0); a shorter route already known is kept.
    private static func recordRelay(_ relay: MessageRelayEvent, message: Message, inboundID: Int64, _ db: Database) throws -> Int {
        let time = relay.at.timeIntervalSince1970
        let role = try String.fetchOne(db, sql: "SELECT role FROM person WHERE id = ?", arguments: [relay.from]).flatMap(Role.init(rawValue:))
        let delivered = try Int.fetchOne(
            db, sql: "SELECT hops FROM delivery WHERE message_id = ? AND message_version = ? AND person_id = ?",
            arguments: [message.id, message.version, relay.from]
        )
        let senderHops = RelayRoute.senderHops(role: role, deliveredHops: delivered)
        if role != .channelManager, delivered == nil {
            try db.execute(
                sql: "INSERT INTO delivery (message_id, message_version, person_id, hops, delivered_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [message.id, message.version, relay.from, senderHops, time]
            )
        }
        try db.execute(
            sql: "INSERT INTO relay (message_id, message_version, from_person, text, relayed_at, inbound_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [message.id, message.version, relay.from, relay.text, time, inboundID]
        )
        let relayID = db.lastInsertedRowID
        let recipient = try db.cachedStatement(sql: "INSERT OR IGNORE INTO relay_recipient (relay_id, person_id) VALUES (?, ?)")
        let delivery = try db.cachedStatement(sql: """
            INSERT INTO delivery (message_id, message_version, person_id, hops, via, delivered_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(message_id, message_version, person_id) DO UPDATE SET
                hops = excluded.hops, via = excluded.via, delivered_at = excluded.delivered_at
            WHERE excluded.hops < delivery.hops
            """)
        for person in Set(relay.to).sorted() {
            try recipient.execute(arguments: [relayID, person])
            let route = RelayRoute.recipient(senderHops: senderHops, from: relay.from)
            try delivery.execute(arguments: [message.id, message.version, person, route.hops, route.via, time])
        }
        return Set(relay.to).count
    }
}
