import GRDB

extension AppDatabase {
    /// Runs the single-row `sql` (an INSERT with one `?` per column) once per row through one cached statement,
    /// bound directly so the single writer spends its time in SQLite rather than on arguments.
    static func insertRows(_ sql: String, _ rows: [[SQLiteValue]], _ db: Database) throws {
        guard !rows.isEmpty else { return }
        let statement = try db.cachedStatement(sql: sql)
        for row in rows {
            try statement.run(row)
        }
    }
}
