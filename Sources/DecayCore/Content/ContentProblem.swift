/// One problem found in a content file, printed as `file:line: message` like a compiler diagnostic.
public struct ContentProblem: Sendable, Equatable, CustomStringConvertible, Error {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(self.file):\(self.line): \(self.message)" }
}
