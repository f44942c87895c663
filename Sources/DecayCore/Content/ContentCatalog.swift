import Foundation

/// All messages and surveys, loaded and checked together: either everything is valid or nothing is used.
public struct ContentCatalog: Sendable {
    public let messages: [String: Message]
    public let surveys: [String: Survey]
    /// Scorers for free-text answers, built with the catalog so they always match its content.
    public let freeTextScoring: FreeTextScoring

    public init(messages: [Message] = [], surveys: [Survey] = []) {
        self.messages = Dictionary(messages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.surveys = Dictionary(surveys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.freeTextScoring = FreeTextScoring(messages: self.messages, surveys: self.surveys)
    }

    /// Sorted by id, for stable listings.
    public var sortedMessages: [Message] { self.messages.values.sorted { $0.id < $1.id } }
    public var sortedSurveys: [Survey] { self.surveys.values.sorted { $0.id < $1.id } }

    /// Quizzes that check a message, by survey id.
    public func surveys(forMessage id: String) -> [Survey] {
        self.sortedSurveys.filter { $0.message == id }
    }

    /// Parses in-memory files (name -> text) so the checks stay free of I/O; `decay lint` and start-up share it.
    /// `messageFiles` names end in `.md`, `surveyFiles` in `.yaml`/`.yml`; the id must match the file name.
    public static func parse(messageFiles: [(path: String, text: String)], surveyFiles: [(path: String, text: String)]) -> Result<ContentCatalog, ContentErrors> {
        var problems: [ContentProblem] = []
        let messages = Self.collect(messageFiles, kind: "message", idLine: 2, problems: &problems) { file in
            MessageParser.parse(file.text, file: file.path).map { ($0.id, $0) }
        }
        let surveys = Self.collect(surveyFiles, kind: "survey", idLine: 1, problems: &problems) { file in
            SurveyParser.parse(file.text, file: file.path, messages: messages).map { ($0.id, $0) }
        }
        if !problems.isEmpty {
            return .failure(ContentErrors(problems))
        }
        return .success(ContentCatalog(messages: Array(messages.values), surveys: Array(surveys.values)))
    }

    /// Parses each file, keeping the first of duplicate ids and reporting ids that do not match their file name.
    private static func collect<T>(
        _ files: [(path: String, text: String)], kind: String, idLine: Int, problems: inout [ContentProblem],
        parse: ((path: String, text: String)) -> Result<(String, T), ContentErrors>
    ) -> [String: T] {
        var items: [String: T] = [:]
        var paths: [String: String] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) {
            switch parse(file) {
            case .failure(let errors):
                problems += errors.problems
            case .success(let (id, item)):
                let stem = Self.stem(file.path)
                if stem != id {
                    problems.append(ContentProblem(file: file.path, line: idLine, message: "\(kind) id '\(id)' must match the file name '\(stem)'"))
                }
                if let other = paths[id] {
                    problems.append(ContentProblem(file: file.path, line: idLine, message: "duplicate \(kind) id '\(id)' (also in \(other))"))
                    continue
                }
                items[id] = item
                paths[id] = file.path
            }
        }
        return items
    }

    /// Reads `*.md` from `messagesDirectory` and `*.yaml`/`*.yml` from `surveysDirectory`, then parses them.
    public static func load(messagesDirectory: String, surveysDirectory: String) -> Result<ContentCatalog, ContentErrors> {
        var problems: [ContentProblem] = []
        let messageFiles = Self.readFiles(in: messagesDirectory, extensions: ["md"], problems: &problems)
        let surveyFiles = Self.readFiles(in: surveysDirectory, extensions: ["yaml", "yml"], problems: &problems)
        if !problems.isEmpty {
            return .failure(ContentErrors(problems))
        }
        return self.parse(messageFiles: messageFiles, surveyFiles: surveyFiles)
    }

    private static func readFiles(in directory: String, extensions: Set<String>, problems: inout [ContentProblem]) -> [(path: String, text: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            problems.append(ContentProblem(file: directory, line: 0, message: "cannot read the folder: it does not exist or is not readable"))
            return []
        }
        var files: [(path: String, text: String)] = []
        for name in names.sorted() where extensions.contains((name as NSString).pathExtension.lowercased()) {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(ContentProblem(file: path, line: 0, message: "cannot read the file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(ContentProblem(file: path, line: 1, message: "the file is not valid UTF-8"))
                continue
            }
            files.append((path, text))
        }
        return files
    }

    private static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
