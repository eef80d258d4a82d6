import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// The asynchronous part of `onething run`: a ``CaseDriver`` over the case database,
/// narrated for people or acknowledged line by line for the crash test.
struct LiveRun: Sendable {
    let store: any EventStore
    let settings: AdapterSettings
    let seed: UInt64
    let origin: WorkTime
    let journal: AdapterJournal?
    let names: CaseNames
    let dates: WorkTimeCalendar
    let language: Language
    /// Options to repeat in the commands printed for the user.
    let repeated: [String]
    /// The database's path, for the header.
    let database: String

    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    func driver() -> CaseDriver {
        CaseDriver(store: store, settings: settings, seed: seed, start: origin, journal: journal)
    }

    /// Starts one case of `plan`, prints its events as they are stored, then the summary.
    func narrating(plan: Plan, date: CalendarDate) async throws {
        try await RuntimeFailure.guarding(language) {
            let driver = driver()
            let id = CaseIDs.make(date: date, number: try await store.cases(CaseQuery()).count + 1)
            let blueprint = CaseBlueprint(plan: plan)
            for line in header(id: id, blueprint: blueprint) { print(line) }
            let feed = CaseFeed(store: store, id: id, names: names, dates: dates, language: language)
            try await driver.start(plan, id: id)
            _ = try await driver.drive { try await feed.printNew(blueprint: blueprint) }
            try await feed.printNew(blueprint: blueprint)
            guard let state = feed.state else { return }
            print("")
            let summary = CaseSummaryText(
                state: state, names: names, settings: settings, language: language, repeated: repeated,
                now: driver.clock.now)
            for line in summary.lines { print(line) }
        }
    }

    /// Starts `cases` cases of `plan` (or, with `resume`, recovers the open ones) and
    /// drives them to the end, printing `ack CASEID SEQ` for every stored event.
    func acknowledging(plan: Plan?, cases: Int, date: CalendarDate, resume: Bool) async throws {
        try await RuntimeFailure.guarding(language) {
            let driver = driver()
            let printer = AckPrinter()
            await printer.start(driver.engine)
            var ids: [CaseID] = []
            if resume {
                ids = try await driver.resume()
            } else if let plan {
                let existing = try await store.cases(CaseQuery()).count
                for number in 1...cases {
                    let id = CaseIDs.make(date: date, number: existing + number)
                    try await driver.start(plan, id: id)
                    ids.append(id)
                }
            }
            _ = try await driver.drive()
            try await printer.finish(ids, store: store)
        }
    }

    /// Recovers the open cases of the database, drives them on, and prints how each stands.
    func resuming() async throws {
        try await RuntimeFailure.guarding(language) {
            let driver = driver()
            let ids = try await driver.resume()
            _ = try await driver.drive()
            print(say("Resumed \(ids.count) open case(s).", "已恢复 \(ids.count) 件办理中的案件。"))
            for id in ids {
                let events = try await store.events(of: id)
                guard case .started(let start)? = events.first?.kind,
                    let blueprint = try await store.blueprint(start.blueprint)
                else { continue }
                var state = CaseState(id: id, blueprint: blueprint)
                for event in events { state.apply(event) }
                print("")
                print(say("Case ", "案件 ") + id)
                let summary = CaseSummaryText(
                    state: state, names: names, settings: settings, language: language, repeated: repeated,
                    now: events.last?.at ?? driver.clock.now)
                for line in summary.lines { print(line) }
            }
        }
    }

    /// The lines above the events: the case, its bundle, its start and promise, the departments.
    func header(id: CaseID, blueprint: CaseBlueprint) -> [String] {
        let bundle = "\(blueprint.bundle) \(blueprint.version)"
        let title = names.title.map { "\($0)（\(bundle)）" } ?? bundle
        let accepted = dates.text(at: origin) ?? WorkDays.format(origin)
        let promise = WorkDays.limit(blueprint.promise)
        let by = dates.deadline(at: origin + blueprint.promise).map { say(", by \($0)", "（\($0) 前）") } ?? ""
        var lines = [
            say("Case \(id): \(bundle)", "案件 \(id)：\(title)"),
            say(
                "Accepted \(accepted); promised within \(promise) working days\(by); case database \(database)",
                "受理 \(accepted)；承诺 \(promise) 个工作日内办结\(by)；案件库 \(database)"),
        ]
        let departments = Set(blueprint.tasks.map(\.department)).sorted()
        let manual = departments.filter { settings.kind(of: $0) == .manual }
            .map { names.department($0, in: language) }
        let simulated = say("simulated departments (seed \(seed))", "模拟部门（种子 \(seed)）")
        lines.append(
            manual.isEmpty
                ? say("Departments: ", "部门：") + simulated
                : say("Departments: ", "部门：") + simulated
                    + say("; decided by hand: ", "；人工审查：") + manual.joined(separator: say(", ", "、")))
        lines.append("")
        return lines
    }
}
