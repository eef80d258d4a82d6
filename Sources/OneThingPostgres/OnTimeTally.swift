import OneThingEvents

/// The steps an append decided and the cases it delivered, counted by day (China
/// time), bundle and department, with how many of each were on time
/// (``CaseState/StepState/decidedOnTime`` and ``CaseState/deliveredOnTime``, the rules
/// the simulation and the supervision figures use). The append adds them to
/// `on_time_by_day` in its transaction, so an on-time rate over a period reads a few
/// rows a day, never the cases.
struct OnTimeTally: Sendable {
    /// A row of `on_time_by_day`.
    struct Key: Hashable, Comparable, Sendable {
        var day: CalendarDate
        var bundle: String
        var department: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.day, lhs.bundle, lhs.department) < (rhs.day, rhs.bundle, rhs.department)
        }
    }

    /// What is added to a row.
    struct Counts: Sendable, Hashable {
        var decided: Int32 = 0
        var decidedOnTime: Int32 = 0
        var delivered: Int32 = 0
        var deliveredOnTime: Int32 = 0
    }

    /// What a case had decided and delivered before the append.
    struct Before: Sendable {
        /// Whether each step had been decided on time (`nil`: not decided).
        var decided: [Bool?]
        /// Whether the case had been delivered.
        var delivered: Bool

        /// What `state` had decided and delivered.
        init(_ state: CaseState) {
            decided = state.steps.map(\.decidedOnTime)
            delivered = state.deliveredAt != nil
        }

        /// A case new in the append: nothing decided, nothing delivered.
        init() {
            decided = []
            delivered = false
        }
    }

    /// The counts, by row.
    private(set) var counts: [Key: Counts] = [:]

    /// Counts what `after` decided and delivered since `before`.
    mutating func add(_ after: CaseState, since before: Before) {
        guard let start = after.start else { return }
        for (index, step) in after.steps.enumerated() {
            let earlier = index < before.decided.count ? before.decided[index] : nil
            guard earlier == nil, let onTime = step.decidedOnTime, let finishedAt = step.finishedAt else {
                continue
            }
            let key = Key(
                day: finishedAt.chinaDate, bundle: start.bundle,
                department: after.blueprint.steps[index].department)
            counts[key, default: Counts()].decided += 1
            if onTime { counts[key, default: Counts()].decidedOnTime += 1 }
        }
        if !before.delivered, let onTime = after.deliveredOnTime, let deliveredAt = after.deliveredAt {
            let key = Key(day: deliveredAt.chinaDate, bundle: start.bundle, department: start.lead)
            counts[key, default: Counts()].delivered += 1
            if onTime { counts[key, default: Counts()].deliveredOnTime += 1 }
        }
    }

    /// The rows to add to, in key order (so two appends never wait for each other in a circle).
    var rows: [(key: Key, counts: Counts)] { counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}
