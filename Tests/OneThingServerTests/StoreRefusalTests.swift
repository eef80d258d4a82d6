import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// A store that is full or locked: the request is answered with problem details that
/// say so, nothing of it is stored, and the server goes on once the store is back.
struct StoreRefusalTests {
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
            store.refuse(StoreError(kind, "refused by the test"))
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
            store.refuse(nil)
            let again = try await client.json("/v1/cases/\(id)/withdraw", body: "{}")
            #expect(again.status == .ok, "\(again.text)")
            let next = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            #expect(next.status == .created)
        }
    }
}
