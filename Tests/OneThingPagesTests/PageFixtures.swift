import Foundation
import OneThing
import OneThingPages
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// Restaurant cases (the case with a deferred and a commitment material) run through
/// the real runtime with the departments' answers given by hand at chosen moments,
/// and a simulated month of three bundles for the dashboard.
enum PageFixtures {
    static func at(_ text: String) -> Timestamp { RuntimeFixtures.at(text) }

    /// The moment the pages show the cases at: Thursday 2026-03-05 10:00.
    static let now = at("2026-03-05 10:00")

    /// The answers every case gives: the restaurant's, and the applicant's identity
    /// number, phone number and shop name.
    static let answers = [
        "business.has_licence": "false", "business.prepackaged_only": "false", "fire.route": "commitment",
        "sign.outdoor": "true", "tobacco.retail": "false", "applicant.id_number": "110101199003071234",
        "applicant.phone": "13800138000", "business.name": "老王小馆",
    ]

    /// Text with markup in it, as a hostile bundle author or applicant would write it.
    static let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"

    /// The restaurant's blueprint; with `hostile`, its deferred material's name starts
    /// with markup.
    static func blueprint(hostile: Bool) throws -> CaseBlueprint {
        let real = try RuntimeFixtures.restaurantBlueprint(RuntimeFixtures.restaurantWithGaps)
        guard hostile else { return real }
        var materials = real.materials
        materials["food-safety-rules"] = Self.hostile + (materials["food-safety-rules"] ?? "")
        return CaseBlueprint(
            bundle: real.bundle, version: real.version, title: real.title, region: real.region,
            lead: real.lead,
            supervisor: real.supervisor, stopAllOnRejection: real.stopAllOnRejection, steps: real.steps,
            deferredDeadlines: real.deferredDeadlines, core: real.core, promise: real.promise,
            departments: real.departments, materials: materials, outputs: real.outputs)
    }

    /// Something that happens to a case, at a moment.
    struct Happening {
        /// What happens.
        enum Kind {
            /// The case starts.
            case start
            /// The step's department answers.
            case report(step: String, AdapterOutcome)
            /// The applicant brings a deferred material.
            case supply(String)
            /// The step's department names the documents its approval (reported next) issues.
            case issue(step: String, [String: String])
        }

        var at: String
        var id: CaseID
        var kind: Kind
    }

    /// The restaurant cases, run up to ``now``:
    /// - `C20260302-0001`, accepted Monday 09:00: registration approved, fire check
    ///   approved, the invoice rejected (the reason names the applicant's identity
    ///   number), the joint inspection and drainage in review, the outdoor sign waiting
    ///   for a supplement (the note names a phone number), the seal engraving sent and
    ///   never answered (overdue); the deferred food-safety rules not yet brought.
    /// - `C20260302-0002`, accepted Wednesday 14:00: registration sent, not answered.
    /// - `C20260302-0003`: the food permit approved and held for the deferred rules.
    /// - `C20260302-0004`: everything approved, the rules brought; delivered.
    ///
    /// With `hostile`, the material's name, the shop's name, the supplement note and the
    /// rejection's reason carry markup (``hostile``). With `until`, the cases are as they
    /// stood then (a case not yet started is left out).
    static func restaurant(hostile: Bool = false, until: Timestamp = now) throws -> [CaseState] {
        let blueprint = try blueprint(hostile: hostile)
        let markup = hostile ? Self.hostile : ""
        let (first, second, third, fourth) = (
            "C20260302-0001", "C20260302-0002", "C20260302-0003", "C20260302-0004"
        )
        var happenings = [
            Happening(at: "2026-03-02 09:00", id: first, kind: .start),
            Happening(
                at: "2026-03-02 15:00", id: first, kind: .report(step: "business-registration", .approved)),
            Happening(
                at: "2026-03-03 11:00", id: first, kind: .report(step: "fire-check-commitment", .approved)),
            Happening(
                at: "2026-03-03 14:00", id: first,
                kind: .report(
                    step: "invoice-application",
                    .rejected(reason: "\(markup)办税人身份证号 110101199003071234 与登记信息不一致"))),
            Happening(at: "2026-03-03 15:00", id: first, kind: .report(step: "drainage-permit", .inReview)),
            Happening(
                at: "2026-03-04 10:00", id: first,
                kind: .report(
                    step: "outdoor-sign", .supplementRequested(note: "\(markup)请补充招牌尺寸图纸，联系电话 13912345678"))),
            Happening(
                at: "2026-03-04 11:00", id: first,
                kind: .report(step: "food-fire-joint-inspection", .inReview)),
            Happening(at: "2026-03-04 14:00", id: second, kind: .start),
            Happening(at: "2026-03-02 09:00", id: third, kind: .start),
            Happening(
                at: "2026-03-02 11:00", id: third, kind: .report(step: "business-registration", .approved)),
            Happening(
                at: "2026-03-03 16:00", id: third,
                kind: .report(step: "food-fire-joint-inspection", .approved)),
            Happening(at: "2026-03-04 16:00", id: third, kind: .report(step: "food-permit", .approved)),
            Happening(at: "2026-03-02 09:00", id: fourth, kind: .start),
            Happening(
                at: "2026-03-02 10:00", id: fourth, kind: .report(step: "business-registration", .approved)),
            Happening(at: "2026-03-02 11:00", id: fourth, kind: .supply("food-safety-rules")),
            Happening(
                at: "2026-03-04 10:00", id: fourth,
                kind: .issue(step: "food-permit", ["food-licence": "JY11101050001234"])),
            Happening(at: "2026-03-04 10:00", id: fourth, kind: .report(step: "food-permit", .approved)),
        ]
        for step in blueprint.steps where step.id != "business-registration" && step.id != "food-permit" {
            happenings.append(
                Happening(at: "2026-03-03 10:00", id: fourth, kind: .report(step: step.id, .approved)))
        }
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        // In time order, as a clock would have them; the sort keeps the order of equal moments.
        for happening in happenings.enumerated().sorted(by: {
            ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
        })
        .map(\.element) where at(happening.at) <= until {
            let moment = at(happening.at)
            switch happening.kind {
            case .start:
                var record = RuntimeFixtures.start(for: blueprint)
                record.answers = answers
                if hostile { record.answers["business.name"] = Self.hostile + "小馆" }
                try runtime.start(happening.id, blueprint: blueprint, start: record, at: moment)
            case .report(let step, let outcome):
                let index = try #require(blueprint.stepIndex(step))
                let key = try #require(runtime.cases[happening.id]?.steps[index].key, "\(step) was not sent")
                runtime.report(outcome, for: key, at: moment)
            case .supply(let material):
                runtime.supply(material, to: happening.id, at: moment)
            case .issue(let step, let documents):
                let index = try #require(blueprint.stepIndex(step))
                runtime.record(documents, issuedBy: index, in: happening.id, at: moment)
            }
        }
        runtime.advance(to: until)
        return [first, second, third, fourth].compactMap { runtime.cases[$0] }
    }

    /// The restaurant case's one-time notice (in Chinese), accepted on 2026-03-02 as
    /// `C20260302-0001` was.
    static func notice() throws -> NoticeDocument {
        let loaded = try RuntimeFixtures.loaded("open-restaurant.yaml")
        let plan = try RuntimeFixtures.restaurant(RuntimeFixtures.restaurantWithGaps)
        let accepted = try #require(CalendarDate("2026-03-02"))
        let schedule = try Schedule(
            plan: plan, calendar: loaded.catalogue.calendar(region: "CN"), accepted: accepted)
        return try NoticeDocument(plan: plan, schedule: schedule, catalogue: loaded.catalogue, language: .zh)
    }

    /// The case `id` among `cases`.
    static func state(_ id: CaseID, in cases: [CaseState]) throws -> CaseState {
        try #require(cases.first { $0.id == id })
    }

    /// Simulated cases of three bundles, started on successive working days of March
    /// 2026, looked at on 2026-03-20 15:00 over March: some open, some late, some
    /// escalated.
    static func month() throws -> (cases: [CaseState], now: Timestamp, period: SupervisionPeriod) {
        let calendar = try RuntimeFixtures.calendar()
        let now = at("2026-03-20 15:00")
        var states: [CaseState] = []
        let bundles = [
            ("open-restaurant.yaml", RuntimeFixtures.restaurantWorstCase, UInt64(3)),
            ("company-setup.yaml", "有职工，申领纸质发票，预约开户（最坏情况）", UInt64(5)),
            ("elevator-retrofit.yaml", "需办施工许可，申请补助并提取公积金（最坏情况）", UInt64(7)),
        ]
        for (file, name, seed) in bundles {
            let blueprint = try RuntimeFixtures.blueprint(file, case: name)
            var settings = SimulationSettings()
            settings.defaults.supplement = 0.25
            settings.defaults.rejection = 0.05
            settings.departments["water-drainage"] = SimulatedDepartment(
                latency: Triangular(min: 0.8, mode: 1.2, max: 1.8))
            for day in [2, 4, 9, 12, 16, 18] {
                let start = CalendarDate(year: 2026, month: 3, day: day)!
                let simulation = Simulation(
                    blueprint: blueprint, calendar: calendar, start: start, settings: settings,
                    seed: seed &+ UInt64(day))
                var events: [CaseEvent] = []
                _ = try simulation.run(cases: 3, sink: { events += $0 })
                for (id, history) in Dictionary(grouping: events.filter { $0.at <= now }, by: \.caseID) {
                    // Ids repeat from day to day of one simulation; make them unique.
                    let unique = "\(id)-\(blueprint.bundle.prefix(1).uppercased())"
                    let renamed = history.map { event in
                        CaseEvent(caseID: unique, sequence: event.sequence, at: event.at, kind: event.kind)
                    }
                    states.append(try CaseState(id: unique, blueprint: blueprint, events: renamed))
                }
            }
        }
        return (
            states.sorted { $0.id < $1.id }, now,
            SupervisionPeriod(
                from: CalendarDate(year: 2026, month: 3, day: 1)!,
                through: CalendarDate(year: 2026, month: 3, day: 31)!)
        )
    }

    /// The values of every `src`, `href` and `action` attribute in `html`.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["src=\"", "href=\"", "action=\""] {
            var rest = html[...]
            while let range = rest.range(of: attribute) {
                let value = rest[range.upperBound...].prefix { $0 != "\"" }
                found.append(String(value))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    /// Checks that `html` loads nothing from elsewhere: every link is the server's own
    /// (a path from its root, or an anchor), no `http://` or `https://` but the SVG
    /// namespace, no external script, style sheet, font or image; and that it is one
    /// whole document, Chinese first.
    static func expectSelfContained(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        for link in links(in: html) {
            #expect(
                (link.hasPrefix("/") && !link.hasPrefix("//")) || link.hasPrefix("#"), "link \(link)",
                sourceLocation: sourceLocation)
        }
        let namespace = "xmlns=\"http://www.w3.org/2000/svg\""
        let rest = html.replacingOccurrences(of: namespace, with: "")
        #expect(!rest.contains("http://") && !rest.contains("https://"), sourceLocation: sourceLocation)
        for forbidden in [
            "<link", "<img", "<iframe", "<object", "<embed", "@import", "<script src", "@font-face",
        ] {
            #expect(!html.contains(forbidden), "\(forbidden)", sourceLocation: sourceLocation)
        }
        // `url(` only for a fragment of the page itself (the notice graph's arrow heads).
        #expect(
            !html.replacingOccurrences(of: "url(#", with: "").contains("url("), sourceLocation: sourceLocation
        )
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\""), sourceLocation: sourceLocation)
        #expect(html.hasSuffix("</html>\n"), sourceLocation: sourceLocation)
    }

    /// `text` as the pages write it in HTML.
    static func escaped(_ text: String) -> String { NoticeMarkup.escape(text) }

    /// How often `needle` occurs in `html`.
    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }
}
