import ArgumentParser
import Hummingbird
import Logging

/// `decay bench sink`: a loopback chat webhook that answers every POST with 200, for outbox benchmarks.
struct BenchSinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sink", abstract: "Serve a loopback sink answering every POST with 200.")

    @Option(help: "Port on 127.0.0.1.")
    var port: Int = 9099

    func run() async throws {
        let router = Router()
        router.post("**") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        var logger = Logger(label: "sink")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: self.port)), logger: logger)
        try await app.runService()
    }
}
