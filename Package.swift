// swift-tools-version:6.1
import PackageDescription

/// One list of strict settings, applied to every Swift target, tests included (swift-log's list).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    // SE-0335: `any` spelled out for existential types.
    .enableUpcomingFeature("ExistentialAny"),
    // SE-0444: a file sees the members of the modules it imports itself, not of its neighbours' imports.
    .enableUpcomingFeature("MemberImportVisibility"),
    // SE-0470: a conformance of a main-actor type is main-actor isolated.
    .enableUpcomingFeature("InferIsolatedConformances"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    // Every public type says whether it is Sendable.
    .unsafeFlags(["-Xfrontend", "-require-explicit-sendable"]),
]

let package = Package(
    name: "checkup",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "checkup", targets: ["checkup"]),
        .library(name: "CheckupCore", targets: ["CheckupCore"]),
        .library(name: "CheckupTestKit", targets: ["CheckupTestKit"]),
        .plugin(name: "ValidateProfiles", targets: ["ValidateProfiles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
    ],
    targets: [
        // Core: the probe contract, profiles, evaluation, pipeline. No C library here.
        .target(name: "CheckupCore", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // C libraries, each behind its own shim module (docs/design.md).
        .systemLibrary(name: "CModbus", pkgConfig: "libmodbus",
                       providers: [.apt(["libmodbus-dev"])]),
        .systemLibrary(name: "CNetSNMP", pkgConfig: "netsnmp",
                       providers: [.apt(["libsnmp-dev"])]),
        // SHA-256 of the records' content hash: a maintained implementation (OpenSSL) over a
        // hand-written one, at no build cost (swift-crypto would add 1–1.5 min to every CI build).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // libpq for the office's PostgreSQL store (not postgres-nio: no SwiftNIO in every build; see README),
        // loaded when an office store is opened (its header from libpq-dev, the library from libpq5).
        .target(name: "CPostgres"),
        // posix_openpt & co., which Swift's Glibc hides: the simulators' one pseudo-terminal opener.
        .systemLibrary(name: "CPseudoTerminal"),

        // Probes: one module per protocol.
        .target(name: "ModbusProbe", dependencies: ["CheckupCore", "CModbus"], exclude: ["README.md"]),
        .target(name: "SNMPProbe", dependencies: ["CheckupCore", "CNetSNMP"], exclude: ["README.md"]),
        .target(name: "PelcoProbe", dependencies: ["CheckupCore"], exclude: ["README.md"]),

        // The monthly record: model, filler, store, renderers.
        .target(name: "InspectionRecords", dependencies: [
            "CheckupCore", "CCrypto", "CPostgres",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for writing a record's document in place (incremental blob I/O).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Templates")]),

        // Simulated devices for tests and `checkup demo`.
        .target(name: "DeviceSimulators", dependencies: ["CheckupCore", "CPseudoTerminal", "ModbusProbe", "PelcoProbe", "SNMPProbe"]),

        // The CLI: commands in a library (testable), a thin executable.
        .target(name: "CheckupCLI", dependencies: [
            "CheckupCore", "ModbusProbe", "SNMPProbe", "PelcoProbe", "InspectionRecords", "DeviceSimulators",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], plugins: ["EmbedProfiles"]),
        .executableTarget(name: "checkup", dependencies: ["CheckupCLI"]),
        .executableTarget(name: "bench-pelco", dependencies: ["BenchSupport", "CheckupCore", "PelcoProbe", "DeviceSimulators"], path: "bench/pelco"),

        // Test kit shipped as a product: a scripted probe, peer launchers (the swift-log habit).
        .target(name: "CheckupTestKit", dependencies: ["CheckupCore", "DeviceSimulators", "ModbusProbe", "PelcoProbe", .product(name: "Yams", package: "Yams")],
                exclude: ["Peers"]),

        // Plugins: profiles embedded into the binary at build time; `swift package validate-profiles`.
        .executableTarget(name: "profile-embedder", path: "Plugins/EmbedProfiles/Tool"),
        .plugin(name: "EmbedProfiles", capability: .buildTool(), dependencies: ["profile-embedder"],
                path: "Plugins/EmbedProfiles/Plugin"),
        .plugin(name: "ValidateProfiles",
                capability: .command(intent: .custom(verb: "validate-profiles",
                                                     description: "Validate every device profile against the schema and the probes")),
                dependencies: ["checkup"]),

        // Benchmarks: `make bench` (ratios against a baseline measured in the same run).
        .executableTarget(name: "bench-pipeline", dependencies: ["CheckupCore", "CheckupTestKit"], path: "bench/pipeline"),
        .executableTarget(name: "bench-modbus", dependencies: ["BenchSupport", "CheckupCore", "CModbus", "ModbusProbe", "DeviceSimulators"], path: "bench/modbus"),
        .executableTarget(name: "bench-snmp", dependencies: ["CheckupCore", "SNMPProbe", "DeviceSimulators"], path: "bench/snmp"),
        .target(name: "BenchSupport", path: "bench/support"),
        .executableTarget(name: "bench-scale", dependencies: ["BenchSupport", "CheckupCore", "CheckupTestKit", "DeviceSimulators", "SNMPProbe"], path: "bench/scale"),
        .executableTarget(name: "bench-office", dependencies: ["BenchSupport", "CheckupCore", "InspectionRecords", "CheckupTestKit"], path: "bench/office"),

        // Fuzzing: the harnesses (replayed as seeded corpora in `make test`) and the libFuzzer
        // binary `make fuzz` builds with -sanitize=fuzzer into .build-fuzz (a replayer otherwise).
        .target(name: "CheckupFuzzing", dependencies: ["CheckupCore", "ModbusProbe", "SNMPProbe", "PelcoProbe", "InspectionRecords"]),
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "checkup-fuzz", dependencies: ["CheckupFuzzing", "CFuzzerDriver"], path: "fuzz", exclude: ["README.md"]),
        .testTarget(name: "CheckupFuzzingTests", dependencies: ["CheckupFuzzing"]),

        .testTarget(name: "CheckupCoreTests", dependencies: ["CheckupCore", "CheckupTestKit", "ModbusProbe", "PelcoProbe", "SNMPProbe",
                                                           .product(name: "Yams", package: "Yams")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ModbusProbeTests", dependencies: ["ModbusProbe", "CheckupTestKit", "DeviceSimulators"],
                    exclude: ["Peers"]),
        .testTarget(name: "SNMPProbeTests", dependencies: ["SNMPProbe", "CheckupTestKit", "DeviceSimulators"]),
        .testTarget(name: "PelcoProbeTests", dependencies: ["PelcoProbe", "CheckupTestKit", "DeviceSimulators"]),
        .testTarget(name: "InspectionRecordsTests", dependencies: ["InspectionRecords", "CheckupTestKit"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CheckupCLITests", dependencies: ["CheckupCLI", "CheckupTestKit", "DeviceSimulators", "LineProbe"]),

        // A probe that is not shipped: its folder, and `checkup` built with its one registration
        // line, prove that a new protocol needs nothing else (Tests/LineProbe/README.md).
        .target(name: "LineProbe", dependencies: ["CheckupCore"], path: "Tests/LineProbe", exclude: ["README.md"]),
        .executableTarget(name: "checkup-line", dependencies: ["CheckupCLI", "LineProbe"], path: "Tests/checkup-line"),
    ]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + strict
}
