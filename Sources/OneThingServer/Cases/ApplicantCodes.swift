import OneThingAccess
import OneThingRuntime

/// The access codes of applicants, as the server issues them: the code shown once to
/// the applicant and what the store keeps to check it later (OneThingAccess's
/// ``AccessCode``: its alphabet, its hash, its metadata key).
enum ApplicantCodes {
    /// A new code for case `id`: as shown, and as stored.
    static func issue(for id: CaseID) -> (shown: String, stored: String) {
        let code = AccessCode.generate()
        return (code.description, code.storedHash(for: id))
    }

    /// What the store keeps for code `shown` of case `id` (a code the server issued,
    /// so always code-shaped; anything else is kept as a hash no code matches).
    static func stored(_ shown: String, for id: CaseID) -> String {
        AccessCode(shown)?.storedHash(for: id) ?? "sha256:"
    }

    /// The metadata key the store keeps case `id`'s code under.
    static func metadataKey(for id: CaseID) -> String { AccessCode.metadataKey(for: id) }
}
