import Foundation
import OneThingRuntime
import OneThingSQLite
import Testing

/// The SQLite store keeps the contract every store keeps.
struct SQLiteEventStoreContractTests {
    @Test func appendedEventsReadBackInOrder() async throws {
        try await TemporaryStore.with { try await EventStoreContract.appendedEventsReadBackInOrder($0) }
    }

    @Test func aCaseGoesOnInLaterAppends() async throws {
        try await TemporaryStore.with { try await EventStoreContract.aCaseGoesOnInLaterAppends($0) }
    }

    @Test func aGapIsRefused() async throws {
        try await TemporaryStore.with { try await EventStoreContract.aGapIsRefused($0) }
    }

    @Test func aRepeatedSequenceIsRefused() async throws {
        try await TemporaryStore.with { try await EventStoreContract.aRepeatedSequenceIsRefused($0) }
    }

    @Test func aRefusedAppendWritesNothingOfItsBatch() async throws {
        try await TemporaryStore.with {
            try await EventStoreContract.aRefusedAppendWritesNothingOfItsBatch($0)
        }
    }

    @Test func aCaseBeginsWithAStartOfAKnownBlueprint() async throws {
        try await TemporaryStore.with {
            try await EventStoreContract.aCaseBeginsWithAStartOfAKnownBlueprint($0)
        }
    }

    @Test func queriesSelectByOpenDepartmentDueDateAndLimit() async throws {
        try await TemporaryStore.with {
            try await EventStoreContract.queriesSelectByOpenDepartmentDueDateAndLimit($0)
        }
    }

    @Test func summariesAreTheProjectionsOfTheEvents() async throws {
        try await TemporaryStore.with {
            try await EventStoreContract.summariesAreTheProjectionsOfTheEvents($0)
        }
    }

    @Test func blueprintsAreSavedOnce() async throws {
        try await TemporaryStore.with { try await EventStoreContract.blueprintsAreSavedOnce($0) }
    }
}
