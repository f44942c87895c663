import Foundation
import Testing

@testable import DecayCore

@Suite("Input hygiene: control characters, encodings, quotes and impossible times")
struct InputHygieneTests {
    /// The problems of a refused import, or none when it went through.
    static func problems<T>(_ result: Result<T, ImportErrors>) -> [ImportProblem] {
        guard case .failure(let errors) = result else { return [] }
        return errors.problems
    }

    @Test func controlCharactersAreFoundAndNamed() {
        #expect(ControlCharacters.first(in: "Ana\u{0}Ruiz") == "\u{0}")
        #expect(ControlCharacters.problem(in: "rep-0042\u{0}") == "contains a control character (U+0000)")
        #expect(ControlCharacters.problem(in: "a\u{7F}") == "contains a control character (U+007F)")
        #expect(ControlCharacters.problem(in: "a\u{85}b") == "contains a control character (U+0085)")
        #expect(ControlCharacters.first(in: "two\nlines\tand tab", allowingLineBreaks: true) == nil)
        #expect(ControlCharacters.first(in: "two\nlines") == "\n")
        #expect(ControlCharacters.first(in: "Zoë Ågren 山田 \u{200F}") == nil, "letters and format marks are not control characters")
    }

    @Test func aNULInADirectoryFieldIsRefusedWithRowAndFieldInsteadOfCuttingTheNameShort() throws {
        let csv = "id,name\nalder,Alder Networks\nharbor,Harbor\u{0}IT\n"
        let errors = ImportErrors(Self.problems(DirectoryImport.partners(csv, format: .csv)))
        try #require(!errors.problems.isEmpty)
        #expect(errors.problems.map(\.description) == ["row 3: field 'name': contains a control character (U+0000)"])
        let json = #"[{"id": "alder", "name": "Alder\u0007 Networks"}]"#
        let jsonErrors = ImportErrors(Self.problems(DirectoryImport.partners(json, format: .json)))
        try #require(!jsonErrors.problems.isEmpty)
        #expect(jsonErrors.problems.map(\.description) == ["row 1: field 'name': contains a control character (U+0007)"])
    }

    @Test func aChatURLWithSpacesIsRefusedAtImport() throws {
        let csv = "id,name,chat_format,chat_url\nalder,Alder,slack,https://hooks.slack.com/services/T0 /B0/X\n"
        let errors = ImportErrors(Self.problems(DirectoryImport.partners(csv, format: .csv)))
        try #require(!errors.problems.isEmpty)
        #expect(errors.problems.count == 1)
        #expect(errors.problems[0].row == 2)
        #expect(errors.problems[0].field == "chat_url")
        #expect(errors.problems[0].message.contains("must not contain spaces"))
    }

    @Test func aMatrixChatURLMustNameARoomAndCarryTheToken() {
        let rows = [
            "ok,Ok,matrix,https://m.example.com/_matrix/client/v3/rooms/%21abc%3Am.example.com?access_token=syt_1",
            "notoken,No token,matrix,https://m.example.com/_matrix/client/v3/rooms/%21abc%3Am.example.com",
            "send,Send path,matrix,https://m.example.com/_matrix/client/v3/rooms/%21abc/send/m.room.message?access_token=syt_1",
            "web,Web link,matrix,https://matrix.to/#/%21abc:m.example.com",
        ]
        let problems = Self.problems(DirectoryImport.partners("id,name,chat_format,chat_url\n" + rows.joined(separator: "\n") + "\n", format: .csv))
        #expect(problems.map { "\($0.row ?? 0):\($0.field ?? "")" } == ["3:chat_url", "4:chat_url", "5:chat_url"])
        #expect(problems[0].message.contains("access token"))
        #expect(problems[1].message.contains("ending in the room id"))
        #expect(problems[2].message.contains("expected a Matrix room URL"))
    }

    @Test func invalidUTF8IsRefusedWithItsRowNotReplaced() throws {
        var bytes = Array("id,name\nalder,\"Alder\nNetworks\"\nharbor,Harbor ".utf8)
        bytes += [0xFF, 0x41]
        bytes += Array("\nmaple,Maple\n".utf8)
        let errors = ImportErrors(Self.problems(ImportText.decode(bytes, format: .csv)))
        try #require(!errors.problems.isEmpty)
        #expect(errors.problems.count == 1)
        #expect(errors.problems[0].row == 3, "the quoted line break belongs to row 2, so the bad byte is on row 3")
        #expect(errors.problems[0].message.contains("not valid UTF-8 (byte 0xFF at offset 45)"))

        let json = Array("[\n{\"id\": \"a\",\n \"name\": \"".utf8) + [0xC3, 0x28] + Array("\"}]".utf8)
        let jsonErrors = ImportErrors(Self.problems(ImportText.decode(json, format: .json)))
        try #require(!jsonErrors.problems.isEmpty)
        #expect(jsonErrors.problems[0].row == nil)
        #expect(jsonErrors.problems[0].message.hasPrefix("line 3 is not valid UTF-8"))
        #expect(try ImportText.decode(Array("id,name\nzoë,Zoë\n".utf8), format: .csv).get() == "id,name\nzoë,Zoë\n")
    }

    @Test func anUnterminatedQuoteNamesTheRowWhereItOpened() throws {
        let csv = """
            id,name
            alder,"Alder ""North"" Networks"
            harbor,"Harbor
            IT"
            maple,"Maple Partners
            oak,Oak

            """
        let errors = ImportErrors(Self.problems(DirectoryImport.partners(csv, format: .csv)))
        try #require(!errors.problems.isEmpty)
        #expect(errors.problems.count == 1)
        #expect(errors.problems[0].row == 4, "rows: header 1, alder 2, harbor 3 (two lines), maple 4")
        #expect(errors.problems[0].message.contains("never closed"))
        #expect(ImportText.unclosedQuote(in: "id,name\na,\"x\"\"\"\n") == nil, "an escaped quote before the closing one")
        #expect(ImportText.unclosedQuote(in: "id,name\na,\"x\"") == nil, "closed by the last byte")
        #expect(ImportText.unclosedQuote(in: "id,name\na,5\" screen\n") == nil, "a quote inside an unquoted field opens nothing")
    }

    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func impossibleTimesAreRefusedNamingTheField() {
        let old = InboundEvent.surveyResponse(SurveyResponseEvent(
            survey: "s", person: "rep-1", submittedAt: Date(timeIntervalSince1970: 946_684_799), answers: [:]))
        #expect(EventHygiene.problem(in: old, now: Self.now)?.field == "submitted_at")
        #expect(EventHygiene.problem(in: old, now: Self.now)?.kind == .malformed)
        let ahead = InboundEvent.messageAck(MessageAckEvent(message: "m", person: "rep-1", at: Self.now.addingTimeInterval(86_401)))
        #expect(EventHygiene.problem(in: ahead, now: Self.now)?.field == "at")
        let soon = InboundEvent.messageAck(MessageAckEvent(message: "m", person: "rep-1", at: Self.now.addingTimeInterval(86_399)))
        #expect(EventHygiene.problem(in: soon, now: Self.now) == nil)
        let epoch2000 = InboundEvent.messageAck(MessageAckEvent(message: "m", person: "rep-1", at: EventHygiene.earliest))
        #expect(EventHygiene.problem(in: epoch2000, now: Self.now) == nil)
    }

    @Test func controlCharactersInIdsAndAnswersAreRefusedNamingTheField() {
        func response(person: String = "rep-1", answers: [String: AnswerValue]) -> InboundEvent {
            .surveyResponse(SurveyResponseEvent(survey: "s", person: person, submittedAt: Self.now, answers: answers))
        }
        #expect(EventHygiene.problem(in: response(person: "rep-0042\u{0}", answers: [:]), now: Self.now)
            == InboundError(.malformed, "contains a control character (U+0000)", field: "person"))
        #expect(EventHygiene.problem(in: response(answers: ["q5": .text("fine\nsecond line\twith tab")]), now: Self.now) == nil)
        #expect(EventHygiene.problem(in: response(answers: ["q5": .text("bad\u{1B}[31m")]), now: Self.now)?.field == "answers.q5")
        #expect(EventHygiene.problem(in: response(answers: ["q1": .list(["a", "b\u{0}"])]), now: Self.now)?.field == "answers.q1")
        #expect(EventHygiene.problem(in: response(answers: ["q1\u{0}": .text("a")]), now: Self.now)?.field == "answers")
        let relay = InboundEvent.messageRelay(MessageRelayEvent(message: "m", from: "pm-1", to: ["rep-1", "rep-2\u{0}"], text: "t", at: Self.now))
        #expect(EventHygiene.problem(in: relay, now: Self.now)?.field == "to[1]")
    }
}
