/// The cases a ``CaseRuntime`` holds, by id: kept in one array (a slot per case) with an
/// index from id to slot, so that the runtime reads and changes a case's steps in
/// place, without copying the case's state out of a dictionary and back.
public struct CaseTable: Sendable {
    /// The states, one per slot.
    var slots: [CaseState] = []
    /// The slot of each case.
    var index: [CaseID: Int] = [:]

    /// An empty table.
    public init() {}

    /// The number of cases held.
    public var count: Int { slots.count }

    /// The ids of the cases held.
    public var ids: Dictionary<CaseID, Int>.Keys { index.keys }

    /// The states of the cases held, in no particular order.
    public var values: [CaseState] { slots }

    /// The slot of case `id`, if it is held.
    func slot(of id: CaseID) -> Int? { index[id] }

    /// Holds `state` (in place of the case's state, if the case is held) and returns its slot.
    mutating func hold(_ state: CaseState) -> Int {
        if let slot = index[state.id] {
            slots[slot] = state
            return slot
        }
        index[state.id] = slots.count
        slots.append(state)
        return slots.count - 1
    }

    /// The state of case `id` (a copy), or `nil`; setting a state holds it, setting
    /// `nil` forgets the case.
    public subscript(id: CaseID) -> CaseState? {
        get { index[id].map { slots[$0] } }
        set {
            if let newValue {
                if let slot = index[id] {
                    slots[slot] = newValue
                } else {
                    index[id] = slots.count
                    slots.append(newValue)
                }
            } else if let slot = index.removeValue(forKey: id) {
                // The last case moves into the freed slot.
                let last = slots.count - 1
                if slot != last {
                    slots.swapAt(slot, last)
                    index[slots[slot].id] = slot
                }
                slots.removeLast()
            }
        }
    }
}
