import Foundation

/// One directory import as the import log keeps it: what was imported, from where, and what came of it.
public struct ImportLogEntry: Sendable, Equatable, Codable {
    /// Where an import came from.
    public enum Source: String, Sendable, Codable, CaseIterable {
        /// `decay import`.
        case cli
        /// `PUT /api/partners` or `PUT /api/people`.
        case api
        /// `decay demo` or `decay serve --demo` loading the demo channel's directory.
        case demo
    }

    /// `partners` or `people`.
    public var kind: String
    public var source: Source
    public var inserted: Int
    public var updated: Int
    /// Why nothing was imported; nil when the import went through.
    public var refused: String?
    public var at: Date

    public init(kind: String, source: Source, inserted: Int = 0, updated: Int = 0, refused: String? = nil, at: Date) {
        self.kind = kind
        self.source = source
        self.inserted = inserted
        self.updated = updated
        self.refused = refused
        self.at = at
    }

    /// A kept import, stamped now.
    init(kind: String, source: Source, summary: ImportSummary) {
        self.init(kind: kind, source: source, inserted: summary.inserted, updated: summary.updated, at: Date())
    }
}
