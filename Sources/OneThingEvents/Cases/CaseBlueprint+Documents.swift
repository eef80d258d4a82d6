extension CaseBlueprint.Step {
    /// The ids among `documents` that this step does not issue (not among its
    /// ``outputs``), sorted: what a decision may not name as issued. An approval
    /// names only documents of its step; the engine, the store and the server check it
    /// here.
    public func documentsNotIssued(_ documents: some Sequence<String>) -> [String] {
        documents.filter { !outputs.contains($0) }.sorted()
    }
}
