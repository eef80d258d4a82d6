/// Why a store could not do what it was asked. The engine never acknowledges an event
/// a store did not confirm; the ``kind`` tells a caller what to do next (reload and try
/// again after a conflict, wait while the store is unavailable, tell an operator about
/// a full disk or a damaged file), the message says in plain words what happened and
/// names the file, folder or disk, and the underlying code is the database's own.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is: a closed set that may grow, so match the kinds you
    /// handle and treat the others alike.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        enum Base: String, Sendable, Hashable {
            case conflict, refused, full, corrupt, unavailable, readOnly, incompatible
        }

        let base: Base

        /// Another writer appended to the case first (optimistic concurrency on the
        /// case's sequence): nothing was written; reload the case and decide again.
        public static let conflict = Kind(base: .conflict)
        /// The events do not fit: a gap, a second start, a step the blueprint lacks, an
        /// unknown blueprint. Nothing was written; the caller has a bug.
        public static let refused = Kind(base: .refused)
        /// The disk (or the database's quota) is full: nothing was written.
        public static let full = Kind(base: .full)
        /// The store is damaged: a page or a row does not read back as it was written.
        public static let corrupt = Kind(base: .corrupt)
        /// The store cannot be reached now: locked by another process past the timeout,
        /// an input/output error, a lost connection, a missing file or folder, no
        /// permission. Try again later, or fix what the message names.
        public static let unavailable = Kind(base: .unavailable)
        /// The store was opened for reading only, or its file cannot be written.
        public static let readOnly = Kind(base: .readOnly)
        /// The store is in a format this version does not read as it is: an older one
        /// that must be converted first (the message names the command), a later
        /// one, or a database that is not an event store. Nothing was changed.
        public static let incompatible = Kind(base: .incompatible)

        public var description: String { base.rawValue }
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// What happened, in plain words, naming the file, folder or disk.
    public var message: String
    /// The database's own code, when it gave one (`SQLITE_FULL (13)`, `SQLSTATE 40001`).
    public var underlyingCode: String?
    /// The case concerned, when one is.
    public var caseID: CaseID?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, underlyingCode: String? = nil, caseID: CaseID? = nil) {
        self.kind = kind
        self.message = message
        self.underlyingCode = underlyingCode
        self.caseID = caseID
    }

    /// Whether trying again later may succeed (a conflict after a reload, an unavailable store).
    public var isTransient: Bool { kind == .conflict || kind == .unavailable }

    public var description: String { message + (underlyingCode.map { " [\($0)]" } ?? "") }
}
