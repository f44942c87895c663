import DecayCore
import Testing

@testable import DecayInbound

@Suite("Quick-survey form")
struct QuickSurveyFormTests {
    let survey = QuickSurveyFixtures.survey

    func parse(_ body: String) throws(QuickSurveyFormErrors) -> [String: AnswerValue] {
        try QuickSurveyForm.parse(Array(body.utf8), survey: self.survey)
    }

    func errors(_ body: String) -> QuickSurveyFormErrors? {
        do {
            _ = try self.parse(body)
            return nil
        } catch {
            return error
        }
    }

    @Test("decodes + and %20 as spaces, UTF-8 escapes, and keeps repeated names in order")
    func decode() {
        let pairs = FormURLEncoded.decode(Array("a=1+2&b=x%20y&name=J%C3%BCrgen&a=3&flag&=empty&&c=%zz%4".utf8))
        #expect(pairs.map(\.0) == ["a", "b", "name", "a", "flag", "", "c"])
        #expect(pairs.map(\.1) == ["1 2", "x y", "Jürgen", "3", "", "empty", "%zz%4"])
        let escaped = FormURLEncoded.decode(Array("k%2Bey=a%2Bb%3D%26c".utf8))
        #expect(escaped.map(\.0) == ["k+ey"] && escaped.map(\.1) == ["a+b=&c"])
        #expect(FormURLEncoded.decode([]).isEmpty)
        #expect(FormURLEncoded.decode(Array("x=%FF".utf8)).first!.1 == "\u{FFFD}")
    }

    @Test("a real browser body becomes answers by question id")
    func realBody() throws {
        let body = "q.q1=a&q.q2=a&q.q2=c&q.q3=no&q.q4=8"
            + "&q.q5=Backup+for+mid-market%20healthcare%2C+f%C3%BCr+Kliniken%0D%0A%E2%9C%93++&q.unknown=zz&utm=x"
        let answers = try self.parse(body)
        #expect(answers == [
            "q1": .text("a"),
            "q2": .list(["a", "c"]),
            "q3": .text("no"),
            "q4": .number(8),
            "q5": .text("Backup for mid-market healthcare, für Kliniken\n✓"),
        ])
    }

    @Test("repeated checkbox values are collected in order without duplicates")
    func repeatedCheckboxes() throws {
        let answers = try self.parse("q.q1=b&q.q2=c&q.q2=a&q.q2=c&q.q3=yes&q.q4=1")
        #expect(answers["q2"] == .list(["c", "a"]))
        #expect(answers["q5"] == nil)
    }

    @Test("free text is optional: empty or blank means unanswered")
    func optionalFreeText() throws {
        #expect(try self.parse("q.q1=a&q.q2=a&q.q3=yes&q.q4=10&q.q5=")["q5"] == nil)
        #expect(try self.parse("q.q1=a&q.q2=a&q.q3=yes&q.q4=10&q.q5=+%0D%0A+")["q5"] == nil)
    }

    @Test("every missing answer is reported at once, keeping what was answered")
    func missing() {
        let failure = self.errors("q.q3=yes&q.q5=Clinics")
        #expect(failure?.errors == [
            "q1": "Please choose an answer.",
            "q2": "Please choose at least one answer.",
            "q4": "Please pick a number from 1 to 10.",
        ])
        #expect(failure?.values == ["q3": .text("yes"), "q5": .text("Clinics")])
        #expect(self.errors("")?.errors.count == 4)
    }

    @Test("an option id that is not in the question is refused")
    func badOption() {
        let failure = self.errors("q.q1=z&q.q2=a&q.q2=nope&q.q3=maybe&q.q4=5")
        #expect(failure?.errors["q1"] == "Please choose one of the answers listed.")
        #expect(failure?.errors["q2"] == "Please choose only from the answers listed.")
        #expect(failure?.errors["q3"] == "Please choose one of the answers listed.")
        #expect(failure?.values["q2"] == .list(["a"]))
        #expect(failure?.values["q4"] == .number(5))
        #expect(self.errors("q.q1=a&q.q1=b&q.q2=a&q.q3=yes&q.q4=5")?.errors == ["q1": "Please choose only one answer."])
    }

    @Test("scale answers must be one number inside min...max", arguments: ["0", "11", "-1", "abc", "nan", "inf", "5&q.q4=6"])
    func outOfRangeScale(value: String) {
        let failure = self.errors("q.q1=a&q.q2=a&q.q3=yes&q.q4=\(value)")
        #expect(failure?.errors == ["q4": "Please pick a number from 1 to 10."])
    }

    @Test("free text over the grading limit is refused but kept for editing")
    func longText() throws {
        let long = String(repeating: "ü", count: 2001)
        let failure = self.errors("q.q1=a&q.q2=a&q.q3=yes&q.q4=3&q.q5=\(long)")
        #expect(failure?.errors.keys.sorted() == ["q5"])
        #expect(failure?.values["q5"] == .text(long))
        let fits = String(repeating: "ü", count: 2000)
        #expect(try self.parse("q.q1=a&q.q2=a&q.q3=yes&q.q4=3&q.q5=\(fits)")["q5"] == .text(fits))
    }

    @Test("parsed answers pass grading, so the page never accepts what ingest would refuse")
    func gradable() throws {
        let answers = try self.parse("q.q1=a&q.q2=b&q.q3=yes&q.q4=4&q.q5=Clinics")
        for question in self.survey.questions {
            if let value = answers[question.id] {
                _ = try Grading.grade(value, for: question)
            }
        }
    }
}
