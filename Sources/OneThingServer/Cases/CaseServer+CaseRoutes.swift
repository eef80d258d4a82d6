import HTTPTypes
import Hummingbird
import OneThing
import OneThingAccess
import OneThingPresentation
import OneThingRuntime

extension CaseServer {
    /// The routes about cases: create, list, read, the timeline, the stream of events,
    /// and what the applicant (or the window for them) does: supply a deferred material,
    /// answer a supplement request, withdraw.
    func addCaseRoutes(_ routes: RouteSet) {
        routes.add(.post, "/v1/cases", "createCase") { request, context in
            let bytes = try await self.body.bytesOfJSON(request)
            let document = try RequestDocument(parsing: bytes)
            let idempotency = try self.idempotency(request, body: bytes, caller: context.caller)
            let answer = try await self.desk.create(document, idempotency: idempotency)
            return Response.json(
                answer.body, status: answer.status,
                headers: answer.location.map { [.location: $0] } ?? [:])
        }
        routes.add(
            .get, "/v1/cases", "listCases",
            query: ["status", "department", "dueBy", "overdue", "limit", "cursor"]
        ) { request, context in
            let parameters = request.uri.queryParameters
            let query = try CaseListQuery(now: self.engine.clock.now) {
                parameters[Substring($0)].map(String.init)
            }
            let (cases, next) = try await self.desk.list(query.store)
            var rows: [CaseSummaryRow] = []
            for summary in cases {
                rows.append(CaseSummaryRow(summary, title: try await self.desk.title(of: summary.blueprint)))
            }
            return try Response.json(CaseList(cases: rows, next: next))
        }
        routes.add(.get, "/v1/cases/{id}", "getCase") { _, context in
            let id = try context.parameter("id")
            let document = try await self.desk.document(id)
            return Response.json(document.json(for: context.caller))
        }
        routes.add(.get, "/v1/cases/{id}/timeline", "getCaseTimeline") { _, context in
            let id = try context.parameter("id")
            let (stored, blueprint) = try await self.desk.history(id)
            // The timeline's text lists the answers: masked for all but the applicant.
            let events =
                PersonalNumberMask.showsWhole(to: context.caller)
                ? stored : stored.map(PersonalNumbers.masked)
            return try Response.json(
                TimelineBody(
                    events: events, blueprint: blueprint, calendar: self.desk.calendar,
                    language: context.language))
        }
        routes.add(.get, "/v1/cases/{id}/events", "streamCaseEvents", query: ["lastEventId"]) {
            request, context in
            let id = try context.parameter("id")
            return try await self.eventStream(of: id, request: request, caller: context.caller)
        }
        routes.add(.post, "/v1/cases/{id}/supply", "supplyMaterial") { request, context in
            let id = try context.parameter("id")
            return try await self.caseAction(
                request, context: context, case: id, keys: ["material"],
                read: { $0.string("material", required: true) }
            ) { material async throws(Problem) in
                try await self.desk.supply(material, to: id)
            }
        }
        routes.add(.post, "/v1/cases/{id}/supplement", "answerSupplement") { request, context in
            let id = try context.parameter("id")
            return try await self.caseAction(
                request, context: context, case: id, keys: ["step"],
                read: { $0.string("step", required: true) }
            ) { step async throws(Problem) in
                try await self.desk.supplement(id, step: step)
            }
        }
        routes.add(.post, "/v1/cases/{id}/withdraw", "withdrawCase") { request, context in
            let id = try context.parameter("id")
            return try await self.caseAction(
                request, context: context, case: id, keys: ["reason"],
                read: { $0.string("reason", required: false) ?? "" }
            ) { reason async throws(Problem) in
                try await self.desk.withdraw(id, reason: reason)
            }
        }
    }

    /// An action on case `id` whose body is a JSON object with `keys`: `read` takes what
    /// the action needs from it, and only a body without findings is acted on
    /// (`perform`), so a refused request changes nothing; the answer is the case's
    /// document as it stands after. With an `Idempotency-Key`, a repeat gets the first answer.
    func caseAction<Input: Sendable>(
        _ request: Request, context: ServerRequestContext, case id: CaseID, keys: [String],
        read: @escaping @Sendable (inout RequestObject) -> Input?,
        perform: @escaping @Sendable (Input) async throws(Problem) -> Void
    ) async throws(Problem) -> Response {
        let bytes = try await body.bytesOfJSON(request)
        let document = try RequestDocument(parsing: bytes)
        let idempotency = try self.idempotency(request, body: bytes, caller: context.caller)
        let caller = context.caller
        let answer = try await desk.idempotent(idempotency) { () async throws(Problem) -> CaseDesk.Answer in
            var object = document.object(LocalizedText(en: "the request", zh: "请求"), known: keys)
            let input = read(&object)
            try object.finish()
            guard let input else { throw Problem.invalidRequest(object.diagnostics) }
            try await perform(input)
            return CaseDesk.Answer(
                status: .ok, location: nil, body: try await self.desk.document(id).json(for: caller))
        }
        return Response.json(answer.body, status: answer.status)
    }

    /// The request's `Idempotency-Key`, scoped to `caller` (the principal, or the
    /// applicant of the case) and the request's method and path, with the request's
    /// fingerprint: the same key from two principals is two keys.
    func idempotency(_ request: Request, body: [UInt8], caller: Caller) throws(Problem) -> CaseDesk
        .Idempotency?
    {
        guard let key = request.headers[HTTPField.Name.idempotencyKey] else { return nil }
        try IdempotencyLedger.validate(key)
        var hash = StableHash.fnv1a("\(request.method) \(request.uri.path)\u{0}")
        hash = StableHash.fnv1a(body, continuing: hash)
        // A key belongs to the caller and the operation's target: the same key sent to
        // another address, or by someone else, is another key.
        return CaseDesk.Idempotency(
            key: IdempotencyLedger.Key(
                caller: "\(Self.idempotencyScope(of: caller)) \(request.method) \(request.uri.path)", key: key
            ),
            fingerprint: StableHash.hex(hash))
    }

    /// Whose keys a caller's are: `principal:ID`, `applicant:CASE`, or `anonymous` (a
    /// server that checks no principals, or a caller nobody knows).
    static func idempotencyScope(of caller: Caller) -> String {
        switch caller {
        case .principal(let principal): "principal:\(principal.id)"
        case .applicant(let id): "applicant:\(id)"
        case .anonymous, .unknownToken, .wrongAccessCode: "anonymous"
        }
    }
}

extension HTTPField.Name {
    /// `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header).
    static let idempotencyKey = known("Idempotency-Key")
    /// `Last-Event-ID` (Server-Sent Events).
    static let lastEventID = known("Last-Event-ID")
    /// `Referrer-Policy` (what a page's links tell the site they lead to).
    static let referrerPolicy = known("Referrer-Policy")
    /// `X-Accel-Buffering` (tells a proxy such as nginx not to buffer a stream).
    static let accelBuffering = known("X-Accel-Buffering")

    /// The field name `name`, a token written in this file.
    static func known(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("\(name) is not an HTTP token") }
        return field
    }
}

extension BodyReader {
    /// The bytes of a body that must be JSON.
    func bytesOfJSON(_ request: Request) async throws(Problem) -> [UInt8] {
        try requireMediaType(request, "application/json")
        return try await bytes(of: request)
    }
}

extension CaseDesk {
    /// Answers with `perform`, or with the first answer to the same request and key.
    func idempotent(_ idempotency: Idempotency?, perform: () async throws(Problem) -> Answer)
        async throws(Problem)
        -> Answer
    {
        guard let idempotency else { return try await perform() }
        let earlier = try await ledger.begin(idempotency.key, fingerprint: idempotency.fingerprint)
        do {
            if let earlier, let status = earlier.status, let body = earlier.body {
                await ledger.finish(idempotency.key)
                return Answer(
                    status: HTTPResponse.Status(code: status), location: earlier.location,
                    body: Array(body.utf8))
            }
            let answer = try await perform()
            try await ledger.answered(
                idempotency.key,
                record: IdempotencyLedger.Record(
                    fingerprint: idempotency.fingerprint, caseID: nil, accessCode: nil,
                    status: answer.status.code,
                    location: answer.location, body: String(decoding: answer.body, as: UTF8.self), at: .now))
            await ledger.finish(idempotency.key)
            return answer
        } catch {
            await ledger.finish(idempotency.key)
            throw error
        }
    }
}
