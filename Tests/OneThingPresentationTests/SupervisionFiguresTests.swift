import Foundation
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// Small hand-made histories of a bundle of three steps, one for each rule of the
/// supervision figures (督办).
struct SupervisionFiguresTests {
    /// Step 0 `permit` at the lead department (needs the deferred material `rules`),
    /// step 1 `drainage` at the water office, step 2 `sign` after the permit.
    static let blueprint = CaseBlueprint(
        bundle: "demo", version: "1.0.0", title: "示例一件事", lead: "market", supervisor: "government-services",
        stopAllOnRejection: false,
        steps: [
            .init(
                id: "permit", name: "经营许可", department: "market", limit: TimeLimit(3, .workdays),
                predecessors: [], successors: [2], deferred: ["rules"]),
            .init(
                id: "drainage", name: "排水许可", department: "water", limit: TimeLimit(2, .workdays),
                predecessors: [], successors: []),
            .init(
                id: "sign", name: "招牌设置", department: "city", limit: TimeLimit(1, .workdays),
                predecessors: [0], successors: []),
        ],
        deferredDeadlines: ["rules": TimeLimit(4, .workdays)], core: ["id-card"],
        promise: TimeLimit(5, .workdays),
        departments: [
            "market": .init(zh: "市场监督管理局", en: "Market Regulation"), "water": .init(zh: "水务局"),
            "city": .init(zh: "城市管理局", en: "City Management"),
            "government-services": .init(zh: "政务服务管理局", en: "Government Services"),
        ],
        materials: ["rules": "食品安全规章制度", "id-card": "身份证"])

    /// The end of `date`: a due moment.
    static func end(_ date: String) -> Timestamp {
        WorkdayCalendar.end(of: CalendarDate(date) ?? CalendarDate(year: 2000, month: 1, day: 1)!)
    }

    static func at(_ text: String) -> Timestamp { RuntimeFixtures.at(text) }

    /// A case's events, written one by one.
    struct History {
        let id: CaseID
        var events: [CaseEvent] = []

        /// A case of the blueprint started and accepted on 2026-03-02 09:00 (a Monday),
        /// promised by the end of 2026-03-09, its deferred `rules` due by the end of 03-06.
        init(_ id: CaseID = "C20260302-0001", accepted: Bool = true) {
            self.id = id
            add("2026-03-02 09:00", .started(RuntimeFixtures.start(for: SupervisionFiguresTests.blueprint)))
            if accepted {
                add(
                    "2026-03-02 09:00",
                    .intake(
                        .accepted(
                            promisedBy: SupervisionFiguresTests.end("2026-03-09"),
                            deferred: [
                                DeferredMaterial(
                                    material: "rules", dueBy: SupervisionFiguresTests.end("2026-03-06"))
                            ])))
            } else {
                add("2026-03-02 09:00", .intake(.rejectedIncomplete(missing: ["id-card"])))
                add("2026-03-02 09:00", .delivered(outputs: [], outcome: .notAccepted))
            }
        }

        mutating func add(_ moment: String, _ kind: CaseEvent.Kind) {
            events.append(
                CaseEvent(
                    caseID: id, sequence: events.count + 1, at: SupervisionFiguresTests.at(moment), kind: kind
                ))
        }

        /// Sends both parallel steps at acceptance: the permit due by the end of 03-05,
        /// drainage by the end of 03-04.
        mutating func dispatchBoth() {
            let end = SupervisionFiguresTests.end
            add(
                "2026-03-02 09:00",
                .dispatched(step: 0, attempt: 1, key: "\(id)/permit/1", due: end("2026-03-05")))
            add(
                "2026-03-02 09:00",
                .dispatched(step: 1, attempt: 1, key: "\(id)/drainage/1", due: end("2026-03-04")))
        }

        var state: CaseState {
            get throws { try CaseState(id: id, blueprint: SupervisionFiguresTests.blueprint, events: events) }
        }
    }

    static let march = SupervisionPeriod(
        from: CalendarDate(year: 2026, month: 3, day: 1)!,
        through: CalendarDate(year: 2026, month: 3, day: 31)!)

    static func figures(_ histories: [History], now: String, dueSoon: Int = 2) throws -> SupervisionFigures {
        SupervisionFigures(
            cases: try histories.map { try $0.state }, calendars: ["CN": try RuntimeFixtures.calendar()],
            now: at(now), period: march, dueSoonWorkdays: dueSoon)
    }

    @Test func openTasksAreStepsSentAndNotFinishedByDepartment() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-02 10:00", .inReview(step: 1))
        let figures = try Self.figures([history], now: "2026-03-04 10:00")
        #expect(figures.department("market")?.open == 1)
        #expect(figures.department("water")?.open == 1)
        // The sign waits for the permit: not yet sent, not a task of the city office.
        #expect(figures.department("city")?.open == 0)
        #expect(figures.department("market")?.name == .init(zh: "市场监督管理局", en: "Market Regulation"))
        #expect(figures.totals.open == 2)
        #expect(figures.totals.openCases == 1)
        #expect(figures.bundle("demo")?.openCases == 1)
    }

    @Test func dueSoonCountsWorkingDaysFromTodayThroughTheDueDate() throws {
        var history = History()
        history.dispatchBoth()
        // Wednesday 03-04: drainage is due today (0 working days left), the permit tomorrow (1).
        let two = try Self.figures([history], now: "2026-03-04 10:00", dueSoon: 2)
        #expect(two.department("water")?.dueSoon == 1)
        #expect(two.department("market")?.dueSoon == 1)
        let today = try Self.figures([history], now: "2026-03-04 10:00", dueSoon: 0)
        #expect(today.department("water")?.dueSoon == 1)
        #expect(today.department("market")?.dueSoon == 0)
        // On Monday 03-02 the permit is 3 working days away: not soon within 2.
        let monday = try Self.figures([history], now: "2026-03-02 10:00", dueSoon: 2)
        #expect(monday.department("market")?.dueSoon == 0)
        #expect(monday.department("water")?.dueSoon == 1)
        let risk = try #require(today.atRisk.first)
        #expect(risk.steps.map(\.step) == ["drainage"])
        #expect(risk.steps.first?.workdaysLeft == 0)
        #expect(risk.steps.first?.dueDate == "2026-03-04")
    }

    @Test func aStepIsOverdueFromItsDueMomentOn() throws {
        var history = History()
        history.dispatchBoth()
        let before = try Self.figures([history], now: "2026-03-04 23:59")
        #expect(before.department("water")?.overdue == 0)
        #expect(before.department("water")?.dueSoon == 1)
        let atDue = try Self.figures([history], now: "2026-03-05 00:00")
        #expect(atDue.department("water")?.overdue == 1)
        #expect(atDue.department("water")?.dueSoon == 0)
        #expect(atDue.totals.overdue == 1)
        let risk = try #require(atDue.atRisk.first)
        #expect(risk.steps.first?.overdue == true)
        #expect(risk.steps.first?.workdaysLeft == -1)
        // A moment that finishes exactly at the due moment is late, as the runtime's warning is.
        #expect(!CaseState.isOnTime(finishedAt: Self.end("2026-03-04"), due: Self.end("2026-03-04")))
        #expect(CaseState.isOnTime(finishedAt: Self.at("2026-03-04 23:59"), due: Self.end("2026-03-04")))
    }

    @Test func aStepWaitingForASupplementIsWithTheApplicantAndNeverOverdue() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-03 10:00", .supplementRequested(step: 1, note: "缺少排水图纸"))
        let figures = try Self.figures([history], now: "2026-03-10 10:00")
        let water = try #require(figures.department("water"))
        #expect(water.open == 1)
        #expect(water.withApplicant == 1)
        #expect(water.overdue == 0)
        #expect(water.dueSoon == 0)
        // The case is at risk for its permit and its promise, not for the paused drainage.
        let risk = try #require(figures.atRisk.first)
        #expect(risk.steps.map(\.step) == ["permit"])
        #expect(risk.promiseOverdue)
        #expect(figures.bundle("demo")?.overdueCases == 1)
    }

    @Test func aPostponedStepIsMeasuredAgainstItsMovedDueMoment() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-04 10:00", .supplementRequested(step: 1, note: "缺少排水图纸"))
        // The clock stood still on 03-05 and 03-06: due moves from the end of 03-04 to 03-06.
        history.add("2026-03-06 10:00", .supplementSupplied(step: 1, due: Self.end("2026-03-06")))
        history.add("2026-03-06 15:00", .approved(step: 1))
        let figures = try Self.figures([history], now: "2026-03-06 16:00")
        #expect(figures.department("water")?.steps == OnTimeRate(finished: 1, onTime: 1))
        #expect(figures.department("water")?.open == 0)
    }

    @Test func aRejectedStepIsFinishedAndACancelledOneIsNotCounted() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-06 10:00", .rejected(step: 0, reason: "经营场所不符合要求"))
        history.add("2026-03-06 10:00", .cancelled(step: 2, cause: 0))
        let figures = try Self.figures([history], now: "2026-03-06 11:00")
        let market = try #require(figures.department("market"))
        #expect(market.steps == OnTimeRate(finished: 1, onTime: 0))
        #expect(market.steps.late == 1)
        #expect(market.steps.rate == 0)
        #expect(figures.department("city")?.steps == OnTimeRate())
        #expect(figures.department("city")?.steps.rate == nil)
        #expect(figures.totals.steps == OnTimeRate(finished: 1, onTime: 0))
    }

    @Test func aStepThatFailedForAMissingDeferredMaterialIsNotCounted() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-04 10:00", .approvalHeld(step: 0, materials: ["rules"]))
        history.add("2026-03-07 00:00", .failed(step: 0, material: "rules"))
        let figures = try Self.figures([history], now: "2026-03-07 10:00")
        #expect(figures.department("market")?.steps == OnTimeRate())
        #expect(figures.department("market")?.open == 0)
    }

    @Test func aHeldApprovalWaitsForTheApplicantAndFinishesWhenIssued() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-04 10:00", .approvalHeld(step: 0, materials: ["rules"]))
        let held = try Self.figures([history], now: "2026-03-05 09:00")
        #expect(held.department("market")?.withApplicant == 1)
        #expect(held.department("market")?.open == 1)
        history.add("2026-03-05 10:00", .materialSupplied(material: "rules", late: false))
        history.add("2026-03-05 10:00", .approved(step: 0))
        let issued = try Self.figures([history], now: "2026-03-05 11:00")
        #expect(issued.department("market")?.steps == OnTimeRate(finished: 1, onTime: 1))
        #expect(issued.department("market")?.withApplicant == 0)
    }

    @Test func onlyWhatFinishedInThePeriodCounts() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-03 10:00", .approved(step: 1))
        history.add("2026-03-04 10:00", .approved(step: 0))
        let figures = try Self.figures([history], now: "2026-03-05 10:00")
        #expect(figures.totals.steps == OnTimeRate(finished: 2, onTime: 2))
        let fourth = SupervisionPeriod(
            from: CalendarDate(year: 2026, month: 3, day: 4)!,
            through: CalendarDate(year: 2026, month: 3, day: 4)!)
        let one = SupervisionFigures(
            cases: [try history.state], calendars: ["CN": try RuntimeFixtures.calendar()],
            now: Self.at("2026-03-05 10:00"), period: fourth)
        #expect(one.totals.steps == OnTimeRate(finished: 1, onTime: 1))
        #expect(one.department("market")?.steps.finished == 1)
        #expect(one.department("water")?.steps.finished == 0)
    }

    @Test func casesCountByDeliveryAgainstTheirPromise() throws {
        var onTime = History("C20260302-0001")
        onTime.add("2026-03-09 16:00", .delivered(outputs: ["licence"], outcome: .completed))
        var late = History("C20260302-0002")
        late.add("2026-03-10 09:30", .delivered(outputs: [], outcome: .refused))
        let notAccepted = History("C20260302-0003", accepted: false)
        let figures = try Self.figures([onTime, late, notAccepted], now: "2026-03-11 10:00")
        #expect(figures.bundle("demo")?.cases == OnTimeRate(finished: 2, onTime: 1))
        #expect(figures.bundle("demo")?.cases.rate == 0.5)
        #expect(figures.totals.cases == OnTimeRate(finished: 2, onTime: 1))
        #expect(figures.totals.openCases == 0)
        #expect(figures.atRisk.isEmpty)
    }

    @Test func escalationsSayWhoseStepWasLateAndWhoWasAskedToSupervise() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-06 00:00", .overdue(step: 1, due: Self.end("2026-03-04")))
        history.add("2026-03-06 00:00", .escalated(step: 1, to: "market"))
        history.add("2026-03-07 00:00", .escalated(step: 0, to: "government-services"))
        history.add("2026-03-09 10:00", .approved(step: 1))
        let figures = try Self.figures([history], now: "2026-03-09 11:00")
        #expect(
            figures.escalations == [
                EscalationRecord(
                    caseID: history.id, bundle: "demo", step: "drainage", name: "排水许可", from: "water",
                    to: "market", at: Self.at("2026-03-06 00:00"), due: Self.end("2026-03-04"), open: false),
                EscalationRecord(
                    caseID: history.id, bundle: "demo", step: "permit", name: "经营许可", from: "market",
                    to: "government-services", at: Self.at("2026-03-07 00:00"), due: Self.end("2026-03-05"),
                    open: true),
            ])
        #expect(figures.department("water")?.escalated == 1)
        #expect(figures.department("market")?.escalated == 1)
        #expect(figures.department("market")?.supervising == 1)
        #expect(figures.department("government-services")?.supervising == 1)
        #expect(figures.department("government-services")?.name?.zh == "政务服务管理局")
        #expect(figures.totals.escalations == 2)
        let april = SupervisionFigures(
            cases: [try history.state], calendars: [:], now: Self.at("2026-04-01 10:00"),
            period: SupervisionPeriod(
                from: CalendarDate(year: 2026, month: 4, day: 1)!,
                through: CalendarDate(year: 2026, month: 4, day: 30)!
            ))
        #expect(april.escalations.isEmpty)
    }

    @Test func aLaterDueMomentKeepsTheRecordOfAnEscalation() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-06 00:00", .escalated(step: 1, to: "market"))
        history.add(
            "2026-03-06 09:00", .dueChanged(step: 1, from: Self.end("2026-03-04"), to: Self.end("2026-03-12"))
        )
        let state = try history.state
        #expect(!state.steps[1].escalated)
        #expect(state.steps[1].escalations.map(\.to) == ["market"])
        let figures = try Self.figures([history], now: "2026-03-06 10:00")
        #expect(figures.escalations.count == 1)
        #expect(figures.department("water")?.overdue == 0)
    }

    @Test func theCasesAtRiskComeMostUrgentFirst() throws {
        var overdue = History("C20260302-0002")
        overdue.dispatchBoth()
        var soon = History("C20260302-0001")
        soon.add("2026-03-02 09:00", .dispatched(step: 1, attempt: 1, key: "k", due: Self.end("2026-03-06")))
        var comfortable = History("C20260302-0003")
        comfortable.add(
            "2026-03-02 09:00", .dispatched(step: 1, attempt: 1, key: "k", due: Self.end("2026-03-20")))
        comfortable.add(
            "2026-03-05 09:00",
            .dueChanged(step: nil, from: Self.end("2026-03-09"), to: Self.end("2026-03-20")))
        let figures = try Self.figures([soon, comfortable, overdue], now: "2026-03-05 10:00")
        #expect(figures.atRisk.map(\.caseID) == ["C20260302-0002", "C20260302-0001"])
        #expect(figures.atRisk.first?.steps.map(\.step) == ["drainage", "permit"])
        #expect(figures.atRisk.first?.steps.map(\.overdue) == [true, false])
        #expect(figures.atRisk.last?.workdaysLeft == 1)
    }

    @Test func theFiguresAreJSONWithStableFieldNames() throws {
        var history = History()
        history.dispatchBoth()
        history.add("2026-03-03 10:00", .approved(step: 1))
        let figures = try Self.figures([history], now: "2026-03-04 10:00")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(figures)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "schema", "now", "period", "dueSoonWorkdays", "totals", "departments", "bundles", "atRisk",
                "escalations",
            ])
        #expect(object["schema"] as? String == "onething-supervision/1")
        #expect(object["now"] as? String == "2026-03-04T02:00:00.000Z")
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"period\":{\"from\":\"2026-03-01\",\"through\":\"2026-03-31\"}"))
        #expect(
            json.contains(
                "{\"department\":\"city\",\"dueSoon\":0,\"escalated\":0,\"name\":{\"en\":\"City Management\",\"zh\":\"城市管理局\"},\"open\":0,\"overdue\":0,\"steps\":{\"finished\":0,\"late\":0,\"onTime\":0,\"rate\":null},\"supervising\":0,\"withApplicant\":0}"
            ))
        #expect(json.contains("\"steps\":{\"finished\":1,\"late\":0,\"onTime\":1,\"rate\":1}"))
        #expect(
            json.contains(
                "\"atRisk\":[{\"bundle\":\"demo\",\"caseID\":\"C20260302-0001\",\"lead\":\"market\",\"promiseOverdue\":false,\"promiseWorkdaysLeft\":3,\"promisedBy\":\"2026-03-09T16:00:00.000Z\",\"steps\":[{\"department\":\"market\",\"due\":\"2026-03-05T16:00:00.000Z\",\"dueDate\":\"2026-03-05\",\"escalated\":false,\"name\":\"经营许可\",\"overdue\":false,\"step\":\"permit\",\"workdaysLeft\":1}],\"title\":\"示例一件事\"}]"
            ))
        #expect(try JSONDecoder().decode(SupervisionFigures.self, from: data) == figures)
    }
}
