import OneThingSQLite
import OneThingStoreContract
import Testing

/// The SQLite store keeps the contract every store keeps, on a new file for each check.
struct SQLiteContractTests {
    @Test(arguments: StoreContract.checks)
    func contract(_ check: StoreContract.Check) async throws {
        try await TemporaryStore.with { try await check.run($0) }
    }

    @Test(arguments: StoreContract.checks)
    func contractAfterReopening(_ check: StoreContract.Check) async throws {
        // The same checks, each call on a store opened anew on the file: nothing is
        // answered from a store's memory that the file does not hold.
        try await TemporaryStore.withPath { path in
            _ = try SQLiteEventStore(path: path)
            try await check.run(ReopeningStore(path: path))
        }
    }
}
