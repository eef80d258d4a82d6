import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// `onething run BUNDLE --case NAME`: starts a case in the case database and runs it
/// against simulated (or manual) departments on a virtual clock.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a case and run it against simulated departments on a virtual clock.",
        discussion: """
            The case is stored in the case database (--db, default ./onething.sqlite, created \
            if missing). Departments are simulated unless the adapters file (--adapters) makes \
            them manual. Time is virtual: the command moves the clock straight to the next \
            answer of a simulated department, reply of the simulated applicant or timer of the \
            engine, so weeks of working days pass in seconds; the case is accepted at 09:00 \
            China Standard Time on --start (default: today) and its limits are counted on the \
            catalogue's working-day calendar, the dates the plan and the notice give. Every \
            event is printed as it is stored, with the steps done and what the case waits on, \
            then a summary. When a person must act (an officer of a manual department, or the \
            applicant), the clock stops there and the command prints who must do what by when, \
            and the commands that do it ('onething case approve …'); the adapters of the case \
            are kept in the database, so those commands need no --adapters. Exit status: 0 when \
            the case is delivered or waits for a person, 1 for problems with the bundle, the \
            answers or the adapters file, 2 for a usage error or a path that cannot be read or \
            written.
            """)

    @Argument(help: "The bundle file.")
    var bundle: String

    @OptionGroup
    var answers: AnswersOptions

    @OptionGroup
    var start: StartDateOption

    @OptionGroup
    var database: CaseStoreOptions

    @OptionGroup
    var adapterOptions: AdapterOptions

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder (default: the nearest 'catalogue' folder).", valueName: "dir"))
    var catalogue: String?

    @Option(help: ArgumentHelp("Start this many cases at once (for the crash test).", visibility: .hidden))
    var cases: Int = 1

    @Flag(
        help: ArgumentHelp(
            "Take over every open case of the database and drive them on (for the crash test).",
            visibility: .hidden))
    var resume = false

    @Flag(
        help: ArgumentHelp(
            "Print 'ack CASEID SEQ DIGEST' for every stored event instead.", visibility: .hidden))
    var acks = false

    func validate() throws {
        if cases < 1 { throw ValidationError("--cases takes a number of cases, 1 or more") }
    }

    func run() async throws {
        let language = languageOptions.language
        let loaded = try PlanningInput.loadBundle(bundle, catalogue: catalogue, language: language)
        let source =
            resume
            ? answers.source
            : try PlanningInput.answersOrFirstTestCase(
                answers.source, of: loaded, language: language)
        let plan = try source.map { try PlanningInput.plan(loaded, answers: $0, language: language) }
        let calendar = loaded.catalogue.calendar(region: "CN")
        if let plan {
            // The plan's dates are the case's due dates: a start the calendar cannot date is refused here.
            _ = try PlanningInput.schedule(plan, calendar: calendar, start: start.date, language: language)
        }
        let settings = try RuntimeInput.adapterSettings(
            adapterOptions.adapters, departments: Set(loaded.catalogue.departments.keys), language: language)
        let journal = try RuntimeInput.journal(adapterOptions.journal, language: language)
        let session = try await CaseSession.open(
            database, catalogue: loaded.catalogue, create: true, language: language)
        let driver = CaseDriver(
            store: session.store, calendar: calendar,
            adapters: CaseAdapters(settings: settings, seed: adapterOptions.runSeed), start: start.acceptedAt,
            journal: journal)
        let blueprint = plan.map { CaseBlueprint(plan: $0, catalogue: loaded.catalogue) }
        let answers = plan?.answers.values.mapValues(\.description) ?? [:]
        let provided = plan?.materials.filter { $0.status == .bring }.map(\.id) ?? []
        try await RuntimeFailure.guarding(language) {
            if acks {
                let printer = AckPrinter()
                await printer.start(driver.engine)
                var ids: [CaseID] = []
                if resume {
                    for summary in try await session.store.cases(CaseQuery(open: true)) {
                        try await driver.load(summary.id)
                        ids.append(summary.id)
                    }
                } else if let blueprint {
                    for _ in 0..<cases {
                        ids.append(
                            try await driver.start(blueprint: blueprint, answers: answers, provided: provided)
                        )
                    }
                }
                _ = try await driver.drive()
                try await printer.finish(ids, store: session.store)
            } else if let blueprint {
                let runner = CaseRunner(session: session, driver: driver, repeated: database.repeated)
                try await runner.start(blueprint: blueprint, answers: answers, provided: provided)
            }
        }
    }
}
