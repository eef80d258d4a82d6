import Crypto
import OneThingSource

/// The SHA-256 hash of a principal's token: all the principals file keeps of it, so
/// that a copy of the file lets nobody in.
///
/// A token is `ot_` followed by 64 hexadecimal digits (32 random bytes); its hash is
/// written as 64 lowercase hexadecimal digits. Presented tokens are compared by hash,
/// in time that does not depend on where the bytes differ.
public struct TokenHash: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes of the digest.
    public let bytes: [UInt8]

    /// The prefix every token starts with, so that a leaked one is recognisable
    /// (secret scanners, logs).
    public static let tokenPrefix = "ot_"

    /// The hash written as `hex` (64 hexadecimal digits), or `nil` when it is not one.
    public init?(hex: String) {
        guard let bytes = Hexadecimal.bytes(hex), bytes.count == SHA256.byteCount else { return nil }
        self.bytes = bytes
    }

    /// The hash of `token`, as it was presented.
    public init(of token: String) {
        self.bytes = Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// The hash as the file writes it: 64 lowercase hexadecimal digits.
    public var hex: String { Hexadecimal.text(bytes) }

    public var description: String { hex }

    /// Whether `token` is the one this is the hash of; the comparison takes the same
    /// time wherever the hashes differ.
    public func matches(_ token: String) -> Bool {
        ConstantTime.equal(TokenHash(of: token).bytes, bytes)
    }

    /// A new random token and its hash. The token is shown once and never stored.
    public static func newToken() -> (token: String, hash: TokenHash) {
        var generator = SystemRandomNumberGenerator()
        return newToken(using: &generator)
    }

    /// A new token drawn from `generator` (a cryptographic one outside tests), and its hash.
    public static func newToken(using generator: inout some RandomNumberGenerator) -> (
        token: String, hash: TokenHash
    ) {
        let random = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = tokenPrefix + Hexadecimal.text(random)
        return (token, TokenHash(of: token))
    }

    /// Whether `text` has the shape of a token (`ot_` and 64 hexadecimal digits).
    public static func isTokenShaped(_ text: String) -> Bool {
        text.hasPrefix(tokenPrefix)
            && Hexadecimal.bytes(String(text.dropFirst(tokenPrefix.count)))?.count == 32
    }
}

/// Comparisons whose time does not depend on the data: for secrets and their hashes.
enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes. Every byte is looked at, whatever the
    /// first difference; only the lengths (public: a digest's length) may end it early.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
