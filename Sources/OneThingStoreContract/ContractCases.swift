import OneThingEvents

/// The cases the contract's checks store, made by hand (no runtime): a small blueprint
/// of three items and one joint inspection, and the events of its cases taken as far
/// as a check needs. A store's own tests use them too.
///
/// The blueprint: a licence from `market`, then a joint inspection that `fire` organises,
/// then a permit from `fire` and a hygiene certificate from `health` side by side; the
/// permit needs the deferred material `floor-plan`. The licence carries a result of the
/// case (its class: `catering` or `retail`), and the hygiene certificate applies only to
/// a catering licence (the contract's cases are taken as far as they go by hand, without
/// recording it). Eight working days are promised.
public enum ContractCases {
    /// How far a case is taken.
    public enum Progress: Sendable, Hashable, CaseIterable {
        /// Started and accepted, the licence sent and under review: waiting on `market`.
        case accepted
        /// The licence approved, the joint inspection sent: waiting on `fire`.
        case licensed
        /// The inspection passed, the permit and the certificate sent: waiting on
        /// `fire` and `health`.
        case inspected
        /// Everything approved and delivered.
        case completed
        /// The core material missing: not accepted, delivered at once.
        case notAccepted
    }

    /// The blueprint of every contract case.
    public static let blueprint = CaseBlueprint(
        bundle: "contract", version: "1.0.0", title: "开办测试店一件事", region: "CN", lead: "market",
        supervisor: "government-services", stopAllOnRejection: false,
        steps: [
            .init(
                id: "licence", name: "营业执照", department: "market", limit: TimeLimit(2, .workdays),
                predecessors: [], successors: [1], outputs: ["licence"]),
            .init(
                kind: .inspection, id: "site-visit", name: "联合勘验", department: "fire",
                limit: TimeLimit(1, .workdays), predecessors: [0], successors: [2, 3]),
            .init(
                id: "permit", name: "消防许可", department: "fire", limit: TimeLimit(3, .workdays),
                predecessors: [1], successors: [], deferred: ["floor-plan"], outputs: ["permit"]),
            .init(
                id: "hygiene", name: "卫生许可", department: "health", limit: TimeLimit(10, .days),
                predecessors: [1], successors: [], outputs: ["hygiene-certificate"],
                awaiting: ResultCondition(outputs: ["licence"], holdsFor: [["catering"]])),
        ],
        deferredDeadlines: ["floor-plan": TimeLimit(3, .workdays)], core: ["application"],
        promise: TimeLimit(8, .workdays),
        departments: [
            "market": .init(zh: "市场监督管理局", en: "Administration for Market Regulation"),
            "fire": .init(zh: "消防救援大队"), "health": .init(zh: "卫生健康局", en: "Health Commission"),
        ],
        materials: ["application": "申请书", "floor-plan": "平面图"],
        outputs: ["licence": "营业执照", "permit": "消防许可证", "hygiene-certificate": "卫生许可证"],
        resultValues: [
            "licence": [ResultValue(id: "catering", name: "餐饮服务"), ResultValue(id: "retail", name: "零售")]
        ])

    /// 2026-03-02 09:00 China Standard Time, when the first contract case starts.
    public static let firstStart = Timestamp(china: CalendarDate(dayNumber: 20_514), hour: 9)

    /// The moment `days` days after ``firstStart``.
    public static func moment(days: Double) -> Timestamp {
        firstStart.adding(milliseconds: Int64(days * Double(Timestamp.millisecondsPerDay)))
    }

    /// When the promise of a case started at `start` is due: ten days later.
    public static func promisedBy(startingAt start: Timestamp) -> Timestamp {
        start.adding(milliseconds: 10 * Timestamp.millisecondsPerDay)
    }

    /// The events of case `id` started at `start` and taken as far as `progress`.
    public static func events(_ id: CaseID, startingAt start: Timestamp, upTo progress: Progress)
        -> [CaseEvent]
    {
        var events: [CaseEvent] = []
        func add(hours: Int, _ kind: CaseEvent.Kind) {
            events.append(
                CaseEvent(
                    caseID: id, sequence: events.count + 1,
                    at: start.adding(milliseconds: Int64(hours) * Timestamp.millisecondsPerHour), kind: kind))
        }
        func due(hours: Int) -> Timestamp {
            start.adding(milliseconds: Int64(hours) * Timestamp.millisecondsPerHour)
        }
        let accepted = progress != .notAccepted
        add(
            hours: 0,
            .started(
                CaseStart(
                    bundle: blueprint.bundle, version: blueprint.version,
                    answers: ["venue.area_m2": "80", "店名": "川菜馆"],
                    provided: accepted ? ["application"] : [], lead: blueprint.lead,
                    blueprint: blueprint.fingerprint)))
        guard accepted else {
            add(hours: 0, .intake(.rejectedIncomplete(missing: ["application"])))
            add(hours: 0, .delivered(outputs: [], outcome: .notAccepted))
            return events
        }
        add(
            hours: 0,
            .intake(
                .accepted(
                    promisedBy: promisedBy(startingAt: start),
                    deferred: [DeferredMaterial(material: "floor-plan", dueBy: due(hours: 72))])))
        add(hours: 0, .dispatched(step: 0, attempt: 1, key: "\(id)/licence/1", due: due(hours: 48)))
        add(hours: 1, .inReview(step: 0))
        guard progress != .accepted else { return events }
        add(hours: 24, .approved(step: 0))
        add(hours: 24, .dispatched(step: 1, attempt: 1, key: "\(id)/site-visit/1", due: due(hours: 48)))
        guard progress != .licensed else { return events }
        add(hours: 48, .approved(step: 1))
        add(hours: 48, .dispatched(step: 2, attempt: 1, key: "\(id)/permit/1", due: due(hours: 120)))
        add(hours: 48, .dispatched(step: 3, attempt: 1, key: "\(id)/hygiene/1", due: due(hours: 96)))
        guard progress != .inspected else { return events }
        add(hours: 50, .materialSupplied(material: "floor-plan", late: false))
        add(hours: 72, .approved(step: 3))
        add(hours: 96, .approved(step: 2))
        add(
            hours: 96, .delivered(outputs: ["licence", "permit", "hygiene-certificate"], outcome: .completed))
        return events
    }

    /// The summary that the projection of `events` (one case's, from its start) gives.
    public static func summary(of events: [CaseEvent]) -> CaseSummary? {
        guard let first = events.first else { return nil }
        var projection = CaseProjection(id: first.caseID, blueprint: blueprint)
        for event in events { projection.apply(event) }
        return projection.summary
    }

    /// The events of case `id`: a start, then events of every kind there is, each with
    /// every field set, at moments from before 1970 to far in the future, with texts
    /// that are empty, Chinese, or hold line breaks and NUL. They fit the blueprint (each
    /// continues the case and names a step it has), though no runtime would write them.
    public static func everyKind(_ id: CaseID) -> [CaseEvent] {
        let start = CaseStart(
            bundle: blueprint.bundle, version: blueprint.version,
            answers: ["a": "1", "名称": "川菜馆", "": "", "note": "第一行\n第二行\u{0}"],
            provided: ["application", "租赁合同", ""], lead: blueprint.lead, blueprint: blueprint.fingerprint)
        // 1900-01-01 08:30 China Standard Time.
        let beforeEpoch = Timestamp(china: CalendarDate(dayNumber: -25_567), hour: 8, minute: 30)
        let farFuture = Timestamp(milliseconds: 253_402_300_799_999)  // 9999-12-31 23:59:59.999 UTC
        let beyondDouble = Timestamp(milliseconds: (1 << 53) + 1)  // not exact as a Double
        let kinds: [CaseEvent.Kind] = [
            .started(start),
            .intake(
                .accepted(
                    promisedBy: farFuture,
                    deferred: [
                        DeferredMaterial(material: "floor-plan", dueBy: beforeEpoch),
                        DeferredMaterial(material: "消防设计图", dueBy: beyondDouble),
                    ])),
            .intake(.accepted(promisedBy: Timestamp(milliseconds: 0), deferred: [])),
            .intake(.rejectedIncomplete(missing: [])),
            .intake(.rejectedIncomplete(missing: ["application", "身份证明"])),
            .dispatched(step: 0, attempt: 1, key: "k/licence/1", due: beyondDouble),
            .dispatchFailed(step: 0, attempt: 1, reason: "连接超时 timeout", retryAt: beforeEpoch),
            .dispatched(step: 0, attempt: 2, key: "", due: Timestamp(milliseconds: -1)),
            .inReview(step: 0),
            .supplementRequested(step: 0, note: "补正：请补充\n平面图"),
            .supplementSupplied(step: 0, due: farFuture),
            .dueSoon(step: 0, due: Timestamp(milliseconds: 1)),
            .overdue(step: 0, due: beforeEpoch),
            .escalated(step: 0, to: "government-services"),
            .dueChanged(step: 0, from: beforeEpoch, to: beyondDouble),
            .dueChanged(step: nil, from: farFuture, to: farFuture),
            .approvalHeld(step: 2, materials: ["floor-plan", "消防设计图"]),
            .approvalHeld(step: 2, materials: []),
            .materialSupplied(material: "floor-plan", late: true),
            .materialSupplied(material: "消防设计图", late: false),
            .materialFetched(material: "id-card", reference: "11010519491231002X"),
            .materialFetched(material: "营业执照", reference: ""),
            .materialUnavailable(
                material: "id-card", reason: "电子证照库无记录\nno record", fallback: .paper(dueBy: farFuture)),
            .materialUnavailable(material: "", reason: "", fallback: .wait(until: beforeEpoch)),
            .approved(step: 1),
            .rejected(step: 2, reason: "不符合《消防法》第十五条"),
            .cancelled(step: 3, cause: 2),
            .failed(step: 3, material: "floor-plan"),
            .outcomeIgnored(step: 3, key: "k/hygiene/0", outcome: "approved", status: .cancelled),
            .decidedBy(step: 2, principal: "amr-wang"),
            .issued(step: 0, documents: ["licence": "（2026）京市监字第 0001 号\n副本 91110000MA0000001X"]),
            .resultRecorded(step: 0, results: ["licence": "retail"]),
            .resultRecorded(step: 0, results: [:]),
            .notNeeded(step: 3),
            .withdrawn(reason: ""),
            .withdrawn(reason: "开业计划取消\n另择场地"),
            .delivered(outputs: ["licence", "营业执照副本"], outcome: .partial),
            .delivered(outputs: [], outcome: .refused),
            .delivered(outputs: ["licence"], outcome: .completed),
            .delivered(outputs: [], outcome: .notAccepted),
            .delivered(outputs: ["licence"], outcome: .withdrawn),
        ]
        let moments = [beforeEpoch, Timestamp(milliseconds: 0), firstStart, farFuture, beyondDouble]
        return kinds.enumerated().map { index, kind in
            CaseEvent(caseID: id, sequence: index + 1, at: moments[index % moments.count], kind: kind)
        }
    }
}
