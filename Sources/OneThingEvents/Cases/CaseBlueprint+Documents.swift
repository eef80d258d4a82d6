extension CaseBlueprint.Step {
    /// The ids among `documents` that this step does not issue (not among its
    /// ``outputs``), sorted: what a decision may not name as issued. An approval
    /// names only documents of its step; the engine, the store and the server check it
    /// here.
    public func documentsNotIssued(_ documents: some Sequence<String>) -> [String] {
        documents.filter { !outputs.contains($0) }.sorted()
    }
}

extension CaseState {
    /// The number the department gave the document `output` when it approved the step
    /// that issues it (``CaseEvent/Kind/issued(step:documents:)``), if it gave one.
    public func documentNumber(of output: String) -> String? {
        steps.lazy.compactMap { $0.documents[output] }.first
    }
}
