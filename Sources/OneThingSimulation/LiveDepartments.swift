import Logging
import OneThingRuntime
import ServiceLifecycle
import Synchronization

/// Simulated departments and the simulated applicant on a running clock: the service
/// that makes a server's cases move without people. What the ``CaseDriver`` does for
/// the command line by moving a virtual clock, this does on the engine's own clock (the
/// wall clock, or a ``OneThingRuntime/ScaledClock`` for demonstrations): every
/// `interval` of wall time it makes happen what the ``DepartmentSampler`` decided is due
/// by now — a department's review, answer or failure, the applicant's supplement, a
/// deferred material (容缺) brought in.
///
/// On the wall clock a simulated department answers in real working time (a review of
/// a few working days takes those days); what a visitor sees at once is the case
/// accepted, its steps sent and under review.
///
/// ```swift
/// let departments = LiveDepartments(engine: engine, adapter: simulated, settings: settings)
/// let group = ServiceGroup(services: [engine, departments, server], logger: logger)
/// ```
public final class LiveDepartments: Service, Sendable {
    /// The engine the cases run in.
    public let engine: Engine
    /// The simulated department systems the engine sends to.
    public let adapter: SimulatedAdapter
    /// Who brings deferred materials: the simulated applicant, or a person (then nothing
    /// is brought here).
    public let settings: AdapterSettings
    /// How often, in wall time, the service looks for what is due.
    public let interval: Duration
    /// How often, in wall time, it looks at the open cases the engine holds.
    public let rescan: Duration
    let logger: Logger
    private let arrivals = Mutex(ArrivalBook())

    struct ArrivalBook {
        var queue = HappeningQueue()
        var scheduled: Set<String> = []
    }

    /// The simulated departments of `adapter` and the simulated applicant, delivering to
    /// `engine` what is due every `interval` of wall time.
    public init(
        engine: Engine, adapter: SimulatedAdapter, settings: AdapterSettings,
        interval: Duration = .milliseconds(100), rescan: Duration = .seconds(2),
        logger: Logger = Logger(label: "onething.simulation")
    ) {
        self.engine = engine
        self.adapter = adapter
        self.settings = settings
        self.interval = interval
        self.rescan = rescan
        self.logger = logger
    }

    /// Delivers what is due until graceful shutdown or cancellation. Cases started from
    /// now on are followed through the engine's acknowledgements; the open cases the
    /// engine holds are looked at when it starts and every `rescan` of wall time after
    /// (cases it recovered or adopted from a stopped instance come in without an intake
    /// to follow), and again if the service fell behind.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.followNewCases() }
                group.addTask { await self.deliverDue() }
                group.addTask { await self.followHeldCases() }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// Schedules the deferred materials of every case the engine acknowledges as accepted.
    func followNewCases() async {
        while !Task.isCancelled {
            let stream = await engine.events(buffer: 10_000)
            await scheduleOpenCases()
            do {
                for try await commit in stream {
                    for acknowledgement in commit {
                        guard case .intake(.accepted) = acknowledgement.event.kind else { continue }
                        if let state = await engine.state(of: acknowledgement.event.caseID) {
                            schedule(state)
                        }
                    }
                }
                return  // the engine stopped
            } catch {
                logger.warning("the simulated applicant fell behind; looking at the open cases again")
            }
        }
    }

    /// Schedules the deferred materials of the open cases the engine holds.
    func scheduleOpenCases() async {
        for state in await engine.openStates {
            guard !Task.isCancelled else { return }
            schedule(state)
        }
    }

    /// Every `rescan` of wall time, schedules the open cases the engine holds: those it
    /// adopted meanwhile from an instance that stopped, whose applicant no one follows.
    func followHeldCases() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: rescan)
            } catch {
                return
            }
            await scheduleOpenCases()
        }
    }

    /// Schedules the simulated applicant bringing the deferred materials of `state`.
    func schedule(_ state: CaseState) {
        guard settings.deferredMaterials == .simulated, let acceptedAt = state.acceptedAt else { return }
        for material in state.deferredDue.keys.sorted() where !state.supplied.contains(material) {
            guard let limit = state.limitToBring(material),
                let arrival = adapter.sampler.arrival(
                    of: material, caseID: state.id, acceptedAt: acceptedAt, limit: limit, on: adapter.calendar
                )
            else { continue }
            arrivals.withLock { book in
                if book.scheduled.insert(arrival.key).inserted { book.queue.push(arrival) }
            }
        }
    }

    /// Every `interval`, makes happen what is due by the engine's clock.
    func deliverDue() async {
        while !Task.isCancelled {
            await deliver(dueBy: engine.clock.now)
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }

    /// Makes happen everything due by `moment`: in rounds of at most
    /// ``deliveryRound`` happenings, taken earliest first, each case's in their order
    /// and the cases side by side (at most ``casesAtOnce`` at a time), as independent
    /// department systems and applicants would; the engine stores what arrives together
    /// in shared commits. One after the other, a round of a few thousand would wait for
    /// a few thousand commits, and on a fast clock the applicants' materials would come
    /// days late.
    func deliver(dueBy moment: Timestamp) async {
        while !Task.isCancelled {
            var round = arrivals.withLock { book -> [Happening] in
                var due: [Happening] = []
                while due.count < Self.deliveryRound, let first = book.queue.first, first.at <= moment {
                    book.queue.pop()
                    book.scheduled.remove(first.key)
                    due.append(first)
                }
                return due
            }
            round += adapter.takeAllDue(by: moment, limit: Self.deliveryRound)
            guard !round.isEmpty else { return }
            var byCase: [CaseID: [Happening]] = [:]
            var order: [CaseID] = []
            for happening in round.sorted(by: Happening.earlier) {
                if byCase[happening.caseID] == nil { order.append(happening.caseID) }
                byCase[happening.caseID, default: []].append(happening)
            }
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                for id in order {
                    guard let happenings = byCase[id] else { continue }
                    if running == Self.casesAtOnce {
                        await group.next()
                        running -= 1
                    }
                    group.addTask { await self.deliver(happenings) }
                    running += 1
                }
            }
        }
    }

    /// How many happenings a round of ``deliver(dueBy:)`` takes at most.
    static let deliveryRound = 4_096
    /// How many cases ``deliver(dueBy:)`` delivers to at once.
    static let casesAtOnce = 64

    /// Makes the `happenings` of one case happen, in their order; each only if the case
    /// still waits for it when its turn comes. A happening the engine could not store
    /// because another writer came first, or the store was unavailable, is made again
    /// (up to ``attempts`` times), as a department system sends its answer again.
    func deliver(_ happenings: [Happening]) async {
        for happening in happenings {
            var attempt = 1
            while !Task.isCancelled, await isCurrent(happening) {
                do {
                    try await adapter.deliver(happening, to: engine)
                    break
                } catch {
                    guard error.isTransient, attempt < Self.attempts else {
                        logger.warning(
                            "a simulated happening could not be delivered",
                            metadata: [
                                "key": "\(happening.key)", "error": "\(error)", "attempts": "\(attempt)",
                            ])
                        break
                    }
                    do {
                        try await Task.sleep(for: .milliseconds(20 * attempt))
                    } catch {
                        return
                    }
                    attempt += 1
                }
            }
        }
    }

    /// How many times a happening is made at most.
    static let attempts = 10

    /// Whether the case still waits for `happening`, by the engine's state of it, or the
    /// store's when the engine does not hold it: on a store several instances share, the
    /// case may have moved to another instance since this one sent the submission, and
    /// the department still answers (the engine loads the case to take the answer), as a
    /// department system outside would.
    func isCurrent(_ happening: Happening) async -> Bool {
        if case .failure = happening.kind { return true }
        do {
            return happening.isCurrent(in: try await engine.read(happening.caseID))
        } catch {
            logger.warning(
                "a simulated happening was dropped: its case could not be read",
                metadata: ["key": "\(happening.key)", "error": "\(error)"])
            return false
        }
    }
}
