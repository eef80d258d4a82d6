import OneThingAccess
import OneThingRuntime
import Synchronization

/// The JSON of recently read cases, so that reading a case again costs a lookup. A
/// document is dropped as soon as anything happens to its case (the event feed tells
/// of every acknowledged event, and every route that changed the case says so too),
/// and a document read from the store while something happened is not kept: a reader
/// takes a ticket before reading and keeps its document only if the ticket still holds.
final class CaseDocumentCache: Sendable {
    /// A case's document and what the access rules need to know of it.
    struct Document: Sendable {
        /// The newest event the document shows.
        var sequence: Int
        /// The `onething-case/1` JSON, personal numbers whole (the applicant's own view).
        var json: [UInt8]
        /// The same with identity and phone numbers masked (everyone else's view).
        var maskedJSON: [UInt8]
        /// The departments with a step in the case.
        var departments: Set<String>
        /// Whether the case is closed.
        var closed: Bool

        /// The JSON `caller` is shown: personal numbers whole only to the applicant
        /// (``OneThingAccess/PersonalNumberMask/showsWhole(to:)``), masked for everyone else.
        func json(for caller: Caller) -> [UInt8] {
            PersonalNumberMask.showsWhole(to: caller) ? json : maskedJSON
        }
    }

    private struct Slot {
        var generation: UInt64
        var document: Document?
    }

    /// The most cases kept; beyond it, half of them are dropped.
    let capacity: Int
    private let slots = Mutex<[CaseID: Slot]>([:])

    init(capacity: Int = 20_000) {
        self.capacity = max(1, capacity)
    }

    /// The document of case `id`, if kept.
    func document(_ id: CaseID) -> Document? { slots.withLock { $0[id]?.document } }

    /// What a reader takes before reading case `id` from the store, and hands back to
    /// ``keep(_:for:ticket:)``: if anything happened to the case in between, the
    /// document read is not kept.
    func ticket(_ id: CaseID) -> UInt64 {
        slots.withLock { slots in
            if let slot = slots[id] { return slot.generation }
            if slots.count >= capacity {
                for key in Array(slots.keys.prefix(capacity / 2)) { slots[key] = nil }
            }
            slots[id] = Slot(generation: 0, document: nil)
            return 0
        }
    }

    /// Keeps `document` of case `id`, read after taking `ticket`, unless the case changed since.
    func keep(_ document: Document, for id: CaseID, ticket: UInt64) {
        slots.withLock { slots in
            guard let slot = slots[id], slot.generation == ticket else { return }
            slots[id]?.document = document
        }
    }

    /// Something happened to case `id` (an event was acknowledged, a route changed it):
    /// its document is dropped, and reads in progress will not keep theirs.
    func changed(_ id: CaseID) {
        slots.withLock { slots in
            guard let slot = slots[id] else { return }
            slots[id] = Slot(generation: slot.generation &+ 1, document: nil)
        }
    }
}
