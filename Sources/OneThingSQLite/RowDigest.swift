import OneThingEvents

/// The digests of the rows that are not events (events carry ``EventCodec``'s
/// digest): each row's columns in a fixed order, hashed with ``StableHash``, kept in the
/// row's `digest` column and checked when it is read, so a damaged summary, case
/// number or metadata value is an error, never a different answer.
enum RowDigest {
    /// The digest of a case's summary row at position `ordinal`.
    static func summary(_ summary: CaseSummary, ordinal: Int64) -> UInt64 {
        var writer = PayloadWriter()
        writer.string("cases")
        writer.int(Int(truncatingIfNeeded: ordinal))
        writer.strings([summary.id, summary.bundle, summary.version, summary.blueprint, summary.lead])
        writer.timestamp(summary.startedAt)
        optional(summary.promisedBy, into: &writer)
        writer.string(summary.outcome?.rawValue ?? "")
        optional(summary.deliveredAt, into: &writer)
        writer.strings(summary.waitingOn)
        writer.int(summary.events)
        return StableHash.fnv1a(writer.bytes)
    }

    /// The digest of the case-number row of `day`.
    static func caseNumber(day: String, last: Int64) -> UInt64 {
        var writer = PayloadWriter()
        writer.strings(["case_numbers", day])
        writer.int(Int(truncatingIfNeeded: last))
        return StableHash.fnv1a(writer.bytes)
    }

    /// The digest of the metadata row of `key`.
    static func metadata(key: String, value: String) -> UInt64 {
        var writer = PayloadWriter()
        writer.strings(["metadata", key, value])
        return StableHash.fnv1a(writer.bytes)
    }

    private static func optional(_ moment: Timestamp?, into writer: inout PayloadWriter) {
        writer.byte(moment == nil ? 0 : 1)
        if let moment { writer.timestamp(moment) }
    }
}
