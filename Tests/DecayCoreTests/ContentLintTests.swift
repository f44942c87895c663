import Foundation
import Testing

@testable import DecayCore

@Suite("Content lint")
struct ContentLintTests {
    @Test func shippedContentIsValid() throws {
        let catalog = try ContentCatalog.load(messagesDirectory: ContentFixtures.messages, surveysDirectory: ContentFixtures.surveys).get()
        #expect(catalog.messages.count >= 3)
        #expect(catalog.surveys.count >= 4)
        for message in catalog.messages.values {
            #expect((3...5).contains(message.keyPoints.count), "\(message.id) should have 3-5 key points")
            #expect(catalog.surveys(forMessage: message.id).count >= 1, "\(message.id) needs a quiz")
        }
        let health = try #require(catalog.surveys["channel-health"])
        #expect(health.message == nil)
        #expect(health.questions.contains { $0.kind == .scale && $0.min == 1 && $0.max == 10 })
    }

    @Test func parsesTheDesignExample() throws {
        let text = """
            ---
            id: vault-3-launch
            version: 2
            title: Vault 3.0 is for mid-market healthcare
            audience: { categories: [msp, var], tiers: [gold, silver] }
            key_points:
              - id: target-market
                text: Vault 3.0 is built for mid-market healthcare providers (100-2,000 staff), not retail SMBs.
                weight: 2
                concepts:
                  - [healthcare, hospital, clinic, medical]
                  - [mid-market, midmarket, "100-2,000"]
                distortions:
                  - [retail, smb, "small business"]
            ---
            Vault 3.0 ships today.
            """
        let message = try MessageParser.parse(text, file: "vault-3-launch.md").get()
        #expect(message.version == 2)
        #expect(message.audience == Audience(categories: ["msp", "var"], tiers: ["gold", "silver"]))
        #expect(message.keyPoints[0].weight == 2)
        #expect(message.keyPoints[0].concepts[1] == ["mid-market", "midmarket", "100-2,000"])
        #expect(message.body == "Vault 3.0 ships today.")
    }

    /// A broken copy of one shipped file, the line the problem must be reported on, and words the message must contain.
    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var edit: @Sendable (String) -> String
        var line: Int?
        var expect: String

        var testDescription: String { self.name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "unknown key point", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "key_point: target-market", with: "key_point: target-markt") },
                 line: 8, expect: "unknown key point 'target-markt'"),
        Breakage(name: "quiz without correct", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "    correct: a\n", with: "", options: [], range: $0.range(of: "    correct: a\n")) },
                 line: 8, expect: "has no 'correct' answer"),
        Breakage(name: "duplicate question id", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "- id: q2", with: "- id: q1") },
                 line: nil, expect: "duplicate question id 'q1'"),
        Breakage(name: "survey points at a missing message", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "message: vault-3-launch", with: "message: vault-9-launch") },
                 line: 3, expect: "message 'vault-9-launch', which is not in the messages folder"),
        Breakage(name: "correct answer is not an option", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "    correct: a\n", with: "    correct: z\n", options: [], range: $0.range(of: "    correct: a\n")) },
                 line: 14, expect: "correct answer 'z' is not one of its option ids"),
        Breakage(name: "unknown question kind", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "kind: single_choice", with: "kind: dropdown", options: [], range: $0.range(of: "kind: single_choice")) },
                 line: 6, expect: "unknown kind 'dropdown'"),
        Breakage(name: "unknown key", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "title:", with: "titel:") },
                 line: 2, expect: "unknown key 'titel'"),
        Breakage(name: "invalid YAML", file: "surveys/vault-3-check.yaml",
                 edit: { $0.replacingOccurrences(of: "questions:\n", with: "questions: [\n") },
                 line: nil, expect: "invalid YAML"),
        Breakage(name: "duplicate key point id", file: "messages/vault-3-launch.md",
                 edit: { $0.replacingOccurrences(of: "- id: restore-sla", with: "- id: hipaa-audit") },
                 line: nil, expect: "duplicate key point id 'hipaa-audit'"),
        Breakage(name: "missing version", file: "messages/vault-3-launch.md",
                 edit: { $0.replacingOccurrences(of: "version: 2\n", with: "") },
                 line: nil, expect: "missing 'version'"),
        Breakage(name: "id does not match the file name", file: "messages/vault-3-launch.md",
                 edit: { $0.replacingOccurrences(of: "id: vault-3-launch", with: "id: vault-3-lunch") },
                 line: nil, expect: "must match the file name"),
        Breakage(name: "no front matter", file: "messages/vault-3-launch.md",
                 edit: { String($0.drop(while: { $0 == "-" || $0 == "\n" })) },
                 line: 1, expect: "expected YAML front matter"),
        Breakage(name: "key point without concepts", file: "messages/vault-3-launch.md",
                 edit: { $0.replacingOccurrences(of: "concepts:", with: "concepts_old:") },
                 line: nil, expect: "unknown key 'concepts_old'"),
    ]

    @Test(arguments: breakages)
    func brokenCopyIsReported(_ breakage: Breakage) throws {
        let content = try ContentFixtures.copy()
        let root = (content.messages as NSString).deletingLastPathComponent
        let path = (root as NSString).appendingPathComponent(breakage.file)
        let original = try ContentFixtures.read(path)
        let broken = breakage.edit(original)
        #expect(broken != original, "the edit must change the file")
        try ContentFixtures.write(broken, to: path)

        let result = ContentCatalog.load(messagesDirectory: content.messages, surveysDirectory: content.surveys)
        guard case .failure(let errors) = result else {
            Issue.record("expected lint problems for \(breakage.name)")
            return
        }
        let matching = errors.problems.filter { $0.file == path && $0.message.contains(breakage.expect) }
        #expect(!matching.isEmpty, "expected '\(breakage.expect)' in \(errors)")
        if let line = breakage.line {
            #expect(matching.contains { $0.line == line }, "expected line \(line) in \(matching)")
        }
        #expect(matching.allSatisfy { $0.description.hasPrefix("\(path):\($0.line): ") })
    }

    @Test func scaleWithoutBoundsIsReported() throws {
        let survey = """
            id: pulse
            title: Pulse
            questions:
              - id: q1
                kind: scale
                prompt: How likely?
                min: 1
            """
        guard case .failure(let errors) = SurveyParser.parse(survey, file: "pulse.yaml", messages: [:]) else {
            Issue.record("expected a problem")
            return
        }
        #expect(errors.problems.map(\.description) == ["pulse.yaml:4: question 'q1' is a scale question and needs both 'min' and 'max'"])
    }

    @Test func duplicateMessageIDsAcrossFilesAreReported() throws {
        let text = try ContentFixtures.read(ContentFixtures.messages + "/vault-3-launch.md")
        let result = ContentCatalog.parse(
            messageFiles: [("a/vault-3-launch.md", text), ("b/vault-3-launch.md", text)], surveyFiles: []
        )
        guard case .failure(let errors) = result else {
            Issue.record("expected a duplicate id problem")
            return
        }
        #expect(errors.problems.contains { $0.file == "b/vault-3-launch.md" && $0.message.contains("duplicate message id 'vault-3-launch'") })
    }

    @Test func everyProblemInAFileIsReported() throws {
        let survey = """
            id: quiz
            title: Quiz
            message: m
            questions:
              - id: q1
                kind: single_choice
                prompt: Which?
                options:
                  - { id: a, text: A }
                correct: b
              - id: q2
                kind: scale
                prompt: How much?
                min: 5
                max: 1
            """
        guard case .failure(let errors) = SurveyParser.parse(survey, file: "quiz.yaml", messages: [:]) else {
            Issue.record("expected problems")
            return
        }
        let lines = errors.problems.map(\.line)
        #expect(errors.problems.count >= 4, "\(errors)")
        #expect(lines.contains(3))
        #expect(lines.contains(10))
        #expect(lines.contains(14))
    }
}
