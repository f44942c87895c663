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
    /// Commits by this process; report caches key their results on it.
    public let changes = ChangeCounter()
    /// Commits that planned, cancelled or sent re-checks and reminders (and any outbox change).
    public let contactChanges = ChangeCounter(tables: ["rep_contact", "outbox"])

    /// Wraps an open connection and runs the migrations synchronously; prefer ``open(path:)`` in async code.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        self.batcher = WriteBatcher(writer: writer)
        try Self.migrator.migrate(writer)
        writer.add(transactionObserver: self.changes, extent: .databaseLifetime)
        writer.add(transactionObserver: self.contactChanges, extent: .databaseLifetime)
    }

    public var reader: any DatabaseReader { self.writer }

    /// How hard a commit insists on reaching the disk.
    public enum Durability: String, Sendable, CaseIterable {
        /// fsync on every commit: a 2xx survives a power cut (the default).
        case full
        /// WAL without fsync per commit: survives a crash of the process, not of the machine; faster on slow disks.
        case normal
    }

    /// Opens (creating if needed) the database file and migrates it, off the cooperative thread pool.
    public static func open(path: String, durability: Durability = .full) async throws -> AppDatabase {
        try await OffPool.run { try Self.openSync(path: path, durability: durability) }
    }

    /// Opens and migrates on the calling thread; for tests and tools outside async code.
    public static func openSync(path: String, durability: Durability = .full) throws -> AppDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return try AppDatabase(DatabasePool(path: path, configuration: self.configuration(durability)))
    }

    /// An in-memory database, for tests that do not care about the file.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: self.configuration(.full)))
    }

    static func configuration(_ durability: Durability) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: durability == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }
}
