// swift-tools-version:6.1
import PackageDescription

/// MessageDecay: modules by layer, dependencies pointing one way: DecayCore (pure) <- DecayStore, DecayInbound,
/// DecayChat, DecayDelivery (infrastructure) <- DecayApp (one type per use case) <- DecayServer, DecayCLI (front ends);
/// DecayCharts (pure SVG drawing, Foundation only) <- DecayServer.
let package = Package(
    name: "MessageDecay",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "decay", targets: ["decay"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "DecayCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "DecayStore",
            dependencies: [
                "DecayCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "DecayInbound",
            dependencies: ["DecayCore"]
        ),
        .target(
            name: "DecayChat",
            dependencies: ["DecayCore"]
        ),
        .target(name: "DecayCharts"),
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        .target(
            name: "DecayDelivery",
            dependencies: [
                "CCurl",
                "DecayCore",
                "DecayStore",
                "DecayChat",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "DecayApp",
            dependencies: [
                "DecayChat",
                "DecayCore",
                "DecayStore",
                "DecayInbound",
                "DecayDelivery",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "DecayServer",
            dependencies: [
                "DecayApp",
                "DecayChat",
                "DecayCharts",
                "DecayCore",
                "DecayStore",
                "DecayInbound",
                "DecayDelivery",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("OpenAPI/openapi.json")]
        ),
        .target(
            name: "DecayCLI",
            dependencies: [
                "DecayApp",
                "DecayCore",
                "DecayStore",
                "DecayInbound",
                "DecayDelivery",
                "DecayServer",
                "DecayChat",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "decay", dependencies: ["DecayCLI"]),
        .testTarget(name: "DecayCoreTests", dependencies: ["DecayCore"], exclude: ["Fixtures"]),
        .testTarget(name: "DecayChatTests", dependencies: ["DecayChat", "DecayCore"], exclude: ["Golden"]),
        .testTarget(name: "DecayChartsTests", dependencies: ["DecayCharts"]),
        .testTarget(name: "DecayInboundTests", dependencies: ["DecayInbound", "DecayCore"]),
        .testTarget(
            name: "DecayStoreTests",
            dependencies: [
                "DecayApp", "DecayCore", "DecayStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "DecayDeliveryTests",
            dependencies: [
                "DecayChat",
                "DecayDelivery",
                "DecayStore",
                "DecayCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "DecayAppTests",
            dependencies: [
                "DecayApp",
                "DecayStore",
                "DecayCore",
                "DecayChat",
                "DecayDelivery",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "DecayServerTests",
            dependencies: [
                "DecayApp",
                "DecayServer",
                "DecayStore",
                "DecayCore",
                "DecayInbound",
                "DecayDelivery",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "DecayCLITests",
            dependencies: ["DecayApp", "DecayCLI", "DecayStore", "DecayCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
