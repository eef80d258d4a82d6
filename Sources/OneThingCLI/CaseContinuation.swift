import OneThing
import OneThingRuntime
import OneThingSimulation

/// An officer's or the applicant's change to one case, and the rest of the run after
/// it: recover the open cases of the database, make the change, drive the simulated
/// departments on, print the case's new events and where it stands.
struct CaseContinuation: Sendable {
    let context: CaseContext
    let settings: AdapterSettings
    let seed: UInt64
    let journal: AdapterJournal?
    /// Options to repeat in the commands printed for the user.
    let repeated: [String]

    /// Opens what a change needs; problems end the command.
    static func open(
        database: CaseStoreOptions, adapters: AdapterOptions, catalogue: String?, language: Language
    ) throws -> CaseContinuation {
        let context = try CaseContext.open(database, catalogue: catalogue, language: language)
        let settings = try RuntimeInput.adapterSettings(
            adapters.adapters, departments: context.catalogue.map { Set($0.departments.keys) },
            language: language)
        return CaseContinuation(
            context: context, settings: settings, seed: adapters.seed,
            journal: try RuntimeInput.journal(adapters.journal, language: language),
            repeated: database.repeated + adapters.repeated)
    }

    /// Checks case `id` with `check` (which throws to refuse), then makes `change`
    /// and drives on.
    func run(
        _ id: CaseID, check: (CaseState, CaseBlueprint) throws -> Void,
        change: (CaseDriver, CaseBlueprint) async throws -> Void
    ) async throws {
        try await RuntimeFailure.guarding(context.language) {
            let (events, blueprint) = try await context.history(id)
            var state = CaseState(id: id, blueprint: blueprint)
            for event in events { state.apply(event) }
            try check(state, blueprint)
            let driver = CaseDriver(
                store: context.store, settings: settings, seed: seed, start: 0, journal: journal)
            try await driver.resume()
            let names = context.names(for: blueprint)
            let feed = CaseFeed(
                store: context.store, id: id, names: names, dates: context.dates,
                language: context.language, after: events, blueprint: blueprint)
            try await change(driver, blueprint)
            _ = try await driver.drive { try await feed.printNew(blueprint: blueprint) }
            try await feed.printNew(blueprint: blueprint)
            guard let final = feed.state else { return }
            print("")
            let summary = CaseSummaryText(
                state: final, names: names, settings: settings, language: context.language,
                repeated: repeated, now: driver.clock.now)
            for line in summary.lines { print(line) }
        }
    }
}
