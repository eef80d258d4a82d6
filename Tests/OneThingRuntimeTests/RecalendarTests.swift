import OneThingRuntime
import OneThingTestSupport
import Testing

/// When a year's State Council notice replaces the provisional calendar, an open case's
/// due moments are counted again when it is loaded, and each that moved is recorded.
/// The restaurant's worst case is accepted on Thursday 2026-12-31 at 09:00; on the
/// provisional 2027 (元旦 on Friday 01-01 only) its registration (1 working day) is due
/// at the end of Monday 01-04.
struct RecalendarTests {
    static let accepted = RuntimeFixtures.at("2026-12-31 09:00")

    /// The shipped notices with a 2027 notice that also gives Monday 01-04 off.
    static func noticed2027() throws -> WorkdayCalendar {
        let loaded = try RuntimeFixtures.loaded("open-restaurant.yaml")
        var notices = loaded.catalogue.calendarYears.filter { $0.region == "CN" }.map(\.arrangement)
        let first = try #require(CalendarDate("2027-01-01"))
        let last = try #require(CalendarDate("2027-01-04"))
        notices.append(WorkdayCalendar.Arrangement(year: 2027, holidays: [first...last], makeUpWorkdays: []))
        return WorkdayCalendar(region: "CN", notices: notices)
    }

    static func history() throws -> (events: [CaseEvent], blueprint: CaseBlueprint) {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: accepted)
        return (runtime.takeOutbox(), blueprint)
    }

    @Test func theProvisionalCalendarIsWhatTheCaseStartedOn() throws {
        #expect(try RuntimeFixtures.calendar().isProvisional(year: 2027))
        #expect(try !Self.noticed2027().isProvisional(year: 2027))
        let (events, _) = try Self.history()
        #expect(
            events.contains {
                $0.kind
                    == .dispatched(
                        step: 0, attempt: 1, key: "c1/business-registration/1",
                        due: RuntimeFixtures.at("2027-01-05 00:00"))
            })
    }

    @Test func aNoticeThatMovesTheDatesIsRecordedWithTheOldAndNewDate() throws {
        let (events, blueprint) = try Self.history()
        var runtime = CaseRuntime(calendars: ["CN": try Self.noticed2027()], seed: 1)
        try runtime.restore(events, blueprint: blueprint, at: RuntimeFixtures.at("2027-01-02 10:00"))
        let changes = runtime.takeOutbox().map(\.kind)
        let registration = try #require(blueprint.stepIndex("business-registration"))
        #expect(
            changes.contains(
                .dueChanged(
                    step: registration, from: RuntimeFixtures.at("2027-01-05 00:00"),
                    to: RuntimeFixtures.at("2027-01-06 00:00"))))
        #expect(changes.contains { if case .dueChanged(nil, _, _) = $0 { true } else { false } })
        let state = try #require(runtime.cases["c1"])
        #expect(state.steps[registration].due == RuntimeFixtures.at("2027-01-06 00:00"))
        // The submission polled or sent again carries the new due moment.
        let resent = runtime.takeEffects().map(\.submission)
        #expect(
            resent.first { $0.stepID == "business-registration" }?.due
                == RuntimeFixtures.at("2027-01-06 00:00"))
    }

    @Test func theSameCalendarChangesNothing() throws {
        let (events, blueprint) = try Self.history()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try runtime.restore(events, blueprint: blueprint, at: RuntimeFixtures.at("2027-01-02 10:00"))
        #expect(!runtime.takeOutbox().contains { if case .dueChanged = $0.kind { true } else { false } })
    }

    @Test func theTimersFollowTheNewDueMoment() throws {
        let (events, blueprint) = try Self.history()
        var runtime = CaseRuntime(calendars: ["CN": try Self.noticed2027()], seed: 1)
        try runtime.restore(events, blueprint: blueprint, at: RuntimeFixtures.at("2027-01-02 10:00"))
        _ = runtime.takeOutbox()
        // Past the old due moment (end of 01-04), nothing is overdue yet.
        runtime.advance(to: RuntimeFixtures.at("2027-01-05 12:00"))
        let fired = runtime.takeOutbox().map(\.kind)
        #expect(!fired.contains { if case .overdue = $0 { true } else { false } })
        runtime.advance(to: RuntimeFixtures.at("2027-01-06 00:00"))
        #expect(runtime.takeOutbox().contains { if case .overdue = $0.kind { true } else { false } })
    }
}
