import OneThingEvents
import OneThingPostgres
import OneThingStoreContract
import Testing

/// What the PostgreSQL store does beyond the contract: several instances on one
/// database, partitions by month, versioned migrations.
@Suite(
    .enabled(if: TestServer.isGiven, TestServer.notGiven))
struct PostgresEventStoreTests {
    /// Two stores on one schema, as two instances would have.
    static func withTwoInstances(_ body: (PostgresEventStore, PostgresEventStore) async throws -> Void)
        async throws
    {
        try await TestServer.withSchema { address in
            let first = try await PostgresEventStore(address: address)
            let second = try await PostgresEventStore(address: address)
            defer {
                Task {
                    await first.close()
                    await second.close()
                }
            }
            try await body(first, second)
        }
    }

    @Test func twoWritersOfOneCaseOneWinsTheOtherGetsAConflict() async throws {
        try await Self.withTwoInstances { first, second in
            try await first.saveBlueprint(ContractCases.blueprint)
            let a = ContractCases.events("a", startingAt: ContractCases.firstStart, upTo: .inspected)
            try await first.append(Array(a[0..<3]))
            // Both instances know the case up to event 3 and append a different event 4 at once.
            _ = try await second.events(of: "a")
            var other = a[3]
            other.kind = .dueSoon(step: 0, due: ContractCases.moment(days: 1))
            let attempts: [[CaseEvent]] = [[a[3]], [other]]
            let results = await withTaskGroup(of: (Int, StoreError?).self) { group in
                for (index, store) in [first, second].enumerated() {
                    group.addTask {
                        do {
                            try await store.append(attempts[index])
                            return (index, nil)
                        } catch let error as StoreError {
                            return (index, error)
                        } catch {
                            return (index, StoreError(.unavailable, "not a StoreError: \(error)"))
                        }
                    }
                }
                var results: [(Int, StoreError?)] = []
                for await result in group { results.append(result) }
                return results.sorted { $0.0 < $1.0 }
            }
            let winners = results.filter { $0.1 == nil }.map(\.0)
            #expect(winners.count == 1)
            let losers = results.compactMap(\.1)
            #expect(losers.map(\.kind) == [.conflict])
            #expect(losers.first?.caseID == "a")
            guard let winner = winners.first else { return }
            let stored = try await first.events(of: "a")
            #expect(stored == Array(a[0..<3]) + attempts[winner])
            #expect(try await second.cases(CaseQuery()).first?.events == 4)
        }
    }

    @Test func aStoreWhoseCaseAnotherInstanceMovedReadsItAgain() async throws {
        try await Self.withTwoInstances { first, second in
            try await first.saveBlueprint(ContractCases.blueprint)
            let a = ContractCases.events("a", startingAt: ContractCases.firstStart, upTo: .completed)
            try await first.append(Array(a[0..<3]))
            try await second.append([a[3]])
            // The first store's memory says 3 events; the database has 4: event 5 fits after a
            // fresh read, and a second event 4 is a conflict.
            try await first.append([a[4]])
            #expect(try await second.events(of: "a") == Array(a[0..<5]))
            let error = await #expect(throws: StoreError.self) { try await second.append([a[3]]) }
            #expect(error?.kind == .conflict)
            try await second.append(Array(a[5...]))
            #expect(try await first.events(of: "a") == a)
            #expect(try await first.cases(CaseQuery(open: false)).map(\.id) == ["a"])
        }
    }

    @Test func twoInstancesNumberCasesWithoutCollisions() async throws {
        try await Self.withTwoInstances { first, second in
            let date = CalendarDate(dayNumber: 20_600)
            let ids = try await withThrowingTaskGroup(of: CaseID.self) { group in
                for index in 0..<40 {
                    let store = index.isMultiple(of: 2) ? first : second
                    group.addTask { try await store.newCaseID(acceptedOn: date) }
                }
                var ids: [CaseID] = []
                for try await id in group { ids.append(id) }
                return ids
            }
            #expect(Set(ids) == Set((1...40).map { CaseIDFormat.make(acceptedOn: date, number: $0) }))
        }
    }

    @Test func eventsLieInThePartitionOfTheMonthTheirCaseStarted() async throws {
        try await TestServer.withSchema { address in
            let store = try await PostgresEventStore(address: address)
            try await store.saveBlueprint(ContractCases.blueprint)
            // Started on 2026-03-02 and 2031-07-15 (China time): two months, two partitions.
            let march = ContractCases.events("a", startingAt: ContractCases.firstStart, upTo: .completed)
            let later = Timestamp(
                china: CalendarDate(year: 2031, month: 7, day: 15) ?? .firstDay(ofYear: 2031))
            let july = ContractCases.events("b", startingAt: later, upTo: .inspected)
            try await store.append(march + july)
            await store.close()
            let counts = try await TestServer.query(
                """
                SELECT tableoid::regclass::text || ' ' || count(*) FROM events GROUP BY tableoid ORDER BY 1
                """, at: address)
            #expect(counts == ["events_2026_03 \(march.count)", "events_2031_07 \(july.count)"])
            let partitions = try await TestServer.query(
                """
                SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'events'::regclass ORDER BY 1
                """, at: address)
            #expect(partitions.contains("events_2026_03"))
            #expect(partitions.contains("events_2031_07"))
            // This month's partition and the next two are made when a store opens.
            #expect(partitions.count >= 5)
        }
    }

    @Test func migrationsRunOnceAndAreRecorded() async throws {
        try await TestServer.withSchema { address in
            for _ in 0..<3 { await (try await PostgresEventStore(address: address)).close() }
            let applied = try await TestServer.query(
                "SELECT version::text || ' ' || name FROM schema_migrations ORDER BY version", at: address)
            #expect(applied.map { $0.prefix(2) } == ["1 ", "2 ", "3 "])
            #expect(
                try await TestServer.query("SELECT value::text FROM store_format ORDER BY name", at: address)
                    == [
                        String(EventCodec.formatVersion), "3",
                    ])
        }
    }

    @Test func instancesOpeningANewSchemaAtOnceMakeItOnce() async throws {
        try await TestServer.withSchema { address in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 {
                    group.addTask { await (try await PostgresEventStore(address: address)).close() }
                }
                try await group.waitForAll()
            }
            #expect(
                try await TestServer.query("SELECT count(*)::text FROM schema_migrations", at: address) == [
                    "3"
                ])
        }
    }

    @Test func aSchemaOfALaterVersionIsRefused() async throws {
        try await TestServer.withSchema { address in
            await (try await PostgresEventStore(address: address)).close()
            _ = try await TestServer.query(
                "INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')", at: address)
            let error = await #expect(throws: StoreError.self) {
                _ = try await PostgresEventStore(address: address)
            }
            #expect(error?.kind == .incompatible)
            #expect(error?.message.contains("store schema 99") == true)
        }
    }

    @Test func aStoreOfEventFormatTwoIsRaisedAndReadsAsItWas() async throws {
        try await TestServer.withSchema { address in
            let events = ContractCases.events("done", startingAt: ContractCases.firstStart, upTo: .completed)
            do {
                let store = try await PostgresEventStore(address: address)
                try await store.saveBlueprint(ContractCases.blueprint)
                try await store.append(events)
                await store.close()
            }
            _ = try await TestServer.query(
                "UPDATE store_format SET value = 2 WHERE name = 'event-format'", at: address)
            let store = try await PostgresEventStore(address: address)
            #expect(try await store.events(of: "done") == events)
            await store.close()
            #expect(
                try await TestServer.query(
                    "SELECT value::text FROM store_format WHERE name = 'event-format'", at: address)
                    == [String(EventCodec.formatVersion)])
        }
    }

    @Test func aStoreOfALaterEventFormatIsRefusedUntouched() async throws {
        try await TestServer.withSchema { address in
            await (try await PostgresEventStore(address: address)).close()
            _ = try await TestServer.query(
                "UPDATE store_format SET value = \(EventCodec.formatVersion + 1) WHERE name = 'event-format'",
                at: address)
            let error = await #expect(throws: StoreError.self) {
                _ = try await PostgresEventStore(address: address)
            }
            #expect(error?.kind == .incompatible)
            #expect(
                try await TestServer.query(
                    "SELECT value::text FROM store_format WHERE name = 'event-format'", at: address)
                    == [String(EventCodec.formatVersion + 1)])
        }
    }

    @Test func aSchemaWithOtherTablesIsRefusedUntouched() async throws {
        try await TestServer.withSchema { address in
            _ = try await TestServer.query("CREATE SCHEMA \"\(address.schema)\"", at: address)
            _ = try await TestServer.query("CREATE TABLE \"\(address.schema)\".orders (id int)", at: address)
            let error = await #expect(throws: StoreError.self) {
                _ = try await PostgresEventStore(address: address)
            }
            #expect(error?.kind == .incompatible)
            #expect(error?.message.contains("orders") == true)
            #expect(
                try await TestServer.query(
                    "SELECT tablename::text FROM pg_tables WHERE schemaname = '\(address.schema)'",
                    at: address)
                    == ["orders"])
        }
    }
}
