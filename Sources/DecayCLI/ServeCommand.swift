import DecayApp
import ArgumentParser
import DecayCore
import DecayServer
import DecayStore
import Foundation
import Logging
import ServiceLifecycle

/// `decay serve`: the HTTP service, stopped gracefully by SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service (health, admin API, webhooks).",
        discussion: """
            The admin API needs DECAY_ADMIN_TOKEN; without it the service refuses to start unless --demo is given,
            which generates a token, prints it, and seeds the demo channel into an empty database.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    @Option(help: "Address to listen on (env DECAY_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env DECAY_PORT, default 8080).")
    var port: Int?

    @Flag(help: "Demo mode: generate an admin token if none is set and seed demo data into an empty database.")
    var demo = false

    func validate() throws {
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be from 0 to 65535, got \(port)")
        }
    }

    func resolvedPort() throws -> Int {
        if let port { return port }
        guard let text = Environment.value("DECAY_PORT") else { return 8080 }
        guard let port = Int(text), (0...65535).contains(port) else {
            throw CLIError("DECAY_PORT must be a port number from 0 to 65535, got '\(text)'")
        }
        return port
    }

    /// Reads the configuration, then runs the one service graph ``buildApplication`` builds.
    func run() async throws {
        let logger = Logger(label: "decay")
        var token = Environment.value("DECAY_ADMIN_TOKEN")
        if token == nil {
            guard self.demo else {
                throw CLIError("DECAY_ADMIN_TOKEN is not set: set it to a random secret of at least \(ServerSettings.minimumAdminTokenLength) characters, or pass --demo")
            }
            token = Self.randomToken()
            print("demo admin token: \(token!)\n  export DECAY_ADMIN_TOKEN=\(token!)")
        }
        guard token!.count >= ServerSettings.minimumAdminTokenLength else {
            throw CLIError(
                "DECAY_ADMIN_TOKEN is \(token!.count) characters: use at least \(ServerSettings.minimumAdminTokenLength) random characters "
                    + "(e.g. `openssl rand -hex 32`)")
        }
        let catalog = try self.content.load()
        let database = try await self.database.open()
        let secrets = try await InboundSecretsLoader.load(database: database, demo: self.demo)
        fflush(nil)
        var settings = ServerSettings(
            host: self.host ?? Environment.value("DECAY_HOST") ?? "127.0.0.1", port: try self.resolvedPort(), adminToken: token!, secrets: secrets,
            publicURL: Environment.value("DECAY_PUBLIC_URL"), delivery: try DeliverySettings.workerConfiguration(),
            digestSchedule: try DeliverySettings.digestSchedule(), targets: try DeliverySettings.targets(),
            rawRetentionDays: try DeliverySettings.rawRetentionDays(), seedDemo: self.demo, metricsToken: Environment.value("DECAY_METRICS_TOKEN"),
            rechecks: try DeliverySettings.rechecks()
        )
        settings.warmReports = true
        let app = buildApplication(settings: settings, database: database, catalog: catalog, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
