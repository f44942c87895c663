import Foundation

/// All messages and surveys, loaded and checked together: either everything is valid or nothing is used.
public struct ContentCatalog: Sendable {
    public var messages: [String: Message]
    public var surveys: [String: Survey]

    public init(messages: [Message] = [], surveys: [Survey] = []) {
        self.messages = Dictionary(messages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.surveys = Dictionary(surveys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
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
        var messages: [String: Message] = [:]
        var messagePaths: [String: String] = [:]
        for file in messageFiles.sorted(by: { $0.path < $1.path }) {
            switch MessageParser.parse(file.text, file: file.path) {
            case .failure(let errors):
                problems += errors.problems
            case .success(let message):
                let stem = Self.stem(file.path)
                if stem != message.id {
                    problems.append(ContentProblem(file: file.path, line: 2, message: "message id '\(message.id)' must match the file name '\(stem)'"))
                }
                if let other = messagePaths[message.id] {
                    problems.append(ContentProblem(file: file.path, line: 2, message: "duplicate message id '\(message.id)' (also in \(other))"))
                    continue
                }
                messages[message.id] = message
                messagePaths[message.id] = file.path
            }
        }
        var surveys: [String: Survey] = [:]
        var surveyPaths: [String: String] = [:]
        for file in surveyFiles.sorted(by: { $0.path < $1.path }) {
            switch SurveyParser.parse(file.text, file: file.path, messages: messages) {
            case .failure(let errors):
                problems += errors.problems
            case .success(let survey):
                let stem = Self.stem(file.path)
                if stem != survey.id {
                    problems.append(ContentProblem(file: file.path, line: 1, message: "survey id '\(survey.id)' must match the file name '\(stem)'"))
                }
                if let other = surveyPaths[survey.id] {
                    problems.append(ContentProblem(file: file.path, line: 1, message: "duplicate survey id '\(survey.id)' (also in \(other))"))
                    continue
                }
                surveys[survey.id] = survey
                surveyPaths[survey.id] = file.path
            }
        }
        if !problems.isEmpty {
            return .failure(ContentErrors(problems))
        }
        return .success(ContentCatalog(messages: Array(messages.values), surveys: Array(surveys.values)))
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
