/// Every problem found in a targets file, each naming the key (`msp.response_rate`) and line.
public struct ScoreTargetsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ContentProblem]

    public init(problems: [ContentProblem]) {
        self.problems = problems
    }

    public var description: String {
        self.problems.map(\.description).joined(separator: "\n")
    }
}
