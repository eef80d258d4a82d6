import OneThingEvents
import OneThingSQLite

/// An event store that opens the SQLite file anew for every call, so that every
/// answer comes from the file and none from a store's memory.
struct ReopeningStore: EventStore {
    /// The file.
    let path: String

    private func store() throws(StoreError) -> SQLiteEventStore { try SQLiteEventStore(path: path) }

    func append(_ events: [CaseEvent]) async throws(StoreError) { try await store().append(events) }
    func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        try await store().saveBlueprint(blueprint)
    }
    func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        try await store().blueprint(fingerprint)
    }
    func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] { try await store().events(of: id) }
    func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        try await store().cases(query)
    }
    func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID {
        try await store().newCaseID(acceptedOn: date)
    }
    func metadata(_ key: String) async throws(StoreError) -> String? { try await store().metadata(key) }
    func setMetadata(_ value: String, for key: String) async throws(StoreError) {
        try await store().setMetadata(value, for: key)
    }
}
