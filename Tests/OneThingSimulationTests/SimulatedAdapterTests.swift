import Foundation
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// The one sampler of simulated departments, the simulated and manual adapters, and the
/// journal of what they received.
struct SimulatedAdapterTests {
    static let sent = RuntimeFixtures.at("2026-12-03 09:00")

    static func submission(_ caseID: String = "c1", attempt: Int = 1) throws -> Submission {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        let step = try #require(blueprint.stepIndex("food-permit"))
        var submission = Submission(
            caseID: caseID, step: step, of: blueprint, attempt: attempt,
            due: RuntimeFixtures.at("2026-12-12 00:00"))
        submission.sentAt = sent
        return submission
    }

    static func adapter(_ settings: SimulationSettings = SimulationSettings(), seed: UInt64 = 7) throws
        -> SimulatedAdapter
    {
        SimulatedAdapter(
            sampler: DepartmentSampler(settings: settings, seed: seed),
            calendar: try RuntimeFixtures.calendar())
    }

    static func drain(_ adapter: SimulatedAdapter) -> [Happening] {
        var all: [Happening] = []
        while let next = adapter.takeDue(by: Timestamp(milliseconds: .max)) { all.append(next) }
        return all
    }

    /// Departments whose calls never fail (a failing call waits for its failure to be delivered).
    static var reliable: SimulationSettings {
        var settings = SimulationSettings()
        settings.defaults.errors = 0
        settings.defaults.timeouts = 0
        return settings
    }

    @Test func aKeysFateDependsOnlyOnTheSeedAndTheKey() async throws {
        let submissions = try (1...20).map { try Self.submission("c\($0)") }
        let a = try Self.adapter(Self.reliable)
        let b = try Self.adapter(Self.reliable)
        for submission in submissions { try await a.submit(submission) }
        for submission in submissions.reversed() { try await b.submit(submission) }
        #expect(Self.drain(a) == Self.drain(b))
        let c = try Self.adapter(Self.reliable, seed: 8)
        for submission in submissions { try await c.submit(submission) }
        let d = try Self.adapter(Self.reliable)
        for submission in submissions { try await d.submit(submission) }
        #expect(Self.drain(c) != Self.drain(d))
    }

    @Test func aReviewStartsAtOnceAndEndsAfterTheSampledShareOfTheLimitInOfficeHours() async throws {
        var settings = SimulationSettings()
        settings.defaults = SimulatedDepartment(
            latency: Triangular(min: 0.5, mode: 0.5, max: 0.5), rejection: 0, supplement: 0, errors: 0,
            timeouts: 0)
        let adapter = try Self.adapter(settings)
        try await adapter.submit(try Self.submission())
        let happenings = Self.drain(adapter)
        #expect(happenings.map(\.kind) == [.outcome(.inReview), .outcome(.approved)])
        // Half of 6 working days is 24 office hours from Thursday 09:00: three office
        // days, Thu, Fri and Mon, so Monday 17:00.
        #expect(happenings.map(\.at) == [Self.sent, RuntimeFixtures.at("2026-12-07 17:00")])
    }

    @Test func takingEverythingDueAtOnceGivesWhatTakingOneByOneGivesInTheSameOrder() async throws {
        let submissions = try (1...30).map { try Self.submission("c\($0)") }
        let one = try Self.adapter(Self.reliable)
        let all = try Self.adapter(Self.reliable)
        for submission in submissions {
            try await one.submit(submission)
            try await all.submit(submission)
        }
        let expected = Self.drain(one)
        let moment = expected[expected.count / 2].at
        let due = expected.filter { $0.at <= moment }
        #expect(all.takeAllDue(by: moment, limit: 5) == Array(due.prefix(5)))
        #expect(all.takeAllDue(by: moment, limit: .max) == Array(due.dropFirst(5)))
        #expect(all.takeAllDue(by: moment, limit: .max).isEmpty)
        #expect(all.nextDue == expected.first { $0.at > moment }?.at)
        #expect(Self.drain(all) == expected.filter { $0.at > moment })
    }

    @Test func theSameKeyTwiceIsOneSubmissionWithOneFate() async throws {
        let adapter = try Self.adapter(Self.reliable, seed: 3)
        try await adapter.submit(try Self.submission())
        try await adapter.submit(try Self.submission())
        #expect(adapter.submissions == ["c1/food-permit/1", "c1/food-permit/1"])
        #expect(Self.drain(adapter).filter { $0.kind == .outcome(.inReview) }.count == 1)
    }

    @Test func aFailingSubmissionWaitsUntilItsFailureIsDelivered() async throws {
        var settings = SimulationSettings()
        settings.defaults.errors = 1
        let adapter = try Self.adapter(settings, seed: 1)
        let submission = try Self.submission()
        let call = Task { () -> AdapterError? in
            do throws(AdapterError) {
                try await adapter.submit(submission)
                return nil
            } catch {
                return error
            }
        }
        while !adapter.hasReceived("c1/food-permit/1") { await Task.yield() }
        let failure = try #require(adapter.takeDue(by: Self.sent))
        #expect(failure.kind == .failure(reason: "simulated error"))
        let engine = Engine(
            store: InMemoryEventStore(), adapters: AdapterDirectory(fallback: adapter),
            clock: VirtualClock(start: Self.sent), calendars: ["CN": try RuntimeFixtures.calendar()])
        try await adapter.deliver(failure, to: engine)
        #expect(await call.value == AdapterError("simulated error"))
        #expect(adapter.isFailing("c1/food-permit/1"))
    }

    @Test func aCancelledSubmissionHasNothingMoreToSay() async throws {
        let adapter = try Self.adapter(Self.reliable, seed: 3)
        try await adapter.submit(try Self.submission())
        try await adapter.cancel(try Self.submission())
        #expect(adapter.nextDue == nil)
    }

    @Test func aPolledSubmissionAfterARestartFollowsItsOwnFate() async throws {
        let adapter = try Self.adapter(Self.reliable, seed: 3)
        let fresh = try Self.adapter(Self.reliable, seed: 3)
        #expect(try await adapter.poll(try Self.submission()) == nil)
        try await fresh.submit(try Self.submission())
        #expect(adapter.submissions == ["c1/food-permit/1"])
        #expect(Self.drain(adapter) == Self.drain(fresh))
    }

    @Test func samplesStayWithinTheBoundsWhateverTheSettings() throws {
        var settings = SimulationSettings()
        settings.defaults.latencyDays = Triangular(min: 1e17, mode: 1e17, max: 1e17)
        let sampler = DepartmentSampler(settings: settings, seed: 1)
        let fate = sampler.fate(
            of: try Self.submission(), limit: TimeLimit(6, .workdays), on: try RuntimeFixtures.calendar())
        // An absurd latency is cut to the longest the sampler allows (ten years of
        // working days), which the calendar still covers provisionally: no trap.
        let calendar = try RuntimeFixtures.calendar()
        let sent = Self.sent
        let longest = try calendar.adding(workingDays: DepartmentSampler.longestWorkingDays, to: sent)
        #expect(fate.count == 2)
        #expect(fate.last.map { $0.at <= longest } == true)
        #expect(fate.last.map { $0.at > sent } == true)
    }

    @Test func anAnswerBeyondTheCalendarIsAFailureOfTheCall() throws {
        var settings = SimulationSettings()
        settings.defaults.latencyDays = Triangular(min: 300, mode: 300, max: 300)
        let sampler = DepartmentSampler(settings: settings, seed: 1)
        // A calendar of one year's notice only: three hundred working days run off it.
        let loaded = try RuntimeFixtures.loaded("open-restaurant.yaml")
        let only2026 = loaded.catalogue.calendarYears.filter { $0.region == "CN" && $0.year == 2026 }
        let short = WorkdayCalendar(region: "CN", arrangements: only2026.map(\.arrangement))
        let fate = sampler.fate(of: try Self.submission(), limit: TimeLimit(6, .workdays), on: short)
        #expect(fate.count == 1)
        if case .failure(let reason) = fate.first?.kind {
            #expect(reason.contains("beyond the calendar"))
        } else {
            Issue.record("expected a failure, got \(fate)")
        }
    }

    @Test func aManualDepartmentOnlyRecordsAndWaits() async throws {
        let adapter = ManualAdapter()
        try await adapter.submit(try Self.submission())
        #expect(adapter.hasReceived("c1/food-permit/1"))
        #expect(adapter.waiting.map(\.key) == ["c1/food-permit/1"])
        #expect(try await adapter.poll(try Self.submission()) == nil)
        try await adapter.cancel(try Self.submission())
        #expect(adapter.waiting.isEmpty)
        #expect(adapter.submissions == ["c1/food-permit/1"])
    }

    @Test func theJournalKeepsEveryKeyOnItsOwnLine() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("c0/cut-sh".utf8).write(to: URL(fileURLWithPath: path))  // a line cut short by a crash
        let journal = try AdapterJournal(path: path)
        let adapter = SimulatedAdapter(
            sampler: DepartmentSampler(settings: Self.reliable, seed: 1),
            calendar: try RuntimeFixtures.calendar(),
            journal: journal)
        try await adapter.submit(try Self.submission())
        try await ManualAdapter(journal: journal).submit(try Self.submission("c2"))
        #expect(AdapterJournal.keys(at: path) == ["c0/cut-sh", "c1/food-permit/1", "c2/food-permit/1"])
    }
}
