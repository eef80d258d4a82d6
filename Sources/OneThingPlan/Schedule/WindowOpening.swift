import OneThingCalendar
import OneThingModel

/// Where the day a case is accepted falls among the windows of the bundle or of one
/// item (``PlanWindows``): inside one, or outside them with the day the next one opens,
/// or in a year whose dates no notice gives.
///
/// The windows of a year are that year's own published dates (`from: 2025-07-06`) when
/// the list has any for it, else the dates written for every year (`from: 07-06`); a
/// year with neither has no known window, and its dates are told as "以当地当年公告为准"
/// (as the local notice of that year says), never guessed.
public struct WindowOpening: Sendable, Hashable {
    /// A window's days in one year.
    public struct Occurrence: Sendable, Hashable {
        /// The window.
        public let window: ApplicationWindow
        /// Its first and last day that year.
        public let days: ClosedRange<CalendarDate>

        /// `window` on `days`.
        public init(window: ApplicationWindow, days: ClosedRange<CalendarDate>) {
            self.window = window
            self.days = days
        }
    }

    /// When the next window opens, for a case accepted outside every window.
    public enum Next: Sendable, Hashable {
        /// On these days.
        case opens(Occurrence)
        /// In a year whose dates no notice gives: as that year's local notice says.
        case notPublished(year: Int)
    }

    /// Where the day of acceptance falls.
    public enum State: Sendable, Hashable {
        /// Inside a window.
        case open(Occurrence)
        /// Outside every window of the year; the next is given.
        case closed(next: Next)
        /// In a year whose dates no notice gives: whether it is inside a window is not known.
        case notPublished(year: Int)
    }

    /// The windows.
    public let windows: PlanWindows
    /// The day the case was accepted.
    public let accepted: CalendarDate
    /// Where it falls.
    public let state: State

    /// Whether the case is accepted outside every window; `nil` when the year's dates
    /// are not known.
    public var outside: Bool? {
        switch state {
        case .open: false
        case .closed: true
        case .notPublished: nil
        }
    }

    /// Where `accepted` falls among `windows`.
    public init(windows: PlanWindows, accepted: CalendarDate) {
        self.windows = windows
        self.accepted = accepted
        let list = windows.windows
        guard let thisYear = Self.occurrences(of: list, in: accepted.year) else {
            state = .notPublished(year: accepted.year)
            return
        }
        if let open = thisYear.first(where: { $0.days.contains(accepted) }) {
            state = .open(open)
        } else if let later = thisYear.first(where: { $0.days.lowerBound > accepted }) {
            state = .closed(next: .opens(later))
        } else if let first = Self.occurrences(of: list, in: accepted.year + 1)?.first {
            state = .closed(next: .opens(first))
        } else {
            state = .closed(next: .notPublished(year: accepted.year + 1))
        }
    }

    /// The windows of `plan` for a case accepted on `accepted`.
    public static func all(of plan: Plan, accepted: CalendarDate) -> [WindowOpening] {
        plan.windows.map { WindowOpening(windows: $0, accepted: accepted) }
    }

    /// The windows of `year` in the order they open: the year's own dates when `list`
    /// has any, else those of every year; `nil` when it has neither.
    public static func occurrences(of list: [ApplicationWindow], in year: Int) -> [Occurrence]? {
        let own = list.filter { $0.dates.value.year == year }
        let chosen = own.isEmpty ? list.filter { $0.dates.value.year == nil } : own
        let found = chosen.compactMap { window in
            window.dates.value.days(in: year).map { Occurrence(window: window, days: $0) }
        }
        guard !found.isEmpty else { return nil }
        return found.sorted { $0.days.lowerBound < $1.days.lowerBound }
    }
}
