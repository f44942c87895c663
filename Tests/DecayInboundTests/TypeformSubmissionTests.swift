import DecayCore
import Foundation
import Testing

@testable import DecayInbound

@Suite("TypeformSubmission")
struct TypeformSubmissionTests {
    static let answers = #"""
        [
          {"type": "choice", "choice": {"id": "eXnU3oA141Cg", "ref": "a", "label": "Mid-market healthcare providers"},
           "field": {"id": "Fq1", "ref": "q1", "type": "multiple_choice"}},
          {"type": "text", "text": "Vault 3 backs up clinics overnight, even offline.",
           "field": {"id": "Fq2", "ref": "q2", "type": "long_text"}},
          {"type": "number", "number": 8, "field": {"id": "Fq3", "ref": "q3", "type": "opinion_scale"}},
          {"type": "boolean", "boolean": true, "field": {"id": "Fq4", "ref": "q4", "type": "yes_no"}},
          {"type": "choices", "choices": {"ids": ["x1", "x2"], "labels": ["Retail", "Clinics"], "refs": ["retail", "238d1802-9921-4687-a37b-5e50f56ece8e"]},
           "field": {"id": "Fq5", "ref": "q5", "type": "multiple_choice"}},
          {"type": "choice", "choice": {"id": "aTZmZGYV6liX", "ref": "d867c542-1e72-4619-908f-aaae38cabb61", "label": "Sydney"},
           "field": {"id": "Fq6", "type": "dropdown"}},
          {"type": "email", "email": "amy@acme.example", "field": {"id": "Fq7", "ref": "q7", "type": "email"}},
          {"type": "url", "url": "https://acme.example/clinic", "field": {"id": "Fq8", "ref": "q8", "type": "website"}},
          {"type": "date", "date": "2026-11-19", "field": {"id": "Fq9", "ref": "q9", "type": "date"}},
          {"type": "file_url", "file_url": "https://api.typeform.com/forms/lT4Z3j/responses/x/fields/y/files/z.pdf",
           "field": {"id": "Fq10", "ref": "q10", "type": "file_upload"}},
          {"type": "payment", "payment": {"amount": "1.00", "last4": "4242", "name": "Amy", "success": true},
           "field": {"id": "Fq11", "ref": "q11", "type": "payment"}}
        ]
        """#

    /// A webhook shaped like Typeform's documented example, for a form whose link carries `#survey=...&person=...`.
    static func body(eventType: String = "form_response", hidden: String = #"{"survey": "vault-3-check", "person": "rep-0042"}"#,
                     answers: String = answers, token: String = #""token": "a3a12ec67a1365927098a606107fac15","#) -> [UInt8] {
        Array(#"""
            {"event_id": "LtWXD3crgy", "event_type": "\#(eventType)",
             "form_response": {"form_id": "lT4Z3j", \#(token)
              "submitted_at": "2026-11-20T10:15:00Z", "landed_at": "2026-11-20T10:12:41Z",
              "calculated": {"score": 9}, "hidden": \#(hidden),
              "definition": {"id": "lT4Z3j", "title": "Vault 3 check", "fields": [
                {"id": "Fq1", "ref": "q1", "type": "multiple_choice", "title": "Who is Vault 3 for?"},
                {"id": "Fq6", "ref": "q6", "type": "dropdown", "title": "Nearest office?"}]},
              "answers": \#(answers)}}
            """#.utf8)
    }

    @Test func documentedPayloadIsParsed() throws {
        let submission = try TypeformSubmission.parse(Self.body())
        #expect(submission.token == "a3a12ec67a1365927098a606107fac15")
        #expect(submission.formID == "lT4Z3j")
        #expect(submission.survey == "vault-3-check")
        #expect(submission.person == "rep-0042")
        #expect(submission.submittedAt == RFC3339.parse("2026-11-20T10:15:00Z"))
        #expect(submission.answers == [
            "q1": .text("a"),
            "q2": .text("Vault 3 backs up clinics overnight, even offline."),
            "q3": .number(8),
            "q4": .bool(true),
            "q5": .list(["retail", "Clinics"]),
            "q6": .text("Sydney"),
            "q7": .text("amy@acme.example"),
            "q8": .text("https://acme.example/clinic"),
        ])
    }

    @Test func eventIsASurveyResponse() throws {
        let submission = try TypeformSubmission.parse(Self.body())
        #expect(submission.event == .surveyResponse(SurveyResponseEvent(
            survey: "vault-3-check", person: "rep-0042", submittedAt: submission.submittedAt, answers: submission.answers
        )))
    }

    @Test func choicesFallBackToLabelsAndOther() throws {
        let answers = #"""
            [{"type": "choice", "choice": {"label": "Retail"}, "field": {"id": "F1", "ref": "q1", "type": "multiple_choice"}},
             {"type": "choice", "choice": {"other": "Dentists"}, "field": {"id": "F2", "ref": "q2", "type": "multiple_choice"}},
             {"type": "choices", "choices": {"labels": ["Retail", "Clinics"], "other": "Dentists"}, "field": {"id": "F3", "ref": "q3", "type": "multiple_choice"}},
             {"type": "choices", "choices": {"other": "Dentists"}, "field": {"id": "F4", "ref": "q4", "type": "multiple_choice"}}]
            """#
        let submission = try TypeformSubmission.parse(Self.body(answers: answers))
        #expect(submission.answers == [
            "q1": .text("Retail"), "q2": .text("Dentists"), "q3": .list(["Retail", "Clinics", "Dentists"]), "q4": .list(["Dentists"]),
        ])
    }

    @Test func generatedRefsAreRecognised() {
        #expect(TypeformSubmission.isGeneratedRef("238d1802-9921-4687-a37b-5e50f56ece8e"))
        #expect(!TypeformSubmission.isGeneratedRef("a"))
        #expect(!TypeformSubmission.isGeneratedRef("vault-3-check-q1-a"))
        #expect(TypeformSubmission.optionName(ref: "b", label: "Retail") == "b")
        #expect(TypeformSubmission.optionName(ref: "238d1802-9921-4687-a37b-5e50f56ece8e", label: "Retail") == "Retail")
        #expect(TypeformSubmission.optionName(ref: nil, label: nil) == nil)
    }

    @Test func noAnswersIsAnEmptyResponse() throws {
        #expect(try TypeformSubmission.parse(Self.body(answers: "[]")).answers.isEmpty)
    }

    @Test func missingHiddenFieldsAreNamed() {
        let cases: [(hidden: String, field: String)] = [
            (#"{"survey": "vault-3-check"}"#, "form_response.hidden.person"),
            (#"{"survey": "vault-3-check", "person": ""}"#, "form_response.hidden.person"),
            (#"{"person": "rep-0042"}"#, "form_response.hidden.survey"),
            (#"{}"#, "form_response.hidden.survey"),
            (#""rep-0042""#, "form_response.hidden"),
        ]
        for (hidden, field) in cases {
            #expect {
                try TypeformSubmission.parse(Self.body(hidden: hidden))
            } throws: { error in
                (error as? InboundError)?.field == field && (error as? InboundError)?.kind == .malformed
            }
        }
    }

    @Test func everyErrorNamesItsField() {
        let cases: [(body: [UInt8], field: String?)] = [
            (Array("{".utf8), nil),
            (Array(#"{"form_response": {}}"#.utf8), "event_type"),
            (Self.body(eventType: "form_response_partial"), "event_type"),
            (Array(#"{"event_type": "form_response"}"#.utf8), "form_response"),
            (Self.body(token: ""), "form_response.token"),
            (Self.body(answers: #"{"q1": "a"}"#), "form_response.answers"),
            (Self.body(answers: #"["a"]"#), "form_response.answers[0]"),
            (Self.body(answers: #"[{"type": "text", "text": "hi"}]"#), "form_response.answers[0].field"),
            (Self.body(answers: #"[{"type": "text", "text": "hi", "field": {"id": "Unknown"}}]"#), "form_response.answers[0].field.ref"),
            (Self.body(answers: #"[{"text": "hi", "field": {"ref": "q2"}}]"#), "form_response.answers[0].type"),
            (Self.body(answers: #"[{"type": "text", "field": {"ref": "q2"}}]"#), "form_response.answers[0].text"),
            (Self.body(answers: #"[{"type": "email", "email": 3, "field": {"ref": "q2"}}]"#), "form_response.answers[0].email"),
            (Self.body(answers: #"[{"type": "number", "number": "8", "field": {"ref": "q3"}}]"#), "form_response.answers[0].number"),
            (Self.body(answers: #"[{"type": "boolean", "boolean": "yes", "field": {"ref": "q4"}}]"#), "form_response.answers[0].boolean"),
            (Self.body(answers: #"[{"type": "choice", "field": {"ref": "q1"}}]"#), "form_response.answers[0].choice"),
            (Self.body(answers: #"[{"type": "choice", "choice": {}, "field": {"ref": "q1"}}]"#), "form_response.answers[0].choice.label"),
            (Self.body(answers: #"[{"type": "choices", "choices": {"labels": []}, "field": {"ref": "q5"}}]"#), "form_response.answers[0].choices.labels"),
            (Self.body(answers: #"[{"type": "choices", "choices": {"labels": [1]}, "field": {"ref": "q5"}}]"#), "form_response.answers[0].choices.labels[0]"),
            (Self.body(answers: #"[{"type": "number", "number": 1, "field": {"ref": "q3"}}, {"type": "number", "number": 2, "field": {"ref": "q3"}}]"#),
             "form_response.answers[1].field.ref"),
        ]
        for (body, field) in cases {
            #expect {
                try TypeformSubmission.parse(body)
            } throws: { error in
                (error as? InboundError)?.field == field && (error as? InboundError)?.kind == .malformed
            }
        }
    }
}
