import OneThingRuntime

/// Something a simulated department, or the simulated applicant, will do.
public struct Happening: Sendable, Hashable {
    /// What happens.
    public enum Kind: Sendable, Hashable {
        /// The department reports on the submission.
        case outcome(AdapterOutcome)
        /// The applicant supplies what the department asked for (补正).
        case supplementSupplied
        /// The submission fails; the call that made it throws.
        case failure(reason: String)
        /// The applicant brings a deferred material (容缺).
        case material(String)
        /// The e-licence or shared-data service delivers, late, a fetched material the
        /// case waits for (`fallback: wait`).
        case lateDelivery(String)
    }

    /// When.
    public var at: Timestamp
    /// The case.
    public var caseID: CaseID
    /// The step's index (a material's happening: -1).
    public var step: Int
    /// The step's id (a material's happening: the material's id).
    public var stepID: String
    /// The submission's idempotency key (a material's happening: `case/material`).
    public var key: String
    /// What.
    public var kind: Kind
    /// Its place among the happenings of the same key.
    public var order: Int
    /// With an approval, the results produced in the case it decided (output id →
    /// value id), drawn from the values the submission offers.
    public var results: [String: String] = [:]

    /// Whether `a` happens before `b`: by moment, then key, then order, so that runs
    /// repeat exactly whatever order the happenings were sampled in.
    public static func earlier(_ a: Happening, _ b: Happening) -> Bool {
        (a.at, a.key, a.order) < (b.at, b.key, b.order)
    }
}

/// The one sampler of simulated departments and the simulated applicant: what a
/// department does with a submission and when, and when the applicant brings a
/// deferred material. Both the live runs of the command line (``SimulatedAdapter``
/// behind an ``Engine``) and ``Simulation`` draw from it, so the same seed gives the
/// same case.
///
/// Every draw comes from the seed and the submission's case, step and attempt (or the
/// case and the material) alone, never from what was drawn before, so a run does not
/// depend on the order in which concurrent submissions arrive, and the same attempt sent
/// twice is one submission with one fate. Times are working time on the case's calendar
/// (office hours), from the moment the submission was sent.
public struct DepartmentSampler: Sendable {
    /// How the departments and the applicant behave.
    public let settings: SimulationSettings
    /// The seed.
    public let seed: UInt64

    /// A sampler of `settings` drawing from `seed`.
    public init(settings: SimulationSettings, seed: UInt64) {
        self.settings = settings
        self.seed = seed
    }

    /// What the fate of a submission is drawn from: its case, step and attempt
    /// (`case/step/attempt`). Every attempt of a step goes under the step's one key, and a
    /// simulated department meets each attempt afresh, as a real system's call that failed
    /// may go through when tried again; a repeat of the same attempt draws the same fate.
    static func fateName(of submission: Submission) -> String {
        Submission.key(caseID: submission.caseID, stepID: submission.stepID, attempt: submission.attempt)
    }

    /// How long a timed-out call takes to fail: 30 seconds.
    public static let timeoutMilliseconds: Int64 = 30_000

    /// What the department of `submission` (a step whose promised limit is `limit`)
    /// will do, from the moment it was sent, on `calendar`: a failure of the call (an
    /// error at once, a timeout after 30 seconds), or a review of a sampled length,
    /// perhaps with one supplement request and the applicant's reply, then an approval
    /// or a rejection.
    public func fate(of submission: Submission, limit: TimeLimit, on calendar: WorkdayCalendar) -> [Happening]
    {
        let department = settings.department(submission.department)
        var random = SplitMix64(seed: StableHash.fnv1a(Self.fateName(of: submission), seed: seed))
        let sentAt = submission.sentAt ?? submission.due
        func happening(_ kind: Happening.Kind, at: Timestamp, order: Int) -> Happening {
            Happening(
                at: at, caseID: submission.caseID, step: submission.step, stepID: submission.stepID,
                key: submission.key, kind: kind, order: order)
        }
        let roll = random.unit()
        if roll < department.errors {
            return [happening(.failure(reason: "simulated error"), at: sentAt, order: 0)]
        }
        if roll < department.errors + department.timeouts {
            return [
                happening(
                    .failure(reason: "simulated timeout"),
                    at: sentAt.adding(milliseconds: Self.timeoutMilliseconds),
                    order: 0)
            ]
        }
        let latency = Self.bounded(
            department.latencyDays.map { $0.sample(random.unit()) }
                ?? department.latency.sample(random.unit()) * limit.workdayEquivalent)
        var happenings = [happening(.outcome(.inReview), at: sentAt, order: 0)]
        do {
            var at = sentAt
            if random.unit() < department.supplement {
                at = try calendar.adding(workingDays: latency / 2, to: at)
                happenings.append(
                    happening(.outcome(.supplementRequested(note: "simulated supplement")), at: at, order: 1))
                let response = Self.bounded(department.supplementResponse.sample(random.unit()))
                at = try calendar.adding(workingDays: response, to: at)
                happenings.append(happening(.supplementSupplied, at: at, order: 2))
                at = try calendar.adding(workingDays: latency / 2, to: at)
            } else {
                at = try calendar.adding(workingDays: latency, to: at)
            }
            let outcome: AdapterOutcome =
                random.unit() < department.rejection ? .rejected(reason: "simulated rejection") : .approved
            var decision = happening(.outcome(outcome), at: at, order: 3)
            if outcome == .approved { decision.results = Self.draw(submission.resultValues, &random) }
            happenings.append(decision)
        } catch {
            // The sampled answer would come after the last year the calendar covers.
            return [
                happening(
                    .failure(reason: "simulated answer beyond the calendar (\(error))"), at: sentAt, order: 0)
            ]
        }
        return happenings
    }

    /// One value of each result in `offered` (output id → value ids), drawn uniformly
    /// in the order of the outputs' ids, after every other draw of the fate: a step that
    /// decides no result draws nothing, so its fate is what it was before results existed.
    static func draw(_ offered: [String: [String]]?, _ random: inout SplitMix64) -> [String: String] {
        var results: [String: String] = [:]
        for (output, values) in (offered ?? [:]).sorted(by: { $0.key < $1.key }) where !values.isEmpty {
            results[output] = values[min(Int(random.unit() * Double(values.count)), values.count - 1)]
        }
        return results
    }

    /// When the simulated applicant brings the deferred material `material` of case
    /// `caseID` accepted at `acceptedAt`: a sampled share of its deadline `limit`, in
    /// working time; `nil` when that falls beyond the calendar.
    public func arrival(
        of material: String, caseID: CaseID, acceptedAt: Timestamp, limit: TimeLimit,
        on calendar: WorkdayCalendar
    ) -> Happening? {
        let key = "\(caseID)/\(material)"
        var random = SplitMix64(seed: StableHash.fnv1a(key, seed: seed))
        let days = Self.bounded(settings.deferredArrival.sample(random.unit()) * limit.workdayEquivalent)
        do {
            let at = try calendar.adding(workingDays: days, to: acceptedAt)
            return Happening(
                at: at, caseID: caseID, step: -1, stepID: material, key: key, kind: .material(material),
                order: 0)
        } catch {
            return nil
        }
    }

    /// When the simulated service delivers, late, the fetched material `material` that
    /// case `caseID` waits for at most `limit` after acceptance: drawn like a deferred
    /// material's arrival (``SimulationSettings/deferredArrival``), so now and then after
    /// the bound, when the steps that need it have failed.
    public func lateDelivery(
        of material: String, caseID: CaseID, acceptedAt: Timestamp, limit: TimeLimit,
        on calendar: WorkdayCalendar
    ) -> Happening? {
        guard
            var happening = arrival(
                of: material, caseID: caseID, acceptedAt: acceptedAt, limit: limit, on: calendar)
        else { return nil }
        happening.kind = .lateDelivery(material)
        return happening
    }

    /// The longest simulated time, in working days: ten years. Settings are checked
    /// where they are read; this bounds what a sample can come to.
    public static let longestWorkingDays = 2_500.0

    static func bounded(_ days: Double) -> Double {
        days.isFinite ? min(max(days, 0), longestWorkingDays) : 0
    }
}

extension SplitMix64 {
    /// A uniform random number in 0..<1.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}
