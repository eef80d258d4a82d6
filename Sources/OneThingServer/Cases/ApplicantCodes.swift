import OneThingRuntime

/// The access codes of applicants, as the server issues them: the code shown once to
/// the applicant and what the store keeps to check it later.
enum ApplicantCodes {
    /// A new code for case `id`: as shown, and as stored.
    static func issue(for id: CaseID) -> (shown: String, stored: String) {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        let characters = String((0..<10).map { _ in alphabet[Int(generator.next() % 32)] })
        let shown = String(characters.prefix(5)) + "-" + String(characters.dropFirst(5))
        return (shown, stored(shown, for: id))
    }

    /// What the store keeps for code `shown` of case `id`.
    static func stored(_ shown: String, for id: CaseID) -> String {
        "fnv1a:" + StableHash.hex(StableHash.fnv1a("\(id)\u{0}\(shown.filter { $0 != "-" })"))
    }

    /// The metadata key the store keeps case `id`'s code under.
    static func metadataKey(for id: CaseID) -> String { "access/\(id)" }
}
