import CCurl
import Foundation

/// Posts over libcurl. Each transfer runs on a GCD thread, never on Swift's cooperative pool,
/// and reuses pooled easy handles so that connections stay alive between posts to the same host.
public final class CurlClient: Sendable {
    private let handles = HandlePool()
    private let queue = DispatchQueue(label: "decay.curl", attributes: .concurrent)

    public init() {
        CurlGlobal.initialize()
    }

    public func send(_ post: HTTPPost) async throws(HTTPTransportError) -> HTTPResult {
        let result: Result<HTTPResult, HTTPTransportError> = await withCheckedContinuation { continuation in
            self.queue.async {
                continuation.resume(returning: self.perform(post))
            }
        }
        return try result.get()
    }

    private func perform(_ post: HTTPPost) -> Result<HTTPResult, HTTPTransportError> {
        let handle = self.handles.take()
        defer { self.handles.give(handle) }
        curl_easy_reset(handle)
        let sink = ResponseSink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        for (name, value) in post.headers {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        headerList = curl_slist_append(headerList, "Expect:")
        defer { curl_slist_free_all(headerList) }

        return post.body.withUnsafeBufferPointer { body in
            _ = ccurl_setopt_string(handle, CURLOPT_URL, post.url)
            _ = ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, post.method)
            _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
            _ = ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress))
            _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
            _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, post.connectTimeout)
            _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT, post.totalTimeout)
            _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
            _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
            _ = ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
            _ = ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            _ = ccurl_setopt_write_function(handle, curlWriteBody)
            _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer)
            _ = ccurl_setopt_header_function(handle, curlWriteHeader)
            _ = ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer)
            let code = curl_easy_perform(handle)
            guard code == CURLE_OK else {
                let message = String(cString: curl_easy_strerror(code))
                return .failure(HTTPTransportError(code: Int(code.rawValue), message: message, isTimeout: code == CURLE_OPERATION_TIMEDOUT))
            }
            var status = 0
            _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            return .success(HTTPResult(status: status, headers: sink.headers, body: sink.body))
        }
    }
}

/// `curl_global_init` must run once per process before any handle exists.
enum CurlGlobal {
    private static let once: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    static func initialize() {
        _ = self.once
    }
}

/// Keeps idle easy handles (and with them their open connections) for reuse.
private final class HandlePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []

    func take() -> UnsafeMutableRawPointer {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.idle.popLast() ?? curl_easy_init()!
    }

    func give(_ handle: UnsafeMutableRawPointer) {
        self.lock.lock()
        defer { self.lock.unlock() }
        if self.idle.count < 64 { self.idle.append(handle) } else { curl_easy_cleanup(handle) }
    }
}

/// Collects one transfer's body and headers; used only from the transfer's own thread.
private final class ResponseSink {
    var body: [UInt8] = []
    var headers: [String: String] = [:]
}

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        sink.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }
    return length
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
    if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        sink.headers[name] = value
    } else if line.hasPrefix("HTTP/") {
        sink.headers.removeAll()
    }
    return length
}
