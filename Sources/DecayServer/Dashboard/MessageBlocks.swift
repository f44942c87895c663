import DecayApp
import DecayCore
import Foundation

/// The message page's relay and version blocks: each relay's own text with its distorted phrases marked and its
/// missing points named, and every stored version with what it changed and who is still on an older one.
enum MessageBlocks {
    /// The listed relays, worst fidelity first, each with its text; the `Text` column's CSV value is the plain text.
    static func relays(_ report: MessageReport) -> PageBlock {
        let texts = Dictionary(report.keyPoints.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let points = report.keyPoints.map(\.id)
        return PageBlock(
            "Relays",
            note: "Worst fidelity first. What each partner passed on, in their words: distorting phrases are marked, "
                + "and the key points the text leaves out are listed. Fidelity: the key points the text carries, of those scored.",
            table: PageTable(
                id: "relays", caption: "Relays \(report.relaysOffset + 1)–\(report.relaysOffset + report.relays.count) of \(report.relaysTotal)",
                columns: ["From", "At", "Recipients", "Fidelity", "Text", "Missing", "Distorted"] + points,
                rows: report.relays.map { relay in
                    var text = PageCell(relay.text, mark: "text")
                    text.segments = Self.segments(relay.text, highlights: relay.highlights, about: texts)
                    return [
                        PageCell(relay.from, href: PageFormat.path("people", relay.from)), PageCell(PageFormat.minute(relay.at)),
                        .number(relay.recipients), .figure(Self.carried(relay.points)), text,
                        PageCell(Self.list(relay.missing), mark: relay.missing.isEmpty ? nil : "muted"),
                        PageCell(Self.list(relay.distorted), mark: relay.distorted.isEmpty ? nil : "bad"),
                    ] + points.map { point in
                        let verdict = relay.points[point] ?? "–"
                        return PageCell(verdict, mark: verdict == "distorted" ? "bad" : verdict == "missing" ? "muted" : verdict == "present" ? "good" : nil)
                    }
                }, empty: "No relays yet."),
            wide: true)
    }

    /// One relay's fidelity as the count it comes from, `4 of 5 points` (one relay is one person: no percentage),
    /// over the key points scored; `not scored` when none was (a language the message gives no concepts for).
    static func carried(_ verdicts: [String: String]) -> String {
        let kinds: [PointStatus.Kind] = [.present, .missing, .distorted]
        let scored = verdicts.values.filter { verdict in kinds.contains { $0.rawValue == verdict } }
        guard !scored.isEmpty else { return "not scored" }
        return "\(scored.filter { $0 == PointStatus.Kind.present.rawValue }.count) of \(PageFormat.count(scored.count, "point"))"
    }

    /// `text` cut at the highlights (UTF-16 offsets, as the report gives them); out-of-range or overlapping ones are
    /// skipped, so a bad offset can drop a mark but never the text.
    static func segments(_ text: String, highlights: [MessageReport.Highlight], about: [String: String]) -> [PageCell.Segment] {
        let utf16 = text.utf16
        var segments: [PageCell.Segment] = []
        var position = 0
        func piece(_ from: Int, _ to: Int) -> String? {
            let start = String.Index(utf16Offset: from, in: text)
            let end = String.Index(utf16Offset: to, in: text)
            guard let lower = start.samePosition(in: text), let upper = end.samePosition(in: text) else { return nil }
            return String(text[lower..<upper])
        }
        for highlight in highlights.sorted(by: { $0.start < $1.start })
        where highlight.start >= position && highlight.end > highlight.start && highlight.end <= utf16.count {
            guard let before = piece(position, highlight.start), let marked = piece(highlight.start, highlight.end) else { continue }
            if !before.isEmpty { segments.append(.init(text: before, mark: nil)) }
            segments.append(.init(text: marked, mark: "Distorts \(highlight.keyPoint): \(about[highlight.keyPoint] ?? highlight.keyPoint)"))
            position = highlight.end
        }
        if let rest = piece(position, utf16.count), !rest.isEmpty { segments.append(.init(text: rest, mark: nil)) }
        return segments
    }

    /// Key point ids (their texts are in the key points table above), "–" for none.
    static func list(_ ids: [String]) -> String {
        ids.isEmpty ? "–" : ids.joined(separator: ", ")
    }

    /// Every stored version, newest first, with the key points it added, removed or changed, and per key point the
    /// people whose latest word still carries that version's claim.
    static func versions(_ report: MessageReport) -> PageBlock {
        PageBlock(
            "Versions",
            note: "Each version loaded from the content folder; \"still on it\" counts the people whose latest answer, "
                + "free text or relay still carries that version's claim on a key point the newer version changed.",
            table: PageTable(
                id: "versions", caption: "Versions of \(report.message) (current: v\(report.version))",
                columns: ["Version", "Title", "Loaded", "Key points added", "Removed", "Changed", "Still on it"],
                rows: report.versions.reversed().map { version in
                    let holders = report.keyPoints.compactMap { point in
                        point.stillOnOldVersion.first { $0.version == version.version }.map { "\(point.id): \($0.people.formatted()) people" }
                    }
                    return [
                        PageCell("v\(version.version)\(version.version == report.version ? " (current)" : "")"), PageCell(version.title),
                        PageCell(PageFormat.minute(version.loadedAt)),
                        PageCell(version.added.isEmpty ? "–" : version.added.joined(separator: ", ")),
                        PageCell(version.removed.isEmpty ? "–" : version.removed.joined(separator: ", ")),
                        PageCell(version.changed.isEmpty ? "–" : version.changed.joined(separator: ", ")),
                        PageCell(version.version == report.version ? "–" : holders.isEmpty ? "nobody" : holders.joined(separator: "; ")),
                    ]
                }, empty: "No stored versions."))
    }
}
