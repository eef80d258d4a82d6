import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingServer
import OneThingTestSupport
import Testing

/// The bundles API: the list, one bundle with its form, validating an uploaded text,
/// and a plan with the one-time notice.
struct BundleRouteTests {
    @Test func theBundlesOfTheFolderAreListedAndOneComesWithItsForm() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let list = try await client.get("/v1/bundles")
            #expect(list.status == .ok)
            let bundles = try #require(try list.object()["bundles"] as? [[String: Any]])
            let files = try FileManager.default.contentsOfDirectory(
                atPath: RuntimeFixtures.root.appendingPathComponent("bundles").path
            ).filter { $0.hasSuffix(".yaml") }
            #expect(bundles.count == files.count)
            #expect(bundles.contains { $0["id"] as? String == "open-restaurant" })
            let one = try await client.get("/v1/bundles/open-restaurant")
            #expect(one.status == .ok)
            let detail = try one.object()
            let form = try #require(detail["form"] as? [[String: Any]])
            #expect(
                form.contains {
                    $0["id"] as? String == "business.has_licence" && $0["type"] as? String == "bool"
                })
            #expect((detail["materials"] as? [[String: Any]])?.isEmpty == false)
            // Each item says what the law sets: the limit's shape (市场主体登记管理条例 §19
            // for registration), or that it is not known.
            let items = try #require(detail["items"] as? [[String: Any]])
            let registration = try #require(items.first { $0["id"] as? String == "business-registration" })
            #expect(registration["legal-status"] as? String == "stated")
            #expect(registration["on-the-spot"] as? Bool == true)
            #expect(registration["grounds"] as? String == "情形复杂的，经登记机关负责人批准")
            #expect(registration["extendable-by"] != nil && registration["extendable-to"] == nil)
            #expect(items.contains { $0["legal-status"] as? String == "not-known" && $0["legal"] == nil })
            let newborn = try await client.get("/v1/bundles/newborn").object()
            let birth = try #require(
                (newborn["items"] as? [[String: Any]])?.first { $0["id"] as? String == "birth-registration" })
            #expect(birth["legal-status"] as? String == "none-by-law")
            #expect(birth["on-the-spot"] == nil)
            #expect((detail["eligibility"] as? [Any])?.isEmpty == true)
            let event = try await client.get("/v1/bundles/sports-event").object()
            let rules = try #require(event["eligibility"] as? [[String: Any]])
            #expect(rules.first?["check"] as? String == "event.attendance >= 1000")
            #expect((rules.first?["message"] as? [String: Any])?["zh"] is String)
            let formRules = try #require(event["formRules"] as? [[String: Any]])
            #expect(formRules.first?["check"] as? String == "event.end_date >= event.start_date")
            let death = try await client.get("/v1/bundles/after-death").object()
            let fields = try #require(death["form"] as? [[String: Any]])
            let benefits = try #require(fields.first { $0["id"] as? String == "deceased.benefits" })
            #expect(benefits["type"] as? String == "multi-choice")
            let injury = try #require(fields.first { $0["id"] as? String == "death.work_injury" })
            #expect(injury["required"] as? Bool == false)
            #expect(injury["requiredWhen"] as? String == #"deceased.pension_scheme == "employee""#)
            #expect(detail["parties"] == nil)
            let sale = try await client.get("/v1/bundles/home-transfer").object()
            let parties = try #require(sale["parties"] as? [[String: Any]])
            #expect(
                parties.map { $0["id"] as? String } == [
                    "buyer", "seller", "seller-spouse", "buyer-spouse", "bank",
                ])
            #expect(parties.last?["when"] as? String == "buyer.loan")
            #expect(parties.first { $0["id"] as? String == "seller-spouse" }?["kind"] as? String == "spouse")
            let loan = try #require(
                (sale["form"] as? [[String: Any]])?.first { $0["id"] as? String == "buyer.loan" })
            #expect(loan["party"] as? String == "buyer")
            let ownership = try #require(
                (sale["form"] as? [[String: Any]])?.first { $0["id"] as? String == "seller.home_ownership" })
            #expect(ownership["requiredWhen"] as? String == "seller.married")
            let missing = try await client.get("/v1/bundles/no-such-bundle")
            #expect(missing.status == .notFound)
            #expect(try missing.problemType() == ProblemKind.type("not-found"))
        }
    }

    @Test func anUploadedBundleIsValidatedWithTheCommandLinesFindings() async throws {
        let fixture = try await ServerFixture.make()
        let good = try String(
            contentsOf: RuntimeFixtures.root.appendingPathComponent("bundles/open-restaurant.yaml"),
            encoding: .utf8)
        try await fixture.test { client in
            let yaml: HTTPFields = [.contentType: "application/yaml"]
            let valid = try await client.execute(
                uri: "/v1/bundles/validate", method: .post, headers: yaml, body: ByteBuffer(string: good))
            #expect(valid.status == .ok, "\(valid.text)")
            #expect(try valid.object()["valid"] as? Bool == true)
            let broken = good.replacingOccurrences(of: "schema: onething/", with: "schema: something/")
            let invalid = try await client.execute(
                uri: "/v1/bundles/validate?name=mine.yaml", method: .post, headers: yaml,
                body: ByteBuffer(string: broken + "\nunknown_key: 1\n"))
            #expect(invalid.status == .ok)
            let report = try invalid.object()
            #expect(report["valid"] as? Bool == false)
            let findings = try #require(report["diagnostics"] as? [[String: Any]])
            let finding = try #require(findings.first)
            #expect(finding["file"] as? String == "mine.yaml")
            #expect((finding["code"] as? String)?.hasPrefix("OT") == true)
            #expect((finding["line"] as? Int ?? 0) >= 1)
            #expect(finding["column"] as? Int != nil)
            #expect(finding.keys.contains("hint"))
        }
    }

    @Test func aPlanForAnswersComesWithTheOneTimeNoticeInHTML() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await client.json(
                "/v1/bundles/open-restaurant/plan?lang=zh",
                body: #"{"answers": \#(ServerFixture.restaurantAnswers), "start": "2026-03-02"}"#)
            #expect(response.status == .ok, "\(response.text)")
            let body = try response.object()
            let plan = try #require(body["plan"] as? [String: Any])
            #expect(plan["promisedBy"] as? String == "2026-03-17")
            #expect((plan["deadlines"] as? [Any])?.isEmpty == true)
            let notice = try #require(body["notice"] as? String)
            #expect(notice.contains("<"))
            #expect(notice.contains("一次告知") || notice.contains("告知"), "\(notice.prefix(300))")
            let wrong = try await client.json(
                "/v1/bundles/open-restaurant/plan", body: #"{"answers": {"business.has_licence": 3}}"#)
            #expect(wrong.status == .unprocessableContent)
            #expect(try wrong.problemType() == ProblemKind.type("answers-invalid"))
            let date = try await client.json(
                "/v1/bundles/open-restaurant/plan", body: #"{"answers": {}, "start": "someday"}"#)
            #expect(date.status == .unprocessableContent)
        }
    }

    /// The windows in the plan: school-enrolment's example (淮北市相山区, 2016 only) gives
    /// no dates for 2026, which the plan says instead of guessing; a 小升初 applicant has none.
    @Test func aPlanGivesTheWindowsAndWhetherTheirDatesArePublished() async throws {
        let fixture = try await ServerFixture.make()
        let primary = #"""
            {"school.level": "primary", "pupil.local_hukou": true, "family.housing": "owned",
             "family.hardship": false}
            """#
        try await fixture.test { client in
            let response = try await client.json(
                "/v1/bundles/school-enrolment/plan", body: #"{"answers": \#(primary), "start": "2026-07-07"}"#
            )
            #expect(response.status == .ok, "\(response.text)")
            let plan = try #require(try response.object()["plan"] as? [String: Any])
            let entry = try #require((plan["windows"] as? [[String: Any]])?.first)
            #expect(entry["item"] == nil)
            #expect(entry["state"] as? String == "not-published")
            #expect(entry["notPublishedYear"] as? Int == 2026)
            #expect(entry["outside"] == nil)
            let window = try #require((entry["windows"] as? [[String: Any]])?.first)
            #expect(window["from"] as? String == "2016-07-06")
            #expect(window["to"] as? String == "2016-07-10")
            #expect(window["year"] as? Int == 2016)
            #expect((window["basis"] as? String)?.hasPrefix("安徽省淮北市相山区：") == true)
        }
    }

    /// A case accepted on a rest day counts from the next working day, and steps in hours
    /// carry the hour they start and end at: company-setup's 印章 from 13:00 to 15:00 of
    /// the first working day after Monday, the day the Saturday's count starts from.
    @Test func aPlanGivesTheDayTheCountStartsFromAndTheHoursOfStepsInHours() async throws {
        let fixture = try await ServerFixture.make()
        let answers = """
            {"company.pre_approval_scope": false, "company.type": "company", "company.has_employees": true,
             "company.invoices": true, "company.paper_invoices": true, "company.bank_appointment": true,
             "residence.commitment": true}
            """
        try await fixture.test { client in
            let response = try await client.json(
                "/v1/bundles/company-setup/plan", body: #"{"answers": \#(answers), "start": "2026-12-05"}"#)
            #expect(response.status == .ok, "\(response.text)")
            let plan = try #require(try response.object()["plan"] as? [String: Any])
            #expect(plan["accepted"] as? String == "2026-12-05")
            #expect(plan["countsFrom"] as? String == "2026-12-07")
            #expect(plan["promisedBy"] as? String == "2026-12-08")
            let items = try #require(plan["items"] as? [[String: Any]])
            let seal = try #require(items.first { $0["id"] as? String == "seal-engraving" })
            #expect(seal["start"] as? String == "2026-12-08" && seal["startTime"] as? String == "13:00")
            #expect(seal["due"] as? String == "2026-12-08" && seal["dueTime"] as? String == "15:00")
            let registration = try #require(items.first { $0["id"] as? String == "company-registration" })
            #expect(registration["startTime"] == nil && registration["dueTime"] as? String == "13:00")
            let invoices = try #require(items.first { $0["id"] as? String == "invoice-application" })
            #expect(invoices["due"] as? String == "2026-12-08" && invoices["dueTime"] == nil)
        }
    }

    /// An item that applies only once a result of the case is known (the grade the
    /// assessment decides) is planned and says so; a result given with the answers decides.
    @Test func aPlanSaysWhichItemsWaitForAResultOfTheCase() async throws {
        let fixture = try await ServerFixture.make()
        let answers = #"{"disability.certificate_held": false, "care.long_term": true, "family.dibao": false"#
        try await fixture.test { client in
            func nursing(_ body: String) async throws -> [String: Any] {
                let response = try await client.json("/v1/bundles/disability-services/plan", body: body)
                #expect(response.status == .ok, "\(response.text)")
                let plan = try #require(try response.object()["plan"] as? [String: Any])
                let items = try #require(plan["items"] as? [[String: Any]])
                return try #require(items.first { $0["id"] as? String == "nursing-subsidy" })
            }
            let before = try await nursing(#"{"answers": \#(answers)}}"#)
            #expect(before["applies"] as? Bool == true)
            let awaiting = try #require(before["awaiting"] as? [String: Any])
            #expect(awaiting["results"] as? [String] == ["assessment-result"])
            #expect(awaiting["holdsFor"] as? [[String]] == [["one"], ["two"]])
            #expect(awaiting["text"] as? String == "待“残疾评定结果（残疾类别和等级）”作出后确定：为一级或二级时办理")
            let known = try await nursing(#"{"answers": \#(answers), "result.assessment-result": "three"}}"#)
            #expect(known["applies"] as? Bool == false)
            #expect(known["awaiting"] == nil)
        }
    }

    /// The applicant's deadlines in the plan: 户口登记条例 §7's month from the birth, whose
    /// last day moves past the Spring Festival, passed for a case accepted after it.
    @Test func aPlanGivesTheApplicantsDeadlinesWithTheirDays() async throws {
        let fixture = try await ServerFixture.make()
        let answers = #"""
            {"child.birth_date": "2026-01-20", "parents.married": true, "hukou.in_province": true,
             "card.issue_mode": "instant", "vaccination.first_dose": true, "maternity.reimburse": false,
             "services.parenting_guidance": false}
            """#
        try await fixture.test { client in
            for (start, passed) in [("2026-02-24", false), ("2026-03-02", true)] {
                let response = try await client.json(
                    "/v1/bundles/newborn/plan", body: #"{"answers": \#(answers), "start": "\#(start)"}"#)
                #expect(response.status == .ok, "\(response.text)")
                let plan = try #require(try response.object()["plan"] as? [String: Any])
                let deadline = try #require((plan["deadlines"] as? [[String: Any]])?.first)
                #expect(deadline["id"] as? String == "birth-report")
                #expect(deadline["from"] as? String == "2026-01-20")
                #expect(deadline["due"] as? String == "2026-02-24")
                #expect(deadline["passed"] as? Bool == passed)
            }
        }
    }

    @Test func anApplicantWhoIsNotEligibleIsToldWhyWithAProblemOfItsOwn() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let answers = #"""
                {"event.attendance": 600, "event.government_host": false, "event.joint_organisers": false,
                 "event.start_date": "2026-05-01", "event.end_date": "2026-05-01"}
                """#
            let response = try await client.json(
                "/v1/bundles/sports-event/plan?lang=zh", body: #"{"answers": \#(answers)}"#)
            #expect(response.status == .unprocessableContent, "\(response.text)")
            #expect(try response.problemType() == ProblemKind.type("not-eligible"))
            let body = try response.object()
            #expect((body["detail"] as? String)?.hasPrefix("不符合申请条件，原因：每场次预计参加人数不足 1000 人") == true)
            let findings = try #require(body["diagnostics"] as? [[String: Any]])
            #expect(findings.map { $0["code"] as? String } == ["OT807"])
        }
    }

    /// The parties in the plan: home-transfer's buyer and seller, the bank only with a
    /// loan, and who brings each material.
    @Test func aPlanSaysWhichPartiesTakePartAndWhoBringsEachMaterial() async throws {
        let fixture = try await ServerFixture.make()
        let answers = #"""
            {"seller.married": true, "seller.home_ownership": "own", "buyer.married": false,
             "seller.mortgage": false, "buyer.loan": false, "transfer.water": true, "transfer.power": false,
             "transfer.gas": false, "transfer.network": false}
            """#
        try await fixture.test { client in
            let response = try await client.json(
                "/v1/bundles/home-transfer/plan", body: #"{"answers": \#(answers), "start": "2026-03-02"}"#)
            #expect(response.status == .ok, "\(response.text)")
            let plan = try #require(try response.object()["plan"] as? [String: Any])
            let parties = try #require(plan["parties"] as? [[String: Any]])
            #expect(
                parties.map { $0["id"] as? String } == [
                    "buyer", "seller", "seller-spouse", "buyer-spouse", "bank",
                ])
            // The married seller sells their own home: no spouse takes part.
            #expect(parties.map { $0["takesPart"] as? Bool } == [true, true, false, false, false])
            #expect(parties.last?["kind"] as? String == "bank")
            let materials = try #require(plan["materials"] as? [[String: Any]])
            let bills = try #require(materials.first { $0["id"] as? String == "utility-bills-settled" })
            #expect(bills["parties"] as? [String] == ["seller"])
            let contract = try #require(materials.first { $0["id"] as? String == "sale-contract" })
            #expect(contract["parties"] == nil)
        }
    }

    /// Time the law does not count in the plan: business-deregistration's 20-day 公示, in
    /// its step's due date and the promised date, and listed with its basis.
    @Test func aPlanListsTheTimeNotCountedAndItsDatesIncludeIt() async throws {
        let fixture = try await ServerFixture.make()
        let answers = #"""
            {"entity.type": "enterprise", "deregistration.simple_requested": true,
             "company.excluded_from_simple": false, "company.social_insurance": true,
             "company.housing_fund": false, "company.customs_registered": false}
            """#
        try await fixture.test { client in
            let response = try await client.json(
                "/v1/bundles/business-deregistration/plan",
                body: #"{"answers": \#(answers), "start": "2026-01-26"}"#)
            #expect(response.status == .ok, "\(response.text)")
            let plan = try #require(try response.object()["plan"] as? [String: Any])
            #expect(plan["promisedBy"] as? String == "2026-02-25")
            #expect(plan["keepsPromise"] as? Bool == true)
            let items = try #require(plan["items"] as? [[String: Any]])
            let notice = try #require(items.first { $0["id"] as? String == "simple-public-notice" })
            #expect(notice["due"] as? String == "2026-02-24")
            let period = try #require((notice["notCounted"] as? [[String: Any]])?.first)
            #expect(period["name"] as? String == "简易注销公示")
            #expect(period["bound"] as? String == "lasts")
            #expect(period["basis"] as? [String] == ["市场主体登记管理条例 第三十三条"])
            let clearance = try #require(items.first { $0["id"] as? String == "tax-clearance" })
            #expect(clearance["notCounted"] == nil)
        }
    }
}
