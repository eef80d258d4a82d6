/// A mapping or list whose children are being composed, or the document around the root.
///
/// The children themselves wait on the composer's scratch stacks from ``base`` on.
struct YAMLComposerFrame {
    /// What a frame composes.
    enum Kind {
        /// The document: its one child is the root.
        case document
        /// A mapping.
        case mapping
        /// A list.
        case sequence
    }

    /// What this frame composes.
    let kind: Kind
    /// True for `[…]` and `{…}`, whose end libyaml marks exactly.
    let isFlow: Bool
    /// Where the collection starts (at its anchor or tag, if it has one).
    let start: SourceLocation
    /// The anchor to register the finished node under.
    let anchor: String?
    /// Where this frame's children start on the scratch stack of its kind.
    let base: Int
    /// The end of the last child composed so far.
    var end: SourceLocation
    /// The position of each key on the entry stack, once the mapping has many.
    var keyIndex: [String: Int] = [:]
    /// True when the next child is a mapping value rather than a key.
    var expectsValue = false
    /// The key waiting for its value; `nil` when the key was rejected.
    var pendingKey: YAMLScalar?
    /// Nodes in this collection, itself included, aliases counted as expanded.
    var count = 1
    /// Levels of collections in this one, itself included.
    var height = 1

    /// The frame of the document, which holds the root.
    static let document = YAMLComposerFrame(
        kind: .document, isFlow: false, start: SourceLocation(line: 1, column: 1), anchor: nil, base: 0)

    /// Creates the frame of a collection starting at `start`, its children from `base` on.
    init(kind: Kind, isFlow: Bool, start: SourceLocation, anchor: String?, base: Int) {
        self.kind = kind
        self.isFlow = isFlow
        self.start = start
        self.anchor = anchor
        self.base = base
        self.end = start
    }
}
