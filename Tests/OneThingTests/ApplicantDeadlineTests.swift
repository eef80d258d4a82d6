import Foundation
import OneThing
import OneThingPlan
import Testing

/// The applicant's deadlines of `bundles/newborn.yaml`: 户口登记条例 §7's one month from
/// the day of birth, counted on the 2026 calendar, in the plan (the notice:
/// `DeadlineNoticeTests`).
struct ApplicantDeadlineTests {
    static func loaded() throws -> BundleLoader.Loaded {
        let path = PublishedFiguresTests.root.appendingPathComponent("bundles/newborn.yaml").path
        guard case .loaded(let loaded) = try BundleLoader.load(path: path) else {
            throw LegalLimitDecodingTests.LoadFailure(legal: "bundles/newborn.yaml is not valid")
        }
        return loaded
    }

    /// The plan for a child born on `born`, registering in the province or not.
    static func plan(born: String, inProvince: Bool = true) throws -> (Plan, BundleLoader.Loaded) {
        let loaded = try loaded()
        let text = """
            child.birth_date: \(born)
            parents.married: true
            hukou.in_province: \(inProvince)
            card.issue_mode: instant
            vaccination.first_dose: true
            maternity.reimburse: false
            services.parenting_guidance: false
            """
        let answers = try AnswersSource.document(Array(text.utf8), name: "answers.yaml", syntax: .yaml)
            .resolve(for: loaded.bundle)
        return (try loaded.builder.plan(for: answers.answers, missingAt: answers.missingAt), loaded)
    }

    static func dates(born: String, accepted: String, inProvince: Bool = true) throws -> [DeadlineDate] {
        let (plan, loaded) = try plan(born: born, inProvince: inProvince)
        let accepted = try #require(CalendarDate(accepted))
        return DeadlineDate.all(
            of: plan, calendar: loaded.catalogue.calendar(region: "CN"), accepted: accepted)
    }

    /// Born 2026-01-20: a month later is 2026-02-20, inside the Spring Festival holiday
    /// (02-15 to 02-23), so the last day is the next working day, 02-24.
    @Test func aMonthFromTheBirthThatEndsInAHolidayEndsOnTheNextWorkingDay() throws {
        let dates = try Self.dates(born: "2026-01-20", accepted: "2026-02-24")
        let date = try #require(dates.first)
        #expect(dates.count == 1)
        #expect(date.deadline.deadline.id.value == "birth-report")
        #expect(date.due == CalendarDate("2026-02-24"))
        #expect(date.passed == false)
    }

    @Test func aCaseAcceptedAfterTheLastDayIsToldSo() throws {
        let date = try #require(try Self.dates(born: "2026-01-20", accepted: "2026-02-25").first)
        #expect(date.passed == true)
    }

    @Test func aDeadlineWhoseConditionDoesNotHoldIsNotThere() throws {
        #expect(try Self.dates(born: "2026-01-20", accepted: "2026-02-24", inProvince: false).isEmpty)
    }

    @Test func aBirthDateBeforeTheCalendarsYearsGivesTheRuleWithoutADay() throws {
        let date = try #require(try Self.dates(born: "2019-05-01", accepted: "2026-03-02").first)
        #expect(date.due == nil)
        #expect(date.passed == nil)
    }
}
