import OneThing
import OneThingRuntime

/// A triangular distribution: a minimum, a most likely value and a maximum.
public struct Triangular: Sendable, Hashable, Codable {
    /// The smallest value.
    public var min: Double
    /// The most likely value.
    public var mode: Double
    /// The largest value.
    public var max: Double

    /// Creates a distribution; the values are sorted so that min ≤ mode ≤ max.
    public init(min: Double, mode: Double, max: Double) {
        let sorted = [min, mode, max].sorted()
        self.min = sorted[0]
        self.mode = sorted[1]
        self.max = sorted[2]
    }

    /// A value for the uniform random number `u` in 0..<1 (inverse transform).
    public func sample(_ u: Double) -> Double {
        guard max > min else { return min }
        let cut = (mode - min) / (max - min)
        if u < cut { return min + ((max - min) * (mode - min) * u).squareRoot() }
        return max - ((max - min) * (max - mode) * (1 - u)).squareRoot()
    }
}

/// How a simulated department behaves.
public struct SimulatedDepartment: Sendable, Hashable, Codable {
    /// How long a review takes, as a fraction of the task's promised limit.
    public var latency: Triangular
    /// How long a review takes in working days, instead of a fraction, when set.
    public var latencyDays: Triangular?
    /// The probability of a rejection.
    public var rejection: Double
    /// The probability of asking for a supplement (补正) once.
    public var supplement: Double
    /// How long the applicant takes to supply it, in working days.
    public var supplementResponse: Triangular
    /// The probability that a submission fails (an error the runtime retries).
    public var errors: Double
    /// The probability that a submission times out (retried like an error).
    public var timeouts: Double

    /// Creates a department's behaviour.
    public init(
        latency: Triangular = Triangular(min: 0.3, mode: 0.7, max: 1.1), latencyDays: Triangular? = nil,
        rejection: Double = 0.01, supplement: Double = 0.08,
        supplementResponse: Triangular = Triangular(min: 0.5, mode: 1, max: 3), errors: Double = 0.01,
        timeouts: Double = 0.005
    ) {
        self.latency = latency
        self.latencyDays = latencyDays
        self.rejection = rejection
        self.supplement = supplement
        self.supplementResponse = supplementResponse
        self.errors = errors
        self.timeouts = timeouts
    }

    /// A department that approves at once and never fails: for benchmarks.
    public static let instant = SimulatedDepartment(
        latency: Triangular(min: 0, mode: 0, max: 0), rejection: 0, supplement: 0,
        supplementResponse: Triangular(min: 0, mode: 0, max: 0), errors: 0, timeouts: 0)
}

/// The simulated departments of a run: a default and exceptions by department id.
public struct SimulationSettings: Sendable, Hashable, Codable {
    /// The behaviour of departments not named.
    public var defaults: SimulatedDepartment
    /// Behaviour by department id.
    public var departments: [String: SimulatedDepartment]
    /// How long the applicant takes to bring a deferred material, as a fraction of its deadline.
    public var deferredArrival: Triangular

    /// Creates settings.
    public init(
        defaults: SimulatedDepartment = SimulatedDepartment(),
        departments: [String: SimulatedDepartment] = [:],
        deferredArrival: Triangular = Triangular(min: 0.1, mode: 0.5, max: 1.05)
    ) {
        self.defaults = defaults
        self.departments = departments
        self.deferredArrival = deferredArrival
    }

    /// The behaviour of `department`.
    public func department(_ id: String) -> SimulatedDepartment { departments[id] ?? defaults }
}
