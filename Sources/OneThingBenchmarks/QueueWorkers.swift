import AsyncHTTPClient
import Foundation
import Synchronization

/// The workers of a department that decides by hand, as `onething-bench failover` runs
/// them: each long-polls the work queue of one serve instance (`POST
/// /v1/departments/{d}/tasks/activate`) and approves every task it gets there, whichever
/// instance dispatched it and holds its case, until cancelled.
final class QueueWorkers: Sendable {
    /// What the workers did.
    struct Counts: Sendable {
        /// Tasks activated.
        var activated = 0
        /// Approvals the instance took.
        var decided = 0
        /// Approvals the instance refused (a lease lapsed, the step withdrawn).
        var refused = 0
        /// Approvals sent again after the instance could not record them at once (503:
        /// its write met another instance's, for instance).
        var retried = 0
        /// Requests the instance did not answer.
        var unanswered = 0
    }

    /// The instance polled.
    let instance: ServeInstance
    /// The department.
    let department: String
    let counts = Mutex(Counts())

    /// Workers of `department` on `instance`.
    init(instance: ServeInstance, department: String) {
        self.instance = instance
        self.department = department
    }

    /// Runs `workers` workers until the task is cancelled; returns what they did.
    func run(workers: Int, client: HTTPClient) async -> Counts {
        await withTaskGroup(of: Void.self) { group in
            for number in 1...max(1, workers) {
                group.addTask { [self] in await work(as: "\(department)-worker-\(number)", client: client) }
            }
        }
        return counts.withLock { $0 }
    }

    /// One worker: activates up to ten tasks (waiting up to two seconds for one) and
    /// approves each, again and again.
    func work(as worker: String, client: HTTPClient) async {
        while !Task.isCancelled {
            do {
                let (_, list) = try await instance.post(
                    "/v1/departments/\(department)/tasks/activate",
                    body: #"{"worker":"\#(worker)","maxTasks":10,"leaseSeconds":30,"waitSeconds":2}"#,
                    client: client)
                let tasks = (list?["tasks"] as? [[String: Any]] ?? []).compactMap {
                    $0["decision"] as? String
                }
                counts.withLock { $0.activated += tasks.count }
                for path in tasks { try await approve(path, as: worker, client: client) }
            } catch {
                counts.withLock { $0.unanswered += 1 }
                do {
                    try await Task.sleep(for: .milliseconds(200))
                } catch {
                    return
                }
            }
        }
    }

    /// Approves the task whose decision is posted to `path`, again (up to twenty times,
    /// a tenth of a second apart) while the instance answers that it cannot record it now.
    func approve(_ path: String, as worker: String, client: HTTPClient) async throws {
        for attempt in 0..<20 {
            let (status, _) = try await instance.post(
                path, body: #"{"decision":"approve","worker":"\#(worker)"}"#, client: client)
            if status == 503, attempt < 19 {
                counts.withLock { $0.retried += 1 }
                try await Task.sleep(for: .milliseconds(100))
                continue
            }
            counts.withLock { counts in
                if status == 200 { counts.decided += 1 } else { counts.refused += 1 }
            }
            return
        }
    }
}
