/// How an event's kind is stored: its name in the `kind` column, its fields in the
/// `payload` blob in the compact form of ``PayloadWriter`` (a dispatch takes about
/// 30 bytes, where JSON takes about 90 and several times the time).
package enum EventPayload {
    /// The name of the kind, as the `kind` column holds it.
    package static func name(of kind: CaseEvent.Kind) -> StaticString {
        switch kind {
        case .started: "started"
        case .intake: "intake"
        case .dispatched: "dispatched"
        case .dispatchFailed: "dispatchFailed"
        case .inReview: "inReview"
        case .supplementRequested: "supplementRequested"
        case .supplementSupplied: "supplementSupplied"
        case .approved: "approved"
        case .approvalHeld: "approvalHeld"
        case .rejected: "rejected"
        case .cancelled: "cancelled"
        case .failed: "failed"
        case .materialSupplied: "materialSupplied"
        case .dueSoon: "dueSoon"
        case .overdue: "overdue"
        case .escalated: "escalated"
        case .outcomeIgnored: "outcomeIgnored"
        case .delivered: "delivered"
        }
    }

    /// The task `kind` is about, if it is about one.
    package static func task(of kind: CaseEvent.Kind) -> Int? {
        switch kind {
        case .dispatched(let task, _, _), .dispatchFailed(let task, _, _, _), .inReview(let task),
            .supplementRequested(let task, _), .supplementSupplied(let task), .approved(let task),
            .approvalHeld(let task, _), .rejected(let task, _), .cancelled(let task, _), .failed(let task, _),
            .dueSoon(let task, _), .overdue(let task, _), .escalated(let task, _),
            .outcomeIgnored(let task, _):
            task
        case .started, .intake, .materialSupplied, .delivered:
            nil
        }
    }

    /// Writes the fields of `kind` into `writer`.
    package static func encode(_ kind: CaseEvent.Kind, into writer: inout PayloadWriter) {
        switch kind {
        case .started(let start):
            writer.string(start.bundle)
            writer.string(start.version)
            writer.unsigned(UInt64(start.answers.count))
            for field in start.answers.keys.sorted() {
                writer.string(field)
                writer.string(start.answers[field]!)
            }
            writer.strings(start.provided)
            writer.string(start.lead)
            writer.string(start.blueprint)
        case .intake(let decision):
            switch decision {
            case .accepted: writer.byte(0)
            case .acceptedWithGaps(let missing):
                writer.byte(1)
                writer.strings(missing)
            case .rejectedIncomplete(let missing):
                writer.byte(2)
                writer.strings(missing)
            }
        case .dispatched(let task, let attempt, let key):
            writer.int(task)
            writer.int(attempt)
            writer.string(key)
        case .dispatchFailed(let task, let attempt, let reason, let retryAt):
            writer.int(task)
            writer.int(attempt)
            writer.string(reason)
            writer.double(retryAt)
        case .inReview(let task), .supplementSupplied(let task), .approved(let task):
            writer.int(task)
        case .supplementRequested(let task, let text), .rejected(let task, let text),
            .cancelled(let task, let text), .failed(let task, let text), .escalated(let task, let text),
            .outcomeIgnored(let task, let text):
            writer.int(task)
            writer.string(text)
        case .approvalHeld(let task, let materials):
            writer.int(task)
            writer.strings(materials)
        case .materialSupplied(let material):
            writer.string(material)
        case .dueSoon(let task, let due), .overdue(let task, let due):
            writer.int(task)
            writer.double(due)
        case .delivered(let outputs, let outcome):
            writer.strings(outputs)
            writer.string(outcome.rawValue)
        }
    }

    /// The kind named `name` with the fields in `reader`.
    package static func decode(_ name: String, from reader: inout PayloadReader) throws(PayloadReader.Damaged)
        -> CaseEvent.Kind
    {
        let kind: CaseEvent.Kind
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
            case 0: kind = .intake(.accepted)
            case 1: kind = .intake(.acceptedWithGaps(missing: try reader.strings()))
            case 2: kind = .intake(.rejectedIncomplete(missing: try reader.strings()))
            default: throw PayloadReader.Damaged()
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
            guard let outcome = CaseOutcome(rawValue: try reader.string()) else {
                throw PayloadReader.Damaged()
            }
            kind = .delivered(outputs: outputs, outcome: outcome)
        default:
            throw PayloadReader.Damaged()
        }
        guard reader.isAtEnd else { throw PayloadReader.Damaged() }
        return kind
    }
}
