/// The runtime's pending timers, earliest first (a binary heap), ties broken by the
/// order they were set in, so runs are deterministic.
struct TimerQueue: Sendable {
    /// What a timer does when it fires.
    enum Action: Hashable, Sendable {
        /// Warn that a step is due soon.
        case dueSoon(step: Int)
        /// Report a step overdue.
        case overdue(step: Int)
        /// Escalate an overdue step (督办).
        case escalate(step: Int)
        /// Send a step again after a failed submission.
        case retry(step: Int, attempt: Int)
        /// A deferred material's deadline.
        case deadline(material: String)
    }

    struct Timer: Sendable {
        var at: Timestamp
        var order: UInt64
        var caseID: CaseID
        var action: Action
    }

    private var heap: [Timer] = []
    private var counter: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var next: Timestamp? { heap.first?.at }

    mutating func schedule(_ action: Action, for caseID: CaseID, at: Timestamp) {
        counter += 1
        heap.append(Timer(at: at, order: counter, caseID: caseID, action: action))
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest timer due at or before `now`.
    mutating func pop(dueBy now: Timestamp) -> Timer? {
        guard let first = heap.first, first.at <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return first
    }

    /// Drops every timer of the cases in `ids` (their decisions were not stored).
    mutating func remove(cases ids: Set<CaseID>) {
        let kept = heap.filter { !ids.contains($0.caseID) }
        guard kept.count != heap.count else { return }
        heap = []
        for timer in kept.sorted(by: Self.before) { heap.append(timer) }  // a sorted array is a heap
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, Self.before(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Self.before(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    private static func before(_ a: Timer, _ b: Timer) -> Bool {
        a.at < b.at || (a.at == b.at && a.order < b.order)
    }
}
