import Foundation
import GRDB

/// Owns the SQLite connection: one `DatabasePool` (WAL) per file, migrated when opened.
///
///     let database = try await AppDatabase.open(path: "./decay.sqlite")
///     let partners = try await database.partners()
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Groups concurrent inbound writes into one transaction; run ``WriteBatcher/run()`` as a service.
    public let batcher: WriteBatcher

    /// Wraps an open connection and runs the migrations synchronously; prefer ``open(path:)`` in async code.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        self.batcher = WriteBatcher(writer: writer)
        try Self.migrator.migrate(writer)
    }

    public var reader: any DatabaseReader { self.writer }

    /// Opens (creating if needed) the database file and migrates it, off the cooperative thread pool.
    public static func open(path: String) async throws -> AppDatabase {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.openSync(path: path) })
            }
        }
    }

    /// Opens and migrates on the calling thread; for tests and tools outside async code.
    public static func openSync(path: String) throws -> AppDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return try AppDatabase(DatabasePool(path: path, configuration: self.configuration))
    }

    /// An in-memory database, for tests that do not care about the file.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: self.configuration))
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // FULL: a 2xx on a webhook promises the answer survives a power cut, not only a crash; group commits amortise the fsync.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }
}
