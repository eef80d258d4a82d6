/// The children of every open collection, in one buffer: a finished collection's
/// children are moved out into one array of exactly their number.
///
/// Appending to one growing array per collection would allocate several times per
/// mapping and leave unused capacity in the tree; this stack allocates once per
/// collection and moves elements without retaining and releasing them.
struct YAMLScratchStack<Element>: ~Copyable {
    private var buffer: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    /// Creates an empty stack.
    init(capacity: Int = 64) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }

    /// The element at `index`.
    subscript(index: Int) -> Element {
        @inline(__always) _read { yield buffer[index] }
    }

    /// Pushes `element`.
    @inline(__always)
    mutating func push(_ element: Element) {
        if count == capacity { grow() }
        (buffer + count).initialize(to: element)
        count += 1
    }

    /// Removes the elements from `start` on and returns them as an array.
    mutating func pop(from start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let source = UnsafeMutableBufferPointer(start: buffer + start, count: taken)
        let array = [Element](unsafeUninitializedCapacity: taken) { destination, initialized in
            initialized = destination.moveInitialize(fromContentsOf: source)
        }
        count = start
        return array
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
    }
}
