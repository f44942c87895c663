import Foundation
import Hummingbird

/// `{"items": [...], "count": n}`, encoded with stable key order.
struct JSONList<Item: Encodable & Sendable>: ResponseGenerator, Sendable {
    var items: [Item]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try jsonResponse(["count": AnyEncodable(self.items.count), "items": AnyEncodable(self.items)])
    }
}

/// One value as a JSON object.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator, Sendable {
    var value: Value
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try jsonResponse(self.value, status: self.status)
    }
}

private struct AnyEncodable: Encodable {
    let encodeValue: (Encoder) throws -> Void

    init(_ value: some Encodable) {
        self.encodeValue = value.encode(to:)
    }

    func encode(to encoder: Encoder) throws {
        try self.encodeValue(encoder)
    }
}

func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try JSONEncoder.sorted.encode(value)
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
}
