/// An event with what a store writes of it made once: its kind's name, its payload and
/// its digest (``EventCodec``). A store can make these before it takes its write lock,
/// so that the encoding does not hold up the writer.
public struct EncodedEvent: Sendable {
    /// The event.
    public let event: CaseEvent
    /// Its kind's name (``EventCodec/name(of:)``).
    public let name: String
    /// Its payload (``EventCodec/payload(of:)``).
    public let payload: [UInt8]
    /// Its digest (``EventCodec/digest(caseID:sequence:at:name:payload:)``).
    public let digest: UInt64

    /// Encodes `event`.
    public init(_ event: CaseEvent) {
        self.event = event
        name = EventCodec.name(of: event.kind)
        payload = EventCodec.payload(of: event.kind)
        digest = EventCodec.digest(
            caseID: event.caseID, sequence: event.sequence, at: event.at, name: name, payload: payload)
    }
}
