/// Reading a case's events back from any store, one stored row at a time, with the
/// checks every store makes: each event against its digest (``EventCodec``), the
/// sequence without a gap from 1, and the count against the one the case's summary
/// keeps, so an event cannot go missing unnoticed.
///
/// ```swift
/// var history = StoredHistory(caseID: id, expected: summary.events)
/// for row in rows { try history.append(sequence: …, at: …, name: …, payload: …, digest: …) }
/// let events = try history.finish()
/// ```
public struct StoredHistory: Sendable {
    /// The case.
    public let caseID: CaseID
    /// The number of events the case's summary counts.
    public let expected: Int
    /// The events read so far, in order.
    public private(set) var events: [CaseEvent] = []

    /// Starts reading the events of case `caseID`, whose summary counts `expected`.
    public init(caseID: CaseID, expected: Int) {
        self.caseID = caseID
        self.expected = expected
        events.reserveCapacity(max(0, expected))
    }

    /// Reads the next stored event.
    ///
    /// - Throws: ``EventCodec/Damaged`` when it is not the next in sequence, or does not
    ///   read back as it was written.
    public mutating func append(sequence: Int, at: Timestamp, name: String, payload: [UInt8], digest: UInt64)
        throws(EventCodec.Damaged)
    {
        guard sequence == events.count + 1 else {
            throw EventCodec.Damaged(
                caseID: caseID,
                reason: "event \(events.count + 1) is missing (the next one stored is \(sequence))")
        }
        events.append(
            try EventCodec.event(
                caseID: caseID, sequence: sequence, at: at, name: name, payload: payload, digest: digest))
    }

    /// The events, once every stored row was read.
    ///
    /// - Throws: ``EventCodec/Damaged`` when the store holds fewer or more events than
    ///   the case's summary counts.
    public func finish() throws(EventCodec.Damaged) -> [CaseEvent] {
        guard events.count == expected else {
            throw EventCodec.Damaged(
                caseID: caseID,
                reason: "the store holds \(events.count) events, but the case's summary counts \(expected)")
        }
        return events
    }
}
