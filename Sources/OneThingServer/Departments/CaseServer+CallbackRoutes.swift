import HTTPTypes
import Hummingbird
import OneThingDepartmentHTTP
import OneThingRuntime

extension CaseServer {
    /// The callback route of departments connected over HTTP: `POST
    /// /v1/departments/{department}/callbacks` with a signed answer on one task. The
    /// signature is the credential (no token): ``OneThingDepartmentHTTP/CallbackVerifier``
    /// checks it, the timestamp window and the callback id; then the task must be the
    /// department's and wait for this answer (its current attempt, an open case). A
    /// repeated callback is answered as the first was and recorded once.
    func addCallbackRoutes(_ routes: RouteSet) {
        routes.add(.post, "/v1/departments/{department}/callbacks", "postDepartmentCallback") {
            request, context in
            let department = try context.parameter("department")
            let bytes = try await self.body.bytes(of: request)
            let signed = Self.signature(of: request)
            let answer = try await self.takeCallback(
                of: department, timestamp: signed.timestamp, signature: signed.signature, body: bytes)
            return try Response.json(answer)
        }
    }

    /// What the platform answers a callback it took.
    struct CallbackAnswer: Encodable, Sendable {
        /// The callback's id.
        var callbackId: String
        /// The task's key.
        var taskKey: String
        /// Whether the answer was recorded now (`false` for a repeat).
        var recorded: Bool
        /// Whether the callback repeats one taken before.
        var duplicate: Bool
    }

    /// Checks and takes a callback of `department`.
    ///
    /// - Throws: ``Problem`` for a refused callback (``Problem/init(_:)-callback``), or
    ///   when the engine cannot take the answer now.
    func takeCallback(of department: String, timestamp: String?, signature: String?, body: [UInt8])
        async throws(Problem) -> CallbackAnswer
    {
        guard let verifier = configuration.callbacks else {
            throw Problem(CallbackRefusal(.unknownDepartment(department)))
        }
        let verified: CallbackVerifier.Verified
        do throws(CallbackRefusal) {
            verified = try verifier.verify(
                department: department, timestamp: timestamp, signature: signature, body: body)
        } catch {
            logger.notice(
                "department callback refused",
                metadata: ["department": "\(department)", "reason": "\(error.code)"])
            throw Problem(error)
        }
        if verified.isDuplicate {
            return CallbackAnswer(
                callbackId: verified.callbackID, taskKey: verified.key, recorded: false, duplicate: true)
        }
        do throws(Problem) {
            try await checkCallbackTask(verified.key, of: department)
            do {
                try await engine.report(
                    verified.outcome, for: verified.key, documents: verified.documents,
                    results: verified.results)
            } catch {
                throw Problem(error)
            }
        } catch {
            // Refused or not stored: the same callback may come again and be judged anew.
            verifier.release(verified)
            logger.notice(
                "department callback refused",
                metadata: ["department": "\(department)", "key": "\(verified.key)", "reason": "\(error)"])
            throw error
        }
        return CallbackAnswer(
            callbackId: verified.callbackID, taskKey: verified.key, recorded: true, duplicate: false)
    }

    /// Checks that the task with `key` is `department`'s and waits for its answer: the
    /// step's department, its current key, an open case, a step sent (or to be sent
    /// again) or under review.
    func checkCallbackTask(_ key: String, of department: String) async throws(Problem) {
        guard let parsed = Submission.parse(key: key) else {
            throw Problem(CallbackRefusal(.unknownTask(key: key)))
        }
        let state: CaseState
        do {
            state = try await engine.read(parsed.caseID)
        } catch {
            if case .unknownCase = error { throw Problem(CallbackRefusal(.unknownTask(key: key))) }
            throw Problem(error)
        }
        guard let step = state.blueprint.stepIndex(parsed.stepID) else {
            throw Problem(CallbackRefusal(.unknownTask(key: key)))
        }
        guard state.blueprint.steps[step].department == department else {
            throw Problem(CallbackRefusal(.notTheirs(key: key)))
        }
        // A step waiting to be pushed again under its key (`ready`) may have been taken
        // by the department already, through a push whose answer was lost: it waits too.
        let current = state.steps[step]
        guard !state.isClosed, current.key == key,
            current.status == .dispatched || current.status == .inReview || current.status == .ready
        else { throw Problem(CallbackRefusal(.notCurrent(key: key))) }
    }

    /// The signature headers of a request signed as the platform's callbacks are.
    static func signature(of request: Request) -> (timestamp: String?, signature: String?) {
        (request.headers[values: timestampField].first, request.headers[values: signatureField].first)
    }

    static let timestampField = HTTPField.Name(DepartmentSignature.timestampHeader) ?? .contentType
    static let signatureField = HTTPField.Name(DepartmentSignature.signatureHeader) ?? .contentType
}
