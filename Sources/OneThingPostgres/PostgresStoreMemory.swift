import OneThingEvents

/// What a PostgreSQL store keeps of a case it holds, beside its projection: enough to
/// write the case's summary only if no other writer changed it meanwhile.
struct StoredCase: Sendable, Hashable {
    /// The case's number, in the order cases were stored.
    var ordinal: Int64
    /// The number of events the database holds (the compare-and-set of an append).
    var events: Int
    /// The departments the database's summary says it waits on.
    var waitingOn: [String]
    /// The first day of the month the case started: its events' partition.
    var month: CalendarDate
}

/// What the store keeps in memory beside the database: the projections of the open
/// cases it wrote (so an append folds only its own events), the blueprints it has
/// seen, and the months whose partition of `events` exists. All are caches: anything
/// missing is read back from the database, and a projection another instance made
/// stale is found by the compare-and-set of the next append and read again.
struct PostgresStoreMemory: Sendable {
    /// Open cases by id.
    var cases: [CaseID: AppendBatch<StoredCase>.Known] = [:]
    /// Blueprints by fingerprint.
    var blueprints: [String: CaseBlueprint] = [:]
    /// The months (their first day) whose partition exists.
    var months: Set<CalendarDate> = []
}

extension CalendarDate {
    /// The first day of this date's month.
    var firstOfMonth: CalendarDate { CalendarDate(year: year, month: month, day: 1) ?? self }
}
