import ServiceLifecycle

/// The engine as a service of swift-service-lifecycle: what a server runs.
extension Engine: Service {
    /// Recovers every open case of the store, then fires timers as the clock reaches
    /// them until graceful shutdown (or cancellation); then stops taking work, waits
    /// for the adapter calls in flight (at most ``Configuration/drainTimeout``), stores
    /// what they brought back, and returns.
    ///
    /// A store that fails while the service runs is logged and tried again; it never
    /// ends the service.
    ///
    /// On a store several instances share (``CaseHolding``) it also renews the
    /// instance's lease, adopts the cases of instances that stopped and lets go of those
    /// another instance wrote (``holdCases(_:)``); at shutdown it ends the lease, so the
    /// other instances adopt its open cases at once.
    public func run() async throws {
        try await recover()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.fireTimers() }
                if let holding = self.holding {
                    group.addTask { await self.holdCases(holding) }
                }
                await group.waitForAll()
            }
        }
        await shutDown()
        if let holding {
            // A service stopped by cancellation still ends its lease: in a task of its own,
            // which the cancellation does not reach.
            let ending = Task { try await holding.endLease() }
            do {
                try await ending.value
            } catch {
                logger.error(
                    "the instance's lease could not be ended; its cases are adopted when it lapses",
                    metadata: ["error": "\(error)"])
            }
        }
    }

    /// Stops taking work, waits for the adapter calls in flight (at most the drain
    /// timeout) and stores what they brought back. ``run()`` ends with it; an engine
    /// driven without `run()` calls it when done.
    public func shutDown() async {
        accepting = false
        let drained = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.waitForAdapters()
                return true
            }
            group.addTask {
                do {
                    try await Task.sleep(for: self.configuration.drainTimeout)
                } catch {}
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !drained {
            logger.warning(
                "adapter calls were still in flight at shutdown; they are sent again under the same key after a restart",
                metadata: ["calls": "\(calls.count)"])
        }
        do {
            try await commit([])
        } catch {
            logger.error("the last events could not be stored at shutdown", metadata: ["error": "\(error)"])
        }
        for subscriber in subscribers.values { subscriber.continuation.finish() }
        subscribers.removeAll()
    }

    /// The timer loop: fire what is due, reload cases the store could not give, sleep
    /// until the next timer or until new work rings the doorbell. While the store
    /// fails, the loop waits between tries on the wall clock, from a quarter of a
    /// second doubling to half a minute, whatever the engine's clock (a timer that is due
    /// stays due, and a fast clock would otherwise ask the store in a tight loop).
    func fireTimers() async {
        var pause = Duration.zero
        while !Task.isCancelled {
            var failed = false
            do {
                try await tick()
            } catch {
                failed = true
                logger.error("timers could not be stored; trying again", metadata: ["error": "\(error)"])
            }
            if !unavailable.isEmpty {
                await reload(unavailable)
                do {
                    try await commit(unavailable)
                } catch {
                    failed = true
                    logger.error(
                        "reloaded cases could not be stored; trying again", metadata: ["error": "\(error)"])
                }
            }
            if failed || !unavailable.isEmpty {
                pause = min(max(pause * 2, .milliseconds(250)), .seconds(30))
                await nap(for: pause)
                continue
            }
            pause = .zero
            await nap(
                until: runtime.nextTimer ?? clock.now.adding(milliseconds: Timestamp.millisecondsPerHour))
        }
    }

    /// Sleeps for `pause` of wall time, or until cancelled.
    func nap(for pause: Duration) async {
        do {
            try await Task.sleep(for: pause)
        } catch {}  // cancelled: the service is stopping
    }

    /// Sleeps until `deadline`, until the doorbell rings, or until cancelled.
    func nap(until deadline: Timestamp) async {
        let clock = self.clock
        let doorbell = self.doorbell
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await clock.sleep(until: deadline)
                } catch {}  // cancelled: the doorbell rang, or the service is stopping
            }
            group.addTask { await doorbell.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
