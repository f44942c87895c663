import DecayApp
import DecayCharts
import DecayCore
import Foundation
import Hummingbird

/// `GET /pulse` (admins): each scale and choice question of the pulse surveys, overall and per category, tier and
/// partner: distribution, mean with its interval and the change on the previous quarter, never from fewer than 3
/// people; then the quarter's free-text answers.
struct PulsePageController {
    /// Partners per screen of each question's partner table (`?<table>-page=N`, each pages alone); the CSV holds them all.
    static let partnersShown = 25
    /// Free-text answers per screen of each survey's list (`?<table>-page=N`); the CSV holds them all.
    static let commentsShown = 50
    let reports: PulseReports
    let renderer: DashboardRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("pulse", use: self.page)
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.dashboard
        let report = try await self.reports.report(asOf: Date(), servingStale: true)
        var page = DashboardPage(
            title: "Pulse", path: "/pulse",
            intro: "Quarter \(report.quarter) against \(report.previousQuarter). Each person counts once per question; groups of fewer than 3 people are withheld.")
        for survey in report.surveys {
            for question in survey.questions {
                let groups = [("Everyone", question.overall)] + question.categories.map { ("Category", $0) } + question.tiers.map { ("Tier", $0) }
                page.blocks.append(PageBlock(
                    question.prompt, note: "\(survey.title) · \(question.kind)", table: Self.table(survey: survey, question: question, groups: groups),
                    chart: Self.chart(survey: survey, question: question), wide: true))
                let ranked = Self.byChange(question.partners)
                var partners = Self.table(survey: survey, question: question, groups: [])
                partners.lazyRows = PageTable.LazyRows(count: ranked.count) { range in
                    Self.table(survey: survey, question: question, groups: ranked[range].map { ("Partner", $0) }).rows
                }
                partners.id += "-partners"
                partners.caption = question.kind == "scale"
                    ? "Every partner, the largest change on the previous quarter first" : "Every partner, by name"
                partners.pageSize = Self.partnersShown
                partners.pageParameter = "\(partners.id)-page"
                page.blocks.append(PageBlock(
                    "By partner", note: "\(question.prompt) Partners with fewer than 3 people are listed last, withheld.", table: partners, wide: true))
            }
            page.blocks.append(Self.comments(survey, prompts: self.reports.catalog.surveys[survey.id]))
        }
        if report.surveys.isEmpty { page.intro = "No pulse surveys in the content." }
        return try self.renderer.respond(page, request: request, session: session)
    }

    /// Every free-text answer of the quarter, newest first, a screen at a time, each under its question's prompt.
    static func comments(_ survey: PulseSurvey, prompts: Survey?) -> PageBlock {
        var table = PageTable.paged(
            id: "\(survey.id)-comments", caption: "Free-text answers this quarter",
            columns: ["Partner", "Question", "Submitted", "Answer"], items: survey.comments, pageSize: Self.commentsShown,
            empty: "No free-text answers this quarter."
        ) { comment in
            [PageCell(comment.partnerName, href: PageFormat.path("partners", comment.partnerID)),
             PageCell(prompts?.question(comment.questionID).map { Self.short($0.prompt) } ?? comment.questionID),
             PageCell(PageFormat.date(comment.submittedAt)), PageCell(comment.text, mark: "text")]
        }
        table.pageParameter = "\(table.id)-page"
        return PageBlock("Free-text answers: \(survey.title)", note: "Admins only; newest first.", table: table, wide: true)
    }

    /// A prompt cut to about 60 characters at a word, with an ellipsis, so it fits a table column.
    static func short(_ prompt: String, limit: Int = 60) -> String {
        guard prompt.count > limit else { return prompt }
        let head = prompt.prefix(limit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }

    /// Partners with figures first, the largest change on the previous quarter first (choice questions: by name).
    static func byChange(_ partners: [PulseGroup]) -> [PulseGroup] {
        partners.sorted { lhs, rhs in
            let left = (lhs.withheld == nil ? 0 : 1, -abs(lhs.meanChange ?? 0)), right = (rhs.withheld == nil ? 0 : 1, -abs(rhs.meanChange ?? 0))
            return left != right ? left < right : lhs.name < rhs.name
        }
    }

    static func table(survey: PulseSurvey, question: PulseQuestion, groups: [(String, PulseGroup)]) -> PageTable {
        if question.kind == "scale" {
            return PageTable(
                id: "\(survey.id)-\(question.id)", caption: "Mean with 95% interval, this quarter and the previous",
                columns: ["Group", "Name", "People", "Mean", "Interval", "Previous mean", "Change", "Distribution"],
                rows: groups.map { kind, group in
                    let withheld = group.withheld != nil
                    return [PageCell(kind), Self.name(kind, group), .number(group.people),
                            withheld ? PageCell(group.withheld ?? "", mark: "muted") : .figure(PageFormat.number(group.mean?.mean)),
                            .figure(withheld ? "–" : "\(PageFormat.number(group.mean?.low))–\(PageFormat.number(group.mean?.high))"),
                            .figure(PageFormat.number(group.previousMean?.mean)), .figure(Self.signed(group.meanChange)),
                            PageCell((group.distribution ?? []).map { "\($0.value):\($0.count)" }.joined(separator: " "))]
                })
        }
        return PageTable(
            id: "\(survey.id)-\(question.id)", caption: "Share of people choosing each option, this quarter",
            columns: ["Group", "Name", "People"] + question.options.map(\.text) + ["Change on previous quarter"],
            rows: groups.map { kind, group in
                let shares = Dictionary((group.shares ?? []).map { ($0.option, $0) }, uniquingKeysWith: { first, _ in first })
                return [PageCell(kind), Self.name(kind, group), .number(group.people)]
                    + question.options.map { option in shares[option.id].map(Self.share) ?? PageCell(group.withheld ?? "–", mark: "muted") }
                    + [PageCell(Self.optionChanges(group.shares ?? [], options: question.options))]
            })
    }

    /// Everyone's answers to a scale question as a distribution with the mean; nothing drawn from fewer than 3.
    static func chart(survey: PulseSurvey, question: PulseQuestion) -> PageChart? {
        guard question.kind == "scale", let min = question.min, let max = question.max, min <= max else { return nil }
        let counts = Dictionary((question.overall.distribution ?? []).map { ($0.value, $0.count) }, uniquingKeysWith: +)
        let mean = question.overall.mean.flatMap { figure in figure.mean.map { DistributionChart.Mean(value: $0, lower: figure.low, upper: figure.high) } }
        let chart = DistributionChart.scale(
            title: question.prompt, summary: "Everyone this quarter: how many gave each value.", min: min,
            counts: (min...max).map { counts[$0] ?? 0 }, mean: mean)
        let id = "\(survey.id)-\(question.id)"
        return PageChart(id: id, title: chart.title, svg: chart.svg(id: "\(id)-chart"))
    }

    /// Each option's change in whole percentage points, by its text: `Weekly +5 pts, Monthly -3 pts`; `–` when there
    /// is no previous quarter to compare with.
    static func optionChanges(_ shares: [PulseGroup.OptionShare], options: [PulseQuestion.Option]) -> String {
        let texts = Dictionary(options.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let changes = shares.compactMap { share in
            share.change.map { change -> String in
                let points = Int((change * 100).rounded())
                return "\(texts[share.option] ?? share.option) \(points > 0 ? "+" : "")\(points) pts"
            }
        }
        return changes.isEmpty ? "–" : changes.joined(separator: ", ")
    }

    /// An option's share as the partners page shows shares, saying "fewer than 3 people" where it is withheld.
    private static func share(_ option: PulseGroup.OptionShare) -> PageCell {
        var cell = PageFormat.share(option.share)
        cell.text = PageFormat.shown(cell.text, rate: option.share.rate)
        return cell
    }

    private static func name(_ kind: String, _ group: PulseGroup) -> PageCell {
        kind == "Partner" ? PageCell(group.name, href: PageFormat.path("partners", group.id)) : PageCell(group.name)
    }

    private static func signed(_ value: Double?) -> String {
        guard let value else { return "–" }
        return (value > 0 ? "+" : "") + String(format: "%.1f", value)
    }
}
