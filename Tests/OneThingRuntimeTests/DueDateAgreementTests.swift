import Foundation
import OneThing
import OneThingPlan
import OneThingRuntime
import OneThingTestSupport
import Testing

/// One time for everyone: for every real bundle, every test case and start dates across
/// the years, the due dates the runtime records are the dates the plan (and so the
/// notice, which prints the plan's schedule) gives, when every department takes its
/// full promised time: it answers at its due moment, or at 17:00 of its due date when
/// that is the end of the day. Hours that follow hours are due at the hour the plan
/// gives (company-setup's 4 + 2 + 2 hours end at 13:00, 15:00 and 17:00).
struct DueDateAgreementTests {
    /// What the runtime recorded of one case.
    struct Run {
        /// The due moment of each step, by step id.
        var due: [String: WorkingMoment] = [:]
        /// The case's promised date.
        var promisedBy: CalendarDate?
        /// The day the case was delivered.
        var delivered: CalendarDate?
    }

    /// Runs a case of `blueprint` accepted at 09:00 on `start` against departments that
    /// approve at each step's due moment, or at 17:00 of its due date when it is due at
    /// the end of the day.
    static func run(_ blueprint: CaseBlueprint, calendar: WorkdayCalendar, start: CalendarDate) throws -> Run
    {
        var runtime = CaseRuntime(calendars: ["CN": calendar])
        let everything = blueprint.core + blueprint.deferredDeadlines.keys.sorted()
        try runtime.start(
            "c", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint, provided: everything),
            at: Timestamp(china: start, hour: 9))
        var answers: [(at: Timestamp, key: String)] = []
        var run = Run()
        while true {
            for effect in runtime.takeEffects() {
                guard case .submit(let submission) = effect else { continue }
                let due = try calendar.moment(at: submission.due)
                run.due[submission.stepID] = due
                answers.append((min(submission.due, Timestamp(china: due.date, hour: 17)), submission.key))
            }
            for event in runtime.takeOutbox() {
                if case .intake(.accepted(let promisedBy, _)) = event.kind {
                    run.promisedBy = WorkdayCalendar.date(endingAt: promisedBy)
                }
                if case .delivered = event.kind { run.delivered = event.at.chinaDate }
            }
            guard let state = runtime.cases["c"], !state.isClosed else { break }
            answers.sort { ($0.at, $0.key) < ($1.at, $1.key) }
            guard !answers.isEmpty else {
                Issue.record("case of \(blueprint.bundle) accepted \(start) waits for nothing")
                break
            }
            let next = answers.removeFirst()
            runtime.report(.approved, for: next.key, at: next.at)
        }
        return run
    }

    /// The start dates: every fifth day of 2025, 2026 and the provisional 2027, and the
    /// days just before the Spring Festival and National Day holidays, when limits cross them.
    static var starts: [CalendarDate] {
        var days: [CalendarDate] = []
        guard let first = CalendarDate(year: 2025, month: 1, day: 1) else { return days }
        var day = first
        while day.year < 2028 {
            days.append(day)
            day = day.adding(days: 5)
        }
        for text in [
            "2025-01-24", "2025-01-27", "2025-09-26", "2025-09-30", "2026-02-12", "2026-02-13", "2026-09-24",
            "2026-09-30", "2027-02-03", "2027-02-04", "2027-09-29", "2027-09-30",
        ] {
            if let date = CalendarDate(text) { days.append(date) }
        }
        return days
    }

    static var bundles: [String] {
        let folder = RuntimeFixtures.root.appendingPathComponent("bundles").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func theBundlesAreFound() {
        #expect(Self.bundles.count >= 16)
    }

    @Test(arguments: bundles)
    func theRuntimesDueDatesAreThePlansForEveryTestCaseAndStart(bundle: String) throws {
        let loaded = try RuntimeFixtures.loaded(bundle)
        let calendar = loaded.catalogue.calendar(region: "CN")
        var compared = 0
        // A case that expects an error or "not eligible" has no plan to compare.
        for test in loaded.bundle.tests where test.expect.error == nil && test.expect.eligible?.value != false
        {
            let plan = try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
            let blueprint = CaseBlueprint(plan: plan, catalogue: loaded.catalogue)
            for start in Self.starts {
                // A plan that runs past the calendar's years has no schedule, and no case either.
                guard let schedule = try? Schedule(plan: plan, calendar: calendar, accepted: start) else {
                    continue
                }
                let run = try Self.run(blueprint, calendar: calendar, start: start)
                let label = "\(bundle) “\(test.name.value)” accepted \(start)"
                #expect(run.promisedBy == schedule.promisedBy, "\(label): the promise")
                for (index, finish) in schedule.times.itemFinish {
                    let id = plan.bundle.items[index].id.value
                    #expect(run.due[id] == finish, "\(label): \(id)")
                }
                for (index, finish) in schedule.times.inspectionFinish {
                    let id = plan.bundle.inspections[index].id.value
                    let step = blueprint.steps.first {
                        $0.kind == .inspection && $0.name == plan.bundle.inspections[index].name
                    }
                    #expect(run.due[step?.id ?? id] == finish, "\(label): joint inspection \(id)")
                }
                #expect(run.delivered == schedule.delivery, "\(label): delivery")
                compared += 1
            }
        }
        #expect(compared > 0)
    }
}
