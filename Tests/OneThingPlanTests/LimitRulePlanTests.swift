import OneThingCalendar
import OneThingConditions
import OneThingModel
import OneThingPlan
import OneThingSource
import Testing

/// Promises and item limits chosen by rule: each applicant gets their own, in the plan,
/// the schedule, the worst case and the bundle's tests.
struct LimitRulePlanTests {
    static let text = """
        id: card
        title: 社保卡
        version: 1.0.0
        effective: 2025-01-01
        category: individual
        lead: hrss
        promise:
          - when: card.mode == "central"
            limit: 10 workdays
          - limit: 当场
        form:
          card.mode: {type: enum, label: 制卡方式, values: [instant, central]}
        items:
          accept:
            name: 受理
            department: hrss
            kind: public-service
            promised: 即办
          produce:
            name: 制卡
            department: hrss
            kind: certificate
            legal: 10 workdays
            promised:
              - when: card.mode == "central"
                limit: 10 workdays
              - limit: 当场
            after: [accept]
        """

    static func builder(_ text: String = text) throws -> PlanBuilder {
        let file = SourceFile(path: "card.yaml", text: text)
        let root = try #require(YAMLComposer.compose(file).root)
        let decoded = BundleDecoder.decode(root)
        #expect(decoded.diagnostics.isEmpty)
        let bundle = try #require(decoded.bundle)
        let span = SourceSpan.wholeFile("catalogue")
        let catalogue = Catalogue(departments: ["hrss": Department(id: Located("hrss", at: span), name: "人社")]
        )
        return try PlanBuilder(bundle: bundle, source: file, catalogue: catalogue)
    }

    static func plan(_ mode: String, _ builder: PlanBuilder? = nil) throws -> Plan {
        let span = SourceSpan.wholeFile("answers.yaml")
        let answer = Answer(
            field: "card.mode", node: .scalar(YAMLScalar(value: mode, style: .plain, span: span)), span: span)
        return try (builder ?? Self.builder()).plan(for: [answer], missingAt: span)
    }

    static func worstCase(_ builder: PlanBuilder) -> [Diagnostic] {
        let conditions = ConditionChecker(form: builder.bundle.form, file: builder.source).check(
            OwnedCondition.all(in: builder.bundle))
        return PromiseCheck.check(builder.bundle, conditions: conditions)
    }

    @Test func theBundleKeepsItsLongestPromiseAndItsRules() throws {
        let bundle = try Self.builder().bundle
        #expect(bundle.promise.value == TimeLimit(10, .workdays))
        #expect(
            bundle.promiseRules.map(\.limit.value) == [TimeLimit(10, .workdays), TimeLimit(0, .workdays)])
        #expect(bundle.items[1].promised.value == TimeLimit(10, .workdays))
        #expect(bundle.items[1].promisedRules.count == 2)
    }

    @Test func eachApplicantGetsTheirOwnPromiseAndLimits() throws {
        let instant = try Self.plan("instant")
        #expect(instant.promise == TimeLimit(0, .workdays))
        #expect(instant.promiseRule == 1)
        #expect(instant.promised(ofItem: 1) == TimeLimit(0, .workdays))
        #expect(instant.criticalPath.workdays == 0)
        let central = try Self.plan("central")
        #expect(central.promise == TimeLimit(10, .workdays))
        #expect(central.promiseRule == 0)
        #expect(central.promised(ofItem: 1) == TimeLimit(10, .workdays))
        #expect(central.criticalPath.workdays == 10)
    }

    @Test func theScheduleIsDueByTheApplicantsOwnPromise() throws {
        let calendar = WorkdayCalendar(
            region: "CN", arrangements: [.init(year: 2025, holidays: [], makeUpWorkdays: [])])
        let monday = try #require(CalendarDate("2025-03-03"))
        let instant = try Schedule(plan: Self.plan("instant"), calendar: calendar, accepted: monday)
        #expect(instant.promisedBy == monday)
        #expect(instant.keepsPromise)
        let central = try Schedule(plan: Self.plan("central"), calendar: calendar, accepted: monday)
        #expect(central.promisedBy == CalendarDate("2025-03-17"))
    }

    @Test func theWorstCaseHoldsEachApplicantToTheirOwnPromise() throws {
        #expect(Self.worstCase(try Self.builder()).isEmpty)
        // One working day to accept breaks the on-the-spot promise of a card made at
        // the window, though the longest promise (10) would cover it (a central card
        // made in 9 keeps its 10).
        let slow = Self.text.replacingOccurrences(of: "promised: 即办", with: "promised: 1 workday")
            .replacingOccurrences(
                of: "limit: 10 workdays\n      - limit: 当场\n    after",
                with: "limit: 9 workdays\n      - limit: 当场\n    after")
        let found = Self.worstCase(try Self.builder(slow))
        #expect(found.map(\.code) == [.promiseBrokenInWorstCase])
        let message = try #require(found.first?.message.en)
        #expect(message.contains("card.mode = \"instant\""))
    }
}
