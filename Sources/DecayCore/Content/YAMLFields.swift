import Foundation
import Yams

/// Reads typed fields out of a composed YAML tree, recording `file:line` problems instead of throwing,
/// so that one lint run reports every problem in a file.
struct YAMLFields {
    let file: String
    /// Lines before the YAML text in the file (front matter starts after a `---` line).
    let lineOffset: Int
    private(set) var problems: [ContentProblem] = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    func line(_ node: Node?) -> Int {
        (node?.mark?.line ?? 1) + self.lineOffset
    }

    mutating func report(_ node: Node?, _ message: String) {
        self.problems.append(ContentProblem(file: self.file, line: self.line(node), message: message))
    }

    mutating func report(line: Int, _ message: String) {
        self.problems.append(ContentProblem(file: self.file, line: line + self.lineOffset, message: message))
    }

    /// Composes YAML text, turning parser errors into a located problem.
    mutating func compose(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                self.report(line: 1, "empty document")
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                self.report(line: mark.line, "invalid YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                self.report(line: context.mark.line, "duplicate key \(duplicates.joined(separator: ", "))")
            default:
                self.report(line: 1, "invalid YAML: \(error)")
            }
            return nil
        } catch {
            self.report(line: 1, "invalid YAML: \(error)")
            return nil
        }
    }

    mutating func mapping(_ node: Node?, _ what: String) -> Node.Mapping? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            self.report(node, "\(what) must be a mapping of key: value")
            return nil
        }
        return mapping
    }

    mutating func sequence(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            self.report(node, "\(what) must be a list")
            return nil
        }
        return Array(sequence)
    }

    /// Reports keys that are not in `allowed`, which catches typos like `keypoints:`.
    mutating func rejectUnknownKeys(_ mapping: Node.Mapping, allowed: [String], in what: String) {
        for key in mapping.keys {
            let name = key.string ?? ""
            if !allowed.contains(name) {
                self.report(key, "unknown key '\(name)' in \(what) (expected one of: \(allowed.joined(separator: ", ")))")
            }
        }
    }

    mutating func string(_ mapping: Node.Mapping, _ key: String, in what: String, required: Bool = true) -> String? {
        guard let node = mapping[key] else {
            if required { self.report(.mapping(mapping), "\(what) is missing '\(key)'") }
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty || scalar.style != .plain else {
            self.report(node, "'\(key)' in \(what) must be text")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            self.report(node, "'\(key)' in \(what) must not be empty")
            return nil
        }
        return text
    }

    mutating func int(_ mapping: Node.Mapping, _ key: String, in what: String, required: Bool = false) -> Int? {
        guard let node = mapping[key] else {
            if required { self.report(.mapping(mapping), "\(what) is missing '\(key)'") }
            return nil
        }
        guard let value = node.int else {
            self.report(node, "'\(key)' in \(what) must be a whole number, got '\(node.string ?? "?")'")
            return nil
        }
        return value
    }

    mutating func double(_ mapping: Node.Mapping, _ key: String, in what: String) -> Double? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.float ?? node.int.map(Double.init) else {
            self.report(node, "'\(key)' in \(what) must be a number, got '\(node.string ?? "?")'")
            return nil
        }
        return value
    }

    /// A list of text items; a single scalar is accepted as a one-item list.
    mutating func stringList(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? [] : [text]
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    self.report(item, "\(what) must be a list of text items")
                    return nil
                }
                items.append(scalar.string.trimmingCharacters(in: .whitespaces))
            }
            return items
        default:
            self.report(node, "\(what) must be a list of text items")
            return nil
        }
    }

    /// A list of phrase groups (`[[a, b], [c]]`), as used by concept slots and distortions.
    mutating func phraseGroups(_ node: Node?, _ what: String) -> [[String]]? {
        guard let items = self.sequence(node, what) else { return nil }
        var groups: [[String]] = []
        for item in items {
            guard let group = self.stringList(item, "each entry of \(what)") else { continue }
            let cleaned = group.map { $0.lowercased() }.filter { !$0.isEmpty }
            if cleaned.isEmpty {
                self.report(item, "an entry of \(what) has no phrases")
                continue
            }
            groups.append(cleaned)
        }
        return groups
    }
}

/// Content ids are used in URLs, CLI arguments and Slack button values, so they stay plain.
enum ContentID {
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= 64 else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.".unicodeScalars)
        return (CharacterSet.lowercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first))
            && id.unicodeScalars.allSatisfy { allowed.contains($0) }
    }

    static let rule = "lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters"
}
