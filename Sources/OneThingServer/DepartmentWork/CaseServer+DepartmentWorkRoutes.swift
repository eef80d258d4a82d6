import Hummingbird
import OneThing
import OneThingAccess
import OneThingRuntime
import ServiceLifecycle

extension CaseServer {
    /// The department-work routes: the tasks waiting for a department, activating
    /// (claiming) some with a lease and long polling, and deciding a claimed one, for
    /// the departments whose adapter is a ``OneThingRuntime/WorkQueue``. An officer or a
    /// department system reaches only its own department's tasks (403 otherwise); the
    /// worker a claim and a decision are recorded under is the caller's principal id.
    func addDepartmentWorkRoutes(_ routes: RouteSet) {
        for queue in workQueues {
            queue.connect(to: engine)
            queue.listen()
        }
        routes.add(.get, "/v1/departments/{department}/tasks", "listDepartmentTasks") { request, context in
            let department = try context.parameter("department")
            try await self.accessGate.require(.readTasks(department: department), of: request)
            let queue = try await self.workQueue(of: department)
            let jobs: [WorkQueue.Job]
            do throws(StoreError) {
                jobs = try await queue.jobs(department: department)
            } catch {
                throw Problem(error)
            }
            return try Response.json(TaskList(department: department, tasks: jobs.map(TaskBody.init)))
        }
        routes.add(.post, "/v1/departments/{department}/tasks/activate", "activateDepartmentTasks") {
            request, context in
            let department = try context.parameter("department")
            let caller = try await self.accessGate.require(.claimTasks(department: department), of: request)
            let queue = try await self.workQueue(of: department)
            let activation = try await self.activation(request, caller: caller)
            // At graceful shutdown a long poll ends at once with what it has: nothing claimed.
            let jobs = await cancelWhenGracefulShutdown {
                await queue.activate(
                    department: department, worker: activation.worker, maxJobs: activation.maxTasks,
                    lease: activation.lease, wait: activation.wait)
            }
            return try Response.json(TaskList(department: department, tasks: jobs.map(TaskBody.init)))
        }
        routes.add(
            .post, "/v1/departments/{department}/tasks/{case}/{step}/{attempt}/decision",
            "decideDepartmentTask"
        ) { request, context in
            let department = try context.parameter("department")
            let key = Submission.key(
                caseID: try context.parameter("case"), stepID: try context.parameter("step"),
                attempt: Int(try context.parameter("attempt")) ?? 0)
            let caller = try await self.accessGate.require(.decideTask(department: department), of: request)
            let task = try await self.task(key, of: department)
            let asked = try await self.decision(request, caller: caller)
            let decision = try await self.decide(
                task, worker: asked.worker, outcome: asked.outcome, outputs: asked.outputs,
                results: asked.results)
            return try Response.json(DecisionBody(decision, caseID: task.caseID))
        }
    }

    /// A task of a department's work queue, about to be decided.
    struct QueuedTask: Sendable {
        /// The queue it waits in.
        var queue: WorkQueue
        /// Its key, `case/step/attempt`.
        var key: String
        /// Its case.
        var caseID: CaseID
        /// Its step's id.
        var stepID: String
    }

    /// The task with `key` in the work queue of `department`.
    ///
    /// - Throws: ``Problem`` 404 for a department without a work queue, a key that is no
    ///   task's, or a task of another department.
    func task(_ key: String, of department: String) async throws(Problem) -> QueuedTask {
        let queue = try await workQueue(of: department)
        let job: WorkQueue.Job?
        do throws(StoreError) {
            job = try await queue.job(key: key)
        } catch {
            throw Problem(error)
        }
        guard let parsed = Submission.parse(key: key), job.map({ $0.department == department }) ?? true
        else { throw Problem(WorkQueue.Refusal(key: key, reason: .unknownKey)) }
        return QueuedTask(queue: queue, key: key, caseID: parsed.caseID, stepID: parsed.stepID)
    }

    /// `worker` decides `task`: the outputs an approval names are checked against what
    /// the step issues, then the work queue reports the decision to the engine
    /// (``OneThingRuntime/Engine/decide(_:case:step:by:)``, recording who decided). The
    /// one way both the API and the department's page decide.
    ///
    /// An approval's `results` (output id → value id) must say each result a later step
    /// waits for (the engine checks them).
    ///
    /// - Throws: ``Problem``: outputs the step does not issue (400), the work queue's
    ///   refusal (409, 422, 404, 503 with its reason).
    func decide(
        _ task: QueuedTask, worker: String, outcome: AdapterOutcome, outputs: [String: String],
        results: [String: String] = [:]
    )
        async throws(Problem) -> WorkQueue.Decision
    {
        if !outputs.isEmpty {
            try await checkOutputs(outputs, case: task.caseID, step: task.stepID)
        }
        do throws(WorkQueue.Refusal) {
            return try await task.queue.complete(
                key: task.key, worker: worker, outcome: outcome, outputs: outputs, results: results)
        } catch {
            throw Problem(error)
        }
    }

    /// The work queues among the engine's adapters.
    var workQueues: [WorkQueue] {
        var queues: [ObjectIdentifier: WorkQueue] = [:]
        for adapter in [engine.adapters.fallback] + Array(engine.adapters.byDepartment.values) {
            if let queue = adapter as? WorkQueue { queues[ObjectIdentifier(queue)] = queue }
        }
        return Array(queues.values)
    }

    /// The work queue of `department`.
    ///
    /// - Throws: ``Problem`` 404 for a department the catalogue does not know, or one
    ///   whose tasks do not wait in a work queue (simulated, or decided otherwise).
    func workQueue(of department: String) async throws(Problem) -> WorkQueue {
        guard await library.catalogue.departments[department] != nil else {
            throw Problem(
                .notFound, en: "no department '\(department)' is in the catalogue",
                zh: "目录中没有部门“\(department)”",
                members: ["department": department])
        }
        guard let queue = engine.adapters.adapter(for: department) as? WorkQueue else {
            throw Problem(
                .notFound,
                en:
                    "department '\(department)' does not pull its work: its tasks are not in a work queue (see the adapters file)",
                zh: "部门“\(department)”不通过任务队列领取任务（见部门适配配置文件）", members: ["department": department])
        }
        return queue
    }

    /// What an activation asks for.
    struct Activation: Sendable {
        var worker: String
        var maxTasks: Int
        var lease: Duration
        var wait: Duration
    }

    /// The activation `request` asks for: `maxTasks` (1–100, default 10), `leaseSeconds`
    /// (up to the longest lease, default the configured one), `waitSeconds` (up to the
    /// longest poll, default 0: answer at once). `worker` names the claimant only on a
    /// server without principals; otherwise the caller's principal id does.
    func activation(_ request: Request, caller: Caller) async throws(Problem) -> Activation {
        let document = try await body.json(of: request)
        var object = document.object(
            LocalizedText(en: "an activation", zh: "领取请求"),
            known: ["maxTasks", "leaseSeconds", "waitSeconds", "worker"])
        let longestLease = Int(configuration.longestLease.components.seconds)
        let longestPoll = Int(configuration.longestPoll.components.seconds)
        let maxTasks = object.integer("maxTasks", in: 1...100, required: false) ?? 10
        let lease = object.integer("leaseSeconds", in: 1...max(1, longestLease), required: false)
        let wait = object.integer("waitSeconds", in: 0...max(0, longestPoll), required: false) ?? 0
        let named = object.string("worker", required: false)
        try object.finish()
        return Activation(
            worker: Self.worker(caller, named: named), maxTasks: maxTasks,
            lease: lease.map { .seconds($0) } ?? configuration.defaultLease, wait: .seconds(wait))
    }

    /// The decision `request` makes: `decision` (`approve`, `reject`,
    /// `request-supplement`, `in-review`), `reason` (required to reject), `missing`
    /// (required to ask for a supplement: what the applicant must bring), `outputs` (an
    /// approval's: output id → the document's number), `results` (an approval's: output
    /// id → value id).
    func decision(_ request: Request, caller: Caller) async throws(Problem) -> AskedDecision {
        let document = try await body.json(of: request)
        var object = document.object(
            LocalizedText(en: "a decision", zh: "办理决定"),
            known: ["decision", "reason", "missing", "outputs", "results", "worker"])
        let decision = object.string("decision", required: true)
        let reason = object.string("reason", required: decision == "reject")
        let missing = object.string("missing", required: decision == "request-supplement")
        let outputs = try Self.texts(
            in: &object, "outputs", what: LocalizedText(en: "the outputs", zh: "出具的证照"))
        let results = try Self.texts(
            in: &object, "results", what: LocalizedText(en: "the results", zh: "办理结果"))
        let named = object.string("worker", required: false)
        try object.finish()
        let outcome: AdapterOutcome
        switch decision {
        case "approve": outcome = .approved
        case "reject": outcome = .rejected(reason: reason ?? "")
        case "request-supplement": outcome = .supplementRequested(note: missing ?? "")
        case "in-review": outcome = .inReview
        default:
            throw Problem(
                .invalidRequest,
                en: "'\(decision ?? "")' is not a decision: approve, reject, request-supplement or in-review",
                zh: "“\(decision ?? "")”不是有效的办理决定：approve、reject、request-supplement 或 in-review",
                members: ["decision": decision ?? ""])
        }
        return AskedDecision(
            outcome: outcome, outputs: outputs, results: results, worker: Self.worker(caller, named: named))
    }

    /// What a decision request asks: the outcome, an approval's outputs and results, who decides.
    struct AskedDecision {
        var outcome: AdapterOutcome
        var outputs: [String: String]
        var results: [String: String]
        var worker: String
    }

    /// The member `name` of `object` as an object of texts (output id → text); empty when
    /// it is absent.
    static func texts(in object: inout RequestObject, _ name: String, what: LocalizedText)
        throws(Problem) -> [String: String]
    {
        var texts: [String: String] = [:]
        guard let node = object.object(name, required: false) else { return texts }
        var members = RequestObject(node, what: what, known: node.entries?.map(\.key.value) ?? [])
        for entry in node.entries ?? [] {
            if let text = members.string(entry.key.value, required: true) { texts[entry.key.value] = text }
        }
        try members.finish()
        return texts
    }

    /// Refuses outputs that step `stepID` of case `id` does not issue.
    func checkOutputs(_ outputs: [String: String], case id: CaseID, step stepID: String) async throws(Problem)
    {
        let state: CaseState
        do {
            state = try await engine.read(id)
        } catch {
            throw Problem(error)
        }
        guard let index = state.blueprint.stepIndex(stepID) else { return }
        let issued = state.blueprint.steps[index].outputs
        let unknown = state.blueprint.steps[index].documentsNotIssued(outputs.keys)
        guard unknown.isEmpty else {
            let list = issued.isEmpty ? "none" : issued.joined(separator: ", ")
            throw Problem(
                .invalidRequest,
                en: "step \(stepID) does not issue \(unknown.joined(separator: ", ")); it issues: \(list)",
                zh:
                    "环节“\(stepID)”不出具 \(unknown.joined(separator: "、"))；其出具：\(issued.isEmpty ? "无" : issued.joined(separator: "、"))",
                members: ["step": stepID])
        }
    }

    /// Who a claim or a decision is recorded under: the caller's principal id; on a
    /// server without principals, the worker the request names, else `anonymous`.
    static func worker(_ caller: Caller, named: String?) -> String {
        caller.recordedAs ?? named ?? "anonymous"
    }
}
