extension AsyncSequence {
    /// Every element, in order: the decoded rows of a query.
    func collected() async throws -> [Element] {
        var elements: [Element] = []
        for try await element in self { elements.append(element) }
        return elements
    }
}
