@testable import DecayStore
import Foundation
import GRDB
import Testing

/// `Statement.run` binds values without GRDB's arguments; what it stores must read back exactly as GRDB would have stored it.
@Suite("Directly bound statements")
struct StatementRunTests {
    @Test func storesEachKindOfValueExactly() async throws {
        let queue = try DatabaseQueue()
        let rows = try await queue.write { db -> [Row] in
            try db.execute(sql: "CREATE TABLE t (n INTEGER, r REAL, s TEXT, b BLOB)")
            let insert = try db.cachedStatement(sql: "INSERT INTO t (n, r, s, b) VALUES (?, ?, ?, ?)")
            try insert.run([.integer(Int64.max), .real(-0.25), .text("é ü 😀"), .blob([0, 255, 7])])
            try insert.run([.null, .init(Double?.none), .text(""), .blob([])])
            try insert.run([.init(true), .init(3), .text("a\u{0}b"), .init(String?.none)])
            return try Row.fetchAll(db, sql: "SELECT n, r, s, b, typeof(s) AS ts, typeof(b) AS tb, length(CAST(s AS BLOB)) AS bytes FROM t ORDER BY rowid")
        }
        #expect(rows[0]["n"] as Int64? == .max)
        #expect(rows[0]["r"] as Double? == -0.25)
        #expect(rows[0]["s"] as String? == "é ü 😀")
        #expect(rows[0]["b"] as Data? == Data([0, 255, 7]))
        #expect(rows[1]["n"] as Int64? == nil)
        #expect(rows[1]["s"] as String? == "", "an empty string is '' and not NULL")
        #expect(rows[1]["tb"] as String? == "blob", "an empty blob is a blob and not NULL")
        #expect(rows[2]["n"] as Int? == 1)
        #expect(rows[2]["bytes"] as Int? == 3, "text is bound by its length, so an embedded NUL does not cut it")
        #expect(rows[2]["tb"] as String? == "null")
    }

    @Test func constraintFailuresThrowTheSQLiteErrorAndLeaveTheStatementReusable() async throws {
        let queue = try DatabaseQueue()
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL)")
            let insert = try db.cachedStatement(sql: "INSERT INTO t (id) VALUES (?)")
            try insert.run([.text("a")])
            let error = try #require(throws: DatabaseError.self) { try insert.run([.text("a")]) }
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY)
            #expect(error.message?.contains("t.id") == true)
            #expect(error.sql == "INSERT INTO t (id) VALUES (?)")
            try insert.run([.text("b")])
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 2)
        }
    }

    @Test func firstIntegerReadsOneValueOrNil() async throws {
        let queue = try DatabaseQueue()
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE t (k TEXT, v INTEGER); INSERT INTO t VALUES ('a', 5), ('b', NULL)")
            let select = try db.cachedStatement(sql: "SELECT v FROM t WHERE k = ?")
            #expect(try select.firstInteger([.text("a")]) == 5)
            #expect(try select.firstInteger([.text("b")]) == nil, "NULL reads as nil")
            #expect(try select.firstInteger([.text("c")]) == nil, "no row reads as nil")
            #expect(try select.firstInteger([.text("a")]) == 5, "the statement is reset after each read")
        }
    }
}
