import Crypto
import OneThingEvents
import OneThingSource

/// The code an applicant is given when their case is created, to follow that one case
/// (its page, its events) without an account: 10 characters of Crockford's base32
/// alphabet (no I, L, O, U), printed in two groups of five, `7KD2M-Q9XWA`.
///
/// - **Typable.** Read back from paper or a phone, a code is taken in either case,
///   with or without spaces and hyphens, and with `O` for `0` and `I`/`L` for `1`.
/// - **Only a hash is kept.** The store's metadata holds, under
///   ``metadataKey(for:)`` (`access/CASEID`), the SHA-256 of the case id and the code;
///   a presented code is compared with it in constant time.
/// - **Strength.** 50 random bits: guessing online is hopeless at any rate a server
///   allows. The hash is deliberately a fast one: whoever has the store has the case's
///   answers beside it, so a slow hash would protect nothing more and cost every request.
public struct AccessCode: Sendable, Hashable, CustomStringConvertible {
    /// The code's 10 characters, normalised: capitals and digits of the alphabet.
    public let characters: String

    /// The alphabet: digits and capitals without I, L, O and U.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// The number of characters of a code.
    public static let length = 10

    /// The code a person typed, normalised; `nil` when it is not 10 characters of the
    /// alphabet once spaces and hyphens are dropped and look-alikes are read as meant.
    public init?(_ typed: String) {
        var characters: [Character] = []
        for character in typed.uppercased() {
            switch character {
            case " ", "-", "\u{3000}": continue
            case "O": characters.append("0")
            case "I", "L": characters.append("1")
            default:
                guard Self.alphabet.contains(character) else { return nil }
                characters.append(character)
            }
        }
        guard characters.count == Self.length else { return nil }
        self.characters = String(characters)
    }

    private init(normalised: String) {
        self.characters = normalised
    }

    /// A new random code, from the system's cryptographic generator.
    public static func generate() -> AccessCode {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A new code drawn from `generator` (a cryptographic one outside tests). Each
    /// character is 5 bits of a random byte: 32 divides 256, so every one is equally likely.
    public static func generate(using generator: inout some RandomNumberGenerator) -> AccessCode {
        let characters = (0..<length).map { _ in
            alphabet[Int(UInt8.random(in: .min ... .max, using: &generator) & 31)]
        }
        return AccessCode(normalised: String(characters))
    }

    /// The code as printed for the applicant: two groups of five, `7KD2M-Q9XWA`.
    public var description: String {
        String(characters.prefix(5)) + "-" + String(characters.dropFirst(5))
    }

    /// The metadata key under which the store keeps the hash of case `id`'s code.
    public static func metadataKey(for id: CaseID) -> String { "access/\(id)" }

    /// What the store keeps for this code as the code of case `id`: `sha256:` and 64
    /// hexadecimal digits of the hash of the case id and the code (the case id makes
    /// two cases' hashes differ even for the same code).
    public func storedHash(for id: CaseID) -> String {
        "sha256:" + Hexadecimal.text(Self.digest(characters, for: id))
    }

    /// Whether `typed` is the code whose stored hash is `stored` (`nil`: the case has no
    /// code, or does not exist), compared in constant time. A code that is not even
    /// code-shaped is hashed all the same, so the answer takes as long either way.
    public static func matches(_ typed: String, for id: CaseID, stored: String?) -> Bool {
        let presented = digest(AccessCode(typed)?.characters ?? typed, for: id)
        guard let stored, stored.hasPrefix("sha256:"),
            let expected = Hexadecimal.bytes(String(stored.dropFirst(7)))
        else { return false }
        return ConstantTime.equal(presented, expected) && AccessCode(typed) != nil
    }

    private static func digest(_ code: String, for id: CaseID) -> [UInt8] {
        Array(SHA256.hash(data: Array("onething-access-code\u{0}\(id)\u{0}\(code)".utf8)))
    }
}

extension AccessCode {
    /// Gives case `id` a new code and keeps its hash in `store`'s metadata: what the
    /// server does when it creates a case. The code is shown to the applicant once.
    public static func issue(for id: CaseID, in store: any EventStore) async throws(StoreError) -> AccessCode
    {
        let code = generate()
        try await store.setMetadata(code.storedHash(for: id), for: metadataKey(for: id))
        return code
    }

    /// Who presents `typed` as the access code of case `id`: the applicant of that case
    /// when it is its code, else ``Caller/wrongAccessCode`` (also when the case does not
    /// exist, so that a guess learns nothing about which cases do).
    public static func caller(presenting typed: String, for id: CaseID, in store: any EventStore)
        async throws(StoreError) -> Caller
    {
        let stored = try await store.metadata(metadataKey(for: id))
        return matches(typed, for: id, stored: stored) ? .applicant(of: id) : .wrongAccessCode
    }
}
