import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// Simulated departments decide the results a step produces: the assessment of
/// `bundles/disability-services.yaml` draws a grade among those declared, the same for
/// the same seed, so a simulated case runs the allowance steps or finds them not needed.
struct ResultDrawTests {
    static let start = CalendarDate(year: 2026, month: 3, day: 2)!

    static func blueprint() throws -> CaseBlueprint { try AssessedCase.blueprint() }

    /// The grade the assessment's approval draws for case `caseID` under `seed`.
    static func grade(seed: UInt64, caseID: String = "c1") throws -> String? {
        let blueprint = try blueprint()
        let step = try #require(blueprint.stepIndex("disability-assessment"))
        var submission = Submission(
            caseID: caseID, step: step, of: blueprint, attempt: 1, due: RuntimeFixtures.at("2026-03-20 00:00")
        )
        submission.sentAt = RuntimeFixtures.at("2026-03-03 09:00")
        let sampler = DepartmentSampler(settings: SimulationSettings(defaults: .instant), seed: seed)
        let fate = sampler.fate(of: submission, limit: submission.limit, on: try RuntimeFixtures.calendar())
        return fate.last?.results["assessment-result"]
    }

    @Test func anApprovalDrawsADeclaredGradeTheSameForTheSameSeed() throws {
        var grades: [String] = []
        for seed in UInt64(1)...40 {
            let grade = try #require(try Self.grade(seed: seed))
            #expect(try Self.grade(seed: seed) == grade)
            grades.append(grade)
        }
        #expect(Set(grades) == ["one", "two", "three", "four"])
    }

    @Test func aStepThatDecidesNoResultDrawsNone() throws {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        let step = try #require(blueprint.stepIndex("food-permit"))
        var submission = Submission(
            caseID: "c1", step: step, of: blueprint, attempt: 1, due: RuntimeFixtures.at("2026-12-12 00:00"))
        submission.sentAt = RuntimeFixtures.at("2026-12-03 09:00")
        let sampler = DepartmentSampler(settings: SimulationSettings(defaults: .instant), seed: 1)
        let fate = sampler.fate(of: submission, limit: submission.limit, on: try RuntimeFixtures.calendar())
        #expect(!fate.isEmpty && fate.allSatisfy { $0.results.isEmpty })
    }

    @Test func simulatedCasesAreCompletedWithTheAllowancesDoneOrNotNeededByTheGrade() throws {
        let blueprint = try Self.blueprint()
        let nursing = try #require(blueprint.stepIndex("nursing-subsidy"))
        let simulation = Simulation(
            blueprint: blueprint, calendar: try RuntimeFixtures.calendar(), start: Self.start,
            settings: SimulationSettings(defaults: .instant), seed: 7)
        var grades: [String: String] = [:]
        var nursingEnds: [String: CaseEvent.Kind] = [:]
        let report = try simulation.run(cases: 40) { batch in
            for event in batch {
                if case .resultRecorded(_, let results) = event.kind {
                    grades[event.caseID] = results["assessment-result"]
                }
                if event.kind == .notNeeded(step: nursing) || event.kind == .approved(step: nursing) {
                    nursingEnds[event.caseID] = event.kind
                }
            }
        }
        #expect(report.outcomes == ["completed": 40])
        #expect(grades.count == 40 && nursingEnds.count == 40)
        for (id, grade) in grades {
            let applies = grade == "one" || grade == "two"
            #expect(nursingEnds[id] == (applies ? .approved(step: nursing) : .notNeeded(step: nursing)))
        }
        #expect(Set(nursingEnds.values).count == 2)
    }
}
