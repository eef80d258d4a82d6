import Foundation
import OneThingRuntime
import Testing

/// The in-memory store keeps the contract every store keeps (the contract is
/// `EventStoreContract.swift` in this target, which the SQLite store keeps too).
struct InMemoryEventStoreContractTests {
    @Test func appendedEventsReadBackInOrder() async throws {
        try await EventStoreContract.appendedEventsReadBackInOrder(InMemoryEventStore())
    }

    @Test func aCaseGoesOnInLaterAppends() async throws {
        try await EventStoreContract.aCaseGoesOnInLaterAppends(InMemoryEventStore())
    }

    @Test func aGapIsRefused() async throws {
        try await EventStoreContract.aGapIsRefused(InMemoryEventStore())
    }

    @Test func aRepeatedSequenceIsRefused() async throws {
        try await EventStoreContract.aRepeatedSequenceIsRefused(InMemoryEventStore())
    }

    @Test func aRefusedAppendWritesNothingOfItsBatch() async throws {
        try await EventStoreContract.aRefusedAppendWritesNothingOfItsBatch(InMemoryEventStore())
    }

    @Test func aCaseBeginsWithAStartOfAKnownBlueprint() async throws {
        try await EventStoreContract.aCaseBeginsWithAStartOfAKnownBlueprint(InMemoryEventStore())
    }

    @Test func queriesSelectByOpenDepartmentDueDateAndLimit() async throws {
        try await EventStoreContract.queriesSelectByOpenDepartmentDueDateAndLimit(InMemoryEventStore())
    }

    @Test func summariesAreTheProjectionsOfTheEvents() async throws {
        try await EventStoreContract.summariesAreTheProjectionsOfTheEvents(InMemoryEventStore())
    }

    @Test func blueprintsAreSavedOnce() async throws {
        try await EventStoreContract.blueprintsAreSavedOnce(InMemoryEventStore())
    }
}
