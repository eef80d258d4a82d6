import OneThingEvents
import OneThingPostgres
import OneThingStoreContract
import Testing

/// Which instance runs which case on one database (``CaseHolding``): the writer holds
/// a case, a living instance's cases are never adopted, a stopped or dead one's are,
/// and two adopters never take the same case.
@Suite(.enabled(if: TestServer.isGiven, TestServer.notGiven))
struct PostgresHoldingTests {
    /// Stores on one schema, one per instance name, as several instances would have.
    static func withInstances(
        _ names: [String], _ body: ([PostgresEventStore]) async throws -> Void
    ) async throws {
        try await TestServer.withSchema { address in
            var stores: [PostgresEventStore] = []
            for name in names {
                var options = PostgresEventStore.Options()
                options.instance = name
                stores.append(try await PostgresEventStore(address: address, options: options))
            }
            do {
                try await body(stores)
            } catch {
                for store in stores { await store.close() }
                throw error
            }
            for store in stores { await store.close() }
        }
    }

    /// The first notice of `notices` within ten seconds; `nil` when none came.
    static func firstNotice(of notices: AsyncStream<HoldingNotice>) async -> HoldingNotice? {
        await withTaskGroup(of: HoldingNotice?.self) { group in
            group.addTask {
                var iterator = notices.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Starts open cases `ids` through `store` (each waiting on the market).
    static func start(_ ids: [CaseID], through store: PostgresEventStore) async throws {
        try await store.saveBlueprint(ContractCases.blueprint)
        try await store.append(
            ids.flatMap { ContractCases.events($0, startingAt: ContractCases.firstStart, upTo: .accepted) })
    }

    @Test func theInstanceThatWritesACaseHoldsIt() async throws {
        try await Self.withInstances(["A", "B"]) { stores in
            let (a, b) = (stores[0], stores[1])
            try await a.renewLease(.seconds(60))
            try await b.renewLease(.seconds(60))
            try await Self.start(["c1", "c2"], through: a)
            #expect(try await a.heldCases() == ["c1", "c2"])
            #expect(try await b.heldCases() == [])
            // A lives: nothing of its is free.
            #expect(try await b.adoptCases(limit: 10) == [])
        }
    }

    @Test func aClosedCaseIsHeldByNoOne() async throws {
        try await Self.withInstances(["A"]) { stores in
            let a = stores[0]
            try await a.renewLease(.seconds(60))
            try await a.saveBlueprint(ContractCases.blueprint)
            try await a.append(
                ContractCases.events("done", startingAt: ContractCases.firstStart, upTo: .completed))
            #expect(try await a.heldCases() == [])
        }
    }

    @Test func theCasesOfAnInstanceThatStoppedAreAdoptedAndItIsToldNothingIsLost() async throws {
        try await Self.withInstances(["A", "B"]) { stores in
            let (a, b) = (stores[0], stores[1])
            try await a.renewLease(.seconds(60))
            try await b.renewLease(.seconds(60))
            try await Self.start(["c1", "c2", "c3"], through: a)
            let notices = b.holdingNotices()
            try await Task.sleep(for: .milliseconds(500))  // until the listener listens
            try await a.endLease()
            #expect(await Self.firstNotice(of: notices) == .leaseEnded(instance: "A"))
            #expect(try await b.adoptCases(limit: 2) == ["c1", "c2"])
            #expect(try await b.adoptCases(limit: 2) == ["c3"])
            #expect(try await b.heldCases() == ["c1", "c2", "c3"])
            #expect(try await a.heldCases() == [])
            // The events are untouched by the move.
            #expect(
                try await b.events(of: "c1")
                    == ContractCases.events("c1", startingAt: ContractCases.firstStart, upTo: .accepted))
        }
    }

    @Test func theCasesOfAnInstanceWhoseLeaseLapsedAreAdopted() async throws {
        try await Self.withInstances(["A", "B"]) { stores in
            let (a, b) = (stores[0], stores[1])
            try await b.renewLease(.seconds(60))
            try await Self.start(["c1"], through: a)
            // Renewed just before B looks, so a slow start (a loaded machine) cannot let it lapse.
            try await a.renewLease(.seconds(3))
            #expect(try await b.adoptCases(limit: 10) == [])
            try await Task.sleep(for: .seconds(3.5))  // A died: it renews no more
            #expect(try await b.adoptCases(limit: 10) == ["c1"])
        }
    }

    @Test func theCasesOfAOneShotCommandAreFreeAtOnce() async throws {
        // A process that never renews a lease (`onething case approve`) is registered
        // with a lapsed one: a serving instance adopts what it wrote.
        try await Self.withInstances(["serve", "one-shot"]) { stores in
            let (serve, oneShot) = (stores[0], stores[1])
            try await serve.renewLease(.seconds(60))
            try await Self.start(["c1"], through: oneShot)
            #expect(try await serve.adoptCases(limit: 10) == ["c1"])
        }
    }

    @Test func aCaseStoredBeforeHoldingExistedIsAdopted() async throws {
        try await Self.withInstances(["A", "B"]) { stores in
            let (a, b) = (stores[0], stores[1])
            try await a.renewLease(.seconds(60))
            try await b.renewLease(.seconds(60))
            try await Self.start(["old", "new"], through: a)
            // What a schema-1 store left: a case no instance holds.
            _ = try await TestServer.query("UPDATE cases SET holder = NULL WHERE id = 'old'", at: a.address)
            #expect(try await b.adoptCases(limit: 10) == ["old"])
            #expect(try await a.heldCases() == ["new"])
        }
    }

    @Test func writingACaseAnotherInstanceHeldTakesItAndTellsThatInstance() async throws {
        try await Self.withInstances(["A", "B"]) { stores in
            let (a, b) = (stores[0], stores[1])
            try await a.renewLease(.seconds(60))
            try await b.renewLease(.seconds(60))
            let notices = a.holdingNotices()
            try await Task.sleep(for: .milliseconds(500))  // until the listener listens
            try await Self.start(["c1"], through: a)
            let accepted = ContractCases.events("c1", startingAt: ContractCases.firstStart, upTo: .accepted)
            let next = ContractCases.events("c1", startingAt: ContractCases.firstStart, upTo: .licensed)
            try await b.append(Array(next[accepted.count...]))
            #expect(await Self.firstNotice(of: notices) == .taken("c1", by: "B"))
            #expect(try await b.heldCases() == ["c1"])
            #expect(try await a.heldCases() == [])
        }
    }

    @Test func twoAdoptersAtOnceTakeEachFreeCaseOnce() async throws {
        try await Self.withInstances(["dead", "B", "C"]) { stores in
            let (dead, b, c) = (stores[0], stores[1], stores[2])
            let ids = (1...60).map { "c\($0)" }
            try await Self.start(ids, through: dead)
            try await dead.endLease()
            try await b.renewLease(.seconds(60))
            try await c.renewLease(.seconds(60))
            let taken = try await withThrowingTaskGroup(of: [CaseID].self) { group in
                for store in [b, c] {
                    group.addTask {
                        var mine: [CaseID] = []
                        while true {
                            let adopted = try await store.adoptCases(limit: 7)
                            if adopted.isEmpty { return mine }
                            mine += adopted
                        }
                    }
                }
                var all: [[CaseID]] = []
                for try await part in group { all.append(part) }
                return all
            }
            let everything = taken.flatMap { $0 }
            #expect(everything.count == ids.count)
            #expect(Set(everything) == Set(ids))
            #expect(Set(try await b.heldCases()).isDisjoint(with: try await c.heldCases()))
        }
    }

    @Test func aReaderReadsTheEventsItsSummaryCountsWhileAnotherInstanceAppends() async throws {
        try await TestServer.withSchema { address in
            let store = try await PostgresEventStore(address: address)
            try await Self.start(["c1"], through: store)
            let counted = try await store.events(of: "c1")
            // Another instance's append as a reader meets it: its events are in, the summary
            // the reader read before counts the ones before (stood for here by a row the summary
            // does not count yet).
            _ = try await TestServer.query(
                """
                INSERT INTO events SELECT case_id, case_month, sequence + 1, at, kind, payload, digest
                FROM events WHERE case_id = 'c1' ORDER BY sequence DESC LIMIT 1
                """, at: address)
            #expect(try await store.events(of: "c1") == counted)
            // A row no summary ever counts is still found by the store's check.
            #expect(try await !store.check().isHealthy)
            await store.close()
        }
    }
}
