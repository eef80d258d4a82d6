import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import OneThingDepartmentHTTP
import OneThingRuntime
import Synchronization

/// A department's system for tests: takes the tasks the platform pushes (checking their
/// signature), decides each, and calls back, misbehaving as ``Faults`` say. Every fate
/// is drawn from the seed and the task's key, so a run repeats for a seed. It counts
/// what it saw and what the platform accepted of its misbehaviour (``Tally``).
final class FakeDepartment: Sendable {
    /// How often it misbehaves: each a share from 0 to 1.
    struct Faults: Sendable, Hashable {
        /// Pushes answered 503 (nothing taken).
        var errors = 0.0
        /// Pushes taken but answered only after ``hang`` (past the platform's timeout).
        var timeouts = 0.0
        /// Pushes answered after ``slowDelay`` (within the timeout).
        var slow = 0.0
        /// Callbacks sent twice.
        var duplicates = 0.0
        /// Another callback sent after ``lateDelay``, when the case has closed.
        var late = 0.0
        /// A callback for a task nobody pushed, besides the real one.
        var unknown = 0.0
        /// A callback signed with a wrong secret, before the real one.
        var wrongSignatures = 0.0
        /// A copy of the callback signed an hour earlier (a recorded old callback), after it.
        var replays = 0.0
        /// A rejection, under a new callback id, after the approval.
        var contradictions = 0.0
        /// Decisions that reject instead of approving.
        var rejections = 0.0
        /// Licence requests (`POST /licences`) answered 404: no record of the material.
        var noRecord = 0.0
        /// How long a timed-out push hangs, in milliseconds.
        var hang = 2_000
        /// How long a slow push takes, in milliseconds.
        var slowDelay = 200
        /// How long after taking a task the department answers, in milliseconds.
        var answerDelay = 10
        /// How long after the answer a late callback comes, in milliseconds.
        var lateDelay = 500
    }

    /// What it saw and what came of its callbacks.
    struct Tally: Sendable, Hashable {
        /// Pushes received, repeats included.
        var pushes = 0
        /// The most pushes it was answering at once.
        var peakInFlight = 0
        /// Pushes whose signature did not hold (refused 401).
        var forgedPushes = 0
        /// Pushes whose `Idempotency-Key` header did not name the push (refused 400).
        var mismatchedKeys = 0
        /// Distinct keys taken: the effects.
        var taken = 0
        /// Pushes of a key taken before (the same idempotency key: no new effect).
        var repeatedKeys = 0
        /// Steps (case and step) taken under more than one key: duplicate effects.
        var duplicateEffects = 0
        /// Withdrawals received.
        var withdrawals = 0
        /// Callbacks sent.
        var callbacks = 0
        /// Honest callbacks the platform recorded.
        var recorded = 0
        /// Duplicate callbacks the platform answered as duplicates.
        var duplicatesAnswered = 0
        /// Misbehaving callbacks (wrong signature, replay, unknown task, late,
        /// contradiction) the platform accepted: must stay 0.
        var forgedAccepted = 0
        /// Misbehaving callbacks the platform refused.
        var refused = 0
        /// Callbacks that could not be delivered.
        var undelivered = 0
        /// Licence requests received (`POST /licences`), repeats included.
        var licenceRequests = 0
        /// Licence requests whose signature did not hold (refused 401).
        var forgedLicenceRequests = 0
    }

    let secret: DepartmentSecret
    let wrongSecret = DepartmentSecret(bytes: Array("not-the-secret".utf8), source: "the fake's wrong secret")
    let faultsNow: Mutex<Faults>
    let seed: UInt64
    let client: HTTPClient
    let state = Mutex(State())

    struct State {
        var tally = Tally()
        var keys: Set<String> = []
        var pushesOfKey: [String: Int] = [:]
        var steps: [String: String] = [:]
        var callbackCount = 0
        var inFlight = 0
    }

    /// A fake department signing with `secret`.
    init(secret: DepartmentSecret, faults: Faults, seed: UInt64, client: HTTPClient) {
        self.secret = secret
        self.faultsNow = Mutex(faults)
        self.seed = seed
        self.client = client
    }

    /// How it misbehaves now.
    var faults: Faults {
        get { faultsNow.withLock { $0 } }
        set { faultsNow.withLock { $0 = newValue } }
    }

    /// What it has counted so far.
    var tally: Tally { state.withLock { $0.tally } }

    /// Its router: `POST /tasks` takes pushes; `POST /licences` serves fetched materials
    /// as an e-licence service does (``answerLicence(_:timestamp:signature:)``).
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/licences") { request, _ -> Response in
            let body = Array((try await request.body.collect(upTo: 1 << 20)).readableBytesView)
            return self.answerLicence(
                body, timestamp: Self.header(DepartmentSignature.timestampHeader, of: request),
                signature: Self.header(DepartmentSignature.signatureHeader, of: request))
        }
        router.post("/tasks") { request, _ -> Response in
            let body = Array((try await request.body.collect(upTo: 1 << 20)).readableBytesView)
            return await self.take(
                body, timestamp: Self.header(DepartmentSignature.timestampHeader, of: request),
                signature: Self.header(DepartmentSignature.signatureHeader, of: request),
                key: Self.header(DepartmentSignature.keyHeader, of: request))
        }
        return router
    }

    /// The value of the header `name` of `request`.
    static func header(_ name: String, of request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == name.lowercased() }?.value
    }

    /// Waits `milliseconds`; `false` when the task was cancelled first.
    @discardableResult
    static func pause(_ milliseconds: Int) async -> Bool {
        do {
            try await Task.sleep(for: .milliseconds(milliseconds))
            return true
        } catch {
            return false
        }
    }

    /// Takes one push.
    func take(_ body: [UInt8], timestamp: String?, signature: String?, key: String?) async -> Response {
        state.withLock { state in
            state.tally.pushes += 1
            state.inFlight += 1
            state.tally.peakInFlight = max(state.tally.peakInFlight, state.inFlight)
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        guard let timestamp, let signature, let seconds = Int64(timestamp),
            DepartmentSignature.isValid(signature, body: body, timestamp: seconds, secret: secret)
        else {
            state.withLock { $0.tally.forgedPushes += 1 }
            return Response(status: .unauthorized)
        }
        let task: PushedTask
        do {
            task = try JSONDecoder().decode(PushedTask.self, from: Data(body))
        } catch {
            return Response(status: .badRequest)
        }
        guard key == task.requestKey else {
            // The header must name this push: the task's key, or the key and
            // `/withdraw` for a withdrawal.
            state.withLock { $0.tally.mismatchedKeys += 1 }
            return Response(status: .badRequest)
        }
        if task.action == "withdraw" {
            state.withLock { $0.tally.withdrawals += 1 }
            return Response(status: .ok)
        }
        // Each push of a key draws anew: a retry under the same key may go through.
        let seen = state.withLock { state -> Int in
            state.pushesOfKey[task.key, default: 0] += 1
            return state.pushesOfKey[task.key, default: 0]
        }
        let draw = StableHash.unit("\(task.key)#push#\(seen)", seed: seed)
        if draw < faults.errors { return Response(status: .serviceUnavailable) }
        let isNew = state.withLock { state -> Bool in
            guard state.keys.insert(task.key).inserted else {
                state.tally.repeatedKeys += 1
                return false
            }
            state.tally.taken += 1
            let step = "\(task.caseID)/\(task.step)"
            if state.steps[step] != nil { state.tally.duplicateEffects += 1 }
            state.steps[step] = task.key
            return true
        }
        if isNew, let callback = task.callback {
            Task { await self.answer(task, at: callback) }
        }
        if draw < faults.errors + faults.timeouts {
            await Self.pause(faults.hang)
        } else if draw < faults.errors + faults.timeouts + faults.slow {
            await Self.pause(faults.slowDelay)
        }
        return Response(status: .accepted)
    }

    /// Decides `task` and calls back at `url`, misbehaving as drawn.
    func answer(_ task: PushedTask, at url: String) async {
        guard await Self.pause(faults.answerDelay) else { return }
        let reject = StableHash.unit("\(task.key)#decision", seed: seed) < faults.rejections
        let outcome: AdapterOutcome = reject ? .rejected(reason: "fake department: not permitted") : .approved
        let results = reject ? nil : results(of: task)
        let honest = DepartmentAnswer(callbackID: nextID(), key: task.key, outcome: outcome, results: results)
        let draw = StableHash.unit("\(task.key)#callback", seed: seed)
        var bound = faults.wrongSignatures
        if draw < bound {
            await send(honest, to: url, secret: wrongSecret, honest: false)
        }
        await send(honest, to: url, secret: secret, honest: true)
        bound += faults.duplicates
        if draw >= faults.wrongSignatures, draw < bound {
            await send(honest, to: url, secret: secret, honest: true)
        }
        if draw >= bound, draw < bound + faults.replays {
            await send(honest, to: url, secret: secret, honest: false, ageSeconds: 3600)
        }
        bound += faults.replays
        if draw >= bound, draw < bound + faults.unknown {
            let forged = DepartmentAnswer(
                callbackID: nextID(), key: "C00000000-9999/\(task.step)/1", outcome: .approved)
            await send(forged, to: url, secret: secret, honest: false)
        }
        bound += faults.unknown
        if draw >= bound, draw < bound + faults.contradictions {
            let other: AdapterOutcome =
                reject ? .approved : .rejected(reason: "fake department: changed its mind")
            await send(
                DepartmentAnswer(callbackID: nextID(), key: task.key, outcome: other), to: url,
                secret: secret, honest: false)
        }
        bound += faults.contradictions
        if draw >= bound, draw < bound + faults.late {
            guard await Self.pause(faults.lateDelay) else { return }
            await send(
                DepartmentAnswer(callbackID: nextID(), key: task.key, outcome: outcome, results: results),
                to: url,
                secret: secret, honest: false)
        }
    }

    /// The results an approval of `task` decides: one of the values the task offers for
    /// each (``PushedTask/resultValues``), drawn from the seed and the task's key; `nil`
    /// when it offers none.
    func results(of task: PushedTask) -> [String: String]? {
        guard let offered = task.resultValues, !offered.isEmpty else { return nil }
        var results: [String: String] = [:]
        for (output, values) in offered where !values.isEmpty {
            let draw = StableHash.unit("\(task.key)#result#\(output)", seed: seed)
            results[output] = values[min(Int(draw * Double(values.count)), values.count - 1)]
        }
        return results
    }

    /// A fresh callback id.
    func nextID() -> String {
        let count = state.withLock { state -> Int in
            state.callbackCount += 1
            return state.callbackCount
        }
        return "fake-\(seed)-\(count)"
    }

    /// Posts `answer` to `url`, signed with `secret` as of `ageSeconds` ago, and counts what came of it.
    func send(
        _ answer: DepartmentAnswer, to url: String, secret: DepartmentSecret, honest: Bool,
        ageSeconds: Int64 = 0
    )
        async
    {
        state.withLock { $0.tally.callbacks += 1 }
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(answer))
        } catch {
            state.withLock { $0.tally.undelivered += 1 }
            return
        }
        let timestamp = Int64(Date().timeIntervalSince1970) - ageSeconds
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: DepartmentSignature.timestampHeader, value: "\(timestamp)")
        request.headers.add(
            name: DepartmentSignature.signatureHeader,
            value: DepartmentSignature.sign(body, timestamp: timestamp, secret: secret))
        request.body = .bytes(ByteBuffer(bytes: body))
        let status: Int
        let duplicate: Bool
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let reply = try await response.body.collect(upTo: 1 << 16)
            status = Int(response.status.code)
            duplicate = String(buffer: reply).contains("\"duplicate\":true")
        } catch {
            state.withLock { $0.tally.undelivered += 1 }
            return
        }
        state.withLock { state in
            switch (honest, (200..<300).contains(status)) {
            case (true, true):
                if duplicate { state.tally.duplicatesAnswered += 1 } else { state.tally.recorded += 1 }
            case (false, true):
                if duplicate { state.tally.duplicatesAnswered += 1 } else { state.tally.forgedAccepted += 1 }
            case (_, false):
                state.tally.refused += 1
            }
        }
    }
}
