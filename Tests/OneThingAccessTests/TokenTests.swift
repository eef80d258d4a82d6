import OneThingAccess
import OneThingSimulation
import Testing

/// Tokens and their hashes, and who presents a token.
struct TokenTests {
    @Test func aNewTokenHasItsShapeAndOnlyItMatchesItsHash() {
        let (token, hash) = TokenHash.newToken()
        #expect(token.hasPrefix("ot_") && token.count == 67)
        #expect(TokenHash.isTokenShaped(token))
        #expect(hash.matches(token))
        #expect(!hash.matches(token.uppercased()))
        #expect(!hash.matches(String(token.dropLast()) + (token.last == "0" ? "1" : "0")))
        #expect(TokenHash(hex: hash.hex) == hash)
        #expect(TokenHash(hex: hash.hex.uppercased()) == hash)
        #expect(hash.hex.count == 64)
        // Two tokens are never the same.
        #expect(TokenHash.newToken().token != token)
    }

    @Test func aHashThatIsNot64HexadecimalDigitsIsRefused() {
        #expect(TokenHash(hex: "") == nil)
        #expect(TokenHash(hex: String(repeating: "a", count: 63)) == nil)
        #expect(TokenHash(hex: String(repeating: "a", count: 66)) == nil)
        #expect(TokenHash(hex: String(repeating: "g", count: 64)) == nil)
        #expect(!TokenHash.isTokenShaped("ot_xyz"))
        #expect(!TokenHash.isTokenShaped(String(repeating: "a", count: 64)))
    }

    @Test func theHashIsSHA256OfTheTokenText() {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        #expect(
            TokenHash(of: "abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aTokenNamesItsPrincipalAndAnythingElseIsUnknownOrAnonymous() {
        let (window, windowToken) = AccessFixtures.principal("window-01", .window, seed: 1)
        let (fire, fireToken) = AccessFixtures.principal(
            "fire-01", .officer, department: "fire-rescue", seed: 2)
        let directory = PrincipalDirectory([window, fire])
        #expect(directory.caller(presenting: windowToken) == .principal(window))
        #expect(directory.caller(presenting: fireToken) == .principal(fire))
        #expect(directory.caller(presenting: "ot_" + String(repeating: "0", count: 64)) == .unknownToken)
        #expect(directory.caller(presenting: "") == .unknownToken)
        #expect(directory.caller(presenting: nil) == .anonymous)
        #expect(directory.caller(authorization: "Bearer \(fireToken)") == .principal(fire))
        #expect(directory.caller(authorization: "bearer  \(fireToken) ") == .principal(fire))
        #expect(directory.caller(authorization: "Basic dXNlcjpwYXNz") == .unknownToken)
        #expect(directory.caller(authorization: "Bearer") == .unknownToken)
        #expect(directory.caller(authorization: nil) == .anonymous)
        #expect(directory.principal(id: "fire-01") == fire)
        #expect(PrincipalDirectory([]).caller(presenting: windowToken) == .unknownToken)
    }

    @Test func tokensDrawnFromTheSameSeedAreTheSameAndFromAnotherDiffer() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        var c = SplitMix64(seed: 8)
        let first = TokenHash.newToken(using: &a)
        #expect(first.token == TokenHash.newToken(using: &b).token)
        #expect(first.token != TokenHash.newToken(using: &c).token)
    }
}
