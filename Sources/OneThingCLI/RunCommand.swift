import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation

/// `onething run BUNDLE --case NAME`: starts a case in the case database and runs it
/// against simulated (or manual) departments on a virtual clock.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a case and run it against simulated departments on a virtual clock.",
        discussion: """
            The case is stored in the case database (--db, default ./onething.sqlite, created \
            if missing). Departments are simulated unless the adapters file (--adapters) makes \
            them manual. Time is virtual: the command moves the clock straight to the next \
            answer of a simulated department, reply of the simulated applicant or timer of the \
            engine, so weeks of working days pass in seconds; the clock counts working days on \
            the catalogue's calendar from --start. Every event is printed as it is stored, with \
            the steps done and what the case waits on, then a summary. When a manual department \
            has to decide, the command stops and prints the commands that decide ('onething case \
            approve …'). Exit status: 0 when the case is delivered or waits on a manual \
            department, 1 for problems with the bundle, the answers or the adapters file, 2 for \
            a usage error or a path that cannot be read or written.
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
        help: ArgumentHelp("Recover the open cases of the database and drive them on.", visibility: .hidden))
    var resume = false

    @Flag(help: ArgumentHelp("Print 'ack CASEID SEQ' for every stored event instead.", visibility: .hidden))
    var acks = false

    func validate() throws {
        if cases < 1 { throw ValidationError("--cases takes a number of cases, 1 or more") }
    }

    func run() throws {
        let language = languageOptions.language
        let loaded: BundleLoader.Loaded
        var plan: Plan?
        if resume {
            loaded = try PlanningInput.loadBundle(bundle, catalogue: catalogue, language: language)
        } else {
            var source = answers.source
            if source == nil {
                // Nothing to set up: without answers, the bundle's first test case runs.
                let bundleOnly = try PlanningInput.loadBundle(
                    bundle, catalogue: catalogue, language: language)
                guard let first = bundleOnly.bundle.tests.first?.name.value else {
                    StandardError.writeLine(
                        language == .zh
                            ? "onething: 该一件事没有测试用例；请用 --answers 文件 或 --case 用例名 给出答案"
                            : "onething: the bundle has no test case; give answers with --answers FILE or --case NAME"
                    )
                    throw ExitStatus.usageOrInputError
                }
                StandardError.writeLine(
                    language == .zh
                        ? "未给出答案：按本件事的第一个测试用例“\(first)”办理（可用 --case 或 --answers 指定）"
                        : "no answers given: running the bundle's first test case '\(first)' (choose with --case or --answers)"
                )
                source = .testCase(first)
            }
            let input = try PlanningInput.load(
                bundle: bundle, answers: source, catalogue: catalogue, language: language)
            (loaded, plan) = (input.loaded, input.plan)
        }
        let dates = WorkTimeCalendar(calendar: loaded.catalogue.calendar(region: "CN"))
        let date = start.date
        let origin = try RuntimeInput.time(atStartOf: date, on: dates, language: language)
        let settings = try RuntimeInput.adapterSettings(
            adapterOptions.adapters, departments: Set(loaded.catalogue.departments.keys), language: language)
        let journal = try RuntimeInput.journal(adapterOptions.journal, language: language)
        let store = try CaseStore.open(database.path, create: true, language: language)
        let run = LiveRun(
            store: store, settings: settings, seed: adapterOptions.seed, origin: origin, journal: journal,
            names: CaseNames(catalogue: loaded.catalogue, bundle: loaded.bundle), dates: dates,
            language: language, repeated: database.repeated + adapterOptions.repeated, database: database.path
        )
        let (acks, count, resume, planned) = (self.acks, cases, self.resume, plan)
        try AsyncBridge.wait {
            if acks {
                try await run.acknowledging(plan: planned, cases: count, date: date, resume: resume)
            } else if let plan = planned, !resume {
                try await run.narrating(plan: plan, date: date)
            } else {
                try await run.resuming()
            }
        }
    }
}
