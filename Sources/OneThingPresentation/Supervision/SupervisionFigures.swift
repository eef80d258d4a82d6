import OneThingRuntime

/// What a supervisor (督办) sees of many cases at a moment `now`, and over a period:
/// open, due-soon and overdue tasks by department, the on-time rate (按时办结率) by
/// department and by bundle, the cases at risk and the escalations. It is JSON with
/// stable field names (`"schema": "onething-supervision/1"`; fields are only ever
/// added), for the server's supervision API and the supervisor's dashboard.
///
/// Every moment is the cases' own: a step's due moment is the one its events recorded
/// (moved later by a supplement and by a change of the calendar), a case's promise the
/// one intake recorded. Nothing here computes a due date; the working-day calendar only
/// counts the working days left.
///
/// **Tasks at `now`.** A task is a step sent to its department and not finished
/// (``OneThingEvents/CaseState/StepState/isOpen``).
/// - *With the applicant*: a supplement (补正) was asked for, or the approval is held
///   for a deferred material (容缺) that has not arrived.
/// - *Overdue*: its clock runs and its due moment has passed
///   (``OneThingEvents/CaseState/StepState/isOverdue(at:)``). A step waiting for a
///   supplement is never overdue: its clock stands still, and its due moment moves
///   later by the working days it stood still when the supplement arrives. A held
///   approval's clock runs (the runtime warns and escalates it too).
/// - *Due soon*: its clock runs, it is not overdue, and its due date is at most
///   ``dueSoonWorkdays`` working days after today (0: due today).
///
/// **On time over the period** (``OnTimeRate``). A step counts in the period in which
/// its department decided it, on time when decided before its due moment
/// (``OneThingEvents/CaseState/StepState/decidedOnTime``):
/// - *postponed by a supplement*: measured against its due moment as moved (the
///   clock stood still from the request to the supplement's arrival), so a supplement
///   never makes a step late by itself;
/// - *rejected*: finished — a decision, on time or late like an approval;
/// - *approved but held* for a deferred material: finished when the approval is
///   issued, as the runtime's warnings count it;
/// - *cancelled* (another step failed) or *failed* (a deferred material did not
///   arrive): not counted, since the department did not decide it.
///
/// A case counts in the period it was delivered (统一出件) in, on time when delivered
/// before its promised moment, whatever its outcome; a case intake did not accept has
/// no promise and is not counted.
///
/// **At risk**: an open case with a task overdue or due soon, or whose promise is.
/// **Escalations**: those made in the period, with the late step's department (`from`)
/// and the department asked to supervise (`to`).
///
/// **Working days left** count on the calendar of the case's region: the working days
/// after today up to and including the due date (0 when it is today, negative once it
/// has passed). Where the calendar does not reach, calendar days stand in, as the
/// runtime's own escalation timer does.
public struct SupervisionFigures: Sendable, Hashable, Codable {
    /// The schema this document follows.
    public static let schema = "onething-supervision/1"

    /// The moment the open tasks are looked at.
    public var now: Timestamp
    /// The period the on-time rates and escalations count over.
    public var period: SupervisionPeriod
    /// How many working days ahead a due date counts as soon.
    public var dueSoonWorkdays: Int
    /// All cases together.
    public var totals: SupervisionTotals
    /// By department: every department with a step in the cases, or an escalation to
    /// it in the period; by id.
    public var departments: [DepartmentFigures]
    /// By bundle, by id.
    public var bundles: [BundleFigures]
    /// The open cases at risk, the most urgent first.
    public var atRisk: [CaseAtRisk]
    /// The escalations in the period, earliest first.
    public var escalations: [EscalationRecord]

    enum CodingKeys: String, CodingKey {
        case schema, now, period, dueSoonWorkdays, totals, departments, bundles, atRisk, escalations
    }

    /// Creates figures from their parts (the counting initializer is
    /// ``init(cases:calendars:now:period:dueSoonWorkdays:)``).
    public init(
        now: Timestamp, period: SupervisionPeriod, dueSoonWorkdays: Int, totals: SupervisionTotals,
        departments: [DepartmentFigures], bundles: [BundleFigures], atRisk: [CaseAtRisk],
        escalations: [EscalationRecord]
    ) {
        self.now = now
        self.period = period
        self.dueSoonWorkdays = dueSoonWorkdays
        self.totals = totals
        self.departments = departments
        self.bundles = bundles
        self.atRisk = atRisk
        self.escalations = escalations
    }

    /// Reads figures (the schema field is checked by whoever reads it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            now: try container.decode(Timestamp.self, forKey: .now),
            period: try container.decode(SupervisionPeriod.self, forKey: .period),
            dueSoonWorkdays: try container.decode(Int.self, forKey: .dueSoonWorkdays),
            totals: try container.decode(SupervisionTotals.self, forKey: .totals),
            departments: try container.decode([DepartmentFigures].self, forKey: .departments),
            bundles: try container.decode([BundleFigures].self, forKey: .bundles),
            atRisk: try container.decode([CaseAtRisk].self, forKey: .atRisk),
            escalations: try container.decode([EscalationRecord].self, forKey: .escalations))
    }

    /// Writes the figures with their schema.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schema, forKey: .schema)
        try container.encode(now, forKey: .now)
        try container.encode(period, forKey: .period)
        try container.encode(dueSoonWorkdays, forKey: .dueSoonWorkdays)
        try container.encode(totals, forKey: .totals)
        try container.encode(departments, forKey: .departments)
        try container.encode(bundles, forKey: .bundles)
        try container.encode(atRisk, forKey: .atRisk)
        try container.encode(escalations, forKey: .escalations)
    }

    /// The department figures of `department`, if it has any.
    public func department(_ department: String) -> DepartmentFigures? {
        departments.first { $0.department == department }
    }

    /// The bundle figures of `bundle`, if it has any.
    public func bundle(_ bundle: String) -> BundleFigures? { bundles.first { $0.bundle == bundle } }
}
