import OneThingEvents

/// What the store keeps in memory beside the file: the projections of the open
/// cases it wrote (so an append folds only the new events), and the blueprints it
/// has seen. Both are caches: anything missing is read back from the file, as after
/// a restart.
struct StoreMemory: Sendable {
    /// Projections of open cases, by id. A closed case is dropped once stored.
    var projections: [CaseID: CaseProjection] = [:]
    /// Blueprints by fingerprint.
    var blueprints: [String: CaseBlueprint] = [:]
}
