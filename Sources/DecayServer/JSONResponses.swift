import Hummingbird

/// `{"items": [...], "count": n}`, in the context's JSON style.
struct JSONList<Item: Encodable & Sendable>: ResponseGenerator, Sendable {
    var items: [Item]

    private struct Listing: Encodable {
        var count: Int
        var items: [Item]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try context.responseEncoder.encode(Listing(count: self.items.count, items: self.items), from: request, context: context)
    }
}

/// One value as a JSON object, in the context's JSON style, with a status other than 200 when given.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator, Sendable {
    var value: Value
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(self.value, from: request, context: context)
        response.status = self.status
        return response
    }
}
