/// The one hash OneThing keeps in files and derives seeds from: 64-bit FNV-1a. It is
/// the same on every machine and in every run (Swift's `Hasher` is seeded per process),
/// and any change of a single byte changes it.
///
/// It fingerprints blueprints, digests stored events (so a flipped byte is caught on
/// reading and an acknowledged event can be compared with the stored one), and mixes a
/// simulation's seed with a key.
public enum StableHash {
    /// The FNV-1a offset basis.
    public static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `bytes`.
    public static func fnv1a(_ bytes: some Sequence<UInt8>, continuing hash: UInt64 = basis) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash of a text's UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 { fnv1a(text.utf8) }

    /// 16 lower-case hexadecimal digits.
    public static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `text` mixed with `seed`: a random draw for one key that does not
    /// depend on what was drawn before it (SplitMix64's finaliser spreads the seed into
    /// every bit).
    public static func fnv1a(_ text: String, seed: UInt64) -> UInt64 {
        var bits = fnv1a(text) ^ seed
        bits = (bits ^ (bits >> 30)) &* 0xBF58_476D_1CE4_E5B9
        bits = (bits ^ (bits >> 27)) &* 0x94D0_49BB_1331_11EB
        return bits ^ (bits >> 31)
    }

    /// A uniform number in 0..<1 from 64 random bits (the top 53).
    public static func unit(_ bits: UInt64) -> Double { Double(bits >> 11) / Double(UInt64(1) << 53) }

    /// A uniform number in 0..<1 drawn for `text` from `seed`: the one seeded random
    /// source of OneThing's runtime (retry jitter, simulated and fake departments).
    public static func unit(_ text: String, seed: UInt64) -> Double { unit(fnv1a(text, seed: seed)) }
}
