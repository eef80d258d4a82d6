/// Which runtime instance runs which open case, for a store that several instances
/// share (a province's PostgreSQL database behind several `onething serve`).
///
/// A case is *held* by the instance that last wrote it: the one that started it, or
/// that appended to it for a request, a department's callback or a timer. Its holder
/// keeps it in memory, fires its timers and sends its department tasks. Each instance
/// has a *lease* that it renews while it lives; the cases of an instance whose lease
/// lapsed (it died) or ended (it shut down) are free, and any instance may *adopt*
/// them — rows claimed with `FOR UPDATE SKIP LOCKED`, so two adopters never take the
/// same case and never wait for each other. No coordinator assigns work.
///
/// Holding is an optimisation of who does the work, not the guard of correctness:
/// every write is still a compare-and-set on the case's sequence number
/// (``EventStore/append(_:)``), so of two instances that both act on a case one wins
/// and the other gets a conflict and reloads; a timer or a department task is
/// recorded once whatever the holders believe.
///
/// Stores that only one process opens (SQLite, in memory) do not adopt this protocol:
/// their one runtime holds every open case.
public protocol CaseHolding: Sendable {
    /// The name of the instance this store handle writes for; it holds every case it writes.
    var instance: String { get }
    /// Registers this instance, or renews its lease, for `lease` from now on the
    /// database's clock (the instances' own clocks may differ).
    func renewLease(_ lease: Duration) async throws(StoreError)
    /// Ends this instance's lease at once (graceful shutdown), so that other
    /// instances adopt its open cases now rather than when the lease would lapse.
    func endLease() async throws(StoreError)
    /// The open cases this instance holds, oldest first.
    func heldCases() async throws(StoreError) -> [CaseID]
    /// Adopts at most `limit` open cases that no living instance holds (their holder's
    /// lease lapsed or ended, or they have none), skipping cases another adopter is
    /// taking at this moment; returns them, oldest first.
    func adoptCases(limit: Int) async throws(StoreError) -> [CaseID]
    /// Notices for this instance as they happen, until the stream is dropped: a case
    /// it held was written by another instance, or another instance's lease ended.
    /// Notices are a hint for speed; an instance that misses one still learns the same
    /// by a conflict or by its next adoption round.
    func holdingNotices() -> AsyncStream<HoldingNotice>
}

/// What another instance did that concerns this one.
public enum HoldingNotice: Sendable, Hashable {
    /// Another instance wrote case `id`, which this instance held: it holds it now.
    case taken(CaseID, by: String)
    /// An instance ended its lease (shut down): its open cases may be adopted.
    case leaseEnded(instance: String)
}
