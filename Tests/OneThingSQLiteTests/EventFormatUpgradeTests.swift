import Foundation
import GRDB
import OneThingEvents
import OneThingStoreContract
import Testing

@testable import OneThingSQLite

/// A file of event format 2 (written before results of the case were recorded): its
/// payloads read as they are, a store that writes raises the number, a store that
/// reads leaves the file as it is; a number no version wrote, or a later one, is refused.
struct EventFormatUpgradeTests {
    typealias Cases = ContractCases

    /// A store file holding one completed case, its event format then set to `format`.
    static func file(at path: String, eventFormat format: Int) async throws -> [CaseEvent] {
        let events = Cases.events("done", startingAt: Cases.moment(days: 0), upTo: .completed)
        do {
            let store = try SQLiteEventStore(path: path)
            try await store.saveBlueprint(Cases.blueprint)
            try await store.append(events)
        }
        try await DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "UPDATE store_format SET value = ? WHERE name = 'event-format'", arguments: [format])
        }
        return events
    }

    static func eventFormat(at path: String) async throws -> Int? {
        try await DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT value FROM store_format WHERE name = 'event-format'")
        }
    }

    @Test func aFileOfFormatTwoIsRaisedWhenOpenedToWriteAndReadsAsItWas() async throws {
        #expect(EventCodec.formatVersion == 3)
        try await TemporaryStore.withPath { path in
            let events = try await Self.file(at: path, eventFormat: 2)
            let store = try SQLiteEventStore(path: path)
            #expect(try await Self.eventFormat(at: path) == 3)
            #expect(try await store.events(of: "done") == events)
            #expect(try SQLiteEventStore.check(path: path).isHealthy)
        }
    }

    @Test func aStoreThatOnlyReadsLeavesFormatTwoAsItIs() async throws {
        try await TemporaryStore.withPath { path in
            let events = try await Self.file(at: path, eventFormat: 2)
            let store = try SQLiteEventStore(path: path, mode: .readOnly)
            #expect(try await store.events(of: "done") == events)
            #expect(try await Self.eventFormat(at: path) == 2)
            #expect(try SQLiteEventStore.check(path: path).isHealthy)
        }
    }

    @Test func aLaterFormatIsIncompatibleAndAnUnknownOneDamaged() async throws {
        for (format, kind) in [(4, StoreError.Kind.incompatible), (1, .corrupt)] {
            try await TemporaryStore.withPath { path in
                _ = try await Self.file(at: path, eventFormat: format)
                let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
                #expect(error?.kind == kind)
                #expect(try await Self.eventFormat(at: path) == format)
            }
        }
    }
}
