import CCurl
import Foundation

/// The benchmark's yardstick: a plain libcurl multi loop posting the same body `count` times with `inFlight`
/// transfers open, with no database, no Swift concurrency and no outcome handling. Blocks the calling thread.
public enum BareCurlLoop {
    public struct Outcome: Sendable {
        public var posts: Int
        public var failures: Int
        public var seconds: Double
    }

    public static func run(url: String, body: [UInt8], count: Int, inFlight: Int) -> Outcome {
        CurlGlobal.initialize()
        let multi = curl_multi_init()!
        defer { curl_multi_cleanup(multi) }
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, inFlight)
        var headers = curl_slist_append(nil, "Content-Type: application/json")
        headers = curl_slist_append(headers, "Expect:")
        defer { curl_slist_free_all(headers) }
        let payload = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, body.count))
        _ = payload.initialize(from: body)
        defer { payload.deallocate() }

        var handles: [UnsafeMutableRawPointer] = []
        func configure(_ handle: UnsafeMutableRawPointer) {
            _ = ccurl_setopt_string(handle, CURLOPT_URL, url)
            _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
            _ = ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(payload.baseAddress!))
            _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
            _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            _ = ccurl_setopt_write_function(handle, discardBody)
        }
        let started = DispatchTime.now()
        var started_ = 0
        var finished = 0
        var failures = 0
        for _ in 0..<min(inFlight, count) {
            let handle = curl_easy_init()!
            configure(handle)
            handles.append(handle)
            curl_multi_add_handle(multi, handle)
            started_ += 1
        }
        var running: Int32 = 0
        while finished < count {
            curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                var code = CURLE_OK
                guard let handle = ccurl_msg_done(message, &code) else { continue }
                var status = 0
                _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
                if code != CURLE_OK || !(200..<300).contains(status) { failures += 1 }
                finished += 1
                curl_multi_remove_handle(multi, handle)
                if started_ < count {
                    started_ += 1
                    curl_multi_add_handle(multi, handle)
                }
            }
            if finished < count { curl_multi_poll(multi, nil, 0, 100, nil) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        for handle in handles { curl_easy_cleanup(handle) }
        return Outcome(posts: finished, failures: failures, seconds: seconds)
    }
}

private func discardBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    size * count
}
