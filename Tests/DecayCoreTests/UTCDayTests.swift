import Foundation
import Testing

@testable import DecayCore

@Suite("UTC days")
struct UTCDayTests {
    @Test func parsesFormatsAndEndsDays() throws {
        let start = try #require(UTCDay.start(of: "2026-11-20"))
        #expect(start.timeIntervalSince1970 == 1_795_132_800)
        #expect(UTCDay.end(of: "2026-11-20")?.timeIntervalSince1970 == 1_795_219_200)
        #expect(UTCDay.format(start.addingTimeInterval(3_600)) == "2026-11-20")
        #expect(UTCDay.today(now: start.addingTimeInterval(50_000)) == start)
        #expect(UTCDay.start(of: "last tuesday") == nil)
    }
}
