import Foundation
import Yams

/// Parses `messages/<id>.md`: YAML front matter between `---` lines, then the Markdown body.
public enum MessageParser {
    static let messageKeys = ["id", "version", "title", "audience", "key_points", "recheck"]
    static let recheckKeys = ["target", "questions", "min_days"]
    static let audienceKeys = ["categories", "tiers", "regions"]
    static let keyPointKeys = ["id", "text", "weight", "concepts", "distortions"]

    /// Returns the message, or every problem found; a file with any problem yields no message.
    public static func parse(_ text: String, file: String) -> Result<Message, ContentErrors> {
        guard let (frontMatter, body) = self.splitFrontMatter(text) else {
            return .failure(ContentErrors([
                ContentProblem(file: file, line: 1, message: "expected YAML front matter: a first line '---', the YAML, then a line '---'"),
            ]))
        }
        var fields = YAMLFields(file: file, lineOffset: 1)
        let message = self.message(from: fields.compose(frontMatter), body: body, fields: &fields)
        if let message, fields.problems.isEmpty {
            return .success(message)
        }
        return .failure(ContentErrors(fields.problems))
    }

    /// Splits `---\n yaml \n---\n body`; nil when the file does not start with front matter.
    static func splitFrontMatter(_ text: String) -> (String, String)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return nil
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (yaml, body)
    }

    private static func message(from root: Node?, body: String, fields: inout YAMLFields) -> Message? {
        guard let map = fields.mapping(root, "front matter") else { return nil }
        fields.rejectUnknownKeys(map, allowed: self.messageKeys, in: "message")
        let id = fields.string(map, "id", in: "message")
        if let id, !ContentID.isValid(id) {
            fields.report(map["id"], "message id '\(id)' must be \(ContentID.rule)")
        }
        let version = fields.int(map, "version", in: "message", required: true)
        if let version, version < 1 {
            fields.report(map["version"], "version must be 1 or more, got \(version)")
        }
        let title = fields.string(map, "title", in: "message")
        let audience = self.audience(map["audience"], fields: &fields)
        if body.isEmpty {
            fields.report(line: 1, "message body is empty: write the text to broadcast after the closing '---'")
        }
        var keyPoints: [KeyPoint] = []
        if let items = fields.sequence(map["key_points"], "key_points") {
            if items.isEmpty { fields.report(map["key_points"], "key_points must list at least one key point") }
            var seen: Set<String> = []
            for item in items {
                guard let point = self.keyPoint(item, fields: &fields) else { continue }
                if !seen.insert(point.id).inserted {
                    fields.report(item, "duplicate key point id '\(point.id)'")
                }
                keyPoints.append(point)
            }
        } else if map["key_points"] == nil {
            fields.report(root, "message is missing 'key_points'")
        }
        let recheck = self.recheck(map["recheck"], fields: &fields)
        guard let id, let version, let title else { return nil }
        return Message(id: id, version: version, title: title, audience: audience, keyPoints: keyPoints, body: body, recheck: recheck)
    }

    /// `recheck: off`, or a mapping whose missing entries take ``RecheckPolicy/standard``'s values; absent: standard.
    private static func recheck(_ node: Node?, fields: inout YAMLFields) -> RecheckPolicy? {
        guard let node else { return .standard }
        if node.string?.lowercased() == "off" || node.bool == false { return nil }
        guard let map = fields.mapping(node, "recheck") else { return .standard }
        fields.rejectUnknownKeys(map, allowed: self.recheckKeys, in: "recheck")
        var policy = RecheckPolicy.standard
        if let target = fields.double(map, "target", in: "recheck") {
            if RecheckPolicy.targets.contains(target) { policy.target = target } else {
                fields.report(map["target"], "recheck target must be a predicted recall from \(RecheckPolicy.targets.lowerBound) to \(RecheckPolicy.targets.upperBound), got \(target)")
            }
        }
        if let questions = fields.int(map, "questions", in: "recheck") {
            if RecheckPolicy.questionCounts.contains(questions) { policy.questions = questions } else {
                fields.report(map["questions"], "recheck questions must be 1 to 3, got \(questions)")
            }
        }
        if let days = fields.int(map, "min_days", in: "recheck") {
            if RecheckPolicy.minDayRange.contains(days) { policy.minDays = days } else {
                fields.report(map["min_days"], "recheck min_days must be 1 to 365, got \(days)")
            }
        }
        return policy
    }

    private static func audience(_ node: Node?, fields: inout YAMLFields) -> Audience {
        guard let map = fields.mapping(node, "audience") else { return Audience() }
        fields.rejectUnknownKeys(map, allowed: self.audienceKeys, in: "audience")
        return Audience(
            categories: fields.stringList(map["categories"], "audience categories") ?? [],
            tiers: fields.stringList(map["tiers"], "audience tiers") ?? [],
            regions: fields.stringList(map["regions"], "audience regions") ?? []
        )
    }

    private static func keyPoint(_ node: Node, fields: inout YAMLFields) -> KeyPoint? {
        guard let map = fields.mapping(node, "a key point") else { return nil }
        fields.rejectUnknownKeys(map, allowed: self.keyPointKeys, in: "key point")
        let id = fields.string(map, "id", in: "key point")
        if let id, !ContentID.isValid(id) {
            fields.report(map["id"], "key point id '\(id)' must be \(ContentID.rule)")
        }
        let what = "key point '\(id ?? "?")'"
        let text = fields.string(map, "text", in: what)
        let weight = fields.double(map, "weight", in: what) ?? 1
        if !(weight > 0) || !weight.isFinite {
            fields.report(map["weight"], "weight of \(what) must be a positive number, got \(weight)")
        }
        let (concepts, localized) = self.concepts(map["concepts"], of: what, fields: &fields)
        if concepts.isEmpty {
            fields.report(map["concepts"] ?? node, "\(what) needs at least one concept slot (a list of synonyms) to be scored in free text")
        }
        let distortions = fields.phraseGroups(map["distortions"], "distortions of \(what)") ?? []
        guard let id, let text else { return nil }
        return KeyPoint(id: id, text: text, weight: weight, concepts: concepts, distortions: distortions, localizedConcepts: localized)
    }

    /// `concepts:` as a list of slots (English), or a mapping from language code to slots (`{en: [...], de: [...]}`)
    /// where `en` is required and every other language gives one list of synonyms per English slot, in order.
    private static func concepts(_ node: Node?, of what: String, fields: inout YAMLFields) -> ([[String]], [String: [[String]]]) {
        guard let node, case .mapping(let map) = node else {
            return (fields.phraseGroups(node, "concepts of \(what)") ?? [], [:])
        }
        var english: [[String]] = []
        var localized: [String: [[String]]] = [:]
        var slotCounts: [(String, Int, Node)] = []
        for (key, value) in map {
            let code = key.string ?? ""
            guard LanguageDetector.languages.contains(code) else {
                fields.report(key, "unknown language '\(code)' in concepts of \(what) (expected one of: \(LanguageDetector.languages.joined(separator: ", ")))")
                continue
            }
            let slots = fields.phraseGroups(value, "concepts.\(code) of \(what)") ?? []
            if code == "en" {
                english = slots
            } else {
                localized[code] = slots
                slotCounts.append((code, slots.count, value))
            }
        }
        if map["en"] == nil {
            fields.report(node, "concepts of \(what) given per language must include 'en' (the English slots)")
        }
        for (code, count, value) in slotCounts where map["en"] != nil && count != english.count {
            fields.report(value, "concepts.\(code) of \(what) has \(count) slot(s), concepts.en has \(english.count): give one list of synonyms per English slot, in the same order")
        }
        return (english, localized)
    }
}

/// Every problem found in one or more content files.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [ContentProblem]

    public init(_ problems: [ContentProblem]) {
        self.problems = problems
    }

    public var description: String { self.problems.map(\.description).joined(separator: "\n") }
}
