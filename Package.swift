// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "onething",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "OneThing", targets: ["OneThing"]),
        .executable(name: "onething", targets: ["OneThingCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Stage 0: the system libyaml (Debian's libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Stage 1: source files, locations, diagnostics and the located YAML composer.
        .target(name: "OneThingSource", dependencies: ["CYAML"]),
        // Stage 2: the typed model of bundles and catalogues, decoded from located YAML.
        .target(name: "OneThingModel", dependencies: ["OneThingSource"]),
        // Stage 3: the condition language: parse, type check, evaluate, reason.
        .target(name: "OneThingConditions", dependencies: ["OneThingModel"]),
        // Stage 4: plans, schedules and the worst-case promise check.
        .target(name: "OneThingPlan", dependencies: ["OneThingConditions"]),
        // Stage 5: the runtime: cases as event logs, the engine, adapters, simulation.
        .target(name: "OneThingRuntime", dependencies: ["OneThingPlan"]),
        // The library product for embedding: validation, planning and the runtime.
        .target(name: "OneThing", dependencies: ["OneThingPlan", "OneThingRuntime"]),
        // The durable event store: a SQLite file in WAL mode, through GRDB.
        .target(
            name: "OneThingSQLite",
            dependencies: [
                "OneThingRuntime", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .executableTarget(
            name: "OneThingCLI",
            dependencies: [
                "OneThing",
                "OneThingSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OneThingSourceTests", dependencies: ["OneThingSource"]),
        .testTarget(name: "OneThingModelTests", dependencies: ["OneThingModel"]),
        .testTarget(name: "OneThingConditionsTests", dependencies: ["OneThingConditions"]),
        .testTarget(name: "OneThingPlanTests", dependencies: ["OneThingPlan"]),
        .testTarget(name: "OneThingRuntimeTests", dependencies: ["OneThingRuntime", "OneThing"]),
        .testTarget(
            name: "OneThingSQLiteTests",
            dependencies: [
                "OneThingSQLite", "OneThingRuntime", "OneThing",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "OneThingTests", dependencies: ["OneThing"], exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "OneThingCLITests", dependencies: ["OneThing", "OneThingCLI"], resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
