import GRDB

extension AppDatabase {
    /// The `v4-report-outcomes` migration: per-message copies of what the message report reads, clustered by
    /// message so a report scans one contiguous range instead of joining every response to its answers.
    /// `quiz_outcome` is written with each response by ``insertResponse`` (an insert trigger cost the single writer
    /// ~20 us per response) and backfilled here; a trigger removes rows whose answer is deleted. `free_text_point` holds
    /// each free-text answer's status per key point (keyed so counting per point and status reads the key in order),
    /// written at ingest; scoring needs the content, so old rows are backfilled by ``backfillFreeTextPoints(catalog:)``.
    /// Raw table names only: this migration must never change once shipped.
    static func createReportOutcomes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE quiz_outcome (
                message_id TEXT NOT NULL,
                response_id INTEGER NOT NULL,
                question_id TEXT NOT NULL,
                message_version INTEGER,
                person_id TEXT NOT NULL,
                survey_id TEXT NOT NULL,
                submitted_at DOUBLE NOT NULL,
                key_point TEXT NOT NULL,
                correct BOOLEAN NOT NULL,
                choices TEXT,
                PRIMARY KEY (message_id, response_id, question_id)
            ) WITHOUT ROWID;
            CREATE TRIGGER quiz_outcome_on_delete AFTER DELETE ON answer
            WHEN OLD.correct IS NOT NULL AND OLD.key_point IS NOT NULL BEGIN
                DELETE FROM quiz_outcome WHERE response_id = OLD.response_id AND question_id = OLD.question_id;
            END;
            INSERT INTO quiz_outcome
            SELECT r.message_id, r.id, a.question_id, r.message_version, r.person_id, r.survey_id, r.submitted_at,
                   a.key_point, a.correct, a.choices
            FROM response r JOIN answer a ON a.response_id = r.id
            WHERE r.message_id IS NOT NULL AND a.correct IS NOT NULL AND a.key_point IS NOT NULL;
            CREATE TABLE free_text_point (
                message_id TEXT NOT NULL,
                response_id INTEGER NOT NULL,
                question_id TEXT NOT NULL,
                key_point TEXT NOT NULL,
                person_id TEXT NOT NULL,
                submitted_at DOUBLE NOT NULL,
                status TEXT NOT NULL,
                PRIMARY KEY (message_id, key_point, status, response_id, question_id)
            ) WITHOUT ROWID;
            CREATE TRIGGER free_text_point_on_delete AFTER DELETE ON answer WHEN OLD.kind = 'free_text' BEGIN
                DELETE FROM free_text_point WHERE response_id = OLD.response_id AND question_id = OLD.question_id;
            END;
            """)
    }
}
