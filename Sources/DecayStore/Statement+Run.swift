import Foundation
import GRDB
import GRDBSQLite

/// A value bound straight to an SQLite statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    init(_ value: Bool?) { self = value.map { .integer($0 ? 1 : 0) } ?? .null }
}

extension Statement {
    /// Binds `values` to the parameters in order and steps the statement to its end. The ingest path's writes use
    /// this instead of `execute(arguments:)`: building `StatementArguments` runs GRDB's unspecialized generic code,
    /// which cost the single writer more than the inserts themselves (BENCHMARKS.md, inbound). Changes made here
    /// are not seen by GRDB transaction observers, which this app does not use.
    func run(_ values: [SQLiteValue]) throws {
        try self.bind(values)
        let code = sqlite3_step(self.sqliteStatement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw self.failure(code) }
        sqlite3_reset(self.sqliteStatement)
    }

    /// Binds `values` and returns the first column of the first row as an integer, nil when there is no row
    /// or the column is NULL.
    func firstInteger(_ values: [SQLiteValue]) throws -> Int64? {
        try self.bind(values)
        defer { sqlite3_reset(self.sqliteStatement) }
        switch sqlite3_step(self.sqliteStatement) {
        case SQLITE_ROW:
            return sqlite3_column_type(self.sqliteStatement, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(self.sqliteStatement, 0)
        case SQLITE_DONE:
            return nil
        case let code:
            throw self.failure(code)
        }
    }

    private func bind(_ values: [SQLiteValue]) throws {
        let handle = self.sqliteStatement
        sqlite3_reset(handle)
        precondition(values.count == Int(sqlite3_bind_parameter_count(handle)), "\(values.count) values for: \(self.sql)")
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(var text):
                // An empty buffer may have no address, and a NULL pointer would bind NULL instead of ''.
                code = text.isEmpty
                    ? sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                    : text.withUTF8 { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient) }
                    }
            case .blob(let bytes):
                code = bytes.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0)
                    : bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient) }
            }
            guard code == SQLITE_OK else { throw self.failure(code) }
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let connection = sqlite3_db_handle(self.sqliteStatement)
        let error = DatabaseError(
            resultCode: ResultCode(rawValue: connection.map { sqlite3_extended_errcode($0) } ?? code),
            message: connection.map { String(cString: sqlite3_errmsg($0)) }, sql: self.sql)
        sqlite3_reset(self.sqliteStatement)
        return error
    }
}

/// Tells SQLite to copy a bound text or blob before the call returns.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
