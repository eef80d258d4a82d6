import OneThingEvents
import OneThingPostgres
import OneThingStoreContract
import Testing

/// The PostgreSQL store keeps the contract every store keeps, each check on a schema
/// of its own.
@Suite(
    .enabled(if: TestServer.isGiven, TestServer.notGiven))
struct PostgresContractTests {
    @Test(arguments: StoreContract.checks)
    func contract(_ check: StoreContract.Check) async throws {
        try await TestServer.withStore { try await check.run($0) }
    }

    @Test(arguments: StoreContract.checks)
    func contractAfterReopening(_ check: StoreContract.Check) async throws {
        // The same checks, each call on a store opened anew on the schema (as another
        // instance would): nothing is answered from a store's memory that the database
        // does not hold.
        try await TestServer.withSchema { address in
            try await check.run(ReopeningStore(address: address))
        }
    }
}

/// A store that opens the PostgreSQL store anew for every call, and closes it after.
struct ReopeningStore: EventStore {
    let address: PostgresStoreAddress

    /// A store opened anew; it closes its connections when it is released.
    private func store() async throws(StoreError) -> PostgresEventStore {
        try await PostgresEventStore(address: address)
    }

    func append(_ events: [CaseEvent]) async throws(StoreError) { try await store().append(events) }
    func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        try await store().saveBlueprint(blueprint)
    }
    func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        try await store().blueprint(fingerprint)
    }
    func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
        try await store().events(of: id)
    }
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
