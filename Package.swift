// swift-tools-version: 6.1
import PackageDescription

// The modules follow the way data flows; each imports only modules above it, and a
// leaf never drags in what it does not use (the README's "Architecture" has the picture):
//
//   CYAML ─► OneThingSource ─► OneThingModel ─► OneThingConditions ─► OneThingPlan ─► OneThing (facade)
//   OneThing ─► OneThingLanguageServer (`onething lsp`) ─► OneThingCLI
//   OneThingCalendar (dates, limits, working days) ─► OneThingModel, OneThingEvents
//   OneThingEvents (event core: no YAML, no planner) ─► OneThingRuntime, every store
//   OneThingRuntime ─► OneThingSimulation, OneThingPresentation ─► OneThingCLI
//   OneThingPresentation ─► OneThingPages (HTML pages for the server)
//   OneThingSQLite (GRDB), OneThingPostgres (postgres-nio), OneThingStoreContract (the suite every
//   store passes)
//   OneThingDepartmentHTTP (async-http-client: the HTTP department adapter, the signature of
//   pushed tasks and callbacks, the circuit breaker) ─► OneThingServer, onething-fake-department
//   OneThingPages, OneThingAccess ─► OneThingServer (Hummingbird: the runtime behind an HTTP
//   API, and the pages it serves) ─► OneThingCLI (`onething serve`)
let package = Package(
    name: "onething",
    platforms: [.macOS(.v15)],
    products: [
        // The validator and loader facade: read, check and plan bundles.
        .library(name: "OneThing", targets: ["OneThing"]),
        // The Language Server Protocol server of `onething lsp`: the validator's findings,
        // hover, completion, definitions and quick fixes in editors.
        .library(name: "OneThingLanguageServer", targets: ["OneThingLanguageServer"]),
        // Dates, time limits and working days.
        .library(name: "OneThingCalendar", targets: ["OneThingCalendar"]),
        // The event core: events, case state, blueprints, the store protocol and codec.
        .library(name: "OneThingEvents", targets: ["OneThingEvents"]),
        // The runtime: the engine as a service, clocks, the adapter protocol, retries.
        .library(name: "OneThingRuntime", targets: ["OneThingRuntime"]),
        // Simulated departments and applicants, and the virtual-clock case driver.
        .library(name: "OneThingSimulation", targets: ["OneThingSimulation"]),
        // Notices, graphs, figures tables, case timelines: text, HTML and SVG.
        .library(name: "OneThingPresentation", targets: ["OneThingPresentation"]),
        // The server's pages as HTML strings: the applicant's case, a department's work
        // queue, the supervisor's dashboard. No server dependency.
        .library(name: "OneThingPages", targets: ["OneThingPages"]),
        // The embedded event store: one SQLite file.
        .library(name: "OneThingSQLite", targets: ["OneThingSQLite"]),
        // The event store of a province: PostgreSQL, shared by several runtimes.
        .library(name: "OneThingPostgres", targets: ["OneThingPostgres"]),
        // The checks every event store passes, for any store's tests.
        .library(name: "OneThingStoreContract", targets: ["OneThingStoreContract"]),
        // Who may do what: principals and their tokens, applicants' access codes, the
        // access policy, masking of personal numbers.
        .library(name: "OneThingAccess", targets: ["OneThingAccess"]),
        // The runtime behind an HTTP API (Hummingbird 2), for `onething serve` or a platform's own server.
        .library(name: "OneThingServer", targets: ["OneThingServer"]),
        .executable(name: "onething", targets: ["OneThingCLI"]),
        .executable(name: "onething-bench", targets: ["OneThingBenchmarks"]),
        // A department system for tests: takes pushed tasks and calls back, with faults by flags.
        .executable(name: "onething-fake-department", targets: ["OneThingFakeDepartment"]),
        // Departments' systems over HTTP: the signed push, the callback check, the breaker.
        .library(name: "OneThingDepartmentHTTP", targets: ["OneThingDepartmentHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The server's HTTP stack; its optional swift-configuration support is left out (build time).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // The system libyaml (Debian's libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Source files, locations, diagnostics and the located YAML composer.
        .target(name: "OneThingSource", dependencies: ["CYAML"]),
        // Calendar dates, time limits, working-day calendars and their arithmetic.
        .target(name: "OneThingCalendar"),
        // The typed model of bundles and catalogues, decoded from located YAML.
        .target(name: "OneThingModel", dependencies: ["OneThingSource", "OneThingCalendar"]),
        // The condition language: parse, type check, evaluate, reason.
        .target(name: "OneThingConditions", dependencies: ["OneThingModel"]),
        // Plans, schedules and the worst-case promise check.
        .target(name: "OneThingPlan", dependencies: ["OneThingConditions"]),
        // The facade for embedding the validator: find, load, validate and plan bundles.
        .target(name: "OneThing", dependencies: ["OneThingPlan"]),
        // The language server: JSON-RPC over stdio, documents in memory, the validator's
        // findings as LSP diagnostics; only the facade, no runtime, no server stack.
        .target(name: "OneThingLanguageServer", dependencies: ["OneThing"]),
        // The event core: events, case state and its fold, blueprints, the store
        // protocol, the event codec and typed store errors. No YAML, no planner.
        .target(name: "OneThingEvents", dependencies: ["OneThingCalendar"]),
        // The runtime: the engine (a service), clocks, the adapter protocol, retries.
        .target(
            name: "OneThingRuntime",
            dependencies: [
                "OneThingEvents", "OneThingPlan",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Simulated departments and applicants (one seeded sampler), the simulation of
        // many cases, the virtual-clock driver of the command line, the adapters file.
        .target(
            name: "OneThingSimulation",
            dependencies: [
                "OneThingRuntime", "OneThing",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Notices, SVG graphs, figures tables, case timelines and texts.
        .target(name: "OneThingPresentation", dependencies: ["OneThingRuntime", "OneThing"]),
        // The pages people use, rendered to HTML from case states: view models and renderers.
        .target(name: "OneThingPages", dependencies: ["OneThingPresentation", "OneThingAccess"]),
        // The durable event store: a SQLite file in WAL mode, through GRDB.
        .target(
            name: "OneThingSQLite",
            dependencies: [
                "OneThingEvents",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // The shared event store: PostgreSQL through postgres-nio, events partitioned by
        // the month their case started. Imports the event core only, never YAML or the planner.
        .target(
            name: "OneThingPostgres",
            dependencies: [
                "OneThingEvents",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The checks every event store passes, parameterised over a store factory: the
        // in-memory, SQLite and later stores run the same suite. A library, not a test
        // target, so that a store in another package can run it too.
        .target(name: "OneThingStoreContract", dependencies: ["OneThingEvents"]),
        // Who may do what: principals from a file (tokens kept only as SHA-256 hashes),
        // applicants' access codes, the access policy as pure functions, and the masking
        // of identity and mobile numbers. No server in it: the server wires it in.
        .target(
            name: "OneThingAccess",
            dependencies: [
                "OneThingSource", "OneThingEvents", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Departments' systems over HTTP: a task pushed as signed JSON (HMAC-SHA256 over the
        // timestamp and the body), retried with backoff under one idempotency key behind a
        // circuit breaker; the check of a department's signed callback. No server in it.
        .target(
            name: "OneThingDepartmentHTTP",
            dependencies: [
                "OneThingRuntime", "OneThingSource",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The runtime behind an HTTP API: routes, problem details, idempotency, events as
        // Server-Sent Events, metrics, and the pages (sign-in, sessions, forms) it serves.
        // Takes any event store; never imports a store's module.
        .target(
            name: "OneThingServer",
            dependencies: [
                "OneThing", "OneThingRuntime", "OneThingPresentation", "OneThingAccess", "OneThingPages",
                "OneThingDepartmentHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // What the tests share: the real bundles and their plans.
        .target(
            name: "OneThingTestSupport", dependencies: ["OneThing", "OneThingRuntime"],
            path: "Tests/OneThingTestSupport"),
        .executableTarget(
            name: "OneThingCLI",
            dependencies: [
                "OneThing", "OneThingRuntime", "OneThingSimulation", "OneThingPresentation", "OneThingSQLite",
                "OneThingPostgres", "OneThingAccess", "OneThingPages",
                "OneThingServer", "OneThingDepartmentHTTP", "OneThingLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "OneThingBenchmarks",
            dependencies: [
                "OneThing", "OneThingRuntime", "OneThingSimulation", "OneThingSQLite", "OneThingPostgres",
                "OneThingServer", "OneThingDepartmentHTTP", "OneThingLanguageServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "OneThingFakeDepartment",
            dependencies: [
                "OneThingDepartmentHTTP", "OneThingRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "OneThingDepartmentHTTPTests",
            dependencies: [
                "OneThingDepartmentHTTP", "OneThingFakeDepartment", "OneThingRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .testTarget(name: "OneThingSourceTests", dependencies: ["OneThingSource"]),
        .testTarget(name: "OneThingCalendarTests", dependencies: ["OneThingCalendar"]),
        .testTarget(name: "OneThingEventsTests", dependencies: ["OneThingEvents", "OneThingStoreContract"]),
        .testTarget(name: "OneThingModelTests", dependencies: ["OneThingModel"]),
        .testTarget(name: "OneThingConditionsTests", dependencies: ["OneThingConditions"]),
        .testTarget(name: "OneThingPlanTests", dependencies: ["OneThingPlan"]),
        .testTarget(
            name: "OneThingRuntimeTests",
            dependencies: [
                "OneThingRuntime", "OneThing", "OneThingTestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "OneThingSimulationTests",
            dependencies: ["OneThingSimulation", "OneThingRuntime", "OneThing", "OneThingTestSupport"]),
        .testTarget(
            name: "OneThingPresentationTests",
            dependencies: [
                "OneThingPresentation", "OneThingSimulation", "OneThing", "OneThingTestSupport",
            ], exclude: ["Golden"]),
        .testTarget(
            name: "OneThingPagesTests",
            dependencies: [
                "OneThingPages", "OneThingPresentation", "OneThingSimulation", "OneThingTestSupport",
            ]),
        .testTarget(
            name: "OneThingSQLiteTests",
            dependencies: [
                "OneThingSQLite", "OneThingStoreContract", "OneThing",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ], exclude: ["Fixtures"]),
        .testTarget(
            name: "OneThingPostgresTests",
            dependencies: [
                "OneThingPostgres", "OneThingStoreContract", "OneThingRuntime", "OneThingTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .testTarget(name: "OneThingTests", dependencies: ["OneThing"], exclude: ["Fixtures"]),
        .testTarget(
            name: "OneThingLanguageServerTests", dependencies: ["OneThingLanguageServer", "OneThing"]),
        .testTarget(
            name: "OneThingAccessTests", dependencies: ["OneThingAccess", "OneThing", "OneThingSimulation"]),
        .testTarget(
            name: "OneThingServerTests",
            dependencies: [
                "OneThingServer", "OneThingAccess", "OneThing", "OneThingRuntime", "OneThingSimulation",
                "OneThingPages", "OneThingTestSupport", "OneThingDepartmentHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(name: "OneThingBenchmarksTests", dependencies: ["OneThingBenchmarks", "OneThing"]),
        .testTarget(
            name: "OneThingCLITests",
            dependencies: [
                "OneThing", "OneThingCLI", "OneThingRuntime", "OneThingPresentation", "OneThingSQLite",
                "OneThingAccess",
            ],
            resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
