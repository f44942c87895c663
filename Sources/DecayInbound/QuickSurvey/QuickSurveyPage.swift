import DecayCore
import Foundation

/// The service's own quick-survey pages (`GET|POST /s/{token}`): small, self-contained HTML5 documents for phones,
/// with inline CSS only and no JavaScript. Every content- or user-derived string is escaped with ``HTMLEscape``.
///
/// ```swift
/// let html = QuickSurveyPage.form(survey: survey, message: message, personName: "Dana", action: "/s/\(token)")
/// ```
public enum QuickSurveyPage {
    /// A policy the route can send with these pages: they need nothing but their own inline CSS and a same-origin post.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The survey form. On a re-render after ``QuickSurveyForm/parse(_:survey:)`` failed, pass its `errors`
    /// (by question id, shown next to each question) and `values` (kept so nothing has to be answered twice).
    public static func form(
        survey: Survey, message: Message?, personName: String?, action: String,
        errors: [String: String] = [:], values: [String: AnswerValue] = [:]
    ) -> String {
        var body = "<header>\n<p class=\"eyebrow\">Quick survey · \(self.count(survey.questions.count, "question"))</p>\n"
        body += "<h1>\(HTMLEscape.text(survey.title))</h1>\n"
        body += "<p class=\"intro\">\(self.intro(survey: survey, message: message, personName: personName))</p>\n</header>\n"
        body += self.summary(survey: survey, errors: errors)
        body += "<form method=\"post\" action=\"\(HTMLEscape.attribute(action))\" accept-charset=\"utf-8\">\n"
        for (index, question) in survey.questions.enumerated() {
            body += self.fieldset(question, number: index + 1, error: errors[question.id], value: values[question.id])
        }
        body += "<button type=\"submit\">Send answers</button>\n</form>\n"
        return self.document(title: survey.title, body: body)
    }

    /// The "who are you?" page behind a partner channel's survey link: one personal link per person at the partner.
    public static func picker(survey: Survey, partnerName: String, people: [(name: String, href: String)]) -> String {
        var body = "<header>\n<p class=\"eyebrow\">Quick survey · \(self.count(survey.questions.count, "question"))</p>\n"
        body += "<h1>\(HTMLEscape.text(survey.title))</h1>\n"
        body += "<p class=\"intro\">Pick your name at \(HTMLEscape.text(partnerName)) to start.</p>\n</header>\n<ul class=\"people\">\n"
        for person in people {
            body += "<li><a href=\"\(HTMLEscape.attribute(person.href))\">\(HTMLEscape.text(person.name))</a></li>\n"
        }
        body += "</ul>\n"
        return self.document(title: survey.title, body: body)
    }

    /// What the person sees after submitting; `alreadyRecorded` when this link had been answered before.
    public static func thanks(survey: Survey, alreadyRecorded: Bool) -> String {
        let title = alreadyRecorded ? "You already answered" : "Thanks, your answers are in"
        let detail = alreadyRecorded
            ? "We already have your answers to “\(HTMLEscape.text(survey.title))”, so nothing was changed."
            : "Your answers to “\(HTMLEscape.text(survey.title))” were recorded."
        let body = """
            <div class="done">
            <p class="mark" aria-hidden="true">✓</p>
            <h1>\(title)</h1>
            <p class="intro">\(detail) You can close this page.</p>
            </div>

            """
        return self.document(title: title, body: body)
    }

    /// A page for links that cannot be answered (expired, altered, unknown survey), in the same look as the form.
    public static func problem(title: String, detail: String) -> String {
        let body = """
            <div class="done">
            <p class="mark problem" aria-hidden="true">!</p>
            <h1>\(HTMLEscape.text(title))</h1>
            <p class="intro">\(HTMLEscape.text(detail))</p>
            </div>

            """
        return self.document(title: title, body: body)
    }

    /// One greeting line. A quiz never shows its message's title: the title states the key point being tested
    /// (e.g. "Vault 3.0 is for mid-market healthcare"), so showing it would hand out the answer and void the recall measure.
    private static func intro(survey: Survey, message: Message?, personName: String?) -> String {
        var line = "A few quick questions"
        if let name = personName?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            line = "Hi \(HTMLEscape.text(name)), a few quick questions"
        }
        if survey.questions.contains(where: \.isQuiz) {
            return line + " about a recent update. Answer from memory: there is no need to look anything up."
        }
        if let message {
            line += " about “\(HTMLEscape.text(message.title))”"
        }
        return line + "."
    }

    /// A box above the form when some answers need another look; errors not tied to a question are listed in it.
    private static func summary(survey: Survey, errors: [String: String]) -> String {
        if errors.isEmpty { return "" }
        let questionIDs = Set(survey.questions.map(\.id))
        let marked = errors.keys.filter { questionIDs.contains($0) }.count
        var html = "<div class=\"summary\">\n"
        if marked > 0 {
            html += "<p>Please check the \(marked == 1 ? "answer" : "\(marked) answers") marked below.</p>\n"
        }
        for key in errors.keys.sorted() where !questionIDs.contains(key) {
            html += "<p role=\"alert\">\(HTMLEscape.text(errors[key] ?? ""))</p>\n"
        }
        return html + "</div>\n"
    }

    /// One question: legend with its prompt, its error (if any), then the inputs its kind needs.
    private static func fieldset(_ question: Question, number: Int, error: String?, value: AnswerValue?) -> String {
        let id = HTMLEscape.attribute("q-\(question.id)")
        let errorID = HTMLEscape.attribute("q-\(question.id)~error")
        var html = "<fieldset id=\"\(id)\""
        if error != nil {
            html += " class=\"invalid\" aria-describedby=\"\(errorID)\""
        }
        html += ">\n<legend><span class=\"num\">\(number).</span> \(HTMLEscape.text(question.prompt))"
        if question.kind == .freeText {
            html += " <span class=\"optional\">(optional)</span>"
        }
        html += "</legend>\n"
        if let error {
            html += "<p class=\"error\" id=\"\(errorID)\" role=\"alert\">\(HTMLEscape.text(error))</p>\n"
        }
        switch question.kind {
        case .singleChoice, .yesNo, .multiChoice:
            html += self.choices(question, picked: self.picked(value), invalid: error != nil)
        case .scale:
            html += self.scale(question, picked: self.picked(value), invalid: error != nil)
        case .freeText:
            html += self.textArea(question, value: value, invalid: error != nil)
        }
        return html + "</fieldset>\n"
    }

    /// Radio buttons (one answer) or checkboxes (several, the name repeated), each a full-width tap target.
    private static func choices(_ question: Question, picked: [String], invalid: Bool) -> String {
        let multi = question.kind == .multiChoice
        var html = ""
        if multi && !question.prompt.lowercased().contains("all that apply") {
            html += "<p class=\"hint\">Choose all that apply.</p>\n"
        }
        html += question.kind == .yesNo ? "<div class=\"options pair\">\n" : "<div class=\"options\">\n"
        for option in question.choices {
            let inputID = HTMLEscape.attribute("q-\(question.id)~\(option.id)")
            html += "<label class=\"option\" for=\"\(inputID)\"><input type=\"\(multi ? "checkbox" : "radio")\" id=\"\(inputID)\""
            html += " name=\"\(HTMLEscape.attribute("q.\(question.id)"))\" value=\"\(HTMLEscape.attribute(option.id))\""
            html += self.flags(checked: picked.contains(option.id), required: !multi, invalid: invalid)
            html += "> <span>\(HTMLEscape.text(option.text))</span></label>\n"
        }
        return html + "</div>\n"
    }

    /// Radio buttons `min...max` as a grid of numbered boxes: two rows of at most six on a phone, one row when wide.
    private static func scale(_ question: Question, picked: [String], invalid: Bool) -> String {
        let low = question.min ?? 1
        let high = Swift.max(question.max ?? 5, low)
        let count = high - low + 1
        let rows = (count + 5) / 6
        let columns = (count + rows - 1) / rows
        var html = "<div class=\"scale c\(columns)\">\n"
        for value in low...high {
            let inputID = HTMLEscape.attribute("q-\(question.id)~\(value)")
            html += "<label class=\"pick\" for=\"\(inputID)\"><input type=\"radio\" id=\"\(inputID)\""
            html += " name=\"\(HTMLEscape.attribute("q.\(question.id)"))\" value=\"\(value)\""
            html += self.flags(checked: picked.contains(String(value)), required: true, invalid: invalid)
            html += "><span>\(value)</span></label>\n"
        }
        return html + "</div>\n"
    }

    /// A text area whose visible label states it is optional and how long it may be.
    private static func textArea(_ question: Question, value: AnswerValue?, invalid: Bool) -> String {
        let inputID = HTMLEscape.attribute("q-\(question.id)~text")
        var text = ""
        if case .text(let previous) = value {
            text = previous
        }
        var html = "<label class=\"hint\" for=\"\(inputID)\">Your answer, in your own words</label>\n"
        html += "<textarea id=\"\(inputID)\" name=\"\(HTMLEscape.attribute("q.\(question.id)"))\" rows=\"4\" maxlength=\"4000\""
        html += invalid ? " aria-invalid=\"true\"" : ""
        // A newline right after the start tag is dropped by parsers, so one is added to keep a leading newline of the answer.
        return html + ">\n\(HTMLEscape.text(text))</textarea>\n"
    }

    private static func flags(checked: Bool, required: Bool, invalid: Bool) -> String {
        (checked ? " checked" : "") + (required ? " required" : "") + (invalid ? " aria-invalid=\"true\"" : "")
    }

    /// The option ids or scale values a previous answer picked, whatever shape it arrived in.
    private static func picked(_ value: AnswerValue?) -> [String] {
        switch value {
        case .text(let text): return [text]
        case .list(let items): return items
        case .bool(let flag): return [flag ? "yes" : "no"]
        case .number(let number): return number == number.rounded() && abs(number) < 1e9 ? [String(Int(number))] : [String(number)]
        case nil: return []
        }
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }

    private static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta name="referrer" content="no-referrer">
        <title>\(HTMLEscape.text(title))</title>
        <style>\(self.css)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }
}

extension QuickSurveyPage {
    /// The whole look: readable type, 48px tap targets, WCAG AA contrast in light and dark mode, no external assets.
    static let css = """

        :root{color-scheme:light dark;--bg:#f2f4f7;--card:#fff;--text:#16191d;--muted:#4a5361;--line:#c9ced6;--control:#7d8694;\
        --accent:#1d4ed8;--on-accent:#fff;--accent-bg:#e7eeff;--error:#a61b11;--error-bg:#fdecea}
        @media (prefers-color-scheme:dark){:root{--bg:#0f1216;--card:#1a1f26;--text:#eef1f5;--muted:#b3bcc8;\
        --line:#3a424d;--control:#7a8596;--accent:#8ab4ff;--on-accent:#0b1220;--accent-bg:#1c2a46;--error:#ffb4a9;--error-bg:#3d1c19}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--text);\
        font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
        main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 2.5rem}
        h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .5rem;text-wrap:balance}
        .eyebrow{margin:0;color:var(--muted);font-size:.875rem;font-weight:600}
        .intro{margin:0 0 1.25rem;color:var(--muted)}
        fieldset{min-width:0;margin:0 0 1rem;padding:1rem;border:1px solid var(--line);border-radius:.75rem;background:var(--card)}
        fieldset.invalid{border-color:var(--error);box-shadow:inset 0 0 0 1px var(--error)}
        legend{float:left;width:100%;margin:0 0 .75rem;padding:0;font-weight:600}
        legend+*{clear:both}
        .num,.optional,.hint{color:var(--muted)}
        .optional{font-weight:400}
        .hint{display:block;margin:0 0 .5rem;font-size:.9375rem}
        .options{display:grid;gap:.5rem}
        .options.pair{grid-template-columns:repeat(2,minmax(0,1fr))}
        .option{display:flex;align-items:center;gap:.75rem;min-height:3rem;padding:.625rem .875rem;\
        border:1px solid var(--control);border-radius:.625rem;cursor:pointer}
        .option input{flex:none;width:1.375rem;height:1.375rem;margin:0;accent-color:var(--accent)}
        .option:has(input:checked){border-color:var(--accent);background:var(--accent-bg)}
        .option:has(input:focus-visible){outline:3px solid var(--accent);outline-offset:2px}
        .scale{display:grid;gap:.5rem}
        .scale.c2{grid-template-columns:repeat(2,minmax(0,1fr))}
        .scale.c3{grid-template-columns:repeat(3,minmax(0,1fr))}
        .scale.c4{grid-template-columns:repeat(4,minmax(0,1fr))}
        .scale.c5{grid-template-columns:repeat(5,minmax(0,1fr))}
        .scale.c6{grid-template-columns:repeat(6,minmax(0,1fr))}
        .pick{position:relative;display:block}
        .pick input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
        .pick span{display:flex;align-items:center;justify-content:center;min-height:3rem;border:1px solid var(--control);\
        border-radius:.625rem;font-weight:600;font-variant-numeric:tabular-nums}
        .pick input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
        .pick input:focus-visible+span{outline:3px solid var(--accent);outline-offset:2px}
        textarea{display:block;width:100%;min-height:7rem;padding:.75rem;border:1px solid var(--control);border-radius:.625rem;\
        background:var(--card);color:inherit;font:inherit;resize:vertical}
        textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
        .error,.summary{margin:0 0 .75rem;padding:.5rem .75rem;border-radius:.5rem;background:var(--error-bg);color:var(--error);font-weight:600}
        .summary p{margin:0}
        button{display:block;width:100%;min-height:3.25rem;margin-top:.5rem;padding:.75rem 1rem;border:0;border-radius:.75rem;\
        background:var(--accent);color:var(--on-accent);font:inherit;font-weight:700;cursor:pointer}
        button:focus-visible{outline:3px solid var(--text);outline-offset:2px}
        .done{padding-top:2.5rem;text-align:center}
        .mark{display:inline-flex;align-items:center;justify-content:center;width:3.5rem;height:3.5rem;margin:0;\
        border-radius:50%;background:var(--accent);color:var(--on-accent);font-size:1.75rem;font-weight:700}
        .mark.problem{background:var(--error)}
        @media (min-width:40rem){.scale{display:flex}.scale .pick{flex:1 1 0}}

        """
}
