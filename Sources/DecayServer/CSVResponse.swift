import DecayApp
import Hummingbird

/// `?format=json|csv` on report endpoints: which one was asked for, and the CSV answer (`text/csv`, a download name).
enum ReportFormat: String {
    case json
    case csv

    static func parse(_ text: String?) throws -> ReportFormat {
        guard let text else { return .json }
        guard let format = ReportFormat(rawValue: text) else {
            throw AppError.badRequest("format must be json or csv, got '\(text)'", field: "format")
        }
        return format
    }

    static func csvResponse(_ csv: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv)))
    }
}
