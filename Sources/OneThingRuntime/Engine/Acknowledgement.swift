import OneThingEvents

/// An event the engine acknowledges: it is stored. Its digest is the store's
/// (``EventCodec/digest(of:)``), so a reader can check the stored event is this one;
/// it is computed when read, since most subscribers never ask for it.
public struct Acknowledgement: Sendable, Hashable {
    /// The event.
    public let event: CaseEvent

    /// Its digest, the one the store keeps with it.
    public var digest: UInt64 { EventCodec.digest(of: event) }

    /// Acknowledges `event`.
    public init(event: CaseEvent) {
        self.event = event
    }
}
