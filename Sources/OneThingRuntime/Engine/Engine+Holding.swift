/// Several instances on one store (``CaseHolding``): each engine runs the open cases
/// its instance holds, renews its lease, adopts the cases of instances that died or
/// stopped, and lets go of the cases another instance wrote.
extension Engine {
    /// The store's holding side, when several instances may share it.
    nonisolated var holding: (any CaseHolding)? { store.holding }

    /// The cases to load when the engine starts: on a shared store, those this instance
    /// holds and those no living instance holds (adopted now); otherwise every open case.
    func casesToRecover() async throws(EngineError) -> [CaseID] {
        do {
            guard let holding else { return try await store.cases(CaseQuery(open: true)).map(\.id) }
            try await holding.renewLease(configuration.lease)
            var ids = try await holding.heldCases()
            while true {
                let adopted = try await holding.adoptCases(limit: configuration.adoptionBatch)
                ids += adopted
                if adopted.count < configuration.adoptionBatch { break }
            }
            return ids
        } catch {
            throw .store(error)
        }
    }

    /// While the service runs on a shared store: renews the lease every third of its
    /// length, adopts free cases as often and as soon as another instance says it
    /// stopped, and lets go of the cases another instance wrote. Renewals run on their
    /// own, so loading many adopted cases never delays them past the lease.
    func holdCases(_ holding: any CaseHolding) async {
        let notices = holding.holdingNotices()
        let period = configuration.lease / 3
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await notice in notices {
                    switch notice {
                    case .taken(let id, _): await self.letGo(id)
                    case .leaseEnded: await self.adoptFreeCases(holding)
                    }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    do {
                        try await holding.renewLease(self.configuration.lease)
                    } catch {
                        self.logger.error(
                            "the instance's lease could not be renewed; its cases may be adopted by another",
                            metadata: ["instance": "\(holding.instance)", "error": "\(error)"])
                    }
                    do {
                        try await Task.sleep(for: period)
                    } catch {
                        break
                    }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    await self.adoptFreeCases(holding)
                    do {
                        try await Task.sleep(for: period)
                    } catch {
                        break
                    }
                }
            }
            // Both run until the service stops: a notice stream that ended early must not
            // stop the renewals.
            await group.waitForAll()
        }
    }

    /// Adopts the free cases (in rounds of ``Configuration/adoptionBatch``) and loads them.
    func adoptFreeCases(_ holding: any CaseHolding) async {
        guard accepting else { return }
        while true {
            let adopted: [CaseID]
            do {
                adopted = try await holding.adoptCases(limit: configuration.adoptionBatch)
            } catch {
                logger.error("free cases could not be adopted", metadata: ["error": "\(error)"])
                return
            }
            if !adopted.isEmpty {
                logger.info(
                    "adopted the cases of an instance that stopped",
                    metadata: ["instance": "\(holding.instance)", "cases": "\(adopted.count)"])
            }
            for id in adopted {
                // What this instance may hold of the case in memory is at best what the
                // store has, and the submissions were sent by the instance that stopped:
                // the case is read again and they are sent again here (unless decisions
                // about it wait to be written: ``restoreFromStore(_:resending:)``).
                if runtime.cases[id] != nil { unavailable.insert(id) }
                do {
                    _ = try await load(id, resending: true)
                } catch {
                    logger.warning(
                        "an adopted case could not be loaded; it is loaded when next asked for",
                        metadata: ["case": "\(id)", "error": "\(error)"])
                }
            }
            if adopted.count < configuration.adoptionBatch { return }
        }
    }

    /// Lets go of case `id`, which another instance wrote and holds now: its state and
    /// timers leave memory, unless decisions about it are still to be stored (their
    /// append meets the other instance's events, and the case is reloaded).
    func letGo(_ id: CaseID) {
        guard !hasPending(id) else { return }
        runtime.forget([id])
    }
}
