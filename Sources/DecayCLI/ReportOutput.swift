import DecayCore
import Foundation

/// JSON for `--json`: the service's one ``JSONStyle``, indented, so the CLI and the API print the same keys.
enum ReportOutput {
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONStyle.prettyEncoder.encode(value), as: UTF8.self)
    }
}
