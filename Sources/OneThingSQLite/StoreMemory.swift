import OneThingEvents

/// What the store keeps in memory beside the file: the projections of the open
/// cases it wrote (so an append folds only the new events), and the blueprints it
/// has seen. Both are caches: anything missing is read back from the file, as after
/// a restart.
struct StoreMemory: Sendable {
    /// An open case this store wrote last: its projection, and its summary row as the
    /// file holds it.
    struct CachedCase: Sendable {
        /// The projection of every event of the case.
        var projection: CaseProjection
        /// The summary row it wrote.
        var stored: StoredSummary
    }

    /// Open cases by id. A closed case is dropped once stored.
    var cases: [CaseID: CachedCase] = [:]
    /// Blueprints by fingerprint.
    var blueprints: [String: CaseBlueprint] = [:]
}
