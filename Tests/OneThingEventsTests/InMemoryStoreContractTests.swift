import OneThingEvents
import OneThingStoreContract
import Testing

/// The in-memory store keeps the contract every store keeps.
struct InMemoryStoreContractTests {
    @Test(arguments: StoreContract.checks)
    func contract(_ check: StoreContract.Check) async throws {
        try await check.run(InMemoryEventStore())
    }

    @Test func theContractFindsAStoreThatBreaksIt() async throws {
        /// A store that forgets the last event of every append.
        final class ForgetfulStore: EventStore {
            let inner = InMemoryEventStore()
            func append(_ events: [CaseEvent]) async throws(StoreError) {
                try await inner.append(events.dropLast())
            }
            func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
                try await inner.saveBlueprint(blueprint)
            }
            func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
                try await inner.blueprint(fingerprint)
            }
            func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
                try await inner.events(of: id)
            }
            func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
                try await inner.cases(query)
            }
            func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID {
                try await inner.newCaseID(acceptedOn: date)
            }
            func metadata(_ key: String) async throws(StoreError) -> String? { try await inner.metadata(key) }
            func setMetadata(_ value: String, for key: String) async throws(StoreError) {
                try await inner.setMetadata(value, for: key)
            }
        }
        let check = try #require(StoreContract.checks.first)
        let error = await #expect(throws: StoreContract.Violation.self) {
            try await check.run(ForgetfulStore())
        }
        #expect(error?.check == check.name)
        #expect(error?.description.contains("expected") == true)
    }
}
