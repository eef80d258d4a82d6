import OneThingEvents

/// An event as the first format (OneThing 0.1) kept it: its moment as work time, and
/// the fields of its kind, read from the payload of that format (doubles as 8 bytes,
/// tasks where steps are now).
struct LegacyEvent {
    /// What happened, with the first format's fields.
    enum Kind {
        case started(CaseStart)
        case accepted
        case acceptedWithGaps(missing: [String])
        case rejectedIncomplete(missing: [String])
        case dispatched(task: Int, attempt: Int, key: String)
        case dispatchFailed(task: Int, attempt: Int, reason: String, retryAt: Double)
        case inReview(task: Int)
        case supplementRequested(task: Int, note: String)
        case supplementSupplied(task: Int)
        case approved(task: Int)
        case approvalHeld(task: Int, materials: [String])
        case rejected(task: Int, reason: String)
        case cancelled(task: Int, reason: String)
        case failed(task: Int, reason: String)
        case materialSupplied(material: String)
        case dueSoon(task: Int, due: Double)
        case overdue(task: Int, due: Double)
        case escalated(task: Int, to: String)
        case outcomeIgnored(task: Int, reason: String)
        case delivered(outputs: [String], outcome: CaseOutcome)

        /// The task it is about, if any.
        var task: Int? {
            switch self {
            case .dispatched(let task, _, _), .dispatchFailed(let task, _, _, _), .inReview(let task),
                .supplementRequested(let task, _), .supplementSupplied(let task), .approved(let task),
                .approvalHeld(let task, _), .rejected(let task, _), .cancelled(let task, _),
                .failed(let task, _),
                .dueSoon(let task, _), .overdue(let task, _), .escalated(let task, _),
                .outcomeIgnored(let task, _):
                task
            case .started, .accepted, .acceptedWithGaps, .rejectedIncomplete, .materialSupplied, .delivered:
                nil
            }
        }
    }

    /// The event's position in its case.
    var sequence: Int
    /// Its moment, in work time.
    var at: Double
    /// What happened.
    var kind: Kind

    /// The kind named `name` with the fields in `payload`, as the first format wrote them.
    static func kind(named name: String, payload: [UInt8]) throws(LegacyMigration.BadValue) -> Kind {
        var reader = LegacyPayloadReader(payload)
        let kind: Kind
        switch name {
        case "started":
            let bundle = try reader.string()
            let version = try reader.string()
            var answers: [String: String] = [:]
            for _ in 0..<(try reader.count()) {
                let field = try reader.string()
                answers[field] = try reader.string()
            }
            kind = .started(
                CaseStart(
                    bundle: bundle, version: version, answers: answers, provided: try reader.strings(),
                    lead: try reader.string(), blueprint: try reader.string()))
        case "intake":
            switch try reader.byte() {
            case 0: kind = .accepted
            case 1: kind = .acceptedWithGaps(missing: try reader.strings())
            case 2: kind = .rejectedIncomplete(missing: try reader.strings())
            default: throw reader.damaged
            }
        case "dispatched":
            kind = .dispatched(task: try reader.int(), attempt: try reader.int(), key: try reader.string())
        case "dispatchFailed":
            kind = .dispatchFailed(
                task: try reader.int(), attempt: try reader.int(), reason: try reader.string(),
                retryAt: try reader.double())
        case "inReview": kind = .inReview(task: try reader.int())
        case "supplementSupplied": kind = .supplementSupplied(task: try reader.int())
        case "approved": kind = .approved(task: try reader.int())
        case "supplementRequested":
            kind = .supplementRequested(task: try reader.int(), note: try reader.string())
        case "rejected": kind = .rejected(task: try reader.int(), reason: try reader.string())
        case "cancelled": kind = .cancelled(task: try reader.int(), reason: try reader.string())
        case "failed": kind = .failed(task: try reader.int(), reason: try reader.string())
        case "escalated": kind = .escalated(task: try reader.int(), to: try reader.string())
        case "outcomeIgnored": kind = .outcomeIgnored(task: try reader.int(), reason: try reader.string())
        case "approvalHeld": kind = .approvalHeld(task: try reader.int(), materials: try reader.strings())
        case "materialSupplied": kind = .materialSupplied(material: try reader.string())
        case "dueSoon": kind = .dueSoon(task: try reader.int(), due: try reader.double())
        case "overdue": kind = .overdue(task: try reader.int(), due: try reader.double())
        case "delivered":
            let outputs = try reader.strings()
            guard let outcome = CaseOutcome(rawValue: try reader.string()) else { throw reader.damaged }
            kind = .delivered(outputs: outputs, outcome: outcome)
        default:
            throw LegacyMigration.BadValue(reason: "unknown event kind '\(name)'")
        }
        guard reader.isAtEnd else { throw reader.damaged }
        return kind
    }
}

/// Reads the payloads of the first format: unsigned LEB128 varints, zigzag integers,
/// doubles as 8 little-endian bytes, strings as a length and UTF-8 bytes. Every read
/// checks the bounds.
struct LegacyPayloadReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The error for a payload that does not hold its fields.
    let damaged = LegacyMigration.BadValue(reason: "the payload is damaged")

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(LegacyMigration.BadValue) -> UInt8 {
        guard offset < bytes.count else { throw damaged }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(LegacyMigration.BadValue) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw damaged }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(LegacyMigration.BadValue) -> Int {
        let raw = try unsigned()
        let wide = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let value = Int(exactly: wide) else { throw damaged }
        return value
    }

    mutating func count() throws(LegacyMigration.BadValue) -> Int {
        let raw = try unsigned()
        guard raw <= UInt64(bytes.count - offset) else { throw damaged }
        return Int(raw)
    }

    mutating func double() throws(LegacyMigration.BadValue) -> Double {
        guard bytes.count - offset >= 8 else { throw damaged }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws(LegacyMigration.BadValue) -> String {
        let length = try count()
        defer { offset += length }
        guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
            throw damaged
        }
        return text
    }

    mutating func strings() throws(LegacyMigration.BadValue) -> [String] {
        let count = try count()
        var values: [String] = []
        for _ in 0..<count { values.append(try string()) }
        return values
    }
}
