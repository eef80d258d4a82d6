import OneThingDepartmentHTTP
import Testing

/// The bound on calls in flight: never more than its limit under way, the waiting served
/// in the order they came, and a cancelled waiter gone from the queue.
@Suite struct BulkheadTests {
    /// What the callers saw: the order they got their places in, and how many were under way.
    actor Record {
        var order: [Int] = []
        var underWay = 0
        var most = 0

        func got(_ n: Int) { order.append(n) }

        func enter() {
            underWay += 1
            most = max(most, underWay)
        }

        func leave() { underWay -= 1 }
    }

    /// Waits until `bulkhead` has `count` callers waiting.
    func waitUntil(_ bulkhead: Bulkhead, has count: Int) async throws {
        while bulkhead.waiting < count { try await Task.sleep(for: .milliseconds(1)) }
    }

    @Test func placesGoInTheOrderTheCallersCame() async throws {
        let bulkhead = Bulkhead(limit: 1)
        try await bulkhead.acquire()
        let record = Record()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 1...5 {
                group.addTask {
                    try await bulkhead.acquire()
                    await record.got(n)
                    bulkhead.release()
                }
                try await waitUntil(bulkhead, has: n)
            }
            #expect(bulkhead.inFlight == 1 && bulkhead.waiting == 5)
            bulkhead.release()
            try await group.waitForAll()
        }
        #expect(await record.order == [1, 2, 3, 4, 5])
        #expect(bulkhead.inFlight == 0 && bulkhead.peak == 1)
    }

    @Test func aBurstNeverHasMoreThanTheLimitUnderWay() async throws {
        let bulkhead = Bulkhead(limit: 4)
        let record = Record()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 1...200 {
                group.addTask {
                    try await bulkhead.acquire()
                    await record.enter()
                    try await Task.sleep(for: .milliseconds(1))
                    await record.leave()
                    bulkhead.release()
                }
            }
            try await group.waitForAll()
        }
        #expect(await record.most == 4)
        #expect(bulkhead.peak == 4 && bulkhead.inFlight == 0 && bulkhead.waiting == 0)
    }

    @Test func aCancelledWaiterLeavesTheQueueAndTakesNoPlace() async throws {
        let bulkhead = Bulkhead(limit: 1)
        try await bulkhead.acquire()
        let waiter = Task { try await bulkhead.acquire() }
        try await waitUntil(bulkhead, has: 1)
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(bulkhead.waiting == 0)
        bulkhead.release()
        #expect(bulkhead.inFlight == 0)
        try await bulkhead.acquire()
        #expect(bulkhead.inFlight == 1)
    }
}
