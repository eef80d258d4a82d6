import OneThing
import OneThingPresentation
import OneThingRuntime

/// Prints a case's events as they are stored, one line each with where the case stands
/// after it when that changed: `12  day 3.50  2026-09-30 13:00  … — 3/8 steps done; …`.
final class CaseFeed {
    let store: any EventStore
    let id: CaseID
    let names: CaseNames
    let clock: CaseClockText
    private(set) var state: CaseState
    private var printed: Int
    private var progress: CaseProgress?

    /// A feed of case `id` of `blueprint`; the events in `after` count as printed.
    init(
        store: any EventStore, id: CaseID, blueprint: CaseBlueprint, calendar: WorkdayCalendar?,
        origin: Timestamp,
        language: Language, after: [CaseEvent] = []
    ) {
        self.store = store
        self.id = id
        self.names = CaseNames(blueprint: blueprint)
        self.clock = CaseClockText(origin: after.first?.at ?? origin, calendar: calendar, language: language)
        var state = CaseState(id: id, blueprint: blueprint)
        for event in after { state.apply(event) }
        self.state = state
        self.printed = after.count
        self.progress = after.isEmpty ? nil : CaseProgress(state, names: names, language: language)
    }

    /// Prints the events stored since the last call.
    func printNew() async throws {
        let events = try await store.events(of: id)
        guard events.count > printed else { return }
        let language = clock.language
        for event in events.dropFirst(printed) {
            state.apply(event)
            let text = CaseEventText(event, names: names, clock: clock)
            let number = String(event.sequence)
            let label = String(repeating: " ", count: max(0, 3 - number.count)) + number
            let progress = CaseProgress(state, names: names, language: language)
            let changed = progress != self.progress
            self.progress = progress
            print(
                "\(label)  \(clock.moment(event.at))  \(text.summary)"
                    + (changed ? " — " + progress.text(in: language) : ""))
        }
        printed = events.count
    }
}
