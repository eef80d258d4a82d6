/// One call of ``EventStore/append(_:)`` folded before anything is written: the rule
/// every store follows to decide whether a batch fits. Each event must continue its
/// case's history (``CaseState/check(_:)``); a case the store does not hold must begin
/// in the batch with its start event, numbered 1, of a saved blueprint. An event that
/// repeats a sequence the case has is a ``StoreError/Kind/conflict`` (another writer
/// was first); anything else that does not fit is ``StoreError/Kind/refused``.
///
/// A store gathers what it holds of the batch's cases (``caseIDs``) and the blueprints
/// their start events name (``blueprintsNeeded(known:)``), folds, and then writes the
/// ``touched`` cases' summaries and the events in one transaction:
///
/// ```swift
/// var batch = AppendBatch<Int>(events)
/// var known: [CaseID: AppendBatch<Int>.Known] = …   // projection and stored event count
/// let blueprints = … batch.blueprintsNeeded(known: Set(known.keys)) …
/// try batch.fold(known: &known, blueprints: blueprints)
/// for entry in batch.touched { … entry.projection.summary, entry.stored … }
/// ```
///
/// `Stored` is what a store keeps of a case it holds, to write its summary only if no
/// other writer changed it meanwhile (the SQLite store's row, the PostgreSQL store's
/// event count).
public struct AppendBatch<Stored: Sendable>: Sendable {
    /// A case the store holds: the projection of its stored events, and what the store
    /// keeps of it.
    public struct Known: Sendable {
        /// The projection of the case's stored events.
        public var projection: CaseProjection
        /// What the store keeps of it.
        public var stored: Stored

        /// Creates an entry.
        public init(projection: CaseProjection, stored: Stored) {
            self.projection = projection
            self.stored = stored
        }
    }

    /// A case the batch touches.
    public struct Touched: Sendable {
        /// Its projection, with the batch's events folded in.
        public var projection: CaseProjection
        /// What the store keeps of it; `nil` for a case the batch starts.
        public let stored: Stored?
    }

    /// The events, in the order they were given.
    public let events: [CaseEvent]
    /// The cases the events belong to, each once, in the order of their first event.
    public let caseIDs: [CaseID]
    /// The cases whose first event in the batch is a start event numbered 1: cases the
    /// batch means to start, which a store need not look for (if one exists after all,
    /// writing it again is a ``StoreError/Kind/conflict``).
    public let startedCaseIDs: Set<CaseID>
    /// The cases touched, in the order of ``caseIDs``, once ``fold(known:blueprints:)`` has run.
    public private(set) var touched: [Touched] = []

    /// A batch of `events`, not yet folded.
    public init(_ events: [CaseEvent]) {
        self.events = events
        var seen = Set<CaseID>()
        var ids: [CaseID] = []
        var started = Set<CaseID>()
        var previous: CaseID?
        for event in events where event.caseID != previous {
            // A case's events come in runs: one set lookup per run, not per event.
            previous = event.caseID
            guard seen.insert(event.caseID).inserted else { continue }
            ids.append(event.caseID)
            if case .started = event.kind, event.sequence == 1 { started.insert(event.caseID) }
        }
        self.caseIDs = ids
        self.startedCaseIDs = started
    }

    /// The fingerprints of the blueprints the batch's new cases start with: the start
    /// event of each case not in `known`, when it is the case's first event in the batch.
    public func blueprintsNeeded(known: Set<CaseID>) -> [String] {
        var seen = Set<CaseID>()
        var fingerprints: [String] = []
        var previous: CaseID?
        for event in events where event.caseID != previous {
            previous = event.caseID
            guard seen.insert(event.caseID).inserted, !known.contains(event.caseID) else { continue }
            if case .started(let start) = event.kind, !fingerprints.contains(start.blueprint) {
                fingerprints.append(start.blueprint)
            }
        }
        return fingerprints
    }

    /// Folds every event into its case's projection, checking that it fits. The cases
    /// the batch touches are taken out of `known` (so each projection changes in
    /// place, never copied); the others are left there.
    ///
    /// - Throws: ``StoreError``: ``StoreError/Kind/conflict`` for an event whose
    ///   sequence the case has already, ``StoreError/Kind/refused`` for a gap, a case
    ///   that does not begin with its start event numbered 1, a blueprint not in
    ///   `blueprints`, or an event the case's state refuses. ``touched`` then holds
    ///   what was folded so far, the failing case included.
    public mutating func fold(known: inout [CaseID: Known], blueprints: [String: CaseBlueprint])
        throws(StoreError)
    {
        touched = []
        touched.reserveCapacity(caseIDs.count)
        var positions: [CaseID: Int] = [:]
        var last: (id: CaseID, position: Int)?
        for event in events {
            let position: Int
            if let last, last.id == event.caseID {
                position = last.position  // a case's events come in a run: no lookup
            } else if let found = positions[event.caseID] {
                position = found
            } else if let entry = known.removeValue(forKey: event.caseID) {
                position = touched.count
                touched.append(Touched(projection: entry.projection, stored: entry.stored))
                positions[event.caseID] = position
            } else {
                position = touched.count
                touched.append(
                    Touched(
                        projection: try Self.projection(startedBy: event, blueprints: blueprints), stored: nil
                    ))
                positions[event.caseID] = position
            }
            try Self.fold(event, into: &touched[position].projection)
            last = (event.caseID, position)
        }
    }

    /// The projection of a case the store does not hold, begun by `event`: which must be
    /// its start event, numbered 1, of a blueprint in `blueprints` (the event itself is
    /// not folded yet).
    ///
    /// - Throws: ``StoreError/Kind/refused`` otherwise.
    public static func projection(startedBy event: CaseEvent, blueprints: [String: CaseBlueprint])
        throws(StoreError) -> CaseProjection
    {
        guard case .started(let start) = event.kind, event.sequence == 1 else {
            throw StoreError.unknownCase(event)
        }
        guard let blueprint = blueprints[start.blueprint] else {
            throw StoreError.unknownBlueprint(start.blueprint, caseID: event.caseID)
        }
        return CaseProjection(id: event.caseID, blueprint: blueprint)
    }

    /// Folds `event` into `projection` if it fits (``CaseState/check(_:)``).
    ///
    /// - Throws: ``StoreError/Kind/conflict`` for a sequence the case has already,
    ///   ``StoreError/Kind/refused`` for anything else that does not fit; `projection`
    ///   is then unchanged.
    public static func fold(_ event: CaseEvent, into projection: inout CaseProjection) throws(StoreError) {
        do {
            try projection.check(event)
        } catch {
            throw StoreError.refusal(error, caseID: event.caseID)
        }
        projection.apply(event)
    }
}
