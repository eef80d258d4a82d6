import Foundation
import OneThing
import OneThingPlan
import Testing

/// Time the law does not count (`not-counted:`, 行政许可法 §45): the promise checks and
/// the reform figures leave it out, the dates the applicant is shown include it. Read
/// from the valid fixture with a period added to its first item, and from
/// `bundles/business-deregistration.yaml`, whose 公示 (市场主体登记管理条例 §33) is one.
struct UncountedTimeTests {
    /// The valid fixture (register 1 workday → tobacco 5, promise 10) with `notCounted`
    /// written under `register`.
    static func fixture(_ notCounted: String) throws -> BundleLoader.Loaded {
        try LegalLimitDecodingTests.loaded("    legal: 3 workdays\n" + notCounted)
    }

    static let expertReview = """
            not-counted: {name: 专家评审, at-most: 15 workdays, basis: 中华人民共和国行政许可法 第四十五条}

        """

    @Test func aMappingAndAListAreRead() throws {
        let one = try #require(try Self.fixture(Self.expertReview).bundle.item("register"))
        let time = try #require(one.notCounted.first)
        #expect(one.notCounted.count == 1)
        #expect(time.name == "专家评审")
        #expect(time.bound == .atMost)
        #expect(time.period.value == TimeLimit(15, .workdays))
        #expect(time.basis.map(\.cited) == ["中华人民共和国行政许可法 第四十五条"])
        let two = try #require(
            try Self.fixture(
                """
                    not-counted:
                      - {name: 听证, lasts: 20 days, basis: 中华人民共和国行政许可法 第四十七条}
                      - {name: 专家评审, at-most: 15 workdays, basis: 中华人民共和国行政许可法 第四十五条}

                """
            ).bundle.item("register"))
        #expect(two.notCounted.map(\.name) == ["听证", "专家评审"])
        #expect(two.notCounted.map(\.bound) == [.lasts, .atMost])
    }

    /// 15 working days of review on top of a promise of 1 would break the bundle's
    /// promise of 10 were they promised time; not counted, the worst case is 1 → 5 = 6.
    @Test func thePromiseIsCheckedWithoutTheTimeNotCounted() throws {
        let loaded = try Self.fixture(Self.expertReview)
        let plan = try loaded.builder.worstCasePlan()
        #expect(plan.criticalPath.workdays == 6)
        let valid = try String(
            contentsOf: FeeDecodingTests.fixtures.appendingPathComponent("valid.yaml"), encoding: .utf8)
        let text = valid.replacingOccurrences(
            of: "    legal: 3 workdays\n", with: "    legal: 3 workdays\n" + Self.expertReview)
        let report = Validator(options: .init(parallel: false)).validate(
            bytes: Array(text.utf8), name: "uncounted.yaml", catalogue: loaded.catalogue)
        #expect(!report.diagnostics.contains { $0.code == .promiseBrokenInWorstCase })
        #expect(!report.diagnostics.contains { $0.code == .promiseExceedsLegal })
    }

    /// The rule of the figures: time not counted is on neither side. Before, the legal
    /// limits (3 + 20) leave it out as the law does; after, the critical path of the
    /// promises (1 → 5) leaves it out as the promise does.
    @Test func theReformFiguresCountNoTimeNotCounted() throws {
        let plan = try Self.fixture(Self.expertReview).builder.worstCasePlan()
        let figures = ReformFigures(plan: plan)
        #expect(figures.workdays.before == 23)
        #expect(figures.workdays.after == 6)
        let without = try LegalLimitDecodingTests.loaded("    legal: 3 workdays\n").builder.worstCasePlan()
        #expect(ReformFigures(plan: without).workdays == figures.workdays)
    }

    static func deregistration(start: String) throws -> (Plan, Schedule) {
        let path = PublishedFiguresTests.root.appendingPathComponent("bundles/business-deregistration.yaml")
            .path
        guard case .loaded(let loaded) = try BundleLoader.load(path: path) else {
            throw LegalLimitDecodingTests.LoadFailure(
                legal: "bundles/business-deregistration.yaml is not valid")
        }
        let text = """
            entity.type: enterprise
            deregistration.simple_requested: true
            company.excluded_from_simple: false
            company.social_insurance: true
            company.housing_fund: false
            company.customs_registered: false
            """
        let answers = try AnswersSource.document(Array(text.utf8), name: "answers.yaml", syntax: .yaml)
            .resolve(for: loaded.bundle)
        let plan = try loaded.builder.plan(for: answers.answers, missingAt: answers.missingAt)
        let accepted = try #require(CalendarDate(start))
        return (
            plan,
            try Schedule(plan: plan, calendar: loaded.catalogue.calendar(region: "CN"), accepted: accepted)
        )
    }

    /// Accepted Monday 2026-01-26: the 20-day 公示 ends on 02-15, in the Spring Festival
    /// holiday, so on 02-24; the registration is due the next working day, 02-25. What the
    /// limits count (清税 10 → 登记 1) ends on 02-10, the promise of 11 working days too: the
    /// promise is kept, and the date the applicant is told moves with the 公示 to 02-25.
    @Test func theDatesIncludeThePublicNoticeAndThePromiseIsKeptWithoutIt() throws {
        let (plan, schedule) = try Self.deregistration(start: "2026-01-26")
        let notice = try #require(plan.bundle.items.firstIndex { $0.id.value == "simple-public-notice" })
        #expect(plan.criticalPath.workdays == 11)
        #expect(schedule.times.itemFinish[notice]?.date == CalendarDate("2026-02-24"))
        #expect(schedule.delivery == CalendarDate("2026-02-25"))
        #expect(schedule.countedDelivery == CalendarDate("2026-02-10"))
        #expect(schedule.countedPromisedBy == CalendarDate("2026-02-10"))
        #expect(schedule.promisedBy == CalendarDate("2026-02-25"))
        #expect(schedule.keepsPromise)
        #expect(schedule.uncountedOnCriticalPath(of: plan.bundle).map(\.name) == ["简易注销公示"])
    }

    @Test func theApplicantReadsWhatIsNotCounted() throws {
        let (plan, schedule) = try Self.deregistration(start: "2026-01-26")
        let included = try #require(UncountedTime.included(schedule.uncountedOnCriticalPath(of: plan.bundle)))
        #expect(included.zh == "已含不计入办理时限的简易注销公示20日")
        #expect(included.en == "including 简易注销公示 (20 days), which the time limits do not count")
    }
}
