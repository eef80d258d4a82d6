import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThingRuntime
import OneThingServer
import Synchronization
import Testing

/// A store that is full or locked: the request is answered with problem details that
/// say so, nothing of it is stored, and the server goes on once the store is back.
struct StoreRefusalTests {
    /// A store that refuses appends with `refusal` while told to.
    final class RefusingStore: EventStore {
        let inner = InMemoryEventStore()
        let refusal = Mutex<StoreError.Kind?>(nil)

        func append(_ events: [CaseEvent]) async throws(StoreError) {
            if let kind = refusal.withLock({ $0 }) { throw StoreError(kind, "refused by the test") }
            try await inner.append(events)
        }
        func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
            try await inner.saveBlueprint(blueprint)
        }
        func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
            try await inner.blueprint(fingerprint)
        }
        func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] { try await inner.events(of: id) }
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

    @Test(arguments: [
        (StoreError.Kind.full, 507, "store-full"), (.unavailable, 503, "store-unavailable"),
    ])
    func aRefusingStoreIsAProblemAndNothingIsHalfWritten(kind: StoreError.Kind, status: Int, slug: String)
        async throws
    {
        let store = RefusingStore()
        let fixture = try await ServerFixture.make(store: store)
        try await fixture.test { client in
            let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let id = try #require(try created.object()["id"] as? String)
            let before = try await store.events(of: id)
            store.refusal.withLock { $0 = kind }
            let refused = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            #expect(refused.status.code == status, "\(refused.text)")
            #expect(try refused.problemType() == ProblemKind.type(slug))
            #expect(try await store.cases(CaseQuery()).map(\.id) == [id], "no case of the refused request")
            let action = try await client.json("/v1/cases/\(id)/withdraw", body: "{}")
            #expect(action.status.code == status)
            #expect(try await store.events(of: id) == before, "nothing of the refused withdrawal")
            // The case as served is still the stored one.
            let read = try await client.get("/v1/cases/\(id)")
            #expect(try read.object()["status"] as? String != "closed")
            // The store is back: the server goes on.
            store.refusal.withLock { $0 = nil }
            let again = try await client.json("/v1/cases/\(id)/withdraw", body: "{}")
            #expect(again.status == .ok, "\(again.text)")
            let next = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            #expect(next.status == .created)
        }
    }
}
