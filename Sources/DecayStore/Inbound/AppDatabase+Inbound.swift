import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Stores the raw request and what it produced in one transaction (run it inside ``WriteBatcher`` or a write).
    /// A repeated `(source, externalID)` returns the stored outcome and changes nothing; an event naming unknown
    /// content or people is kept as `rejected`, to be replayed once the directory or content is fixed.
    /// `graded` is the event's ``GradedResponse`` when the caller already graded it off the writer; nil grades here.
    public static func ingest(
        _ request: InboundRequest, event: Result<InboundEvent, InboundError>, graded: Result<GradedResponse, InboundError>? = nil,
        catalog: ContentCatalog, _ db: Database
    ) throws -> IngestOutcome {
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
        let outcome = try self.process(inboundID: inboundID, request: request, event: event, graded: graded, catalog: catalog, db)
        try self.record(outcome, inboundID: inboundID, db)
        return outcome
    }

    /// Re-processes a stored rejected request with a freshly decoded event; accepted ones are left alone.
    public static func replay(inboundID: Int64, request: InboundRequest, event: Result<InboundEvent, InboundError>, catalog: ContentCatalog, _ db: Database) throws -> IngestOutcome {
        guard let stored = try self.storedOutcome(inboundID: inboundID, db) else {
            throw InboundError(.unprocessable, "no inbound event \(inboundID)")
        }
        guard stored.status == .rejected else { return stored }
        let outcome = try self.process(inboundID: inboundID, request: request, event: event, catalog: catalog, db)
        try self.record(outcome, inboundID: inboundID, db)
        return outcome
    }

    private static func process(
        inboundID: Int64, request: InboundRequest, event: Result<InboundEvent, InboundError>, graded: Result<GradedResponse, InboundError>? = nil,
        catalog: ContentCatalog, _ db: Database
    ) throws -> IngestOutcome {
        let changes = db.totalChangesCount
        do {
            return try self.apply(try event.get(), graded: graded, inboundID: inboundID, request: request, catalog: catalog, db)
        } catch let error as InboundError {
            guard db.totalChangesCount == changes else { throw PartialApply(error: error) }
            return IngestOutcome(inboundID: inboundID, status: .rejected, error: error)
        }
    }

    private static func record(_ outcome: IngestOutcome, inboundID: Int64, _ db: Database) throws {
        let update = try db.cachedStatement(sql: """
            UPDATE inbound_event SET status = ?, error_code = ?, error_field = ?, error_message = ?, result = ?, processed_at = ?
            WHERE id = ?
            """)
        try update.run([
            .text(outcome.status.rawValue), .init(outcome.error?.kind.rawValue), .init(outcome.error?.field), .init(outcome.error?.message),
            .text(outcome.json), .real(Date().timeIntervalSince1970), .integer(inboundID),
        ])
    }

    static func storedOutcome(source: String, externalID: String, _ db: Database) throws -> IngestOutcome? {
        let statement = try db.cachedStatement(sql: "SELECT result FROM inbound_event WHERE source = ? AND external_id = ?")
        let text = try String.fetchOne(statement, arguments: [source, externalID])
        return try text.map { try JSONDecoder().decode(IngestOutcome.self, from: Data($0.utf8)) }
    }

    static func storedOutcome(inboundID: Int64, _ db: Database) throws -> IngestOutcome? {
        let text = try String.fetchOne(db, sql: "SELECT result FROM inbound_event WHERE id = ?", arguments: [inboundID])
        return try text.map { try JSONDecoder().decode(IngestOutcome.self, from: Data($0.utf8)) }
    }

    /// `apply` checks everything that can reject an event before its first write, so a rejection needs no savepoint.
    /// Were that ever broken, this error fails the whole job and the caller's transaction or savepoint undoes it.
    struct PartialApply: Error, CustomStringConvertible {
        let error: InboundError
        var description: String { "event rejected after it had written (\(error.message)); nothing of it was kept" }
    }

    private static func apply(
        _ event: InboundEvent, graded: Result<GradedResponse, InboundError>?, inboundID: Int64, request: InboundRequest, catalog: ContentCatalog,
        _ db: Database
    ) throws -> IngestOutcome {
        switch event {
        case .surveyResponse(let response):
            return try self.applyResponse(response, graded: graded, inboundID: inboundID, request: request, catalog: catalog, db)
        case .messageAck(let ack):
            let message = try self.requireMessage(ack.message, catalog: catalog)
            try self.requirePerson(ack.person, field: "person", db)
            try self.recordAck(message: message, person: ack.person, at: ack.at, db)
            return IngestOutcome(inboundID: inboundID, status: .accepted, kind: "message.ack", reached: 1)
        case .messageRelay(let relay):
            let message = try self.requireMessage(relay.message, catalog: catalog)
            try self.requirePerson(relay.from, field: "from", db)
            for (index, person) in relay.to.enumerated() {
                try self.requirePerson(person, field: "to[\(index)]", db)
            }
            let reached = try self.recordRelay(relay, message: message, inboundID: inboundID, db)
            return IngestOutcome(inboundID: inboundID, status: .accepted, kind: "message.relay", reached: reached)
        }
    }

    private static func applyResponse(
        _ response: SurveyResponseEvent, graded: Result<GradedResponse, InboundError>?, inboundID: Int64, request: InboundRequest,
        catalog: ContentCatalog, _ db: Database
    ) throws -> IngestOutcome {
        let checked = try (graded ?? GradedResponse.grade(response, catalog: catalog)).get()
        let survey = checked.survey
        let answers = checked.answers
        try self.requirePerson(response.person, field: "person", db)
        var version: Int?
        if let messageID = survey.message {
            let latest = try db.cachedStatement(
                sql: "SELECT message_version FROM delivery WHERE message_id = ? AND person_id = ? ORDER BY delivered_at DESC LIMIT 1"
            )
            version = try latest.firstInteger([.text(messageID), .text(response.person)]).map(Int.init) ?? catalog.messages[messageID]?.version
        }
        let responseID = try self.insertResponse(
            source: request.source, externalID: request.externalID, surveyID: survey.id, personID: response.person,
            messageID: survey.message, messageVersion: version, submittedAt: response.submittedAt, receivedAt: request.receivedAt,
            inboundID: inboundID, answers: answers, db
        )
        if let responseID {
            try self.storeFreeTextPoints(
                checked.freeTextPoints, responseID: responseID, messageID: survey.message, personID: response.person,
                submittedAt: response.submittedAt, db)
        }
        let quiz = answers.compactMap(\.correct)
        return IngestOutcome(
            inboundID: inboundID, status: .accepted, kind: "survey.response", responseID: responseID,
            graded: quiz.count, correct: quiz.filter { $0 }.count
        )
    }

    private static func requireMessage(_ id: String, catalog: ContentCatalog) throws -> Message {
        guard let message = catalog.messages[id] else {
            throw InboundError(.unprocessable, "unknown message '\(id)'", field: "message")
        }
        return message
    }

    private static func requirePerson(_ id: String, field: String, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM person WHERE id = ?")
        guard try statement.firstInteger([.text(id)]) == 1 else {
            throw InboundError(.unprocessable, "unknown person '\(id)': import them first", field: field)
        }
    }

    /// Marks the person's latest delivery of the message acknowledged (first ack wins); an ack with no known
    /// delivery records one, as a direct delivery at the ack time.
    private static func recordAck(message: Message, person: String, at: Date, _ db: Database) throws {
        let time = at.timeIntervalSince1970
        let updated = try db.cachedStatement(sql: """
            UPDATE delivery SET acked_at = MIN(COALESCE(acked_at, ?), ?), delivered_at = MIN(delivered_at, ?)
            WHERE id = (SELECT id FROM delivery WHERE message_id = ? AND person_id = ? ORDER BY message_version DESC LIMIT 1)
            """)
        try updated.execute(arguments: [time, time, time, message.id, person])
        if db.changesCount == 0 {
            try db.execute(
                sql: "INSERT INTO delivery (message_id, message_version, person_id, hops, delivered_at, acked_at) VALUES (?, ?, ?, 0, ?, ?)",
                arguments: [message.id, message.version, person, time, time]
            )
        }
    }

    /// Stores the relayed text and gives each recipient a delivery one hop further than the sender's
    /// (vendor staff relaying directly give hop 0); a shorter route already known is kept.
    private static func recordRelay(_ relay: MessageRelayEvent, message: Message, inboundID: Int64, _ db: Database) throws -> Int {
        let time = relay.at.timeIntervalSince1970
        let role = try String.fetchOne(db, sql: "SELECT role FROM person WHERE id = ?", arguments: [relay.from])
        var senderHops = -1
        if role != Role.channelManager.rawValue {
            if let hops = try Int.fetchOne(
                db, sql: "SELECT hops FROM delivery WHERE message_id = ? AND message_version = ? AND person_id = ?",
                arguments: [message.id, message.version, relay.from]
            ) {
                senderHops = hops
            } else {
                senderHops = 0
                try db.execute(
                    sql: "INSERT INTO delivery (message_id, message_version, person_id, hops, delivered_at) VALUES (?, ?, ?, 0, ?)",
                    arguments: [message.id, message.version, relay.from, time]
                )
            }
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
            try delivery.execute(arguments: [message.id, message.version, person, senderHops + 1, senderHops + 1 == 0 ? nil : relay.from, time])
        }
        return Set(relay.to).count
    }
}
