/// The runtime's pending timers, earliest first (a binary heap), ties broken by the
/// order they were set in, so runs are deterministic.
struct TimerQueue {
    /// What a timer does when it fires.
    enum Action: Hashable {
        /// Warn that a task is due soon.
        case dueSoon(task: Int)
        /// Report a task overdue.
        case overdue(task: Int)
        /// Escalate an overdue task to the lead department.
        case escalate(task: Int)
        /// Send a task again after a failed submission.
        case retry(task: Int, attempt: Int)
        /// A deferred material's deadline.
        case deadline(material: String)
    }

    struct Timer {
        var at: WorkTime
        var order: UInt64
        var caseID: CaseID
        var action: Action
    }

    private var heap: [Timer] = []
    private var counter: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var next: WorkTime? { heap.first?.at }

    mutating func schedule(_ action: Action, for caseID: CaseID, at: WorkTime) {
        counter += 1
        heap.append(Timer(at: at, order: counter, caseID: caseID, action: action))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest timer due at or before `now`.
    mutating func pop(dueBy now: WorkTime) -> Timer? {
        guard let first = heap.first, first.at <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
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
        return first
    }

    private static func before(_ a: Timer, _ b: Timer) -> Bool {
        a.at < b.at || (a.at == b.at && a.order < b.order)
    }
}
