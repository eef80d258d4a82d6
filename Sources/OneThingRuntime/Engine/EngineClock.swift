import Foundation
import OneThingModel

/// The engine's source of time, injected: live in production, virtual in tests and
/// simulation.
public protocol EngineClock: Sendable {
    /// The time now, in working days since the runtime's epoch.
    var now: WorkTime { get }
}

/// A clock that moves only when told to: for tests and simulation.
public final class VirtualClock: EngineClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: WorkTime

    /// A virtual clock at `start`.
    public init(start: WorkTime = 0) {
        self.current = start
    }

    /// The time now.
    public var now: WorkTime { lock.withLock { current } }

    /// Moves the clock to `time` (never backwards).
    public func advance(to time: WorkTime) {
        lock.withLock { current = max(current, time) }
    }
}

/// Wall time on the working-day calendar: the number of working days from the
/// calendar's first covered day up to today, plus the part of today's working hours
/// (09:00–17:00, China Standard Time) that has passed. Outside working hours the clock
/// stands still, as time limits do.
public struct LiveClock: EngineClock {
    /// The calendar.
    public let calendar: WorkdayCalendar
    /// The first working day the clock counts from.
    public let epoch: CalendarDate

    /// A live clock on `calendar`, counting from the first day it covers.
    public init(calendar: WorkdayCalendar) {
        self.calendar = calendar
        self.epoch = CalendarDate(year: calendar.years.first ?? 2025, month: 1, day: 1)!
    }

    /// The time now.
    public var now: WorkTime { time(at: Date()) }

    /// The work time at a wall-clock instant.
    public func time(at date: Date) -> WorkTime {
        let seconds = date.timeIntervalSince1970 + 8 * 3600  // China Standard Time, no daylight saving
        let dayNumber = Int((seconds / 86_400).rounded(.down))
        let day = CalendarDate(dayNumber: dayNumber)
        let hour = (seconds - Double(dayNumber) * 86_400) / 3600
        guard let before = try? calendar.workdays(from: epoch, through: day.adding(days: -1)) else {
            return 0
        }
        let working = (try? calendar.isWorkday(day)) ?? false
        let fraction = working ? min(max((hour - 9) / 8, 0), 1) : 0
        return Double(before) + fraction
    }
}
