import HTTPTypes
import OneThing
import OneThingPages
import OneThingPlan
import OneThingPresentation
import OneThingRuntime

/// What the cases API does, between the routes and the engine: starts cases (with the
/// applicant's access code, idempotently when asked), reads them (through the
/// documents' cache), lists them page by page, and passes the applicant's and the
/// window's actions to the engine, translating every refusal into a ``Problem``.
final class CaseDesk: Sendable {
    let engine: Engine
    let store: any EventStore
    let library: BundleLibrary
    let cache: CaseDocumentCache
    let ledger: IdempotencyLedger
    let calendar: WorkdayCalendar

    init(
        engine: Engine, library: BundleLibrary, cache: CaseDocumentCache, ledger: IdempotencyLedger,
        calendar: WorkdayCalendar
    ) {
        self.engine = engine
        self.store = engine.store
        self.library = library
        self.cache = cache
        self.ledger = ledger
        self.calendar = calendar
    }

    /// An answer the API gives and may give again for the same `Idempotency-Key`.
    struct Answer: Sendable {
        /// The status.
        var status: HTTPResponse.Status
        /// The `Location`, if any.
        var location: String?
        /// The JSON body.
        var body: [UInt8]
    }

    /// A request's `Idempotency-Key`, with who sent it and the fingerprint of the request.
    struct Idempotency: Sendable {
        var key: IdempotencyLedger.Key
        var fingerprint: String
    }

    // MARK: Creating cases

    /// Creates a case from `document` (see ``CaseCreation``): 201 with `Location`, the
    /// plan, the promised due date and the applicant's access code. With an
    /// idempotency key, a repeat gets the first answer (see ``IdempotencyLedger``).
    func create(_ document: RequestDocument, idempotency: Idempotency?) async throws(Problem) -> Answer {
        guard let idempotency else {
            let creation = try await CaseCreation.read(document, library: library)
            let id = try await newCaseID()
            let code = ApplicantCodes.issue(for: id)
            try await start(creation, id: id, code: code.stored)
            return try await created(id, code: code.shown, creation: creation)
        }
        let key = idempotency.key
        let earlier = try await ledger.begin(key, fingerprint: idempotency.fingerprint)
        do {
            let answer = try await create(document, idempotency: idempotency, earlier: earlier)
            await ledger.finish(key)
            return answer
        } catch {
            await ledger.finish(key)
            throw error
        }
    }

    func create(_ document: RequestDocument, idempotency: Idempotency, earlier: IdempotencyLedger.Record?)
        async throws(Problem) -> Answer
    {
        if let earlier, let status = earlier.status, let body = earlier.body {
            return Answer(
                status: HTTPResponse.Status(code: status), location: earlier.location, body: Array(body.utf8))
        }
        let creation = try await CaseCreation.read(document, library: library)
        let id: CaseID
        let code: String
        if let earlier, let reserved = earlier.caseID, let reservedCode = earlier.accessCode {
            // A repeat after the first attempt stopped between its reservation and its answer.
            id = reserved
            code = reservedCode
            if try await events(of: id).isEmpty {
                try await start(creation, id: id, code: ApplicantCodes.stored(code, for: id))
            }
        } else {
            id = try await newCaseID()
            code = ApplicantCodes.issue(for: id).shown
            try await ledger.reserve(
                idempotency.key, fingerprint: idempotency.fingerprint, caseID: id, accessCode: code)
            try await start(creation, id: id, code: ApplicantCodes.stored(code, for: id))
        }
        let answer = try await created(id, code: code, creation: creation)
        try await ledger.answered(
            idempotency.key,
            record: IdempotencyLedger.Record(
                fingerprint: idempotency.fingerprint, caseID: id, accessCode: code,
                status: answer.status.code,
                location: answer.location, body: String(decoding: answer.body, as: UTF8.self), at: .now))
        return answer
    }

    /// A new case id from the store.
    func newCaseID() async throws(Problem) -> CaseID {
        do {
            return try await store.newCaseID(acceptedOn: engine.clock.now.chinaDate)
        } catch {
            throw Problem(error)
        }
    }

    /// Keeps the access code's hash, then starts the case under `id`: a case that is
    /// stored always has its code.
    func start(_ creation: CaseCreation, id: CaseID, code stored: String) async throws(Problem) {
        do {
            try await store.setMetadata(stored, for: ApplicantCodes.metadataKey(for: id))
        } catch {
            throw Problem(error)
        }
        do {
            try await engine.start(
                blueprint: creation.blueprint, answers: creation.answers, provided: creation.provided, id: id)
        } catch {
            throw Problem(error)
        }
    }

    /// The answer to a creation of case `id`.
    /// The case as the engine holds it (what it just started), else as the store has it
    /// (a repeat of a creation whose case has closed since).
    func created(_ id: CaseID, code: String, creation: CaseCreation) async throws(Problem) -> Answer {
        let state: CaseState
        if let held = await engine.state(of: id) {
            state = held
        } else {
            let (events, blueprint) = try await history(id)
            do {
                state = try CaseState(id: id, blueprint: blueprint, events: events)
            } catch {
                throw Problem(
                    .internalError, en: "case \(id) could not be read: \(error)", zh: "无法读取案件 \(id)：\(error)")
            }
        }
        // A plan made now from a bundle version other than the case's says nothing about the case.
        var plan: PlanDocument?
        if state.blueprint.fingerprint == creation.blueprint.fingerprint,
            let accepted = state.startedAt?.chinaDate
        {
            do {
                plan = PlanDocument(
                    plan: creation.plan,
                    schedule: try Schedule(plan: creation.plan, calendar: calendar, accepted: accepted),
                    calendar: calendar)
            } catch {
                plan = nil  // a date beyond the calendar: the case itself has its due dates
            }
        }
        let location = CaseLinks.path(of: id)
        let body = CaseCreatedBody(
            id: id, accessCode: code, status: state.isClosed ? "closed" : "open",
            outcome: state.outcome?.rawValue,
            promisedBy: state.promisedBy,
            promisedByDate: state.promisedBy.map { WorkdayCalendar.date(endingAt: $0).description },
            links: CaseLinks(id: id), plan: plan)
        do {
            return Answer(status: .created, location: location, body: try JSONText.bytes(body))
        } catch {
            throw Problem(
                .internalError, en: "the answer could not be written: \(error)", zh: "无法生成应答：\(error)")
        }
    }

    // MARK: Reading cases

    /// Every event of case `id`.
    func events(of id: CaseID) async throws(Problem) -> [CaseEvent] {
        do {
            return try await store.events(of: id)
        } catch {
            throw Problem(error)
        }
    }

    /// The events of case `id` and the blueprint it is pinned to.
    func history(_ id: CaseID) async throws(Problem) -> (events: [CaseEvent], blueprint: CaseBlueprint) {
        let events = try await events(of: id)
        guard case .started(let start)? = events.first?.kind else { throw Problem.caseNotFound(id) }
        let blueprint: CaseBlueprint?
        do {
            blueprint = try await store.blueprint(start.blueprint)
        } catch {
            throw Problem(error)
        }
        guard let blueprint else {
            throw Problem(
                StoreError(
                    .corrupt, "case \(id): its blueprint \(start.blueprint) is missing from the store",
                    caseID: id))
        }
        return (events, blueprint)
    }

    /// The document of case `id` (``OneThingPresentation/CaseDocument``), from the cache or the store.
    func document(_ id: CaseID) async throws(Problem) -> CaseDocumentCache.Document {
        if let kept = cache.document(id) { return kept }
        let ticket = cache.ticket(id)
        let (events, blueprint) = try await history(id)
        let document: CaseDocumentCache.Document
        do {
            let whole = CaseDocument(events: events, blueprint: blueprint)
            let masked = CaseDocument(events: events.map(PersonalNumbers.masked), blueprint: blueprint)
            document = CaseDocumentCache.Document(
                sequence: events.count, json: Array(try whole.json().utf8),
                maskedJSON: Array(try masked.json().utf8),
                departments: Set(blueprint.steps.map(\.department)), closed: whole.state.isClosed)
        } catch {
            throw Problem(
                .internalError, en: "the case could not be written: \(error)", zh: "无法生成案件文档：\(error)")
        }
        cache.keep(document, for: id, ticket: ticket)
        return document
    }

    /// One page of the cases `query` asks for, and the cursor of the next page (`nil` on the last).
    func list(_ query: CaseQuery) async throws(Problem) -> (cases: [CaseSummary], next: CaseID?) {
        var asked = query
        let limit = query.limit ?? 50
        asked.limit = limit + 1
        let found: [CaseSummary]
        do {
            found = try await store.cases(asked)
        } catch {
            throw Problem(error)
        }
        let page = Array(found.prefix(limit))
        return (page, found.count > limit ? page.last?.id : nil)
    }

    /// The title of the bundle of blueprint `fingerprint` (the store keeps blueprints in memory).
    func title(of fingerprint: String) async throws(Problem) -> String? {
        do {
            return try await store.blueprint(fingerprint)?.title
        } catch {
            throw Problem(error)
        }
    }

    // MARK: Acting on cases

    /// The applicant brought the deferred material `material` (容缺) of case `id`.
    func supply(_ material: String, to id: CaseID) async throws(Problem) {
        do {
            try await engine.supply(material, to: id)
        } catch {
            throw Problem(error)
        }
        cache.changed(id)
    }

    /// The applicant (or the window for them) withdraws open case `id` (撤回申请), saying `reason`.
    func withdraw(_ id: CaseID, reason: String) async throws(Problem) {
        do {
            try await engine.withdraw(id, reason: reason)
        } catch {
            throw Problem(error)
        }
        cache.changed(id)
    }

    /// The applicant supplied what step `step` of case `id` waits for (补正).
    func supplement(_ id: CaseID, step: String) async throws(Problem) {
        do {
            try await engine.supplementSupplied(id, step: step)
        } catch {
            throw Problem(error)
        }
        cache.changed(id)
    }
}

/// The answer to creating a case.
struct CaseCreatedBody: Encodable, Sendable {
    var id: CaseID
    var accessCode: String
    var status: String
    var outcome: String?
    var promisedBy: Timestamp?
    var promisedByDate: String?
    var links: CaseLinks
    var plan: PlanDocument?
}

/// Where a case's resources are.
struct CaseLinks: Encodable, Sendable {
    var path: String
    var events: String
    var timeline: String
    var page: String

    init(id: CaseID) {
        path = Self.path(of: id)
        events = Self.path(of: id) + "/events"
        timeline = Self.path(of: id) + "/timeline"
        page = PageRoutes().casePage(of: id)
    }

    enum CodingKeys: String, CodingKey {
        case path = "self"
        case events, timeline, page
    }

    /// The path of case `id` in the API.
    static func path(of id: CaseID) -> String { "/v1/cases/\(id)" }
}
