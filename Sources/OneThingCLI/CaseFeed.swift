import OneThing
import OneThingPresentation
import OneThingRuntime

/// Prints a case's events as they are stored, one line each with where the case
/// stands after it: `12  第 3.50 工作日  2026-09-30 13:00  … — 3/8 步完成；等待：…`.
final class CaseFeed {
    let store: any EventStore
    let id: CaseID
    let names: CaseNames
    let dates: WorkTimeCalendar?
    let language: Language
    private(set) var state: CaseState?
    private(set) var printed = 0
    private var progress: CaseProgress?

    /// A feed of case `id`; events up to `after` are taken as printed already.
    init(
        store: any EventStore, id: CaseID, names: CaseNames, dates: WorkTimeCalendar?, language: Language,
        after: [CaseEvent] = [], blueprint: CaseBlueprint? = nil
    ) {
        self.store = store
        self.id = id
        self.names = names
        self.dates = dates
        self.language = language
        if let blueprint {
            var state = CaseState(id: id, blueprint: blueprint)
            for event in after { state.apply(event) }
            self.state = state
            self.printed = after.count
        }
    }

    /// Prints the events stored since the last call.
    func printNew(blueprint: CaseBlueprint) async throws {
        let events = try await store.events(of: id)
        guard events.count > printed else { return }
        var state = self.state ?? CaseState(id: id, blueprint: blueprint)
        let width = 3
        for event in events.dropFirst(printed) {
            state.apply(event)
            let text = CaseEventText(
                event, blueprint: blueprint, names: names, dates: dates, origin: state.startedAt ?? event.at,
                language: language)
            let time = CaseTimeline.time(
                event.at, origin: state.startedAt ?? event.at, dates: dates, language: language)
            let number = String(event.sequence)
            let label = String(repeating: " ", count: max(0, width - number.count)) + number
            let progress = CaseProgress(state, names: names, language: language)
            let changed = progress != self.progress
            self.progress = progress
            print("\(label)  \(time)  \(text.summary)" + (changed ? " — " + progress.text(in: language) : ""))
        }
        self.state = state
        printed = events.count
    }
}
