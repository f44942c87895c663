import DecayCLI
import Foundation
import Logging

/// The `decay` executable: logging goes to stderr, level from `DECAY_LOG_LEVEL` (default info).
@main
struct Decay {
    static func main() async {
        let level = ProcessInfo.processInfo.environment["DECAY_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        await DecayCommand.main()
    }
}
