/// How every store keeps an event: the kind's name (a column of its own, for queries
/// and for reading a store by eye), the kind's fields in a compact binary payload (a
/// dispatch takes about 40 bytes, where JSON takes about 120 and several times the
/// time), and a digest of the whole event that is checked on every read, so a
/// damaged byte is an error and never a different history.
///
/// ```swift
/// let payload = EventCodec.payload(of: event.kind)
/// let digest = EventCodec.digest(of: event)
/// // … later, from the stored row:
/// let kind = try EventCodec.kind(named: name, payload: payload)
/// ```
public enum EventCodec {
    /// The version of the payload format, kept by stores beside their schema. Format 3
    /// added the kinds ``CaseEvent/Kind/resultRecorded(step:results:)`` and
    /// ``CaseEvent/Kind/notNeeded(step:)`` (and the status `not-needed` an ignored outcome
    /// may name) and changed no payload: a store of format 2 reads as format 3, and is
    /// marked so when it is opened to write (``formatsReadable``).
    public static let formatVersion = 3

    /// The payload formats this version reads: a store that names one of them holds
    /// payloads this version reads as they are, and needs only its format number raised.
    public static let formatsReadable: ClosedRange<Int> = 2...formatVersion

    /// A payload or a stored event that cannot be read back as it was written.
    public struct Damaged: Error, Sendable, Hashable, CustomStringConvertible {
        /// The case.
        public var caseID: CaseID?
        /// The event's sequence number.
        public var sequence: Int?
        /// What is wrong.
        public var reason: String

        /// Creates an error.
        public init(caseID: CaseID? = nil, sequence: Int? = nil, reason: String) {
            self.caseID = caseID
            self.sequence = sequence
            self.reason = reason
        }

        public var description: String {
            let which = [caseID.map { "case \($0)" }, sequence.map { "event \($0)" }].compactMap { $0 }
            return (which.isEmpty ? "" : which.joined(separator: ", ") + ": ") + reason
        }
    }

    /// The name of `kind`, as stores keep it.
    public static func name(of kind: CaseEvent.Kind) -> String { CaseEvent.Kind.Name(kind).rawValue }

    /// The step `kind` is about, if it is about one.
    public static func step(of kind: CaseEvent.Kind) -> Int? {
        switch kind {
        case .dispatched(let step, _, _, _), .dispatchFailed(let step, _, _, _), .inReview(let step),
            .supplementRequested(let step, _), .supplementSupplied(let step, _), .approved(let step),
            .approvalHeld(let step, _), .rejected(let step, _), .cancelled(let step, _), .failed(let step, _),
            .dueSoon(let step, _), .overdue(let step, _), .escalated(let step, _),
            .outcomeIgnored(let step, _, _, _), .decidedBy(let step, _), .issued(let step, _),
            .resultRecorded(let step, _), .notNeeded(let step):
            step
        case .dueChanged(let step, _, _):
            step
        case .started, .intake, .materialSupplied, .materialFetched, .materialUnavailable, .withdrawn,
            .delivered:
            nil
        }
    }

    /// The payload of `kind`: its fields in the compact binary form.
    public static func payload(of kind: CaseEvent.Kind) -> [UInt8] {
        var writer = PayloadWriter()
        write(kind, into: &writer)
        return writer.bytes
    }

    /// The digest of `event`: the stable hash of its case, sequence, moment, kind and
    /// payload. Stores keep it beside the event and check it on every read; an engine
    /// hands it out with every acknowledgement.
    public static func digest(of event: CaseEvent) -> UInt64 {
        digest(
            caseID: event.caseID, sequence: event.sequence, at: event.at, name: name(of: event.kind),
            payload: payload(of: event.kind))
    }

    /// The digest of an event given as stored fields.
    public static func digest(caseID: CaseID, sequence: Int, at: Timestamp, name: String, payload: [UInt8])
        -> UInt64
    {
        var writer = PayloadWriter()
        writer.string(caseID)
        writer.int(sequence)
        writer.timestamp(at)
        writer.string(name)
        writer.unsigned(UInt64(payload.count))
        return StableHash.fnv1a(payload, continuing: StableHash.fnv1a(writer.bytes))
    }

    /// The kind named `name` with the fields in `payload`.
    ///
    /// - Throws: ``Damaged`` when the name is unknown or the payload does not hold
    ///   exactly the fields of that kind.
    public static func kind(named name: String, payload: [UInt8]) throws(Damaged) -> CaseEvent.Kind {
        guard let known = CaseEvent.Kind.Name(rawValue: name) else {
            throw Damaged(reason: "unknown event kind '\(name)'")
        }
        var reader = PayloadReader(payload)
        do {
            let kind = try read(known, from: &reader)
            guard reader.isAtEnd else { throw PayloadReader.Damaged() }
            return kind
        } catch {
            throw Damaged(reason: "the payload of a '\(name)' event is damaged")
        }
    }

    /// Reads a stored event back and checks its digest.
    ///
    /// - Throws: ``Damaged`` when the kind or payload cannot be read, or the digest
    ///   does not match (a byte of the row changed since it was written).
    public static func event(
        caseID: CaseID, sequence: Int, at: Timestamp, name: String, payload: [UInt8], digest: UInt64
    ) throws(Damaged) -> CaseEvent {
        let expected = Self.digest(caseID: caseID, sequence: sequence, at: at, name: name, payload: payload)
        guard expected == digest else {
            throw Damaged(
                caseID: caseID, sequence: sequence,
                reason: "the stored event does not match its digest (a byte changed since it was written)")
        }
        do {
            return CaseEvent(
                caseID: caseID, sequence: sequence, at: at, kind: try kind(named: name, payload: payload))
        } catch {
            throw Damaged(caseID: caseID, sequence: sequence, reason: error.reason)
        }
    }

    // MARK: Fields

    static func write(_ kind: CaseEvent.Kind, into writer: inout PayloadWriter) {
        switch kind {
        case .started(let start):
            writer.string(start.bundle)
            writer.string(start.version)
            writer.table(start.answers)
            writer.strings(start.provided)
            writer.string(start.lead)
            writer.string(start.blueprint)
        case .intake(.accepted(let promisedBy, let deferred)):
            writer.byte(0)
            writer.timestamp(promisedBy)
            writer.unsigned(UInt64(deferred.count))
            for entry in deferred {
                writer.string(entry.material)
                writer.timestamp(entry.dueBy)
            }
        case .intake(.rejectedIncomplete(let missing)):
            writer.byte(1)
            writer.strings(missing)
        case .dispatched(let step, let attempt, let key, let due):
            writer.int(step)
            writer.int(attempt)
            writer.string(key)
            writer.timestamp(due)
        case .dispatchFailed(let step, let attempt, let reason, let retryAt):
            writer.int(step)
            writer.int(attempt)
            writer.string(reason)
            writer.timestamp(retryAt)
        case .inReview(let step), .approved(let step), .notNeeded(let step):
            writer.int(step)
        case .supplementSupplied(let step, let due), .dueSoon(let step, let due), .overdue(let step, let due):
            writer.int(step)
            writer.timestamp(due)
        case .supplementRequested(let step, let text), .rejected(let step, let text),
            .failed(let step, let text), .escalated(let step, let text), .decidedBy(let step, let text):
            writer.int(step)
            writer.string(text)
        case .cancelled(let step, let cause):
            writer.int(step)
            writer.int(cause)
        case .issued(let step, let documents):
            writer.int(step)
            writer.table(documents)
        case .resultRecorded(let step, let results):
            writer.int(step)
            writer.table(results)
        case .outcomeIgnored(let step, let key, let outcome, let status):
            writer.int(step)
            writer.string(key)
            writer.string(outcome)
            writer.string(status.rawValue)
        case .approvalHeld(let step, let materials):
            writer.int(step)
            writer.strings(materials)
        case .materialSupplied(let material, let late):
            writer.string(material)
            writer.byte(late ? 1 : 0)
        case .materialFetched(let material, let reference):
            writer.string(material)
            writer.string(reference)
        case .materialUnavailable(let material, let reason, let fallback):
            writer.string(material)
            writer.string(reason)
            writer.byte(fallback.isPaper ? 0 : 1)
            writer.timestamp(fallback.dueBy)
        case .dueChanged(let step, let from, let to):
            writer.int(step ?? -1)
            writer.timestamp(from)
            writer.timestamp(to)
        case .withdrawn(let reason):
            writer.string(reason)
        case .delivered(let outputs, let outcome):
            writer.strings(outputs)
            writer.string(outcome.rawValue)
        }
    }

    static func read(_ name: CaseEvent.Kind.Name, from reader: inout PayloadReader) throws(PayloadReader
        .Damaged)
        -> CaseEvent.Kind
    {
        switch name {
        case .started:
            return .started(
                CaseStart(
                    bundle: try reader.string(), version: try reader.string(), answers: try reader.table(),
                    provided: try reader.strings(), lead: try reader.string(), blueprint: try reader.string())
            )
        case .intake:
            switch try reader.byte() {
            case 0:
                let promisedBy = try reader.timestamp()
                var deferred: [DeferredMaterial] = []
                for _ in 0..<(try reader.count()) {
                    deferred.append(
                        DeferredMaterial(material: try reader.string(), dueBy: try reader.timestamp()))
                }
                return .intake(.accepted(promisedBy: promisedBy, deferred: deferred))
            case 1:
                return .intake(.rejectedIncomplete(missing: try reader.strings()))
            default:
                throw PayloadReader.Damaged()
            }
        case .dispatched:
            return .dispatched(
                step: try reader.int(), attempt: try reader.int(), key: try reader.string(),
                due: try reader.timestamp())
        case .dispatchFailed:
            return .dispatchFailed(
                step: try reader.int(), attempt: try reader.int(), reason: try reader.string(),
                retryAt: try reader.timestamp())
        case .inReview: return .inReview(step: try reader.int())
        case .approved: return .approved(step: try reader.int())
        case .notNeeded: return .notNeeded(step: try reader.int())
        case .supplementSupplied:
            return .supplementSupplied(step: try reader.int(), due: try reader.timestamp())
        case .dueSoon: return .dueSoon(step: try reader.int(), due: try reader.timestamp())
        case .overdue: return .overdue(step: try reader.int(), due: try reader.timestamp())
        case .supplementRequested:
            return .supplementRequested(step: try reader.int(), note: try reader.string())
        case .rejected: return .rejected(step: try reader.int(), reason: try reader.string())
        case .cancelled: return .cancelled(step: try reader.int(), cause: try reader.int())
        case .failed: return .failed(step: try reader.int(), material: try reader.string())
        case .escalated: return .escalated(step: try reader.int(), to: try reader.string())
        case .outcomeIgnored:
            let (step, key, outcome) = (try reader.int(), try reader.string(), try reader.string())
            guard let status = StepStatus(rawValue: try reader.string()) else {
                throw PayloadReader.Damaged()
            }
            return .outcomeIgnored(step: step, key: key, outcome: outcome, status: status)
        case .approvalHeld: return .approvalHeld(step: try reader.int(), materials: try reader.strings())
        case .materialSupplied:
            let material = try reader.string()
            switch try reader.byte() {
            case 0: return .materialSupplied(material: material, late: false)
            case 1: return .materialSupplied(material: material, late: true)
            default: throw PayloadReader.Damaged()
            }
        case .materialFetched:
            return .materialFetched(material: try reader.string(), reference: try reader.string())
        case .materialUnavailable:
            let (material, reason) = (try reader.string(), try reader.string())
            let paper: Bool
            switch try reader.byte() {
            case 0: paper = true
            case 1: paper = false
            default: throw PayloadReader.Damaged()
            }
            let moment = try reader.timestamp()
            return .materialUnavailable(
                material: material, reason: reason,
                fallback: paper ? .paper(dueBy: moment) : .wait(until: moment))
        case .dueChanged:
            let step = try reader.int()
            guard step >= -1 else { throw PayloadReader.Damaged() }
            return .dueChanged(
                step: step < 0 ? nil : step, from: try reader.timestamp(), to: try reader.timestamp())
        case .withdrawn:
            return .withdrawn(reason: try reader.string())
        case .decidedBy:
            return .decidedBy(step: try reader.int(), principal: try reader.string())
        case .issued:
            return .issued(step: try reader.int(), documents: try reader.table())
        case .resultRecorded:
            return .resultRecorded(step: try reader.int(), results: try reader.table())
        case .delivered:
            let outputs = try reader.strings()
            guard let outcome = CaseOutcome(rawValue: try reader.string()) else {
                throw PayloadReader.Damaged()
            }
            return .delivered(outputs: outputs, outcome: outcome)
        }
    }
}

extension CaseEvent.Kind {
    /// The names of the kinds of events, as stores keep them: one per case of
    /// ``CaseEvent/Kind``, so the compiler finds a kind a store could not name.
    public enum Name: String, Sendable, Hashable, CaseIterable, Codable {
        /// ``CaseEvent/Kind/started(_:)``.
        case started
        /// ``CaseEvent/Kind/intake(_:)``.
        case intake
        /// ``CaseEvent/Kind/dispatched(step:attempt:key:due:)``.
        case dispatched
        /// ``CaseEvent/Kind/dispatchFailed(step:attempt:reason:retryAt:)``.
        case dispatchFailed
        /// ``CaseEvent/Kind/inReview(step:)``.
        case inReview
        /// ``CaseEvent/Kind/supplementRequested(step:note:)``.
        case supplementRequested
        /// ``CaseEvent/Kind/supplementSupplied(step:due:)``.
        case supplementSupplied
        /// ``CaseEvent/Kind/approved(step:)``.
        case approved
        /// ``CaseEvent/Kind/approvalHeld(step:materials:)``.
        case approvalHeld
        /// ``CaseEvent/Kind/rejected(step:reason:)``.
        case rejected
        /// ``CaseEvent/Kind/cancelled(step:cause:)``.
        case cancelled
        /// ``CaseEvent/Kind/failed(step:material:)``.
        case failed
        /// ``CaseEvent/Kind/materialSupplied(material:late:)``.
        case materialSupplied
        /// ``CaseEvent/Kind/materialFetched(material:reference:)``.
        case materialFetched
        /// ``CaseEvent/Kind/materialUnavailable(material:reason:fallback:)``.
        case materialUnavailable
        /// ``CaseEvent/Kind/dueSoon(step:due:)``.
        case dueSoon
        /// ``CaseEvent/Kind/overdue(step:due:)``.
        case overdue
        /// ``CaseEvent/Kind/escalated(step:to:)``.
        case escalated
        /// ``CaseEvent/Kind/dueChanged(step:from:to:)``.
        case dueChanged
        /// ``CaseEvent/Kind/outcomeIgnored(step:key:outcome:status:)``.
        case outcomeIgnored
        /// ``CaseEvent/Kind/withdrawn(reason:)``.
        case withdrawn
        /// ``CaseEvent/Kind/decidedBy(step:principal:)``.
        case decidedBy
        /// ``CaseEvent/Kind/issued(step:documents:)``.
        case issued
        /// ``CaseEvent/Kind/delivered(outputs:outcome:)``.
        case delivered
        /// ``CaseEvent/Kind/resultRecorded(step:results:)``.
        case resultRecorded
        /// ``CaseEvent/Kind/notNeeded(step:)``.
        case notNeeded

        /// The name of `kind`.
        public init(_ kind: CaseEvent.Kind) {
            switch kind {
            case .started: self = .started
            case .intake: self = .intake
            case .dispatched: self = .dispatched
            case .dispatchFailed: self = .dispatchFailed
            case .inReview: self = .inReview
            case .supplementRequested: self = .supplementRequested
            case .supplementSupplied: self = .supplementSupplied
            case .approved: self = .approved
            case .approvalHeld: self = .approvalHeld
            case .rejected: self = .rejected
            case .cancelled: self = .cancelled
            case .failed: self = .failed
            case .materialSupplied: self = .materialSupplied
            case .materialFetched: self = .materialFetched
            case .materialUnavailable: self = .materialUnavailable
            case .dueSoon: self = .dueSoon
            case .overdue: self = .overdue
            case .escalated: self = .escalated
            case .dueChanged: self = .dueChanged
            case .outcomeIgnored: self = .outcomeIgnored
            case .withdrawn: self = .withdrawn
            case .decidedBy: self = .decidedBy
            case .issued: self = .issued
            case .delivered: self = .delivered
            case .resultRecorded: self = .resultRecorded
            case .notNeeded: self = .notNeeded
            }
        }
    }

    /// The kind's name.
    public var name: Name { Name(self) }
}
