import OneThingEvents

/// What every ``EventStore`` does, as checks that each take a new, empty store: the
/// in-memory store, the SQLite store and any later store run the same checks, so they
/// answer alike.
///
/// A store's tests run every check against a store of their own making:
///
/// ```swift
/// import OneThingStoreContract
/// import Testing
///
/// @Test(arguments: StoreContract.checks)
/// func contract(_ check: StoreContract.Check) async throws {
///     try await check.run(InMemoryEventStore())
/// }
/// ```
///
/// A check that fails throws a ``Violation`` that says what was expected and what came;
/// an error the store throws where none was expected fails the check as it is.
public struct StoreContract: Sendable {
    /// One check of the contract.
    public struct Check: Sendable, CustomStringConvertible {
        /// What the check shows, in words: `a gap is refused and writes nothing`.
        public let name: String
        private let body: @Sendable (any EventStore) async throws -> Void

        /// A check named `name` that `body` runs against a new, empty store.
        public init(_ name: String, _ body: @escaping @Sendable (any EventStore) async throws -> Void) {
            self.name = name
            self.body = body
        }

        /// Runs the check against `store`, which must be new and empty.
        ///
        /// - Throws: ``Violation`` when the store does not do what the contract says
        ///   (naming this check), or the error the store threw where none was expected.
        public func run(_ store: any EventStore) async throws {
            do {
                try await body(store)
            } catch var violation as Violation {
                violation.check = name
                throw violation
            }
        }

        public var description: String { name }
    }

    /// A store that does not do what the contract says.
    public struct Violation: Error, Sendable, Hashable, CustomStringConvertible {
        /// The check that found it.
        public var check: String
        /// What was looked at: `the events of case a`.
        public var subject: String
        /// What the contract expects.
        public var expected: String
        /// What the store gave.
        public var actual: String

        /// Creates a violation.
        public init(check: String = "", subject: String, expected: String, actual: String) {
            self.check = check
            self.subject = subject
            self.expected = expected
            self.actual = actual
        }

        public var description: String {
            (check.isEmpty ? "" : "\(check): ") + "\(subject): expected \(expected), got \(actual)"
        }
    }

    /// Every check of the contract.
    public static let checks: [Check] =
        appendChecks + refusalChecks + queryChecks + blueprintChecks + codecChecks + caseIDChecks
        + metadataChecks
}
