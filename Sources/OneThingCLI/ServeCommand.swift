import ArgumentParser
import Foundation
import Logging
import Metrics
import OneThing
import OneThingAccess
import OneThingDepartmentHTTP
import OneThingPages
import OneThingPostgres
import OneThingPresentation
import OneThingRuntime
import OneThingServer
import OneThingSimulation
import Prometheus

/// `onething serve`: the runtime embedded in an HTTP service, for windows, departments
/// and supervisors, on the live clock.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the bundles over HTTP: the cases API, department work, supervision and pages.",
        discussion: """
            Serves the bundles of --bundles (default bundles/, each validated at start: a \
            bundle with errors is refused and its findings printed, the others serve) with \
            the case store --db (default ./onething.sqlite, created if missing; a path or \
            sqlite:PATH; or postgres://USER:PASSWORD@HOST:PORT/DATABASE, whose tables are \
            made when missing). Departments are simulated unless the adapters file makes them \
            manual: a manual department's tasks wait in its work queue for its officers or \
            its own system (/v1/departments/{id}/tasks); or http: its tasks are pushed to its \
            system's URL, signed with its secret, and it answers at \
            --callback-base/v1/departments/{id}/callbacks. Time is the wall clock: a simulated \
            department answers in real working time; --speed N runs the clock N times faster \
            for a demonstration (a working day of 8 hours in 8h/N). The API is described at \
            /openapi.yaml. The pages are served too: /sign-in (staff sign in with their \
            token for a session cookie; needs --principals), a department's work queue at \
            /departments/{id}/queue, the supervisor's dashboard at /supervision, and the \
            applicant's case page at /cases/{id}?code={access code}. SIGTERM or Ctrl-C drains requests and adapter calls and closes \
            the store; SIGHUP reloads the bundles (validated first; running cases keep \
            their versions). Exit status: 0 after a clean shutdown, 1 for bundles, a \
            catalogue or an adapters file with errors, 2 for a usage error or a store that \
            cannot be opened.
            """)

    @Option(help: ArgumentHelp("The folder of bundles and their catalogue.", valueName: "dir"))
    var bundles = "bundles"

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The case store: a SQLite file (a path or sqlite:PATH), or a PostgreSQL database"
                + " (postgres://USER:PASSWORD@HOST:PORT/DATABASE; the password may come from PGPASSWORD instead).",
            valueName: "url"))
    var database = CaseStore.defaultPath

    @Option(
        help: ArgumentHelp(
            "The adapters file: which departments are simulated and which decide by hand (default: all simulated).",
            valueName: "file"))
    var adapters: String?

    @Option(
        help: ArgumentHelp(
            "The principals file (onething principals add): who may do what. Without it every request is allowed.",
            valueName: "file"))
    var principals: String?

    @Option(
        help: ArgumentHelp(
            "This instance's name among the instances that share one PostgreSQL database (default: host:pid:random)."
                + " An instance restarted under its old name takes its cases up at once.",
            valueName: "name"))
    var instance: String?

    @Option(
        help: ArgumentHelp(
            "With a PostgreSQL database: how long, in seconds, this instance's lease lasts unless renewed;"
                + " another instance adopts the open cases of one that has not renewed it for this long (default 30).",
            valueName: "seconds"))
    var lease: Int = 30

    @Option(
        name: .customLong("callback-base"),
        help: ArgumentHelp(
            "The base URL at which departments' systems reach this server with their callbacks (default http://HOST:PORT).",
            valueName: "url"))
    var callbackBase: String?

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on (0: any free port, printed).", valueName: "port"))
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "Run the clock this many times faster than the wall clock (for demonstrations; default 1).",
            valueName: "n"))
    var speed: Double = 1

    @Option(
        name: .customLong("clock-origin"),
        help: ArgumentHelp(
            "With --speed: the wall-clock moment from which the fast clock runs (ISO 8601, e.g. 2026-12-07T01:00:00Z;"
                + " default: when this instance starts). Instances that share a database need the same one.",
            valueName: "time"))
    var clockOrigin: String?

    @Option(help: ArgumentHelp("The seed of the simulated departments and applicant.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(
        name: .customLong("max-body"),
        help: ArgumentHelp("The largest request body taken, in bytes.", valueName: "bytes"))
    var maxBody = 1 << 20

    @Flag(
        name: .customLong("secure-cookies"),
        help: ArgumentHelp(
            "Mark the pages' session cookie Secure (sent only over HTTPS): for a server behind a proxy that terminates TLS."
        ))
    var secureCookies = false

    @Option(
        name: .customLong("session-hours"),
        help: ArgumentHelp(
            "How long a signed-in page session lasts, in hours (default 8).", valueName: "hours"))
    var sessionHours = 8

    @Flag(
        help: ArgumentHelp(
            "Answer GET /bench/bare outside every middleware (for the benchmark).", visibility: .hidden))
    var benchRoute = false

    @OptionGroup
    var languageOptions: LanguageOptions

    func validate() throws {
        guard speed >= 1, speed.isFinite else { throw ValidationError("--speed takes a number of 1 or more") }
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port takes a number from 0 to 65535")
        }
        guard maxBody >= 1024 else { throw ValidationError("--max-body takes 1024 bytes or more") }
        guard (1...168).contains(sessionHours) else {
            throw ValidationError("--session-hours takes a number of hours from 1 to 168")
        }
        if clockOrigin != nil, speed == 1 {
            throw ValidationError("--clock-origin sets where a fast clock starts; give --speed too")
        }
        _ = try origin()
        guard (1...3_600).contains(lease) else {
            throw ValidationError("--lease takes a number of seconds from 1 to 3600")
        }
        if let instance {
            guard !instance.isEmpty, instance.count <= 200, !instance.contains(where: \.isNewline),
                !instance.contains("\t")
            else {
                throw ValidationError(
                    "--instance takes a name of 1 to 200 characters, without tabs or line breaks")
            }
            guard PostgresStoreAddress.isPostgresURL(database) else {
                throw ValidationError(
                    "--instance names an instance among several sharing a PostgreSQL database; --db \(database) is a SQLite file, which one instance serves"
                )
            }
        }
    }

    func run() async throws {
        let language = languageOptions.language
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel =
                ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
                ?? .info
            return handler
        }
        let logger = Logger(label: "onething.server")
        let library = try openLibrary(language: language)
        let catalogue = await library.catalogue
        let settings = try RuntimeInput.adapterSettings(
            adapters, departments: Set(catalogue.departments.keys), language: language)
        let store = try await CaseStore.open(
            database, create: true, catalogue: catalogue, language: language, instance: instance)
        let clock: any EngineClock =
            speed == 1 ? LiveClock() : ScaledClock(speed: speed, origin: try origin())
        let calendar = catalogue.calendar(region: "CN")
        let simulated = SimulatedAdapter(
            sampler: DepartmentSampler(settings: settings.simulation, seed: seed), calendar: calendar)
        let directoryOfPrincipals = try loadPrincipals(
            departments: Set(catalogue.departments.keys), language: language)
        // Departments that decide by hand pull their tasks from a work queue (over the API).
        // Leases and long polls are people's and systems' time: the wall clock, whatever --speed.
        // On a database that several instances share, the queue is the database's: a worker
        // may long-poll any instance.
        let manual = WorkQueue(clock: LiveClock(), board: store.jobBoard, logger: logger)
        let linked = try httpDepartments(settings, logger: logger, language: language)
        var byDepartment: [String: any DepartmentAdapter] = [:]
        for (department, kind) in settings.kinds {
            byDepartment[department] = kind == .manual ? manual : simulated
        }
        for (department, adapter) in linked.adapters { byDepartment[department] = adapter }
        let materials = try materialService(settings, logger: logger, language: language)
        let directory = AdapterDirectory(
            byDepartment: byDepartment, fallback: settings.defaultKind == .manual ? manual : simulated,
            materials: materials.service)
        let metrics = ServerMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        let server = await CaseServer(
            store: store, library: library, adapters: directory, clock: clock,
            configuration: ServerConfiguration(
                host: host, port: port, bodyLimit: maxBody, benchmarkRoute: benchRoute,
                principals: directoryOfPrincipals, sessionLifetime: .seconds(sessionHours * 3600),
                secureCookies: secureCookies, callbacks: linked.callbacks, deliveries: materials.deliveries),
            metrics: metrics, engineConfiguration: Engine.Configuration(seed: seed, lease: .seconds(lease)),
            logger: logger)
        for adapter in linked.adapters.values { adapter.connect(to: server.engine) }
        do {
            try await server.recover()
        } catch {
            StandardError.writeLine("onething: " + error.detail.text(in: language))
            throw ExitStatus.usageOrInputError
        }
        let departments = LiveDepartments(engine: server.engine, adapter: simulated, settings: settings)
        let served = await library.entries.count
        let host = self.host
        let database = try CaseStore.location(self.database, language: language).display
        let speed = self.speed
        let checked = directoryOfPrincipals != nil
        try await server.run(services: [departments]) { port in
            for line in Self.banner(
                host: host, port: port, bundles: served, database: database, speed: speed,
                principals: checked, language: language)
            {
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        }
    }

    /// The moment `--clock-origin` names, or now.
    func origin() throws -> Timestamp {
        guard let clockOrigin else { return .now }
        guard let date = ISO8601DateFormatter().date(from: clockOrigin) else {
            throw ValidationError(
                "--clock-origin \(clockOrigin): not an ISO 8601 time with a zone, such as 2026-12-07T01:00:00Z"
            )
        }
        return Timestamp(date)
    }

    /// The bundles, validated; refused ones are printed with their findings.
    func openLibrary(language: Language) throws -> BundleLibrary {
        let library: BundleLibrary
        do {
            library = try BundleLibrary(folder: bundles)
        } catch {
            if !error.reports.isEmpty {
                PlanningInput.printDiagnostics(
                    error.reports.flatMap(\.diagnostics), sources: error.reports.compactMap(\.source),
                    language: language)
                StandardError.writeLine("onething: " + error.reason.text(in: language))
                throw ExitStatus.problemsFound
            }
            StandardError.writeLine("onething: " + error.reason.text(in: language))
            throw ExitStatus.usageOrInputError
        }
        return library
    }

    /// The principals of `--principals`, or `nil` when none is given (nothing is
    /// checked). A file with errors is printed with its findings and refused.
    func loadPrincipals(departments: Set<String>, language: Language) throws -> PrincipalDirectory? {
        guard let principals else { return nil }
        let loaded: PrincipalsFile.Loaded
        do {
            loaded = try PrincipalsFile.load(path: principals, departments: departments)
        } catch {
            StandardError.writeLine("onething: \(error.path): " + error.reason.text(in: language))
            throw ExitStatus.usageOrInputError
        }
        if !loaded.diagnostics.isEmpty {
            PlanningInput.printDiagnostics(
                loaded.diagnostics, sources: [loaded.source].compactMap { $0 }, language: language)
        }
        if loaded.hasErrors { throw ExitStatus.problemsFound }
        return PrincipalDirectory(loaded.principals)
    }

    /// What the server prints once it listens: where the API, the contract and the pages are.
    static func banner(
        host: String, port: Int, bundles: Int, database: String, speed: Double, principals: Bool,
        language: Language
    )
        -> [String]
    {
        typealias P = PageRoutes.Pattern
        let base = "http://\(host):\(port)"
        let clock =
            speed == 1
            ? language.say(
                "the wall clock: simulated departments answer in real working time (--speed N runs it N times faster)",
                "真实时钟：模拟部门按真实工作时间答复（--speed N 可加快 N 倍）")
            : language.say(
                "a clock \(DecimalText.trimmed(speed, places: 2)) times faster than the wall clock (--speed)",
                "比真实时钟快 \(DecimalText.trimmed(speed, places: 2)) 倍的时钟（--speed）")
        return [
            language.say(
                "OneThing serves \(bundles) bundles on \(base) (case store \(database))",
                "OneThing 已在 \(base) 提供 \(bundles) 个一件事（案件库 \(database)）"),
            language.say(
                "  API:        \(base)/v1 (contract: \(base)/openapi.yaml)",
                "  接口：      \(base)/v1（契约：\(base)/openapi.yaml）"),
            language.say(
                "  Pages:      \(base)\(P.signIn) (staff sign in with their token; applicants look up a case)",
                "  页面：      \(base)\(P.signIn)（工作人员凭令牌登录；申请人查询办件）"),
            language.say(
                "  Applicant:  \(base)/cases/{case id}?code={access code}; API \(base)/v1/cases/{case id} with X-Access-Code",
                "  申请人：    \(base)/cases/{案件号}?code={查询码}；接口 \(base)/v1/cases/{案件号}，附 X-Access-Code"),
            language.say(
                "  Department: \(base)/departments/{department id}/queue; API \(base)/v1/departments/{department id}/tasks",
                "  部门：      \(base)/departments/{部门标识}/queue；接口 \(base)/v1/departments/{部门标识}/tasks"),
            language.say(
                "  Supervisor: \(base)\(P.supervision); API \(base)/v1/supervision",
                "  督办：      \(base)\(P.supervision)；接口 \(base)/v1/supervision"),
            language.say("  Time:       ", "  时间：      ") + clock,
            principals
                ? language.say(
                    "  Access:     the principals file's tokens (Authorization: Bearer …)",
                    "  权限：      按身份文件中的令牌（Authorization: Bearer …）")
                : language.say(
                    "  Access:     no principals file: every API request is allowed, and staff cannot sign in to the pages (give --principals FILE)",
                    "  权限：      未给出身份文件：接口请求均被允许，工作人员页面无法登录（请用 --principals 文件）"),
            language.say(
                "Stop with Ctrl-C (drains requests and adapter calls).", "按 Ctrl-C 停止（等待请求和部门调用完成）。"),
        ]
    }
}

extension ServeCommand {
    /// The departments connected over HTTP: an adapter each, sharing one client, and the
    /// check of their callbacks; their secrets are read now, and a missing one stops
    /// the command with a message that names where it was looked for (never a value).
    func httpDepartments(_ settings: AdapterSettings, logger: Logger, language: Language) throws
        -> (adapters: [String: HTTPDepartmentAdapter], callbacks: CallbackVerifier?)
    {
        guard !settings.http.isEmpty else { return ([:], nil) }
        let base = (callbackBase ?? "http://\(host):\(port)").trimmingSuffix("/")
        var secrets: [String: DepartmentSecret] = [:]
        var adapters: [String: HTTPDepartmentAdapter] = [:]
        for (department, link) in settings.http.sorted(by: { $0.key < $1.key }) {
            let secret: DepartmentSecret
            do throws(SecretError) {
                secret = try DepartmentSecret(department: department, from: link.secret)
            } catch {
                StandardError.writeLine("onething: " + error.text.text(in: language))
                throw ExitStatus.problemsFound
            }
            secrets[department] = secret
            adapters[department] = HTTPDepartmentAdapter(
                department: department, settings: link, secret: secret,
                client: HTTPDepartmentAdapter.sharedClient,
                callbackURL: "\(base)/v1/departments/\(department)/callbacks", clock: LiveClock(), seed: seed,
                logger: logger)
        }
        return (adapters, CallbackVerifier(secrets: secrets, clock: LiveClock()))
    }
}

extension ServeCommand {
    /// The service of the fetched materials the adapters file names (`e-licence`): the
    /// simulated one, or the HTTP one with its secret, which also signs the service's
    /// late deliveries (`deliveries`, their check). Without one nothing is fetched.
    func materialService(_ settings: AdapterSettings, logger: Logger, language: Language) throws
        -> (service: (any MaterialService)?, deliveries: CallbackVerifier?)
    {
        switch settings.materialService {
        case nil:
            return (nil, nil)
        case .simulated(let unavailable):
            return (SimulatedMaterialService(unavailable: unavailable, seed: seed), nil)
        case .http(let link):
            let secret: DepartmentSecret
            do throws(SecretError) {
                secret = try DepartmentSecret(department: "e-licence", from: link.secret)
            } catch {
                StandardError.writeLine("onething: " + error.text.text(in: language))
                throw ExitStatus.problemsFound
            }
            let service = HTTPMaterialService(
                settings: link, secret: secret, client: HTTPDepartmentAdapter.sharedClient, seed: seed,
                logger: logger)
            return (
                service,
                CallbackVerifier(secrets: [ServerConfiguration.materialService: secret], clock: LiveClock())
            )
        }
    }
}

extension String {
    /// The text without `suffix` at its end, if it ends so.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
