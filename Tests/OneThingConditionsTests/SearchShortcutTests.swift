import OneThingModel
import Testing

@testable import OneThingConditions

@Suite("The search shortcut finds what the plain odometer finds")
struct SearchShortcutTests {
    static let lists: [[String]] = [
        ["venue.area_m2 >= 150", "venue.area_m2 >= 300", "business.kind == \"cafe\""],
        [
            "venue.area_m2 >= 150 and not business.prepackaged_only",
            "business.kind in [\"restaurant\", \"cafe\"] or has_alcohol",
            "has_alcohol and venue.area_m2 < 400", "seats > 10 or venue.headcount <= 3",
        ],
        [
            "applicant.name == applicant.phone", "applicant.name in [\"a\", \"b\"]",
            "applicant.phone != \"b\"",
        ],
        ["venue.area_m2 > venue.headcount", "venue.headcount > 20", "venue.area_m2 / venue.headcount < 2"],
        ["(venue.area_m2 > 100) == has_alcohol", "has_alcohol", "opening >= \"2025-10-01\""],
        ["opening in [\"2025-10-01\", \"2025-12-01\"]", "opening < \"2025-11-01\"", "floors > 30"],
        ["1 < 2", "false", "business.kind in []"],
        (0..<70).map { "venue.headcount >= \($0)" },
        (0..<66).map { $0 % 2 == 0 ? "seats > \($0)" : "has_alcohol and seats < \($0)" },
    ]

    func both(_ texts: [String], limit: Int = AnswerSpace.defaultLimit) -> (
        shortcut: (outcomes: [OutcomeSet.Outcome], summary: EnumerationSummary),
        plain: (outcomes: [OutcomeSet.Outcome], summary: EnumerationSummary)
    ) {
        let conditions = texts.map { Fixtures.checked($0) }
        let space = AnswerSpace(form: Fixtures.form, conditions: conditions)
        let slots = Set(conditions.flatMap { $0.references.map(\.slot) }).sorted()
        return (
            OutcomeSearch.outcomes(of: conditions, slots: slots, in: space, limit: limit),
            OutcomeSearch.outcomes(of: conditions, slots: slots, in: space, limit: limit, shortcut: false)
        )
    }

    @Test(arguments: lists)
    func theSameOutcomesInTheSameOrderWithTheSameExamples(texts: [String]) {
        let (shortcut, plain) = both(texts)
        #expect(shortcut.outcomes.map(\.holds) == plain.outcomes.map(\.holds))
        #expect(shortcut.outcomes.map(\.example) == plain.outcomes.map(\.example))
        #expect(shortcut.summary == plain.summary)
        #expect(Set(shortcut.outcomes.map(\.holds)).count == shortcut.outcomes.count)
        let conditions = texts.map { Fixtures.checked($0) }
        for outcome in shortcut.outcomes {
            #expect(conditions.map { $0.evaluate(outcome.example) } == outcome.holds)
        }
    }

    @Test(arguments: lists)
    func aSearchCutShortVisitsTheSameCombinations(texts: [String]) {
        let (_, full) = both(texts)
        let limit = max(full.summary.total / 3, 1)
        let (shortcut, plain) = both(texts, limit: limit)
        #expect(shortcut.outcomes.map(\.holds) == plain.outcomes.map(\.holds))
        #expect(shortcut.summary.visited == min(limit, full.summary.total))
        #expect(shortcut.summary.isExhaustive == (limit >= full.summary.total))
    }

    @Test(arguments: lists.joined())
    func satisfiabilityIsTheSameEitherWay(text: String) {
        let condition = Fixtures.checked(text)
        let space = AnswerSpace(form: Fixtures.form, conditions: [condition])
        let shortcut = OutcomeSearch.satisfiable(condition, in: space, limit: AnswerSpace.defaultLimit)
        let plain = OutcomeSearch.satisfiable(
            condition, in: space, limit: AnswerSpace.defaultLimit, shortcut: false)
        #expect(shortcut.found == plain.found)
        if !plain.found { #expect(shortcut.summary == plain.summary) }
    }

    @Test func representativesNoConditionTellsApartAreMerged() {
        let conditions = [Fixtures.checked("venue.area_m2 >= 150 or venue.area_m2 < 50")]
        let space = AnswerSpace(form: Fixtures.form, conditions: conditions)
        var texts = TextIDs()
        var search = SearchSpace(space, slots: [0], texts: &texts)
        #expect(search.values[0].count == 5)
        var programs = ProgramSet()
        programs.add(conditions[0].program, texts: &texts)
        search.merge(using: programs)
        // 49 (below 50), 50 (from 50 to below 150), 150 and above.
        #expect(search.kept == [[0, 1, 3]])
    }

    @Test func fieldsComparedWithEachOtherKeepEveryRepresentative() {
        let conditions = [Fixtures.checked("venue.area_m2 > venue.headcount")]
        let space = AnswerSpace(form: Fixtures.form, conditions: conditions)
        var texts = TextIDs()
        var search = SearchSpace(space, slots: [0, 1], texts: &texts)
        var programs = ProgramSet()
        programs.add(conditions[0].program, texts: &texts)
        search.merge(using: programs)
        #expect(search.kept == search.values.map { Array($0.indices) })
    }
}

@Suite("Outcome tables")
struct OutcomeTableTests {
    @Test func eachVectorIsNewOnce() {
        var table = OutcomeTable(words: 2)
        var added = 0
        for round in 0..<2 {
            for i in 0..<1000 {
                let key: [UInt64] = [UInt64(i % 37), UInt64(i / 37) << 40]
                if key.withUnsafeBufferPointer({ table.insert($0) }) { added += 1 }
            }
            #expect(added == 1000, "round \(round)")
        }
        #expect(table.count == 1000)
    }
}
