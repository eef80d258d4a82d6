import OneThingEvents

/// How the checks compare what a store gave with what the contract expects: each
/// comparison throws a ``StoreContract/Violation`` that says both.
enum ContractExpectation {
    /// Fails unless `actual` equals `expected`.
    static func equal<Value: Equatable>(_ actual: Value, _ expected: Value, _ subject: String)
        throws(StoreContract.Violation)
    {
        guard actual == expected else {
            throw StoreContract.Violation(
                subject: subject, expected: String(describing: expected), actual: String(describing: actual))
        }
    }

    /// Fails unless `condition` holds.
    static func that(
        _ condition: Bool, _ subject: String, expected: String, actual: @autoclosure () -> String
    )
        throws(StoreContract.Violation)
    {
        guard condition else {
            throw StoreContract.Violation(subject: subject, expected: expected, actual: actual())
        }
    }

    /// Fails unless `body` throws a ``StoreError`` of kind `kind`; returns the error.
    @discardableResult
    static func error(
        _ kind: StoreError.Kind, _ subject: String, _ body: () async throws -> Void
    ) async throws(StoreContract.Violation) -> StoreError {
        do {
            try await body()
        } catch let error as StoreError {
            guard error.kind == kind else {
                throw StoreContract.Violation(
                    subject: subject, expected: "a StoreError of kind \(kind)",
                    actual: "a StoreError of kind \(error.kind): \(error)")
            }
            return error
        } catch {
            throw StoreContract.Violation(
                subject: subject, expected: "a StoreError of kind \(kind)",
                actual: "\(type(of: error)): \(error)")
        }
        throw StoreContract.Violation(
            subject: subject, expected: "a StoreError of kind \(kind)", actual: "no error")
    }
}
