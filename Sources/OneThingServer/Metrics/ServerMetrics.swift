import OneThingRuntime
import Prometheus
import Synchronization

/// The server's Prometheus metrics, served at `GET /metrics`: requests by route and
/// status (and their duration), cases by state, events appended, the store's append
/// latency, and the tasks overdue by department. Labels name routes by their pattern
/// (`/v1/cases/{id}`) and departments by id, never a case or a person, so the metrics
/// hold no personal number and stay small.
public final class ServerMetrics: Sendable {
    /// The registry the metrics are kept in; `swift-metrics` can be bootstrapped on it too.
    public let registry: PrometheusCollectorRegistry
    let eventsAppended: Counter
    let appendLatency: DurationHistogram
    private let board = Mutex(Board())

    /// What the gauges count, kept from the acknowledged events.
    struct Board {
        var states: [String: Int] = [:]
        /// The overdue steps of open cases: case → step → department.
        var overdue: [CaseID: [Int: String]] = [:]
        var overdueByDepartment: [String: Int] = [:]
    }

    /// The states a case is counted in: `open`, then how it ended.
    public static let caseStates = ["open"] + CaseOutcome.allCases.map(\.rawValue)

    /// Metrics in a registry of their own (or `registry`).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        eventsAppended = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "onething", metricName: "events_appended", unitName: "total",
                helpText: "Events appended to the store and acknowledged"))
        appendLatency = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "onething", metricName: "store_append_duration", unitName: "seconds",
                helpText: "How long one append to the store takes (a group commit of one or more events)"),
            labels: [],
            buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1].map {
                .milliseconds($0 * 1000)
            })
        for state in Self.caseStates { gauge(state: state).set(to: 0) }
    }

    // MARK: Requests

    /// Counts a request of `method` to the route `route` answered with `status`, which took `duration`.
    func request(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "onething", metricName: "http_requests", unitName: "total",
                helpText: "HTTP requests by route pattern, method and status"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "onething", metricName: "http_request_duration", unitName: "seconds",
                helpText: "How long requests took, by route pattern and method"),
            labels: [("route", route), ("method", method)],
            buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5].map { .milliseconds($0 * 1000) }
        ).record(duration)
    }

    // MARK: Cases

    /// Counts what an acknowledged event changes.
    func record(_ event: CaseEvent, blueprint: CaseBlueprint?) {
        eventsAppended.increment()
        let changed = board.withLock { board -> [(String, Int)] in
            switch event.kind {
            case .started:
                board.states["open", default: 0] += 1
                return [("open", board.states["open", default: 0])]
            case .delivered(_, let outcome):
                board.states["open", default: 0] -= 1
                board.states[outcome.rawValue, default: 0] += 1
                var changed = [("open", board.states["open", default: 0])]
                changed.append((outcome.rawValue, board.states[outcome.rawValue, default: 0]))
                for department in (board.overdue.removeValue(forKey: event.caseID) ?? [:]).values {
                    board.overdueByDepartment[department, default: 0] -= 1
                }
                return changed
            default:
                return []
            }
        }
        for (state, count) in changed { gauge(state: state).set(to: Double(count)) }
        overdue(event, blueprint: blueprint)
    }

    /// Keeps the overdue steps by department: a step counts from its overdue event until it ends.
    func overdue(_ event: CaseEvent, blueprint: CaseBlueprint?) {
        let changed = board.withLock { board -> String? in
            switch event.kind {
            case .overdue(let step, _):
                guard let department = blueprint?.steps[step].department,
                    board.overdue[event.caseID, default: [:]].updateValue(department, forKey: step) == nil
                else { return nil }
                board.overdueByDepartment[department, default: 0] += 1
                return department
            case .approved(let step), .rejected(let step, _), .cancelled(let step, _), .failed(let step, _):
                guard let department = board.overdue[event.caseID]?.removeValue(forKey: step) else {
                    return nil
                }
                board.overdueByDepartment[department, default: 0] -= 1
                return department
            case .dueChanged(.some(let step), _, let due) where event.at < due:
                guard let department = board.overdue[event.caseID]?.removeValue(forKey: step) else {
                    return nil
                }
                board.overdueByDepartment[department, default: 0] -= 1
                return department
            default:
                return nil
            }
        }
        if let changed {
            let count = board.withLock { $0.overdueByDepartment[changed, default: 0] }
            overdueGauge(department: changed).set(to: Double(count))
        }
    }

    /// Sets the gauges from the store's cases, as a server does when it starts: `states`
    /// counts cases by state, `overdue` lists the overdue steps of open cases.
    func reset(states: [String: Int], overdue: [CaseID: [Int: String]]) {
        let departments = board.withLock { board -> [String: Int] in
            board.states = states
            board.overdue = overdue
            board.overdueByDepartment = [:]
            for steps in overdue.values {
                for department in steps.values { board.overdueByDepartment[department, default: 0] += 1 }
            }
            return board.overdueByDepartment
        }
        for state in Self.caseStates { gauge(state: state).set(to: Double(states[state, default: 0])) }
        for (department, count) in departments { overdueGauge(department: department).set(to: Double(count)) }
    }

    func gauge(state: String) -> Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "onething", metricName: "cases", unitName: "",
                helpText: "Cases by state: open, or how they ended"),
            labels: [("state", state)])
    }

    func overdueGauge(department: String) -> Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "onething", metricName: "overdue_tasks", unitName: "",
                helpText: "Steps of open cases past their due moment, by department"),
            labels: [("department", department)])
    }

    /// The metrics in Prometheus's text format.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
