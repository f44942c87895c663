import GRDB

extension AppDatabase {
    /// Named migrations; never edit one that has shipped, add a new one instead.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-directory") { db in
            try db.create(table: "partner") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("category", .text).notNull().defaults(to: "")
                t.column("tier", .text).notNull().defaults(to: "")
                t.column("region", .text).notNull().defaults(to: "")
                t.column("manager", .text)
                t.column("chat_format", .text)
                t.column("chat_url", .text)
                t.column("updated_at", .double).notNull()
            }
            try db.create(table: "person") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("email", .text)
                t.column("partner_id", .text).indexed().references("partner", onDelete: .restrict)
                t.column("role", .text).notNull()
                t.column("reports_to", .text).indexed()
                t.column("timezone", .text).notNull().defaults(to: "UTC")
                t.column("chat_handle", .text)
                t.column("chat_format", .text)
                t.column("chat_url", .text)
                t.column("updated_at", .double).notNull()
            }
        }
        migrator.registerMigration("v1-messages") { db in
            try db.create(table: "message_version") { t in
                t.column("message_id", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("content", .text).notNull()
                t.column("loaded_at", .double).notNull()
                t.primaryKey(["message_id", "version"])
            }
            try db.create(table: "broadcast") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("message_id", .text).notNull()
                t.column("message_version", .integer).notNull()
                t.column("survey_id", .text)
                t.column("audience", .text).notNull()
                t.column("created_at", .double).notNull()
            }
            try db.create(table: "delivery") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("message_id", .text).notNull()
                t.column("message_version", .integer).notNull()
                t.column("person_id", .text).notNull().references("person", onDelete: .cascade)
                t.column("hops", .integer).notNull()
                t.column("via", .text)
                t.column("broadcast_id", .integer).references("broadcast", onDelete: .setNull)
                t.column("delivered_at", .double).notNull()
                t.column("acked_at", .double)
                t.uniqueKey(["message_id", "message_version", "person_id"])
            }
            try db.create(index: "delivery_on_person", on: "delivery", columns: ["person_id"])
            try db.create(table: "relay") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("message_id", .text).notNull()
                t.column("message_version", .integer).notNull()
                t.column("from_person", .text).notNull().indexed()
                t.column("text", .text).notNull()
                t.column("relayed_at", .double).notNull()
                t.column("inbound_id", .integer)
            }
            try db.create(table: "relay_recipient") { t in
                t.column("relay_id", .integer).notNull().references("relay", onDelete: .cascade)
                t.column("person_id", .text).notNull()
                t.primaryKey(["relay_id", "person_id"])
            }
        }
        migrator.registerMigration("v1-responses") { db in
            try db.create(table: "inbound_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("source", .text).notNull()
                t.column("external_id", .text).notNull()
                t.column("received_at", .double).notNull()
                t.column("headers", .text).notNull()
                t.column("body", .blob).notNull()
                t.column("status", .text).notNull()
                t.column("error_code", .text)
                t.column("error_field", .text)
                t.column("error_message", .text)
                t.column("result", .text)
                t.column("processed_at", .double)
                t.uniqueKey(["source", "external_id"])
            }
            try db.create(index: "inbound_event_on_status", on: "inbound_event", columns: ["status"])
            try db.create(table: "response") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("source", .text).notNull()
                t.column("external_id", .text).notNull()
                t.column("survey_id", .text).notNull()
                t.column("person_id", .text).notNull().references("person", onDelete: .cascade)
                t.column("message_id", .text)
                t.column("message_version", .integer)
                t.column("submitted_at", .double).notNull()
                t.column("received_at", .double).notNull()
                t.column("inbound_id", .integer).references("inbound_event", onDelete: .setNull)
                t.uniqueKey(["source", "external_id"])
            }
            try db.create(index: "response_on_person_survey", on: "response", columns: ["person_id", "survey_id"])
            try db.create(index: "response_on_message", on: "response", columns: ["message_id", "submitted_at"])
            try db.create(table: "answer") { t in
                t.column("response_id", .integer).notNull().references("response", onDelete: .cascade)
                t.column("question_id", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("choices", .text)
                t.column("number", .double)
                t.column("text", .text)
                t.column("key_point", .text)
                t.column("correct", .boolean)
                t.primaryKey(["response_id", "question_id"])
            }
            try db.create(index: "answer_on_key_point", on: "answer", columns: ["key_point"])
        }
        migrator.registerMigration("v1-outbox") { db in
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("idempotency_key", .text).notNull().unique()
                t.column("kind", .text).notNull()
                t.column("format", .text).notNull()
                t.column("url", .text).notNull()
                t.column("headers", .text).notNull().defaults(to: "[]")
                t.column("body", .blob).notNull()
                t.column("status", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("next_attempt_at", .double).notNull()
                t.column("last_status", .integer)
                t.column("last_error", .text)
                t.column("created_at", .double).notNull()
                t.column("delivered_at", .double)
            }
            try db.create(index: "outbox_on_status_next", on: "outbox", columns: ["status", "next_attempt_at"])
            try db.create(table: "destination") { t in
                t.primaryKey("url", .text)
                t.column("disabled_at", .double)
                t.column("reason", .text)
            }
            try db.create(table: "digest") { t in
                t.column("manager_id", .text).notNull()
                t.column("week", .text).notNull()
                t.column("outbox_id", .integer).references("outbox", onDelete: .setNull)
                t.column("created_at", .double).notNull()
                t.primaryKey(["manager_id", "week"])
            }
            try db.create(table: "scorecard_target") { t in
                t.column("category", .text).notNull()
                t.column("metric", .text).notNull()
                t.column("target", .double).notNull()
                t.primaryKey(["category", "metric"])
            }
        }
        migrator.registerMigration("v1-demo-truth") { db in
            try db.create(table: "demo_truth") { t in
                t.column("message_id", .text).notNull()
                t.column("key_point_id", .text).notNull()
                t.column("half_life_days", .double).notNull()
                t.column("rho", .double).notNull()
                t.column("initial", .double).notNull()
                t.column("shape", .double).notNull()
                t.primaryKey(["message_id", "key_point_id"])
            }
        }
        migrator.registerMigration("v2-person-chat-handle") { db in
            try db.create(index: "person_on_chat_handle", on: "person", columns: ["chat_handle"])
        }
        migrator.registerMigration("v2-settings") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .blob).notNull()
            }
        }
        migrator.registerMigration("v3-outbox-delivery") { db in
            try db.alter(table: "outbox") { t in
                t.add(column: "method", .text).notNull().defaults(to: "POST")
                t.add(column: "destination", .text).notNull().defaults(to: "")
                t.add(column: "broadcast_id", .integer).references("broadcast", onDelete: .setNull)
            }
            try db.create(index: "outbox_on_destination_status", on: "outbox", columns: ["destination", "status"])
            try db.alter(table: "destination") { t in
                t.add(column: "last_status", .integer)
            }
        }
        migrator.registerMigration("v3-response-quiz-totals") { db in
            try db.alter(table: "response") { t in
                t.add(column: "quiz_answers", .integer).notNull().defaults(to: 0)
                t.add(column: "quiz_correct", .integer).notNull().defaults(to: 0)
            }
            try db.execute(sql: """
                UPDATE response SET
                    quiz_answers = (SELECT COUNT(a.correct) FROM answer a WHERE a.response_id = response.id),
                    quiz_correct = (SELECT COUNT(*) FROM answer a WHERE a.response_id = response.id AND a.correct = 1)
                """)
        }
        migrator.registerMigration("v4-report-outcomes") { db in
            try Self.createReportOutcomes(db)
        }
        // Indexes no query needs any more, each an extra b-tree insert per event on the single writer: the message
        // report reads `quiz_outcome` instead of answers by key point, and the inbox lists only rejected events.
        migrator.registerMigration("v5-lean-ingest-indexes") { db in
            try db.execute(sql: """
                DROP INDEX answer_on_key_point;
                DROP INDEX inbound_event_on_status;
                CREATE INDEX inbound_event_rejected ON inbound_event (id) WHERE status = 'rejected';
                """)
        }
        // What ingest produced, in columns instead of a JSON text written on the single writer: duplicates answer with
        // it and replays compare with it. Older rows are copied from their JSON once.
        migrator.registerMigration("v6-inbound-outcome-columns") { db in
            try db.execute(sql: """
                ALTER TABLE inbound_event ADD COLUMN outcome_kind TEXT;
                ALTER TABLE inbound_event ADD COLUMN response_id INTEGER;
                ALTER TABLE inbound_event ADD COLUMN graded INTEGER;
                ALTER TABLE inbound_event ADD COLUMN correct INTEGER;
                ALTER TABLE inbound_event ADD COLUMN reached INTEGER;
                UPDATE inbound_event SET
                    outcome_kind = json_extract(result, '$.kind'), response_id = json_extract(result, '$.responseID'),
                    graded = json_extract(result, '$.graded'), correct = json_extract(result, '$.correct'),
                    reached = json_extract(result, '$.reached')
                WHERE result IS NOT NULL AND json_valid(result);
                """)
        }
        // Re-checks and reminders sent to reps: one row per (kind, person, message, round), so a contact is queued once
        // across restarts and overlapping passes; the outbox row carries the post.
        migrator.registerMigration("v7-rechecks") { db in
            try db.create(table: "rep_contact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("person_id", .text).notNull()
                t.column("partner_id", .text)
                t.column("message_id", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("round", .text).notNull()
                t.column("route", .text).notNull()
                t.column("points", .text).notNull().defaults(to: "[]")
                t.column("recall_before", .double)
                t.column("reason", .text).notNull()
                t.column("send_at", .double).notNull()
                t.column("outbox_id", .integer).references("outbox", onDelete: .setNull)
                t.column("created_at", .double).notNull()
                t.column("cancelled_at", .double)
                t.column("cancel_reason", .text)
                t.uniqueKey(["kind", "person_id", "message_id", "round"])
            }
            try db.create(index: "rep_contact_on_person_send", on: "rep_contact", columns: ["person_id", "send_at"])
            try db.create(index: "rep_contact_on_send", on: "rep_contact", columns: ["send_at"])
        }
        // Dashboard sign-ins live on the server so that signing out, or deleting a row, revokes them at once.
        migrator.registerMigration("v7-dashboard-session") { db in
            try db.execute(sql: """
                CREATE TABLE dashboard_session (
                    key TEXT PRIMARY KEY NOT NULL,
                    value BLOB NOT NULL,
                    expires_at DOUBLE
                );
                CREATE INDEX dashboard_session_on_expiry ON dashboard_session (expires_at);
                """)
        }
        // Every directory import, kept or refused, so the Operations page can say what changed the directory and when.
        migrator.registerMigration("v8-import-log") { db in
            try db.create(table: "import_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("source", .text).notNull()
                t.column("inserted", .integer).notNull().defaults(to: 0)
                t.column("updated", .integer).notNull().defaults(to: 0)
                t.column("refused", .text)
                t.column("at", .double).notNull().indexed()
            }
        }
        // Cancelling answered re-checks deletes a post once none of its contacts is left: found by outbox id.
        migrator.registerMigration("v9-rep-contact-by-outbox") { db in
            try db.create(index: "rep_contact_on_outbox", on: "rep_contact", columns: ["outbox_id"])
        }
        // A manager's sign-ins name the manager, so erasing that person ends their sessions with the rest of their data.
        migrator.registerMigration("v10-dashboard-session-person") { db in
            try db.alter(table: "dashboard_session") { t in t.add(column: "person_id", .text) }
            try db.create(index: "dashboard_session_on_person", on: "dashboard_session", columns: ["person_id"])
            // Sessions already open name their manager in the stored JSON (the dashboard's DashboardSession.viewer).
            try db.execute(sql: """
                UPDATE dashboard_session SET person_id = json_extract(CAST(value AS TEXT), '$.viewer.manager')
                WHERE json_valid(CAST(value AS TEXT))
                """)
        }
        return migrator
    }
}
