import DecayCore
import Foundation
import GRDB

/// One stored inbound request, as `decay inbox list` shows it.
public struct InboxItem: Sendable, Codable, Equatable {
    public var id: Int64
    public var source: String
    public var externalID: String
    public var receivedAt: Date
    public var status: String
    public var errorCode: String?
    public var errorField: String?
    public var errorMessage: String?
}

/// A stored response with its graded answers, for `GET /api/responses`.
public struct StoredResponse: Sendable, Codable, Equatable {
    public struct Answer: Sendable, Codable, Equatable {
        public var question: String
        public var kind: String
        public var choices: [String]?
        public var number: Double?
        public var text: String?
        public var keyPoint: String?
        public var correct: Bool?
    }

    public var id: Int64
    public var source: String
    public var survey: String
    public var person: String
    public var message: String?
    public var messageVersion: Int?
    public var submittedAt: Date
    public var receivedAt: Date
    public var answers: [Answer]
}

extension AppDatabase {
    /// Ingests through the group-commit writer; returns once the request and its effects are committed.
    public func ingest(_ request: InboundRequest, checked: Result<CheckedEvent, InboundError>) async throws -> IngestOutcome {
        try await self.batcher.submit { db in
            try Self.ingest(request, checked: checked, db)
        }
    }

    public func replay(inboundID: Int64, request: InboundRequest, checked: Result<CheckedEvent, InboundError>) async throws -> IngestOutcome {
        try await self.writer.write { db in
            try Self.replay(inboundID: inboundID, request: request, checked: checked, db)
        }
    }

    /// Newest first.
    public func inbox(rejectedOnly: Bool, limit: Int = 100) async throws -> [InboxItem] {
        try await self.reader.read { db in
            let filter = rejectedOnly ? "WHERE status = 'rejected'" : ""
            return try Row.fetchAll(db, sql: """
                SELECT id, source, external_id, received_at, status, error_code, error_field, error_message
                FROM inbound_event \(filter) ORDER BY id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                InboxItem(
                    id: row["id"], source: row["source"], externalID: row["external_id"],
                    receivedAt: Date(timeIntervalSince1970: row["received_at"]), status: row["status"],
                    errorCode: row["error_code"], errorField: row["error_field"], errorMessage: row["error_message"]
                )
            }
        }
    }

    /// The stored outcome of a request, if it arrived before.
    public func inboundOutcome(source: String, externalID: String) async throws -> IngestOutcome? {
        try await self.reader.read { db in try Self.storedOutcome(source: source, externalID: externalID, db) }
    }

    /// The stored raw request, for replay.
    public func inboundRequest(_ id: Int64) async throws -> InboundRequest? {
        try await self.reader.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM inbound_event WHERE id = ?", arguments: [id]) else { return nil }
            let headersText: String = row["headers"]
            let headers = (try? JSONDecoder().decode([String: String].self, from: Data(headersText.utf8))) ?? [:]
            let body: Data = row["body"]
            return InboundRequest(
                source: row["source"], externalID: row["external_id"], receivedAt: Date(timeIntervalSince1970: row["received_at"]),
                headers: headers, body: Array(body)
            )
        }
    }

    public func responses(person: String?, survey: String?, limit: Int = 500) async throws -> [StoredResponse] {
        try await self.reader.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let person {
                conditions.append("person_id = ?")
                arguments += [person]
            }
            if let survey {
                conditions.append("survey_id = ?")
                arguments += [survey]
            }
            arguments += [limit]
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM response \(filter) ORDER BY submitted_at DESC, id DESC LIMIT ?", arguments: arguments)
            let answers = try db.cachedStatement(sql: "SELECT * FROM answer WHERE response_id = ? ORDER BY question_id")
            return try rows.map { row in
                let id: Int64 = row["id"]
                let items = try Row.fetchAll(answers, arguments: [id]).map { answer in
                    StoredResponse.Answer(
                        question: answer["question_id"], kind: answer["kind"],
                        choices: (answer["choices"] as String?).map { $0.split(separator: ",").map(String.init) },
                        number: answer["number"], text: answer["text"], keyPoint: answer["key_point"], correct: answer["correct"]
                    )
                }
                return StoredResponse(
                    id: id, source: row["source"], survey: row["survey_id"], person: row["person_id"], message: row["message_id"],
                    messageVersion: row["message_version"], submittedAt: Date(timeIntervalSince1970: row["submitted_at"]),
                    receivedAt: Date(timeIntervalSince1970: row["received_at"]), answers: items
                )
            }
        }
    }

    /// A person found by their chat handle (Slack user id or @name), for button clicks in shared channels.
    public func person(chatHandle: String) async throws -> Person? {
        try await self.reader.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM person WHERE chat_handle = ? OR chat_handle = ? LIMIT 1",
                arguments: [chatHandle, "@" + chatHandle]
            ).map(Self.person)
        }
    }
}
