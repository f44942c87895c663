import DecayApp
import Foundation
import Hummingbird
import Mustache

/// Turns a ``DashboardPage`` into the answer asked for: HTML through the templates, one of its tables as CSV
/// (`?format=csv&table=ID`) or one of its charts as SVG (`?format=svg&chart=ID`).
struct DashboardRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in DashboardTemplates.all.sorted(by: { $0.key < $1.key }) {
            // The templates are compiled in; one that does not parse is a programming error caught by every test.
            try! library.register(text, named: name)
        }
        self.library = library
    }

    func respond(_ page: DashboardPage, request: Request, session: DashboardSession) throws -> Response {
        let query = request.uri.queryParameters
        switch query.get("format") ?? "html" {
        case "html":
            return self.html(self.view(page, session: session, request: request), template: "page")
        case "csv":
            let id = query.get("table") ?? page.tables.first?.id ?? ""
            guard let table = page.tables.first(where: { $0.id == id }) else {
                throw AppError.badRequest("table must be one of \(Self.names(page.tables.map(\.id))), got '\(id)'", field: "table")
            }
            return ReportFormat.csvResponse(table.csv, filename: "\(table.id).csv")
        case "svg":
            let id = query.get("chart") ?? page.charts.first?.id ?? ""
            guard let chart = page.charts.first(where: { $0.id == id }) else {
                throw AppError.badRequest("chart must be one of \(Self.names(page.charts.map(\.id))), got '\(id)'", field: "chart")
            }
            var headers = HTTPFields()
            headers[.contentType] = "image/svg+xml"
            headers[.contentDisposition] = "attachment; filename=\"\(chart.id).svg\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: chart.svg)))
        case let other:
            throw AppError.badRequest("format must be html, csv or svg, got '\(other)'", field: "format")
        }
    }

    /// The sign-in form; `problem` says why the last attempt failed.
    func login(problem: String?, loginCSRF: String, status: HTTPResponse.Status = .ok) -> Response {
        var view = self.chrome(title: "Sign in", path: "/login", session: nil)
        if let problem { view["problem"] = problem }
        view["loginCSRF"] = loginCSRF
        return self.html(view, template: "login", status: status)
    }

    /// The confirmation behind a manager's signed link: one button that posts the link's token.
    func link(token: String, problem: String?, loginCSRF: String, status: HTTPResponse.Status = .ok) -> Response {
        var view = self.chrome(title: "Open your dashboard", path: "/login/link", session: nil)
        if let problem { view["problem"] = problem }
        view["loginCSRF"] = loginCSRF
        view["linkToken"] = token
        return self.html(view, template: "link", status: status)
    }

    func error(_ status: HTTPResponse.Status, _ message: String, session: DashboardSession?) -> Response {
        var view = self.chrome(title: status.reasonPhrase, path: "", session: session)
        view["problem"] = message
        return self.html(view, template: "error", status: status)
    }

    func html(_ view: [String: Any], template: String, status: HTTPResponse.Status = .ok) -> Response {
        let text = self.library.render(view, withTemplate: template) ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: Views

    /// What the layout needs: title, stylesheet, navigation for this viewer, sign-out form.
    func chrome(title: String, path: String, session: DashboardSession?) -> [String: Any] {
        var nav: [(String, String)] = []
        if let viewer = session?.viewer {
            nav = [("Overview", "/"), ("Partners", "/partners")]
            if viewer.isAdmin { nav += [("Pulse", "/pulse"), ("Operations", "/operations")] }
        }
        return [
            "title": title, "path": path, "stylesheet": DashboardStyle.path, "script": DashboardScript.path,
            "nav": nav.map { label, href -> [String: Any] in
                ["label": label, "href": href, "current": href == "/" ? path == "/" : path.hasPrefix(href)]
            },
            "signedIn": session != nil, "csrf": session?.csrf ?? "",
            "who": session.map { $0.viewer.manager.map { "Signed in as \($0)" } ?? "Signed in as admin" } ?? "",
            "asOf": Date().formatted(.iso8601.year().month().day()),
        ]
    }

    func view(_ page: DashboardPage, session: DashboardSession, request: Request) -> [String: Any] {
        var view = self.chrome(title: page.title, path: page.path, session: session)
        let query = Self.keptQuery(request)
        if let intro = page.intro { view["intro"] = intro }
        view["hasTiles"] = !page.tiles.isEmpty
        view["tiles"] = page.tiles.map { Self.compact(["label": $0.label, "value": $0.value, "detail": $0.detail, "href": $0.href]) }
        view["hasFilters"] = !page.filters.isEmpty
        view["filters"] = page.filters.map { filter -> [String: Any] in
            ["name": filter.name, "label": filter.label,
             "options": filter.options.map { ["value": $0, "selected": $0 == filter.selected] }]
        }
        view["blocks"] = page.blocks.map { block -> [String: Any] in
            var out = Self.compact(["heading": block.heading, "note": block.note, "wide": block.wide])
            out["anchor"] = block.table?.id ?? block.chart?.id ?? block.heading.lowercased().filter { $0.isLetter || $0.isNumber }
            if let table = block.table { out["table"] = self.table(table, page: page, query: query) }
            if let chart = block.chart {
                out["chart"] = ["svg": chart.svg, "svgHref": Self.link(page.path, query, ["format": "svg", "chart": chart.id])]
            }
            return out
        }
        view["hasPager"] = !page.pager.isEmpty
        view["pager"] = page.pager.map { ["label": $0.label, "href": $0.href] }
        return view
    }

    private func table(_ table: PageTable, page: DashboardPage, query: [(String, String)]) -> [String: Any] {
        let count = table.rowCount
        var shown = 0..<count
        var pager: [[String: Any]] = []
        if let size = table.pageSize, count > size {
            let pages = (count + size - 1) / size
            let parameter = table.pageParameter
            let number = min(max(Int(query.first { $0.0 == parameter }?.1 ?? "") ?? 1, 1), pages)
            shown = ((number - 1) * size)..<min(number * size, count)
            let others = query.filter { $0.0 != parameter }
            let screen = { (number: Int) in Self.link(page.path, others, [parameter: "\(number)"]) + "#h-\(table.id)" }
            if number > 1 { pager.append(["label": "← Previous \(size)", "href": screen(number - 1)]) }
            if number < pages { pager.append(["label": "Next \(size) →", "href": screen(number + 1)]) }
            pager.insert(["label": "Rows \(shown.lowerBound + 1)–\(shown.upperBound) of \(count.formatted())", "href": false], at: 0)
        }
        let rows = table.rows(shown)
        let numericColumns = rows.first.map { $0.map(\.numeric) } ?? []
        return [
            "pager": pager, "hasPager": !pager.isEmpty,
            "caption": table.caption, "empty": table.empty, "isEmpty": count == 0,
            "csvHref": Self.link(page.path, query, ["format": "csv", "table": table.id]),
            "headers": table.columns.enumerated().map { index, text -> [String: Any] in
                ["text": text, "numeric": index < numericColumns.count && numericColumns[index]]
            },
            "rows": rows.map { cells -> [String: Any] in
                ["cells": cells.map { cell -> [String: Any] in
                    let classes = [cell.numeric ? "num" : nil, cell.mark].compactMap { $0 }.joined(separator: " ")
                    return Self.compact([
                        "text": cell.text, "href": cell.href, "classes": classes.isEmpty ? nil : classes,
                        "action": cell.action.map { ["url": $0.url, "label": $0.label] },
                        "segments": cell.segments.map { $0.map { ["text": $0.text, "marked": $0.mark != nil, "about": $0.mark ?? ""] as [String: Any] } },
                    ])
                }]
            },
        ]
    }

    /// Drops the nil values: Mustache takes a present key as true, even when it holds a nil.
    static func compact(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { $0 }
    }

    /// The request's query without `format`, `table` and `chart`, so downloads keep the page's filters.
    static func keptQuery(_ request: Request) -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }.filter { !["format", "table", "chart"].contains($0.0) }
            .sorted { $0.0 < $1.0 }
    }

    /// `path?query&extra`, percent-encoded.
    static func link(_ path: String, _ query: [(String, String)], _ extra: KeyValuePairs<String, String>) -> String {
        let items = (query + extra.map { ($0.key, $0.value) }).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    private static func names(_ ids: [String]) -> String {
        ids.isEmpty ? "(none on this page)" : ids.joined(separator: ", ")
    }
}
