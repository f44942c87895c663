import DecayCore
import Hummingbird

/// `GET /api/messages[/id]` and `GET /api/surveys[/id]`: the content loaded at start-up.
struct ContentController {
    let catalog: ContentCatalog

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("messages") { _, _ in JSONList(items: self.catalog.sortedMessages) }
        group.get("messages/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let message = self.catalog.messages[id] else { throw AppError.notFound("message '\(id)'") }
            return JSONBody(value: message)
        }
        group.get("surveys") { _, _ in JSONList(items: self.catalog.sortedSurveys) }
        group.get("surveys/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let survey = self.catalog.surveys[id] else { throw AppError.notFound("survey '\(id)'") }
            return JSONBody(value: survey)
        }
    }
}
