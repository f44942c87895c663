import CCurl
import Foundation

/// The thread behind `CurlClient`: takes submitted posts, runs them on a curl multi handle and calls each
/// completion from this thread. Everything but `queued` is touched only by the engine thread.
final class CurlMultiEngine: @unchecked Sendable {
    typealias Completion = @Sendable (Result<HTTPResult, HTTPTransportError>) -> Void

    private let lock = NSLock()
    private var queued: [(HTTPPost, Completion)] = []
    private let multi: UnsafeMutableRawPointer
    private var idle: [UnsafeMutableRawPointer] = []
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]

    init(maxConnections: Int) {
        CurlGlobal.initialize()
        self.multi = curl_multi_init()!
        _ = ccurl_multi_setopt_long(self.multi, CURLMOPT_MAXCONNECTS, maxConnections)
        _ = ccurl_multi_setopt_long(self.multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        let thread = Thread { [self] in self.run() }
        thread.name = "decay.curl"
        thread.start()
    }

    func submit(_ post: HTTPPost, completion: @escaping Completion) {
        self.lock.lock()
        self.queued.append((post, completion))
        self.lock.unlock()
        curl_multi_wakeup(self.multi)
    }

    private func run() {
        var running: Int32 = 0
        while true {
            self.lock.lock()
            let batch = self.queued
            self.queued.removeAll(keepingCapacity: true)
            self.lock.unlock()
            for (post, completion) in batch {
                self.start(post, completion: completion)
            }
            curl_multi_perform(self.multi, &running)
            self.collectFinished()
            curl_multi_poll(self.multi, nil, 0, 1000, nil)
        }
    }

    private func start(_ post: HTTPPost, completion: @escaping Completion) {
        let handle = self.idle.popLast() ?? curl_easy_init()!
        let transfer = Transfer(post: post, completion: completion)
        transfer.configure(handle)
        self.active[handle] = transfer
        curl_multi_add_handle(self.multi, handle)
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(self.multi, &remaining) {
            var code = CURLE_OK
            guard let handle = ccurl_msg_done(message, &code), let transfer = self.active.removeValue(forKey: handle) else { continue }
            let result = transfer.finish(handle, code: code)
            curl_multi_remove_handle(self.multi, handle)
            curl_easy_reset(handle)
            if self.idle.count < 256 { self.idle.append(handle) } else { curl_easy_cleanup(handle) }
            transfer.completion(result)
        }
    }
}

/// One post in flight: owns its header list, guard, request count and response buffers until curl is done with them.
/// The request count lets the post go out at most once: libcurl re-sends a request by itself when a reused
/// keep-alive connection dies before any answer, and a receiver that had read it then got it twice or more per
/// attempt. The second request is aborted instead, and the worker's schedule decides about another attempt.
private final class Transfer {
    let post: HTTPPost
    let completion: CurlMultiEngine.Completion
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let guardState = UnsafeMutablePointer<ccurl_guard>.allocate(capacity: 1)
    private let requests = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    init(post: HTTPPost, completion: @escaping CurlMultiEngine.Completion) {
        self.post = post
        self.completion = completion
        self.guardState.initialize(to: ccurl_guard(allow_private: post.allowPrivateAddresses ? 1 : 0, blocked: 0))
        self.requests.initialize(to: 0)
    }

    deinit {
        curl_slist_free_all(self.headerList)
        self.guardState.deallocate()
        self.requests.deallocate()
    }

    func configure(_ handle: UnsafeMutableRawPointer) {
        for (name, value) in self.post.headers {
            self.headerList = curl_slist_append(self.headerList, "\(name): \(value)")
        }
        self.headerList = curl_slist_append(self.headerList, "Expect:")
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_string(handle, CURLOPT_URL, self.post.url)
        _ = ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, self.post.method)
        _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, self.post.body.count)
        self.post.body.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress {
                _ = ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            } else {
                _ = ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            }
        }
        _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, self.headerList)
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, self.post.connectTimeout)
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT, self.post.totalTimeout)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_guard(handle, self.guardState)
        _ = ccurl_setopt_send_once(handle, self.requests)
        _ = ccurl_setopt_write_function(handle, curlWriteBody)
        _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_header_function(handle, curlWriteHeader)
        _ = ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
    }

    func finish(_ handle: UnsafeMutableRawPointer, code: CURLcode) -> Result<HTTPResult, HTTPTransportError> {
        guard code == CURLE_OK else {
            let blocked = self.guardState.pointee.blocked != 0
            let message = if blocked {
                "refused to connect to a private, loopback, link-local, metadata or other special-purpose address (allow the host with DECAY_ALLOW_HOSTS)"
            } else if code == CURLE_ABORTED_BY_CALLBACK, self.requests.pointee > 1 {
                "the connection closed after the request was sent, before any answer; not re-sent within this attempt (the receiver may have it)"
            } else {
                String(cString: curl_easy_strerror(code))
            }
            return .failure(HTTPTransportError(
                code: Int(code.rawValue), message: message, isTimeout: code == CURLE_OPERATION_TIMEDOUT, isBlocked: blocked
            ))
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResult(status: status, headers: self.headers, body: self.body))
    }
}

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    guard transfer.body.count < 1 << 20 else { return length }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        transfer.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }
    return length
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: length) { start in
        let line = UnsafeBufferPointer(start: start, count: length)
        if line.starts(with: "HTTP/".utf8) {
            transfer.headers.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: line[..<colon].filter { $0 != 0x20 && $0 != 0x09 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A { value = value.dropLast() }
        transfer.headers[name] = String(decoding: value, as: UTF8.self)
    }
    return length
}
