import Foundation
import OneThing
import OneThingRuntime

/// A case as one JSON document (`onething case show --format json`): who and what, the
/// dates, every step as it stands, and every event with its fields by name. Its shape
/// is a contract, described by `grammar/case.schema.json` (`"schema": "onething-case/1"`):
/// fields are only ever added. Moments are ISO 8601 in UTC; dates (`…Date`) are the
/// day in China Standard Time; steps are named by id.
public struct CaseDocument: Encodable, Sendable {
    /// The schema this document follows.
    public static let schema = "onething-case/1"

    /// The case's state.
    public let state: CaseState
    /// Its events.
    public let events: [CaseEvent]

    /// The document of the case whose history is `events`, pinned to `blueprint`.
    public init(events: [CaseEvent], blueprint: CaseBlueprint) {
        var state = CaseState(id: events.first?.caseID ?? "", blueprint: blueprint)
        for event in events { state.apply(event) }
        self.state = state
        self.events = events
    }

    /// The document as pretty-printed JSON with sorted keys.
    public func json() throws(EncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(self, .init(codingPath: [], debugDescription: "\(error)"))
        }
    }

    enum Key: String, CodingKey {
        case schema, id, bundle, version, title, region, lead, supervisor, answers, provided, startedAt
        case acceptedAt, promise, promisedBy, promisedByDate, outcome, deliveredAt, outputs, steps, events
        case kind, name, department, limit, status, attempts, key, due, dueDate, finishedAt, reason
        case cancelledBy, missingMaterial, predecessors
        case sequence, at, step, attempt, retryAt, note, materials, material, late, to, from, cause
        case decision, deferred, missing, dueBy, blueprint, principal, decidedBy, documents
        case progress, waiting, approved, rejected, failed, cancelled, total, party, caseId
        case reference, fallback, results, notNeeded
    }

    public func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Key.self)
        let blueprint = state.blueprint
        try root.encode(Self.schema, forKey: .schema)
        try root.encode(state.id, forKey: .id)
        try root.encode(blueprint.bundle, forKey: .bundle)
        try root.encode(blueprint.version, forKey: .version)
        try root.encode(blueprint.title, forKey: .title)
        try root.encode(blueprint.region, forKey: .region)
        try root.encode(blueprint.lead, forKey: .lead)
        try root.encode(blueprint.supervisor, forKey: .supervisor)
        try root.encode(state.start?.answers ?? [:], forKey: .answers)
        try root.encode(state.start?.provided ?? [], forKey: .provided)
        try root.encode(state.startedAt, forKey: .startedAt)
        try root.encode(state.acceptedAt, forKey: .acceptedAt)
        try root.encode(blueprint.promise, forKey: .promise)
        try root.encode(state.promisedBy, forKey: .promisedBy)
        try root.encode(
            state.promisedBy.map { WorkdayCalendar.date(endingAt: $0).description }, forKey: .promisedByDate)
        try root.encode(state.outcome, forKey: .outcome)
        try root.encode(state.deliveredAt, forKey: .deliveredAt)
        try root.encode(state.outputs, forKey: .outputs)
        if !state.results.isEmpty { try root.encode(state.results, forKey: .results) }
        var steps = root.nestedUnkeyedContainer(forKey: .steps)
        for (index, step) in state.steps.enumerated() {
            let spec = blueprint.steps[index]
            var entry = steps.nestedContainer(keyedBy: Key.self)
            try entry.encode(spec.id, forKey: .id)
            try entry.encode(spec.kind, forKey: .kind)
            try entry.encode(spec.name, forKey: .name)
            try entry.encode(spec.department, forKey: .department)
            try entry.encode(spec.limit, forKey: .limit)
            try entry.encode(spec.predecessors.map { blueprint.steps[$0].id }, forKey: .predecessors)
            try entry.encode(step.status, forKey: .status)
            try entry.encode(step.attempts, forKey: .attempts)
            try entry.encode(step.key, forKey: .key)
            try entry.encode(step.due, forKey: .due)
            try entry.encode(
                step.due.map { WorkdayCalendar.date(endingAt: $0).description }, forKey: .dueDate)
            try entry.encode(step.finishedAt, forKey: .finishedAt)
            try entry.encode(step.reason, forKey: .reason)
            try entry.encode(step.decidedBy, forKey: .decidedBy)
            if !step.documents.isEmpty { try entry.encode(step.documents, forKey: .documents) }
            try entry.encode(step.cancelledBy.map { blueprint.steps[$0].id }, forKey: .cancelledBy)
            try entry.encode(step.missingMaterial, forKey: .missingMaterial)
        }
        var list = root.nestedUnkeyedContainer(forKey: .events)
        for event in events {
            var entry = list.nestedContainer(keyedBy: Key.self)
            try encode(event, into: &entry)
        }
        var progress = root.nestedContainer(keyedBy: Key.self, forKey: .progress)
        for (status, key) in [
            (StepStatus.approved, Key.approved), (.rejected, .rejected), (.failed, .failed),
            (.cancelled, .cancelled), (.notNeeded, .notNeeded),
        ] {
            try progress.encode(state.steps.count { $0.status == status }, forKey: key)
        }
        try progress.encode(state.steps.count, forKey: .total)
        var waiting = root.nestedUnkeyedContainer(forKey: .waiting)
        for wait in CaseWait.waits(of: state) {
            var entry = waiting.nestedContainer(keyedBy: Key.self)
            try entry.encode(wait.department == nil ? "applicant" : "department", forKey: .party)
            try entry.encode(wait.department, forKey: .department)
            try entry.encode(blueprint.steps[wait.step].id, forKey: .step)
            try entry.encode(wait.reason.rawValue, forKey: .reason)
            try entry.encode(wait.materials, forKey: .materials)
            try entry.encode(wait.due, forKey: .due)
        }
    }

    /// One event as the document lists it: its sequence, moment, kind and fields by name.
    func encode(_ event: CaseEvent, into entry: inout KeyedEncodingContainer<Key>) throws {
        try entry.encode(event.sequence, forKey: .sequence)
        try entry.encode(event.at, forKey: .at)
        try entry.encode(event.kind.name.rawValue, forKey: .kind)
        try encodeFields(of: event.kind, into: &entry)
    }

    /// The fields of one kind of event, by name.
    func encodeFields(of kind: CaseEvent.Kind, into entry: inout KeyedEncodingContainer<Key>) throws {
        let blueprint = state.blueprint
        func step(_ index: Int) -> String {
            blueprint.steps.indices.contains(index) ? blueprint.steps[index].id : "#\(index)"
        }
        switch kind {
        case .started(let start):
            try entry.encode(start.bundle, forKey: .bundle)
            try entry.encode(start.version, forKey: .version)
            try entry.encode(start.answers, forKey: .answers)
            try entry.encode(start.provided, forKey: .provided)
            try entry.encode(start.lead, forKey: .lead)
            try entry.encode(start.blueprint, forKey: .blueprint)
        case .intake(.accepted(let promisedBy, let deferred)):
            try entry.encode("accepted", forKey: .decision)
            try entry.encode(promisedBy, forKey: .promisedBy)
            var list = entry.nestedUnkeyedContainer(forKey: .deferred)
            for material in deferred {
                var item = list.nestedContainer(keyedBy: Key.self)
                try item.encode(material.material, forKey: .material)
                try item.encode(material.dueBy, forKey: .dueBy)
            }
        case .intake(.rejectedIncomplete(let missing)):
            try entry.encode("rejected-incomplete", forKey: .decision)
            try entry.encode(missing, forKey: .missing)
        case .dispatched(let s, let attempt, let key, let due):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(attempt, forKey: .attempt)
            try entry.encode(key, forKey: .key)
            try entry.encode(due, forKey: .due)
        case .dispatchFailed(let s, let attempt, let reason, let retryAt):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(attempt, forKey: .attempt)
            try entry.encode(reason, forKey: .reason)
            try entry.encode(retryAt, forKey: .retryAt)
        case .inReview(let s), .approved(let s), .notNeeded(let s):
            try entry.encode(step(s), forKey: .step)
        case .supplementRequested(let s, let note):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(note, forKey: .note)
        case .supplementSupplied(let s, let due), .dueSoon(let s, let due), .overdue(let s, let due):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(due, forKey: .due)
        case .approvalHeld(let s, let materials):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(materials, forKey: .materials)
        case .rejected(let s, let reason):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(reason, forKey: .reason)
        case .cancelled(let s, let cause):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(step(cause), forKey: .cause)
        case .failed(let s, let material):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(material, forKey: .material)
        case .materialSupplied(let material, let late):
            try entry.encode(material, forKey: .material)
            try entry.encode(late, forKey: .late)
        case .materialFetched(let material, let reference):
            try entry.encode(material, forKey: .material)
            try entry.encode(reference, forKey: .reference)
        case .materialUnavailable(let material, let reason, let fallback):
            try entry.encode(material, forKey: .material)
            try entry.encode(reason, forKey: .reason)
            try entry.encode(fallback.isPaper ? "paper" : "wait", forKey: .fallback)
            try entry.encode(fallback.dueBy, forKey: .dueBy)
        case .escalated(let s, let to):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(to, forKey: .to)
        case .decidedBy(let s, let principal):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(principal, forKey: .principal)
        case .issued(let s, let documents):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(documents, forKey: .documents)
        case .resultRecorded(let s, let results):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(results, forKey: .results)
        case .dueChanged(let s, let from, let to):
            try entry.encode(s.map(step), forKey: .step)
            try entry.encode(from, forKey: .from)
            try entry.encode(to, forKey: .to)
        case .outcomeIgnored(let s, let key, let outcome, let status):
            try entry.encode(step(s), forKey: .step)
            try entry.encode(key, forKey: .key)
            try entry.encode(outcome, forKey: .outcome)
            try entry.encode(status, forKey: .status)
        case .withdrawn(let reason):
            try entry.encode(reason, forKey: .reason)
        case .delivered(let outputs, let outcome):
            try entry.encode(outputs, forKey: .outputs)
            try entry.encode(outcome, forKey: .outcome)
        }
    }
}
