import DecayCore
import Foundation
import Testing

@testable import DecayInbound

/// Surveys and messages shared by the quick-survey page and form tests: one question of every kind.
enum QuickSurveyFixtures {
    static let survey = Survey(
        id: "vault-3-check", title: "Vault 3.0 in 30 seconds", message: "vault-3-launch",
        questions: [
            Question(
                id: "q1", kind: .singleChoice, prompt: "Who is Vault 3.0 built for?",
                options: [AnswerOption(id: "a", text: "Mid-market healthcare"), AnswerOption(id: "b", text: "Retail shops")],
                correct: ["a"], keyPoint: "target-market"
            ),
            Question(
                id: "q2", kind: .multiChoice, prompt: "Which metrics do you track?",
                options: [AnswerOption(id: "a", text: "Revenue"), AnswerOption(id: "b", text: "Pipeline"), AnswerOption(id: "c", text: "Renewals")]
            ),
            Question(id: "q3", kind: .yesNo, prompt: "Can an MSP manage every client from one console?", correct: ["yes"], keyPoint: "multi-tenant"),
            Question(id: "q4", kind: .scale, prompt: "How confident are you? (1-10)", min: 1, max: 10),
            Question(id: "q5", kind: .freeText, prompt: "Pitch it in one sentence.", keyPoints: ["target-market"]),
        ]
    )

    static let message = Message(
        id: "vault-3-launch", version: 2, title: "Vault 3.0 is for mid-market healthcare",
        keyPoints: [KeyPoint(id: "target-market", text: "Mid-market healthcare", concepts: [["healthcare"]])], body: "Body"
    )

    /// A survey whose content tries to break out of text and attributes.
    static let hostile = Survey(
        id: "hostile", title: "Title </title><script>alert(1)</script>",
        questions: [
            Question(
                id: "q1", kind: .singleChoice, prompt: "Pick <script>alert('x')</script> & go",
                options: [
                    AnswerOption(id: "a", text: "Say \"hi\" & 'bye'"),
                    AnswerOption(id: "b", text: "<img src=x onerror=alert(1)>"),
                ]
            ),
        ]
    )
}

@Suite("Quick-survey page")
struct QuickSurveyPageTests {
    let survey = QuickSurveyFixtures.survey

    @Test("HTMLEscape escapes the five special characters and nothing else")
    func escaping() {
        #expect(HTMLEscape.text("<b>\"Fish\" & 'chips'</b>") == "&lt;b&gt;&quot;Fish&quot; &amp; &#39;chips&#39;&lt;/b&gt;")
        #expect(HTMLEscape.attribute("a\" onmouseover='x'") == "a&quot; onmouseover=&#39;x&#39;")
        #expect(HTMLEscape.text("Grüße, 日本 ✓") == "Grüße, 日本 ✓")
    }

    @Test("hostile prompts, options, names and actions are escaped, and no script appears")
    func hostileContent() {
        let html = QuickSurveyPage.form(
            survey: QuickSurveyFixtures.hostile, message: nil, personName: "<script>x</script>",
            action: "/s/abc\"><script>", errors: ["q1": "<script>bad</script>"],
            values: ["q1": .text("\"><script>")]
        )
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("Pick &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; go"))
        #expect(html.contains("<span>Say &quot;hi&quot; &amp; &#39;bye&#39;</span>"))
        #expect(html.contains("action=\"/s/abc&quot;&gt;&lt;script&gt;\""))
        #expect(html.contains("<title>Title &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("Hi &lt;script&gt;x&lt;/script&gt;,"))
    }

    @Test("a complete phone-ready document with inline CSS and no JavaScript")
    func document() {
        let html = QuickSurveyPage.form(survey: self.survey, message: QuickSurveyFixtures.message, personName: "Dana", action: "/s/t0k")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<style>"))
        for forbidden in ["<script", "<link", "<img", "src=", "javascript:", "http://", "https://"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil)
        #expect(html.contains("<h1>Vault 3.0 in 30 seconds</h1>"))
        #expect(html.contains("Hi Dana, a few quick questions about a recent update. Answer from memory"))
        #expect(html.contains("<form method=\"post\" action=\"/s/t0k\" accept-charset=\"utf-8\">"))
        #expect(html.contains("<button type=\"submit\">"))
        #expect(!html.contains("role=\"alert\""))
    }

    @Test("a quiz never shows its message title, which would give the answer away; a pulse survey does")
    func messageTitle() {
        let quiz = QuickSurveyPage.form(survey: self.survey, message: QuickSurveyFixtures.message, personName: nil, action: "/s/t")
        #expect(!quiz.contains("mid-market healthcare”"))
        var pulse = self.survey
        pulse.questions = pulse.questions.filter { !$0.isQuiz }
        let html = QuickSurveyPage.form(survey: pulse, message: QuickSurveyFixtures.message, personName: "  ", action: "/s/t")
        #expect(html.contains("<p class=\"intro\">A few quick questions about “Vault 3.0 is for mid-market healthcare”.</p>"))
    }

    @Test("every question kind gets its fieldset, legend, input type and field name")
    func questionKinds() {
        let html = QuickSurveyPage.form(survey: self.survey, message: nil, personName: nil, action: "/s/t")
        #expect(html.components(separatedBy: "<fieldset").count - 1 == 5)
        #expect(html.components(separatedBy: "<legend>").count - 1 == 5)
        #expect(html.contains("<legend><span class=\"num\">1.</span> Who is Vault 3.0 built for?</legend>"))
        #expect(html.contains("<input type=\"radio\" id=\"q-q1~a\" name=\"q.q1\" value=\"a\" required>"))
        #expect(html.contains("<label class=\"option\" for=\"q-q1~b\">"))
        #expect(html.components(separatedBy: "type=\"checkbox\"").count - 1 == 3)
        #expect(html.contains("<input type=\"checkbox\" id=\"q-q2~c\" name=\"q.q2\" value=\"c\">"))
        #expect(html.contains("<input type=\"radio\" id=\"q-q3~yes\" name=\"q.q3\" value=\"yes\" required> <span>Yes</span>"))
        #expect(html.contains("<input type=\"radio\" id=\"q-q3~no\" name=\"q.q3\" value=\"no\" required> <span>No</span>"))
        for value in 1...10 {
            let input = "<input type=\"radio\" id=\"q-q4~\(value)\" name=\"q.q4\" value=\"\(value)\" required>"
            #expect(html.contains("<label class=\"pick\" for=\"q-q4~\(value)\">\(input)<span>\(value)</span></label>"))
        }
        #expect(!html.contains("value=\"0\"") && !html.contains("value=\"11\""))
        #expect(html.contains("<label class=\"hint\" for=\"q-q5~text\">"))
        #expect(html.contains("<textarea id=\"q-q5~text\" name=\"q.q5\" rows=\"4\" maxlength=\"4000\">"))
        #expect(html.contains("(optional)"))
        #expect(html.contains("A few quick questions about a recent update."))
    }

    @Test("a re-render keeps previous answers and shows each error next to its question")
    func reRender() {
        let html = QuickSurveyPage.form(
            survey: self.survey, message: nil, personName: nil, action: "/s/t",
            errors: ["q1": "Please choose an answer.", "q4": "Please pick a number from 1 to 10."],
            values: ["q2": .list(["a", "c"]), "q3": .bool(false), "q5": .text("Backup for <clinics> & \"hospitals\"")]
        )
        #expect(html.contains("<fieldset id=\"q-q1\" class=\"invalid\" aria-describedby=\"q-q1~error\">"))
        #expect(html.contains("<p class=\"error\" id=\"q-q1~error\" role=\"alert\">Please choose an answer.</p>"))
        #expect(html.contains("<p class=\"error\" id=\"q-q4~error\" role=\"alert\">Please pick a number from 1 to 10.</p>"))
        #expect(html.components(separatedBy: "role=\"alert\"").count - 1 == 2)
        #expect(html.contains("Please check the 2 answers marked below."))
        #expect(html.contains("name=\"q.q1\" value=\"a\" required aria-invalid=\"true\">"))
        #expect(html.contains("name=\"q.q2\" value=\"a\" checked>"))
        #expect(html.contains("name=\"q.q2\" value=\"b\">"))
        #expect(html.contains("name=\"q.q2\" value=\"c\" checked>"))
        #expect(html.contains("name=\"q.q3\" value=\"no\" checked required>"))
        #expect(html.contains("name=\"q.q3\" value=\"yes\" required>"))
        #expect(html.contains(">\nBackup for &lt;clinics&gt; &amp; &quot;hospitals&quot;</textarea>"))
    }

    @Test("scale values are kept whether they come back as numbers or text")
    func scaleValues() {
        for value in [AnswerValue.number(7), .text("7")] {
            let html = QuickSurveyPage.form(survey: self.survey, message: nil, personName: nil, action: "/s/t", values: ["q4": value])
            #expect(html.contains("name=\"q.q4\" value=\"7\" checked required>"))
            #expect(html.components(separatedBy: " checked").count - 1 == 1)
        }
    }

    @Test("errors not tied to a question are shown at the top")
    func generalError() {
        let html = QuickSurveyPage.form(
            survey: self.survey, message: nil, personName: nil, action: "/s/t", errors: ["form": "Something went wrong & we're on it."]
        )
        #expect(html.contains("<p role=\"alert\">Something went wrong &amp; we&#39;re on it.</p>"))
        #expect(!html.contains("marked below"))
    }

    @Test("thanks and problem pages share the look and escape their text")
    func otherPages() {
        let thanks = QuickSurveyPage.thanks(survey: QuickSurveyFixtures.hostile, alreadyRecorded: false)
        #expect(thanks.contains("<h1>Thanks, your answers are in</h1>"))
        #expect(!thanks.lowercased().contains("<script"))
        let again = QuickSurveyPage.thanks(survey: self.survey, alreadyRecorded: true)
        #expect(again.contains("You already answered"))
        #expect(again.contains("nothing was changed"))
        let problem = QuickSurveyPage.problem(title: "This link has expired", detail: "Ask <b>your</b> manager for a new one.")
        #expect(problem.contains("<h1>This link has expired</h1>"))
        #expect(problem.contains("Ask &lt;b&gt;your&lt;/b&gt; manager"))
        for page in [thanks, again, problem] {
            #expect(page.contains("<meta name=\"viewport\""))
            #expect(page.contains("<style>"))
            #expect(!page.lowercased().contains("<script"))
        }
    }
}
