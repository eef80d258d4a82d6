import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// Runs cases for the command line on a virtual clock and tells what happens: every
/// event as it is stored, then how the case ended or who must act next.
struct CaseRunner {
    let session: CaseSession
    let driver: CaseDriver
    /// Options to repeat in the commands printed for the user.
    let repeated: [String]

    var language: Language { session.language }

    /// Starts a case of `blueprint` and drives it until it is delivered or waits for a person.
    func start(blueprint: CaseBlueprint, answers: [String: String], provided: [String]) async throws {
        let id = try await driver.start(blueprint: blueprint, answers: answers, provided: provided)
        let events = try await session.store.events(of: id)
        for line in header(id: id, blueprint: blueprint, events: events) { print(line) }
        let feed = CaseFeed(
            store: session.store, id: id, blueprint: blueprint, calendar: session.calendar,
            origin: events.first?.at ?? driver.clock.now, language: language)
        try await drive(feed)
    }

    /// Takes over case `id`, makes `change` (an officer's decision, the applicant's
    /// supply), and drives the case on; prints only what happens from now on.
    func change(_ id: CaseID, _ change: (CaseDriver) async throws -> Void) async throws {
        let (events, blueprint) = try await session.history(id)
        try await driver.load(id)
        let feed = CaseFeed(
            store: session.store, id: id, blueprint: blueprint, calendar: session.calendar,
            origin: events.first?.at ?? driver.clock.now, language: language, after: events)
        try await feed.printNew()  // what loading the case did (a resubmission, a due date moved)
        try await change(driver)
        try await drive(feed)
    }

    /// Drives on, printing events as they are stored, then the summary.
    func drive(_ feed: CaseFeed) async throws {
        let stop = try await driver.drive { try await feed.printNew() }
        try await feed.printNew()
        let waits: [CaseDriver.PersonWait]
        if case .waiting(let list) = stop { waits = list } else { waits = [] }
        print("")
        let summary = CaseSummaryText(
            state: feed.state, names: feed.names, clock: feed.clock, waits: waits, repeated: repeated)
        for line in summary.lines { print(line) }
    }

    /// The lines above the events: the case, its bundle, its start and promise, the departments.
    func header(id: CaseID, blueprint: CaseBlueprint, events: [CaseEvent]) -> [String] {
        let names = CaseNames(blueprint: blueprint)
        let bundle = PrintableText.escaped("\(blueprint.bundle) \(blueprint.version)")
        let accepted = events.first?.at.chinaText ?? "?"
        let promise = WorkDays.limit(blueprint.promise, in: language)
        var state = CaseState(id: id, blueprint: blueprint)
        for event in events { state.apply(event) }
        let clock = CaseClockText(
            origin: events.first?.at ?? Timestamp(milliseconds: 0), calendar: driver.calendar,
            language: language)
        let by =
            state.promisedBy.map {
                language.say(", by \(clock.promised($0))", "，即 \(clock.promised($0)) 前")
            } ?? ""
        var lines = [
            language.say("Case \(id): \(bundle)", "案件 \(id)：\(names.title)（\(bundle)）"),
            language.say(
                "Accepted \(accepted); promised within \(promise)\(by); case database \(session.databasePath)",
                "受理 \(accepted)；承诺 \(promise)内办结\(by)；案件库 \(session.databasePath)"),
        ]
        if let promisedBy = state.promisedBy, let note = clock.provisionalNote(through: promisedBy) {
            lines.append(note)
        }
        let settings = driver.adapters.settings
        let departments = Set(blueprint.steps.map(\.department)).sorted()
        let manual = departments.filter { settings.kind(of: $0) == .manual }.map {
            names.department($0, in: language)
        }
        let simulated = language.say(
            "simulated departments (seed \(driver.adapters.seed))", "模拟部门（种子 \(driver.adapters.seed)）")
        lines.append(
            language.say("Departments: ", "部门：") + simulated
                + (manual.isEmpty
                    ? ""
                    : language.say("; decided by hand: ", "；人工审查：")
                        + manual.joined(separator: language.say(", ", "、"))))
        lines.append("")
        return lines
    }
}
