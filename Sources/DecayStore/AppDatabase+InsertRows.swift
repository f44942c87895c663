import GRDB

extension AppDatabase {
    /// Rows per statement in ``insertRows(_:_:_:)``, well under SQLite's limit on bound variables.
    static let rowsPerInsert = 64

    /// Inserts rows with as few statements as possible (`head` is `INSERT INTO t (a, b)`, one value per column in
    /// each row), statements cached per row count. Ingest writes a handful of rows per event on the single writer,
    /// where every statement saved is saved for the whole batch.
    static func insertRows(_ head: String, _ rows: [[(any DatabaseValueConvertible)?]], _ db: Database) throws {
        guard let width = rows.first?.count else { return }
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        for start in stride(from: 0, to: rows.count, by: Self.rowsPerInsert) {
            let chunk = rows[start..<min(start + Self.rowsPerInsert, rows.count)]
            let statement = try db.cachedStatement(sql: head + " VALUES " + Array(repeating: tuple, count: chunk.count).joined(separator: ", "))
            try statement.execute(arguments: StatementArguments(chunk.flatMap { $0 }))
        }
    }
}
