import OneThingEvents

/// An event the engine acknowledges: it is stored. The digest is the store's
/// (``EventCodec/digest(of:)``), so a reader can check the stored event is this one.
public struct Acknowledgement: Sendable, Hashable {
    /// The event.
    public var event: CaseEvent
    /// Its digest.
    public var digest: UInt64

    /// Creates an acknowledgement.
    public init(event: CaseEvent, digest: UInt64) {
        self.event = event
        self.digest = digest
    }
}
