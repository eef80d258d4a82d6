import OneThingRuntime

extension CaseDocument {
    /// One event of a case as the case's document lists it (its sequence, moment, kind
    /// and fields by name, steps named by id), with the case's id: what a stream of
    /// events (the server's Server-Sent Events) sends, in the same shape as `events` of
    /// `grammar/case.schema.json`.
    public struct EventEntry: Encodable, Sendable {
        /// The event.
        public let event: CaseEvent
        /// The document whose blueprint names its steps.
        let document: CaseDocument

        /// The entry of `event` of a case pinned to `blueprint`.
        public init(event: CaseEvent, blueprint: CaseBlueprint) {
            self.event = event
            self.document = CaseDocument(events: [], blueprint: blueprint)
        }

        public func encode(to encoder: any Encoder) throws {
            var entry = encoder.container(keyedBy: Key.self)
            try entry.encode(event.caseID, forKey: .caseId)
            try document.encode(event, into: &entry)
        }
    }
}
